import { useTranslation } from 'react-i18next';
import type { Session } from '../../../core/schemas/activity.schema.ts';

/** Planned, or cancelled with its reason: said in words, not by colour alone. */
export function SessionStatus({ session }: { session: Session }) {
  const { t } = useTranslation();
  if (session.status === 'planned') {
    return (
      <>
        {t('sessionStatus.planned')}
        {session.movedFrom ? (
          <span className="cell-note">{t('sessions.movedNote', { date: session.movedFrom })}</span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <span className="badge badge-neutral">{t('sessionStatus.cancelled')}</span>
      {session.cancelReason ? <span className="cell-note">{session.cancelReason}</span> : null}
    </>
  );
}
