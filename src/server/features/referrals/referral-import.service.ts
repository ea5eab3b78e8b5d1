import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Locale, ReferralBasis } from '../../../core/enums.ts';
import { AppError } from '../../../core/errors.ts';
import { languageCodes } from '../../../core/languages.ts';
import { describeIssues, errorMessage, type FieldError } from '../../../core/messages.ts';
import { parseIdentityNumber } from '../../../core/personal-identity-number.ts';
import {
  type ReferralImportReport,
  type referralImportInput,
  referralInput,
} from '../../../core/schemas/referral.schema.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { findIdByIdentityNumber } from '../participants/participants.repo.ts';
import { loadVisible } from '../participants/participants.service.ts';
import { programmeHasCentre } from '../programmes/programmes.repo.ts';
import * as repo from './referrals.repo.ts';
import { createInTransaction } from './referrals.service.ts';

// Swedish column headers of the employment service's list, and the field each fills.
const columns = {
  personnummer: 'personalIdentityNumber',
  förnamn: 'firstName',
  efternamn: 'lastName',
  remissdatum: 'referredOn',
  handläggare: 'referringOfficer',
  kontor: 'referringOffice',
  grund: 'basis',
  anteckning: 'note',
  telefon: 'phone',
  'e-post': 'email',
  språk: 'preferredLanguage',
} as const;
const requiredColumns = [
  'personnummer',
  'förnamn',
  'efternamn',
  'remissdatum',
  'handläggare',
  'grund',
] as const;

const bases: Record<string, ReferralBasis> = {
  etableringsprogrammet: 'establishment_programme',
  'jobb- och utvecklingsgarantin': 'job_and_development_guarantee',
  'socialtjänst efter etableringsprogrammet': 'social_services_after_establishment',
  establishment_programme: 'establishment_programme',
  job_and_development_guarantee: 'job_and_development_guarantee',
  social_services_after_establishment: 'social_services_after_establishment',
};

const languageNames: Record<string, string> = {
  svenska: 'sv',
  arabiska: 'ar',
  tigrinja: 'ti',
  somaliska: 'so',
  persiska: 'fa',
  dari: 'prs',
  pashto: 'ps',
  kurdiska: 'ku',
  ukrainska: 'uk',
  ryska: 'ru',
  amhariska: 'am',
  turkiska: 'tr',
  engelska: 'en',
  franska: 'fr',
  spanska: 'es',
  bosniska: 'bs',
  albanska: 'sq',
  thailändska: 'th',
};

type Row = { line: number; values: Partial<Record<(typeof columns)[keyof typeof columns], string>> };

/**
 * Imports a referral list. Every row is its own transaction: a bad row is reported with its line and reason
 * and the good rows are kept. A row already imported (same person, programme, date and basis) is skipped, so
 * importing the same file again creates nothing.
 */
export async function importReferrals(
  db: Db,
  actor: Actor,
  input: z.output<typeof referralImportInput>,
  locale: Locale,
): Promise<ReferralImportReport> {
  authorize(actor, 'referral.write');
  if (!actor.centreIds.includes(input.centreId)) throw new AppError('FORBIDDEN');
  // A wrong programme would fail every row alike: refuse the file once instead.
  if (!(await programmeHasCentre(db, input.programmeId, input.centreId))) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ code: 'custom', path: ['programmeId'], message: 'invalid_choice' }],
    });
  }
  const rows = readRows(input.csv);
  const report: ReferralImportReport = { total: rows.length, created: 0, skipped: 0, failed: 0, rows: [] };
  for (const row of rows) {
    const outcome = await importRow(db, actor, input, row, locale);
    report[outcome.outcome] += 1;
    report.rows.push({ line: row.line, ...outcome });
  }
  return report;
}

