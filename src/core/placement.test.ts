import { describe, expect, it } from 'vitest';
import { midpoint, placementAllows, weeklyHours } from './placement.ts';

describe('weeklyHours', () => {
  it('adds the slots of a week', () => {
    const days = [1, 2, 3, 4].map((weekday) => ({ weekday, startTime: '08:00', endTime: '16:30' }));
    expect(weeklyHours(days)).toBe(34);
  });
  it('keeps parts of hours to two decimals', () => {
    expect(weeklyHours([{ weekday: 5, startTime: '09:00', endTime: '09:50' }])).toBe(0.83);
    expect(weeklyHours([])).toBe(0);
  });
});

describe('midpoint', () => {
  it('is halfway, rounded down, across months and years', () => {
    expect(midpoint('2026-01-05', '2026-01-30')).toBe('2026-01-17');
    expect(midpoint('2026-12-14', '2027-01-15')).toBe('2026-12-30');
    expect(midpoint('2026-03-02', '2026-03-02')).toBe('2026-03-02');
  });
});

describe('placementAllows', () => {
  it('starts and cancels only planned placements, ends only ongoing ones', () => {
    expect(placementAllows('planned', 'start')).toBe(true);
    expect(placementAllows('planned', 'end')).toBe(false);
    expect(placementAllows('ongoing', 'end')).toBe(true);
    expect(placementAllows('ongoing', 'cancel')).toBe(false);
    expect(placementAllows('ended', 'evaluate')).toBe(true);
    expect(placementAllows('ended', 'edit')).toBe(false);
    expect(placementAllows('cancelled', 'evaluate')).toBe(false);
  });
});
