import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ownSessionList, PasswordChange } from '../../../core/schemas/auth.schema.ts';
import { api } from '../../api/client.ts';

export type OwnSessionList = z.infer<typeof ownSessionList>;

const sessionsKey = ['own-sessions'] as const;

export function useOwnSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api.get<OwnSessionList>('/auth/sessions') });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => api.put<{ ok: true }>('/auth/password', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/auth/sessions/${id}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
