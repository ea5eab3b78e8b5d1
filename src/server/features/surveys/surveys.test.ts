import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survey, SurveyLink, SurveyResults } from '../../../core/schemas/survey.schema.ts';
import { queryRows } from '../../db/client.ts';
import {
  createCentre,
  createGroup,
  createProgramme,
  createSession,
  createSurvey,
  createWorld,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

type World = Awaited<ReturnType<typeof createWorld>>;

let t: TestContext;
let world: World;
/** Builds surveys: a programme manager at both of the world's centres. */
let manager: Session;
/** Reads results only: an employer liaison at the world's centre. */
let liaison: Session;
/** Works at a centre that does not run the world's programme. */
let outsider: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  manager = await createSession(
    t.app,
    t.db,
    'programme_manager',
    [world.centre.id, world.otherCentre.id],
    world.organisation.id,
  );
  liaison = await createSession(t.app, t.db, 'employer_liaison', [world.centre.id], world.organisation.id);
  const elsewhere = await createCentre(t.db);
  outsider = await createSession(t.app, t.db, 'programme_manager', [elsewhere.id], elsewhere.organisationId);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
const programmeId = () => world.programme.programme.id;

/** An open survey of the world's programme with a link for a new group at the world's centre. */
async function openSurveyWithLink(overrides: Parameters<typeof createSurvey>[2] = {}) {
  const survey = await createSurvey(manager, programmeId(), overrides);
  const opened = await manager.post(`/api/surveys/${survey.id}/open`, { version: survey.version });
  expect(opened.statusCode).toBe(200);
  const { group, sessions } = await createGroup(t.db, world);
  const link = await world.caseworker.post(`/api/surveys/${survey.id}/links`, { groupId: group.id });
  expect(link.statusCode).toBe(201);
  return { survey: opened.json() as Survey, link: link.json() as SurveyLink, group, sessions };
}

/** Answers without any cookie, as a participant's phone does. */
function answer(token: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${token}/responses`,
    payload: body as object,
    headers,
  });
}

describe('building a survey', () => {
  it('saves a draft with questions of three kinds in Swedish and English, Swedish first', async () => {
    const response = await manager.post('/api/surveys', {
      programmeId: programmeId(),
      languages: ['en', 'sv', 'en'],
      titles: { sv: 'Enkät', en: 'Survey', ar: 'not offered, dropped' },
      questions: [
        { kind: 'scale', required: true, texts: { sv: 'Nöjd?', en: 'Satisfied?' } },
        { kind: 'yes_no', texts: { sv: 'Jobb?', en: 'Job?' } },
        { kind: 'free_text', texts: { sv: 'Annat?', en: 'Other?' } },
      ],
    });
    expect(response.statusCode).toBe(201);
    const survey = response.json() as Survey;
    expect(survey).toMatchObject({
      programmeId: programmeId(),
      languages: ['sv', 'en'],
      titles: { sv: 'Enkät', en: 'Survey' },
      status: 'draft',
      version: 1,
      questionCount: 3,
      responseCount: 0,
    });
    expect(survey.questions.map((q) => [q.ordinal, q.kind, q.required, q.answered])).toEqual([
      [1, 'scale', true, false],
      [2, 'yes_no', false, false],
      [3, 'free_text', false, false],
    ]);
    const listed = await world.caseworker.get(`/api/surveys?programmeId=${programmeId()}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((s: Survey) => s.id)).toContain(survey.id);
  });

  it('names the question and the language of every missing text', async () => {
    const response = await manager.post('/api/surveys', {
      programmeId: programmeId(),
      languages: ['sv', 'en'],
      titles: { sv: 'Enkät' },
      questions: [
        { kind: 'scale', texts: { sv: 'Nöjd?', en: 'Satisfied?' } },
        { kind: 'yes_no', texts: { sv: 'Jobb?', en: '  ' } },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'titles.en', code: 'required', message: 'Titel på engelska måste fyllas i' },
      {
        field: 'questions.1.texts.en',
        code: 'required',
        message: 'Fråga 2, text på engelska måste fyllas i',
      },
    ]);
    const english = await manager.request({
      method: 'POST',
      url: '/api/surveys',
      headers: { 'accept-language': 'en' },
      payload: {
        programmeId: programmeId(),
        titles: { sv: 'Enkät' },
        questions: [{ kind: 'scale', texts: {} }],
      },
    });
    expect(english.json().error.fields).toEqual([
      { field: 'questions.0.texts.sv', code: 'required', message: 'Question 1, text in Swedish is required' },
    ]);
  });

  it('refuses a survey without questions, with an unknown kind or language', async () => {
    const response = await manager.post('/api/surveys', {
      programmeId: programmeId(),
      languages: ['sv', 'xx'],
      titles: { sv: 'Enkät' },
      questions: [],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['languages.1', 'questions']));
    const kind = await manager.post('/api/surveys', {
      programmeId: programmeId(),
      titles: { sv: 'Enkät' },
      questions: [{ kind: 'stars', texts: { sv: 'Nöjd?' } }],
    });
    expect(kind.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['questions.0.kind']);
  });

  it('is for programme managers of the programme: 401, 403, 404', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/surveys' });
    expect(anonymous.statusCode).toBe(401);
    const survey = await createSurvey(manager, programmeId());
    expect((await t.app.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).statusCode).toBe(401);
    // A coordinator hands out links but does not build surveys.
    const coordinator = await world.caseworker.put(`/api/surveys/${survey.id}`, {
      version: survey.version,
      titles: survey.titles,
      languages: survey.languages,
      questions: survey.questions,
    });
    expect(coordinator.statusCode).toBe(403);
    expect((await outsider.get(`/api/surveys/${survey.id}`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/surveys?programmeId=${programmeId()}`)).statusCode).toBe(403);
    const elsewhere = await outsider.post('/api/surveys', {
      programmeId: programmeId(),
      titles: { sv: 'Enkät' },
      questions: [{ kind: 'scale', texts: { sv: 'Nöjd?' } }],
    });
    expect(elsewhere.statusCode).toBe(403);
    expect((await manager.get(`/api/surveys/${missing}`)).statusCode).toBe(404);
    const unknownProgramme = await manager.post('/api/surveys', {
      programmeId: missing,
      titles: { sv: 'Enkät' },
      questions: [{ kind: 'scale', texts: { sv: 'Nöjd?' } }],
    });
    expect(unknownProgramme.json().error.fields[0].field).toBe('programmeId');
  });

  it('saves against the version read and answers a stale save with 409 and the current survey', async () => {
    const survey = await createSurvey(manager, programmeId());
    const [first, second, third] = survey.questions;
    const edit = {
      version: survey.version,
      languages: ['sv', 'en', 'ar'],
      titles: { ...survey.titles, ar: 'ما رأيك؟' },
      // Reordered, the free text removed, a new one added.
      questions: [
        { ...second, texts: { ...second?.texts, ar: 'هل تعرف المزيد؟' } },
        { ...first, texts: { ...first?.texts, ar: 'ما مدى رضاك؟' } },
        { kind: 'scale', required: false, texts: { sv: 'Lokalen?', en: 'The room?', ar: 'القاعة؟' } },
      ],
    };
    const saved = await manager.put(`/api/surveys/${survey.id}`, edit);
    expect(saved.statusCode).toBe(200);
    const body = saved.json() as Survey;
    expect(body.version).toBe(2);
    expect(body.languages).toEqual(['sv', 'en', 'ar']);
    expect(body.questions.map((q) => [q.ordinal, q.texts.sv])).toEqual([
      [1, 'Vet du mer om jobb nu?'],
      [2, 'Hur nöjd är du?'],
      [3, 'Lokalen?'],
    ]);
    expect(body.questions.map((q) => q.id)).not.toContain(third?.id);
    const stale = await manager.put(`/api/surveys/${survey.id}`, edit);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { id: survey.id, version: 2 },
    });
    const foreign = await manager.put(`/api/surveys/${survey.id}`, {
      ...edit,
      version: 2,
      questions: [{ ...edit.questions[0], id: missing }],
    });
    expect(foreign.json().error.fields[0]).toMatchObject({ field: 'questions.0.id', code: 'not_found' });
  });

  it('opens and closes, and refuses the wrong step with 409', async () => {
    const survey = await createSurvey(manager, programmeId());
    const early = await manager.post(`/api/surveys/${survey.id}/close`, { version: 1 });
    expect(early.json().error.code).toBe('SURVEY_WRONG_STATUS');
    const opened = await manager.post(`/api/surveys/${survey.id}/open`, { version: 1 });
    expect(opened.json()).toMatchObject({ status: 'open', version: 2 });
    expect((await manager.post(`/api/surveys/${survey.id}/open`, { version: 2 })).statusCode).toBe(409);
    const stale = await manager.post(`/api/surveys/${survey.id}/close`, { version: 1 });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const closed = await manager.post(`/api/surveys/${survey.id}/close`, { version: 2 });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 3 });
    const edit = await manager.put(`/api/surveys/${survey.id}`, {
      version: 3,
      titles: survey.titles,
      languages: survey.languages,
      questions: survey.questions,
    });
    expect(edit.json().error.code).toBe('SURVEY_WRONG_STATUS');
    expect((await manager.post(`/api/surveys/${survey.id}/open`, { version: 3 })).json().status).toBe('open');
  });

  it('keeps an answered question: no removal, no change of kind, but its text may change', async () => {
    const { survey, link } = await openSurveyWithLink();
    const [scale, yesNo] = survey.questions;
    expect(
      (
        await answer(link.token, {
          language: 'sv',
          answers: [
            { questionId: scale?.id, scale: 4 },
            { questionId: yesNo?.id, yes: true },
          ],
        })
      ).statusCode,
    ).toBe(201);
    const base = { version: survey.version, titles: survey.titles, languages: survey.languages };
    const kind = await manager.put(`/api/surveys/${survey.id}`, {
      ...base,
      questions: survey.questions.map((q, i) => (i === 0 ? { ...q, kind: 'yes_no' } : q)),
    });
    expect(kind.json(), kind.body).toHaveProperty('error');
    expect(kind.json().error.fields).toEqual([
      {
        field: 'questions.0.kind',
        code: 'answered',
        message: 'Fråga 1, typ kan inte ändras eftersom frågan redan har svar',
      },
    ]);
    const removed = await manager.put(`/api/surveys/${survey.id}`, {
      ...base,
      questions: survey.questions.slice(1),
    });
    expect(removed.json().error.fields).toMatchObject([{ field: 'questions', code: 'answered_removed' }]);
    // The free text has no answers: it may go; the answered scale's text may change.
    const text = await manager.put(`/api/surveys/${survey.id}`, {
      ...base,
      questions: survey.questions
        .slice(0, 2)
        .map((q, i) =>
          i === 0 ? { ...q, texts: { sv: 'Hur nöjd är du nu?', en: 'How satisfied now?' } } : q,
        ),
    });
    expect(text.statusCode).toBe(200);
    expect(text.json().questions.map((q: Survey['questions'][number]) => [q.texts.sv, q.answered])).toEqual([
      ['Hur nöjd är du nu?', true],
      ['Vet du mer om jobb nu?', true],
    ]);
  });
});

describe('links', () => {
  it('makes a link for a group or one of its sessions at the actor’s centres, with a QR code', async () => {
    const survey = await createSurvey(manager, programmeId());
    const { group, sessions } = await createGroup(t.db, world);
    const options = await world.caseworker.get(`/api/surveys/${survey.id}/link-options`);
    expect(options.statusCode).toBe(200);
    const offered = options.json().groups.find((g: { id: string }) => g.id === group.id);
    expect(offered.sessions).toHaveLength(sessions.length);

    const forSession = await world.caseworker.post(`/api/surveys/${survey.id}/links`, {
      groupId: group.id,
      sessionId: sessions[0]?.id,
    });
    expect(forSession.statusCode).toBe(201);
    const link = forSession.json() as SurveyLink;
    expect(link).toMatchObject({
      groupId: group.id,
      groupName: group.name,
      sessionId: sessions[0]?.id,
      sessionDate: sessions[0]?.sessionDate,
      responseCount: 0,
      path: `/enkat/${link.token}`,
    });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const qr = await world.caseworker.get(`/api/surveys/${survey.id}/links/${link.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qr.body).toContain('<path');
    expect((await liaison.get(`/api/surveys/${survey.id}/links`)).json().items).toHaveLength(1);
    expect((await world.caseworker.get(`/api/surveys/${survey.id}/links/${missing}/qr.svg`)).statusCode).toBe(
      404,
    );
  });

  it('draws the QR code of the address the client reached, behind a proxy only when trusted', async () => {
    const qrOf = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'enkat.example.se' };
    const direct = await openSurveyWithLink();
    const qrUrl = `/api/surveys/${direct.survey.id}/links/${direct.link.id}/qr.svg`;
    const untrusted = await world.caseworker.request({
      method: 'GET',
      url: qrUrl,
      headers: { host: 'stegvis.test', ...forwarded },
    });
    expect(untrusted.body).toBe(await qrOf(`http://stegvis.test/enkat/${direct.link.token}`));

    const proxied = await createTestApp({ trustProxy: true });
    try {
      const centre = await createCentre(proxied.db);
      const { programme } = await createProgramme(proxied.db, [centre.id]);
      const boss = await createSession(proxied.app, proxied.db, 'programme_manager', [centre.id]);
      const survey = await createSurvey(boss, programme.id);
      const { group } = await createGroup(proxied.db, {
        centre,
        programme: { programme },
        caseworker: { userId: boss.userId },
      });
      const link = (await boss.post(`/api/surveys/${survey.id}/links`, { groupId: group.id })).json();
      const trusted = await boss.request({
        method: 'GET',
        url: `/api/surveys/${survey.id}/links/${link.id}/qr.svg`,
        headers: { host: 'app.internal:3000', ...forwarded },
      });
      expect(trusted.body).toBe(await qrOf(`https://enkat.example.se/enkat/${link.token}`));
    } finally {
      await proxied.close();
    }
  });

  it('refuses a group at another centre (403), of another programme or a session of another group (400)', async () => {
    const survey = await createSurvey(manager, programmeId());
    const { group, sessions } = await createGroup(t.db, world);
    const other = await world.otherCaseworker.post(`/api/surveys/${survey.id}/links`, { groupId: group.id });
    expect(other.statusCode).toBe(403);
    // The other centre's coordinator does not see this centre's links either.
    expect((await world.otherCaseworker.get(`/api/surveys/${survey.id}/links`)).json().items).toEqual([]);

    const otherProgramme = await createProgramme(t.db, [world.centre.id]);
    const foreign = await createGroup(t.db, { ...world, programme: otherProgramme });
    const wrongProgramme = await world.caseworker.post(`/api/surveys/${survey.id}/links`, {
      groupId: foreign.group.id,
    });
    expect(wrongProgramme.json().error.fields[0]).toMatchObject({ field: 'groupId', code: 'invalid_choice' });
    const wrongSession = await world.caseworker.post(`/api/surveys/${survey.id}/links`, {
      groupId: group.id,
      sessionId: foreign.sessions[0]?.id,
    });
    expect(wrongSession.json().error.fields[0]).toMatchObject({ field: 'sessionId', code: 'invalid_choice' });
    expect(sessions.length).toBeGreaterThan(0);
    // Results readers do not hand out links.
    expect((await liaison.post(`/api/surveys/${survey.id}/links`, { groupId: group.id })).statusCode).toBe(
      403,
    );
    expect((await outsider.post(`/api/surveys/${survey.id}/links`, { groupId: group.id })).statusCode).toBe(
      403,
    );
  });
});

