import type { TargetGroupKind } from './enums.ts';

/**
 * The target group an education level (SUN 2020 code) points to: no or only compulsory-school education
 * (SUN levels 0–2) is "short-educated"; upper-secondary or higher (3–6) is the other group.
 * Returns null when the education level is unknown: then staff must choose.
 */
export function targetGroupKindForEducation(sunCode: string | null | undefined): TargetGroupKind | null {
  if (!sunCode || !/^\d{1,3}$/.test(sunCode)) return null;
  const level = Number(sunCode.charAt(0));
  return level <= 2 ? 'short_educated' : 'upper_secondary_or_higher';
}