async function importRow(
  db: Db,
  actor: Actor,
  input: z.output<typeof referralImportInput>,
  row: Row,
  locale: Locale,
): Promise<{ outcome: 'created' | 'skipped' | 'failed'; referralId: string | null; errors: FieldError[] }> {
  const v = row.values;
  const basisText = v.basis?.trim().toLowerCase() ?? '';
  const languageText = v.preferredLanguage?.trim().toLowerCase() ?? '';
  const language = languageNames[languageText] ?? languageText;
  const candidate = {
    programmeId: input.programmeId,
    centreId: input.centreId,
    referringOfficer: v.referringOfficer ?? '',
    referringOffice: v.referringOffice ?? null,
    referredOn: v.referredOn?.trim() ?? '',
    basis: bases[basisText] ?? basisText,
    note: v.note ?? null,
    participant: {
      personalIdentityNumber: v.personalIdentityNumber ?? '',
      firstName: v.firstName ?? '',
      lastName: v.lastName ?? '',
      phone: v.phone ?? null,
      email: v.email ?? null,
      preferredLanguage:
        language === '' ? null : (languageCodes as readonly string[]).includes(language) ? language : 'other',
    },
  };
  const parsed = referralInput.safeParse(candidate);
  const issues = parsed.success ? [] : [...parsed.error.issues];
  // An import identifies people by number: a row without one cannot be matched on the next import.
  if (!candidate.participant.personalIdentityNumber.trim()) {
    issues.push({
      code: 'custom',
      path: ['participant', 'personalIdentityNumber'],
      message: 'required',
      input: '',
    });
  }
  if (!parsed.success || issues.length > 0) {
    return { outcome: 'failed', referralId: null, errors: describeIssues(issues, locale) };
  }
  const referral = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const pin = parseIdentityNumber(referral.participant?.personalIdentityNumber ?? '');
      const existingId = pin.ok ? await findIdByIdentityNumber(tx, pin.value.normalised) : null;
      if (existingId) {
        // Someone the importer may not see must not show as skipped: that would tell they are registered.
        await loadVisible(tx, actor, existingId);
        const already = await repo.findByNaturalKey(tx, { ...referral, participantId: existingId });
        if (already) return { outcome: 'skipped' as const, referralId: null, errors: [] };
        const created = await createInTransaction(tx, actor, {
          ...referral,
          participant: null,
          participantId: existingId,
        });
        return { outcome: 'created' as const, referralId: created.id, errors: [] };
      }
      const created = await createInTransaction(tx, actor, referral);
      return { outcome: 'created' as const, referralId: created.id, errors: [] };
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Someone the importer may not see is reported like any already registered person, nothing more.
    const code =
      error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'
        ? 'PARTICIPANT_ALREADY_REGISTERED'
        : error.code;
    const fields = Array.isArray(error.details?.fields)
      ? describeIssues(error.details.fields as Parameters<typeof describeIssues>[0], locale)
      : [{ field: 'personalIdentityNumber', code, message: errorMessage(code, locale) }];
    return { outcome: 'failed', referralId: null, errors: fields };
  }
}

function readRows(csv: string): Row[] {
  const text = csv.replace(/^\uFEFF/, '');
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // A NUL byte means a binary file, and no database column can hold it: refuse before any row is kept.
    if (text.includes('\u0000')) throw new Error('binary file');
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ code: 'custom', path: ['csv'], message: 'invalid_format' }],
    });
  }
  const [header, ...data] = records;
  if (!header)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ code: 'custom', path: ['csv'], message: 'required' }],
    });
  const names = header.record.map((h) => h.trim().toLowerCase());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: missing.map((c) => ({
        code: 'custom',
        path: [c.charAt(0).toUpperCase() + c.slice(1)],
        message: 'missing_column',
      })),
    });
  }
  return data.map(({ record, info }) => {
    const values: Row['values'] = {};
    names.forEach((name, i) => {
      const field = columns[name as keyof typeof columns];
      const value = record[i];
      if (field && value !== undefined && value !== '') values[field] = value;
    });
    return { line: info.lines, values };
  });
}
