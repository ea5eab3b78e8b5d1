import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffMember, TeamList, TeamMemberInput } from '../../../core/schemas/team.schema.ts';
import { api } from '../../api/client.ts';

export const teamKeys = {
  list: (participantId: string) => ['participants', 'team', participantId] as const,
  staff: (centreId: string) => ['centres', 'staff', centreId] as const,
};

export function useTeam(participantId: string) {
  return useQuery({
    queryKey: teamKeys.list(participantId),
    queryFn: () => api.get<TeamList>(`/participants/${participantId}/team`),
  });
}

export function useCentreStaff(centreId: string, enabled: boolean) {
  return useQuery({
    queryKey: teamKeys.staff(centreId),
    queryFn: () => api.get<{ items: StaffMember[] }>(`/centres/${centreId}/staff`),
    enabled,
  });
}

/** The team decides the caseload and the staff list on the overview, so those are read again too. */
function useSetTeam(participantId: string) {
  const queryClient = useQueryClient();
  return (team: TeamList) => {
    queryClient.setQueryData(teamKeys.list(participantId), team);
    void queryClient.invalidateQueries({ queryKey: ['participants', 'detail', participantId] });
    void queryClient.invalidateQueries({ queryKey: ['caseload'] });
  };
}

export function useAddTeamMember(participantId: string) {
  const setTeam = useSetTeam(participantId);
  return useMutation({
    mutationFn: (input: TeamMemberInput) => api.post<TeamList>(`/participants/${participantId}/team`, input),
    onSuccess: setTeam,
  });
}

export function useMakeContact(participantId: string) {
  const setTeam = useSetTeam(participantId);
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<TeamList>(`/participants/${participantId}/team/${userId}/contact`),
    onSuccess: setTeam,
  });
}

export function useRemoveTeamMember(participantId: string) {
  const setTeam = useSetTeam(participantId);
  return useMutation({
    mutationFn: (userId: string) => api.delete<TeamList>(`/participants/${participantId}/team/${userId}`),
    onSuccess: setTeam,
  });
}
