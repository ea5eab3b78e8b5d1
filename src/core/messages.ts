import type { Locale } from './enums.ts';
import type { ErrorCode } from './errors.ts';

// Error and validation texts, shared by server (API messages) and web (form errors), so both say the same.

type Texts<K extends string> = Record<Locale, Record<K, string>>;

export const errorMessages: Texts<ErrorCode> = {
  sv: {
    VALIDATION_FAILED: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
    TARGET_GROUP_REQUIRED: 'Målgruppen kan inte härledas eftersom utbildningsnivån saknas. Välj målgrupp.',
    UNAUTHENTICATED: 'Du är inte inloggad eller sessionen har gått ut. Logga in igen.',
    INVALID_CREDENTIALS: 'Fel e-postadress eller lösenord.',
    FORBIDDEN: 'Du har inte behörighet till detta.',
    CSRF_INVALID: 'Säkerhetstoken saknas eller är ogiltig. Ladda om sidan och försök igen.',
    NOT_FOUND: 'Hittades inte.',
    VERSION_CONFLICT:
      'Någon annan har ändrat uppgifterna medan du arbetade. Se den senaste versionen och spara igen.',
    PARTICIPANT_ALREADY_REGISTERED:
      'Det finns redan en deltagare registrerad med detta person- eller samordningsnummer. Kontakta din samordnare om du behöver åtkomst.',
    EMAIL_TAKEN: 'E-postadressen används redan av en annan användare.',
    CONSENT_REQUIRED: 'Deltagaren måste ha lämnat samtycke till deltagande innan inskrivning.',
    CONSENT_WITHDRAWN: 'Samtycket är återkallat. Uppgifterna kan bara läsas.',
    ENROLMENT_ALREADY_ACTIVE: 'Deltagaren är redan inskriven i programmet.',
    ENROLMENT_ALREADY_EXITED: 'Inskrivningen är redan avslutad.',
    REFERRAL_CLOSED: 'Remissen är redan avslutad.',
    REFERRAL_ALREADY_REGISTERED: 'En remiss för deltagaren med samma datum och grund finns redan.',
    NOT_RESERVE_IDENTITY: 'Deltagaren har redan ett person- eller samordningsnummer.',
    PROGRAMME_ITEM_IN_USE:
      'Deltagare är inskrivna i en målgrupp eller ett steg som du försökte ta bort eller byta typ på. Behåll dem och spara igen.',
    JOURNAL_ALREADY_CORRECTED: 'Anteckningen är redan rättad. Rätta den senaste versionen i stället.',
    TEAM_MEMBER_EXISTS: 'Medarbetaren finns redan i teamet.',
    TEAM_CONTACT_REQUIRED:
      'Kontaktpersonen kan inte tas bort. Gör först någon annan i teamet till kontaktperson.',
    PAYLOAD_TOO_LARGE: 'Det du skickade är för stort.',
    RATE_LIMITED: 'För många försök. Vänta en stund och försök igen.',
    INTERNAL: 'Något gick fel hos oss. Försök igen om en stund.',
    SERVICE_UNAVAILABLE: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
  },
  en: {
    VALIDATION_FAILED: 'The data is not valid. Correct the marked fields.',
    TARGET_GROUP_REQUIRED:
      'The target group cannot be derived because the education level is missing. Choose one.',
    UNAUTHENTICATED: 'You are not logged in or your session has expired. Log in again.',
    INVALID_CREDENTIALS: 'Wrong email address or password.',
    FORBIDDEN: 'You are not allowed to do this.',
    CSRF_INVALID: 'The security token is missing or invalid. Reload the page and try again.',
    NOT_FOUND: 'Not found.',
    VERSION_CONFLICT:
      'Someone else changed this while you were working. See the latest version and save again.',
    PARTICIPANT_ALREADY_REGISTERED:
      'A participant with this personal identity or coordination number is already registered. Contact your coordinator if you need access.',
    EMAIL_TAKEN: 'The email address is already used by another user.',
    CONSENT_REQUIRED: 'The participant must consent to participation before enrolment.',
    CONSENT_WITHDRAWN: 'Consent has been withdrawn. The record is read-only.',
    ENROLMENT_ALREADY_ACTIVE: 'The participant is already enrolled in the programme.',
    ENROLMENT_ALREADY_EXITED: 'The enrolment has already ended.',
    REFERRAL_CLOSED: 'The referral is already closed.',
    REFERRAL_ALREADY_REGISTERED:
      'A referral for the participant with the same date and basis already exists.',
    NOT_RESERVE_IDENTITY: 'The participant already has a personal identity or coordination number.',
    PROGRAMME_ITEM_IN_USE:
      'Participants are enrolled in a target group or step you tried to remove or change the type of. Keep them and save again.',
    JOURNAL_ALREADY_CORRECTED: 'The entry has already been corrected. Correct the latest version instead.',
    TEAM_MEMBER_EXISTS: 'The member of staff is already on the team.',
    TEAM_CONTACT_REQUIRED:
      'The contact person cannot be removed. First make someone else on the team the contact person.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large.',
    RATE_LIMITED: 'Too many attempts. Wait a while and try again.',
    INTERNAL: 'Something went wrong on our side. Try again in a while.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Try again in a while.',
  },
};

