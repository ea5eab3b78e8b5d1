import { useTranslation } from 'react-i18next';
import type { CaseloadWarning } from '../../../core/caseload-warnings.ts';

// Overdue and passed are errors; what is coming soon is a warning. The words say it, the colour only helps.
const tone: Record<CaseloadWarning, 'error' | 'warning'> = {
  planned_end_soon: 'warning',
  planned_end_passed: 'error',
  no_contact: 'warning',
  plan_not_reviewed: 'warning',
  follow_up_due: 'warning',
  follow_up_overdue: 'error',
};

/** One warning of "my participants", as the caseload and the participant overview show it. */
export function CaseloadWarningBadge({ warning }: { warning: CaseloadWarning }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${tone[warning]}`}>{t(`caseloadWarning.${warning}`)}</span>;
}
