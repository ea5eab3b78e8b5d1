import { formatOrganisationNumber } from '../../../core/organisation-number.ts';
import type { BaseFieldProps } from '../../components/field-parts.tsx';
import { SearchComboBox, type SearchResult } from '../../components/search-combobox.tsx';
import { useEmployerList } from './employers.queries.ts';

/** An employer as a form holds it: enough to show the choice without reading it again. */
export type EmployerChoice = { id: string; name: string; organisationNumber: string };

type EmployerComboBoxProps = BaseFieldProps & {
  value: EmployerChoice | null;
  onChange: (value: EmployerChoice | null) => void;
};

function useEmployers(term: string): SearchResult<EmployerChoice> {
  const search = useEmployerList({ q: term, page: 1, pageSize: 20 }, term !== '');
  return { items: search.data?.items ?? [], isFetching: search.isFetching, isPending: search.isPending };
}

/** An employer of the register, searched on the server by name or organisation number as the user types. */
export function EmployerComboBox(props: EmployerComboBoxProps) {
  return (
    <SearchComboBox<EmployerChoice>
      {...props}
      keyOf={(e) => e.id}
      labelOf={(e) => `${e.name} (${formatOrganisationNumber(e.organisationNumber)})`}
      useSearch={useEmployers}
    />
  );
}
