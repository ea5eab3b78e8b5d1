import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  Activity,
  activityInput,
  activityUpdateInput,
  ClosureDays,
  closureDaysInput,
} from '../../../core/schemas/activity.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { findProgrammes } from '../programmes/programmes.repo.ts';
import * as repo from './activities.repo.ts';

type ActivityValues = z.output<typeof activityInput>;

/** Swedish alphabetical order: a byte-order sort would put 'SFI' before 'Samhällsorientering'. */
const collator = new Intl.Collator('sv');
type Issue = { code: 'custom'; path: (string | number)[]; message: string };

export async function list(db: Db, actor: Actor, programmeId: string): Promise<{ items: Activity[] }> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    await loadProgramme(tx, actor, programmeId);
    const rows = await repo.listActivities(tx, { programmeId });
    return { items: rows.sort((a, b) => collator.compare(a.name, b.name)).map(present) };
  });
}

/** Adds an activity to the catalogue of a programme run in one of the actor's centres. */
export async function create(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: ActivityValues,
): Promise<Activity> {
  authorize(actor, 'programme.manage');
  return db.transaction(async (tx) => {
    const programme = await loadProgramme(tx, actor, programmeId);
    await check(tx, programme, input);
    const row = await saveUnique(() =>
      repo.insertActivity(tx, { ...activityValues(input), programmeId, name: input.name }),
    );
    await repo.setMandatoryTargetGroups(tx, row.id, unique(input.mandatoryTargetGroupIds));
    return loadPresented(tx, row.id);
  });
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof activityUpdateInput>,
): Promise<Activity> {
  authorize(actor, 'programme.manage');
  return db.transaction(async (tx) => {
    const current = await repo.findActivity(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    const programme = await loadProgramme(tx, actor, current.programmeId);
    await check(tx, programme, input, id);
    const saved = await saveUnique(() =>
      repo.updateActivityVersioned(tx, id, input.version, activityValues(input)),
    );
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: present(current) });
    await repo.setMandatoryTargetGroups(tx, id, unique(input.mandatoryTargetGroupIds));
    return loadPresented(tx, id);
  });
}

export async function getClosureDays(db: Db, actor: Actor, programmeId: string): Promise<ClosureDays> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    await loadProgramme(tx, actor, programmeId);
    return { items: await repo.listClosureDays(tx, programmeId) };
  });
}

/**
 * Replaces the programme's closure days. Each day that is new cancels the planned sessions of the programme's
 * groups on it that have no attendance yet, with the closure's reason. A day taken off the list does not
 * bring cancelled sessions back: that is a decision per session.
 */
export async function saveClosureDays(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: z.output<typeof closureDaysInput>,
): Promise<ClosureDays> {
  authorize(actor, 'programme.manage');
  return db.transaction(async (tx) => {
    await loadProgramme(tx, actor, programmeId);
    const seen = new Set<string>();
    const issues: Issue[] = [];
    input.days.forEach((d, index) => {
      if (seen.has(d.day)) issues.push(issue(['days', index, 'day'], 'duplicate_row'));
      seen.add(d.day);
    });
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const before = new Set((await repo.listClosureDays(tx, programmeId)).map((d) => d.day));
    await repo.replaceClosureDays(tx, programmeId, input.days);
    for (const d of input.days) {
      if (!before.has(d.day)) await repo.cancelSessionsOn(tx, programmeId, d.day, d.reason);
    }
    return { items: await repo.listClosureDays(tx, programmeId) };
  });
}

type LoadedProgramme = NonNullable<Awaited<ReturnType<typeof findProgrammes>>[number]>;

/** A programme run in one of the actor's centres: 404 when there is none, 403 when it is others'. */
export async function loadProgramme(tx: Executor, actor: Actor, id: string): Promise<LoadedProgramme> {
  const [programme] = await findProgrammes(tx, [id]);
  if (!programme) throw new AppError('NOT_FOUND');
  if (!programme.centres.some((c) => actor.centreIds.includes(c.id))) throw new AppError('FORBIDDEN');
  return programme;
}

async function check(tx: Executor, programme: LoadedProgramme, input: ActivityValues, exceptId?: string) {
  const issues: Issue[] = [];
  if (input.stepId && !programme.steps.some((s) => s.id === input.stepId))
    issues.push(issue(['stepId'], 'invalid_choice'));
  const groupIds = new Set(programme.targetGroups.map((g) => g.id));
  input.mandatoryTargetGroupIds.forEach((groupId, index) => {
    if (!groupIds.has(groupId)) issues.push(issue(['mandatoryTargetGroupIds', index], 'invalid_choice'));
  });
  if (await repo.nameTaken(tx, programme.programme.id, input.name, exceptId))
    issues.push(issue(['name'], 'name_taken'));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
}

/** Runs an insert or update; a concurrent save of the same name trips the unique index and says so. */
async function saveUnique<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('VALIDATION_FAILED', { fields: [issue(['name'], 'name_taken')] });
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function activityValues(input: ActivityValues) {
  return {
    name: input.name,
    type: input.type,
    stepId: input.stepId,
    plannedHours: input.plannedHours,
    deliveryLanguage: input.deliveryLanguage,
    interpreter: input.interpreter,
    description: input.description,
    active: input.active,
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

async function loadPresented(tx: Executor, id: string): Promise<Activity> {
  const row = await repo.findActivity(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

export function present(row: repo.ActivityRow): Activity {
  return {
    id: row.id,
    programmeId: row.programmeId,
    name: row.name,
    type: row.type,
    stepId: row.stepId,
    stepName: row.stepName,
    plannedHours: row.plannedHours,
    deliveryLanguage: row.deliveryLanguage as Activity['deliveryLanguage'],
    interpreter: row.interpreter,
    description: row.description,
    mandatoryTargetGroupIds: row.mandatoryTargetGroupIds,
    active: row.active,
    version: row.version,
  };
}

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
