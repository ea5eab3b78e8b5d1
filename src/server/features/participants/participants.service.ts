import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { personSearchText, personSortKey } from '../../../core/collation.ts';
import { type EnrolmentFilter, enrolmentFilterKeys } from '../../../core/dashboard.ts';
import { AppError, type ErrorCode } from '../../../core/errors.ts';
import { formatIdentityNumber, parseIdentityNumber } from '../../../core/personal-identity-number.ts';
import type {
  identityReplacement,
  ParticipantDetail,
  ParticipantList,
  ParticipantSummary,
  participantInput,
  participantSearch,
  participantUpdate,
} from '../../../core/schemas/participant.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type AccessTarget, logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './participants.repo.ts';

type ParticipantValues = z.output<typeof participantInput>;

/**
 * A person with protected identity asked for by someone not assigned to them. The answer is the code's, exactly as
 * if there were no such person; the app logs the attempt (`refused`) in a transaction of its own, since the
 * request's own is rolled back.
 */
export class ProtectedIdentityRefused extends AppError {
  readonly participant: AccessTarget;
  constructor(participant: AccessTarget, code: ErrorCode = 'NOT_FOUND') {
    super(code);
    this.participant = participant;
  }
}

/**
 * The participant if the actor may see them. Someone of another centre gives 403; a protected person the
 * actor is not assigned to gives 404, exactly as if there were no one, so nothing about them leaks.
 */
