import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next.ts';

describe('safeNextPath', () => {
  it('keeps a path inside the app', () => {
    expect(safeNextPath('/deltagare/123?flik=plan')).toBe('/deltagare/123?flik=plan');
    expect(safeNextPath('/konto')).toBe('/konto');
  });

  it('sends anything else to the participant list', () => {
    for (const next of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example']) {
      expect(safeNextPath(next)).toBe('/deltagare');
    }
    expect(safeNextPath('/login?next=/konto')).toBe('/deltagare');
    expect(safeNextPath('/api/auth/oidc/start')).toBe('/deltagare');
  });
});
