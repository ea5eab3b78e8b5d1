import { z } from 'zod';
import { roles } from '../enums.ts';
import { id, requiredText } from './common.ts';
import { centre } from './programme.schema.ts';

export const loginInput = z.object({
  email: requiredText(200),
  password: z.string().min(1, { message: 'required' }).max(1000, { message: 'too_long' }),
});
export type LoginInput = z.input<typeof loginInput>;

export const sessionUser = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisationId: id,
  organisationName: z.string(),
  centres: z.array(centre),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** The CSRF token goes back in the `x-csrf-token` header of every state-changing request. */
export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const userInput = z.object({
  name: requiredText(200),
  email: z.email({ message: 'invalid_email' }).max(200, { message: 'too_long' }),
  role: z.enum(roles, { message: 'invalid_choice' }),
  centreIds: z.array(id).min(1, { message: 'required' }),
  password: z.string().min(12, { message: 'too_short' }).max(200, { message: 'too_long' }),
});
export type UserInput = z.input<typeof userInput>;

export const userUpdate = z.object({
  name: requiredText(200).optional(),
  role: z.enum(roles, { message: 'invalid_choice' }).optional(),
  centreIds: z.array(id).min(1, { message: 'required' }).optional(),
  disabled: z.boolean().optional(),
});

export const user = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  centreIds: z.array(id),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;
export const userList = z.object({ items: z.array(user) });

export const accessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: id,
  userName: z.string(),
  role: z.enum(roles),
  centreName: z.string().nullable(),
  action: z.string(),
  what: z.string(),
});
export const accessLogList = z.object({ items: z.array(accessLogEntry), total: z.number().int() });
