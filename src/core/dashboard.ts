import type { IsoDate } from './dates.ts';
import {
  type ExitOutcome,
  type FollowUpStatus,
  followUpStatuses,
  type LegalGender,
  type TargetGroupKind,
} from './enums.ts';
import { workOrStudiesFollowUpStatuses } from './goal-figure.ts';

/**
 * Exits that count as work or studies at exit: every kind of work (subsidised included), of studies, and own
 * business, as at follow-up (`workOrStudiesFollowUpStatuses`).
 */
export const workOrStudiesExitOutcomes = [
  'work_permanent',
  'work_fixed_term',
  'work_subsidised',
  'studies_adult_education',
  'studies_folk_high_school',
  'studies_university',
  'studies_vocational',
  'own_business',
] as const satisfies readonly ExitOutcome[];

/** A follow-up by its recorded status, or `pending`: due (or not yet due) and not recorded. */
export const followUpFilterValues = [...followUpStatuses, 'pending'] as const;
export type FollowUpFilterValue = (typeof followUpFilterValues)[number];

/**
 * What the participant list can be narrowed to: people (by legal gender, municipality of residence) with an
 * enrolment that meets every other condition given. The dashboard counts with exactly these conditions, so a
 * figure and the list behind it cannot disagree.
 */
export type EnrolmentFilter = {
  programmeId?: string;
  /** The centre of the enrolment (the participant's own centre is the list's `centreId`). */
  enrolmentCentreId?: string;
  targetGroup?: TargetGroupKind;
  /** The participant's municipality of residence (kommunkod). */
  municipalityCode?: string;
  legalGender?: LegalGender;
  /** Enrolled on that day: started on or before it, not exited before or on it. */
  activeOn?: IsoDate;
  /** In that step on `activeOn` (or, without it, in it now: the step not ended). */
  stepId?: string;
  enrolledFrom?: IsoDate;
  enrolledTo?: IsoDate;
  exitedFrom?: IsoDate;
  exitedTo?: IsoDate;
  outcome?: readonly ExitOutcome[];
  followUp?: readonly FollowUpFilterValue[];
};

/** The keys of `EnrolmentFilter`, in the order the list shows them. */
export const enrolmentFilterKeys = [
  'programmeId',
  'enrolmentCentreId',
  'targetGroup',
  'municipalityCode',
  'legalGender',
  'activeOn',
  'stepId',
  'enrolledFrom',
  'enrolledTo',
  'exitedFrom',
  'exitedTo',
  'outcome',
  'followUp',
] as const satisfies readonly (keyof EnrolmentFilter)[];

/** The dashboard's selection: one programme, a period and optionally a centre, a municipality, a target group. */
export type DashboardScope = {
  programmeId: string;
  from: IsoDate;
  to: IsoDate;
  centreId: string | null;
  municipality: string | null;
  targetGroup: TargetGroupKind | null;
};

/** One figure of the dashboard; with a legal gender, the women's (men's…) part of it. */
export type DashboardFigure =
  | { kind: 'cohort' }
  | { kind: 'enrolled' }
  | { kind: 'active'; stepId?: string; centreId?: string; targetGroup?: TargetGroupKind }
  | { kind: 'exited'; outcome?: ExitOutcome }
  | { kind: 'exitedToWorkOrStudies' }
  | { kind: 'followedUp' }
  | { kind: 'followedUpInWorkOrStudies' }
  | { kind: 'followUpPending' }
  | { kind: 'enrolledInMonth'; month: string }
  | { kind: 'exitedInMonth'; month: string };

const recordedFollowUpStatuses: readonly FollowUpStatus[] = followUpStatuses;

/**
 * The conditions of a figure: the scope's, plus the figure's own. The dashboard's SQL is built from these and
 * the figure's link to the participant list carries the same, so both count the same people.
 */
