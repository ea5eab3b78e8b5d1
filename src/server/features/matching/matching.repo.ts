import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { openGoalStatuses } from '../../../core/enums.ts';
import {
  type MatchReasonCode,
  type MatchReasonState,
  matchReasonCodes,
  matchWeights,
  requiredDrivingLicence,
  sfiCourseOrder,
} from '../../../core/matching.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionPlans,
  assessments,
  centres,
  employers,
  enrolments,
  municipalities,
  occupations,
  openings,
  participantStaff,
  participants,
  planGoals,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleTo } from '../participants/participants.repo.ts';

// One query per direction: `facts` gathers what matching needs of each participant (active enrolments, open
// occupation goals, the latest mapping), `scored` pairs it with openings and states each reason, `ranked` sums
// the weights of core/matching.ts and keeps the best; details are computed for those only.

/** A constant of core/matching.ts written into the SQL (never user input). */
function literal(value: number | string): SQL {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`not an integer: ${value}`);
    return sql.raw(String(value));
  }
  if (!/^[A-Za-z_]+$/.test(value)) throw new Error(`not a plain word: ${value}`);
  return sql.raw(`'${value}'`);
}

function list(values: readonly string[]): SQL {
  return sql.join(values.map(literal), sql`, `);
}

/** A course's place in the SFI order (1 = A); 0 when unknown, so any requirement is unmet. */
function sfiRank(course: SQL): SQL {
  const whens = sfiCourseOrder.map((c, i) => sql`when ${literal(c)} then ${literal(i + 1)}`);
  return sql`(case ${course} ${sql.join(whens, sql` `)} else 0 end)`;
}

/** Minor group: the first three digits of an SSYK unit group. */
const sameGroupGoal = sql`from unnest(f.goal_codes) as code where left(code, 3) = left(o.occupation_code, 3)`;
const sameOccupationWork = sql`from jsonb_array_elements(f.work_experience) as w
  where w ->> 'ssykCode' = o.occupation_code`;
const inCentreMunicipality = sql`o.municipality_code = any(f.centre_municipalities)`;

/**
 * Each reason over `f` (a row of facts) and `o` (an openings row): met, unmet (tested after met; absent for
 * reasons that are only shown when met) and its detail. The rules as core/matching.ts documents them.
 */
const rules: Record<MatchReasonCode, { met: SQL; unmet?: SQL; detail: SQL }> = {
  occupation_goal: {
    met: sql`o.occupation_code = any(f.goal_codes)`,
    detail: sql`o.occupation_code`,
  },
  occupation_goal_group: {
    met: sql`not (o.occupation_code = any(f.goal_codes)) and exists (select 1 ${sameGroupGoal})`,
    detail: sql`(select min(code) ${sameGroupGoal})`,
  },
  earlier_occupation: {
    met: sql`exists (select 1 ${sameOccupationWork})`,
    detail: sql`(select max((w ->> 'years')::numeric)::text ${sameOccupationWork})`,
  },
  swedish_level: {
    met: sql`o.required_sfi_course is not null
      and ${sfiRank(sql`f.sfi_course`)} >= ${sfiRank(sql`o.required_sfi_course`)}`,
    unmet: sql`o.required_sfi_course is not null`,
    detail: sql`f.sfi_course`,
  },
  driving_licence: {
    met: sql`o.driving_licence_required and f.driving_licence = ${literal(requiredDrivingLicence)}`,
    unmet: sql`o.driving_licence_required`,
    detail: sql`f.driving_licence`,
  },
  education_level: {
    met: sql`o.required_education_level_code is not null
      and left(f.education_level_code, 1) >= left(o.required_education_level_code, 1)`,
    unmet: sql`o.required_education_level_code is not null`,
    detail: sql`f.education_level_code`,
  },
  local: {
    met: sql`${inCentreMunicipality} or o.municipality_code = f.home_municipality`,
    detail: sql`case when ${inCentreMunicipality} then 'centre' else 'home' end`,
  },
  available: {
    // `facts` holds only participants with an active enrolment.
    met: sql`true`,
    detail: sql`f.planned_end_on`,
  },
};

/** One column per reason, named by its code: 'met', 'unmet' or null. */
const states = sql.join(
  matchReasonCodes.map((code) => {
    const rule = rules[code];
    const unmet = rule.unmet ? sql` when ${rule.unmet} then 'unmet'` : sql``;
    return sql`case when ${rule.met} then 'met'${unmet} end as ${sql.identifier(code)}`;
  }),
  sql`, `,
);

/** The score: each reason's weight by its state, summed. */
const score = sql`(${sql.join(
  matchReasonCodes.map((code) => {
    const weight = matchWeights[code];
    return sql`case ${sql.identifier(code)} when 'met' then ${literal(weight.met)} when 'unmet' then ${literal(weight.unmet)} else 0 end`;
  }),
  sql` + `,
)})`;

/** The states as ranked and each reason's detail, for the final select over `r` (ranked), `f` and `o`. */
const reasonColumns = sql.join(
  matchReasonCodes.map(
    (code) =>
      sql`r.${sql.identifier(code)}, case when r.${sql.identifier(code)} is not null then ${rules[code].detail} end as ${sql.identifier(`${code}_detail`)}`,
  ),
  sql`, `,
);

/**
 * What matching needs of each participant with an active enrolment among `candidates` (a query of participant
 * ids) who is visible to `actor`.
 */
