import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EmployerOutcomes,
  EvaluationInput,
  Placement,
  PlacementCancelInput,
  PlacementEndInput,
  PlacementInput,
  PlacementList,
  PlacementStartInput,
  PlacementUpdateInput,
} from '../../../core/schemas/placement.schema.ts';
import { api } from '../../api/client.ts';

export const placementKeys = {
  all: ['placements'] as const,
  detail: (id: string) => ['placements', 'detail', id] as const,
  forParticipant: (participantId: string) => ['placements', 'participant', participantId] as const,
  outcomes: (employerId: string) => ['placements', 'employer-outcomes', employerId] as const,
};

export function usePlacement(id: string) {
  return useQuery({
    queryKey: placementKeys.detail(id),
    queryFn: () => api.get<Placement>(`/placements/${id}`),
  });
}

export function useParticipantPlacements(participantId: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.forParticipant(participantId),
    queryFn: () => api.get<PlacementList>(`/participants/${participantId}/placements`),
    enabled,
  });
}

export function useEmployerOutcomes(employerId: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.outcomes(employerId),
    queryFn: () => api.get<EmployerOutcomes>(`/employers/${employerId}/outcomes`),
    enabled,
  });
}

/**
 * A placement changes more than itself: its days are in schedules and roll calls, its step on the participant,
 * its opening may fill. Show the answer at once and let everything else read afresh.
 */
function usePlacementSaved() {
  const queryClient = useQueryClient();
  return (saved: Placement) => {
    queryClient.setQueryData(placementKeys.detail(saved.id), saved);
    for (const key of [
      placementKeys.forParticipant(saved.participantId),
      placementKeys.outcomes(saved.employerId),
      ['openings'],
      ['matches'],
      ['groups'],
      ['sessions'],
      ['attendance'],
      ['step-board'],
      ['participants', 'enrolments', saved.participantId],
      ['participants', 'detail', saved.participantId],
    ]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useCreatePlacement() {
  const onSaved = usePlacementSaved();
  return useMutation({
    mutationFn: (input: PlacementInput) => api.post<Placement>('/placements', input),
    onSuccess: onSaved,
  });
}

export function useUpdatePlacement(id: string) {
  const onSaved = usePlacementSaved();
  return useMutation({
    mutationFn: (input: PlacementUpdateInput) => api.put<Placement>(`/placements/${id}`, input),
    onSuccess: onSaved,
  });
}

export function useStartPlacement(id: string) {
  const onSaved = usePlacementSaved();
  return useMutation({
    mutationFn: (input: PlacementStartInput) => api.post<Placement>(`/placements/${id}/start`, input),
    onSuccess: onSaved,
  });
}

export function useEndPlacement(id: string) {
  const onSaved = usePlacementSaved();
  return useMutation({
    mutationFn: (input: PlacementEndInput) => api.post<Placement>(`/placements/${id}/end`, input),
    onSuccess: onSaved,
  });
}

export function useCancelPlacement(id: string) {
  const onSaved = usePlacementSaved();
  return useMutation({
    mutationFn: (input: PlacementCancelInput) => api.post<Placement>(`/placements/${id}/cancel`, input),
    onSuccess: onSaved,
  });
}

export function useSaveEvaluation(id: string) {
  const onSaved = usePlacementSaved();
  return useMutation({
    mutationFn: ({ kind, ...input }: EvaluationInput & { kind: 'midpoint' | 'final' }) =>
      api.put<Placement>(`/placements/${id}/evaluations/${kind}`, input),
    onSuccess: onSaved,
  });
}
