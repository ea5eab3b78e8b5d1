// The verdict on one run of `npm audit --json` (npm 7 or newer, report version 2), for
// `npm run audit:deps` (scripts/dependency-audit.ts). Pure: the script runs npm and prints what this returns.

/** What the audit fails on: advisories of these severities, in any package of the audited tree. */
export const failingSeverities = ['high', 'critical'] as const;
type FailingSeverity = (typeof failingSeverities)[number];

export type AuditRun = { exitCode: number | null; stdout: string; stderr: string };

export type Finding = {
  name: string;
  severity: FailingSeverity;
  /** The vulnerable versions, e.g. "<0.1.12". */
  range: string;
  /** The advisories' titles and addresses, or "through <package>" for a package affected by a dependency. */
  advisories: string[];
  direct: boolean;
  fix: string;
};

export type AuditVerdict =
  | { kind: 'clean'; exitCode: 0; lines: string[] }
  | { kind: 'findings'; exitCode: 1; lines: string[]; findings: Finding[] }
  | { kind: 'unreachable'; exitCode: 0 | 1; lines: string[] }
  | { kind: 'failed'; exitCode: 1; lines: string[] };

// What npm prints with --json when the advisory endpoint answers with an error or not at all
// (lib/utils/audit-error.js): the request's message, method, uri, headers, statusCode and body, then npm's
// error handler adds `error` without a code (the thrown value is a bare string), and stderr says
// "audit endpoint returned an error". Network errors (no address, refused, timed out) come the same way with
// only a message. Every other npm failure carries `error.code` (ENOLOCK, say) and no request.
const endpointErrorKeys = new Set(['message', 'method', 'uri', 'headers', 'statusCode', 'body', 'error']);
const endpointErrorMarker = 'audit endpoint returned an error';

type Advisory = { title?: unknown; url?: unknown; severity?: unknown };
type Vulnerability = {
  name?: unknown;
  severity?: unknown;
  range?: unknown;
  via?: unknown;
  isDirect?: unknown;
  fixAvailable?: unknown;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether npm could not get a report from the advisory endpoint, told apart from every other failure. */
export function isEndpointUnreachable(report: unknown, stderr: string): boolean {
  return (
    isRecord(report) &&
    typeof report.message === 'string' &&
    Object.keys(report).every((key) => endpointErrorKeys.has(key)) &&
    (report.error === undefined || (isRecord(report.error) && report.error.code === undefined)) &&
    stderr.includes(endpointErrorMarker)
  );
}

function describeFix(fix: unknown): string {
  if (fix === true) return 'fix: npm audit fix';
  if (isRecord(fix) && typeof fix.name === 'string' && typeof fix.version === 'string') {
    return `fix: ${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (a major version)' : ''}`;
  }
  return 'no fix available';
}

function findingsOf(vulnerabilities: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(vulnerabilities)) {
    const vulnerability = value as Vulnerability;
    const severity = vulnerability.severity;
    if (!failingSeverities.includes(severity as FailingSeverity)) continue;
    const via = Array.isArray(vulnerability.via) ? vulnerability.via : [];
    findings.push({
      name: typeof vulnerability.name === 'string' ? vulnerability.name : key,
      severity: severity as FailingSeverity,
      range: typeof vulnerability.range === 'string' ? vulnerability.range : '?',
      advisories: via.map((entry: unknown) => {
        if (typeof entry === 'string') return `through ${entry}`;
        const advisory = (isRecord(entry) ? entry : {}) as Advisory;
        return `${String(advisory.title ?? 'advisory')} (${String(advisory.severity ?? '?')}) ${String(advisory.url ?? '')}`.trim();
      }),
      direct: vulnerability.isDirect === true,
      fix: describeFix(vulnerability.fixAvailable),
    });
  }
  // Critical first, then by name.
  return findings.sort(
    (a, b) =>
      failingSeverities.indexOf(b.severity) - failingSeverities.indexOf(a.severity) ||
      a.name.localeCompare(b.name),
  );
}

function countsOf(report: Record<string, unknown>): string {
  const metadata = isRecord(report.metadata) ? report.metadata : {};
  const counts = isRecord(metadata.vulnerabilities) ? metadata.vulnerabilities : {};
  const parts = ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${Number(counts[s] ?? 0)} ${s}`);
  return parts.join(', ');
}

/**
 * Fails on high or critical advisories, listing the packages; passes a clean report (lower severities are
 * counted, not failed on). When npm could not reach the advisory endpoint, the audit did not run: a warning
 * that passes, unless `required` (STEGVIS_AUDIT_REQUIRED=1), where the endpoint is reachable and must answer.
 * Anything else npm says (no lock file, a report of an unknown shape) fails.
 */
export function judgeAudit(run: AuditRun, options: { required: boolean }): AuditVerdict {
  const report = parseJson(run.stdout);

  if (isEndpointUnreachable(report, run.stderr)) {
    const { message, statusCode } = report as { message: string; statusCode?: unknown };
    const why = `npm could not get an answer from the advisory endpoint${
      typeof statusCode === 'number' ? ` (HTTP ${statusCode})` : ''
    }: ${message}`;
    if (options.required) {
      return {
        kind: 'unreachable',
        exitCode: 1,
        lines: [`dependency audit FAILED: ${why}`, 'STEGVIS_AUDIT_REQUIRED=1: the audit must run here.'],
      };
    }
    return {
      kind: 'unreachable',
      exitCode: 0,
      lines: [
        `WARNING: the dependency audit could not run here. ${why}`,
        'Nothing was checked. Run `npm run audit:deps` where the registry answers (STEGVIS_AUDIT_REQUIRED=1 makes this a failure).',
      ],
    };
  }

  if (!isRecord(report) || report.auditReportVersion !== 2 || !isRecord(report.vulnerabilities)) {
    const npmError = isRecord(report) && isRecord(report.error) ? report.error : undefined;
    const detail = npmError
      ? `${String(npmError.code ?? '')} ${String(npmError.summary ?? '')}`.trim()
      : run.stdout.trim().slice(0, 500) || run.stderr.trim().slice(0, 500) || 'no output';
    return {
      kind: 'failed',
      exitCode: 1,
      lines: [`dependency audit FAILED: npm audit gave no report (exit ${run.exitCode}): ${detail}`],
    };
  }

  const findings = findingsOf(report.vulnerabilities);
  if (findings.length > 0) {
    return {
      kind: 'findings',
      exitCode: 1,
      findings,
      lines: [
        `dependency audit FAILED: ${findings.length} package(s) with high or critical advisories (${countsOf(report)}):`,
        ...findings.flatMap((f) => [
          `  ${f.severity.padEnd(8)} ${f.name} ${f.range}${f.direct ? ' (a direct dependency)' : ''}; ${f.fix}`,
          ...f.advisories.map((a) => `           ${a}`),
        ]),
      ],
    };
  }
  if (run.exitCode !== 0) {
    // npm with --audit-level=high exits non-zero only for what we fail on; a report that disagrees is not trusted.
    return {
      kind: 'failed',
      exitCode: 1,
      lines: [
        `dependency audit FAILED: npm audit exited ${run.exitCode} on a report without high or critical advisories`,
      ],
    };
  }
  return {
    kind: 'clean',
    exitCode: 0,
    lines: [`dependency audit passed: no high or critical advisories (${countsOf(report)})`],
  };
}
