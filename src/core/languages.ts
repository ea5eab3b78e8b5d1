// Languages participants commonly prefer, by ISO 639 code; their names are in the i18n resources.
export const languageCodes = [
  'sv',
  'ar',
  'ti',
  'so',
  'fa',
  'prs',
  'ps',
  'ku',
  'uk',
  'ru',
  'am',
  'tr',
  'en',
  'fr',
  'es',
  'bs',
  'sq',
  'th',
  'other',
] as const;
export type LanguageCode = (typeof languageCodes)[number];
