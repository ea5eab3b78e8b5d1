import { useTranslation } from 'react-i18next';
import type { ParticipantStatus, ReferralStatus } from '../../core/enums.ts';

type StatusBadgeProps =
  | { kind: 'participant'; status: ParticipantStatus }
  | { kind: 'referral'; status: ReferralStatus };

const tone: Record<ParticipantStatus | ReferralStatus, string> = {
  referred: 'info',
  received: 'info',
  meeting_booked: 'warning',
  enrolled: 'success',
  exited: 'neutral',
  closed: 'neutral',
  declined: 'neutral',
  withdrawn: 'neutral',
};

export function StatusBadge(props: StatusBadgeProps) {
  const { t } = useTranslation();
  const label =
    props.kind === 'participant'
      ? t(`participantStatus.${props.status}`)
      : t(`referralStatus.${props.status}`);
  return <span className={`badge badge-${tone[props.status]}`}>{label}</span>;
}
