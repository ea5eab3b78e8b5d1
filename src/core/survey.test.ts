import { describe, expect, it } from 'vitest';
import { scaleFigures, textIn, yesFigure } from './survey.ts';

describe('survey figures', () => {
  it('gives the mean and the shares of satisfied (4–5) and very satisfied (5)', () => {
    // 29 fives and one four, as in the article: 97 % very satisfied.
    expect(scaleFigures([0, 0, 0, 1, 29])).toEqual({
      mean: 4.97,
      satisfied: { numerator: 30, denominator: 30, percent: 100 },
      verySatisfied: { numerator: 29, denominator: 30, percent: 96.7 },
    });
    expect(scaleFigures([1, 1, 1, 1, 4])).toEqual({
      mean: 3.75,
      satisfied: { numerator: 5, denominator: 8, percent: 62.5 },
      verySatisfied: { numerator: 4, denominator: 8, percent: 50 },
    });
  });

  it('has no mean and no share when nobody answered', () => {
    expect(scaleFigures([0, 0, 0, 0, 0])).toEqual({
      mean: null,
      satisfied: { numerator: 0, denominator: 0, percent: null },
      verySatisfied: { numerator: 0, denominator: 0, percent: null },
    });
    expect(yesFigure(0, 0).percent).toBeNull();
  });

  it('counts the share who said yes', () => {
    expect(yesFigure(24, 6)).toEqual({ numerator: 24, denominator: 30, percent: 80 });
  });

  it('falls back to Swedish when a text is missing in the language', () => {
    expect(textIn({ sv: 'Hej', en: 'Hello' }, 'en')).toBe('Hello');
    expect(textIn({ sv: 'Hej' }, 'ar')).toBe('Hej');
  });
});
