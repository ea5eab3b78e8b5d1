import { useMemo } from 'react';
import { useEducationLevels, useMunicipalities } from '../../api/reference.queries.ts';
import type { Option } from '../../components/field-parts.tsx';
import { useCollator } from '../../i18n/index.ts';

/** Municipalities by name, Swedish collation. */
export function useMunicipalityOptions(): Option[] {
  const { data } = useMunicipalities();
  const collator = useCollator();
  return useMemo(
    () =>
      (data?.items ?? [])
        .map((item) => ({ value: item.code, label: item.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    [data, collator],
  );
}

/** SUN 2020 levels in code order (3, 31, 310…), each with its code, as a native select cannot indent. */
export function useEducationLevelOptions(): Option[] {
  const { data } = useEducationLevels();
  return useMemo(
    () =>
      [...(data?.items ?? [])]
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .map((item) => ({ value: item.code, label: `${item.code} ${item.name}` })),
    [data],
  );
}
