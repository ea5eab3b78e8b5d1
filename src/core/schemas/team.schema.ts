import { z } from 'zod';
import { roles } from '../enums.ts';
import { id } from './common.ts';

export const teamMemberInput = z.object({
  userId: id,
  isContact: z.boolean().default(false),
});
export type TeamMemberInput = z.input<typeof teamMemberInput>;

export const teamMemberParams = z.object({ id, userId: id });

export const teamMember = z.object({
  userId: id,
  name: z.string(),
  role: z.enum(roles),
  isContact: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMember>;
export const teamList = z.object({ items: z.array(teamMember) });
export type TeamList = z.infer<typeof teamList>;

export const staffMember = z.object({ userId: id, name: z.string(), role: z.enum(roles) });
export type StaffMember = z.infer<typeof staffMember>;
export const staffList = z.object({ items: z.array(staffMember) });
