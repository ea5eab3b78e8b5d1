import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ActivityInput,
  ActivityUpdateInput,
  ClosureDays,
  ClosureDaysInput,
} from '../../../core/schemas/activity.schema.ts';
import { api } from '../../api/client.ts';

export const activityKeys = {
  list: (programmeId: string) => ['programmes', 'detail', programmeId, 'activities'] as const,
  closureDays: (programmeId: string) => ['programmes', 'detail', programmeId, 'closure-days'] as const,
};

export function useActivities(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(programmeId),
    queryFn: () => api.get<{ items: Activity[] }>(`/programmes/${programmeId}/activities`),
    enabled: enabled && programmeId !== '',
  });
}

export function useCreateActivity(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => api.post<Activity>(`/programmes/${programmeId}/activities`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activityKeys.list(programmeId) }),
  });
}

export function useUpdateActivity(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ActivityUpdateInput & { id: string }) =>
      api.put<Activity>(`/activities/${id}`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.list(programmeId) });
      // Groups show their activity's name.
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
    },
  });
}

export function useClosureDays(programmeId: string) {
  return useQuery({
    queryKey: activityKeys.closureDays(programmeId),
    queryFn: () => api.get<ClosureDays>(`/programmes/${programmeId}/closure-days`),
  });
}

export function useSaveClosureDays(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClosureDaysInput) =>
      api.put<ClosureDays>(`/programmes/${programmeId}/closure-days`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(activityKeys.closureDays(programmeId), saved);
      // A new closure day cancels the sessions on it.
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
}
