import { describe, expect, it } from 'vitest';
import { targetGroupKindForEducation } from './target-group.ts';

describe('targetGroupKindForEducation', () => {
  it('puts no or compulsory-school education (SUN 0–2) in the short-educated group', () => {
    for (const code of ['0', '001', '1', '102', '106', '2', '204', '20']) {
      expect(targetGroupKindForEducation(code)).toBe('short_educated');
    }
  });

  it('puts upper-secondary and higher education (SUN 3–6) in the other group', () => {
    for (const code of ['3', '31', '310', '4', '5', '55', '6', '640']) {
      expect(targetGroupKindForEducation(code)).toBe('upper_secondary_or_higher');
    }
  });

  it('derives nothing when the education level is unknown', () => {
    expect(targetGroupKindForEducation(null)).toBeNull();
    expect(targetGroupKindForEducation(undefined)).toBeNull();
    expect(targetGroupKindForEducation('')).toBeNull();
    expect(targetGroupKindForEducation('x1')).toBeNull();
  });
});
