import { describe, expect, it } from 'vitest';
import { addDays, isoWeek, isValidIsoDate, plannedEndDate, todayInSweden } from './dates.ts';

describe('plannedEndDate', () => {
  it('adds the maximum duration in months', () => {
    expect(plannedEndDate('2026-01-15', 6)).toBe('2026-07-15');
    expect(plannedEndDate('2026-03-01', 12)).toBe('2027-03-01');
  });

  it('ends on the last day of a shorter month', () => {
    expect(plannedEndDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(plannedEndDate('2025-03-31', 6)).toBe('2025-09-30');
  });

  it('knows leap years', () => {
    expect(plannedEndDate('2023-08-31', 6)).toBe('2024-02-29');
    expect(plannedEndDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(plannedEndDate('2027-02-28', 12)).toBe('2028-02-28');
  });

  it('crosses year ends', () => {
    expect(plannedEndDate('2026-11-22', 6)).toBe('2027-05-22');
  });
});

describe('dates', () => {
  it('accepts only real dates as YYYY-MM-DD', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('22/11/2026')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
  });

  it('counts ISO weeks as in Sweden (week 1 holds the first Thursday)', () => {
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2026-11-22')).toBe(47);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('takes today in Swedish time', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
