import { addDays, type IsoDate } from './dates.ts';

export const caseloadWarnings = [
  'planned_end_soon',
  'planned_end_passed',
  'no_contact',
  'plan_not_reviewed',
  'follow_up_due',
  'follow_up_overdue',
] as const;
export type CaseloadWarning = (typeof caseloadWarnings)[number];

/** What the warnings are computed from; dates are YYYY-MM-DD, null when there is none. */
export type CaseloadFacts = {
  /** Earliest planned end of the participant's active enrolments. */
  plannedEndOn: IsoDate | null;
  /** Start of the earliest active enrolment: contact is counted from here when there is no journal entry. */
  enrolledOn: IsoDate | null;
  /** Latest date of a current journal entry of a contact category. */
  lastContactOn: IsoDate | null;
  /** Earliest due date of a follow-up with no status recorded. */
  followUpDueOn: IsoDate | null;
  /**
   * Earliest last review of the action plans of the active enrolments; an active enrolment without a plan
   * counts from its start.
   */
  planReviewedOn: IsoDate | null;
};

export const plannedEndWarningDays = 30;
export const noContactDays = 30;
export const followUpDueDays = 7;
export const planReviewDays = 60;

/** The warnings for one participant on `today`, in a fixed order. */
export function warningsFor(facts: CaseloadFacts, today: IsoDate): CaseloadWarning[] {
  const warnings: CaseloadWarning[] = [];
  if (facts.plannedEndOn !== null) {
    if (facts.plannedEndOn < today) warnings.push('planned_end_passed');
    else if (facts.plannedEndOn <= addDays(today, plannedEndWarningDays)) warnings.push('planned_end_soon');
  }
  // Only someone enrolled is expected to be in contact; a referral has its information meeting instead.
  if (facts.enrolledOn !== null) {
    const since = latest(facts.enrolledOn, facts.lastContactOn);
    if (since < addDays(today, -noContactDays)) warnings.push('no_contact');
  }
  if (facts.planReviewedOn !== null && facts.planReviewedOn < addDays(today, -planReviewDays)) {
    warnings.push('plan_not_reviewed');
  }
  if (facts.followUpDueOn !== null) {
    if (facts.followUpDueOn < today) warnings.push('follow_up_overdue');
    else if (facts.followUpDueOn <= addDays(today, followUpDueDays)) warnings.push('follow_up_due');
  }
  return warnings;
}

function latest(a: IsoDate, b: IsoDate | null): IsoDate {
  return b !== null && b > a ? b : a;
}
