import type { z } from 'zod';
import {
  type DashboardScope,
  emptyCounts,
  type GenderCounts,
  monthCount,
  monthsOf,
  reachesGoal,
  type Share,
  share,
} from '../../../core/dashboard.ts';
import { todayInSweden } from '../../../core/dates.ts';
import { exitOutcomes, type LegalGender, legalGenders } from '../../../core/enums.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import {
  type Dashboard,
  type dashboardQuery,
  maxDashboardMonths,
} from '../../../core/schemas/dashboard.schema.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { findProgrammes } from '../programmes/programmes.repo.ts';
import * as repo from './dashboard.repo.ts';

type Query = z.output<typeof dashboardQuery>;

/**
 * Where the programme stands against its goals, women and men side by side, over the participants the actor may
 * see: a protected person the actor is not assigned to is not counted, so no figure can single them out. Only
 * counts leave, so, as for the goal figure, no access-log rows; the lists behind the figures log what they show.
 * `today` is a parameter so tests pin it.
 */
export async function programmeDashboard(
  db: Db,
  actor: Actor,
  programmeId: string,
  query: Query,
  today: string = todayInSweden(),
): Promise<Dashboard> {
  authorize(actor, 'dashboard.read');
  // One snapshot, so the figures add up with each other even while staff keep working.
  return db.transaction(
    async (tx) => {
      const [found] = await findProgrammes(tx, [programmeId]);
      if (!found) throw new AppError('NOT_FOUND');
      if (!found.centres.some((c) => actor.centreIds.includes(c.id))) throw new AppError('FORBIDDEN');
      const programme = found.programme;
      if (query.centreId && !found.centres.some((c) => c.id === query.centreId))
        throw fieldError('centreId', 'invalid_choice');
      if (query.targetGroup && !found.targetGroups.some((g) => g.kind === query.targetGroup))
        throw fieldError('targetGroup', 'invalid_choice');
      const from = query.from ?? programme.startsOn;
      const to = query.to ?? (today < from ? from : today);
      // Only a given `to` can come before the programme's start; a default one never comes before `from`.
      if (to < from) throw fieldError('to', 'end_before_start');
      if (monthCount({ from, to }) > maxDashboardMonths) throw fieldError('to', 'period_too_long');
      const scope: DashboardScope = {
        programmeId,
        from,
        to,
        centreId: query.centreId ?? null,
        municipality: query.municipality ?? null,
        targetGroup: query.targetGroup ?? null,
      };

      // One after the other: a transaction is one connection.
      const summaryRows = await repo.summary(tx, actor, scope);
      const byStep = await repo.activeByStep(tx, actor, scope);
      const byCentre = await repo.activeByCentre(tx, actor, scope);
      const byTargetGroup = await repo.activeByTargetGroup(tx, actor, scope);
      const byOutcome = await repo.exitsByOutcome(tx, actor, scope);
      const enrolledMonths = await repo.enrolledByMonth(tx, actor, scope);
      const exitedMonths = await repo.exitedByMonth(tx, actor, scope);
      const municipalityCodes = [
        ...new Set([
          ...found.centres.map((c) => c.municipalityCode),
          ...found.organisations.flatMap((o) => (o.municipalityCode ? [o.municipalityCode] : [])),
          ...(scope.municipality ? [scope.municipality] : []),
        ]),
      ];
      const municipalityNames = await repo.municipalityNames(tx, municipalityCodes);

      const summary = summaryOf(summaryRows);
      const counts = (pick: (row: repo.SummaryRow) => number) => summary.counts(pick);
      const shares = (pick: (row: repo.SummaryRow) => number, of: (row: repo.SummaryRow) => number) =>
        byGender((g) => share(pick(summary.row(g)), of(summary.row(g))));
      const goal = (parts: Record<LegalGender | 'total', Share>) =>
        byGender((g) => reachesGoal(parts[g], programme.goalPercent));
      const atExit = shares(
        (r) => r.exitedToWorkOrStudies,
        (r) => r.exited,
      );
      const atFollowUp = shares(
        (r) => r.followedUpInWorkOrStudies,
        (r) => r.followedUp,
      );
      const enrolledCounts = counts((r) => r.enrolled);

      const centreCounts = keyed(byCentre);
      // The actor's own centres of the programme, and any other where someone the actor may see is active.
      const shownCentres = found.centres.filter(
        (c) => actor.centreIds.includes(c.id) || c.id === scope.centreId || centreCounts.has(c.id),
      );
      const groupCounts = keyed(byTargetGroup);
      const stepCounts = keyed(byStep);
      const outcomeCounts = keyed(byOutcome);
      const enrolledByMonth = keyed(enrolledMonths);
      const exitedByMonth = keyed(exitedMonths);

      return {
        programme: {
          id: programme.id,
          name: programme.name,
          startsOn: programme.startsOn,
          endsOn: programme.endsOn,
          plannedParticipants: programme.plannedParticipants,
          goalPercent: programme.goalPercent,
          followUpDays: programme.followUpDays,
        },
        filters: scope,
        choices: {
          centres: shownCentres.map((c) => ({ id: c.id, name: c.name })),
          municipalities: municipalityNames
            .map((m) => ({ code: m.code, name: m.name }))
            .sort((a, b) => collator.compare(a.name, b.name)),
          targetGroups: found.targetGroups.map((g) => ({ kind: g.kind, name: g.name })),
        },
        enrolled: {
          counts: enrolledCounts,
          ofPlanned: share(enrolledCounts.total, programme.plannedParticipants),
        },
        active: {
          on: to,
          counts: counts((r) => r.active),
          byStep: found.steps.map((s) => ({
            stepId: s.id,
            ordinal: s.ordinal,
            name: s.name,
            counts: stepCounts.get(s.id) ?? emptyCounts(),
          })),
          byCentre: shownCentres
            .filter((c) => !scope.centreId || c.id === scope.centreId)
            .map((c) => ({ centreId: c.id, name: c.name, counts: centreCounts.get(c.id) ?? emptyCounts() })),
          byTargetGroup: found.targetGroups
            .filter((g) => !scope.targetGroup || g.kind === scope.targetGroup)
            .map((g) => ({ kind: g.kind, name: g.name, counts: groupCounts.get(g.kind) ?? emptyCounts() })),
        },
        exits: {
          counts: counts((r) => r.exited),
          byOutcome: exitOutcomes.flatMap((outcome) => {
            const found = outcomeCounts.get(outcome);
            return found ? [{ outcome, counts: found }] : [];
          }),
        },
        atExit: { shares: atExit, goalReached: goal(atExit) },
        atFollowUp: {
          shares: atFollowUp,
          goalReached: goal(atFollowUp),
          pending: counts((r) => r.followUpPending),
        },
        medianDays: {
          toExit: { days: byGender((g) => summary.row(g).medianToExit), counts: counts((r) => r.exited) },
          toWorkOrStudies: {
            days: byGender((g) => summary.row(g).medianToWorkOrStudies),
            counts: counts((r) => r.exitedToWorkOrStudies),
          },
        },
        months: monthsOf({ from, to }).map((m) => ({
          ...m,
          enrolled: enrolledByMonth.get(m.month) ?? emptyCounts(),
          exited: exitedByMonth.get(m.month) ?? emptyCounts(),
        })),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

const collator = new Intl.Collator('sv');

const genders = [...legalGenders, 'total'] as const;

function byGender<T>(value: (gender: LegalGender | 'total') => T): Record<LegalGender | 'total', T> {
  return Object.fromEntries(genders.map((g) => [g, value(g)])) as Record<LegalGender | 'total', T>;
}

const noRow: repo.SummaryRow = {
  legalGender: 'unknown',
  isTotal: 0,
  enrolled: 0,
  active: 0,
  exited: 0,
  exitedToWorkOrStudies: 0,
  followedUp: 0,
  followedUpInWorkOrStudies: 0,
  followUpPending: 0,
  medianToExit: null,
  medianToWorkOrStudies: null,
};

/** The rollup's rows by legal gender and its total row; a gender without enrolments counts 0. */
function summaryOf(rows: readonly repo.SummaryRow[]) {
  const row = (gender: LegalGender | 'total'): repo.SummaryRow =>
    rows.find((r) => (gender === 'total' ? r.isTotal === 1 : r.isTotal === 0 && r.legalGender === gender)) ??
    noRow;
  return {
    row,
    counts: (pick: (row: repo.SummaryRow) => number): GenderCounts => byGender((g) => pick(row(g))),
  };
}

/** Counts by key, each split by legal gender with its total. */
function keyed<K>(rows: readonly repo.KeyedCount<K>[]): Map<K, GenderCounts> {
  const result = new Map<K, GenderCounts>();
  for (const r of rows) {
    const counts = result.get(r.key) ?? emptyCounts();
    counts[r.legalGender] += r.n;
    counts.total += r.n;
    result.set(r.key, counts);
  }
  return result;
}
