import type { IsoDate } from './dates.ts';
import type { FunderReportCheckMode, LabourMarketStatus, LegalGender } from './enums.ts';
import type { AgeBand, DataProblemCode, EducationBand, MonthStatus } from './schemas/funder-report.schema.ts';

// The rules of the funder's reports (ESF): the bands the common indicators count by, the masked number Statistics
// Sweden asks for a protected person, the state of each monthly file and what the check before export finds.
// Where SQL needs a rule (the indicators are counted in SQL) it is data here that the query is built from.

/**
 * The ESF's age bands by age in whole years at the start of the enrolment: under 25, 25–54, over 54. A band holds
 * the ages below `below`; the last band holds the rest.
 */
export const ageBandLimits = [
  { band: 'under_25', below: 25 },
  { band: 'from_25_to_54', below: 55 },
] as const satisfies readonly { band: AgeBand; below: number }[];
export const oldestAgeBand: AgeBand = 'over_54';

/** Age in whole years on a day (the birthday reached on the day counts; born 29 February: from 1 March). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageBandAt(birthDate: IsoDate | null, startsOn: IsoDate): AgeBand {
  if (!birthDate) return 'unknown';
  const age = ageOn(birthDate, startsOn);
  return ageBandLimits.find((l) => age < l.below)?.band ?? oldestAgeBand;
}

/**
 * Education by ISCED 2011 bands from a SUN 2020 level code (SCB's key between SUN 2020 and ISCED 2011):
 * - first digit 0, 1, 2 (pre-school, compulsory school) → ISCED 0–2;
 * - 3 (upper secondary) and 4 (post-secondary shorter than two years) → ISCED 3–4,
 *   except 412 and 417, university studies shorter than two years (högskoleutbildning) → ISCED 5–8;
 * - 5 (post-secondary two years or more) and 6 (research studies) → ISCED 5–8;
 * - no code → unknown.
 */
export const educationBandByFirstDigit: Readonly<Record<string, EducationBand>> = {
  '0': 'isced_0_2',
  '1': 'isced_0_2',
  '2': 'isced_0_2',
  '3': 'isced_3_4',
  '4': 'isced_3_4',
  '5': 'isced_5_8',
  '6': 'isced_5_8',
};
/** SUN codes whose band is not their first digit's. */
export const educationBandExceptions: Readonly<Record<string, EducationBand>> = {
  '412': 'isced_5_8',
  '417': 'isced_5_8',
};

export function educationBandOf(sunCode: string | null): EducationBand {
  if (!sunCode) return 'unknown';
  return educationBandExceptions[sunCode] ?? educationBandByFirstDigit[sunCode.charAt(0)] ?? 'unknown';
}

/**
 * The number Statistics Sweden asks for instead of a protected person's identity number: the birth date
 * YYYYMMDD and TF29 for a woman, TF19 for a man. Null when the birth date or the legal gender is unknown.
 */
export function maskedIdentityNumber(birthDate: IsoDate | null, legalGender: LegalGender): string | null {
  if (!birthDate || legalGender === 'unknown') return null;
  return `${birthDate.replaceAll('-', '')}${legalGender === 'female' ? 'TF29' : 'TF19'}`;
}

/** The identity number as the monthly file gives it: masked for a protected person, else the 12 digits. */
export function reportedIdentityNumber(person: {
  personalIdentityNumber: string | null;
  protectedIdentity: boolean;
  birthDate: IsoDate | null;
  legalGender: LegalGender;
}): { identityNumber: string | null; masked: boolean } {
  if (person.protectedIdentity)
    return { identityNumber: maskedIdentityNumber(person.birthDate, person.legalGender), masked: true };
  return { identityNumber: person.personalIdentityNumber, masked: false };
}

