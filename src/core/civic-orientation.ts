// Civic orientation (samhällsorientering) under förordning (2010:1138): the eight parts of 3 § and the
// minimum of 5 § (100 hours since förordning 2019:1310; before 2020 it was 60).

export const civicOrientationAreaCodes = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type CivicOrientationAreaCode = (typeof civicOrientationAreaCodes)[number];

/** The Swedish names of the parts, as the ordinance words them. */
export const civicOrientationAreaNames: Readonly<Record<CivicOrientationAreaCode, string>> = {
  1: 'Att komma till Sverige',
  2: 'Att bo i Sverige',
  3: 'Att försörja sig och utvecklas i Sverige',
  4: 'Individens rättigheter och skyldigheter',
  5: 'Att bilda familj och leva med barn i Sverige',
  6: 'Att påverka i Sverige',
  7: 'Att vårda sin hälsa i Sverige',
  8: 'Att åldras i Sverige',
};

export const civicOrientationLegalMinimumHours = 100;

export type CivicOrientationProgress = {
  hours: number;
  legalMinimum: number;
  /** The programme's own target, at least the legal minimum. */
  target: number;
  metMinimum: boolean;
  metTarget: boolean;
  /** Hours still needed, never below zero. */
  hoursToMinimum: number;
  hoursToTarget: number;
  /** Covered parts in code order, each once. */
  areasCovered: CivicOrientationAreaCode[];
  /** Parts not yet covered, in code order. */
  areasMissing: CivicOrientationAreaCode[];
  /** The legal minimum reached and every part covered. */
  completed: boolean;
};

/**
 * A participant's progress in civic orientation: hours attended against the legal minimum and the
 * programme's target, and the parts covered. Throws a RangeError for negative hours, an unknown part or
 * a target below the legal minimum.
 */
export function civicOrientationProgress(
  hours: number,
  areasCovered: readonly number[],
  target: number,
): CivicOrientationProgress {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Not a number of hours: ${hours}`);
  if (!Number.isFinite(target) || target < civicOrientationLegalMinimumHours) {
    throw new RangeError(
      `The target (${target}) is below the legal minimum of ${civicOrientationLegalMinimumHours}`,
    );
  }
  for (const code of areasCovered) {
    if (!isCivicOrientationAreaCode(code)) throw new RangeError(`Not a civic orientation area: ${code}`);
  }
  const covered = new Set(areasCovered);
  const metMinimum = hours >= civicOrientationLegalMinimumHours;
  const areasMissing = civicOrientationAreaCodes.filter((code) => !covered.has(code));
  return {
    hours,
    legalMinimum: civicOrientationLegalMinimumHours,
    target,
    metMinimum,
    metTarget: hours >= target,
    hoursToMinimum: roundHours(Math.max(0, civicOrientationLegalMinimumHours - hours)),
    hoursToTarget: roundHours(Math.max(0, target - hours)),
    areasCovered: civicOrientationAreaCodes.filter((code) => covered.has(code)),
    areasMissing,
    completed: metMinimum && areasMissing.length === 0,
  };
}

export function isCivicOrientationAreaCode(value: number): value is CivicOrientationAreaCode {
  return (civicOrientationAreaCodes as readonly number[]).includes(value);
}

// Hours come from minutes / 60; two decimals keep 100 − 99.99… from showing as 0.000…01.
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}
