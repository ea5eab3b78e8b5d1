import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Enrolment,
  EnrolmentInput,
  enrolmentList,
  LabourMarketStatusInput,
} from '../../../core/schemas/enrolment.schema.ts';
import { api } from '../../api/client.ts';

export type EnrolmentList = z.infer<typeof enrolmentList>;

export const enrolmentKeys = {
  list: (participantId: string) => ['participants', 'enrolments', participantId] as const,
};

export function useEnrolments(participantId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: enrolmentKeys.list(participantId),
    queryFn: () => api.get<EnrolmentList>(`/participants/${participantId}/enrolments`),
  });
}

export function useEnrol(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrolmentInput) =>
      api.post<Enrolment>(`/participants/${participantId}/enrolments`, input),
    onSuccess: () => {
      // Enrolment changes the participant's status and closes the referral.
      void queryClient.invalidateQueries({ queryKey: enrolmentKeys.list(participantId) });
      void queryClient.invalidateQueries({ queryKey: ['participants', 'detail', participantId] });
      void queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
    },
  });
}

export function useSetLabourMarketStatus(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, ...input }: LabourMarketStatusInput & { enrolmentId: string }) =>
      api.put<Enrolment>(`/enrolments/${enrolmentId}/labour-market-status`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: enrolmentKeys.list(participantId) });
    },
  });
}
