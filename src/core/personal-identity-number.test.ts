import fc from 'fast-check';
import personnummerModule from 'personnummer';
import { describe, expect, it } from 'vitest';
import { formatIdentityNumber, parseIdentityNumber } from './personal-identity-number.ts';

// The package is CommonJS typed as an ES module: the class is the default export at run time.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

const today = new Date(2026, 10, 22);

function parse(input: string) {
  return parseIdentityNumber(input, today);
}

describe('parseIdentityNumber', () => {
  it('accepts a 12-digit number and derives birth date and gender', () => {
    expect(parse('189001019802')).toEqual({
      ok: true,
      value: {
        normalised: '189001019802',
        kind: 'personal_identity_number',
        birthDate: '1890-01-01',
        legalGender: 'female',
      },
    });
  });

  it('accepts 10 digits with "-" and picks the latest century not in the future', () => {
    const result = parse('900101-0017');
    expect(result).toMatchObject({
      ok: true,
      value: { normalised: '199001010017', birthDate: '1990-01-01' },
    });
  });

  it('reads "+" as 100 years or older', () => {
    expect(parse('900101+0017')).toMatchObject({ ok: true, value: { normalised: '189001010017' } });
    expect(parse('121212+1212')).toMatchObject({ ok: true, value: { birthDate: '1912-12-12' } });
    expect(parse('121212-1212')).toMatchObject({ ok: true, value: { birthDate: '2012-12-12' } });
  });

  it('puts a 10-digit number whose birthday this century is still ahead in the last century', () => {
    // 2026-12-31 has not happened on 2026-11-22, so 261231 is 1926.
    const withCheck = `261231010${checkDigit('261231010')}`;
    expect(parse(withCheck)).toMatchObject({ ok: true, value: { birthDate: '1926-12-31' } });
  });

  it('accepts 10 or 12 digits with or without separator, always normalised to 12', () => {
    for (const form of ['19900101-0017', '199001010017', '9001010017', '900101-0017', ' 900101 0017 ']) {
      expect(parse(form)).toMatchObject({ ok: true, value: { normalised: '199001010017' } });
    }
  });

  it('derives gender from the second-to-last digit: odd is male, even is female', () => {
    expect(parse('199001010017')).toMatchObject({ value: { legalGender: 'male' } });
    expect(parse('189001019802')).toMatchObject({ value: { legalGender: 'female' } });
  });

  it('recognises a coordination number (day + 60) and gives the real birth date', () => {
    const number = `199001610${'01'}${checkDigit('900161001')}`;
    expect(parse(number)).toMatchObject({
      ok: true,
      value: { kind: 'coordination_number', birthDate: '1990-01-01', normalised: number },
    });
  });

  it('refuses a wrong check digit', () => {
    expect(parse('199001010018')).toEqual({ ok: false, error: 'PIN_CHECKSUM' });
  });

  it('refuses an impossible date even with a right check digit', () => {
    const feb30 = `900230001${checkDigit('900230001')}`;
    expect(parse(feb30)).toEqual({ ok: false, error: 'PIN_DATE' });
    const leap1900 = `19000229001${checkDigit('000229001')}`;
    expect(parse(leap1900)).toEqual({ ok: false, error: 'PIN_DATE' });
    const leap2000 = `20000229001${checkDigit('000229001')}`;
    expect(parse(leap2000)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
  });

  it('refuses a birth date in the future', () => {
    const future = `20300101001${checkDigit('300101001')}`;
    expect(parse(future)).toEqual({ ok: false, error: 'PIN_DATE' });
  });

  it('refuses malformed input', () => {
    const serialZero = `900101000${checkDigit('900101000')}`;
    for (const bad of [
      '',
      '123',
      'abcdefghijkl',
      '19900101--0017',
      '1990010100170',
      '19900101+0017',
      serialZero,
    ]) {
      expect(parse(bad)).toEqual({ ok: false, error: 'PIN_FORMAT' });
    }
  });

  it('accepts every one of Skatteverket’s published test numbers we ship', async () => {
    const { readFileSync } = await import('node:fs');
    const numbers = readFileSync(new URL('../server/db/demo/testpersonnummer.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(numbers.length).toBe(41_493);
    const rejected = numbers.filter((n) => !parse(n).ok);
    expect(rejected).toEqual([]);
  });

  it('agrees with the personnummer package on validity of arbitrary 12-digit numbers', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1900, 0, 1), max: new Date(2025, 11, 31), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        (date, serial, check, coordination) => {
          const day = date.getDate() + (coordination ? 60 : 0);
          const digits = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(day)}${String(serial).padStart(3, '0')}${check}`;
          const ours = parse(digits).ok;
          const theirs = Personnummer.valid(digits, {
            allowCoordinationNumber: true,
            allowInterimNumber: false,
          });
          expect(ours).toBe(theirs);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatIdentityNumber', () => {
  it('shows the 12 digits with a dash before the last four', () => {
    expect(formatIdentityNumber('199001010017')).toBe('19900101-0017');
  });
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let n = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}