function factsOf(candidates: SQL, actor: Actor): SQL {
  return sql`candidates as (${candidates}),
  facts as (
    select ${participants.id} as id, ${participants.centreId} as centre_id,
      ${participants.firstName} as first_name, ${participants.lastName} as last_name,
      ${participants.sortName} as sort_name, ${centres.name} as centre_name,
      ${participants.municipalityCode} as home_municipality,
      coalesce(${participants.educationLevelCode}, latest.areas #>> '{education,levelCode}') as education_level_code,
      latest.areas #>> '{swedish,sfiCourse}' as sfi_course,
      latest.areas ->> 'drivingLicence' as driving_licence,
      case when jsonb_typeof(latest.areas -> 'workExperience') = 'array'
        then latest.areas -> 'workExperience' else '[]'::jsonb end as work_experience,
      active.centre_municipalities, active.planned_end_on,
      goals.codes as goal_codes
    from candidates
    join ${participants} on ${participants.id} = candidates.id
    join ${centres} on ${centres.id} = ${participants.centreId}
    join lateral (
      -- A subquery, not a join: the planner would hash all centres once per participant.
      select array_agg(distinct (select c.municipality_code from ${centres} c where c.id = e.centre_id))
          as centre_municipalities,
        min(e.planned_end_on)::text as planned_end_on
      from ${enrolments} e
      where e.participant_id = ${participants.id} and e.exited_on is null
    ) active on active.planned_end_on is not null
    left join lateral (
      select a.areas from ${assessments} a
      where a.participant_id = ${participants.id} order by a.revision desc limit 1
    ) latest on true
    cross join lateral (
      select coalesce(array_agg(distinct g.occupation_code), '{}'::text[]) as codes
      from ${planGoals} g
      join ${actionPlans} ap on ap.id = g.plan_id
      join ${enrolments} e on e.id = ap.enrolment_id
      where e.participant_id = ${participants.id} and e.exited_on is null and ap.closed_on is null
        and g.status in (${list(openGoalStatuses)}) and g.occupation_code is not null
    ) goals
    where ${visibleTo(actor)}
  )`;
}

/**
 * Everyone `actor` could see: the participants of their centres and those they are assigned to. Both halves
 * use an index, which `visibleTo` alone cannot; `visibleTo` still decides.
 */
function reachableBy(actor: Actor): SQL {
  const assigned = sql`select ${participantStaff.participantId} from ${participantStaff}
    where ${participantStaff.userId} = ${actor.userId}`;
  if (actor.centreIds.length === 0) return assigned;
  return sql`select ${participants.id} from ${participants}
    where ${inArray(participants.centreId, actor.centreIds)} union ${assigned}`;
}

export type ReasonColumns = Record<MatchReasonCode, MatchReasonState> &
  Record<`${MatchReasonCode}_detail`, string | null>;

export type ParticipantMatchRow = ReasonColumns & {
  participantId: string;
  centreId: string;
  firstName: string;
  lastName: string;
  centreName: string;
  score: number;
};

/** The participants visible to `actor` with an active enrolment, best match for the opening first. */
export async function participantsFor(
  db: Executor,
  actor: Actor,
  openingId: string,
  limit: number,
): Promise<ParticipantMatchRow[]> {
  const result = await db.execute(sql`with ${factsOf(reachableBy(actor), actor)},
    scored as (
      select f.id as participant_id, f.sort_name, ${states}
      from facts f cross join ${openings} o
      where o.id = ${openingId}
    ),
    ranked as (
      select *, ${score} as score from scored
      order by score desc, sort_name collate "C", participant_id limit ${limit}
    )
    select r.participant_id as "participantId", f.centre_id as "centreId", f.first_name as "firstName",
      f.last_name as "lastName", f.centre_name as "centreName", r.score, ${reasonColumns}
    from ranked r
    join facts f on f.id = r.participant_id
    cross join ${openings} o
    where o.id = ${openingId}
    order by r.score desc, r.sort_name collate "C", r.participant_id`);
  return rowsOf<ParticipantMatchRow>(result);
}

export type OpeningMatchRow = ReasonColumns & {
  openingId: string;
  title: string;
  employerId: string;
  employerName: string;
  kind: 'internship' | 'job';
  occupationName: string;
  municipalityName: string | null;
  score: number;
};

/** The open openings, best match for the participant first; none when they have no active enrolment. */
export async function openingsFor(
  db: Executor,
  actor: Actor,
  participantId: string,
  limit: number,
): Promise<OpeningMatchRow[]> {
  const result = await db.execute(sql`with ${factsOf(sql`select ${participantId}::uuid as id`, actor)},
    scored as (
      select o.id as opening_id, emp.sort_name as employer_sort_name, o.title, ${states}
      from facts f
      cross join ${openings} o
      join ${employers} emp on emp.id = o.employer_id
      where o.status = 'open'
    ),
    ranked as (
      select *, ${score} as score from scored
      order by score desc, employer_sort_name collate "C", title collate "C", opening_id limit ${limit}
    )
    select r.opening_id as "openingId", o.title, emp.id as "employerId", emp.name as "employerName", o.kind,
      occ.name as "occupationName", m.name as "municipalityName", r.score, ${reasonColumns}
    from ranked r
    cross join facts f
    join ${openings} o on o.id = r.opening_id
    join ${employers} emp on emp.id = o.employer_id
    join ${occupations} occ on occ.code = o.occupation_code
    left join ${municipalities} m on m.code = o.municipality_code
    order by r.score desc, r.employer_sort_name collate "C", r.title collate "C", r.opening_id`);
  return rowsOf<OpeningMatchRow>(result);
}

export async function openingExists(db: Executor, openingId: string): Promise<boolean> {
  const [row] = await db.select({ id: openings.id }).from(openings).where(eq(openings.id, openingId));
  return row !== undefined;
}

// Both drivers answer a raw query with { rows }.
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
