import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.ts';
import type { SurveyStatus } from '../../../core/enums.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import type { Permission } from '../../../core/permissions.ts';
import { can } from '../../../core/permissions.ts';
import type {
  PublicSurvey,
  Survey,
  SurveyLink,
  SurveyLinkList,
  SurveyLinkOptions,
  SurveyList,
  SurveyQuestionResult,
  SurveyResults,
  SurveySummary,
  surveyInput,
  surveyLinkInput,
  surveyListQuery,
  surveyResponseInput,
  surveyResultsQuery,
  surveyUpdateInput,
} from '../../../core/schemas/survey.schema.ts';
import { minimumAnswersShown, scaleFigures, yesFigure } from '../../../core/survey.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/actor.ts';
import * as groups from '../groups/groups.repo.ts';
import { findProgrammes, programmeIdsForCentres } from '../programmes/programmes.repo.ts';
import * as repo from './surveys.repo.ts';

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/** Building, handing out links and reading results: anyone with one of the three may see the surveys. */
const surveyPermissions: readonly Permission[] = ['survey.manage', 'survey.link', 'survey.results'];

function authorizeAny(actor: Actor, permissions: readonly Permission[]) {
  if (!permissions.some((p) => can(actor.role, p))) throw new AppError('FORBIDDEN');
}

/** Surveys of the programmes run at the actor's centres, newest first. */
export async function list(
  db: Db,
  actor: Actor,
  query: z.output<typeof surveyListQuery>,
): Promise<SurveyList> {
  authorizeAny(actor, surveyPermissions);
  const programmeIds = await programmeIdsForCentres(db, actor.centreIds);
  if (query.programmeId && !programmeIds.includes(query.programmeId)) throw new AppError('FORBIDDEN');
  const rows = await repo.listSurveys(db, query.programmeId ? [query.programmeId] : programmeIds);
  return { items: rows.map(presentSummary) };
}

export async function get(db: Db, actor: Actor, id: string): Promise<Survey> {
  authorizeAny(actor, surveyPermissions);
  await load(db, actor, id);
  return present(db, id);
}

/** A new draft survey of a programme run at one of the manager's centres. */
export async function create(db: Db, actor: Actor, input: z.output<typeof surveyInput>): Promise<Survey> {
  authorize(actor, 'survey.manage');
  return db.transaction(async (tx) => {
    const [found] = await findProgrammes(tx, [input.programmeId]);
    if (!found) throw fieldError(['programmeId'], 'not_found');
    if (!found.centres.some((c) => actor.centreIds.includes(c.id))) throw new AppError('FORBIDDEN');
    const issues = input.questions.flatMap((q, index) =>
      q.id ? [issue(['questions', index, 'id'], 'not_found')] : [],
    );
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const survey = await repo.insertSurvey(tx, {
      programmeId: input.programmeId,
      titles: onlyOffered(input.titles, input.languages),
      languages: input.languages,
      createdBy: actor.userId,
    });
    await repo.saveQuestions(tx, survey.id, questionValues(input));
    return present(tx, survey.id);
  });
}

/**
 * Saves title, languages and questions against the version read. A question someone has answered keeps its
 * kind and cannot be removed (its answers would lose their meaning); its text may still be corrected.
 */
export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof surveyUpdateInput>,
): Promise<Survey> {
  authorize(actor, 'survey.manage');
  return db.transaction(async (tx) => {
    const { survey } = await load(tx, actor, id);
    if (survey.status === 'closed') throw new AppError('SURVEY_WRONG_STATUS');
    const existing = await repo.questionsOf(tx, id);
    const byId = new Map(existing.map((e) => [e.question.id, e]));
    const issues: Issue[] = [];
    input.questions.forEach((q, index) => {
      if (!q.id) return;
      const saved = byId.get(q.id);
      if (!saved) issues.push(issue(['questions', index, 'id'], 'not_found'));
      else if (saved.answered && saved.question.kind !== q.kind)
        issues.push(issue(['questions', index, 'kind'], 'answered'));
    });
    const kept = new Set(input.questions.flatMap((q) => (q.id ? [q.id] : [])));
    if (existing.some((e) => e.answered && !kept.has(e.question.id)))
      issues.push(issue(['questions'], 'answered_removed'));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const saved = await repo.updateSurveyVersioned(tx, id, input.version, {
      titles: onlyOffered(input.titles, input.languages),
      languages: input.languages,
    });
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await present(tx, id) });
    await repo.saveQuestions(tx, id, questionValues(input));
    return present(tx, id);
  });
}

