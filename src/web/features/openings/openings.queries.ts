import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpeningKind, OpeningStatus } from '../../../core/enums.ts';
import type {
  OccupationList,
  Opening,
  OpeningInput,
  OpeningList,
  OpeningUpdateInput,
} from '../../../core/schemas/employer.schema.ts';
import { api, queryString } from '../../api/client.ts';
import { employerKeys } from '../employers/employers.queries.ts';

export type OpeningListParams = {
  employerId?: string;
  kind?: OpeningKind | '';
  status?: OpeningStatus | '';
  municipalityCode?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export const openingKeys = {
  all: ['openings'] as const,
  list: (params: OpeningListParams) => ['openings', 'list', params] as const,
  detail: (id: string) => ['openings', 'detail', id] as const,
  occupations: (q: string) => ['occupations', q] as const,
};

export function useOpeningList(params: OpeningListParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: openingKeys.list(params),
    queryFn: () => api.get<OpeningList>(`/openings${queryString(params)}`),
    // Keep the rows while paging, not when the search or a filter changes: old rows would not match it.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2];
      const sameSearch =
        before?.employerId === params.employerId &&
        before?.kind === params.kind &&
        before?.status === params.status &&
        before?.municipalityCode === params.municipalityCode &&
        before?.q === params.q;
      return sameSearch ? previous : undefined;
    },
  });
}

export function useOpening(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: openingKeys.detail(id),
    queryFn: () => api.get<Opening>(`/openings/${id}`),
  });
}

/** An opening changes its employer's count of open openings too. */
function useOpeningSaved() {
  const queryClient = useQueryClient();
  return (saved: Opening) => {
    queryClient.setQueryData(openingKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [...openingKeys.all, 'list'] });
    void queryClient.invalidateQueries({ queryKey: employerKeys.all });
  };
}

export function useCreateOpening(employerId: string) {
  const onSaved = useOpeningSaved();
  return useMutation({
    mutationFn: (input: OpeningInput) => api.post<Opening>(`/employers/${employerId}/openings`, input),
    onSuccess: onSaved,
  });
}

export function useUpdateOpening(id: string) {
  const onSaved = useOpeningSaved();
  return useMutation({
    mutationFn: (input: OpeningUpdateInput) => api.put<Opening>(`/openings/${id}`, input),
    onSuccess: onSaved,
  });
}

/** SSYK unit groups matching what was typed; the previous answer stays while the next one loads. */
export function useOccupationSearch(q: string) {
  return useQuery({
    queryKey: openingKeys.occupations(q),
    queryFn: () => api.get<OccupationList>(`/occupations${queryString({ q })}`),
    enabled: q !== '',
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}
