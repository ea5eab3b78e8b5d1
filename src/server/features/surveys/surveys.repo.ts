import { and, asc, eq, gte, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { SurveyQuestionKind } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  activities,
  activityGroups,
  centres,
  groupSessions,
  programmes,
  surveyAnswers,
  surveyLinks,
  surveyQuestions,
  surveyResponses,
  surveys,
} from '../../db/schema.ts';

// ---------------------------------------------------------------- surveys and questions

const responseCount = sql<number>`(select cast(count(*) as integer) from ${surveyResponses}
  where ${surveyResponses.surveyId} = ${surveys.id})`;
const questionCount = sql<number>`(select cast(count(*) as integer) from ${surveyQuestions}
  where ${surveyQuestions.surveyId} = ${surveys.id})`;

/** Surveys of the given programmes, newest first. */
export async function listSurveys(db: Executor, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .select({ survey: surveys, programmeName: programmes.name, responseCount, questionCount })
    .from(surveys)
    .innerJoin(programmes, eq(programmes.id, surveys.programmeId))
    .where(inArray(surveys.programmeId, programmeIds))
    .orderBy(sql`${surveys.createdAt} desc`, asc(surveys.id));
}
export type SurveyRow = Awaited<ReturnType<typeof listSurveys>>[number];

export async function findSurvey(db: Executor, id: string): Promise<SurveyRow | null> {
  const [row] = await db
    .select({ survey: surveys, programmeName: programmes.name, responseCount, questionCount })
    .from(surveys)
    .innerJoin(programmes, eq(programmes.id, surveys.programmeId))
    .where(eq(surveys.id, id));
  return row ?? null;
}

/** A survey's questions in order, each with whether anyone has answered it. */
export async function questionsOf(db: Executor, surveyId: string) {
  const rows = await db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.ordinal));
  const answered = await db
    .selectDistinct({ questionId: surveyAnswers.questionId })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(eq(surveyQuestions.surveyId, surveyId));
  const ids = new Set(answered.map((a) => a.questionId));
  return rows.map((question) => ({ question, answered: ids.has(question.id) }));
}

export async function insertSurvey(db: Executor, values: typeof surveys.$inferInsert) {
  const [row] = await db.insert(surveys).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateSurveyVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Pick<typeof surveys.$inferInsert, 'titles' | 'languages' | 'status'>>,
) {
  const [row] = await db
    .update(surveys)
    .set({ ...values, version: sql`${surveys.version} + 1`, updatedAt: new Date() })
    .where(and(eq(surveys.id, id), eq(surveys.version, version)))
    .returning();
  return row ?? null;
}

export type QuestionValues = {
  id?: string | undefined;
  kind: SurveyQuestionKind;
  required: boolean;
  texts: Record<string, string>;
};

/**
 * Saves the questions in the order given: those left out go, known ones change, new ones are added. The
 * ordinals are unique per survey, so the kept questions step aside (negative ordinals) before taking theirs.
 */
export async function saveQuestions(db: Executor, surveyId: string, questions: readonly QuestionValues[]) {
  const kept = questions.flatMap((q) => (q.id ? [q.id] : []));
  await db
    .delete(surveyQuestions)
    .where(
      and(
        eq(surveyQuestions.surveyId, surveyId),
        kept.length > 0 ? notInArray(surveyQuestions.id, kept) : undefined,
      ),
    );
  if (kept.length > 0)
    await db
      .update(surveyQuestions)
      .set({ ordinal: sql`-${surveyQuestions.ordinal}` })
      .where(eq(surveyQuestions.surveyId, surveyId));
  for (const [index, q] of questions.entries()) {
    const values = { ordinal: index + 1, kind: q.kind, required: q.required, texts: q.texts };
    if (q.id)
      await db
        .update(surveyQuestions)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(surveyQuestions.id, q.id), eq(surveyQuestions.surveyId, surveyId)));
    else await db.insert(surveyQuestions).values({ ...values, surveyId });
  }
}

// ---------------------------------------------------------------- links

const linkResponseCount = sql<number>`(select cast(count(*) as integer) from ${surveyResponses}
  where ${surveyResponses.linkId} = ${surveyLinks.id})`;

/** A survey's links for groups at the given centres, newest first, with how many answered through each. */
export async function listLinks(db: Executor, surveyId: string, centreIds: string[], linkId?: string) {
  if (centreIds.length === 0) return [];
  return db
    .select({
      link: surveyLinks,
      groupName: activityGroups.name,
      centreId: activityGroups.centreId,
      centreName: centres.name,
      sessionDate: groupSessions.sessionDate,
      sessionStartTime: groupSessions.startTime,
      responseCount: linkResponseCount,
    })
    .from(surveyLinks)
    .innerJoin(activityGroups, eq(activityGroups.id, surveyLinks.groupId))
    .innerJoin(centres, eq(centres.id, activityGroups.centreId))
    .leftJoin(groupSessions, eq(groupSessions.id, surveyLinks.sessionId))
    .where(
      and(
        eq(surveyLinks.surveyId, surveyId),
        inArray(activityGroups.centreId, centreIds),
        linkId ? eq(surveyLinks.id, linkId) : undefined,
      ),
    )
    .orderBy(sql`${surveyLinks.createdAt} desc`, asc(surveyLinks.id));
}
export type LinkRow = Awaited<ReturnType<typeof listLinks>>[number];

