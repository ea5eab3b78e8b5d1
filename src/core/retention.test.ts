import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { ageBandAt } from './funder-report.ts';
import {
  addYears,
  expiryOf,
  generalisedBirthDate,
  hasExpired,
  neverEnrolledRetentionYears,
  type RetentionFacts,
} from './retention.ts';

const esf = 'programme-esf';
const other = 'programme-other';

function facts(overrides: Partial<RetentionFacts> = {}): RetentionFacts {
  return { registeredOn: '2018-01-10', enrolments: [], referrals: [], ...overrides };
}

describe('expiryOf', () => {
  it('keeps an ended enrolment for the programme’s period after the exit', () => {
    const person = facts({
      enrolments: [{ programmeId: esf, exitedOn: '2019-06-30', retentionYears: 5, holdUntil: null }],
    });
    expect(expiryOf(person)).toEqual({ on: '2024-06-30', rule: 'enrolment_exit', programmeId: esf });
    expect(hasExpired(person, '2024-06-29')).toBeNull();
    expect(hasExpired(person, '2024-06-30')).toEqual({
      on: '2024-06-30',
      rule: 'enrolment_exit',
      programmeId: esf,
    });
  });

  it('holds everything until the funder’s audit date when that comes later', () => {
    const person = facts({
      enrolments: [{ programmeId: esf, exitedOn: '2019-06-30', retentionYears: 5, holdUntil: '2031-12-31' }],
    });
    expect(expiryOf(person)?.on).toBe('2031-12-31');
    expect(hasExpired(person, '2030-01-01')).toBeNull();
  });

  it('waits for the latest of several enrolments, in programmes with different rules', () => {
    const person = facts({
      enrolments: [
        { programmeId: esf, exitedOn: '2019-06-30', retentionYears: 10, holdUntil: null },
        { programmeId: other, exitedOn: '2021-03-01', retentionYears: 3, holdUntil: null },
      ],
    });
    expect(expiryOf(person)).toEqual({ on: '2029-06-30', rule: 'enrolment_exit', programmeId: esf });
  });

  it('never expires while an enrolment or a referral is open', () => {
    const open = facts({
      enrolments: [
        { programmeId: esf, exitedOn: '2010-01-01', retentionYears: 1, holdUntil: null },
        { programmeId: other, exitedOn: null, retentionYears: 1, holdUntil: null },
      ],
    });
    expect(expiryOf(open)).toBeNull();
    const referred = facts({
      referrals: [{ programmeId: esf, referredOn: '2010-01-01', open: true, holdUntil: null }],
    });
    expect(hasExpired(referred, '2099-01-01')).toBeNull();
  });

  it('keeps someone never enrolled two years after the last referral, or after registration', () => {
    const declined = facts({
      registeredOn: '2020-02-01',
      referrals: [
        { programmeId: esf, referredOn: '2020-02-01', open: false, holdUntil: null },
        { programmeId: other, referredOn: '2021-05-17', open: false, holdUntil: null },
      ],
    });
    expect(expiryOf(declined)).toEqual({ on: '2023-05-17', rule: 'referral', programmeId: other });
    expect(expiryOf(facts({ registeredOn: '2020-02-29' }))).toEqual({
      on: '2022-02-28',
      rule: 'registration',
      programmeId: null,
    });
  });

  const date = fc.integer({ min: 0, max: 365 * 40 }).map((days) => addDays('2000-01-01', days));
  const enrolment = fc.record({
    programmeId: fc.constantFrom(esf, other),
    exitedOn: fc.option(date, { nil: null, freq: 4 }),
    retentionYears: fc.integer({ min: 1, max: 12 }),
    holdUntil: fc.option(date, { nil: null }),
  });
  const referral = fc.record({
    programmeId: fc.constantFrom(esf, other),
    referredOn: date,
    open: fc.boolean(),
    holdUntil: fc.option(date, { nil: null }),
  });
  const anyFacts = fc.record({
    registeredOn: date,
    enrolments: fc.array(enrolment, { maxLength: 4 }),
    referrals: fc.array(referral, { maxLength: 3 }),
  });

  it('never expires before every exit plus its period, every hold date and every referral’s period', () => {
    fc.assert(
      fc.property(anyFacts, date, (person, today) => {
        const expired = hasExpired(person, today);
        if (!expired) return;
        expect(expired.on <= today).toBe(true);
        expect(addYears(person.registeredOn, neverEnrolledRetentionYears) <= today).toBe(true);
        for (const e of person.enrolments) {
          expect(e.exitedOn).not.toBeNull();
          expect(addYears(e.exitedOn as string, e.retentionYears) <= today).toBe(true);
          if (e.holdUntil) expect(e.holdUntil <= today).toBe(true);
        }
        for (const r of person.referrals) {
          expect(r.open).toBe(false);
          expect(addYears(r.referredOn, neverEnrolledRetentionYears) <= today).toBe(true);
          if (r.holdUntil) expect(r.holdUntil <= today).toBe(true);
        }
      }),
    );
  });

  it('expires, once nothing is open, on the day of the latest of those dates and stays expired', () => {
    fc.assert(
      fc.property(anyFacts, (person) => {
        const expiry = expiryOf(person);
        const anyOpen =
          person.enrolments.some((e) => e.exitedOn === null) || person.referrals.some((r) => r.open);
        expect(expiry === null).toBe(anyOpen);
        if (!expiry) return;
        expect(hasExpired(person, addDays(expiry.on, -1))).toBeNull();
        expect(hasExpired(person, expiry.on)).toEqual(expiry);
        expect(hasExpired(person, addDays(expiry.on, 4000))).toEqual(expiry);
      }),
    );
  });
});

describe('generalisedBirthDate', () => {
  it('keeps only the year when the age bands allow', () => {
    expect(generalisedBirthDate('1990-06-15', ['2016-03-01'])).toBe('1990-01-01');
    expect(generalisedBirthDate(null, ['2016-03-01'])).toBeNull();
  });

  it('keeps the month, or the date, when the year alone would change an age band', () => {
    // 24 on 2015-06-01 (under 25); born 1 January the same year they would be 25.
    expect(generalisedBirthDate('1990-12-20', ['2015-06-01'])).toBe('1990-12-31');
    // 24 at one start and 25 at the other, the same year: neither 1 January nor 31 December fits.
    expect(generalisedBirthDate('1990-06-15', ['2015-03-01', '2015-07-01'])).toBe('1990-06-01');
    // Started in the birthday month, the day before turning 25.
    expect(generalisedBirthDate('1990-06-15', ['2015-06-14', '2015-07-01'])).toBe('1990-06-15');
  });

  it('never changes the age band at any enrolment start, and keeps the birth year', () => {
    const date = (from: string, days: number) =>
      fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));
    fc.assert(
      fc.property(
        date('1950-01-01', 365 * 55),
        fc.array(date('2005-01-01', 365 * 30), { maxLength: 4 }),
        (birth, starts) => {
          const general = generalisedBirthDate(birth, starts);
          expect(general?.slice(0, 4)).toBe(birth.slice(0, 4));
          for (const start of starts) expect(ageBandAt(general, start)).toBe(ageBandAt(birth, start));
        },
      ),
    );
  });
});
