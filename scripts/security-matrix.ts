import { readFileSync, writeFileSync } from 'node:fs';
import { withRenderedMatrix } from '../src/server/security/security-doc.ts';

// Writes the authorization matrix into SECURITY.md (between its markers); `--check` only reports a difference.

const path = new URL('../SECURITY.md', import.meta.url);
const current = readFileSync(path, 'utf8');
const next = withRenderedMatrix(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('SECURITY.md is out of date: run npm run security:matrix');
    process.exit(1);
  }
  console.log('SECURITY.md agrees with the matrix');
} else {
  writeFileSync(path, next);
  console.log(next === current ? 'SECURITY.md was up to date' : 'SECURITY.md updated');
}
