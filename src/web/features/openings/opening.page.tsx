import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { Opening } from '../../../core/schemas/employer.schema.ts';
import { isApiError } from '../../api/client.ts';
import { DescriptionList } from '../../components/description-list.tsx';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { OpeningMatchesSection } from '../matching/opening-matches.section.tsx';
import { OpeningForm } from './opening-form.tsx';
import { OpeningStatusBadge } from './opening-status-badge.tsx';
import { useOpening } from './openings.queries.ts';

/** One internship or job: what it is, what it requires, and its employer. */
export function OpeningPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const opening = useOpening(id);
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (opening.isPending) {
    return (
      <>
        <PageHeader title={t('opening.title')} />
        <Loading />
      </>
    );
  }
  if (opening.isError) {
    if (isApiError(opening.error) && opening.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('opening.title')} />
        <ErrorState error={opening.error} onRetry={() => opening.refetch()} />
      </>
    );
  }
  const detail = opening.data;
  const mayManage = can(user.role, 'employer.manage');
  return (
    <>
      <PageHeader
        title={<bdi>{detail.title}</bdi>}
        documentTitle={`${detail.title} – ${t('opening.title')}`}
        lead={
          <>
            {t(`openingKind.${detail.kind}`)},{' '}
            <Link to={`/arbetsgivare/${detail.employerId}`}>
              <bdi>{detail.employerName}</bdi>
            </Link>
          </>
        }
      />
      {isEditing ? (
        <OpeningForm
          key={detail.id}
          opening={detail}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <OpeningFacts
          opening={detail}
          mayManage={mayManage}
          saved={saved}
          onEdit={() => {
            setSaved(false);
            setEditing(true);
          }}
        />
      )}
      {can(user.role, 'participant.read') ? <OpeningMatchesSection opening={detail} /> : null}
    </>
  );
}

function OpeningFacts({
  opening,
  mayManage,
  saved,
  onEdit,
}: {
  opening: Opening;
  mayManage: boolean;
  saved: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="opening-facts-heading">
        <div className="section-header">
          <h2 id="opening-facts-heading">{t('opening.factsHeading')}</h2>
          {mayManage ? (
            <Button className="button button-secondary" onPress={onEdit}>
              {t('opening.edit')}
            </Button>
          ) : null}
        </div>
        {saved ? (
          <Notice tone="success" live>
            {t('opening.savedNotice')}
          </Notice>
        ) : null}
        <DescriptionList
          emptyLabel={t('common.notGiven')}
          items={[
            { key: 'kind', term: t('field.kind'), value: t(`openingKind.${opening.kind}`) },
            {
              key: 'employer',
              term: t('opening.employer'),
              value: (
                <Link to={`/arbetsgivare/${opening.employerId}`}>
                  <bdi>{opening.employerName}</bdi>
                </Link>
              ),
            },
            {
              key: 'occupation',
              term: t('field.occupationCode'),
              value: `${opening.occupationName} (${opening.occupationCode})`,
            },
            { key: 'places', term: t('field.places'), value: String(opening.places) },
            { key: 'startsOn', term: t('field.startsOn'), value: formatDate(opening.startsOn) },
            {
              key: 'hours',
              term: t('field.hoursPerWeek'),
              value: opening.hoursPerWeek === null ? null : String(opening.hoursPerWeek),
            },
            { key: 'municipality', term: t('field.municipality'), value: opening.municipalityName },
            { key: 'status', term: t('field.status'), value: <OpeningStatusBadge status={opening.status} /> },
          ]}
        />
      </section>
      <section aria-labelledby="opening-requirements-heading">
        <h2 id="opening-requirements-heading">{t('opening.requirementsHeading')}</h2>
        <DescriptionList
          emptyLabel={t('common.notGiven')}
          items={[
            {
              key: 'sfi',
              term: t('field.requiredSfiCourse'),
              value: opening.requiredSfiCourse
                ? t(`sfiCourse.${opening.requiredSfiCourse}`)
                : t('opening.noSfiRequired'),
            },
            {
              key: 'drivingLicence',
              term: t('field.drivingLicenceRequired'),
              value: opening.drivingLicenceRequired ? t('common.yes') : t('common.no'),
            },
            {
              key: 'education',
              term: t('field.requiredEducationLevelCode'),
              value: opening.requiredEducationLevelCode
                ? `${opening.requiredEducationLevelName ?? ''} (${opening.requiredEducationLevelCode})`.trim()
                : t('opening.noEducationRequired'),
            },
            {
              key: 'requirements',
              term: t('field.requirements'),
              value: opening.requirements ? (
                <span className="journal-text" dir="auto">
                  {opening.requirements}
                </span>
              ) : null,
            },
          ]}
        />
      </section>
    </>
  );
}