export async function insertLink(db: Executor, values: typeof surveyLinks.$inferInsert) {
  const [row] = await db.insert(surveyLinks).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The link a respondent holds, with its survey. */
export async function findByToken(db: Executor, token: string) {
  const [row] = await db
    .select({ link: surveyLinks, survey: surveys })
    .from(surveyLinks)
    .innerJoin(surveys, eq(surveys.id, surveyLinks.surveyId))
    .where(eq(surveyLinks.token, token));
  return row ?? null;
}

/** The programme's groups at the given centres still running on or after the date, with their planned sessions. */
export async function groupsForLinks(db: Executor, programmeId: string, centreIds: string[], from: string) {
  if (centreIds.length === 0) return [];
  const groups = await db
    .select({
      id: activityGroups.id,
      name: activityGroups.name,
      centreName: centres.name,
      activityName: activities.name,
    })
    .from(activityGroups)
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(centres, eq(centres.id, activityGroups.centreId))
    .where(
      and(
        eq(activities.programmeId, programmeId),
        inArray(activityGroups.centreId, centreIds),
        gte(activityGroups.endsOn, from),
      ),
    )
    .orderBy(asc(activityGroups.startsOn), asc(activityGroups.id));
  const sessions =
    groups.length === 0
      ? []
      : await db
          .select({
            id: groupSessions.id,
            groupId: groupSessions.groupId,
            date: groupSessions.sessionDate,
            startTime: groupSessions.startTime,
            endTime: groupSessions.endTime,
          })
          .from(groupSessions)
          .where(
            and(
              inArray(
                groupSessions.groupId,
                groups.map((g) => g.id),
              ),
              eq(groupSessions.status, 'planned'),
            ),
          )
          .orderBy(asc(groupSessions.sessionDate), asc(groupSessions.startTime));
  return groups.map((g) => ({
    ...g,
    sessions: sessions.filter((s) => s.groupId === g.id).map(({ groupId: _, ...s }) => s),
  }));
}

// ---------------------------------------------------------------- answers

/** One anonymous response: the link, the language and the date, nothing that points to a person. */
export async function insertResponse(
  db: Executor,
  values: { surveyId: string; linkId: string; language: string; submittedOn: string },
  answers: readonly { questionId: string; scale: number | null; yes: boolean | null; text: string | null }[],
) {
  const [response] = await db.insert(surveyResponses).values(values).returning({ id: surveyResponses.id });
  if (!response) throw new Error('insert returned no row');
  if (answers.length > 0)
    await db.insert(surveyAnswers).values(answers.map((a) => ({ ...a, responseId: response.id })));
}

/** Which responses count: all of the survey's, or those through the given links. */
function responsesWhere(surveyId: string, linkIds: string[] | null): SQL | undefined {
  return and(
    eq(surveyResponses.surveyId, surveyId),
    linkIds === null ? undefined : linkIds.length > 0 ? inArray(surveyResponses.linkId, linkIds) : sql`false`,
  );
}

export async function countResponses(db: Executor, surveyId: string, linkIds: string[] | null) {
  const [row] = await db
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(surveyResponses)
    .where(responsesWhere(surveyId, linkIds));
  return row?.n ?? 0;
}

/** Per question and value: how many chose a point of the scale or yes or no. */
export async function answerCounts(db: Executor, surveyId: string, linkIds: string[] | null) {
  return db
    .select({
      questionId: surveyAnswers.questionId,
      scale: surveyAnswers.scale,
      yes: surveyAnswers.yes,
      n: sql<number>`cast(count(*) as integer)`,
    })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(and(responsesWhere(surveyId, linkIds), sql`${surveyAnswers.text} is null`))
    .groupBy(surveyAnswers.questionId, surveyAnswers.scale, surveyAnswers.yes);
}

/** The free-text answers, per question; sorted by the caller, never with a date. */
export async function textAnswers(db: Executor, surveyId: string, linkIds: string[] | null) {
  return db
    .select({ questionId: surveyAnswers.questionId, text: sql<string>`${surveyAnswers.text}` })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(and(responsesWhere(surveyId, linkIds), sql`${surveyAnswers.text} is not null`));
}

/** The ids of a survey's links for a group. */
export async function linkIdsOfGroup(db: Executor, surveyId: string, groupId: string) {
  const rows = await db
    .select({ id: surveyLinks.id })
    .from(surveyLinks)
    .where(and(eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.groupId, groupId)));
  return rows.map((r) => r.id);
}
