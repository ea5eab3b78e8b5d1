import type { z } from 'zod';
import type { AccessWhat } from '../../../core/access-log.ts';
import { AppError } from '../../../core/errors.ts';
import type {
  Referral,
  referralCloseInput,
  referralInput,
  referralListQuery,
  referralMeetingInput,
} from '../../../core/schemas/referral.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import { programmeHasCentre } from '../programmes/programmes.repo.ts';
import * as repo from './referrals.repo.ts';

type ReferralValues = z.output<typeof referralInput>;

export async function list(db: Db, actor: Actor, query: z.output<typeof referralListQuery>) {
  authorize(actor, 'referral.read');
  return db.transaction(async (tx) => {
    const { items, total } = await repo.listVisible(
      tx,
      actor,
      query,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    await logAccess(
      tx,
      actor,
      items.map((i) => ({ id: i.referral.participantId, centreId: i.participantCentreId })),
      'read',
      'referral.list',
    );
    return { items: items.map(present), total, page: query.page, pageSize: query.pageSize };
  });
}

export async function get(db: Db, actor: Actor, id: string): Promise<Referral> {
  authorize(actor, 'referral.read');
  return db.transaction(async (tx) => {
    const row = await loadVisible(tx, actor, id);
    await logAccess(tx, actor, [participantTarget(row)], 'read', 'referral.view');
    return present(row);
  });
}

/** Registers a referral, and the person too when they are new. */
export async function create(db: Db, actor: Actor, input: ReferralValues): Promise<Referral> {
  authorize(actor, 'referral.write');
  return db.transaction(async (tx) => {
    const referral = await createInTransaction(tx, actor, input);
    const row = await repo.findById(tx, referral.id);
    if (!row) throw new Error('referral vanished');
    return present(row);
  });
}

/**
 * The part of registering a referral that import shares: checks scope, finds or creates the participant,
 * refuses a second referral with the same participant, programme, date and basis.
 */
export async function createInTransaction(tx: Executor, actor: Actor, input: ReferralValues) {
  if (!actor.centreIds.includes(input.centreId)) throw new AppError('FORBIDDEN');
  if (!(await programmeHasCentre(tx, input.programmeId, input.centreId))) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ code: 'custom', path: ['centreId'], message: 'invalid_choice' }],
    });
  }
  let participantId: string;
  if (input.participantId) {
    participantId = (await participants.loadWritable(tx, actor, input.participantId)).participant.id;
  } else if (input.participant) {
    participantId = (await participants.create(tx, actor, input.participant, input.centreId)).id;
  } else {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ code: 'custom', path: ['participant'], message: 'required' }],
    });
  }
  const existing = await repo.findByNaturalKey(tx, { ...input, participantId });
  if (existing) throw new AppError('REFERRAL_ALREADY_REGISTERED', { existingId: existing });
  const referral = await repo.insert(tx, {
    participantId,
    programmeId: input.programmeId,
    centreId: input.centreId,
    referringOfficer: input.referringOfficer,
    referringOffice: input.referringOffice,
    referredOn: input.referredOn,
    basis: input.basis,
    note: input.note,
    createdBy: actor.userId,
  });
  await logAccess(tx, actor, [{ id: participantId, centreId: input.centreId }], 'create', 'referral.create');
  return referral;
}

export async function bookMeeting(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof referralMeetingInput>,
): Promise<Referral> {
  return changeOpenReferral(db, actor, id, input.version, 'referral.meeting', {
    status: 'meeting_booked',
    meetingAt: new Date(input.meetingAt),
  });
}

export async function close(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof referralCloseInput>,
): Promise<Referral> {
  return changeOpenReferral(db, actor, id, input.version, `referral.${input.status}`, {
    status: input.status,
    closedReason: input.reason,
  });
}

async function changeOpenReferral(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  what: AccessWhat,
  values: Parameters<typeof repo.updateVersioned>[3],
): Promise<Referral> {
  authorize(actor, 'referral.write');
  return db.transaction(async (tx) => {
    const row = await loadVisible(tx, actor, id);
    await participants.loadWritable(tx, actor, row.referral.participantId);
    if (row.referral.status !== 'received' && row.referral.status !== 'meeting_booked') {
      throw new AppError('REFERRAL_CLOSED');
    }
    const updated = await repo.updateVersioned(tx, id, version, values);
    if (!updated) {
      const latest = await repo.findById(tx, id);
      throw new AppError('VERSION_CONFLICT', latest ? { current: present(latest) } : {});
    }
    await logAccess(tx, actor, [participantTarget(row)], 'update', what);
    const fresh = await repo.findById(tx, id);
    if (!fresh) throw new Error('referral vanished');
    return present(fresh);
  });
}

async function loadVisible(tx: Executor, actor: Actor, id: string) {
  const row = await repo.findById(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  // Visibility of a referral is visibility of its participant.
  await participants.loadVisible(tx, actor, row.referral.participantId);
  return row;
}

function participantTarget(row: NonNullable<Awaited<ReturnType<typeof repo.findById>>>) {
  return { id: row.referral.participantId, centreId: row.participantCentreId };
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findById>>>): Referral {
  const r = row.referral;
  return {
    id: r.id,
    participantId: r.participantId,
    participantName: `${row.firstName} ${row.lastName}`,
    identityNumber: participants.identityDisplay(row),
    programmeId: r.programmeId,
    programmeName: row.programmeName,
    centreId: r.centreId,
    centreName: row.centreName,
    referringOfficer: r.referringOfficer,
    referringOffice: r.referringOffice,
    referredOn: r.referredOn,
    basis: r.basis,
    note: r.note,
    status: r.status,
    meetingAt: r.meetingAt?.toISOString() ?? null,
    closedReason: r.closedReason,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}
