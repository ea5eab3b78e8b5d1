import { parseIdentityNumber } from './personal-identity-number.ts';

export type OrganisationNumberError = 'ORG_NUMBER_FORMAT' | 'ORG_NUMBER_CHECKSUM';

const shape = /^(\d{2})?(\d{6})-?(\d{4})$/;

/**
 * Parses a Swedish organisation number: 10 digits, with or without a hyphen after the sixth (NNNNNN-NNNN), or
 * the 12-digit form some registers use. The last digit is a Luhn check digit over the 10 digits.
 *
 * The rule chosen:
 * - A legal entity's number has a third digit of 2 or more (a personnummer's month never starts so high); in the
 *   12-digit form it carries the prefix "16".
 * - A sole trader is registered under their personal identity (or coordination) number, whose third digit is
 *   0 or 1. Such a number is accepted when it is a valid personnummer: Luhn and a real date. In the 12-digit
 *   form it carries its century (18, 19 or 20) instead of "16".
 * Anything else is ORG_NUMBER_FORMAT; a wrong check digit is ORG_NUMBER_CHECKSUM. Returns the 10 digits.
 */
export function parseOrganisationNumber(
  input: string,
  today: Date = new Date(),
): { ok: true; value: string } | { ok: false; error: OrganisationNumberError } {
  const match = shape.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return { ok: false, error: 'ORG_NUMBER_FORMAT' };
  const [, prefix, first = '', last = ''] = match;
  const digits = first + last;
  if (!luhnValid(digits)) return { ok: false, error: 'ORG_NUMBER_CHECKSUM' };
  const legalEntity = Number(digits.charAt(2)) >= 2;
  if (legalEntity) {
    if (prefix !== undefined && prefix !== '16') return { ok: false, error: 'ORG_NUMBER_FORMAT' };
    return { ok: true, value: digits };
  }
  if (prefix === '16') return { ok: false, error: 'ORG_NUMBER_FORMAT' };
  const person = parseIdentityNumber(prefix ? prefix + digits : digits, today);
  if (!person.ok) return { ok: false, error: 'ORG_NUMBER_FORMAT' };
  return { ok: true, value: digits };
}

/** Formats the 10 digits for display: NNNNNN-NNNN. */
export function formatOrganisationNumber(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The check digit that makes `nineDigits` followed by it pass the Luhn check. */
export function organisationNumberCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let n = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

function luhnValid(digits: string): boolean {
  return organisationNumberCheckDigit(digits.slice(0, 9)) === Number(digits.charAt(9));
}