export async function loadVisible(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<repo.ParticipantDetailRow> {
  authorize(actor, 'participant.read');
  const row = await repo.findById(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const assigned = await repo.isAssigned(db, id, actor.userId);
  if (row.participant.protectedIdentity && !assigned) throw new ProtectedIdentityRefused(row.participant);
  if (!assigned && !actor.centreIds.includes(row.participant.centreId)) throw new AppError('FORBIDDEN');
  return row;
}

/** As loadVisible, and refuses changes once consent to participation has been withdrawn. */
export async function loadWritable(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<repo.ParticipantDetailRow> {
  const row = await loadVisible(db, actor, id);
  if (row.readOnly) throw new AppError('CONSENT_WITHDRAWN');
  return row;
}

export async function list(
  db: Db,
  actor: Actor,
  query: z.output<typeof participantSearch>,
): Promise<ParticipantList> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const search = searchTerm(query.q);
    const { items, total } = await repo.listVisible(
      tx,
      actor,
      {
        search,
        centreId: query.centreId,
        status: query.status,
        enrolment: enrolmentFilterOf(query),
      },
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    await logAccess(tx, actor, items, 'read', 'participant.list');
    await logHiddenMatch(tx, actor, search, items);
    return { items: items.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
  });
}

export async function get(db: Db, actor: Actor, id: string): Promise<ParticipantDetail> {
  return db.transaction(async (tx) => {
    const row = await loadVisible(tx, actor, id);
    await logAccess(tx, actor, [row.participant], 'read', 'participant.view');
    return presentDetail(tx, row);
  });
}

/** Registers a new person in a centre; the one who registers becomes their contact. Runs in the caller's transaction. */
export async function create(tx: Executor, actor: Actor, input: ParticipantValues, centreId: string) {
  authorize(actor, 'participant.write');
  if (!actor.centreIds.includes(centreId)) throw new AppError('FORBIDDEN');
  const identity = await resolveIdentity(tx, actor, input);
  await refuseUnknownCodes(tx, input);
  const row = await repo.insert(tx, {
    ...identity,
    ...personValues(input),
    centreId,
    createdBy: actor.userId,
  });
  await repo.assign(tx, row.id, actor.userId, true);
  await logAccess(tx, actor, [row], 'create', 'participant.create');
  return row;
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof participantUpdate>,
): Promise<ParticipantDetail> {
  authorize(actor, 'participant.write');
  return db.transaction(async (tx) => {
    const current = await loadWritable(tx, actor, id);
    await refuseUnknownCodes(tx, input);
    const values: Partial<repo.NewParticipant> = personValues(input);
    if (current.participant.identityType === 'reserve') {
      // A reserve identity's birth date and gender are typed in; a real number's are derived from it.
      if (input.birthDate) values.birthDate = input.birthDate;
      if (input.legalGender) values.legalGender = input.legalGender;
    }
    const updated = await repo.updateVersioned(tx, id, input.version, values);
    if (!updated) throw await conflict(tx, current.participant.id);
    await logAccess(tx, actor, [updated], 'update', 'participant.update');
    return presentDetail(tx, await loadVisible(tx, actor, id));
  });
}

/** Gives someone with a reserve identity their real number; the reserve number stays in the history. */
export async function replaceIdentity(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof identityReplacement>,
): Promise<ParticipantDetail> {
  authorize(actor, 'participant.write');
  return db.transaction(async (tx) => {
    const current = await loadWritable(tx, actor, id);
    if (current.participant.identityType !== 'reserve' || !current.participant.reserveNumber) {
      throw new AppError('NOT_RESERVE_IDENTITY');
    }
    const parsed = parseIdentityNumber(input.personalIdentityNumber);
    if (!parsed.ok) throw validation('personalIdentityNumber', parsed.error);
    await refuseDuplicate(tx, actor, parsed.value.normalised);
    const updated = await repo.updateVersioned(tx, id, input.version, {
      identityType: parsed.value.kind,
      personalIdentityNumber: parsed.value.normalised,
      reserveNumber: null,
      birthDate: parsed.value.birthDate,
      legalGender: parsed.value.legalGender,
      searchText: personSearchText(
        current.participant.firstName,
        current.participant.lastName,
        parsed.value.normalised,
      ),
    });
    if (!updated) throw await conflict(tx, id);
    await repo.insertIdentityHistory(tx, {
      participantId: id,
      identityType: 'reserve',
      identityNumber: current.participant.reserveNumber,
      replacedBy: actor.userId,
    });
    await logAccess(tx, actor, [updated], 'update', 'participant.identity');
    return presentDetail(tx, await loadVisible(tx, actor, id));
  });
}

async function resolveIdentity(tx: Executor, actor: Actor, input: ParticipantValues) {
  if (input.personalIdentityNumber) {
    const parsed = parseIdentityNumber(input.personalIdentityNumber);
    if (!parsed.ok) throw validation('personalIdentityNumber', parsed.error);
    await refuseDuplicate(tx, actor, parsed.value.normalised);
    return {
      identityType: parsed.value.kind,
      personalIdentityNumber: parsed.value.normalised,
      reserveNumber: null,
      birthDate: parsed.value.birthDate,
      legalGender: parsed.value.legalGender,
      searchText: personSearchText(input.firstName, input.lastName, parsed.value.normalised),
    };
  }
  if (!input.birthDate || !input.legalGender) throw validation('birthDate', 'required_without_pin');
  const reserveNumber = `R${input.birthDate.replaceAll('-', '')}-${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  return {
    identityType: 'reserve' as const,
    personalIdentityNumber: null,
    reserveNumber,
    birthDate: input.birthDate,
    legalGender: input.legalGender,
    searchText: personSearchText(input.firstName, input.lastName, reserveNumber),
  };
}

/** The same answer whoever the existing person is; only someone who may see them gets a link. */
async function refuseDuplicate(tx: Executor, actor: Actor, normalised: string): Promise<void> {
  const existingId = await repo.findIdByIdentityNumber(tx, normalised);
  if (!existingId) return;
  const visible = await loadVisible(tx, actor, existingId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ProtectedIdentityRefused) {
        throw new ProtectedIdentityRefused(error.participant, 'PARTICIPANT_ALREADY_REGISTERED');
      }
      return false;
    },
  );
  throw new AppError('PARTICIPANT_ALREADY_REGISTERED', visible ? { existingId } : {});
}

// The codes point into code lists; an unknown one is the user's mistake, not a broken foreign key.
async function refuseUnknownCodes(
  tx: Executor,
  input: { municipalityCode?: string | null; educationLevelCode?: string | null },
): Promise<void> {
  const unknown = await repo.unknownCodes(tx, {
    municipalityCode: input.municipalityCode ?? null,
    educationLevelCode: input.educationLevelCode ?? null,
  });
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: unknown.map((field) => ({ code: 'custom', path: [field], message: 'unknown_code' })),
    });
  }
}

function personValues(input: Omit<ParticipantValues, 'personalIdentityNumber'>) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    sortName: personSortKey(input.firstName, input.lastName),
    preferredLanguage: input.preferredLanguage ?? null,
    interpreterNeeded: input.interpreterNeeded,
    phone: input.phone,
    email: input.email,
    // A protected person's address is never kept here; the population register guards it.
    streetAddress: input.protectedIdentity ? null : input.streetAddress,
    postalCode: input.protectedIdentity ? null : input.postalCode,
    city: input.protectedIdentity ? null : input.city,
    municipalityCode: input.municipalityCode ?? null,
    educationLevelCode: input.educationLevelCode ?? null,
    protectedIdentity: input.protectedIdentity,
  };
}

function enrolmentFilterOf(query: z.output<typeof participantSearch>): EnrolmentFilter {
  const filter: EnrolmentFilter = {};
  for (const key of enrolmentFilterKeys) {
    if (query[key] !== undefined) Object.assign(filter, { [key]: query[key] });
  }
  return filter;
}

/**
 * A search for the whole identity number of a protected person the actor may not see finds no one, as for any
 * number; the attempt is logged (`refused`), since only someone who knows the number can make it.
 */
async function logHiddenMatch(
  tx: Executor,
  actor: Actor,
  search: repo.ParticipantFilter['search'],
  found: readonly AccessTarget[],
): Promise<void> {
  // A whole number: searchTerm gives a valid one in its 12-digit form.
  if (search?.kind !== 'number' || !/^\d{12}$/.test(search.value)) return;
  const hidden = await repo.findHiddenProtected(tx, actor, search.value);
  if (hidden && !found.some((p) => p.id === hidden.id)) {
    await logAccess(tx, actor, [hidden], 'refused', 'participant.search');
  }
}

function searchTerm(q: string | undefined): repo.ParticipantFilter['search'] {
  if (!q) return null;
  if (/^[\d\s+-]+$/.test(q)) {
    const parsed = parseIdentityNumber(q);
    return { kind: 'number', value: parsed.ok ? parsed.value.normalised : q.replace(/\D/g, '') };
  }
  return { kind: 'text', value: q.toLocaleLowerCase('sv') };
}

function validation(field: string, code: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ code: 'custom', path: [field], message: code }] });
}

async function conflict(tx: Executor, id: string): Promise<AppError> {
  const latest = await repo.findById(tx, id);
  return new AppError('VERSION_CONFLICT', latest ? { current: await presentDetail(tx, latest) } : {});
}

export function identityDisplay(row: {
  personalIdentityNumber: string | null;
  reserveNumber: string | null;
}): string {
  return row.personalIdentityNumber
    ? formatIdentityNumber(row.personalIdentityNumber)
    : (row.reserveNumber ?? '');
}

function presentSummary(row: repo.ParticipantSummaryRow): ParticipantSummary {
  return {
    id: row.id,
    identityType: row.identityType,
    identityNumber: identityDisplay(row),
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    legalGender: row.legalGender,
    centreId: row.centreId,
    centreName: row.centreName,
    status: row.status,
    protectedIdentity: row.protectedIdentity,
  };
}

async function presentDetail(db: Executor, row: repo.ParticipantDetailRow): Promise<ParticipantDetail> {
  const p = row.participant;
  const hideAddress = p.protectedIdentity;
  return {
    ...presentSummary({ ...p, centreName: row.centreName, status: row.status }),
    preferredLanguage: p.preferredLanguage,
    interpreterNeeded: p.interpreterNeeded,
    phone: p.phone,
    email: p.email,
    streetAddress: hideAddress ? null : p.streetAddress,
    postalCode: hideAddress ? null : p.postalCode,
    city: hideAddress ? null : p.city,
    municipalityCode: p.municipalityCode,
    municipalityName: row.municipalityName,
    educationLevelCode: p.educationLevelCode,
    educationLevelName: row.educationLevelName,
    readOnly: row.readOnly,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    identityHistory: (await repo.identityHistory(db, p.id)).map((h) => ({
      identityType: h.identityType,
      identityNumber:
        h.identityType === 'reserve' ? h.identityNumber : formatIdentityNumber(h.identityNumber),
      replacedAt: h.replacedAt.toISOString(),
    })),
    assignedStaff: await repo.assignedStaff(db, p.id),
  };
}
