import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, swedishDateTimeToIso } from './format.ts';

describe('format', () => {
  it('gives Swedish time its offset, winter and summer', () => {
    expect(swedishDateTimeToIso('2026-01-15', '09:30')).toBe('2026-01-15T09:30:00+01:00');
    expect(swedishDateTimeToIso('2026-07-15', '09:30')).toBe('2026-07-15T09:30:00+02:00');
  });

  it('shows timestamps as YYYY-MM-DD HH:MM in Swedish time', () => {
    expect(formatDateTime('2026-07-15T07:30:00Z')).toBe('2026-07-15 09:30');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(formatDate('2026-03-14')).toBe('2026-03-14');
  });
});
