import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../core/enums.ts';
import { setApiLanguage } from '../api/client.ts';
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

// English loads only for those who choose it, so the first load carries one language.
async function loadLanguage(locale: Locale): Promise<void> {
  if (locale === 'sv' || i18next.hasResourceBundle(locale, 'translation')) return;
  const { en } = await import('./en.ts');
  i18next.addResourceBundle('en', 'translation', en);
}

/** Changes the UI language, loading its texts first. */
export async function setLanguage(locale: Locale): Promise<void> {
  await loadLanguage(locale);
  await i18next.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18next> {
  const locale = storedLanguage();
  applyLanguage('sv');
  i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv } },
    partialBundledLanguages: true,
    lng: 'sv',
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
  if (locale !== 'sv') await setLanguage(locale);
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
