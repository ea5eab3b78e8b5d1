import { useTranslation } from 'react-i18next';
import type { CaseloadWarning } from '../../../core/caseload-warnings.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useParticipantWarnings } from '../caseload/caseload.queries.ts';
import { CaseloadWarningBadge } from '../caseload/caseload-warning-badge.tsx';
import { OverviewSection } from './overview-section.tsx';
import { type LinkedTab, ParticipantTabLink } from './participant-tab-link.tsx';

// Where each warning can be dealt with.
const tabFor: Record<CaseloadWarning, LinkedTab> = {
  planned_end_soon: 'inskrivning',
  planned_end_passed: 'inskrivning',
  no_contact: 'journal',
  plan_not_reviewed: 'plan',
  follow_up_due: 'inskrivning',
  follow_up_overdue: 'inskrivning',
};

/** The participant's warnings, by the same rules as "my participants", each with the tab that deals with it. */
export function OverviewWarnings({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const warnings = useParticipantWarnings(participantId);
  return (
    <OverviewSection heading={t('overview.warningsHeading')}>
      <QueryState query={warnings}>
        {(data) =>
          data.warnings.length === 0 ? (
            <p className="empty">{t('overview.noWarnings')}</p>
          ) : (
            <ul className="plain-list overview-warnings">
              {data.warnings.map((warning) => (
                <li key={warning}>
                  <CaseloadWarningBadge warning={warning} /> <ParticipantTabLink tab={tabFor[warning]} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </OverviewSection>
  );
}
