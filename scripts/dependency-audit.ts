import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { judgeAudit } from '../src/server/security/dependency-audit.ts';

// npm run audit:deps: `npm audit` of the packages that run in production (dependencies; `--include-dev` adds the
// devDependencies), failing on high or critical advisories. Where the registry's advisory endpoint cannot be
// reached it warns and passes, unless STEGVIS_AUDIT_REQUIRED=1. The verdict is src/server/security/dependency-audit.ts.

const includeDev = process.argv.includes('--include-dev');
const args = ['audit', '--json', '--audit-level=high', ...(includeDev ? [] : ['--omit=dev'])];
const required = ['1', 'true', 'yes'].includes((process.env.STEGVIS_AUDIT_REQUIRED ?? '').toLowerCase());

console.log(`npm ${args.join(' ')}${required ? ' (STEGVIS_AUDIT_REQUIRED=1)' : ''}`);
const result = spawnSync('npm', args, {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  timeout: 300_000,
});
if (result.error) {
  console.error(`dependency audit FAILED: could not run npm: ${result.error.message}`);
  process.exit(1);
}
const verdict = judgeAudit(
  { exitCode: result.status, stdout: result.stdout, stderr: result.stderr },
  { required },
);
const print = verdict.exitCode === 0 && verdict.kind === 'clean' ? console.log : console.error;
for (const line of verdict.lines) print(line);
process.exit(verdict.exitCode);
