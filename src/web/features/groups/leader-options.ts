import { useTranslation } from 'react-i18next';
import type { Option } from '../../components/field-parts.tsx';
import { useCollator } from '../../i18n/index.ts';
import { useCentreStaff } from '../team/team.queries.ts';

/**
 * The staff of a centre as choices of leader. The current leader stays a choice while the list loads, and
 * if they no longer work at the centre, so the select never shows another name than the saved one.
 */
export function useLeaderOptions(centreId: string, current?: { id: string; name: string }): Option[] {
  const { t } = useTranslation();
  const collator = useCollator();
  const staff = useCentreStaff(centreId, centreId !== '');
  const options = (staff.data?.items ?? [])
    .map((s) => ({ value: s.userId, label: `${s.name}, ${t(`role.${s.role}`)}` }))
    .sort((a, b) => collator.compare(a.label, b.label));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return options;
}
