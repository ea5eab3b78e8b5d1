import type { FastifyInstance } from 'fastify';
import { warningsFor } from '../src/core/caseload-warnings.ts';
import { workOrStudiesExitOutcomes } from '../src/core/dashboard.ts';
import { todayInSweden } from '../src/core/dates.ts';
import { contactJournalCategories, followUpStatuses, openGoalStatuses } from '../src/core/enums.ts';
import { workOrStudiesFollowUpStatuses } from '../src/core/goal-figure.ts';
import { matchWeights, requiredDrivingLicence, sfiCourseOrder } from '../src/core/matching.ts';
import type { Database } from '../src/server/db/client.ts';
import { clientOf, type Sql, transaction } from './bulk.ts';

// The floor: for each benchmarked endpoint, a route outside the app that gives the same answer with only the
// SQL it needs, in as few statements as possible. No session, no access log, no response schema; the user is
// a query parameter. The ratio app/floor is what everything around the SQL costs.

const words = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Visible to user $n: the participant's centre is one of theirs, or they are assigned; protected only then. */
function visible(n: number): string {
  const assigned = `exists (select 1 from participant_staff a where a.participant_id = p.id and a.user_id = $${n})`;
  return `((p.centre_id in (select uc.centre_id from user_centres uc where uc.user_id = $${n}) or ${assigned})
    and (not p.protected_identity or ${assigned}))`;
}

/** The participants user $n could see, by the two indexed ways in. */
function reachable(n: number): string {
  return `select p.id from participants p where p.centre_id in (select uc.centre_id from user_centres uc where uc.user_id = $${n})
    union select a.participant_id from participant_staff a where a.user_id = $${n}`;
}

const status = `case
  when exists (select 1 from enrolments e where e.participant_id = p.id and e.exited_on is null) then 'enrolled'
  when exists (select 1 from referrals r where r.participant_id = p.id and r.status in ('received', 'meeting_booked'))
    then 'referred'
  when exists (select 1 from enrolments e where e.participant_id = p.id) then 'exited'
  else 'closed' end`;

/** What matching knows of each candidate with an active enrolment (the candidates are a query of ids). */
function facts(candidates: string, userParam: number): string {
  return `select p.id, p.first_name, p.last_name, p.sort_name, c.name as centre_name, p.municipality_code as home,
      coalesce(p.education_level_code, la.areas #>> '{education,levelCode}') as edu,
      la.areas #>> '{swedish,sfiCourse}' as sfi, la.areas ->> 'drivingLicence' as licence,
      case when jsonb_typeof(la.areas -> 'workExperience') = 'array' then la.areas -> 'workExperience'
        else '[]'::jsonb end as work,
      act.munis, g.codes
    from (${candidates}) cand
    join participants p on p.id = cand.id
    join centres c on c.id = p.centre_id
    join lateral (select array_agg(ce.municipality_code) as munis from enrolments e
      join centres ce on ce.id = e.centre_id where e.participant_id = p.id and e.exited_on is null) act
      on act.munis is not null
    left join lateral (select a.areas from assessments a where a.participant_id = p.id
      order by a.revision desc limit 1) la on true
    left join lateral (select array_agg(gl.occupation_code) as codes from plan_goals gl
      join action_plans ap on ap.id = gl.plan_id join enrolments e on e.id = ap.enrolment_id
      where e.participant_id = p.id and e.exited_on is null and ap.closed_on is null
        and gl.status in (${words(openGoalStatuses)}) and gl.occupation_code is not null) g on true
    where ${visible(userParam)}`;
}

