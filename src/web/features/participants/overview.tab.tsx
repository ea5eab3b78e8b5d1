import { lazy, Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { Loading } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { OverviewGoals } from './overview-goals.tsx';
import { OverviewJournal } from './overview-journal.tsx';
import { OverviewSteps } from './overview-steps.tsx';
import { OverviewWarnings } from './overview-warnings.tsx';
import { ParticipantDetails } from './participant-details.tsx';

const IdentityReplacementForm = lazy(async () => ({
  default: (await import('./identity-replacement-form.tsx')).IdentityReplacementForm,
}));
const ParticipantEditForm = lazy(async () => ({
  default: (await import('./participant-edit-form.tsx')).ParticipantEditForm,
}));

export function OverviewTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = can(user.role, 'participant.write') && !participant.readOnly;

  if (isEditing) {
    return (
      <Suspense fallback={<Loading />}>
        <ParticipantEditForm
          participant={participant}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      </Suspense>
    );
  }

  return (
    <div className="stack">
      {/* Each part loads on its own, so one that fails leaves the others and the details in place. */}
      <div className="overview-grid">
        <OverviewWarnings participantId={participant.id} />
        <OverviewSteps participantId={participant.id} />
        <OverviewGoals participantId={participant.id} />
        <OverviewJournal participantId={participant.id} />
      </div>

      <section>
        <div className="section-header">
          <h2 id="overview-details">{t('participant.detailsHeading')}</h2>
          {mayEdit ? (
            <Button
              className="button button-secondary"
              onPress={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('participant.edit')}
            </Button>
          ) : null}
        </div>
        {saved ? (
          <Notice tone="success" live>
            {t('participant.savedNotice')}
          </Notice>
        ) : null}
        <ParticipantDetails participant={participant} />
      </section>

      {participant.identityType === 'reserve' && mayEdit ? (
        <Suspense fallback={<Loading />}>
          <IdentityReplacementForm participant={participant} />
        </Suspense>
      ) : null}

      <section>
        <h2 id="overview-staff">{t('participant.staffHeading')}</h2>
        <DataTable
          caption={t('participant.staffHeading')}
          captionHidden
          columns={[
            { key: 'name', header: t('field.name'), isRowHeader: true, cell: (s) => s.name },
            { key: 'role', header: t('field.role'), cell: (s) => t(`role.${s.role}` as 'role.coordinator') },
            {
              key: 'contact',
              header: t('participant.contactPerson'),
              cell: (s) => (s.isContact ? t('common.yes') : t('common.no')),
            },
          ]}
          rows={participant.assignedStaff}
          rowKey={(s) => s.userId}
          emptyText={t('participant.noStaff')}
        />
      </section>

      {participant.identityHistory.length > 0 ? (
        <section>
          <h2 id="overview-identity-history">{t('participant.identityHistoryHeading')}</h2>
          <DataTable
            caption={t('participant.identityHistoryHeading')}
            captionHidden
            columns={[
              {
                key: 'type',
                header: t('participant.identityTypeColumn'),
                cell: (h) => t(`identityType.${h.identityType}`),
              },
              {
                key: 'number',
                header: t('participant.identityNumberColumn'),
                isRowHeader: true,
                cell: (h) => h.identityNumber,
              },
              {
                key: 'replacedAt',
                header: t('participant.replacedAt'),
                cell: (h) => formatDateTime(h.replacedAt),
              },
            ]}
            rows={participant.identityHistory}
            rowKey={(h) => `${h.identityNumber}-${h.replacedAt}`}
            emptyText=""
          />
        </section>
      ) : null}
    </div>
  );
}
