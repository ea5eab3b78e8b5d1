import { readFileSync } from 'node:fs';
import { initialJsBudgetKb, reportFile } from './initial-js.ts';

// Fails (exit 1) when the last build's initial JavaScript is over the budget; run after `npm run build`.
const report = JSON.parse(readFileSync(new URL(`../dist/web/${reportFile}`, import.meta.url), 'utf8')) as {
  gzipKb: number;
};
const verdict = report.gzipKb <= initialJsBudgetKb ? 'within' : 'OVER';
console.log(
  `initial JavaScript ${report.gzipKb} KB gzipped: ${verdict} the budget of ${initialJsBudgetKb} KB`,
);
if (report.gzipKb > initialJsBudgetKb) process.exit(1);
