import { z } from 'zod';
import { surveyQuestionKinds, surveyStatuses } from '../enums.ts';
import { languageCodes } from '../languages.ts';
import { id, version } from './common.ts';

// Satisfaction surveys (issue 6): a programme manager builds one with questions in several languages, staff hand
// out a link per group or session, participants answer anonymously, and staff read the results per question.

/** Any language participants prefer, except "other": a survey's texts are in a language one can name. */
export const surveyLanguageCodes = languageCodes.filter((l) => l !== 'other');
export const surveyLanguage = z.enum(surveyLanguageCodes as [string, ...string[]], {
  message: 'invalid_choice',
});
/** Texts by language ({ sv: '…', en: '…' }); an empty text is no text. */
const texts = (max: number) =>
  z.partialRecord(surveyLanguage, z.string().trim().max(max, { message: 'too_long' }));

export const maxSurveyQuestions = 40;

export const surveyQuestionInput = z.object({
  /** A question saved before; leave out for a new one. */
  id: id.optional(),
  kind: z.enum(surveyQuestionKinds, { message: 'invalid_choice' }),
  required: z.boolean().default(false),
  texts: texts(500),
});
export type SurveyQuestionInput = z.input<typeof surveyQuestionInput>;

/** The languages offered, Swedish first and each once, whatever order they came in. */
export function offeredLanguages(languages: readonly string[]): string[] {
  return ['sv', ...new Set(languages.filter((l) => l !== 'sv'))];
}

const surveyShape = {
  /** The languages the survey is offered in; Swedish is always one of them. */
  languages: z.array(surveyLanguage).max(surveyLanguageCodes.length).default(['sv']),
  titles: texts(200),
  questions: z
    .array(surveyQuestionInput)
    .min(1, { message: 'required' })
    .max(maxSurveyQuestions, { message: 'too_many' }),
};

type SurveyFields = {
  languages: string[];
  titles: Partial<Record<string, string>>;
  questions: { id?: string | undefined; texts: Partial<Record<string, string>> }[];
};

/** Every offered language needs the title and every question's text: a respondent never meets a gap. */
function checkSurvey(s: SurveyFields, ctx: z.RefinementCtx) {
  for (const language of s.languages) {
    if (!s.titles[language])
      ctx.addIssue({ code: 'custom', path: ['titles', language], message: 'required' });
    s.questions.forEach((q, index) => {
      if (!q.texts[language])
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'texts', language], message: 'required' });
    });
  }
  const ids = s.questions.flatMap((q) => (q.id ? [q.id] : []));
  s.questions.forEach((q, index) => {
    if (q.id && ids.indexOf(q.id) !== ids.lastIndexOf(q.id))
      ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: 'duplicate_row' });
  });
}

export const surveyInput = z
  .object({ programmeId: id, ...surveyShape })
  .transform((s) => ({ ...s, languages: offeredLanguages(s.languages) }))
  .superRefine(checkSurvey);
export type SurveyInput = z.input<typeof surveyInput>;

export const surveyUpdateInput = z
  .object({ version, ...surveyShape })
  .transform((s) => ({ ...s, languages: offeredLanguages(s.languages) }))
  .superRefine(checkSurvey);
export type SurveyUpdateInput = z.input<typeof surveyUpdateInput>;

export const surveyStatusInput = z.object({ version });
export type SurveyStatusInput = z.input<typeof surveyStatusInput>;

export const surveyListQuery = z.object({ programmeId: id.optional() });

const textMap = z.record(z.string(), z.string());

