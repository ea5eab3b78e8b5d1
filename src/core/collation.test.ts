import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personSearchText, personSortKey, swedishSortKey } from './collation.ts';

const collator = new Intl.Collator('sv', { sensitivity: 'base' });
const byKey = (a: string, b: string) =>
  swedishSortKey(a) < swedishSortKey(b) ? -1 : swedishSortKey(a) > swedishSortKey(b) ? 1 : 0;

describe('swedishSortKey', () => {
  it('puts å, ä and ö after z, in that order', () => {
    expect(['Öberg', 'Zetterlund', 'Åberg', 'Ärlig', 'Adam'].sort(byKey)).toEqual([
      'Adam',
      'Zetterlund',
      'Åberg',
      'Ärlig',
      'Öberg',
    ]);
  });

  it('ignores case and sorts é as e and ü as y', () => {
    expect(['eva', 'Émile', 'Erik'].sort(byKey)).toEqual(
      ['eva', 'Émile', 'Erik'].sort((a, b) => collator.compare(a, b)),
    );
    expect(swedishSortKey('Müller')).toBe(swedishSortKey('myller'));
  });

  it('orders Latin names as the Swedish collation does', () => {
    const name = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖ'),
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const expected = Math.sign(collator.compare(a, b));
        if (expected === 0) return;
        expect(Math.sign(byKey(a, b))).toBe(expected);
      }),
    );
  });

  it('sorts by last name, then first name', () => {
    expect(personSortKey('Örjan', 'Andersson') < personSortKey('Anna', 'Berg')).toBe(true);
    expect(personSortKey('Anna', 'Berg') < personSortKey('Bo', 'Berg')).toBe(true);
  });
});

describe('personSearchText', () => {
  it('holds both name orders and the number, lower-cased with Swedish letters kept', () => {
    expect(personSearchText('Åsa', 'Öberg', '199201012383')).toBe('åsa öberg öberg åsa 199201012383');
  });
});