export const fieldMessageCodes = [
  'required',
  'required_without_pin',
  'too_long',
  'too_short',
  'invalid_format',
  'invalid_email',
  'invalid_date',
  'invalid_choice',
  'invalid_value',
  'override_reason_required',
  'PIN_FORMAT',
  'PIN_CHECKSUM',
  'PIN_DATE',
  'unknown_code',
  'duplicate_in_file',
  'missing_column',
  'before_given_on',
  'whole_number',
  'too_small',
  'too_large',
  'too_many',
  'before_starts_on',
  'duplicate_kind',
  'not_found',
  'taken',
  'not_participating',
  'in_use',
  'in_use_kind',
  'in_future',
  'before_exited_on',
  'unreachable_without_attempt',
  'not_in_participant_centre',
] as const;
export type FieldMessageCode = (typeof fieldMessageCodes)[number];

export const fieldMessages: Texts<FieldMessageCode> = {
  sv: {
    required: 'måste fyllas i',
    required_without_pin: 'måste fyllas i när personnummer saknas',
    too_long: 'är för långt',
    too_short: 'är för kort',
    invalid_format: 'har fel format',
    invalid_email: 'är inte en giltig e-postadress',
    invalid_date: 'måste vara ett datum som ÅÅÅÅ-MM-DD',
    invalid_choice: 'är inte ett giltigt val',
    invalid_value: 'är inte giltigt',
    override_reason_required: 'måste anges när en annan målgrupp än den härledda väljs',
    PIN_FORMAT: 'ska ha 10 eller 12 siffror, som ÅÅÅÅMMDD-NNNN',
    PIN_CHECKSUM: 'har fel kontrollsiffra',
    PIN_DATE: 'innehåller inget giltigt födelsedatum',
    unknown_code: 'finns inte i kodlistan',
    duplicate_in_file: 'förekommer redan på en tidigare rad i filen',
    missing_column: 'saknas i filens rubrikrad',
    before_given_on: 'får inte vara före datum för samtycke',
    whole_number: 'måste vara ett heltal',
    too_small: 'är för litet',
    too_large: 'är för stort',
    too_many: 'har för många rader',
    before_starts_on: 'får inte vara före startdatum',
    duplicate_kind: 'får bara förekomma i en målgrupp',
    not_found: 'finns inte',
    taken: 'har redan en organisation',
    not_participating: 'hör till en organisation som inte deltar i programmet',
    in_use: 'används av inskrivna deltagare och kan inte tas bort',
    in_use_kind: 'kan inte ändras när deltagare är inskrivna i målgruppen',
    in_future: 'får inte vara senare än i dag',
    before_exited_on: 'får inte vara före avslutsdatum',
    unreachable_without_attempt:
      'kan bara vara ”Gick inte att nå” när minst ett kontaktförsök utan svar är registrerat',
    not_in_participant_centre: 'hör inte till deltagarens centrum',
  },
  en: {
    required: 'is required',
    required_without_pin: 'is required when there is no personal identity number',
    too_long: 'is too long',
    too_short: 'is too short',
    invalid_format: 'has the wrong format',
    invalid_email: 'is not a valid email address',
    invalid_date: 'must be a date as YYYY-MM-DD',
    invalid_choice: 'is not a valid choice',
    invalid_value: 'is not valid',
    override_reason_required: 'is required when choosing a target group other than the derived one',
    PIN_FORMAT: 'must have 10 or 12 digits, as YYYYMMDD-NNNN',
    PIN_CHECKSUM: 'has the wrong check digit',
    PIN_DATE: 'does not contain a valid birth date',
    unknown_code: 'is not in the code list',
    duplicate_in_file: 'already appears on an earlier line of the file',
    missing_column: 'is missing from the header row of the file',
    before_given_on: 'must not be before the date of consent',
    whole_number: 'must be a whole number',
    too_small: 'is too small',
    too_large: 'is too large',
    too_many: 'has too many rows',
    before_starts_on: 'must not be before the start date',
    duplicate_kind: 'may be used by one target group only',
    not_found: 'does not exist',
    taken: 'already has an organisation',
    not_participating: 'belongs to an organisation that does not take part in the programme',
    in_use: 'are used by enrolled participants and cannot be removed',
    in_use_kind: 'cannot change while participants are enrolled in the target group',
    in_future: 'must not be later than today',
    before_exited_on: 'must not be before the exit date',
    unreachable_without_attempt:
      'can only be “Could not be reached” when at least one unanswered contact attempt is recorded',
    not_in_participant_centre: "does not belong to the participant's centre",
  },
};

