import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentInput,
  CurrentAssessment,
} from '../../../core/schemas/assessment.schema.ts';
import { api } from '../../api/client.ts';

export const assessmentKeys = {
  all: (participantId: string) => ['participants', 'assessments', participantId] as const,
  current: (participantId: string) => ['participants', 'assessments', participantId, 'current'] as const,
  list: (participantId: string) => ['participants', 'assessments', participantId, 'list'] as const,
};

export function useCurrentAssessment(participantId: string) {
  return useQuery({
    queryKey: assessmentKeys.current(participantId),
    queryFn: () => api.get<CurrentAssessment>(`/participants/${participantId}/assessments/current`),
  });
}

export function useAssessments(participantId: string) {
  return useQuery({
    queryKey: assessmentKeys.list(participantId),
    queryFn: () => api.get<{ items: Assessment[] }>(`/participants/${participantId}/assessments`),
  });
}

export function useRecordAssessment(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentInput) =>
      api.post<Assessment>(`/participants/${participantId}/assessments`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all(participantId) }),
  });
}
