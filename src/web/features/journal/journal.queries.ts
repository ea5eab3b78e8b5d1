import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  JournalCorrectionInput,
  JournalEntry,
  JournalEntryInput,
} from '../../../core/schemas/journal.schema.ts';
import { api } from '../../api/client.ts';

export const journalKeys = {
  list: (participantId: string) => ['participants', 'journal', participantId] as const,
};

export function useJournal(participantId: string) {
  return useQuery({
    queryKey: journalKeys.list(participantId),
    queryFn: () => api.get<{ items: JournalEntry[] }>(`/participants/${participantId}/journal`),
  });
}

/** A new entry changes "my participants" warnings too, so the caseload is read again. */
function useInvalidate(participantId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: journalKeys.list(participantId) });
    void queryClient.invalidateQueries({ queryKey: ['caseload'] });
  };
}

export function useAddJournalEntry(participantId: string) {
  const invalidate = useInvalidate(participantId);
  return useMutation({
    mutationFn: (input: JournalEntryInput) =>
      api.post<JournalEntry>(`/participants/${participantId}/journal`, input),
    onSuccess: invalidate,
  });
}

export function useCorrectJournalEntry(participantId: string) {
  const invalidate = useInvalidate(participantId);
  return useMutation({
    mutationFn: ({ id, ...input }: JournalCorrectionInput & { id: string }) =>
      api.post<JournalEntry>(`/journal/${id}/corrections`, input),
    onSuccess: invalidate,
  });
}
