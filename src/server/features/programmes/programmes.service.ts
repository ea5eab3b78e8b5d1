import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { Programme, programmeInput, programmeUpdate } from '../../../core/schemas/programme.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './programmes.repo.ts';

/** Programmes that run in one of the actor's centres. */
export async function list(db: Db, actor: Actor): Promise<Programme[]> {
  const ids = await repo.programmeIdsForCentres(db, actor.centreIds);
  return (await repo.findProgrammes(db, ids)).map(present);
}

export async function get(db: Db, actor: Actor, id: string): Promise<Programme> {
  const [found] = await repo.findProgrammes(db, [id]);
  if (!found) throw new AppError('NOT_FOUND');
  if (!found.centres.some((c) => actor.centreIds.includes(c.id))) throw new AppError('FORBIDDEN');
  return present(found);
}

/** Swedish collation for code lists: names sorted as a Swedish reader expects (Å, Ä, Ö last). */
const collator = new Intl.Collator('sv');

export async function municipalities(db: Db) {
  return (await repo.listMunicipalities(db)).sort((a, b) => collator.compare(a.name, b.name));
}

export async function educationLevels(db: Db) {
  return repo.listEducationLevels(db);
}

function present(found: Awaited<ReturnType<typeof repo.findProgrammes>>[number]): Programme {
  const organisation = (o: {
    id: string;
    kind: 'municipality' | 'employment_service';
    name: string;
    municipalityCode: string | null;
  }) => ({
    id: o.id,
    kind: o.kind,
    name: o.name,
    municipalityCode: o.municipalityCode,
  });
  if (!found.owner) throw new Error('programme without owner');
  const p = found.programme;
  return {
    id: p.id,
    name: p.name,
    funderProjectNumber: p.funderProjectNumber,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    plannedParticipants: p.plannedParticipants,
    goalPercent: p.goalPercent,
    goalDescription: p.goalDescription,
    followUpDays: p.followUpDays,
    cofinancingHourlyRate: p.cofinancingHourlyRate,
    funderReportCheck: p.funderReportCheck,
    retentionYears: p.retentionYears,
    holdUntil: p.holdUntil,
    ownerOrganisation: organisation(found.owner),
    organisations: found.organisations.map(organisation),
    centres: found.centres.map((c) => ({
      id: c.id,
      name: c.name,
      organisationId: c.organisationId,
      municipalityCode: c.municipalityCode,
    })),
    targetGroups: found.targetGroups.map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.name,
      maxDurationMonths: g.maxDurationMonths,
    })),
    steps: found.steps.map((s) => ({ id: s.id, ordinal: s.ordinal, name: s.name })),
    version: p.version,
  };
}

// ---------------------------------------------------------------- set-up

type ProgrammeValues = z.output<typeof programmeInput>;
type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/** A programme owned by the actor's organisation, run in centres of which the actor works in at least one. */
export async function create(db: Db, actor: Actor, input: ProgrammeValues): Promise<Programme> {
  authorize(actor, 'programme.manage');
  return db.transaction(async (tx) => {
    const links = await checkLinks(tx, actor, actor.organisationId, input);
    const row = await repo.insertProgramme(tx, {
      ...programmeValues(input),
      ownerOrganisationId: actor.organisationId,
    });
    await repo.setProgrammeOrganisations(tx, row.id, links.organisationIds);
    await repo.setProgrammeCentres(tx, row.id, links.centreIds);
    await repo.insertTargetGroups(tx, row.id, input.targetGroups);
    await repo.saveSteps(
      tx,
      row.id,
      input.steps.map((s) => ({ name: s.name })),
    );
    return loadPresented(tx, row.id);
  });
}

/**
 * Saves a programme's new state against the version it was read at. Target groups and steps keep their ids, so
 * enrolments stay linked; one that participants are enrolled in or have taken cannot be removed.
 */
