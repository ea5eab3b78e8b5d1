import type { BaseFieldProps } from '../../components/field-parts.tsx';
import { SearchComboBox, type SearchResult } from '../../components/search-combobox.tsx';
import type { OccupationChoice } from './opening-form-values.ts';
import { useOccupationSearch } from './openings.queries.ts';

type OccupationComboBoxProps = BaseFieldProps & {
  value: OccupationChoice | null;
  onChange: (value: OccupationChoice | null) => void;
};

function useOccupations(term: string): SearchResult<OccupationChoice> {
  const search = useOccupationSearch(term);
  return { items: search.data?.items ?? [], isFetching: search.isFetching, isPending: search.isPending };
}

/** An SSYK unit group, searched on the server by code, name or occupation name as the user types. */
export function OccupationComboBox(props: OccupationComboBoxProps) {
  return (
    <SearchComboBox<OccupationChoice>
      {...props}
      keyOf={(o) => o.code}
      labelOf={(o) => `${o.name} (${o.code})`}
      useSearch={useOccupations}
    />
  );
}
