import type { z } from 'zod';
import { swedishSortKey } from '../../../core/collation.ts';
import { todayInSweden } from '../../../core/dates.ts';
import { AppError } from '../../../core/errors.ts';
import { parseOrganisationNumber } from '../../../core/organisation-number.ts';
import { can } from '../../../core/permissions.ts';
import type {
  Employer,
  EmployerList,
  EmployerSummary,
  employerContactInput,
  employerInput,
  employerInteractionInput,
  employerListQuery,
  employerUpdateInput,
  IndustryList,
  OccupationList,
} from '../../../core/schemas/employer.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './employers.repo.ts';

// Employers are company data shared by the whole installation: anyone with employer.read sees every employer,
// so there is no centre scope. Contact people are employer staff, not participants: no access-log rows.

type EmployerValues = z.output<typeof employerInput>;
type Issue = { code: 'custom'; path: (string | number)[]; message: string };

export async function list(
  db: Db,
  actor: Actor,
  query: z.output<typeof employerListQuery>,
): Promise<EmployerList> {
  authorize(actor, 'employer.read');
  const { items, total } = await repo.listEmployers(
    db,
    {
      search: searchTerm(query.q),
      industryCode: query.industryCode || undefined,
      municipalityCode: query.municipalityCode || undefined,
      offer: query.offers,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: items.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function get(db: Db, actor: Actor, id: string): Promise<Employer> {
  authorize(actor, 'employer.read');
  return loadPresented(db, id);
}

/** Registers an employer; an organisation number already registered is refused with the employer's id. */
export async function create(db: Db, actor: Actor, input: EmployerValues): Promise<Employer> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    const values = await checked(tx, input);
    const row = await saveUnique(tx, values.organisationNumber, () =>
      repo.insertEmployer(tx, { ...values, createdBy: actor.userId }),
    );
    return loadPresented(tx, row.id);
  });
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof employerUpdateInput>,
): Promise<Employer> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    if (!(await repo.employerExists(tx, id))) throw new AppError('NOT_FOUND');
    const values = await checked(tx, input, id);
    const saved = await saveUnique(tx, values.organisationNumber, () =>
      repo.updateEmployerVersioned(tx, id, input.version, values),
    );
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await loadPresented(tx, id) });
    return loadPresented(tx, id);
  });
}

export async function addContact(
  db: Db,
  actor: Actor,
  employerId: string,
  input: z.output<typeof employerContactInput>,
): Promise<Employer> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    if (!(await repo.employerExists(tx, employerId))) throw new AppError('NOT_FOUND');
    await repo.insertContact(tx, { ...input, employerId });
    return loadPresented(tx, employerId);
  });
}

/** Changes a contact person; one who has left is kept inactive, so the interaction log still names them. */
export async function updateContact(
  db: Db,
  actor: Actor,
  contactId: string,
  input: z.output<typeof employerContactInput>,
): Promise<Employer> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    const contact = await repo.findContact(tx, contactId);
    if (!contact) throw new AppError('NOT_FOUND');
    await repo.updateContact(tx, contactId, input);
    return loadPresented(tx, contact.employerId);
  });
}

/** Logs a call, visit, meeting or agreement with the employer, by the actor. */
export async function addInteraction(
  db: Db,
  actor: Actor,
  employerId: string,
  input: z.output<typeof employerInteractionInput>,
): Promise<Employer> {
  authorize(actor, 'employer.manage');
  return db.transaction(async (tx) => {
    if (!(await repo.employerExists(tx, employerId))) throw new AppError('NOT_FOUND');
    const issues: Issue[] = [];
    if (input.occurredOn > todayInSweden()) issues.push(issue(['occurredOn'], 'in_future'));
    if (input.nextStepOn && input.nextStepOn < input.occurredOn)
      issues.push(issue(['nextStepOn'], 'before_occurred_on'));
    if (input.contactId) {
      const contact = await repo.findContact(tx, input.contactId);
      if (contact?.employerId !== employerId) issues.push(issue(['contactId'], 'not_employer_contact'));
    }
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    await repo.insertInteraction(tx, { ...input, employerId, userId: actor.userId });
    return loadPresented(tx, employerId);
  });
}