/** What the check before export needs to know of one participant's enrolment in a report. */
export type CheckedEnrolment = {
  personalIdentityNumber: string | null;
  birthDate: IsoDate | null;
  legalGender: LegalGender;
  educationLevelCode: string | null;
  labourMarketStatus: LabourMarketStatus | null;
  hasFunderReportingConsent: boolean;
  startsOn: IsoDate;
  exitedOn: IsoDate | null;
};

/** The problems of one enrolment in a report, in the order of `dataProblemCodes`. */
export function dataProblems(
  e: CheckedEnrolment,
  programme: { startsOn: IsoDate; endsOn: IsoDate },
): DataProblemCode[] {
  const problems: DataProblemCode[] = [];
  if (!e.personalIdentityNumber) problems.push('no_personal_identity_number');
  if (!e.birthDate) problems.push('no_birth_date');
  if (e.legalGender === 'unknown') problems.push('unknown_legal_gender');
  if (!e.educationLevelCode) problems.push('no_education_level');
  if (!e.labourMarketStatus) problems.push('no_labour_market_status');
  if (!e.hasFunderReportingConsent) problems.push('no_funder_reporting_consent');
  if (e.startsOn < programme.startsOn || e.startsOn > programme.endsOn)
    problems.push('start_outside_programme');
  if (e.exitedOn && e.exitedOn > programme.endsOn) problems.push('exit_outside_programme');
  return problems;
}

/** Exports are refused while problems remain, if the programme says so. */
export function exportBlocked(mode: FunderReportCheckMode, problemCount: number): boolean {
  return mode === 'refuse' && problemCount > 0;
}

/** One month of the monthly file as the state rule sees it. */
export type MonthState = {
  month: string;
  /** The fingerprint of the month's rows now. */
  fingerprint: string;
  /** The month's last submission, if any; `at` orders submissions (an ISO timestamp or any sortable key). */
  lastSubmission: { fingerprint: string; at: string } | null;
};

/**
 * The state of each month towards Statistics Sweden, months in calendar order, `currentMonth` the month of today
 * (YYYY-MM). A month not yet ended is `not_due`; one never sent `not_submitted`; one sent whose rows have changed
 * since is `changed` (a correction, until it is sent again). Statistics Sweden's rule — if earlier files must be
 * adjusted, the files of all later months must be read in again — makes a sent, unchanged month `resubmit` while
 * an earlier month is `changed` or was sent after it; `becauseOf` names the earliest such month.
 */
export function monthStatuses(
  months: readonly MonthState[],
  currentMonth: string,
): { month: string; status: MonthStatus; becauseOf: string | null }[] {
  const changed = (m: MonthState) =>
    m.lastSubmission !== null && m.lastSubmission.fingerprint !== m.fingerprint;
  return months.map((m, index) => {
    const plain = (status: MonthStatus) => ({ month: m.month, status, becauseOf: null });
    if (m.month >= currentMonth) return plain('not_due');
    const last = m.lastSubmission;
    if (!last) return plain('not_submitted');
    if (changed(m)) return plain('changed');
    const cause = months
      .slice(0, index)
      .find((earlier) => changed(earlier) || (earlier.lastSubmission && earlier.lastSubmission.at > last.at));
    return cause ? { month: m.month, status: 'resubmit', becauseOf: cause.month } : plain('submitted');
  });
}

/** Attended minutes as hours with two decimals. */
export function hoursOf(minutes: number): number {
  // minutes × 100 / 60 is never exactly half-way between two whole numbers, so rounding is exact.
  return Math.round((minutes * 5) / 3) / 100;
}

/**
 * Attended minutes times an hourly rate in SEK (two decimals), rounded once to whole öre, a half up. Exact in
 * integers (BigInt), whatever the size of the sums.
 */
export function cofinancingAmount(minutes: number, hourlyRate: number | null): number | null {
  if (hourlyRate === null) return null;
  const rateInOre = BigInt(Math.round(hourlyRate * 100));
  const ore = (2n * BigInt(minutes) * rateInOre + 60n) / 120n;
  return Number(ore) / 100;
}
