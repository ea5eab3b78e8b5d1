import { describe, expect, it } from 'vitest';
import {
  civicOrientationAreaCodes,
  civicOrientationAreaNames,
  civicOrientationProgress,
} from './civic-orientation.ts';

describe('civic orientation areas', () => {
  it('has the eight parts of förordning (2010:1138) 3 §', () => {
    expect(civicOrientationAreaCodes.map((code) => civicOrientationAreaNames[code])).toEqual([
      'Att komma till Sverige',
      'Att bo i Sverige',
      'Att försörja sig och utvecklas i Sverige',
      'Individens rättigheter och skyldigheter',
      'Att bilda familj och leva med barn i Sverige',
      'Att påverka i Sverige',
      'Att vårda sin hälsa i Sverige',
      'Att åldras i Sverige',
    ]);
  });
});

describe('civicOrientationProgress', () => {
  it('shows a participant part of the way: below the minimum, some parts missing', () => {
    expect(civicOrientationProgress(42.5, [3, 1, 2, 1], 200)).toEqual({
      hours: 42.5,
      legalMinimum: 100,
      target: 200,
      metMinimum: false,
      metTarget: false,
      hoursToMinimum: 57.5,
      hoursToTarget: 157.5,
      areasCovered: [1, 2, 3],
      areasMissing: [4, 5, 6, 7, 8],
      completed: false,
    });
  });

  it('meets the minimum at exactly 100 hours, and completes only with all eight parts', () => {
    const allParts = [...civicOrientationAreaCodes];
    expect(civicOrientationProgress(100, allParts, 200)).toMatchObject({
      metMinimum: true,
      metTarget: false,
      hoursToMinimum: 0,
      hoursToTarget: 100,
      areasMissing: [],
      completed: true,
    });
    expect(civicOrientationProgress(99.99, allParts, 200)).toMatchObject({
      metMinimum: false,
      completed: false,
    });
    expect(civicOrientationProgress(150, [1, 2, 3, 4, 5, 6, 7], 200)).toMatchObject({
      metMinimum: true,
      areasMissing: [8],
      completed: false,
    });
  });

  it('meets the programme’s target separately from the minimum', () => {
    expect(civicOrientationProgress(200, [], 200)).toMatchObject({
      metMinimum: true,
      metTarget: true,
      hoursToTarget: 0,
      completed: false,
    });
    expect(civicOrientationProgress(120, [], 100)).toMatchObject({ metTarget: true });
  });

  it('refuses negative hours, unknown parts and a target below the legal minimum', () => {
    expect(() => civicOrientationProgress(-1, [], 200)).toThrow(RangeError);
    expect(() => civicOrientationProgress(10, [9], 200)).toThrow(RangeError);
    expect(() => civicOrientationProgress(10, [], 60)).toThrow(RangeError);
  });
});
