import type { Role } from '../../../core/enums.ts';
import { AppError } from '../../../core/errors.ts';
import { can, type Permission } from '../../../core/permissions.ts';

/** The logged-in member of staff on whose behalf a service runs. */
export type Actor = {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  centreIds: string[];
};

/** The first line of a service: refuse unless the actor's role carries the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN');
}
