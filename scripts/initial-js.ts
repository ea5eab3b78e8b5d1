import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The front-end budget for the initial JavaScript, gzipped (checked in CI by scripts/check-bundle-budget.ts). */
export const initialJsBudgetKb = 200;
export const reportFile = 'initial-js.json';

/**
 * The JavaScript a browser must load before the app can start: the entry chunk and everything it imports
 * statically, not the lazy routes and tabs. Printed by every build and written to dist/web/initial-js.json.
 */
export function initialJsReport(): Plugin {
  return {
    name: 'stegvis-initial-js',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = initialChunks(bundle);
      const gzipBytes = chunks.reduce((sum, c) => sum + gzipSync(c.code).length, 0);
      const report = {
        gzipKb: Math.round((gzipBytes / 1024) * 10) / 10,
        budgetKb: initialJsBudgetKb,
        chunks: chunks.map((c) => c.fileName).sort(),
      };
      this.emitFile({ type: 'asset', fileName: reportFile, source: `${JSON.stringify(report, null, 2)}\n` });
      this.info(
        `initial JavaScript: ${report.gzipKb} KB gzipped in ${chunks.length} files (budget ${initialJsBudgetKb} KB)`,
      );
    },
  };
}

function initialChunks(bundle: OutputBundle): OutputChunk[] {
  const byName = new Map(
    Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])),
  );
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of byName.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].flatMap((name) => {
    const chunk = byName.get(name);
    return chunk ? [chunk] : [];
  });
}