export const surveyQuestion = z.object({
  id,
  ordinal: z.number().int(),
  kind: z.enum(surveyQuestionKinds),
  required: z.boolean(),
  texts: textMap,
  /** Answered at least once: it can no longer be removed or change kind. */
  answered: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestion>;

export const surveySummary = z.object({
  id,
  programmeId: id,
  programmeName: z.string(),
  titles: textMap,
  languages: z.array(z.string()),
  status: z.enum(surveyStatuses),
  questionCount: z.number().int(),
  responseCount: z.number().int(),
  version: z.number().int(),
});
export type SurveySummary = z.infer<typeof surveySummary>;

export const surveyList = z.object({ items: z.array(surveySummary) });
export type SurveyList = z.infer<typeof surveyList>;

export const survey = surveySummary.extend({ questions: z.array(surveyQuestion) });
export type Survey = z.infer<typeof survey>;

// ---------------------------------------------------------------- links

export const surveyLinkInput = z.object({
  groupId: id,
  /** One session of the group; leave out for the whole group. */
  sessionId: id.nullish().transform((v) => v ?? null),
});
export type SurveyLinkInput = z.input<typeof surveyLinkInput>;

export const surveyLinkParams = z.object({ id, linkId: id });

export const surveyLink = z.object({
  id,
  token: z.string(),
  /** Where respondents answer: `/enkat/<token>` on the app's own origin. */
  path: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  centreName: z.string().nullable(),
  sessionId: id.nullable(),
  sessionDate: z.string().nullable(),
  sessionStartTime: z.string().nullable(),
  responseCount: z.number().int(),
  createdAt: z.string(),
});
export type SurveyLink = z.infer<typeof surveyLink>;

export const surveyLinkList = z.object({ items: z.array(surveyLink) });
export type SurveyLinkList = z.infer<typeof surveyLinkList>;

/** Where a link can lead: the programme's groups at the actor's centres, with their sessions. */
export const surveyLinkOptions = z.object({
  groups: z.array(
    z.object({
      id,
      name: z.string(),
      centreName: z.string(),
      activityName: z.string(),
      sessions: z.array(z.object({ id, date: z.string(), startTime: z.string(), endTime: z.string() })),
    }),
  ),
});
export type SurveyLinkOptions = z.infer<typeof surveyLinkOptions>;

// ---------------------------------------------------------------- results

export const surveyResultsQuery = z.object({
  linkId: id.optional(),
  groupId: id.optional(),
  format: z.enum(['json', 'csv', 'xlsx'], { message: 'invalid_choice' }).default('json'),
});
export type SurveyResultsQuery = z.input<typeof surveyResultsQuery>;

const share = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.number().nullable(),
});

export const surveyQuestionResult = z.object({
  id,
  ordinal: z.number().int(),
  kind: z.enum(surveyQuestionKinds),
  texts: textMap,
  /** How many answered the question. */
  answered: z.number().int(),
  /** Scale: how many chose 1, 2, 3, 4 and 5; the mean (two decimals); 4–5 ("nöjda") and 5 ("mycket nöjda"). */
  scale: z
    .object({
      counts: z.array(z.number().int()).length(5),
      mean: z.number().nullable(),
      satisfied: share,
      verySatisfied: share,
    })
    .nullable(),
  /** Yes or no: the share who said yes. */
  yesNo: z.object({ yes: share, no: z.number().int() }).nullable(),
  /** Free text: the answers, sorted, without dates. */
  freeTexts: z.array(z.string()).nullable(),
});
export type SurveyQuestionResult = z.infer<typeof surveyQuestionResult>;

export const surveyResults = z.object({
  surveyId: id,
  titles: textMap,
  status: z.enum(surveyStatuses),
  linkId: id.nullable(),
  groupId: id.nullable(),
  responseCount: z.number().int(),
  /**
   * Fewer than `minimumAnswersShown` answers in the selection: no question's figures or texts are given (the
   * questions are empty), so no one's answers can be singled out.
   */
  withheld: z.boolean(),
  questions: z.array(surveyQuestionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;

// ---------------------------------------------------------------- answering (public, no login)

export const surveyTokenParams = z.object({ token: z.string().min(1).max(100) });

export const publicSurvey = z.object({
  titles: textMap,
  languages: z.array(z.string()),
  questions: z.array(
    z.object({ id, kind: z.enum(surveyQuestionKinds), required: z.boolean(), texts: textMap }),
  ),
});
export type PublicSurvey = z.infer<typeof publicSurvey>;

export const surveyAnswerInput = z.object({
  questionId: id,
  scale: z
    .number()
    .int({ message: 'whole_number' })
    .min(1, { message: 'too_small' })
    .max(5, { message: 'too_large' })
    .optional(),
  yes: z.boolean().optional(),
  text: z.string().trim().max(2000, { message: 'too_long' }).optional(),
});

export const surveyResponseInput = z.object({
  language: surveyLanguage,
  answers: z.array(surveyAnswerInput).max(maxSurveyQuestions, { message: 'too_many' }),
});
export type SurveyResponseInput = z.input<typeof surveyResponseInput>;
