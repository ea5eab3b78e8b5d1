import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionPlan, PlanHistory, PlanInput } from '../../../core/schemas/action-plan.schema.ts';
import { api } from '../../api/client.ts';

export const planKeys = {
  all: (enrolmentId: string) => ['enrolments', 'plan', enrolmentId] as const,
  detail: (enrolmentId: string) => ['enrolments', 'plan', enrolmentId, 'current'] as const,
  history: (enrolmentId: string) => ['enrolments', 'plan', enrolmentId, 'history'] as const,
};

export function usePlan(enrolmentId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: planKeys.detail(enrolmentId),
    queryFn: () => api.get<ActionPlan>(`/enrolments/${enrolmentId}/plan`),
    // Read afresh whenever the plan is shown: colleagues edit it, and an exit closes it.
    staleTime: 0,
  });
}

export function usePlanHistory(enrolmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.history(enrolmentId),
    queryFn: () => api.get<PlanHistory>(`/enrolments/${enrolmentId}/plan/history`),
    enabled,
    staleTime: 0,
  });
}

/** Saves the whole plan; saving it unchanged records a review. */
export function useSavePlan(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => api.put<ActionPlan>(`/enrolments/${enrolmentId}/plan`, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(enrolmentId), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.history(enrolmentId) });
      // "Plan not reviewed" is one of the caseload's warnings.
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}
