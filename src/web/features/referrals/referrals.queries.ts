import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ReferralStatus } from '../../../core/enums.ts';
import type {
  Referral,
  ReferralImportReport,
  ReferralInput,
  referralImportInput,
  referralList,
} from '../../../core/schemas/referral.schema.ts';
import { api, queryString } from '../../api/client.ts';

export type ReferralList = z.infer<typeof referralList>;
export type ReferralImportInput = z.input<typeof referralImportInput>;

export type ReferralListParams = {
  status?: ReferralStatus | '';
  open?: boolean;
  centreId?: string;
  participantId?: string;
  page?: number;
  pageSize?: number;
};

export const referralKeys = {
  all: ['referrals'] as const,
  list: (params: ReferralListParams) => ['referrals', 'list', params] as const,
};

export function useReferralList(params: ReferralListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: referralKeys.list(params),
    queryFn: () => api.get<ReferralList>(`/referrals${queryString(params)}`),
    // Keep the rows while paging, not when a filter changes: old rows would not match it.
    placeholderData: (previous, previousQuery) => {
      const { page: _page, ...before } = previousQuery?.queryKey[2] ?? {};
      const { page: _current, ...now } = params;
      return JSON.stringify(before) === JSON.stringify(now) ? previous : undefined;
    },
    enabled: options.enabled ?? true,
  });
}

/** After any change to a referral, lists of referrals and participants may show it differently. */
function useInvalidateCasework() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['participants'] });
  };
}

export function useCreateReferral() {
  const invalidate = useInvalidateCasework();
  return useMutation({
    mutationFn: (input: ReferralInput) => api.post<Referral>('/referrals', input),
    onSuccess: invalidate,
  });
}

export function useBookMeeting() {
  const invalidate = useInvalidateCasework();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; meetingAt: string; version: number }) =>
      api.post<Referral>(`/referrals/${id}/meeting`, input),
    onSettled: invalidate,
  });
}

export function useCloseReferral() {
  const invalidate = useInvalidateCasework();
  return useMutation({
    mutationFn: ({
      id,
      ...input
    }: {
      id: string;
      status: 'declined' | 'withdrawn';
      reason: string;
      version: number;
    }) => api.post<Referral>(`/referrals/${id}/close`, input),
    onSettled: invalidate,
  });
}

export function useImportReferrals() {
  const invalidate = useInvalidateCasework();
  return useMutation({
    mutationFn: (input: ReferralImportInput) => api.post<ReferralImportReport>('/referrals/import', input),
    onSuccess: invalidate,
  });
}