export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof programmeUpdate>,
): Promise<Programme> {
  authorize(actor, 'programme.manage');
  return db.transaction(async (tx) => {
    const [current] = await repo.findProgrammes(tx, [id]);
    if (!current) throw new AppError('NOT_FOUND');
    if (!current.centres.some((c) => actor.centreIds.includes(c.id))) throw new AppError('FORBIDDEN');
    const links = await checkLinks(tx, actor, current.programme.ownerOrganisationId, input);

    const issues: Issue[] = [];
    const groupsById = new Map(current.targetGroups.map((g) => [g.id, g]));
    const stepIds = new Set(current.steps.map((s) => s.id));
    input.targetGroups.forEach((g, index) => {
      if (g.id && !groupsById.has(g.id)) issues.push(issue(['targetGroups', index, 'id'], 'not_found'));
    });
    input.steps.forEach((s, index) => {
      if (s.id && !stepIds.has(s.id)) issues.push(issue(['steps', index, 'id'], 'not_found'));
    });
    if (
      new Set(input.steps.flatMap((s) => (s.id ? [s.id] : []))).size !==
      input.steps.filter((s) => s.id).length
    )
      issues.push(issue(['steps'], 'invalid_value'));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });

    const saved = await repo.updateProgrammeVersioned(tx, id, input.version, programmeValues(input));
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await loadPresented(tx, id) });

    // A target group whose kind changes is a different group: enrolments in it must not silently follow.
    const keptGroups = input.targetGroups.filter((g) => g.id && groupsById.get(g.id)?.kind === g.kind);
    const keptGroupIds = new Set(keptGroups.map((g) => g.id));
    const removedGroups = current.targetGroups.filter((g) => !keptGroupIds.has(g.id));
    const keptStepIds = new Set(input.steps.flatMap((s) => (s.id ? [s.id] : [])));
    const removedSteps = current.steps.filter((s) => !keptStepIds.has(s.id));
    const usedGroups = await repo.usedTargetGroupIds(
      tx,
      removedGroups.map((g) => g.id),
    );
    const usedSteps = await repo.usedStepIds(
      tx,
      removedSteps.map((s) => s.id),
    );
    if (usedGroups.size > 0 || usedSteps.size > 0) {
      const inUse: Issue[] = [];
      input.targetGroups.forEach((g, index) => {
        if (g.id && usedGroups.has(g.id)) inUse.push(issue(['targetGroups', index, 'kind'], 'in_use_kind'));
      });
      const listed = new Set(input.targetGroups.map((g) => g.id));
      if ([...usedGroups].some((groupId) => !listed.has(groupId)))
        inUse.push(issue(['targetGroups'], 'in_use'));
      if (usedSteps.size > 0) inUse.push(issue(['steps'], 'in_use'));
      throw new AppError('PROGRAMME_ITEM_IN_USE', { fields: inUse });
    }

    await repo.setProgrammeOrganisations(tx, id, links.organisationIds);
    await repo.setProgrammeCentres(tx, id, links.centreIds);
    try {
      await repo.deleteTargetGroups(
        tx,
        removedGroups.map((g) => g.id),
      );
      await repo.deleteSteps(
        tx,
        removedSteps.map((s) => s.id),
      );
    } catch (error) {
      // Someone enrolled into a group or step after the check above: the foreign key keeps it, and says so.
      if (isForeignKeyViolation(error)) throw new AppError('PROGRAMME_ITEM_IN_USE');
      throw error;
    }
    for (const group of keptGroups) {
      if (group.id)
        await repo.updateTargetGroup(tx, group.id, {
          name: group.name,
          maxDurationMonths: group.maxDurationMonths,
        });
    }
    await repo.insertTargetGroups(
      tx,
      id,
      input.targetGroups.filter((g) => !keptGroups.includes(g)),
    );
    await repo.saveSteps(tx, id, input.steps);
    return loadPresented(tx, id);
  });
}

function programmeValues(input: ProgrammeValues) {
  return {
    name: input.name,
    funderProjectNumber: input.funderProjectNumber,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    plannedParticipants: input.plannedParticipants,
    goalPercent: input.goalPercent,
    goalDescription: input.goalDescription,
    followUpDays: input.followUpDays,
    cofinancingHourlyRate: input.cofinancingHourlyRate,
    funderReportCheck: input.funderReportCheck,
    retentionYears: input.retentionYears,
    holdUntil: input.holdUntil,
  };
}

/**
 * The programme's organisations (the owner and the participating ones) and centres, once each. Unknown ids and
 * centres of organisations outside the programme are field errors; without one of the actor's centres, 403.
 */
async function checkLinks(
  tx: Executor,
  actor: Actor,
  ownerOrganisationId: string,
  input: Pick<ProgrammeValues, 'organisationIds' | 'centreIds'>,
) {
  const organisationIds = [...new Set([ownerOrganisationId, ...input.organisationIds])];
  const centreIds = [...new Set(input.centreIds)];
  const knownOrganisations = new Set(await repo.existingOrganisationIds(tx, organisationIds));
  const centreOrganisation = new Map(
    (await repo.findCentreOrganisations(tx, centreIds)).map((c) => [c.id, c.organisationId]),
  );
  const issues: Issue[] = [];
  input.organisationIds.forEach((organisationId, index) => {
    if (!knownOrganisations.has(organisationId)) issues.push(issue(['organisationIds', index], 'not_found'));
  });
  input.centreIds.forEach((centreId, index) => {
    const organisationId = centreOrganisation.get(centreId);
    if (!organisationId) issues.push(issue(['centreIds', index], 'not_found'));
    else if (!organisationIds.includes(organisationId))
      issues.push(issue(['centreIds', index], 'not_participating'));
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
  // A manager sets up programmes they work in, never only other centres' ones.
  if (!centreIds.some((c) => actor.centreIds.includes(c))) throw new AppError('FORBIDDEN');
  return { organisationIds, centreIds };
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: string }).code === '23503') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function issue(path: (string | number)[], code: string): Issue {
  return { code: 'custom', path, message: code };
}

async function loadPresented(tx: Executor, id: string): Promise<Programme> {
  const [found] = await repo.findProgrammes(tx, [id]);
  if (!found) throw new AppError('NOT_FOUND');
  return present(found);
}