/** SSYK unit groups for an occupation field: by code, group name or any of the occupation names under it. */
export async function searchOccupations(db: Db, actor: Actor, q: string): Promise<OccupationList> {
  if (!can(actor.role, 'participant.read') && !can(actor.role, 'employer.read'))
    throw new AppError('FORBIDDEN');
  return { items: await repo.searchOccupations(db, q, 20) };
}

/** The SNI 2007 code list, sections first, each level in code order. */
export async function industries(db: Db): Promise<IndustryList> {
  return { items: await repo.listIndustries(db) };
}

/**
 * The values to save: the organisation number as 10 digits (field error when invalid), codes that exist, and
 * no registered employer under the same number (409 naming it).
 */
async function checked(tx: Executor, input: EmployerValues, exceptId?: string) {
  const issues: Issue[] = [];
  const parsed = parseOrganisationNumber(input.organisationNumber);
  if (!parsed.ok) issues.push(issue(['organisationNumber'], parsed.error));
  for (const field of await repo.unknownCodes(tx, input)) issues.push(issue([field], 'unknown_code'));
  if (!parsed.ok || issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
  const existingId = await repo.findIdByOrganisationNumber(tx, parsed.value, exceptId);
  if (existingId) throw new AppError('EMPLOYER_ALREADY_REGISTERED', { existingId });
  return {
    organisationNumber: parsed.value,
    name: input.name,
    sortName: swedishSortKey(input.name),
    industryCode: input.industryCode,
    municipalityCode: input.municipalityCode,
    streetAddress: input.streetAddress,
    postalCode: input.postalCode,
    city: input.city,
    offers: [...new Set(input.offers)],
    notes: input.notes,
  };
}

/** Runs an insert or update; a concurrent registration of the same number trips the unique index. */
async function saveUnique<T>(tx: Executor, organisationNumber: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existingId = await repo.findIdByOrganisationNumber(tx, organisationNumber).catch(() => null);
    throw new AppError('EMPLOYER_ALREADY_REGISTERED', existingId ? { existingId } : {});
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Digits (with a hyphen or spaces) search the organisation number; anything else the name. */
function searchTerm(q: string | undefined): repo.EmployerFilter['search'] {
  if (!q) return null;
  if (/^[\d\s-]+$/.test(q)) return { kind: 'number', value: q.replace(/\D/g, '') };
  return { kind: 'text', sortKey: swedishSortKey(q) };
}

async function loadPresented(tx: Executor, id: string): Promise<Employer> {
  const row = await repo.findEmployer(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  return {
    ...presentSummary(row),
    streetAddress: row.streetAddress,
    postalCode: row.postalCode,
    city: row.city,
    notes: row.notes,
    contacts: row.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      phone: c.phone,
      email: c.email,
      active: c.active,
    })),
    interactions: row.interactions.map(({ interaction: i, contactName, userName }) => ({
      id: i.id,
      kind: i.kind,
      occurredOn: i.occurredOn,
      contactId: i.contactId,
      contactName,
      note: i.note,
      nextStep: i.nextStep,
      nextStepOn: i.nextStepOn,
      userName,
      createdAt: i.createdAt.toISOString(),
    })),
    version: row.version,
  };
}

function presentSummary(row: repo.EmployerSummaryRow): EmployerSummary {
  return {
    id: row.id,
    organisationNumber: row.organisationNumber,
    name: row.name,
    industryCode: row.industryCode,
    industryName: row.industryName,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    offers: row.offers,
    openOpenings: row.openOpenings,
    lastInteractionOn: row.lastInteractionOn,
  };
}

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
