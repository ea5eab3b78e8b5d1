import { useQuery } from '@tanstack/react-query';
import type { Caseload, ParticipantWarnings } from '../../../core/schemas/caseload.schema.ts';
import { api } from '../../api/client.ts';

// Under the caseload's key: whatever refreshes the caseload's warnings (a journal entry, a step, a plan) refreshes
// one participant's too.
export const caseloadKeys = {
  all: ['caseload'] as const,
  participant: (participantId: string) => ['caseload', 'participant', participantId] as const,
};

export function useCaseload() {
  return useQuery({ queryKey: caseloadKeys.all, queryFn: () => api.get<Caseload>('/caseload') });
}

export function useParticipantWarnings(participantId: string) {
  return useQuery({
    queryKey: caseloadKeys.participant(participantId),
    queryFn: () => api.get<ParticipantWarnings>(`/participants/${participantId}/warnings`),
  });
}
