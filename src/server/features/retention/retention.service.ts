import { createHash } from 'node:crypto';
import { type IsoDate, todayInSweden } from '../../../core/dates.ts';
import { openReferralStatuses, type RetentionRule } from '../../../core/enums.ts';
import { AppError } from '../../../core/errors.ts';
import {
  type Expiry,
  generalisedBirthDate,
  hasExpired,
  type RetentionFacts,
} from '../../../core/retention.ts';
import {
  maxRetentionRun,
  type RetentionPreview,
  type RetentionRunInput,
  type RetentionRunList,
  type RetentionRunResult,
} from '../../../core/schemas/retention.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './retention.repo.ts';

export type RetentionOptions = {
  /** The day the rules are applied for (Stockholm's today by default). */
  today?: IsoDate;
  /** Find and count only; change and log nothing. */
  dryRun: boolean;
  /** Only participants whose home centre belongs to this organisation; null or left out: the installation. */
  organisationId?: string | null;
  /** The administrator who runs it, written to the access log and the retention log; null: the command line. */
  actor?: Actor | null;
  /**
   * Anonymise the first `maxRetentionRun` of those who have expired, and only while they are the ones of the
   * preview with this fingerprint (else 409 STALE_RETENTION_PREVIEW); left out: everyone who has expired.
   */
  previewed?: string;
};

export type ExpiredParticipant = { participantId: string; centreId: string; startDates: IsoDate[] } & Expiry;

export type RetentionOutcome = {
  runId: string | null;
  asOf: IsoDate;
  expired: ExpiredParticipant[];
  groups: RetentionPreview['groups'];
};

/** Facts are read in slices, so the number of bound parameters stays far below the drivers' limits. */
const sliceSize = 1000;

/**
 * The retention job: finds the participants whose data has expired on `today` under their programmes' rules
 * (core/retention.ts) and, unless it is a dry run, anonymises them and writes the retention log (who by id, the
 * rule and programme that decided it), all in one transaction under an advisory lock, so a run anonymises and
 * logs everyone or no one, and two runs at once never both work.
 */
export async function runRetention(db: Db, options: RetentionOptions): Promise<RetentionOutcome> {
  const asOf = options.today ?? todayInSweden();
  const organisationId = options.organisationId ?? null;
  return db.transaction(async (tx) => {
    if (!options.dryRun) await repo.lockRetention(tx);
    const found = await findExpired(tx, organisationId, asOf);
    const expired = options.previewed === undefined ? found : batchOf(found);
    if (options.previewed !== undefined && fingerprintOf(asOf, expired) !== options.previewed)
      throw new AppError('STALE_RETENTION_PREVIEW');
    const groups = await groupsOf(tx, expired);
    if (options.dryRun) return { runId: null, asOf, expired, groups };
    for (const e of expired) {
      const birthDate = await repo.birthDate(tx, e.participantId);
      await repo.anonymise(tx, e.participantId, generalisedBirthDate(birthDate, e.startDates));
    }
    const run = await repo.insertRun(tx, {
      organisationId,
      runBy: options.actor?.userId ?? null,
      asOf,
      anonymised: expired.length,
    });
    await repo.insertItems(
      tx,
      run.id,
      expired.map((e) => ({
        participantId: e.participantId,
        rule: e.rule,
        programmeId: e.programmeId,
        expiredOn: e.on,
      })),
    );
    if (options.actor)
      await logAccess(
        tx,
        options.actor,
        expired.map((e) => ({ id: e.participantId, centreId: e.centreId })),
        'update',
        'participant.anonymise',
      );
    return { runId: run.id, asOf, expired, groups };
  });
}

/**
 * What a run would anonymise today in the administrator's organisation: counts by programme and rule, and the
 * fingerprint of the batch a confirmed run takes, never ids.
 */
export async function preview(db: Db, actor: Actor, today?: IsoDate): Promise<RetentionPreview> {
  authorize(actor, 'retention.run');
  const outcome = await runRetention(db, { today, dryRun: true, organisationId: actor.organisationId });
  // A run takes one batch; a larger backlog is worked off in turns (or by the command line).
  const batch = batchOf(outcome.expired);
  return {
    asOf: outcome.asOf,
    total: outcome.expired.length,
    groups: outcome.groups,
    batch: batch.length,
    fingerprint: fingerprintOf(outcome.asOf, batch),
  };
}

