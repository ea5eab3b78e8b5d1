import { describe, expect, it } from 'vitest';
import { type CaseloadFacts, warningsFor } from './caseload-warnings.ts';

const none: CaseloadFacts = {
  plannedEndOn: null,
  enrolledOn: null,
  lastContactOn: null,
  followUpDueOn: null,
  planReviewedOn: null,
};
const today = '2026-03-15';

describe('warningsFor', () => {
  it('gives nothing for a referral without enrolment or follow-up', () => {
    expect(warningsFor(none, today)).toEqual([]);
  });

  it('warns of a planned end within 30 days, counting the 30th day and today', () => {
    const enrolled = { ...none, enrolledOn: '2026-03-01' };
    expect(warningsFor({ ...enrolled, plannedEndOn: '2026-04-14' }, today)).toEqual(['planned_end_soon']);
    expect(warningsFor({ ...enrolled, plannedEndOn: today }, today)).toEqual(['planned_end_soon']);
    expect(warningsFor({ ...enrolled, plannedEndOn: '2026-04-15' }, today)).toEqual([]);
  });

  it('warns of a planned end that has passed', () => {
    const facts = { ...none, enrolledOn: '2026-03-01', plannedEndOn: '2026-03-14' };
    expect(warningsFor(facts, today)).toEqual(['planned_end_passed']);
  });

  it('warns when the last contact, or the start without any, is more than 30 days ago', () => {
    const enrolled = { ...none, enrolledOn: '2025-10-01', plannedEndOn: '2026-10-01' };
    expect(warningsFor(enrolled, today)).toEqual(['no_contact']);
    expect(warningsFor({ ...enrolled, lastContactOn: '2026-02-12' }, today)).toEqual(['no_contact']);
    expect(warningsFor({ ...enrolled, lastContactOn: '2026-02-13' }, today)).toEqual([]);
    expect(warningsFor({ ...enrolled, enrolledOn: '2026-02-20' }, today)).toEqual([]);
  });

  it('marks a follow-up due within 7 days and overdue once its date has passed', () => {
    expect(warningsFor({ ...none, followUpDueOn: '2026-03-22' }, today)).toEqual(['follow_up_due']);
    expect(warningsFor({ ...none, followUpDueOn: today }, today)).toEqual(['follow_up_due']);
    expect(warningsFor({ ...none, followUpDueOn: '2026-03-23' }, today)).toEqual([]);
    expect(warningsFor({ ...none, followUpDueOn: '2026-03-14' }, today)).toEqual(['follow_up_overdue']);
  });

  it('warns when the action plan was last reviewed, or the enrolment started without one, over 60 days ago', () => {
    const enrolled = { ...none, enrolledOn: '2026-03-01', plannedEndOn: '2026-10-01' };
    expect(warningsFor({ ...enrolled, planReviewedOn: '2026-01-13' }, today)).toEqual(['plan_not_reviewed']);
    expect(warningsFor({ ...enrolled, planReviewedOn: '2026-01-14' }, today)).toEqual([]);
    expect(warningsFor({ ...enrolled, planReviewedOn: today }, today)).toEqual([]);
    expect(warningsFor({ ...none, planReviewedOn: null }, today)).toEqual([]);
  });

  it('gives several warnings at once, across a month and year end', () => {
    const facts = {
      plannedEndOn: '2026-12-30',
      enrolledOn: '2026-01-01',
      lastContactOn: '2026-11-30',
      followUpDueOn: '2026-12-31',
      planReviewedOn: '2026-11-01',
    };
    expect(warningsFor(facts, '2027-01-01')).toEqual([
      'planned_end_passed',
      'no_contact',
      'plan_not_reviewed',
      'follow_up_overdue',
    ]);
  });
});
