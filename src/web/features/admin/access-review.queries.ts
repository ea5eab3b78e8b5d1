import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccessReviewDecision,
  AccessReviewDetail,
  AccessReviewItem,
  accessReviewList,
} from '../../../core/schemas/access-review.schema.ts';
import type { UserAccessLogList } from '../../../core/schemas/auth.schema.ts';
import { api } from '../../api/client.ts';

export type AccessReviewList = z.infer<typeof accessReviewList>;

export function useUserAccessLog(userId: string, page: number) {
  return useQuery({
    queryKey: ['users', userId, 'access-log', page],
    queryFn: () => api.get<UserAccessLogList>(`/users/${userId}/access-log?page=${page}&pageSize=50`),
    placeholderData: keepPreviousData,
  });
}

const reviewsKey = ['access-reviews'] as const;

export function useAccessReviews() {
  return useQuery({ queryKey: reviewsKey, queryFn: () => api.get<AccessReviewList>('/access-reviews') });
}

export function useAccessReview(id: string) {
  return useQuery({
    queryKey: [...reviewsKey, id],
    queryFn: () => api.get<AccessReviewDetail>(`/access-reviews/${id}`),
  });
}

export function useStartAccessReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api.post<AccessReviewDetail>('/access-reviews', { month }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewsKey }),
  });
}

export function useDecideAccessReviewItem(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: AccessReviewDecision & { id: string }) =>
      api.put<AccessReviewItem>(`/access-review-items/${id}`, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reviewsKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...reviewsKey, reviewId] }),
  });
}
