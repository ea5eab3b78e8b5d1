import { useMemo } from 'react';
import { useEducationLevels, useIndustries, useMunicipalities } from '../../api/reference.queries.ts';
import type { Option, OptionGroup } from '../../components/field-parts.tsx';
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

/**
 * SNI 2007 two-digit divisions in code order, each with its code, grouped under their sections. A code saved
 * earlier that is not a division (a finer SNI code) stays choosable, so that opening the form does not change it.
 */
export function useIndustryOptions(current: string): (Option | OptionGroup)[] {
  const { data } = useIndustries();
  return useMemo(() => {
    const items = [...(data?.items ?? [])].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const groups: (Option | OptionGroup)[] = items
      .filter((section) => section.level === 1)
      .map((section) => ({
        label: section.name,
        options: items
          .filter((division) => division.level === 2 && division.sectionCode === section.code)
          .map((division) => ({ value: division.code, label: `${division.code} ${division.name}` })),
      }))
      .filter((group) => group.options.length > 0);
    const known = items.some((item) => item.level === 2 && item.code === current);
    return current === '' || known || !data ? groups : [{ value: current, label: current }, ...groups];
  }, [data, current]);
}