/** Anonymises exactly the batch of the preview with the given fingerprint, if it still holds. */
export async function run(
  db: Db,
  actor: Actor,
  input: RetentionRunInput,
  today?: IsoDate,
): Promise<RetentionRunResult> {
  authorize(actor, 'retention.run');
  const outcome = await runRetention(db, {
    today,
    dryRun: false,
    organisationId: actor.organisationId,
    actor,
    previewed: input.fingerprint,
  });
  return {
    runId: outcome.runId,
    asOf: outcome.asOf,
    anonymised: outcome.expired.length,
    groups: outcome.groups,
  };
}

/** The retention log as the administrator sees it: the organisation's runs and the command line's. */
export async function listRuns(db: Db, actor: Actor): Promise<RetentionRunList> {
  authorize(actor, 'retention.run');
  const rows = await repo.runs(db, actor.organisationId, 100);
  return {
    items: rows.map((r) => ({
      id: r.id,
      asOf: r.as_of,
      anonymised: Number(r.anonymised),
      ranAt: new Date(r.ran_at).toISOString(),
      runByName: r.run_by_name,
      wholeInstallation: r.whole_installation,
    })),
  };
}

// ---------------------------------------------------------------- inside

async function findExpired(db: Executor, organisationId: string | null, today: IsoDate) {
  const candidates = await repo.candidates(db, organisationId, today);
  const expired: ExpiredParticipant[] = [];
  for (let start = 0; start < candidates.length; start += sliceSize) {
    const slice = candidates.slice(start, start + sliceSize);
    const ids = slice.map((c) => c.id);
    const enrolments = await repo.enrolmentFacts(db, ids);
    const referrals = await repo.referralFacts(db, ids);
    for (const c of slice) {
      const own = enrolments.filter((e) => e.participantId === c.id);
      const facts: RetentionFacts = {
        registeredOn: c.registeredOn,
        enrolments: own,
        referrals: referrals
          .filter((r) => r.participantId === c.id)
          .map((r) => ({
            programmeId: r.programmeId,
            referredOn: r.referredOn,
            open: (openReferralStatuses as readonly string[]).includes(r.status),
            holdUntil: r.holdUntil,
          })),
      };
      const expiry = hasExpired(facts, today);
      if (expiry)
        expired.push({
          participantId: c.id,
          centreId: c.centreId,
          startDates: own.map((e) => e.startsOn),
          ...expiry,
        });
    }
  }
  // In id order, so a preview and the run after it take the same batch.
  return expired.sort((a, b) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
  );
}

/** Whom a confirmed run takes at once: the first `maxRetentionRun` of the expired, who come in id order. */
function batchOf(expired: readonly ExpiredParticipant[]): ExpiredParticipant[] {
  return expired.slice(0, maxRetentionRun);
}

/** The fingerprint of a batch: the day it was found for and who is in it. */
function fingerprintOf(asOf: IsoDate, batch: readonly ExpiredParticipant[]): string {
  const hash = createHash('sha256').update(asOf);
  for (const e of batch) hash.update(`\n${e.participantId}`);
  return hash.digest('hex');
}

async function groupsOf(db: Executor, expired: readonly ExpiredParticipant[]) {
  const counts = new Map<string, { rule: RetentionRule; programmeId: string | null; count: number }>();
  for (const e of expired) {
    const key = `${e.rule}:${e.programmeId ?? ''}`;
    const group = counts.get(key) ?? { rule: e.rule, programmeId: e.programmeId, count: 0 };
    group.count += 1;
    counts.set(key, group);
  }
  const programmeIds = [...new Set(expired.flatMap((e) => (e.programmeId ? [e.programmeId] : [])))];
  const names = new Map((await repo.programmeNames(db, programmeIds)).map((p) => [p.id, p.name]));
  return [...counts.values()]
    .map((g) => ({ ...g, programmeName: g.programmeId ? (names.get(g.programmeId) ?? null) : null }))
    .sort(
      (a, b) =>
        (a.programmeName ?? '\uffff').localeCompare(b.programmeName ?? '\uffff', 'sv') ||
        a.rule.localeCompare(b.rule),
    );
}
