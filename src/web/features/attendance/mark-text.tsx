import { useTranslation } from 'react-i18next';
import type { AbsenceReason, AttendanceStatus } from '../../../core/enums.ts';

type Mark = {
  status: AttendanceStatus | null;
  lateMinutes?: number | null;
  absenceReason: AbsenceReason | null;
  reasonText?: string | null;
};

/** A mark in words: "Närvarande", "Sen 20 min", "Frånvarande: Annat (Flytt)"; nothing recorded yet. */
export function MarkText({ mark }: { mark: Mark }) {
  const { t } = useTranslation();
  if (mark.status === null) return <>{t('attendance.notRecorded')}</>;
  if (mark.status === 'late' && mark.lateMinutes) {
    return <>{t('attendance.lateBy', { minutes: mark.lateMinutes })}</>;
  }
  if (mark.status === 'absent' && mark.absenceReason) {
    const reason = t(`absenceReason.${mark.absenceReason}`);
    return (
      <>
        {t('attendance.absentBecause', {
          reason: mark.reasonText ? `${reason} (${mark.reasonText})` : reason,
        })}
      </>
    );
  }
  return <>{t(`attendanceStatus.${mark.status}`)}</>;
}
