import type { TFunction } from 'i18next';
import type { MatchReason } from '../../../core/matching.ts';
import { reasonPoints } from '../../../core/matching.ts';
import { type SfiCourse, sfiCourses } from '../../../core/schemas/assessment.schema.ts';
import { formatDate } from '../../components/format.ts';

/** What the opening requires, when the page knows it; the reasons' `detail` carries the participant's side only. */
export type OpeningRequirements = {
  requiredSfiCourse?: SfiCourse | null;
  requiredEducationLevelCode?: string | null;
};

const isSfiCourse = (value: string | undefined): value is SfiCourse =>
  (sfiCourses as readonly string[]).includes(value ?? '');

/** One reason as a sentence; whether it is met is said in its words, not by colour. */
export function reasonText(
  t: TFunction,
  reason: MatchReason,
  requirements: OpeningRequirements = {},
): string {
  const { detail, met } = reason;
  switch (reason.code) {
    case 'occupation_goal':
      return t('matching.reason.occupationGoal', { code: detail ?? '' });
    case 'occupation_goal_group':
      return t('matching.reason.occupationGoalGroup', { code: detail ?? '' });
    case 'earlier_occupation': {
      const years = detail === undefined ? Number.NaN : Number(detail);
      return Number.isFinite(years)
        ? t('matching.reason.earlierOccupation', { years })
        : t('matching.reason.earlierOccupationNoYears');
    }
    case 'swedish_level': {
      const required = requirements.requiredSfiCourse
        ? t(`matching.sfiRequirement.${requirements.requiredSfiCourse}`)
        : null;
      if (!isSfiCourse(detail)) {
        return required
          ? t('matching.reason.swedishUnknownRequired', { required })
          : t('matching.reason.swedishUnknown');
      }
      const course = t(`matching.sfiCourse.${detail}`);
      if (met) {
        return required
          ? t('matching.reason.swedishMetRequired', { course, required })
          : t('matching.reason.swedishMet', { course });
      }
      return required
        ? t('matching.reason.swedishUnmetRequired', { course, required })
        : t('matching.reason.swedishUnmet', { course });
    }
    case 'driving_licence':
      if (met) return t('matching.reason.licenceMet');
      return detail === 'none' || detail === 'learner' || detail === 'B' || detail === 'other'
        ? t('matching.reason.licenceUnmet', { licence: t(`drivingLicence.${detail}`) })
        : t('matching.reason.licenceUnknown');
    case 'education_level': {
      const required = requirements.requiredEducationLevelCode ?? null;
      if (detail === undefined) {
        return required
          ? t('matching.reason.educationUnknownRequired', { required })
          : t('matching.reason.educationUnknown');
      }
      const level = detail;
      if (met) {
        return required
          ? t('matching.reason.educationMetRequired', { level, required })
          : t('matching.reason.educationMet', { level });
      }
      return required
        ? t('matching.reason.educationUnmetRequired', { level, required })
        : t('matching.reason.educationUnmet', { level });
    }
    case 'local':
      return detail === 'home' ? t('matching.reason.localHome') : t('matching.reason.localCentre');
    case 'available':
      return detail
        ? t('matching.reason.available', { date: formatDate(detail) })
        : t('matching.reason.availableNoEnd');
  }
}

/** A reason's points with their sign: "+40", "−15" (a real minus sign). */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${-points}`;
  return '0';
}

/** The points a reason gives, signed. */
export function reasonPointsText(reason: Pick<MatchReason, 'code' | 'met'>): string {
  return signedPoints(reasonPoints(reason));
}
