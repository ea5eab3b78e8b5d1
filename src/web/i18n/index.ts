import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../core/enums.ts';
import { setApiLanguage } from '../api/client.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

const storageKey = 'stegvis.language';

function storedLanguage(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

function applyLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
  setApiLanguage(locale);
}

export function initI18n(): typeof i18next {
  const locale = storedLanguage();
  applyLanguage(locale);
  i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'sv',
    supportedLngs: ['sv', 'en'],
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (lng) => {
    const next: Locale = lng === 'en' ? 'en' : 'sv';
    applyLanguage(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this page only.
    }
  });
  return i18next;
}

/** The UI language as the core's Locale. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** Swedish (or English) collation for every list the user reads in order. */
export function useCollator(): Intl.Collator {
  const locale = useLocale();
  return collators[locale];
}

const collators: Record<Locale, Intl.Collator> = {
  sv: new Intl.Collator('sv'),
  en: new Intl.Collator('en'),
};
