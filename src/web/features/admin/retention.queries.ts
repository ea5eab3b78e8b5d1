import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RetentionPreview,
  RetentionRunList,
  RetentionRunResult,
} from '../../../core/schemas/retention.schema.ts';
import { api } from '../../api/client.ts';

const retentionKey = ['retention'] as const;

/** The dry run: asked for on demand (`enabled`), never cached between visits. */
export function useRetentionPreview(enabled: boolean) {
  return useQuery({
    queryKey: [...retentionKey, 'preview'],
    queryFn: () => api.get<RetentionPreview>('/retention/preview'),
    enabled,
    gcTime: 0,
  });
}

export function useRetentionRuns() {
  return useQuery({
    queryKey: [...retentionKey, 'runs'],
    queryFn: () => api.get<RetentionRunList>('/retention/runs'),
  });
}

export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fingerprint: string) => api.post<RetentionRunResult>('/retention/runs', { fingerprint }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: retentionKey }),
  });
}
