import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type EnrolmentFilter, enrolmentFilterParams } from '../../../core/dashboard.ts';
import type { ParticipantStatus } from '../../../core/enums.ts';
import type { accessLogList } from '../../../core/schemas/auth.schema.ts';
import type {
  ParticipantDetail,
  ParticipantList,
  ParticipantUpdate,
} from '../../../core/schemas/participant.schema.ts';
import { api } from '../../api/client.ts';

export type AccessLogList = z.infer<typeof accessLogList>;

export type ParticipantListParams = {
  q?: string;
  centreId?: string;
  status?: ParticipantStatus | '';
  /** The people behind a dashboard figure. */
  enrolment?: EnrolmentFilter;
  page: number;
  pageSize: number;
};

export const participantKeys = {
  all: ['participants'] as const,
  list: (params: ParticipantListParams) => ['participants', 'list', params] as const,
  detail: (id: string) => ['participants', 'detail', id] as const,
  accessLog: (id: string) => ['participants', 'access-log', id] as const,
};

export function useParticipantList(params: ParticipantListParams) {
  return useQuery({
    queryKey: participantKeys.list(params),
    queryFn: () => {
      const { enrolment, ...rest } = params;
      const terms = { ...rest, ...Object.fromEntries(enrolmentFilterParams(enrolment ?? {})) };
      // In the body: a name or identity number searched for never stands in an address.
      return api.post<ParticipantList>(
        '/participants/search',
        Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== '' && value !== undefined)),
      );
    },
    // Keep the rows while paging, not when the search or a filter changes: old rows would not match it.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2];
      const sameSearch =
        before?.q === params.q &&
        before?.centreId === params.centreId &&
        before?.status === params.status &&
        JSON.stringify(enrolmentFilterParams(before?.enrolment ?? {})) ===
          JSON.stringify(enrolmentFilterParams(params.enrolment ?? {}));
      return sameSearch ? previous : undefined;
    },
  });
}

export function useParticipant(id: string, enabled = true) {
  return useQuery({
    queryKey: participantKeys.detail(id),
    queryFn: () => api.get<ParticipantDetail>(`/participants/${id}`),
    enabled: enabled && id !== '',
  });
}

export function useUpdateParticipant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ParticipantUpdate) => api.put<ParticipantDetail>(`/participants/${id}`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(participantKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...participantKeys.all, 'list'] });
    },
  });
}

export function useReplaceIdentity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { personalIdentityNumber: string; version: number }) =>
      api.post<ParticipantDetail>(`/participants/${id}/identity`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(participantKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...participantKeys.all, 'list'] });
    },
  });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({
    queryKey: participantKeys.accessLog(id),
    queryFn: () => api.get<AccessLogList>(`/participants/${id}/access-log`),
    enabled,
  });
}
