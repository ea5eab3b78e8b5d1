import { lazy, Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { isApiError } from '../../api/client.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { ActivityCatalogue } from '../activities/activity-catalogue.tsx';
import { ClosureDays } from '../activities/closure-days.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { GoalFigure } from '../follow-ups/goal-figure.tsx';
import { ProgrammeDetails } from './programme-details.tsx';
import { useProgramme } from './programmes.queries.ts';

// Only managers edit, so the form's code loads when they ask for it.
const ProgrammeEditForm = lazy(async () => ({
  default: (await import('./programme-edit-form.tsx')).ProgrammeEditForm,
}));

export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const programme = useProgramme(id);
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (programme.isPending) {
    return (
      <>
        <PageHeader title={t('programme.title')} />
        <Loading />
      </>
    );
  }
  if (programme.isError) {
    if (isApiError(programme.error) && programme.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('programme.title')} />
        <ErrorState error={programme.error} onRetry={() => programme.refetch()} />
      </>
    );
  }

  const detail = programme.data;
  // The server lets a manager change a programme run in one of their own centres.
  const mayEdit =
    can(user.role, 'programme.manage') && detail.centres.some((c) => user.centres.some((u) => u.id === c.id));

  return (
    <>
      <PageHeader
        title={detail.name}
        actions={
          can(user.role, 'dashboard.read') ? (
            <Link className="button button-secondary" to={`/oversikt?program=${detail.id}`}>
              {t('dashboard.open')}
            </Link>
          ) : null
        }
      />
      {created && !saved && !isEditing ? (
        <Notice tone="success" live>
          {t('programme.createdNotice')}
        </Notice>
      ) : null}
      {isEditing ? (
        <Suspense fallback={<Loading />}>
          <ProgrammeEditForm
            programme={detail}
            onDone={(didSave) => {
              setEditing(false);
              setSaved(didSave);
            }}
          />
        </Suspense>
      ) : (
        <section>
          <div className="section-header">
            <h2 id="programme-facts">{t('programme.factsHeading')}</h2>
            {mayEdit ? (
              <Button
                className="button button-secondary"
                onPress={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('programme.edit')}
              </Button>
            ) : null}
          </div>
          {saved ? (
            <Notice tone="success" live>
              {t('programme.savedNotice')}
            </Notice>
          ) : null}
          <ProgrammeDetails programme={detail} headingLevel={3} checklists={{ mayEdit }} />
        </section>
      )}
      {isEditing ? null : <GoalFigure programmeId={detail.id} />}
      {isEditing ? null : <ActivityCatalogue programme={detail} mayEdit={mayEdit} />}
      {isEditing ? null : <ClosureDays programmeId={detail.id} mayEdit={mayEdit} />}
    </>
  );
}
