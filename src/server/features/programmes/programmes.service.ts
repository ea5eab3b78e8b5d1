import { AppError } from '../../../core/errors.ts';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
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
  };
}
