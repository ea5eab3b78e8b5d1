import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeMatrix } from './route-matrix.ts';
import { generatedEnd, generatedStart, renderMatrix, withRenderedMatrix } from './security-doc.ts';

const document = readFileSync(new URL('../../../SECURITY.md', import.meta.url), 'utf8');

describe('SECURITY.md', () => {
  it('holds the matrix exactly as the code has it (npm run security:matrix writes it)', () => {
    const start = document.indexOf(generatedStart);
    const end = document.indexOf(generatedEnd) + generatedEnd.length;
    expect(start, 'the security-matrix markers').toBeGreaterThanOrEqual(0);
    expect(document.slice(start, end)).toBe(renderMatrix());
    expect(withRenderedMatrix(document)).toBe(document);
  });

  it('lists every route of the matrix', () => {
    for (const key of Object.keys(routeMatrix)) expect(document).toContain(`| \`${key}\` |`);
  });
});
