import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GroupDetail,
  GroupInput,
  GroupMember,
  GroupSummary,
  GroupUpdateInput,
  MemberInput,
  MemberLeaveInput,
  ParticipantGroups,
  ProposedActivities,
  Session,
  SessionCancelInput,
  SessionUpdateInput,
  WeekSchedule,
} from '../../../core/schemas/activity.schema.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import { api, queryString } from '../../api/client.ts';
import { enrolmentKeys } from '../enrolments/enrolments.queries.ts';

export type GroupListParams = { centreId?: string; activityId?: string; activeOn?: string };
/** Exactly one of centre, group, leader or participant. */
export type WeekScope =
  | { kind: 'centre'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'leader'; id: string }
  | { kind: 'participant'; id: string };

export const groupKeys = {
  all: ['groups'] as const,
  list: (params: GroupListParams) => ['groups', 'list', params] as const,
  detail: (id: string) => ['groups', 'detail', id] as const,
  participant: (participantId: string) => ['groups', 'participant', participantId] as const,
  proposed: (enrolmentId: string) => ['groups', 'proposed', enrolmentId] as const,
  week: (week: string, scope: WeekScope) => ['sessions', 'week', week, scope.kind, scope.id] as const,
};

export function useGroups(params: GroupListParams) {
  return useQuery({
    queryKey: groupKeys.list(params),
    queryFn: () => api.get<{ items: GroupSummary[] }>(`/groups${queryString(params)}`),
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKeys.detail(id),
    queryFn: () => api.get<GroupDetail>(`/groups/${id}`),
  });
}

export function useWeek(week: string, scope: WeekScope | null) {
  return useQuery({
    queryKey: groupKeys.week(week, scope ?? { kind: 'centre', id: '' }),
    queryFn: () =>
      api.get<WeekSchedule>(`/sessions/week${queryString({ week, [`${scope?.kind}Id`]: scope?.id })}`),
    enabled: scope !== null && scope.id !== '',
  });
}

export function useParticipantGroups(participantId: string) {
  return useQuery({
    queryKey: groupKeys.participant(participantId),
    queryFn: () => api.get<ParticipantGroups>(`/participants/${participantId}/groups`),
  });
}

export function useProposedActivities(enrolmentId: string | undefined) {
  return useQuery({
    queryKey: groupKeys.proposed(enrolmentId ?? ''),
    queryFn: () => api.get<ProposedActivities>(`/enrolments/${enrolmentId}/proposed-activities`),
    enabled: Boolean(enrolmentId),
  });
}

/** Groups, their sessions and every week view may show what changed. */
function useRefreshSchedules() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: groupKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['sessions'] });
  };
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSchedules();
  return useMutation({
    mutationFn: (input: GroupInput) => api.post<GroupDetail>('/groups', input),
    onSuccess: (created) => {
      refresh();
      queryClient.setQueryData(groupKeys.detail(created.id), created);
    },
  });
}

export function useUpdateGroup(id: string) {
  const refresh = useRefreshSchedules();
  return useMutation({
    mutationFn: (input: GroupUpdateInput) => api.put<GroupDetail>(`/groups/${id}`, input),
    onSuccess: refresh,
  });
}

/** The saved session shows in its group at once, before the group is read again. */
function useSessionSaved() {
  const queryClient = useQueryClient();
  const refresh = useRefreshSchedules();
  return (saved: Session) => {
    queryClient.setQueryData<GroupDetail>(groupKeys.detail(saved.groupId), (group) =>
      group ? { ...group, sessions: group.sessions.map((s) => (s.id === saved.id ? saved : s)) } : group,
    );
    refresh();
  };
}

export function useUpdateSession() {
  const onSaved = useSessionSaved();
  return useMutation({
    mutationFn: ({ id, ...input }: SessionUpdateInput & { id: string }) =>
      api.put<Session>(`/sessions/${id}`, input),
    onSuccess: onSaved,
  });
}

export function useCancelSession() {
  const onSaved = useSessionSaved();
  return useMutation({
    mutationFn: ({ id, ...input }: SessionCancelInput & { id: string }) =>
      api.post<Session>(`/sessions/${id}/cancel`, input),
    onSuccess: onSaved,
  });
}

export function useAddMember(groupId: string) {
  const refresh = useRefreshSchedules();
  return useMutation({
    mutationFn: (input: MemberInput) => api.post<GroupMember>(`/groups/${groupId}/members`, input),
    onSuccess: refresh,
  });
}

export function useLeaveGroup() {
  const refresh = useRefreshSchedules();
  return useMutation({
    mutationFn: ({ memberId, ...input }: MemberLeaveInput & { memberId: string }) =>
      api.post<GroupMember>(`/group-members/${memberId}/leave`, input),
    onSuccess: refresh,
  });
}

/** A participant's enrolments, once one is chosen (the same cache as the enrolment tab). */
export function useChosenEnrolments(participantId: string) {
  return useQuery({
    queryKey: enrolmentKeys.list(participantId),
    queryFn: () => api.get<{ items: Enrolment[] }>(`/participants/${participantId}/enrolments`),
    enabled: participantId !== '',
  });
}
