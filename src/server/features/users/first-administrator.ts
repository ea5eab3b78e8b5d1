import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { centres, municipalities, organisations, userCentres, users } from '../../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { isStrongPassword } from '../auth/password-policy.ts';

export type FirstAdministratorInput = {
  email: string;
  name: string;
  municipalityCode: string;
  organisationName: string;
  centreName: string;
  password?: string | undefined;
};

/**
 * Sets up a new installation: the municipality's organisation, its first centre and an administrator who can
 * then create everyone else. Re-running it with the same names reuses what exists; the e-mail must be new.
 */
export async function createFirstAdministrator(db: Db, input: FirstAdministratorInput) {
  const password = input.password ?? randomBytes(12).toString('base64url');
  if (password.length < 12) throw new Error('The password must have at least 12 characters.');
  if (!isStrongPassword(password, [input.email, input.name]))
    throw new Error(
      'The password is too easy to guess: avoid common passwords, names, years and keyboard patterns.',
    );
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [municipality] = await tx
      .select()
      .from(municipalities)
      .where(eq(municipalities.code, input.municipalityCode));
    if (!municipality) throw new Error(`No municipality has the code ${input.municipalityCode}.`);
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
    if (taken.length > 0) throw new Error(`A user with the e-mail ${input.email} already exists.`);

    const [existingOrganisation] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.kind, 'municipality'), eq(organisations.name, input.organisationName)));
    const organisation =
      existingOrganisation ??
      (
        await tx
          .insert(organisations)
          .values({ kind: 'municipality', name: input.organisationName, municipalityCode: municipality.code })
          .returning()
      )[0];
    if (!organisation) throw new Error('The organisation could not be created.');
    const [existingCentre] = await tx
      .select()
      .from(centres)
      .where(and(eq(centres.organisationId, organisation.id), eq(centres.name, input.centreName)));
    const centre =
      existingCentre ??
      (
        await tx
          .insert(centres)
          .values({
            organisationId: organisation.id,
            name: input.centreName,
            municipalityCode: municipality.code,
          })
          .returning()
      )[0];
    if (!centre) throw new Error('The centre could not be created.');
    const [user] = await tx
      .insert(users)
      .values({
        organisationId: organisation.id,
        email: input.email,
        name: input.name,
        role: 'administrator',
        passwordHash,
      })
      .returning();
    if (!user) throw new Error('The administrator could not be created.');
    await tx.insert(userCentres).values({ userId: user.id, centreId: centre.id });
    return { userId: user.id, organisationId: organisation.id, centreId: centre.id, password };
  });
}
