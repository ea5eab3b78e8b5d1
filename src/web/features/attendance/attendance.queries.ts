import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CivicOrientation,
  DeviationReport,
  MonthlyAttendance,
  RollCall,
  RollCallInput,
  WeekSchedule,
} from '../../../core/schemas/activity.schema.ts';
import { api, queryString } from '../../api/client.ts';

export const attendanceKeys = {
  all: ['attendance'] as const,
  // Under 'sessions', so that a moved or cancelled session refreshes its roll call too.
  rollCall: (sessionId: string) => ['sessions', 'roll-call', sessionId] as const,
  month: (participantId: string, month: string) => ['attendance', 'month', participantId, month] as const,
  deviations: (month: string, centreId: string) => ['attendance', 'deviations', month, centreId] as const,
  civic: (participantId: string) => ['attendance', 'civic', participantId] as const,
  centreWeek: (week: string, centreId: string) => ['sessions', 'week', week, 'centre', centreId] as const,
};

/** Where the browser downloads a file from: a plain address, so the server's attachment header names it. */
export function exportHref(path: string, params: Record<string, string | undefined>): string {
  return `/api${path}${queryString(params)}`;
}

export function useRollCall(sessionId: string) {
  return useQuery({
    queryKey: attendanceKeys.rollCall(sessionId),
    queryFn: () => api.get<RollCall>(`/sessions/${sessionId}/roll-call`),
    // Colleagues take the roll call too: read it afresh whenever the page opens.
    staleTime: 0,
  });
}

export function useSaveRollCall(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RollCallInput) => api.put<RollCall>(`/sessions/${sessionId}/roll-call`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(attendanceKeys.rollCall(sessionId), saved);
      // Week views and group pages count the recorded rows; months and reports sum them.
      void queryClient.invalidateQueries({ queryKey: ['sessions', 'week'] });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.all });
    },
  });
}

export function useMonthlyAttendance(participantId: string, month: string, enabled = true) {
  return useQuery({
    queryKey: attendanceKeys.month(participantId, month),
    queryFn: () =>
      api.get<MonthlyAttendance>(`/participants/${participantId}/attendance${queryString({ month })}`),
    enabled,
  });
}

export function useDeviationReport(month: string, centreId: string) {
  return useQuery({
    queryKey: attendanceKeys.deviations(month, centreId),
    queryFn: () => api.get<DeviationReport>(`/attendance/deviations${queryString({ month, centreId })}`),
  });
}

export function useCivicOrientation(participantId: string) {
  return useQuery({
    queryKey: attendanceKeys.civic(participantId),
    queryFn: () => api.get<CivicOrientation>(`/participants/${participantId}/civic-orientation`),
  });
}

/** One week of sessions at each of the given centres (the same cache as the week view's). */
export function useCentreWeeks(week: string, centreIds: readonly string[]) {
  return useQueries({
    queries: centreIds.map((centreId) => ({
      queryKey: attendanceKeys.centreWeek(week, centreId),
      queryFn: () => api.get<WeekSchedule>(`/sessions/week${queryString({ week, centreId })}`),
    })),
  });
}