/** Opens a draft (or a closed survey again) for answers. */
export function open(db: Db, actor: Actor, id: string, version: number): Promise<Survey> {
  return changeStatus(db, actor, id, version, ['draft', 'closed'], 'open');
}

/** Stops taking answers; the results stay. */
export function close(db: Db, actor: Actor, id: string, version: number): Promise<Survey> {
  return changeStatus(db, actor, id, version, ['open'], 'closed');
}

async function changeStatus(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  from: readonly SurveyStatus[],
  to: SurveyStatus,
): Promise<Survey> {
  authorize(actor, 'survey.manage');
  return db.transaction(async (tx) => {
    const { survey } = await load(tx, actor, id);
    if (!from.includes(survey.status)) throw new AppError('SURVEY_WRONG_STATUS');
    const saved = await repo.updateSurveyVersioned(tx, id, version, { status: to });
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await present(tx, id) });
    return present(tx, id);
  });
}

// ---------------------------------------------------------------- links

/** The groups (and their sessions) a link can be made for: the programme's, at the actor's centres. */
export async function linkOptions(db: Db, actor: Actor, id: string): Promise<SurveyLinkOptions> {
  authorize(actor, 'survey.link');
  const { survey } = await load(db, actor, id);
  const today = todayInSweden();
  return { groups: await repo.groupsForLinks(db, survey.programmeId, actor.centreIds, today) };
}

/** The survey's links for groups at the actor's centres, with how many answered through each. */
export async function listLinks(db: Db, actor: Actor, id: string): Promise<SurveyLinkList> {
  authorizeAny(actor, ['survey.link', 'survey.results']);
  await load(db, actor, id);
  const rows = await repo.listLinks(db, id, actor.centreIds);
  return { items: rows.map(presentLink) };
}

