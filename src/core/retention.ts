import { addYears as addYearsToDate, format, parseISO } from 'date-fns';
import type { IsoDate } from './dates.ts';
import type { RetentionRule } from './enums.ts';
import { ageBandAt } from './funder-report.ts';

// Retention (gallring): when a participant's data has been kept long enough to be anonymised. The rule is pure
// here; the job (server/features/retention) gathers the dates and anonymises whoever this says has expired.

/** What free text about an anonymised participant becomes (the journal's and plan history's triggers allow it). */
export const redactedText = '[anonymiserad]';

/** The name an anonymised participant is listed by. */
export const anonymisedName = { firstName: 'Anonymiserad', lastName: 'deltagare' } as const;

/** A programme's retention period after an exit when nothing else is set: five years. */
export const defaultRetentionYears = 5;
export const minRetentionYears = 1;
export const maxRetentionYears = 50;

/**
 * The installation's period for people never enrolled (a referral declined or withdrawn, or someone only
 * registered): their data is kept two years after the last referral date, or the registration date.
 */
export const neverEnrolledRetentionYears = 2;

/** The retention settings of a programme. `holdUntil`: the funder's audit date; nothing is anonymised before it. */
export type RetentionSettings = { retentionYears: number; holdUntil: IsoDate | null };

export type RetentionFacts = {
  /** The day the participant was registered. */
  registeredOn: IsoDate;
  enrolments: readonly ({ programmeId: string; exitedOn: IsoDate | null } & RetentionSettings)[];
  referrals: readonly {
    programmeId: string;
    referredOn: IsoDate;
    open: boolean;
    holdUntil: IsoDate | null;
  }[];
};

export type Expiry = { on: IsoDate; rule: RetentionRule; programmeId: string | null };

/** The date plus whole years; 29 February plus a year is 28 February. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return format(addYearsToDate(parseISO(date), years), 'yyyy-MM-dd');
}

const later = (a: IsoDate, b: IsoDate | null): IsoDate => (b !== null && b > a ? b : a);

/**
 * The day a participant's data expires, and the record that decides it; null while an enrolment or a referral
 * is still open (an open one never expires). Every record keeps the data until its own date, and the latest
 * decides:
 * - an enrolment: its exit date plus its programme's retention period, and not before the programme's hold date;
 * - a referral: its date plus `neverEnrolledRetentionYears`, and not before its programme's hold date;
 * - the registration: its date plus `neverEnrolledRetentionYears` (someone with no referral or enrolment at all).
 */
export function expiryOf(facts: RetentionFacts): Expiry | null {
  if (facts.enrolments.some((e) => e.exitedOn === null)) return null;
  if (facts.referrals.some((r) => r.open)) return null;
  let expiry: Expiry = {
    on: addYears(facts.registeredOn, neverEnrolledRetentionYears),
    rule: 'registration',
    programmeId: null,
  };
  const consider = (candidate: Expiry) => {
    if (candidate.on > expiry.on || (candidate.on === expiry.on && expiry.rule !== 'enrolment_exit'))
      expiry = candidate;
  };
  for (const r of facts.referrals)
    consider({
      on: later(addYears(r.referredOn, neverEnrolledRetentionYears), r.holdUntil),
      rule: 'referral',
      programmeId: r.programmeId,
    });
  for (const e of facts.enrolments)
    consider({
      on: later(addYears(e.exitedOn as IsoDate, e.retentionYears), e.holdUntil),
      rule: 'enrolment_exit',
      programmeId: e.programmeId,
    });
  return expiry;
}

/** Whether the participant's data has expired on `today`: anonymised from the expiry day on. */
export function hasExpired(facts: RetentionFacts, today: IsoDate): Expiry | null {
  const expiry = expiryOf(facts);
  return expiry !== null && expiry.on <= today ? expiry : null;
}

/**
 * The birth date an anonymised participant keeps: as coarse as the funder's age bands allow. The year only
 * (1 January or 31 December of it) when the age band at every enrolment start stays the same, else the month
 * (its first day), else — someone who started in their birthday month, just before the birthday that would
 * change their band — the date itself, so the common indicators count exactly as before.
 */
export function generalisedBirthDate(
  birthDate: IsoDate | null,
  startDates: readonly IsoDate[],
): IsoDate | null {
  if (birthDate === null) return null;
  const year = birthDate.slice(0, 4);
  const candidates = [`${year}-01-01`, `${year}-12-31`, `${birthDate.slice(0, 7)}-01`];
  return (
    candidates.find((candidate) =>
      startDates.every((start) => ageBandAt(candidate, start) === ageBandAt(birthDate, start)),
    ) ?? birthDate
  );
}
