import { describe, expect, it } from 'vitest';
import {
  formatHours,
  formatMinutesAsHours,
  isMonth,
  monthBounds,
  monthName,
  shiftMonth,
} from './attendance-format.ts';

describe('attendance formatting', () => {
  it('shows hours with two decimals and the decimal sign of the language', () => {
    expect(formatMinutesAsHours(150, 'sv')).toBe('2,50');
    expect(formatMinutesAsHours(50, 'sv')).toBe('0,83');
    expect(formatMinutesAsHours(150, 'en')).toBe('2.50');
    expect(formatHours(100, 'sv')).toBe('100,00');
  });

  it('moves between months and names them', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth(null)).toBe(false);
    expect(monthName('2026-11', 'sv')).toBe('november 2026');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
