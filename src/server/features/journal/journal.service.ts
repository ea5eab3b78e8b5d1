import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  JournalEntry,
  journalCorrectionInput,
  journalEntryInput,
} from '../../../core/schemas/journal.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import * as repo from './journal.repo.ts';

export async function list(db: Db, actor: Actor, participantId: string): Promise<JournalEntry[]> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    await logAccess(tx, actor, [participant], 'read', 'journal.list');
    return (await repo.listForParticipant(tx, participantId)).map(present);
  });
}

export async function add(
  db: Db,
  actor: Actor,
  participantId: string,
  input: z.output<typeof journalEntryInput>,
): Promise<JournalEntry> {
  authorize(actor, 'journal.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadWritable(tx, actor, participantId);
    const row = await repo.insert(tx, { participantId, ...input, authorId: actor.userId });
    await logAccess(tx, actor, [participant], 'create', 'journal.create');
    return present(await found(tx, row.id));
  });
}

/** Writes a new entry that replaces `entryId`; the original stays, marked as corrected. */
export async function correct(
  db: Db,
  actor: Actor,
  entryId: string,
  input: z.output<typeof journalCorrectionInput>,
): Promise<JournalEntry> {
  authorize(actor, 'journal.write');
  return db.transaction(async (tx) => {
    const original = await repo.findById(tx, entryId);
    if (!original) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadWritable(tx, actor, original.entry.participantId);
    if (original.correctedById) throw new AppError('JOURNAL_ALREADY_CORRECTED');
    const row = await repo.insertCorrection(tx, {
      participantId: participant.id,
      entryDate: input.entryDate ?? original.entry.entryDate,
      category: input.category ?? original.entry.category,
      text: input.text,
      authorId: actor.userId,
      correctsId: entryId,
      correctionReason: input.reason,
    });
    if (!row) throw new AppError('JOURNAL_ALREADY_CORRECTED');
    await logAccess(tx, actor, [participant], 'create', 'journal.correct');
    return present(await found(tx, row.id));
  });
}

async function found(tx: Executor, id: string) {
  const row = await repo.findById(tx, id);
  if (!row) throw new Error('journal entry vanished');
  return row;
}

function present(row: repo.JournalEntryRow): JournalEntry {
  const e = row.entry;
  return {
    id: e.id,
    participantId: e.participantId,
    entryDate: e.entryDate,
    category: e.category,
    text: e.text,
    authorName: row.authorName,
    createdAt: e.createdAt.toISOString(),
    correctsId: e.correctsId,
    correctionReason: e.correctionReason,
    correctedById: row.correctedById,
  };
}
