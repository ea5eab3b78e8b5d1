import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOrganisationNumber,
  organisationNumberCheckDigit,
  parseOrganisationNumber,
} from './organisation-number.ts';

const today = new Date(2026, 10, 22);

function parse(input: string) {
  return parseOrganisationNumber(input, today);
}

describe('parseOrganisationNumber', () => {
  it('accepts a company number with or without the hyphen and returns its 10 digits', () => {
    // AB Volvo and Skatteverket, as published.
    for (const form of ['556012-5790', '5560125790', ' 556012 5790 ', '16556012-5790', '165560125790']) {
      expect(parse(form)).toEqual({ ok: true, value: '5560125790' });
    }
    expect(parse('202100-5448')).toEqual({ ok: true, value: '2021005448' });
  });

  it('refuses a wrong check digit', () => {
    expect(parse('556012-5791')).toEqual({ ok: false, error: 'ORG_NUMBER_CHECKSUM' });
  });

  it('refuses what is not 10 digits, or 12 with a known prefix', () => {
    for (const form of ['', '556012-579', '556012-57900', '5560-125790', 'AB556012579', '17556012-5790']) {
      expect(parse(form)).toEqual({ ok: false, error: 'ORG_NUMBER_FORMAT' });
    }
  });

  it("accepts a sole trader's personal identity number, also with its century", () => {
    expect(parse('900101-0017')).toEqual({ ok: true, value: '9001010017' });
    expect(parse('19900101-0017')).toEqual({ ok: true, value: '9001010017' });
  });

  it('refuses a number with a low third digit that is no personal identity number', () => {
    // Month 00 passes Luhn but is no date, and "16" belongs to legal entities only.
    const noDate = `900001001${organisationNumberCheckDigit('900001001')}`;
    expect(parse(noDate)).toEqual({ ok: false, error: 'ORG_NUMBER_FORMAT' });
    expect(parse('169001010017')).toEqual({ ok: false, error: 'ORG_NUMBER_FORMAT' });
  });

  it('formats 10 digits as NNNNNN-NNNN', () => {
    expect(formatOrganisationNumber('5560125790')).toBe('556012-5790');
  });
});

describe('parseOrganisationNumber, for any legal entity number', () => {
  const entityNumber = fc
    .tuple(fc.stringMatching(/^\d{2}$/), fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{6}$/))
    .map(([head, third, rest]) => {
      const nine = `${head}${third}${rest}`;
      return `${nine}${organisationNumberCheckDigit(nine)}`;
    });

  it('accepts a number with the right check digit', () => {
    fc.assert(
      fc.property(entityNumber, (digits) => {
        expect(parse(digits)).toEqual({ ok: true, value: digits });
        expect(parse(formatOrganisationNumber(digits))).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it('refuses the number with any one digit changed', () => {
    fc.assert(
      fc.property(
        entityNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, change) => {
          const changed = (Number(digits[position]) + change) % 10;
          const altered = `${digits.slice(0, position)}${changed}${digits.slice(position + 1)}`;
          expect(parse(altered).ok).toBe(false);
        },
      ),
    );
  });
});