const sfiOrder = `array[${words(sfiCourseOrder)}]`;
const w = matchWeights;
/** The score of fact row f for opening o, with the weights of core/matching.ts. */
const score = `(
  case when o.occupation_code = any(f.codes) then ${w.occupation_goal.met}
    when exists (select 1 from unnest(f.codes) code where left(code, 3) = left(o.occupation_code, 3))
      then ${w.occupation_goal_group.met} else 0 end
  + case when exists (select 1 from jsonb_array_elements(f.work) x where x ->> 'ssykCode' = o.occupation_code)
      then ${w.earlier_occupation.met} else 0 end
  + case when o.required_sfi_course is null then 0
    when array_position(${sfiOrder}, f.sfi) >= array_position(${sfiOrder}, o.required_sfi_course)
      then ${w.swedish_level.met} else ${w.swedish_level.unmet} end
  + case when not o.driving_licence_required then 0 when f.licence = '${requiredDrivingLicence}'
      then ${w.driving_licence.met} else ${w.driving_licence.unmet} end
  + case when o.required_education_level_code is null then 0
    when left(f.edu, 1) >= left(o.required_education_level_code, 1)
      then ${w.education_level.met} else ${w.education_level.unmet} end
  + case when o.municipality_code = any(f.munis) or o.municipality_code = f.home then ${w.local.met} else 0 end
  + ${w.available.met})`;

function likeContaining(value: string): string {
  return `%${value.replace(/[\\%_]/g, '\\$&')}%`;
}

