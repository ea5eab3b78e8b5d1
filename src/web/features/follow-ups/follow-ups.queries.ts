import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type {
  ExitInput,
  FollowUp,
  FollowUpAttemptInput,
  FollowUpDueFilter,
  FollowUpList,
  FollowUpResultInput,
  GoalFigureResponse,
} from '../../../core/schemas/follow-up.schema.ts';
import { api, queryString } from '../../api/client.ts';
import { enrolmentKeys } from '../enrolments/enrolments.queries.ts';

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (due: FollowUpDueFilter, page: number) => ['follow-ups', 'list', due, page] as const,
  goalFigure: (programmeId: string) => ['follow-ups', 'goal-figure', programmeId] as const,
};

export function useFollowUpList(due: FollowUpDueFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: followUpKeys.list(due, page),
    queryFn: () => api.get<FollowUpList>(`/follow-ups${queryString({ due, page, pageSize })}`),
  });
}

export function useGoalFigure(programmeId: string) {
  return useQuery({
    queryKey: followUpKeys.goalFigure(programmeId),
    queryFn: () => api.get<GoalFigureResponse>(`/programmes/${programmeId}/goal-figure`),
  });
}

/** After an exit or a follow-up change: the participant's enrolments, status, worklist and goal figure. */
function useRefresh(participantId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: enrolmentKeys.list(participantId) });
    void queryClient.invalidateQueries({ queryKey: ['participants', 'detail', participantId] });
    void queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
    void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
  };
}

export function useExitEnrolment(participantId: string) {
  const refresh = useRefresh(participantId);
  return useMutation({
    mutationFn: ({ enrolmentId, ...input }: ExitInput & { enrolmentId: string }) =>
      api.post<Enrolment>(`/enrolments/${enrolmentId}/exit`, input),
    onSuccess: refresh,
  });
}

export function useAddAttempt(participantId: string) {
  const refresh = useRefresh(participantId);
  return useMutation({
    mutationFn: ({ followUpId, ...input }: FollowUpAttemptInput & { followUpId: string }) =>
      api.post<FollowUp>(`/follow-ups/${followUpId}/attempts`, input),
    onSuccess: refresh,
  });
}

export function useRecordResult(participantId: string) {
  const refresh = useRefresh(participantId);
  return useMutation({
    mutationFn: ({ followUpId, ...input }: FollowUpResultInput & { followUpId: string }) =>
      api.post<FollowUp>(`/follow-ups/${followUpId}/result`, input),
    onSuccess: refresh,
  });
}
