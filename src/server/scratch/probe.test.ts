import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consentToParticipation, createWorld, personInput, referParticipant } from '../test/factories.ts';
import { createTestApp, type TestContext } from '../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('probes', async () => {
  const w = await createWorld(t.app, t.db);
  const base = {
    programmeId: w.programme.programme.id,
    centreId: w.centre.id,
    referringOfficer: 'X',
    referringOffice: null,
    referredOn: '2026-11-02',
    basis: 'establishment_programme',
    note: null,
  };
  for (const p of [
    { firstName: 'A\u0000b' },
    { educationLevelCode: '999' },
    { municipalityCode: '9999' },
    { firstName: '\ud800x' },
  ]) {
    const r = await w.caseworker.post('/api/referrals', { ...base, participant: personInput(p) });
    console.log(JSON.stringify(p), r.statusCode, r.body.slice(0, 200));
  }
  const ref = await referParticipant(w.caseworker, w);
  await consentToParticipation(w.caseworker, ref.participantId);
  const e = await w.caseworker.post(`/api/participants/${ref.participantId}/enrolments`, {
    programmeId: w.programme.programme.id,
    centreId: w.centre.id,
    startsOn: '2026-11-10',
    referralId: randomUUID(),
  });
  console.log('enrol random referral', e.statusCode, e.body.slice(0, 200));
  const q = await w.caseworker.get(`/api/participants?q=${encodeURIComponent('a\\')}`);
  console.log('q', q.statusCode);
  const q2 = await w.caseworker.get(`/api/participants?q=${encodeURIComponent('a\u0000')}`);
  console.log('q nul', q2.statusCode, q2.body.slice(0, 200));
  const r3 = await w.caseworker.post(`/api/referrals/import`, {
    programmeId: w.programme.programme.id,
    centreId: w.centre.id,
    csv: 'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Grund\n"abc',
  });
  console.log('csv', r3.statusCode, r3.body.slice(0, 300));
  expect(1).toBe(1);
});
