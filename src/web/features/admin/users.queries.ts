import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { User, UserInput, userList, userUpdate } from '../../../core/schemas/auth.schema.ts';
import { api } from '../../api/client.ts';

export type UserList = z.infer<typeof userList>;
export type UserUpdate = z.input<typeof userUpdate>;

const usersKey = ['users'] as const;

export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: usersKey, queryFn: () => api.get<UserList>('/users'), enabled });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<User>('/users', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UserUpdate & { id: string }) => api.patch<User>(`/users/${id}`, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
