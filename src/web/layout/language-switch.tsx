import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

/** Switches between Swedish and English; the label is the other language, in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <button type="button" className="header-button" lang={other} onClick={() => void setLanguage(other)}>
      {t('app.otherLanguage')}
    </button>
  );
}