/** A link for a group of the programme at the actor's centres, or for one session of it. */
export async function createLink(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof surveyLinkInput>,
): Promise<SurveyLink> {
  authorize(actor, 'survey.link');
  return db.transaction(async (tx) => {
    const { survey } = await load(tx, actor, id);
    if (survey.status === 'closed') throw new AppError('SURVEY_WRONG_STATUS');
    const found = await groups.findGroup(tx, input.groupId);
    if (!found) throw fieldError(['groupId'], 'not_found');
    if (found.activity.programmeId !== survey.programmeId) throw fieldError(['groupId'], 'invalid_choice');
    if (!actor.centreIds.includes(found.group.centreId)) throw new AppError('FORBIDDEN');
    if (input.sessionId) {
      const session = await groups.findSession(tx, input.sessionId);
      if (!session || session.session.groupId !== found.group.id)
        throw fieldError(['sessionId'], 'invalid_choice');
    }
    const link = await repo.insertLink(tx, {
      surveyId: id,
      // 144 random bits: a token cannot be guessed, so only those given the link can answer.
      token: randomBytes(18).toString('base64url'),
      groupId: found.group.id,
      sessionId: input.sessionId,
      createdBy: actor.userId,
    });
    const [row] = await repo.listLinks(tx, id, actor.centreIds, link.id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentLink(row);
  });
}

/** The link's public address as a QR code in SVG, drawn on the server so the browser bundle stays small. */
export async function linkQrCode(
  db: Db,
  actor: Actor,
  surveyId: string,
  linkId: string,
  origin: string,
): Promise<{ svg: string; url: string }> {
  authorizeAny(actor, ['survey.link', 'survey.results']);
  await load(db, actor, surveyId);
  const [row] = await repo.listLinks(db, surveyId, actor.centreIds, linkId);
  if (!row) throw new AppError('NOT_FOUND');
  const url = `${origin}${linkPath(row.link.token)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, url };
}

// ---------------------------------------------------------------- results

/** Per question: the scale's spread, mean and shares; the share who said yes; the free texts, sorted. */
export async function results(
  db: Db,
  actor: Actor,
  id: string,
  query: z.output<typeof surveyResultsQuery>,
): Promise<SurveyResults> {
  authorize(actor, 'survey.results');
  return db.transaction(
    async (tx) => {
      const { survey } = await load(tx, actor, id);
      let linkIds: string[] | null = null;
      if (query.linkId) {
        const [link] = await repo.listLinks(tx, id, actor.centreIds, query.linkId);
        if (!link) throw fieldError(['linkId'], 'not_found');
        linkIds = [link.link.id];
      }
      if (query.groupId) {
        const found = await groups.findGroup(tx, query.groupId);
        if (!found || found.activity.programmeId !== survey.programmeId)
          throw fieldError(['groupId'], 'not_found');
        if (!actor.centreIds.includes(found.group.centreId)) throw new AppError('FORBIDDEN');
        const ofGroup = await repo.linkIdsOfGroup(tx, id, found.group.id);
        linkIds = linkIds ? linkIds.filter((l) => ofGroup.includes(l)) : ofGroup;
      }
      const responseCount = await repo.countResponses(tx, id, linkIds);
      const selection = {
        surveyId: id,
        titles: survey.titles,
        status: survey.status,
        linkId: query.linkId ?? null,
        groupId: query.groupId ?? null,
        responseCount,
      };
      if (responseCount < minimumAnswersShown) return { ...selection, withheld: true, questions: [] };
      const questions = await repo.questionsOf(tx, id);
      const counts = await repo.answerCounts(tx, id, linkIds);
      const texts = await repo.textAnswers(tx, id, linkIds);
      const collator = new Intl.Collator('sv');
      return {
        ...selection,
        withheld: false,
        questions: questions.map(({ question }): SurveyQuestionResult => {
          const mine = counts.filter((c) => c.questionId === question.id);
          const base = {
            id: question.id,
            ordinal: question.ordinal,
            kind: question.kind,
            texts: question.texts,
          };
          if (question.kind === 'scale') {
            const spread = [1, 2, 3, 4, 5].map((v) => mine.find((c) => c.scale === v)?.n ?? 0);
            return {
              ...base,
              answered: spread.reduce((a, b) => a + b, 0),
              scale: { counts: spread, ...scaleFigures(spread) },
              yesNo: null,
              freeTexts: null,
            };
          }
          if (question.kind === 'yes_no') {
            const yes = mine.find((c) => c.yes === true)?.n ?? 0;
            const no = mine.find((c) => c.yes === false)?.n ?? 0;
            return {
              ...base,
              answered: yes + no,
              scale: null,
              yesNo: { yes: yesFigure(yes, no), no },
              freeTexts: null,
            };
          }
          const written = texts
            .filter((t) => t.questionId === question.id)
            .map((t) => t.text)
            .sort(collator.compare);
          return { ...base, answered: written.length, scale: null, yesNo: null, freeTexts: written };
        }),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

// ---------------------------------------------------------------- answering (no login)

/** An open survey as the respondent sees it; an unknown token and a survey not open are the same 404. */
export async function publicSurvey(db: Db, token: string): Promise<PublicSurvey> {
  const { survey } = await openByToken(db, token);
  const questions = await repo.questionsOf(db, survey.id);
  return {
    titles: survey.titles,
    languages: survey.languages,
    questions: questions.map(({ question: q }) => ({
      id: q.id,
      kind: q.kind,
      required: q.required,
      texts: q.texts,
    })),
  };
}

/**
 * Stores one anonymous response: the link, the language and the date. Nothing about the respondent (no
 * participant, user, session, address or time of day) is read or kept, and no access-log row is written.
 */
export async function answer(
  db: Db,
  token: string,
  input: z.output<typeof surveyResponseInput>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { link, survey } = await openByToken(tx, token);
    const questions = (await repo.questionsOf(tx, survey.id)).map((q) => q.question);
    const issues: Issue[] = [];
    if (!survey.languages.includes(input.language)) issues.push(issue(['language'], 'not_offered'));
    const answers: { questionId: string; scale: number | null; yes: boolean | null; text: string | null }[] =
      [];
    const seen = new Set<string>();
    for (const [index, a] of input.answers.entries()) {
      const question = questions.find((q) => q.id === a.questionId);
      if (!question || seen.has(a.questionId)) {
        issues.push(issue(['answers', index, 'questionId'], question ? 'duplicate_row' : 'not_found'));
        continue;
      }
      seen.add(a.questionId);
      const text = a.text ? a.text : undefined;
      const given = [a.scale, a.yes, text].filter((v) => v !== undefined).length;
      if (given === 0) continue;
      const fits =
        given === 1 &&
        ((question.kind === 'scale' && a.scale !== undefined) ||
          (question.kind === 'yes_no' && a.yes !== undefined) ||
          (question.kind === 'free_text' && text !== undefined));
      if (!fits) issues.push(issue(['answers', index], 'invalid_value'));
      else
        answers.push({
          questionId: question.id,
          scale: a.scale ?? null,
          yes: a.yes ?? null,
          text: text ?? null,
        });
    }
    questions.forEach((q, index) => {
      if (q.required && !answers.some((a) => a.questionId === q.id))
        issues.push(issue(['questions', index], 'required'));
    });
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    await repo.insertResponse(
      tx,
      { surveyId: survey.id, linkId: link.id, language: input.language, submittedOn: todayInSweden() },
      answers,
    );
  });
}

async function openByToken(db: Executor, token: string) {
  const found = await repo.findByToken(db, token);
  // A survey not open answers as an unknown token does, so tokens cannot be probed.
  if (!found) throw new AppError('NOT_FOUND');
  if (found.survey.status !== 'open') throw new AppError('NOT_FOUND');
  return found;
}

// ---------------------------------------------------------------- helpers

/** A survey of a programme run at one of the actor's centres (404 if none, 403 for another's). */
async function load(db: Executor, actor: Actor, id: string) {
  const found = await repo.findSurvey(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  const programmeIds = await programmeIdsForCentres(db, actor.centreIds);
  if (!programmeIds.includes(found.survey.programmeId)) throw new AppError('FORBIDDEN');
  return found;
}

async function present(db: Executor, id: string): Promise<Survey> {
  const found = await repo.findSurvey(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  const questions = await repo.questionsOf(db, id);
  return {
    ...presentSummary(found),
    questions: questions.map(({ question: q, answered }) => ({
      id: q.id,
      ordinal: q.ordinal,
      kind: q.kind,
      required: q.required,
      texts: q.texts,
      answered,
    })),
  };
}

function presentSummary(row: repo.SurveyRow): SurveySummary {
  return {
    id: row.survey.id,
    programmeId: row.survey.programmeId,
    programmeName: row.programmeName,
    titles: row.survey.titles,
    languages: row.survey.languages,
    status: row.survey.status,
    questionCount: row.questionCount,
    responseCount: row.responseCount,
    version: row.survey.version,
  };
}

function presentLink(row: repo.LinkRow): SurveyLink {
  return {
    id: row.link.id,
    token: row.link.token,
    path: linkPath(row.link.token),
    groupId: row.link.groupId,
    groupName: row.groupName,
    centreName: row.centreName,
    sessionId: row.link.sessionId,
    sessionDate: row.sessionDate,
    sessionStartTime: row.sessionStartTime,
    responseCount: row.responseCount,
    createdAt: row.link.createdAt.toISOString(),
  };
}

/** Where a respondent answers, in the web app outside the logged-in pages. */
export function linkPath(token: string): string {
  return `/enkat/${token}`;
}

/** Only the offered languages' texts are kept; a text for a language no longer offered goes. */
function onlyOffered(
  texts: Partial<Record<string, string>>,
  languages: readonly string[],
): Record<string, string> {
  return Object.fromEntries(languages.flatMap((l) => (texts[l] ? [[l, texts[l]]] : [])));
}

function questionValues(input: z.output<typeof surveyUpdateInput> | z.output<typeof surveyInput>) {
  return input.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    required: q.required,
    texts: onlyOffered(q.texts, input.languages),
  }));
}

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
