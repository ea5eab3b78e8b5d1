import { useTranslation } from 'react-i18next';
import type { PlacementStatus } from '../../../core/enums.ts';

const tone: Record<PlacementStatus, string> = {
  planned: 'info',
  ongoing: 'success',
  ended: 'neutral',
  cancelled: 'neutral',
};

/** The status as text in a coloured badge; the colour only repeats what the text says. */
export function PlacementStatusBadge({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${tone[status]}`}>{t(`placementStatus.${status}`)}</span>;
}
