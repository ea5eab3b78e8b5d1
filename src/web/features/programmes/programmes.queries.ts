import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CentreDetail,
  CentreInput,
  CentreUpdate,
  OrganisationDetail,
  OrganisationInput,
  OrganisationUpdate,
  organisationList,
  Programme,
  ProgrammeInput,
  ProgrammeUpdate,
  programmeList,
} from '../../../core/schemas/programme.schema.ts';
import type { Checklist, ChecklistInput } from '../../../core/schemas/step.schema.ts';
import { api } from '../../api/client.ts';
import { sessionQueryKey } from '../auth/session.queries.ts';

export type ProgrammeList = z.infer<typeof programmeList>;
export type OrganisationList = z.infer<typeof organisationList>;

// Under the same root as useProgrammes (api/reference.queries.ts), so a change refreshes the referral forms too.
export const programmeKeys = {
  all: ['programmes'] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  checklist: (id: string, stepId: string) => ['programmes', 'detail', id, 'checklist', stepId] as const,
};
const organisationsKey = ['organisations'] as const;

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: () => api.get<Programme>(`/programmes/${id}`),
  });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgrammeInput) => api.post<Programme>('/programmes', input),
    onSuccess: (created) => {
      queryClient.setQueryData(programmeKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all, exact: true });
    },
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgrammeUpdate) => api.put<Programme>(`/programmes/${id}`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(programmeKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all, exact: true });
    },
  });
}

export function useChecklist(programmeId: string, stepId: string) {
  return useQuery({
    queryKey: programmeKeys.checklist(programmeId, stepId),
    queryFn: () => api.get<Checklist>(`/programmes/${programmeId}/steps/${stepId}/checklist`),
  });
}

export function useSaveChecklist(programmeId: string, stepId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChecklistInput) =>
      api.put<Checklist>(`/programmes/${programmeId}/steps/${stepId}/checklist`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(programmeKeys.checklist(programmeId, stepId), saved);
      // Participants' open steps show the checklist.
      void queryClient.invalidateQueries({ queryKey: ['participants', 'enrolments'] });
    },
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: organisationsKey,
    queryFn: () => api.get<OrganisationList>('/organisations'),
  });
}

function useOrganisationMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organisationsKey });
      // Names show in programmes and in the session (the user's centres and organisation), and the creator
      // of a centre becomes a member of it.
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export function useCreateOrganisation() {
  return useOrganisationMutation((input: OrganisationInput) =>
    api.post<OrganisationDetail>('/organisations', input),
  );
}

export function useRenameOrganisation() {
  return useOrganisationMutation(({ id, ...input }: OrganisationUpdate & { id: string }) =>
    api.patch<OrganisationDetail>(`/organisations/${id}`, input),
  );
}

export function useCreateCentre() {
  return useOrganisationMutation((input: CentreInput) => api.post<CentreDetail>('/centres', input));
}

export function useRenameCentre() {
  return useOrganisationMutation(({ id, ...input }: CentreUpdate & { id: string }) =>
    api.patch<CentreDetail>(`/centres/${id}`, input),
  );
}
