import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  Opening,
  OpeningList,
  openingInput,
  openingListQuery,
  openingUpdateInput,
} from '../../../core/schemas/employer.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { employerExists } from '../employers/employers.repo.ts';
import * as repo from './openings.repo.ts';

// Openings are the employers' internships and jobs, shared by the installation like the employers themselves.

type OpeningValues = z.output<typeof openingInput>;

export async function list(
  db: Db,
  actor: Actor,
  query: z.output<typeof openingListQuery>,
): Promise<OpeningList> {
  authorize(actor, 'employer.read');
  const { items, total } = await repo.listOpenings(
    db,
    {
      employerId: query.employerId,
      kind: query.kind,
      status: query.status,
      occupationCode: query.occupationCode || undefined,
      municipalityCode: query.municipalityCode || undefined,
      q: query.q || undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: items.map(present), total, page: query.page, pageSize: query.pageSize };
}

export async function get(db: Db, actor: Actor, id: string): Promise<Opening> {
  authorize(actor, 'employer.read');
  return loadPresented(db, id);
}

export async function create(
  db: Db,
  actor: Actor,
  employerId: string,
  input: OpeningValues,
): Promise<Opening> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    if (!(await employerExists(tx, employerId))) throw new AppError('NOT_FOUND');
    await checkCodes(tx, input);
    const row = await repo.insertOpening(tx, {
      ...openingValues(input),
      employerId,
      createdBy: actor.userId,
    });
    return loadPresented(tx, row.id);
  });
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof openingUpdateInput>,
): Promise<Opening> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    const current = await repo.findOpening(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    await checkCodes(tx, input);
    const saved = await repo.updateOpeningVersioned(tx, id, input.version, openingValues(input));
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: present(current) });
    return loadPresented(tx, id);
  });
}

async function checkCodes(tx: Executor, input: OpeningValues) {
  const unknown = await repo.unknownCodes(tx, input);
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      fields: unknown.map((field) => ({ code: 'custom', path: [field], message: 'unknown_code' })),
    });
}

function openingValues(input: OpeningValues) {
  return {
    kind: input.kind,
    title: input.title,
    occupationCode: input.occupationCode,
    places: input.places,
    startsOn: input.startsOn,
    hoursPerWeek: input.hoursPerWeek,
    requiredSfiCourse: input.requiredSfiCourse,
    drivingLicenceRequired: input.drivingLicenceRequired,
    requiredEducationLevelCode: input.requiredEducationLevelCode,
    requirements: input.requirements,
    municipalityCode: input.municipalityCode,
    status: input.status,
  };
}

async function loadPresented(tx: Executor, id: string): Promise<Opening> {
  const row = await repo.findOpening(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

function present(row: repo.OpeningRow): Opening {
  const o = row.opening;
  return {
    id: o.id,
    employerId: o.employerId,
    employerName: row.employerName,
    kind: o.kind,
    title: o.title,
    occupationCode: o.occupationCode,
    occupationName: row.occupationName,
    places: o.places,
    startsOn: o.startsOn,
    hoursPerWeek: o.hoursPerWeek,
    requiredSfiCourse: o.requiredSfiCourse as Opening['requiredSfiCourse'],
    drivingLicenceRequired: o.drivingLicenceRequired,
    requiredEducationLevelCode: o.requiredEducationLevelCode,
    requiredEducationLevelName: row.requiredEducationLevelName,
    requirements: o.requirements,
    municipalityCode: o.municipalityCode,
    municipalityName: row.municipalityName,
    status: o.status,
    version: o.version,
  };
}
