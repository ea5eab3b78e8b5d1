import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Consent,
  ConsentInput,
  ConsentWithdrawal,
  consentList,
} from '../../../core/schemas/consent.schema.ts';
import { api } from '../../api/client.ts';

export type ConsentList = z.infer<typeof consentList>;

export const consentKeys = {
  list: (participantId: string) => ['participants', 'consents', participantId] as const,
};

export function useConsents(participantId: string) {
  return useQuery({
    queryKey: consentKeys.list(participantId),
    queryFn: () => api.get<ConsentList>(`/participants/${participantId}/consents`),
  });
}

/** Consent changes what may be done with the participant, so the participant is read again too. */
function useInvalidateParticipant(participantId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: consentKeys.list(participantId) });
    void queryClient.invalidateQueries({ queryKey: ['participants', 'detail', participantId] });
  };
}

export function useRecordConsent(participantId: string) {
  const invalidate = useInvalidateParticipant(participantId);
  return useMutation({
    mutationFn: (input: ConsentInput) => api.post<Consent>(`/participants/${participantId}/consents`, input),
    onSuccess: invalidate,
  });
}

export function useWithdrawConsent(participantId: string) {
  const invalidate = useInvalidateParticipant(participantId);
  return useMutation({
    mutationFn: ({ id, ...input }: ConsentWithdrawal & { id: string }) =>
      api.post<Consent>(`/consents/${id}/withdraw`, input),
    onSuccess: invalidate,
  });
}