describe('answering', () => {
  it('shows an open survey to anyone with the link; unknown and closed tokens are the same 404', async () => {
    const { survey, link } = await openSurveyWithLink();
    const shown = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${link.token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      titles: survey.titles,
      languages: ['sv', 'en'],
      questions: survey.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        required: q.required,
        texts: q.texts,
      })),
    });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/surveys/not-a-token' });
    expect(unknown.statusCode).toBe(404);
    await manager.post(`/api/surveys/${survey.id}/close`, { version: survey.version });
    const closed = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${link.token}` });
    expect(closed.statusCode).toBe(404);
    expect(closed.body).toBe(unknown.body);
    expect((await answer(link.token, { language: 'sv', answers: [] })).statusCode).toBe(404);

    const draft = await createSurvey(manager, programmeId());
    const { group } = await createGroup(t.db, world);
    const draftLink = (
      await world.caseworker.post(`/api/surveys/${draft.id}/links`, { groupId: group.id })
    ).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/surveys/${draftLink.token}` })).body).toBe(
      unknown.body,
    );
  });

  it('requires the required questions and values of the right kind, in the respondent’s language', async () => {
    const { survey, link } = await openSurveyWithLink();
    const [scale, yesNo, free] = survey.questions;
    const unanswered = await answer(
      link.token,
      { language: 'en', answers: [{ questionId: free?.id, text: 'Fine' }] },
      { 'accept-language': 'en' },
    );
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().error.fields).toEqual([
      { field: 'questions.0', code: 'required', message: 'Question 1 is required' },
      { field: 'questions.1', code: 'required', message: 'Question 2 is required' },
    ]);
    const outOfRange = await answer(link.token, {
      language: 'sv',
      answers: [
        { questionId: scale?.id, scale: 6 },
        { questionId: yesNo?.id, yes: true },
      ],
    });
    expect(outOfRange.json().error.fields).toMatchObject([{ field: 'answers.0.scale', code: 'too_large' }]);
    const wrongKind = await answer(link.token, {
      language: 'sv',
      answers: [
        { questionId: scale?.id, yes: true },
        { questionId: yesNo?.id, yes: true },
      ],
    });
    expect(wrongKind.json().error.fields).toMatchObject([
      { field: 'answers.0', code: 'invalid_value' },
      { field: 'questions.0', code: 'required' },
    ]);
    const notOffered = await answer(link.token, {
      language: 'ar',
      answers: [
        { questionId: scale?.id, scale: 3 },
        { questionId: yesNo?.id, yes: false },
        { questionId: missing, yes: false },
      ],
    });
    expect(notOffered.json().error.fields).toMatchObject([
      { field: 'language', code: 'not_offered' },
      { field: 'answers.2.questionId', code: 'not_found' },
    ]);
    const twice = await answer(link.token, {
      language: 'sv',
      answers: [
        { questionId: scale?.id, scale: 3 },
        { questionId: scale?.id, scale: 4 },
        { questionId: yesNo?.id, yes: false },
      ],
    });
    expect(twice.json().error.fields).toMatchObject([
      { field: 'answers.1.questionId', code: 'duplicate_row' },
    ]);
  });

  it('keeps no trace of the respondent: no cookie, no session, no address, no time of day', async () => {
    const { survey, link } = await openSurveyWithLink();
    const [scale, yesNo, free] = survey.questions;
    const logged = async () =>
      (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from access_log`))[0]?.n;
    const before = await logged();
    const body = {
      language: 'en',
      answers: [
        { questionId: scale?.id, scale: 5 },
        { questionId: yesNo?.id, yes: true },
        { questionId: free?.id, text: '  More practice, please.  ' },
      ],
    };
    const plain = await answer(link.token, body);
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toEqual({ ok: true });
    expect(plain.headers['set-cookie']).toBeUndefined();
    // A staff member's browser answering: the session is not even read, and no CSRF token is needed.
    const fromStaff = await answer(link.token, body, {
      cookie: manager.cookie,
      host: 'stegvis.test',
      origin: 'http://stegvis.test',
    });
    expect(fromStaff.statusCode, fromStaff.body).toBe(201);
    expect(fromStaff.headers['set-cookie']).toBeUndefined();
    const foreignOrigin = await answer(link.token, body, { origin: 'https://evil.example' });
    expect(foreignOrigin.statusCode).toBe(403);
    expect(await logged()).toBe(before);

    const columns = async (table: string) =>
      (
        await queryRows<{ column_name: string }>(
          t.db,
          sql`select column_name from information_schema.columns
              where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
        )
      ).map((c) => c.column_name);
    expect(await columns('survey_responses')).toEqual([
      'id',
      'survey_id',
      'link_id',
      'language',
      'submitted_on',
    ]);
    expect(await columns('survey_answers')).toEqual([
      'id',
      'response_id',
      'question_id',
      'scale',
      'yes',
      'text',
    ]);
    const stored = await queryRows<Record<string, unknown>>(
      t.db,
      sql`select r.*, a.scale, a.yes, a.text from survey_responses r
          join survey_answers a on a.response_id = r.id where r.link_id = ${link.id} order by a.scale, a.yes`,
    );
    expect(stored).toHaveLength(6);
    for (const row of stored) {
      expect(row).toMatchObject({ survey_id: survey.id, link_id: link.id, language: 'en' });
      expect(String(row.submitted_on)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(stored.map((r) => r.text).filter(Boolean)).toEqual([
      'More practice, please.',
      'More practice, please.',
    ]);
  });
});

