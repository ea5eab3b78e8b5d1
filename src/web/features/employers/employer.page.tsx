import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { formatOrganisationNumber } from '../../../core/organisation-number.ts';
import { can } from '../../../core/permissions.ts';
import type { Employer } from '../../../core/schemas/employer.schema.ts';
import { isApiError } from '../../api/client.ts';
import { DescriptionList } from '../../components/description-list.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { EmployerOutcomesSection } from '../placements/employer-outcomes.section.tsx';
import { EmployerContacts } from './employer-contacts.tsx';
import { EmployerEditForm } from './employer-edit-form.tsx';
import { EmployerInteractions } from './employer-interactions.tsx';
import { EmployerOpenings } from './employer-openings.tsx';
import { useEmployer } from './employers.queries.ts';

/** One employer: details, contact people, the interaction log and the openings. */
export function EmployerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const employer = useEmployer(id);
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';

  if (employer.isPending) {
    return (
      <>
        <PageHeader title={t('employer.title')} />
        <Loading />
      </>
    );
  }
  if (employer.isError) {
    if (isApiError(employer.error) && employer.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('employer.title')} />
        <ErrorState error={employer.error} onRetry={() => employer.refetch()} />
      </>
    );
  }
  const detail = employer.data;
  const mayManage = can(user.role, 'employer.manage');
  return (
    <>
      <PageHeader
        title={<bdi>{detail.name}</bdi>}
        documentTitle={`${detail.name} – ${t('employer.title')}`}
        lead={[formatOrganisationNumber(detail.organisationNumber), detail.municipalityName]
          .filter(Boolean)
          .join(', ')}
      />
      {created ? (
        <Notice tone="success" live>
          {t('employer.createdNotice')}
        </Notice>
      ) : null}
      <EmployerFacts employer={detail} mayManage={mayManage} />
      <EmployerContacts employer={detail} mayManage={mayManage} />
      <EmployerInteractions employer={detail} mayManage={mayManage} />
      <EmployerOpenings employer={detail} mayManage={mayManage} />
      {can(user.role, 'participant.read') ? <EmployerOutcomesSection employerId={detail.id} /> : null}
    </>
  );
}

function EmployerFacts({ employer, mayManage }: { employer: Employer; mayManage: boolean }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (isEditing) {
    return (
      <EmployerEditForm
        employer={employer}
        onDone={(didSave) => {
          setEditing(false);
          setSaved(didSave);
        }}
      />
    );
  }
  const address = [employer.streetAddress, [employer.postalCode, employer.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return (
    <section aria-labelledby="employer-facts-heading">
      <div className="section-header">
        <h2 id="employer-facts-heading">{t('employer.factsHeading')}</h2>
        {mayManage ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('employer.edit')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('employer.savedNotice')}
        </Notice>
      ) : null}
      <DescriptionList
        emptyLabel={t('common.notGiven')}
        items={[
          {
            key: 'organisationNumber',
            term: t('field.organisationNumber'),
            value: formatOrganisationNumber(employer.organisationNumber),
          },
          {
            key: 'industry',
            term: t('field.industryCode'),
            value: employer.industryCode
              ? `${employer.industryName ?? ''} (${employer.industryCode})`.trim()
              : null,
          },
          { key: 'municipality', term: t('field.municipality'), value: employer.municipalityName },
          { key: 'address', term: t('employer.address'), value: address },
          {
            key: 'offers',
            term: t('field.offers'),
            value: employer.offers.map((o) => t(`employerOffer.${o}`)).join(', '),
          },
          {
            key: 'notes',
            term: t('field.notes'),
            value: employer.notes ? (
              <span className="journal-text" dir="auto">
                {employer.notes}
              </span>
            ) : null,
          },
        ]}
      />
    </section>
  );
}
