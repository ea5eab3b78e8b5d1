import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { User, userInput, userUpdate } from '../../../core/schemas/auth.schema.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { deleteUserSessions } from '../auth/auth.repo.ts';
import { hashPassword } from '../auth/password.ts';
import { refuseWeakPassword } from '../auth/password-policy.ts';
import { reset as resetTwoFactor } from '../auth/two-factor.service.ts';
import * as repo from './users.repo.ts';

export async function list(db: Db, actor: Actor): Promise<User[]> {
  authorize(actor, 'user.manage');
  return (await repo.listForOrganisation(db, actor.organisationId)).map(present);
}

/** An administrator creates staff of their own organisation, in centres the administrator belongs to. */
export async function create(db: Db, actor: Actor, input: z.output<typeof userInput>): Promise<User> {
  authorize(actor, 'user.manage');
  refuseForeignCentres(actor, input.centreIds);
  refuseWeakPassword(input.password, [input.email, input.name], 'password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await repo.emailTaken(tx, input.email)) throw new AppError('EMAIL_TAKEN');
    const row = await repo.insert(
      tx,
      {
        organisationId: actor.organisationId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
      },
      input.centreIds,
    );
    const created = await repo.findById(tx, row.id);
    if (!created) throw new Error('user vanished');
    return present(created);
  });
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof userUpdate>,
): Promise<User> {
  authorize(actor, 'user.manage');
  return db.transaction(async (tx) => {
    const current = await repo.findById(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.organisationId !== actor.organisationId) throw new AppError('FORBIDDEN');
    if (input.centreIds) {
      refuseForeignCentres(actor, input.centreIds);
      await repo.setCentres(tx, id, input.centreIds);
    }
    const disabling = input.disabled === true && !current.disabledAt;
    if (input.password)
      refuseWeakPassword(input.password, [current.email, input.name ?? current.name], 'password');
    await repo.update(tx, id, {
      ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
      ...(input.name ? { name: input.name } : {}),
      ...(input.role ? { role: input.role } : {}),
      ...(input.disabled === undefined
        ? {}
        : { disabledAt: input.disabled ? (current.disabledAt ?? new Date()) : null }),
    });
    // A disabled account loses its sessions at once, not when they time out; so does one given a new password.
    if (disabling || input.password) await deleteUserSessions(tx, id);
    if (input.resetTwoFactor && current.totpSecret) await resetTwoFactor(tx, actor, id);
    const updated = await repo.findById(tx, id);
    if (!updated) throw new Error('user vanished');
    return present(updated);
  });
}

function refuseForeignCentres(actor: Actor, centreIds: string[]) {
  if (centreIds.some((c) => !actor.centreIds.includes(c))) throw new AppError('FORBIDDEN');
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findById>>>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    centreIds: row.centreIds,
    disabled: row.disabledAt !== null,
    twoFactor: row.totpSecret !== null,
    singleSignOn: row.oidcSubject !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
