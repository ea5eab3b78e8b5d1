import { useTranslation } from 'react-i18next';
import type { OpeningStatus } from '../../../core/enums.ts';

const tone: Record<OpeningStatus, string> = { open: 'success', filled: 'info', closed: 'neutral' };

/** The status as text in a coloured badge; the colour only repeats what the text says. */
export function OpeningStatusBadge({ status }: { status: OpeningStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${tone[status]}`}>{t(`openingStatus.${status}`)}</span>;
}
