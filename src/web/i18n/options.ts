import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { legalGenders, referralBases, roles } from '../../core/enums.ts';
import { languageCodes } from '../../core/languages.ts';
import type { Option } from '../components/field-parts.tsx';
import { useCollator } from './index.ts';

/** Languages by name in the UI language, Swedish collation, with "other" last. */
export function useLanguageOptions(): Option[] {
  const { t } = useTranslation();
  const collator = useCollator();
  return useMemo(() => {
    const named = languageCodes
      .filter((code) => code !== 'other')
      .map((code) => ({ value: code, label: t(`language.${code}`) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return [...named, { value: 'other', label: t('language.other') }];
  }, [t, collator]);
}

export function useLegalGenderOptions(): Option[] {
  const { t } = useTranslation();
  return useMemo(() => legalGenders.map((value) => ({ value, label: t(`legalGender.${value}`) })), [t]);
}

export function useReferralBasisOptions(): Option[] {
  const { t } = useTranslation();
  return useMemo(() => referralBases.map((value) => ({ value, label: t(`referralBasis.${value}`) })), [t]);
}

export function useRoleOptions(): Option[] {
  const { t } = useTranslation();
  const collator = useCollator();
  return useMemo(
    () =>
      roles
        .map((value) => ({ value, label: t(`role.${value}`) }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    [t, collator],
  );
}

/** Sorts any named things by name, Swedish collation. */
export function useSortedByName<T extends { name: string }>(items: readonly T[] | undefined): T[] {
  const collator = useCollator();
  return useMemo(
    () => [...(items ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [items, collator],
  );
}
