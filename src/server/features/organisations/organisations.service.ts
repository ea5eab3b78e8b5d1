import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  CentreDetail,
  centreInput,
  centreUpdate,
  OrganisationDetail,
  organisationInput,
  organisationUpdate,
} from '../../../core/schemas/programme.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './organisations.repo.ts';

// Organisations and their centres are shared set-up: every member of staff may read them, only
// administrators change them, and a centre only by an administrator of its own organisation.

const collator = new Intl.Collator('sv');

export async function list(db: Db, actor: Actor): Promise<OrganisationDetail[]> {
  authorize(actor, 'organisation.read');
  return (await repo.findOrganisations(db)).map(present).sort((a, b) => collator.compare(a.name, b.name));
}

/** A municipality by its kommunkod (one organisation per municipality), or an employment-service office. */
export async function create(
  db: Db,
  actor: Actor,
  input: z.output<typeof organisationInput>,
): Promise<OrganisationDetail> {
  authorize(actor, 'organisation.manage');
  return db.transaction(async (tx) => {
    const code = input.municipality;
    if (code) {
      if (!(await repo.municipalityExists(tx, code))) throw validation('municipality', 'unknown_code');
      if (input.kind === 'municipality' && (await repo.municipalityHasOrganisation(tx, code)))
        throw validation('municipality', 'taken');
    }
    const row = await repo.insertOrganisation(tx, {
      kind: input.kind,
      name: input.name,
      municipalityCode: code,
    });
    return loadOrganisation(tx, row.id);
  });
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof organisationUpdate>,
): Promise<OrganisationDetail> {
  authorize(actor, 'organisation.manage');
  return db.transaction(async (tx) => {
    await loadOrganisation(tx, id);
    await repo.renameOrganisation(tx, id, input.name);
    return loadOrganisation(tx, id);
  });
}

/** A centre of the administrator's own organisation; the administrator joins it, to manage it. */
export async function createCentre(
  db: Db,
  actor: Actor,
  input: z.output<typeof centreInput>,
): Promise<CentreDetail> {
  authorize(actor, 'organisation.manage');
  return db.transaction(async (tx) => {
    if (!(await repo.municipalityExists(tx, input.municipality)))
      throw validation('municipality', 'unknown_code');
    const row = await repo.insertCentre(tx, {
      organisationId: actor.organisationId,
      name: input.name,
      municipalityCode: input.municipality,
    });
    await repo.addUserToCentre(tx, actor.userId, row.id);
    return loadCentre(tx, row.id);
  });
}

export async function renameCentre(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof centreUpdate>,
): Promise<CentreDetail> {
  authorize(actor, 'organisation.manage');
  return db.transaction(async (tx) => {
    const current = await loadCentre(tx, id);
    if (current.organisationId !== actor.organisationId) throw new AppError('FORBIDDEN');
    await repo.renameCentre(tx, id, input.name);
    return loadCentre(tx, id);
  });
}

function validation(field: string, code: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ code: 'custom', path: [field], message: code }] });
}

async function loadOrganisation(tx: Executor, id: string): Promise<OrganisationDetail> {
  const [found] = await repo.findOrganisations(tx, [id]);
  if (!found) throw new AppError('NOT_FOUND');
  return present(found);
}

async function loadCentre(tx: Executor, id: string): Promise<CentreDetail> {
  const found = await repo.findCentre(tx, id);
  if (!found) throw new AppError('NOT_FOUND');
  return presentCentre(found);
}

function present(row: Awaited<ReturnType<typeof repo.findOrganisations>>[number]): OrganisationDetail {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    centres: row.centres.map(presentCentre).sort((a, b) => collator.compare(a.name, b.name)),
  };
}

function presentCentre(row: NonNullable<Awaited<ReturnType<typeof repo.findCentre>>>): CentreDetail {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
  };
}
