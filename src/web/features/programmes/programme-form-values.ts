import type { FunderReportCheckMode, TargetGroupKind } from '../../../core/enums.ts';
import { defaultRetentionYears } from '../../../core/retention.ts';
import type { Programme, ProgrammeInput, ProgrammeUpdate } from '../../../core/schemas/programme.schema.ts';

// What the programme form holds: text as typed, and a key per row so React keeps rows apart while they move.

export type TargetGroupValues = {
  key: string;
  id?: string | undefined;
  kind: string;
  name: string;
  maxDurationMonths: string;
};
export type StepValues = { key: string; id?: string | undefined; name: string };

export type ProgrammeFormValues = {
  name: string;
  funderProjectNumber: string;
  startsOn: string;
  endsOn: string;
  plannedParticipants: string;
  goalPercent: string;
  goalDescription: string;
  followUpDays: string;
  /** Kronor per hour as typed; empty when the programme reports no co-financing. */
  cofinancingHourlyRate: string;
  funderReportCheck: string;
  /** Whole years as typed. */
  retentionYears: string;
  /** The funder's audit date; empty when there is none. */
  holdUntil: string;
  organisationIds: string[];
  centreIds: string[];
  targetGroups: TargetGroupValues[];
  steps: StepValues[];
};

export const programmeFieldNames = [
  'name',
  'funderProjectNumber',
  'startsOn',
  'endsOn',
  'plannedParticipants',
  'goalPercent',
  'goalDescription',
  'followUpDays',
  'cofinancingHourlyRate',
  'funderReportCheck',
  'retentionYears',
  'holdUntil',
  'organisationIds',
  'centreIds',
  'targetGroups',
  'steps',
] as const;

let nextKey = 0;
/** A key for a new row; never sent to the server. */
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function emptyTargetGroup(): TargetGroupValues {
  return { key: rowKey(), kind: '', name: '', maxDurationMonths: '' };
}

export function emptyStep(): StepValues {
  return { key: rowKey(), name: '' };
}

export function emptyProgrammeValues(centreIds: string[] = []): ProgrammeFormValues {
  return {
    name: '',
    funderProjectNumber: '',
    startsOn: '',
    endsOn: '',
    plannedParticipants: '',
    goalPercent: '',
    goalDescription: '',
    followUpDays: '90',
    cofinancingHourlyRate: '',
    funderReportCheck: 'warn',
    retentionYears: String(defaultRetentionYears),
    holdUntil: '',
    organisationIds: [],
    centreIds,
    targetGroups: [emptyTargetGroup()],
    steps: [emptyStep()],
  };
}

/** The form filled in from a saved programme; the owner is left out of the participating organisations. */
export function programmeValues(programme: Programme): ProgrammeFormValues {
  return {
    name: programme.name,
    funderProjectNumber: programme.funderProjectNumber ?? '',
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    plannedParticipants: String(programme.plannedParticipants),
    goalPercent: formatNumber(programme.goalPercent),
    goalDescription: programme.goalDescription,
    followUpDays: String(programme.followUpDays),
    cofinancingHourlyRate:
      programme.cofinancingHourlyRate === null ? '' : formatAmount(programme.cofinancingHourlyRate),
    funderReportCheck: programme.funderReportCheck,
    retentionYears: String(programme.retentionYears),
    holdUntil: programme.holdUntil ?? '',
    organisationIds: programme.organisations
      .map((o) => o.id)
      .filter((id) => id !== programme.ownerOrganisation.id),
    centreIds: programme.centres.map((c) => c.id),
    targetGroups: programme.targetGroups.map((g) => ({
      key: g.id,
      id: g.id,
      kind: g.kind,
      name: g.name,
      maxDurationMonths: String(g.maxDurationMonths),
    })),
    steps: programme.steps.map((s) => ({ key: s.id, id: s.id, name: s.name })),
  };
}

/** A number as typed: empty is missing, a decimal comma is a decimal point, anything else is left to the schema. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replaceAll(/\s/g, '');
  if (trimmed === '') return undefined;
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

/** Swedish style: a decimal comma. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Kronor and öre with a decimal comma: 50,00 and 38,50 (amounts carry at most two decimals). */
export function formatAmount(value: number): string {
  return value.toFixed(2).replace('.', ',');
}

export function toProgrammeInput(values: ProgrammeFormValues): ProgrammeInput {
  return {
    name: values.name,
    funderProjectNumber: values.funderProjectNumber,
    // An empty date is missing, not malformed.
    startsOn: (values.startsOn.trim() || undefined) as string,
    endsOn: (values.endsOn.trim() || undefined) as string,
    plannedParticipants: parseNumber(values.plannedParticipants) as number,
    goalPercent: parseNumber(values.goalPercent) as number,
    goalDescription: values.goalDescription,
    followUpDays: parseNumber(values.followUpDays),
    // An empty rate is none: the programme reports no co-financing.
    cofinancingHourlyRate: parseNumber(values.cofinancingHourlyRate) ?? null,
    funderReportCheck: (values.funderReportCheck || undefined) as FunderReportCheckMode,
    retentionYears: parseNumber(values.retentionYears),
    // An empty date is none: nothing holds the data beyond the retention period.
    holdUntil: values.holdUntil.trim() || null,
    organisationIds: values.organisationIds,
    centreIds: values.centreIds,
    targetGroups: values.targetGroups.map((g) => ({
      ...(g.id ? { id: g.id } : {}),
      // A blank choice is left out, so the schema reports it as missing rather than malformed.
      kind: (g.kind || undefined) as TargetGroupKind,
      name: g.name,
      maxDurationMonths: parseNumber(g.maxDurationMonths) as number,
    })),
    steps: values.steps.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name })),
  };
}

export function toProgrammeUpdate(values: ProgrammeFormValues, version: number): ProgrammeUpdate {
  return { ...toProgrammeInput(values), version };
}

/** Moves the row at `index` by `offset` places (−1 up, +1 down); out of range leaves the list as it is. */
export function moveRow<T>(rows: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const moved = [...rows];
  const [row] = moved.splice(index, 1);
  if (row !== undefined) moved.splice(target, 0, row);
  return moved;
}