export function figureFilter(
  scope: DashboardScope,
  figure: DashboardFigure,
  legalGender?: LegalGender,
): EnrolmentFilter {
  const filter: EnrolmentFilter = { programmeId: scope.programmeId };
  if (scope.centreId) filter.enrolmentCentreId = scope.centreId;
  if (scope.targetGroup) filter.targetGroup = scope.targetGroup;
  if (scope.municipality) filter.municipalityCode = scope.municipality;
  if (legalGender) filter.legalGender = legalGender;
  const exited = { exitedFrom: scope.from, exitedTo: scope.to };
  switch (figure.kind) {
    case 'cohort':
      return filter;
    case 'enrolled':
      return { ...filter, enrolledFrom: scope.from, enrolledTo: scope.to };
    case 'active':
      return {
        ...filter,
        ...(figure.centreId ? { enrolmentCentreId: figure.centreId } : {}),
        ...(figure.targetGroup ? { targetGroup: figure.targetGroup } : {}),
        activeOn: scope.to,
        ...(figure.stepId ? { stepId: figure.stepId } : {}),
      };
    case 'exited':
      return { ...filter, ...exited, ...(figure.outcome ? { outcome: [figure.outcome] } : {}) };
    case 'exitedToWorkOrStudies':
      return { ...filter, ...exited, outcome: workOrStudiesExitOutcomes };
    case 'followedUp':
      return { ...filter, ...exited, followUp: recordedFollowUpStatuses };
    case 'followedUpInWorkOrStudies':
      return { ...filter, ...exited, followUp: workOrStudiesFollowUpStatuses };
    case 'followUpPending':
      return { ...filter, ...exited, followUp: ['pending'] };
    case 'enrolledInMonth': {
      const period = monthWithin(figure.month, scope);
      return { ...filter, enrolledFrom: period.from, enrolledTo: period.to };
    }
    case 'exitedInMonth': {
      const period = monthWithin(figure.month, scope);
      return { ...filter, exitedFrom: period.from, exitedTo: period.to };
    }
  }
}

/** A count split by legal gender; `total` is their sum. */
export type GenderCounts = Record<LegalGender | 'total', number>;

export const emptyCounts = (): GenderCounts => ({ female: 0, male: 0, unknown: 0, total: 0 });

/** A part of a whole, with the share in per cent (one decimal); null when the whole is 0. */
export type Share = { numerator: number; denominator: number; percent: number | null };

export function share(numerator: number, denominator: number): Share {
  // Integers first, so 1/8 is 12.5 and not 12.499999….
  const percent = denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10;
  return { numerator, denominator, percent };
}

/** Compared exactly, not on the rounded share: 54.96 % does not reach a 55 % goal. */
export function reachesGoal(part: Share, goalPercent: number): boolean {
  return part.denominator > 0 && part.numerator * 100 >= goalPercent * part.denominator;
}

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The calendar months from `from` to `to` (YYYY-MM), each with its days inside the period. */
export function monthsOf(period: {
  from: IsoDate;
  to: IsoDate;
}): { month: string; from: IsoDate; to: IsoDate }[] {
  const months: { month: string; from: IsoDate; to: IsoDate }[] = [];
  let month = period.from.slice(0, 7);
  // Counted, not compared as text: after 9999-12 comes 10000-01, which sorts before it.
  for (let n = monthCount(period); n > 0; n--) {
    months.push({ month, ...monthWithin(month, period) });
    month = nextMonth(month);
  }
  return months;
}

/** How many calendar months the period touches. */
export function monthCount(period: { from: IsoDate; to: IsoDate }): number {
  const [fy, fm] = period.from.split('-').map(Number);
  const [ty, tm] = period.to.split('-').map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0)) + 1;
}

function monthWithin(month: string, period: { from: IsoDate; to: IsoDate }): { from: IsoDate; to: IsoDate } {
  const first = `${month}-01`;
  const end = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  return { from: first < period.from ? period.from : first, to: end > period.to ? period.to : end };
}

function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, m ?? 1, 0)).getUTCDate();
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const y = year ?? 1970;
  const n = m ?? 1;
  return n === 12
    ? `${String(y + 1).padStart(4, '0')}-01`
    : `${String(y).padStart(4, '0')}-${String(n + 1).padStart(2, '0')}`;
}

/** The filter as the participant list's query parameters (lists comma-separated), in `enrolmentFilterKeys` order. */
export function enrolmentFilterParams(filter: EnrolmentFilter): [keyof EnrolmentFilter, string][] {
  return enrolmentFilterKeys.flatMap((key): [keyof EnrolmentFilter, string][] => {
    const value = filter[key];
    if (value === undefined) return [];
    return [[key, typeof value === 'string' ? value : value.join(',')]];
  });
}
