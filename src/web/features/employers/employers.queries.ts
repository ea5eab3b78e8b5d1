import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmployerOffer } from '../../../core/enums.ts';
import type {
  Employer,
  EmployerContactInput,
  EmployerInput,
  EmployerInteractionInput,
  EmployerList,
  EmployerUpdateInput,
} from '../../../core/schemas/employer.schema.ts';
import { api, queryString } from '../../api/client.ts';

export type EmployerListParams = {
  q?: string;
  municipalityCode?: string;
  offers?: EmployerOffer | '';
  page: number;
  pageSize: number;
};

export const employerKeys = {
  all: ['employers'] as const,
  list: (params: EmployerListParams) => ['employers', 'list', params] as const,
  detail: (id: string) => ['employers', 'detail', id] as const,
};

export function useEmployerList(params: EmployerListParams, enabled = true) {
  return useQuery({
    queryKey: employerKeys.list(params),
    queryFn: () => api.get<EmployerList>(`/employers${queryString(params)}`),
    enabled,
    // Keep the rows while paging, not when the search or a filter changes: old rows would not match it.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2];
      const sameSearch =
        before?.q === params.q &&
        before?.municipalityCode === params.municipalityCode &&
        before?.offers === params.offers;
      return sameSearch ? previous : undefined;
    },
  });
}

export function useEmployer(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: employerKeys.detail(id),
    queryFn: () => api.get<Employer>(`/employers/${id}`),
  });
}

/** Every change answers with the whole employer: show it at once and let the lists catch up. */
function useEmployerSaved() {
  const queryClient = useQueryClient();
  return (saved: Employer) => {
    queryClient.setQueryData(employerKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [...employerKeys.all, 'list'] });
  };
}

export function useCreateEmployer() {
  const onSaved = useEmployerSaved();
  return useMutation({
    mutationFn: (input: EmployerInput) => api.post<Employer>('/employers', input),
    onSuccess: onSaved,
  });
}

export function useUpdateEmployer(id: string) {
  const onSaved = useEmployerSaved();
  return useMutation({
    mutationFn: (input: EmployerUpdateInput) => api.put<Employer>(`/employers/${id}`, input),
    onSuccess: onSaved,
  });
}

export function useAddContact(employerId: string) {
  const onSaved = useEmployerSaved();
  return useMutation({
    mutationFn: (input: EmployerContactInput) =>
      api.post<Employer>(`/employers/${employerId}/contacts`, input),
    onSuccess: onSaved,
  });
}

export function useUpdateContact() {
  const onSaved = useEmployerSaved();
  return useMutation({
    mutationFn: ({ id, ...input }: EmployerContactInput & { id: string }) =>
      api.put<Employer>(`/employer-contacts/${id}`, input),
    onSuccess: onSaved,
  });
}

export function useAddInteraction(employerId: string) {
  const onSaved = useEmployerSaved();
  return useMutation({
    mutationFn: (input: EmployerInteractionInput) =>
      api.post<Employer>(`/employers/${employerId}/interactions`, input),
    onSuccess: onSaved,
  });
}