export const fieldLabels: Record<Locale, Record<string, string>> = {
  sv: {
    personalIdentityNumber: 'Personnummer eller samordningsnummer',
    birthDate: 'Födelsedatum',
    legalGender: 'Juridiskt kön',
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    preferredLanguage: 'Föredraget språk',
    interpreterNeeded: 'Behöver tolk',
    phone: 'Telefon',
    email: 'E-post',
    streetAddress: 'Gatuadress',
    postalCode: 'Postnummer',
    city: 'Ort',
    municipalityCode: 'Bostadskommun',
    educationLevelCode: 'Utbildningsnivå',
    protectedIdentity: 'Skyddad identitet',
    participant: 'Deltagare',
    participantId: 'Deltagare',
    programmeId: 'Program',
    centreId: 'Centrum',
    referringOfficer: 'Remitterande handläggare',
    referringOffice: 'Arbetsförmedlingskontor',
    referredOn: 'Remissdatum',
    basis: 'Grund för remiss',
    note: 'Anteckning',
    meetingAt: 'Informationsmöte',
    reason: 'Orsak',
    status: 'Status',
    purposes: 'Samtycket gäller',
    givenOn: 'Datum för samtycke',
    method: 'Underskrift',
    language: 'Språkversion',
    withdrawnOn: 'Datum för återkallelse',
    startsOn: 'Startdatum',
    targetGroupId: 'Målgrupp',
    targetGroupOverrideReason: 'Skäl för annan målgrupp',
    referralId: 'Remiss',
    csv: 'Fil',
    name: 'Namn',
    role: 'Roll',
    centreIds: 'Centrum',
    password: 'Lösenord',
    version: 'Version',
    id: 'Id',
    kind: 'Typ',
    municipality: 'Kommun',
    funderProjectNumber: 'Projektnummer hos finansiären',
    endsOn: 'Slutdatum',
    plannedParticipants: 'Planerat antal deltagare',
    goalPercent: 'Mål i procent',
    goalDescription: 'Målbeskrivning',
    followUpDays: 'Uppföljning, dagar efter avslut',
    organisationIds: 'Samverkande organisationer',
    targetGroups: 'Målgrupper',
    maxDurationMonths: 'Längsta tid i månader',
    steps: 'Steg',
    exitedOn: 'Avslutsdatum',
    outcome: 'Utfall',
    organisation: 'Arbetsgivare eller skola',
    attemptedOn: 'Datum för kontaktförsök',
    reached: 'Nådd',
    recordedOn: 'Datum för uppföljning',
    due: 'Urval',
    entryDate: 'Datum',
    category: 'Kategori',
    text: 'Text',
    userId: 'Medarbetare',
    isContact: 'Kontaktperson',
  },
  en: {
    personalIdentityNumber: 'Personal identity or coordination number',
    birthDate: 'Date of birth',
    legalGender: 'Legal gender',
    firstName: 'First name',
    lastName: 'Last name',
    preferredLanguage: 'Preferred language',
    interpreterNeeded: 'Needs an interpreter',
    phone: 'Phone',
    email: 'Email',
    streetAddress: 'Street address',
    postalCode: 'Postcode',
    city: 'City',
    municipalityCode: 'Municipality of residence',
    educationLevelCode: 'Education level',
    protectedIdentity: 'Protected identity',
    participant: 'Participant',
    participantId: 'Participant',
    programmeId: 'Programme',
    centreId: 'Centre',
    referringOfficer: 'Referring officer',
    referringOffice: 'Employment service office',
    referredOn: 'Referral date',
    basis: 'Basis for referral',
    note: 'Note',
    meetingAt: 'Information meeting',
    reason: 'Reason',
    status: 'Status',
    purposes: 'Consent covers',
    givenOn: 'Date of consent',
    method: 'Signature',
    language: 'Language version',
    withdrawnOn: 'Date of withdrawal',
    startsOn: 'Start date',
    targetGroupId: 'Target group',
    targetGroupOverrideReason: 'Reason for another target group',
    referralId: 'Referral',
    csv: 'File',
    name: 'Name',
    role: 'Role',
    centreIds: 'Centres',
    password: 'Password',
    version: 'Version',
    id: 'Id',
    kind: 'Type',
    municipality: 'Municipality',
    funderProjectNumber: "Funder's project number",
    endsOn: 'End date',
    plannedParticipants: 'Planned participants',
    goalPercent: 'Goal in per cent',
    goalDescription: 'Goal description',
    followUpDays: 'Follow-up, days after exit',
    organisationIds: 'Participating organisations',
    targetGroups: 'Target groups',
    maxDurationMonths: 'Maximum duration in months',
    steps: 'Steps',
    exitedOn: 'Exit date',
    outcome: 'Outcome',
    organisation: 'Employer or school',
    attemptedOn: 'Date of contact attempt',
    reached: 'Reached',
    recordedOn: 'Date of follow-up',
    due: 'Selection',
    entryDate: 'Date',
    category: 'Category',
    text: 'Text',
    userId: 'Member of staff',
    isContact: 'Contact person',
  },
};