export function registerFloor(app: FastifyInstance, database: Database): void {
  const sql: Sql = clientOf(database);

  app.get<{ Params: { id: string }; Querystring: { user: string } }>(
    '/floor/participants/:id',
    async (request, reply) => {
      const { rows } = await sql.query(
        `select p.id, p.identity_type as "identityType", p.personal_identity_number as "personalIdentityNumber",
        p.reserve_number as "reserveNumber", p.first_name as "firstName", p.last_name as "lastName",
        p.birth_date::text as "birthDate", p.legal_gender as "legalGender", p.centre_id as "centreId",
        c.name as "centreName", ${status} as status, p.protected_identity as "protectedIdentity",
        p.preferred_language as "preferredLanguage", p.interpreter_needed as "interpreterNeeded", p.phone, p.email,
        case when p.protected_identity then null else p.street_address end as "streetAddress",
        case when p.protected_identity then null else p.postal_code end as "postalCode",
        case when p.protected_identity then null else p.city end as city,
        p.municipality_code as "municipalityCode", m.name as "municipalityName",
        p.education_level_code as "educationLevelCode", el.name as "educationLevelName",
        (exists (select 1 from consents k where k.participant_id = p.id and k.participation and k.withdrawn_on is not null)
          and not exists (select 1 from consents k where k.participant_id = p.id and k.participation
            and k.withdrawn_on is null)) as "readOnly",
        p.version, p.created_at as "createdAt", p.updated_at as "updatedAt",
        coalesce((select json_agg(json_build_object('identityType', h.identity_type, 'identityNumber', h.identity_number,
          'replacedAt', h.replaced_at) order by h.replaced_at) from participant_identity_history h
          where h.participant_id = p.id), '[]') as "identityHistory",
        coalesce((select json_agg(json_build_object('userId', u.id, 'name', u.name, 'role', u.role,
          'isContact', s.is_contact) order by u.name) from participant_staff s join users u on u.id = s.user_id
          where s.participant_id = p.id), '[]') as "assignedStaff"
      from participants p
      join centres c on c.id = p.centre_id
      left join municipalities m on m.code = p.municipality_code
      left join education_levels el on el.code = p.education_level_code
      where p.id = $1 and ${visible(2)}`,
        [request.params.id, request.query.user],
      );
      if (!rows[0]) return reply.code(404).send({ error: 'not found' });
      return rows[0];
    },
  );

  app.get<{ Querystring: { user: string; q: string } }>('/floor/participants', async (request) => {
    const q = request.query.q;
    const byNumber = /^[\d\s+-]+$/.test(q);
    const pattern = likeContaining(byNumber ? q.replace(/\D/g, '') : q.toLocaleLowerCase('sv'));
    const { rows } = await sql.query<Record<string, unknown> & { total: number }>(
      `select p.id, p.identity_type as "identityType", p.personal_identity_number as "personalIdentityNumber",
        p.reserve_number as "reserveNumber", p.first_name as "firstName", p.last_name as "lastName",
        p.birth_date::text as "birthDate", p.legal_gender as "legalGender", p.centre_id as "centreId",
        c.name as "centreName", ${status} as status, p.protected_identity as "protectedIdentity",
        count(*) over ()::int as total
      from participants p join centres c on c.id = p.centre_id
      where ${visible(1)} and p.id in (${reachable(1)}) and p.search_text like $2
      order by p.sort_name, p.id limit 50`,
      [request.query.user, pattern],
    );
    return {
      items: rows.map(({ total: _, ...item }) => item),
      total: rows[0]?.total ?? 0,
      page: 1,
      pageSize: 50,
    };
  });

  app.get<{ Querystring: { user: string } }>('/floor/caseload', async (request) => {
    const today = todayInSweden();
    const { rows } = await sql.query<{
      participantId: string;
      status: string;
      plannedEndOn: string | null;
      enrolledOn: string | null;
      lastContactOn: string | null;
      followUpDueOn: string | null;
      planReviewedOn: string | null;
    }>(
      `select p.id as "participantId", p.first_name as "firstName", p.last_name as "lastName",
        p.protected_identity as "protectedIdentity", ${status} as status, c.name as "centreName",
        s.is_contact as "isContact", act.planned_end_on::text as "plannedEndOn", act.enrolled_on::text as "enrolledOn",
        j.last_contact_on::text as "lastContactOn", f.due_on::text as "followUpDueOn",
        act.reviewed_on::text as "planReviewedOn"
      from participant_staff s
      join participants p on p.id = s.participant_id
      join centres c on c.id = p.centre_id
      cross join lateral (select min(e.planned_end_on) as planned_end_on, min(e.starts_on) as enrolled_on,
          min(coalesce(ap.reviewed_on, e.starts_on)) as reviewed_on
        from enrolments e left join action_plans ap on ap.enrolment_id = e.id
        where e.participant_id = p.id and e.exited_on is null) act
      cross join lateral (select max(je.entry_date) as last_contact_on from journal_entries je
        where je.participant_id = p.id and je.category in (${words(contactJournalCategories)})
          and not exists (select 1 from journal_entries k where k.corrects_id = je.id)) j
      cross join lateral (select min(fu.due_on) as due_on from follow_ups fu join enrolments e on e.id = fu.enrolment_id
        where e.participant_id = p.id and fu.status is null) f
      where s.user_id = $1 and ${visible(1)}
        and (${status} in ('referred', 'enrolled') or f.due_on is not null)
      order by p.sort_name, p.id`,
      [request.query.user],
    );
    return {
      today,
      items: rows.map(({ enrolledOn: _, planReviewedOn: __, ...r }, i) => ({
        ...r,
        warnings: warningsFor(rows[i] as Parameters<typeof warningsFor>[0], today),
      })),
    };
  });

  type RollCallBody = {
    rows: {
      enrolmentId: string;
      status: string;
      lateMinutes?: number | null;
      absenceReason?: string | null;
      reasonText?: string | null;
      version: number;
    }[];
  };
  app.put<{ Params: { id: string }; Querystring: { user: string }; Body: RollCallBody }>(
    '/floor/sessions/:id/roll-call',
    async (request, reply) => {
      const { id } = request.params;
      const { user } = request.query;
      const input = request.body.rows;
      const saved = await transaction(database, async (tx) => {
        const updated = await tx.query(
          `update attendance a set status = v.status, late_minutes = v.late_minutes, absence_reason = v.absence_reason,
            reason_text = v.reason_text,
            attended_minutes = case v.status when 'absent' then 0
              when 'late' then greatest(0, s.minutes - v.late_minutes) else s.minutes end,
            recorded_by = $2, version = a.version + 1, updated_at = now()
          from unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::int[])
              as v(enrolment_id, status, late_minutes, absence_reason, reason_text, version),
            (select (extract(epoch from (end_time::time - start_time::time)) / 60)::int as minutes
              from group_sessions where id = $1) s
          where a.session_id = $1 and a.enrolment_id = v.enrolment_id and a.version = v.version
          returning a.id`,
          [
            id,
            user,
            input.map((r) => r.enrolmentId),
            input.map((r) => r.status),
            input.map((r) => r.lateMinutes ?? null),
            input.map((r) => r.absenceReason ?? null),
            input.map((r) => r.reasonText ?? null),
            input.map((r) => r.version),
          ],
        );
        // All rows or none, as the app does: a stale one rolls the whole save back.
        if (updated.rows.length !== input.length) throw new Stale();
        return (
          await tx.query<Record<string, unknown>>(
            `select gm.enrolment_id as "enrolmentId", p.id as "participantId", p.first_name as "firstName",
              p.last_name as "lastName", p.protected_identity as "protectedIdentity",
              case when at.id is null then null else json_build_object('status', at.status,
                'lateMinutes', at.late_minutes, 'absenceReason', at.absence_reason, 'reasonText', at.reason_text,
                'attendedMinutes', at.attended_minutes, 'recordedByName', u.name, 'version', at.version) end
                as attendance
            from group_sessions gs
            join group_members gm on gm.group_id = gs.group_id
            join enrolments e on e.id = gm.enrolment_id
            join participants p on p.id = e.participant_id
            left join attendance at on at.session_id = gs.id and at.enrolment_id = gm.enrolment_id
            left join users u on u.id = at.recorded_by
            where gs.id = $1 and gm.joined_on <= gs.session_date
              and (gm.left_on is null or gm.left_on >= gs.session_date) and ${visible(2)}
            order by p.sort_name, p.id, gm.enrolment_id`,
            [id, user],
          )
        ).rows;
      }).catch((error: unknown) => {
        if (error instanceof Stale) return null;
        throw error;
      });
      if (!saved) return reply.code(409).send({ error: 'version conflict' });
      return { session: { id }, rows: saved };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { user: string; limit?: string } }>(
    '/floor/openings/:id/matches',
    async (request) => {
      const { rows } = await sql.query(
        `with f as (${facts(reachable(2), 2)})
        select f.id as "participantId", f.first_name as "firstName", f.last_name as "lastName",
          f.centre_name as "centreName", ${score} as score
        from f cross join openings o where o.id = $1
        order by score desc, f.sort_name collate "C", f.id limit $3`,
        [request.params.id, request.query.user, Number(request.query.limit ?? 20)],
      );
      return { openingId: request.params.id, items: rows };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { user: string; limit?: string } }>(
    '/floor/participants/:id/matches',
    async (request) => {
      const { rows } = await sql.query(
        `with f as (${facts('select $1::uuid as id', 2)})
        select o.id as "openingId", o.title, emp.id as "employerId", emp.name as "employerName", o.kind,
          occ.name as "occupationName", m.name as "municipalityName", ${score} as score
        from f cross join openings o
        join employers emp on emp.id = o.employer_id
        join occupations occ on occ.code = o.occupation_code
        left join municipalities m on m.code = o.municipality_code
        where o.status = 'open'
        order by score desc, emp.sort_name collate "C", o.title collate "C", o.id limit $3`,
        [request.params.id, request.query.user, Number(request.query.limit ?? 20)],
      );
      return { participantId: request.params.id, items: rows };
    },
  );

  /** Ids the benchmark needs for a user: their centre's participants, past sessions, open openings. */
  app.get<{ Querystring: { email: string } }>('/floor/fixtures', async (request, reply) => {
    const [user] = (
      await sql.query<{ id: string; centreId: string }>(
        `select u.id, (select min(uc.centre_id::text) from user_centres uc where uc.user_id = u.id) as "centreId"
        from users u where lower(u.email) = lower($1)`,
        [request.query.email],
      )
    ).rows;
    if (!user) return reply.code(404).send({ error: 'no such user' });
    const ids = async (text: string, params: unknown[]) =>
      (await sql.query<{ id: string }>(text, params)).rows.map((r) => r.id);
    return {
      userId: user.id,
      centreId: user.centreId,
      programmeId: (
        await ids('select programme_id as id from programme_centres where centre_id = $1', [user.centreId])
      )[0],
      participants: await ids(
        `select p.id from participants p where p.centre_id = $1 and not p.protected_identity
          and exists (select 1 from enrolments e where e.participant_id = p.id and e.exited_on is null)
        order by p.id limit 200`,
        [user.centreId],
      ),
      // Held, not cancelled, already recorded, and no member with withdrawn consent (those are read-only).
      sessions: await ids(
        `select s.id from group_sessions s join activity_groups g on g.id = s.group_id
        where g.centre_id = $1 and s.session_date < current_date and s.status = 'planned'
          and exists (select 1 from attendance a where a.session_id = s.id)
          and not exists (select 1 from group_members gm join enrolments e on e.id = gm.enrolment_id
            join consents k on k.participant_id = e.participant_id and k.withdrawn_on is not null
            where gm.group_id = s.group_id)
        order by s.session_date desc, s.id limit 100`,
        [user.centreId],
      ),
      openings: await ids(`select id from openings where status = 'open' order by id limit 20`, []),
    };
  });

  /**
   * The programme dashboard over its default period (the programme's start until `today`): every figure in two
   * statements over the enrolments of people the user may see, the summary with a rollup and the keyed counts
   * in one union. Counts as `dimension|key|gender|n`, the form `dashboardFacts` in bench/run.ts reads the app's
   * answer into.
   */
  app.get<{ Params: { id: string }; Querystring: { user: string; today: string } }>(
    '/floor/programmes/:id/dashboard',
    async (request) => {
      const params = [request.params.id, request.query.user, request.query.today];
      const period = `with pr as (select starts_on as f, greatest(starts_on, $3::date) as t from programmes where id = $1),
        v as (select e.id, e.participant_id, e.centre_id, e.target_group_id, e.starts_on, e.exited_on,
            e.exit_outcome, p.legal_gender as g, fu.status as fu_status, fu.id is not null as has_fu,
            e.starts_on between pr.f and pr.t as enrolled,
            e.starts_on <= pr.t and (e.exited_on is null or e.exited_on > pr.t) as active,
            e.exited_on between pr.f and pr.t as exited, pr.t
          from enrolments e join participants p on p.id = e.participant_id cross join pr
          left join follow_ups fu on fu.enrolment_id = e.id
          where e.programme_id = $1 and ${visible(2)})`;
      return transaction(database, async (sql) => {
        const summary = await sql.query<{ g: string | null; [k: string]: unknown }>(
          `${period}
          select g, count(distinct participant_id) filter (where enrolled) as enrolled,
            count(*) filter (where active) as active, count(*) filter (where exited) as exited,
            count(*) filter (where exited and exit_outcome in (${words(workOrStudiesExitOutcomes)})) as "toWorkOrStudies",
            count(*) filter (where exited and fu_status in (${words(followUpStatuses)})) as "followedUp",
            count(*) filter (where exited and fu_status in (${words(workOrStudiesFollowUpStatuses)})) as "followedUpInWorkOrStudies",
            count(*) filter (where exited and has_fu and fu_status is null) as pending
          from v group by rollup (g)`,
          params,
        );
        const keyed = await sql.query<{ d: string; k: string; g: string; n: string }>(
          `${period}
          select 'step' as d, s.step_id::text as k, g, count(distinct v.id) as n from v
            join enrolment_steps s on s.enrolment_id = v.id and s.started_on <= v.t
              and (s.ended_on is null or s.ended_on > v.t)
            where active group by s.step_id, g
          union all select 'centre', centre_id::text, g, count(*) from v where active group by centre_id, g
          union all select 'targetGroup', tg.kind, g, count(*) from v join target_groups tg on tg.id = v.target_group_id
            where active group by tg.kind, g
          union all select 'outcome', exit_outcome, g, count(*) from v where exited group by exit_outcome, g
          union all select 'enrolledIn', to_char(starts_on, 'YYYY-MM'), g, count(distinct participant_id) from v
            where enrolled group by 2, g
          union all select 'exitedIn', to_char(exited_on, 'YYYY-MM'), g, count(*) from v where exited group by 2, g`,
          params,
        );
        const facts: string[] = [];
        for (const row of summary.rows) {
          const gender = row.g ?? 'total';
          for (const [name, n] of Object.entries(row))
            if (name !== 'g' && Number(n) > 0) facts.push(`${name}||${gender}|${Number(n)}`);
        }
        const totals = new Map<string, number>();
        for (const r of keyed.rows) {
          facts.push(`${r.d}|${r.k}|${r.g}|${Number(r.n)}`);
          totals.set(`${r.d}|${r.k}`, (totals.get(`${r.d}|${r.k}`) ?? 0) + Number(r.n));
        }
        for (const [key, n] of totals) facts.push(`${key}|total|${n}`);
        return { facts: facts.sort() };
      });
    },
  );

  app.get('/floor/memory', async () => ({
    rss: process.memoryUsage().rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    heapUsed: process.memoryUsage().heapUsed,
  }));
}

class Stale extends Error {}
