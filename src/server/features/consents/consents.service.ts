import type { z } from 'zod';
import type { ConsentPurpose } from '../../../core/enums.ts';
import { AppError } from '../../../core/errors.ts';
import type { Consent, consentInput, consentWithdrawal } from '../../../core/schemas/consent.schema.ts';
import type { Db } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import { closeOpen } from '../referrals/referrals.repo.ts';
import * as repo from './consents.repo.ts';

// Kept in Swedish like the reasons staff type: it is part of the record, not of the interface.
const withdrawalReason = 'Samtycket till deltagande återkallades';

export async function list(db: Db, actor: Actor, participantId: string): Promise<Consent[]> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    await logAccess(tx, actor, [participant], 'read', 'consent.list');
    return (await repo.listForParticipant(tx, participantId)).map(present);
  });
}

/** Records consent given at a meeting. A new consent after a withdrawal opens the record again. */
export async function record(
  db: Db,
  actor: Actor,
  participantId: string,
  input: z.output<typeof consentInput>,
): Promise<Consent> {
  authorize(actor, 'consent.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const row = await repo.insert(tx, {
      participantId,
      participation: input.purposes.includes('participation'),
      dataSharing: input.purposes.includes('data_sharing'),
      funderReporting: input.purposes.includes('funder_reporting'),
      givenOn: input.givenOn,
      method: input.method,
      language: input.language,
      recordedBy: actor.userId,
    });
    await logAccess(tx, actor, [participant], 'create', 'consent.create');
    const joined = await repo.findById(tx, row.id);
    if (!joined) throw new Error('consent vanished');
    return present(joined);
  });
}

export async function withdraw(
  db: Db,
  actor: Actor,
  consentId: string,
  input: z.output<typeof consentWithdrawal>,
): Promise<Consent> {
  authorize(actor, 'consent.write');
  return db.transaction(async (tx) => {
    const current = await repo.findById(tx, consentId);
    if (!current) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadVisible(tx, actor, current.consent.participantId);
    if (input.withdrawnOn < current.consent.givenOn) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ code: 'custom', path: ['withdrawnOn'], message: 'before_given_on' }],
      });
    }
    const updated = await repo.withdraw(tx, consentId, {
      withdrawnOn: input.withdrawnOn,
      withdrawnBy: actor.userId,
      withdrawalNote: input.note,
    });
    if (!updated) throw new AppError('CONSENT_WITHDRAWN');
    // Without consent to participation the person leaves the intake: open referrals end as withdrawn.
    if (updated.participation && !(await repo.hasParticipationConsent(tx, participant.id))) {
      await closeOpen(tx, participant.id, 'withdrawn', withdrawalReason);
    }
    await logAccess(tx, actor, [participant], 'update', 'consent.withdraw');
    const joined = await repo.findById(tx, consentId);
    if (!joined) throw new Error('consent vanished');
    return present(joined);
  });
}

function present(row: repo.ConsentJoinedRow): Consent {
  const c = row.consent;
  const purposes: ConsentPurpose[] = [];
  if (c.participation) purposes.push('participation');
  if (c.dataSharing) purposes.push('data_sharing');
  if (c.funderReporting) purposes.push('funder_reporting');
  return {
    id: c.id,
    participantId: c.participantId,
    purposes,
    givenOn: c.givenOn,
    method: c.method,
    language: c.language,
    recordedBy: row.recordedBy,
    withdrawnOn: c.withdrawnOn,
    withdrawnBy: row.withdrawnBy,
    withdrawalNote: c.withdrawalNote,
    createdAt: c.createdAt.toISOString(),
  };
}
