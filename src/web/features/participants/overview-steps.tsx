import { useTranslation } from 'react-i18next';
import type { EnrolmentStep } from '../../../core/schemas/step.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { OverviewSection } from './overview-section.tsx';
import { ParticipantTabLink } from './participant-tab-link.tsx';

/** The open steps of each active enrolment, with when they started and how far the checklist has come. */
export function OverviewSteps({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const enrolments = useEnrolments(participantId);
  return (
    <OverviewSection heading={t('overview.stepsHeading')} link={<ParticipantTabLink tab="inskrivning" />}>
      <QueryState query={enrolments}>
        {(data) => {
          const active = data.items.filter((e) => e.exitedOn === null);
          if (active.length === 0) return <p className="empty">{t('overview.notEnrolled')}</p>;
          return active.map((enrolment) => {
            const open = enrolment.steps.filter((s) => s.endedOn === null);
            const columns: Column<EnrolmentStep>[] = [
              {
                key: 'step',
                header: t('steps.step'),
                isRowHeader: true,
                cell: (s) => `${s.ordinal}. ${s.name}`,
              },
              {
                key: 'startedOn',
                header: t('overview.startedOn'),
                className: 'cell-date',
                cell: (s) => formatDate(s.startedOn),
              },
            ];
            // Only steps with a checklist have progress to show.
            if (open.some((s) => s.checklist.length > 0)) {
              columns.push({
                key: 'checklist',
                header: t('overview.checklist'),
                cell: (s) =>
                  s.checklist.length === 0
                    ? ''
                    : t('overview.checklistDone', {
                        done: s.checklist.filter((i) => i.tickedOn !== null).length,
                        total: s.checklist.length,
                      }),
              });
            }
            return (
              <div key={enrolment.id} className="overview-group">
                {active.length > 1 ? <h3>{enrolment.programmeName}</h3> : null}
                <DataTable
                  caption={t('overview.stepsCaption', { programme: enrolment.programmeName })}
                  captionHidden
                  columns={columns}
                  rows={open}
                  rowKey={(s) => s.id}
                  emptyText={t('overview.noOpenSteps')}
                />
              </div>
            );
          });
        }}
      </QueryState>
    </OverviewSection>
  );
}
