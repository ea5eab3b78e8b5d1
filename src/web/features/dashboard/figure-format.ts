import { useTranslation } from 'react-i18next';
import type { LegalGender } from '../../../core/enums.ts';

export type Gender = LegalGender | 'total';
/** Women and men side by side, then the others (so the columns add up), then the total. */
export const genderColumns: readonly Gender[] = ['female', 'male', 'unknown', 'total'];

/** Chart colours, each at least 3:1 against white and told apart by the legend and the table too. */
export const genderColours: Record<LegalGender, string> = {
  female: '#1d3a5c',
  male: '#a34f00',
  unknown: '#5f6670',
};

/** Numbers as the user's language writes them: 43,5 % and 1 234 in Swedish. */
export function useFigureFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    percent: (value: number | null) =>
      value === null ? t('dashboard.noValue') : `${oneDecimal.format(value)} %`,
    number: (value: number) => whole.format(value),
    days: (value: number | null) =>
      value === null
        ? t('dashboard.noValue')
        : t('dashboard.days', { count: value, days: whole.format(value) }),
    genderLabel: (gender: Gender) => t(`dashboard.gender.${gender}`),
  };
}
