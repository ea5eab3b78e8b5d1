import { useTranslation } from 'react-i18next';

export function ProtectedIdentityMarker() {
  const { t } = useTranslation();
  return <span className="badge badge-protected">{t('participant.protectedIdentity')}</span>;
}
