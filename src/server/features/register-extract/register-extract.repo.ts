import { type SQL, sql } from 'drizzle-orm';
import type { RegisterExtractSectionKey } from '../../../core/schemas/register-extract.schema.ts';
import { type Executor, queryRows } from '../../db/client.ts';

type Source = {
  table: string;
  /** Which rows of the table are about the participant, `t` being the table, `${p}` the participant's id. */
  where: (p: string) => SQL;
  orderBy: string;
  /** Names of the staff a row points to, so the reader sees who rather than an id. */
  userColumn?: string;
};

const enrolmentsOf = (p: string) => sql`(select id from enrolments where participant_id = ${p})`;
const plansOf = (p: string) => sql`(select id from action_plans where enrolment_id in ${enrolmentsOf(p)})`;

/**
 * Where each section's rows live. Every table with a participant_id or enrolment_id column, and every table
 * hanging off one of those that holds data about the person, is here: `register-extract.test.ts` fails when the
 * schema grows one that is not.
 */
export const sources: Record<RegisterExtractSectionKey, Source> = {
  identity: { table: 'participants', where: (p) => sql`t.id = ${p}`, orderBy: 't.id' },
  identityHistory: {
    table: 'participant_identity_history',
    where: (p) => sql`t.participant_id = ${p}`,
    orderBy: 't.replaced_at',
    userColumn: 'replaced_by',
  },
  assignedStaff: {
    table: 'participant_staff',
    where: (p) => sql`t.participant_id = ${p}`,
    orderBy: 't.assigned_at',
    userColumn: 'user_id',
  },
  referrals: { table: 'referrals', where: (p) => sql`t.participant_id = ${p}`, orderBy: 't.referred_on' },
  consents: { table: 'consents', where: (p) => sql`t.participant_id = ${p}`, orderBy: 't.given_on' },
  enrolments: { table: 'enrolments', where: (p) => sql`t.participant_id = ${p}`, orderBy: 't.created_at' },
  enrolmentSteps: {
    table: 'enrolment_steps',
    where: (p) => sql`t.enrolment_id in ${enrolmentsOf(p)}`,
    orderBy: 't.enrolment_id, t.id',
  },
  checklistTicks: {
    table: 'checklist_ticks',
    where: (p) =>
      sql`t.enrolment_step_id in (select id from enrolment_steps where enrolment_id in ${enrolmentsOf(p)})`,
    orderBy: 't.id',
    userColumn: 'ticked_by',
  },
  followUps: {
    table: 'follow_ups',
    where: (p) => sql`t.enrolment_id in ${enrolmentsOf(p)}`,
    orderBy: 't.id',
  },
  followUpAttempts: {
    table: 'follow_up_attempts',
    where: (p) => sql`t.follow_up_id in (select id from follow_ups where enrolment_id in ${enrolmentsOf(p)})`,
    orderBy: 't.id',
    userColumn: 'attempted_by',
  },
  assessments: { table: 'assessments', where: (p) => sql`t.participant_id = ${p}`, orderBy: 't.revision' },
  actionPlans: {
    table: 'action_plans',
    where: (p) => sql`t.enrolment_id in ${enrolmentsOf(p)}`,
    orderBy: 't.id',
  },
  planGoals: { table: 'plan_goals', where: (p) => sql`t.plan_id in ${plansOf(p)}`, orderBy: 't.id' },
  planGoalSteps: {
    table: 'plan_goal_steps',
    where: (p) => sql`t.goal_id in (select id from plan_goals where plan_id in ${plansOf(p)})`,
    orderBy: 't.goal_id, t.step_id',
  },
  planGoalActivities: {
    table: 'plan_goal_activities',
    where: (p) => sql`t.goal_id in (select id from plan_goals where plan_id in ${plansOf(p)})`,
    orderBy: 't.goal_id, t.activity_id',
  },
  planChanges: {
    table: 'plan_changes',
    where: (p) => sql`t.plan_id in ${plansOf(p)}`,
    orderBy: 't.id',
    userColumn: 'changed_by',
  },
  journalEntries: {
    table: 'journal_entries',
    where: (p) => sql`t.participant_id = ${p}`,
    orderBy: 't.entry_date, t.created_at',
    userColumn: 'author_id',
  },
  groupMemberships: {
    table: 'group_members',
    where: (p) => sql`t.enrolment_id in ${enrolmentsOf(p)}`,
    orderBy: 't.id',
  },
  attendance: {
    table: 'attendance',
    where: (p) => sql`t.enrolment_id in ${enrolmentsOf(p)}`,
    orderBy: 't.id',
  },
  placements: {
    table: 'placements',
    where: (p) => sql`t.enrolment_id in ${enrolmentsOf(p)}`,
    orderBy: 't.id',
  },
  placementGoals: {
    table: 'placement_goals',
    where: (p) => sql`t.placement_id in (select id from placements where enrolment_id in ${enrolmentsOf(p)})`,
    orderBy: 't.placement_id, t.goal_id',
  },
  placementEvaluations: {
    table: 'placement_evaluations',
    where: (p) => sql`t.placement_id in (select id from placements where enrolment_id in ${enrolmentsOf(p)})`,
    orderBy: 't.id',
    userColumn: 'recorded_by',
  },
  retention: {
    table: 'retention_run_items',
    where: (p) => sql`t.participant_id = ${p}`,
    orderBy: 't.id',
  },
  accessLog: {
    table: 'access_log',
    where: (p) => sql`t.participant_id = ${p}`,
    orderBy: 't.at, t.id',
    userColumn: 'user_id',
  },
};

/** Search keys derived from the name and numbers: nothing beyond what the section shows, and unreadable in print. */
const derivedColumns = new Set(['sort_name', 'search_text']);

/**
 * Every stored column of the rows one section holds, as the database renders them in JSON (the same on both
 * engines; `to_json` keeps the table's column order, so a row reads as the table is laid out).
 */
export async function sectionRows(
  db: Executor,
  key: RegisterExtractSectionKey,
  participantId: string,
): Promise<Record<string, unknown>[]> {
  const source = sources[key];
  // Table and column names come from the constant above, never from a request.
  const table = sql.raw(source.table);
  const orderBy = sql.raw(source.orderBy);
  const staff = source.userColumn
    ? sql`(select name from users u where u.id = t.${sql.raw(source.userColumn)})`
    : sql`null::text`;
  const rows = await queryRows<{ row: Record<string, unknown> | string; staff_name: string | null }>(
    db,
    sql`select to_json(t) as row, ${staff} as staff_name from ${table} t
        where ${source.where(participantId)} order by ${orderBy}`,
  );
  return rows.map((r) => {
    const row: Record<string, unknown> = typeof r.row === 'string' ? JSON.parse(r.row) : r.row;
    const shown = Object.fromEntries(Object.entries(row).filter(([column]) => !derivedColumns.has(column)));
    return source.userColumn ? { ...shown, staff_name: r.staff_name } : shown;
  });
}