export type FieldError = { field: string; code: string; message: string };

type IssueLike = {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  format?: string;
};

/** Turns schema issues into errors that name the field in the user's language. */
export function describeIssues(issues: readonly IssueLike[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'body';
    const code = messageCode(issue);
    const lastKey = issue.path.filter((p) => typeof p === 'string').at(-1) ?? field;
    const label = fieldLabels[locale][lastKey] ?? lastKey;
    const text = fieldMessages[locale][code as FieldMessageCode] ?? fieldMessages[locale].invalid_value;
    return { field, code, message: `${label} ${text}` };
  });
}

function messageCode(issue: IssueLike): string {
  if ((fieldMessageCodes as readonly string[]).includes(issue.message)) return issue.message;
  // Zod leaves `input` out of issues unless asked, so a missing field shows in the message.
  if (
    issue.code === 'invalid_type' &&
    (issue.input === undefined || issue.message.endsWith('received undefined'))
  )
    return 'required';
  if (issue.code === 'too_small')
    return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'invalid_format') return issue.format === 'email' ? 'invalid_email' : 'invalid_format';
  if (issue.code === 'invalid_value') return 'invalid_choice';
  return 'invalid_value';
}

export function errorMessage(code: string, locale: Locale): string {
  return errorMessages[locale][code as ErrorCode] ?? errorMessages[locale].INTERNAL;
}
