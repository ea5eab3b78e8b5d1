import { useQuery } from '@tanstack/react-query';
import type { RegisterExtract } from '../../../core/schemas/register-extract.schema.ts';
import { api } from '../../api/client.ts';

/** One extract per visit: every fetch makes a new one and writes it to the person's access log, so no refetching. */
export function useRegisterExtract(participantId: string) {
  return useQuery({
    queryKey: ['participants', 'register-extract', participantId],
    queryFn: () => api.get<RegisterExtract>(`/participants/${participantId}/register-extract`),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
