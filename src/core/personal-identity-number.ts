import type { LegalGender } from './enums.ts';

export type ParsedIdentityNumber = {
  /** Normalised form: 12 digits, YYYYMMDDNNNC, no separator. */
  normalised: string;
  kind: 'personal_identity_number' | 'coordination_number';
  /** Birth date as YYYY-MM-DD (for a coordination number, the day minus 60). */
  birthDate: string;
  legalGender: Exclude<LegalGender, 'unknown'>;
};

export type IdentityNumberError = 'PIN_FORMAT' | 'PIN_CHECKSUM' | 'PIN_DATE';

const shape = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;

/**
 * Parses a Swedish personal identity number (personnummer) or coordination number (samordningsnummer)
 * in 10 or 12 digits, with or without `-`/`+`. `+` on a 10-digit number means the person is 100 or older.
 * `today` decides the century of 10-digit numbers, so tests can pin it.
 */
export function parseIdentityNumber(
  input: string,
  today: Date = new Date(),
): { ok: true; value: ParsedIdentityNumber } | { ok: false; error: IdentityNumberError } {
  const trimmed = input.trim().replace(/\s+/g, '');
  const match = shape.exec(trimmed);
  if (!match) return { ok: false, error: 'PIN_FORMAT' };
  const [, century, yymmdd = '', separator, serial = ''] = match;
  if (century && separator === '+') return { ok: false, error: 'PIN_FORMAT' };
  // Serial number 000 is never issued.
  if (serial.startsWith('000')) return { ok: false, error: 'PIN_FORMAT' };
  if (!luhnValid(yymmdd + serial)) return { ok: false, error: 'PIN_CHECKSUM' };

  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  const year = century ? Number(century) * 100 + yy : inferYear(yy, month, day, separator === '+', today);
  if (!isRealDate(year, month, day)) return { ok: false, error: 'PIN_DATE' };
  const birthDate = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (birthDate > isoDate(today)) return { ok: false, error: 'PIN_DATE' };

  const genderDigit = Number(serial.charAt(2));
  return {
    ok: true,
    value: {
      normalised: `${String(year).padStart(4, '0')}${yymmdd.slice(2)}${serial}`,
      kind: coordination ? 'coordination_number' : 'personal_identity_number',
      birthDate,
      legalGender: genderDigit % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Formats a normalised 12-digit number for display: YYYYMMDD-NNNC. */
export function formatIdentityNumber(normalised: string): string {
  return `${normalised.slice(0, 8)}-${normalised.slice(8)}`;
}

function inferYear(yy: number, month: number, day: number, hundredOrOlder: boolean, today: Date): number {
  // The latest year ending in yy whose birthday is not in the future; `+` moves it back one century.
  const currentYear = today.getFullYear();
  let year = currentYear - ((currentYear - yy) % 100);
  if (`${year}-${pad(month)}-${pad(day)}` > isoDate(today)) year -= 100;
  return hundredOrOlder ? year - 100 : year;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