describe('results', () => {
  it('counts each question’s answers, through all links or one group, as the test computes them', async () => {
    const { survey, link, group } = await openSurveyWithLink();
    const second = await openSecondLink(survey.id);
    const [scale, yesNo, free] = survey.questions;
    // Through the first link: 30 answers; through the second: 10 more.
    const first = Array.from({ length: 30 }, (_, i) => ({
      scale: i === 0 ? 4 : 5,
      yes: i % 5 !== 0,
      text: i % 10 === 0 ? `Svar ${String.fromCharCode(90 - i / 10)}` : undefined,
    }));
    const later = Array.from({ length: 10 }, (_, i) => ({ scale: (i % 5) + 1, yes: i < 3, text: undefined }));
    for (const [token, rows] of [
      [link.token, first],
      [second.token, later],
    ] as const) {
      for (const r of rows) {
        const response = await answer(token, {
          language: 'sv',
          answers: [
            { questionId: scale?.id, scale: r.scale },
            { questionId: yesNo?.id, yes: r.yes },
            ...(r.text ? [{ questionId: free?.id, text: r.text }] : []),
          ],
        });
        expect(response.statusCode).toBe(201);
      }
    }

    const expected = (rows: readonly { scale: number; yes: boolean; text?: string | undefined }[]) => {
      const counts = [1, 2, 3, 4, 5].map((v) => rows.filter((r) => r.scale === v).length);
      const sum = rows.reduce((s, r) => s + r.scale, 0);
      const yes = rows.filter((r) => r.yes).length;
      const pct = (n: number, d: number) => Math.round((n * 1000) / d) / 10;
      const satisfied = rows.filter((r) => r.scale >= 4).length;
      const very = rows.filter((r) => r.scale === 5).length;
      return {
        responseCount: rows.length,
        scale: {
          counts,
          mean: Math.round((sum * 100) / rows.length) / 100,
          satisfied: { numerator: satisfied, denominator: rows.length, percent: pct(satisfied, rows.length) },
          verySatisfied: { numerator: very, denominator: rows.length, percent: pct(very, rows.length) },
        },
        yes: { numerator: yes, denominator: rows.length, percent: pct(yes, rows.length) },
        texts: rows.flatMap((r) => (r.text ? [r.text] : [])).sort(),
      };
    };
    const check = (results: SurveyResults, rows: Parameters<typeof expected>[0]) => {
      const want = expected(rows);
      expect(results.responseCount).toBe(want.responseCount);
      expect(results.questions[0]?.scale).toEqual(want.scale);
      expect(results.questions[1]?.yesNo?.yes).toEqual(want.yes);
      expect(results.questions[2]?.freeTexts).toEqual(want.texts);
    };

    const all = await liaison.get(`/api/surveys/${survey.id}/results`);
    expect(all.statusCode).toBe(200);
    check(all.json(), [...first, ...later]);
    const firstOnly = (await liaison.get(`/api/surveys/${survey.id}/results?linkId=${link.id}`)).json();
    check(firstOnly, first);
    // As in the article: 29 of 30 very satisfied (96.7 %), 24 of 30 know better what a job takes (80 %).
    expect(firstOnly.questions[0].scale.verySatisfied).toEqual({
      numerator: 29,
      denominator: 30,
      percent: 96.7,
    });
    expect(firstOnly.questions[1].yesNo.yes).toEqual({ numerator: 24, denominator: 30, percent: 80 });
    check((await liaison.get(`/api/surveys/${survey.id}/results?groupId=${group.id}`)).json(), first);
    check((await liaison.get(`/api/surveys/${survey.id}/results?groupId=${second.groupId}`)).json(), later);

    const links = (await world.caseworker.get(`/api/surveys/${survey.id}/links`)).json()
      .items as SurveyLink[];
    expect(links.find((l) => l.id === link.id)?.responseCount).toBe(30);
    expect((await manager.get(`/api/surveys/${survey.id}`)).json().responseCount).toBe(40);
  });

  it('gives the results as CSV and XLSX for Excel', async () => {
    const { survey, link } = await openSurveyWithLink();
    const [scale, yesNo, free] = survey.questions;
    for (const [value, yes, text] of [
      [5, true, '=HYPERLINK("x")'],
      [3, false, undefined],
      [4, true, undefined],
      [4, true, undefined],
      [4, false, undefined],
    ] as const) {
      const response = await answer(link.token, {
        language: 'sv',
        answers: [
          { questionId: scale?.id, scale: value },
          { questionId: yesNo?.id, yes },
          ...(text ? [{ questionId: free?.id, text }] : []),
        ],
      });
      expect(response.statusCode).toBe(201);
    }
    const csv = await liaison.get(`/api/surveys/${survey.id}/results?format=csv&linkId=${link.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="enkat-[0-9a-f]{8}\.csv"$/);
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('"Fråga";"Frågetext";"Typ";"Svar";"Antal";"Andel (%)"');
    expect(lines).toContain('1;"Hur nöjd är du?";"Skala 1–5";"3";1;20');
    expect(lines).toContain('1;"Hur nöjd är du?";"Skala 1–5";"4";3;60');
    expect(lines).toContain('1;"Hur nöjd är du?";"Skala 1–5";"Mycket nöjda (5)";1;20');
    expect(lines).toContain('1;"Hur nöjd är du?";"Skala 1–5";"Medelvärde";4;');
    expect(lines).toContain('2;"Vet du mer om jobb nu?";"Ja eller nej";"Ja";3;60');
    // A formula typed as an answer stays text in Excel.
    expect(lines).toContain(`3;"Vad kan bli bättre?";"Fritext";"'=HYPERLINK(""x"")";;`);
    const xlsx = await liaison.get(`/api/surveys/${survey.id}/results?format=xlsx`);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('withholds the results of fewer than five answers, in the page and the files', async () => {
    const { survey, link } = await openSurveyWithLink();
    const second = await openSecondLink(survey.id);
    const [scale, yesNo] = survey.questions;
    const answerThrough = async (token: string, value: number) => {
      const response = await answer(token, {
        language: 'sv',
        answers: [
          { questionId: scale?.id, scale: value },
          { questionId: yesNo?.id, yes: value > 3 },
        ],
      });
      expect(response.statusCode).toBe(201);
    };
    for (const value of [5, 4, 2, 5]) await answerThrough(link.token, value);
    const results = async (query = '') =>
      (await liaison.get(`/api/surveys/${survey.id}/results${query}`)).json() as SurveyResults;
    // Four answers: how many is said, nothing of what they were.
    expect(await results()).toMatchObject({ responseCount: 4, withheld: true, questions: [] });
    for (const format of ['csv', 'xlsx']) {
      const file = await liaison.get(`/api/surveys/${survey.id}/results?format=${format}`);
      expect(file.statusCode).toBe(409);
      expect(file.json().error.code).toBe('TOO_FEW_ANSWERS');
    }
    // The fifth answer, through another group's link: the whole survey shows, each small group still does not.
    await answerThrough(second.token, 3);
    const all = await results();
    expect(all.withheld).toBe(false);
    expect(all.questions[0]?.scale?.counts).toEqual([0, 1, 1, 1, 2]);
    expect(await results(`?linkId=${link.id}`)).toMatchObject({
      responseCount: 4,
      withheld: true,
      questions: [],
    });
    expect(await results(`?groupId=${second.groupId}`)).toMatchObject({ responseCount: 1, withheld: true });
    expect((await liaison.get(`/api/surveys/${survey.id}/results?format=csv`)).statusCode).toBe(200);
  });

  it('is for those who may read results at the programme’s centres: 401, 403, 404, 400', async () => {
    const { survey, link } = await openSurveyWithLink();
    expect((await t.app.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results` })).statusCode).toBe(
      401,
    );
    expect((await outsider.get(`/api/surveys/${survey.id}/results`)).statusCode).toBe(403);
    expect((await manager.get(`/api/surveys/${missing}/results`)).statusCode).toBe(404);
    const hidden = await world.otherCaseworker.get(`/api/surveys/${survey.id}/results?linkId=${link.id}`);
    expect(hidden.json().error.fields[0]).toMatchObject({ field: 'linkId', code: 'not_found' });
    const bad = await liaison.get(`/api/surveys/${survey.id}/results?groupId=nope`);
    expect(bad.json().error.fields[0].field).toBe('groupId');
  });
});

/** A second link for another group at the world's centre. */
async function openSecondLink(surveyId: string) {
  const { group } = await createGroup(t.db, world);
  const response = await world.caseworker.post(`/api/surveys/${surveyId}/links`, { groupId: group.id });
  return response.json() as SurveyLink;
}
