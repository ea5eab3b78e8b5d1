import { describe, expect, it } from 'vitest';
import { type AuditRun, isEndpointUnreachable, judgeAudit } from './dependency-audit.ts';

// Outputs of `npm audit --json --omit=dev --audit-level=high` (npm 11). The endpoint errors (the registry's 405
// and a refused connection) and the missing lock file are as npm printed them on this project's machine; the
// reports follow npm's report format (version 2), with real advisories.

const stderrOf = (warning: string) =>
  `npm warn audit ${warning}\nnpm error audit endpoint returned an error\nnpm error A complete log of this run can be found in: /root/.npm/_logs/2026-12-04T23_05_48_996Z-debug-0.log\n`;

const endpoint405: AuditRun = {
  exitCode: 1,
  stdout: JSON.stringify(
    {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      headers: {
        allow: ['GET,HEAD'],
        date: ['Fri, 04 Dec 2026 23:05:50 GMT'],
        'content-length': ['0'],
        'x-fetch-attempts': ['1'],
      },
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    },
    null,
    2,
  ),
  stderr: stderrOf(
    '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  ),
};

const endpointRefused: AuditRun = {
  exitCode: 1,
  stdout: JSON.stringify({
    message:
      'request to http://127.0.0.1:1/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:1',
    error: { summary: '', detail: '' },
  }),
  stderr: stderrOf(
    'request to http://127.0.0.1:1/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:1',
  ),
};

const noLockFile: AuditRun = {
  exitCode: 1,
  stdout: JSON.stringify({
    error: {
      code: 'ENOLOCK',
      summary: 'This command requires an existing lockfile.',
      detail: 'Try creating one first with: npm i --package-lock-only',
    },
  }),
  stderr: 'npm error code ENOLOCK\nnpm error audit This command requires an existing lockfile.\n',
};

const metadata = (counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>) => {
  const vulnerabilities = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(vulnerabilities).reduce((a, b) => a + b, 0);
  return {
    vulnerabilities: { ...vulnerabilities, total },
    dependencies: { prod: 212, dev: 0, optional: 4, peer: 0, peerOptional: 0, total: 211 },
  };
};

const clean: AuditRun = {
  exitCode: 0,
  stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: metadata({}) }),
  stderr: '',
};

const moderate = {
  name: 'cookie',
  severity: 'low',
  isDirect: false,
  via: [
    {
      source: 1103907,
      name: 'cookie',
      dependency: 'cookie',
      title: 'cookie accepts cookie name, path, and domain with out of bounds characters',
      url: 'https://github.com/advisories/GHSA-pxg6-pf52-xh8x',
      severity: 'low',
      cwe: ['CWE-74'],
      cvss: { score: 0, vectorString: null },
      range: '<0.7.0',
    },
  ],
  effects: [],
  range: '<0.7.0',
  nodes: ['node_modules/cookie'],
  fixAvailable: true,
};

const onlyLow: AuditRun = {
  exitCode: 0,
  stdout: JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: { cookie: moderate },
    metadata: metadata({ low: 1 }),
  }),
  stderr: '',
};

const findings: AuditRun = {
  exitCode: 1,
  stdout: JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      cookie: moderate,
      'path-to-regexp': {
        name: 'path-to-regexp',
        severity: 'high',
        isDirect: false,
        via: [
          {
            source: 1101850,
            name: 'path-to-regexp',
            dependency: 'path-to-regexp',
            title: 'path-to-regexp outputs backtracking regular expressions',
            url: 'https://github.com/advisories/GHSA-9wv6-86v2-598j',
            severity: 'high',
            cwe: ['CWE-1333'],
            cvss: { score: 7.5, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
            range: '<0.1.10',
          },
        ],
        effects: ['express'],
        range: '<0.1.10',
        nodes: ['node_modules/path-to-regexp'],
        fixAvailable: true,
      },
      express: {
        name: 'express',
        severity: 'high',
        isDirect: true,
        via: ['path-to-regexp'],
        effects: [],
        range: '4.0.0-rc1 - 4.21.1',
        nodes: ['node_modules/express'],
        fixAvailable: { name: 'express', version: '5.1.0', isSemVerMajor: true },
      },
      'form-data': {
        name: 'form-data',
        severity: 'critical',
        isDirect: false,
        via: [
          {
            source: 1106509,
            name: 'form-data',
            dependency: 'form-data',
            title: 'form-data uses unsafe random function in form-data for choosing boundary',
            url: 'https://github.com/advisories/GHSA-fjxv-7rqg-78g4',
            severity: 'critical',
            cwe: ['CWE-330'],
            cvss: { score: 0, vectorString: null },
            range: '>=4.0.0 <4.0.4',
          },
        ],
        effects: [],
        range: '4.0.0 - 4.0.3',
        nodes: ['node_modules/form-data'],
        fixAvailable: false,
      },
    },
    metadata: metadata({ low: 1, high: 2, critical: 1 }),
  }),
  stderr: '',
};

describe('judgeAudit', () => {
  it('fails on high and critical advisories, naming each package, its advisory and its fix', () => {
    const verdict = judgeAudit(findings, { required: false });
    expect(verdict.kind).toBe('findings');
    expect(verdict.exitCode).toBe(1);
    if (verdict.kind !== 'findings') return;
    expect(verdict.findings.map((f) => [f.severity, f.name])).toEqual([
      ['critical', 'form-data'],
      ['high', 'express'],
      ['high', 'path-to-regexp'],
    ]);
    const text = verdict.lines.join('\n');
    expect(text).toContain('3 package(s) with high or critical advisories');
    expect(text).toContain('1 critical, 2 high, 0 moderate, 1 low, 0 info');
    expect(text).toContain('https://github.com/advisories/GHSA-fjxv-7rqg-78g4');
    expect(text).toContain(
      'express 4.0.0-rc1 - 4.21.1 (a direct dependency); fix: express@5.1.0 (a major version)',
    );
    expect(text).toContain('through path-to-regexp');
    expect(text).toContain('form-data 4.0.0 - 4.0.3; no fix available');
    // A low advisory is counted, not listed as a reason to fail.
    expect(text).not.toContain('GHSA-pxg6-pf52-xh8x');
    // Findings fail whether or not the audit is required.
    expect(judgeAudit(findings, { required: true }).exitCode).toBe(1);
  });

  it('passes a clean report, and one with only lower severities', () => {
    expect(judgeAudit(clean, { required: true })).toEqual({
      kind: 'clean',
      exitCode: 0,
      lines: [
        'dependency audit passed: no high or critical advisories (0 critical, 0 high, 0 moderate, 0 low, 0 info)',
      ],
    });
    const low = judgeAudit(onlyLow, { required: false });
    expect(low.kind).toBe('clean');
    expect(low.lines[0]).toContain('1 low');
  });

  it('warns and passes when the advisory endpoint cannot be reached, and fails when the audit is required', () => {
    for (const run of [endpoint405, endpointRefused]) {
      const warned = judgeAudit(run, { required: false });
      expect(warned.kind).toBe('unreachable');
      expect(warned.exitCode).toBe(0);
      expect(warned.lines[0]).toMatch(/^WARNING: the dependency audit could not run here/);
      const required = judgeAudit(run, { required: true });
      expect(required.kind).toBe('unreachable');
      expect(required.exitCode).toBe(1);
    }
    expect(judgeAudit(endpoint405, { required: false }).lines[0]).toContain('(HTTP 405)');
    expect(judgeAudit(endpointRefused, { required: false }).lines[0]).toContain('ECONNREFUSED');
  });

  it('tells the unreachable endpoint apart from every other failure, which fails', () => {
    expect(isEndpointUnreachable(JSON.parse(endpoint405.stdout), endpoint405.stderr)).toBe(true);
    // The same body without npm's own words for it, or with an error code, is something else.
    expect(isEndpointUnreachable(JSON.parse(endpoint405.stdout), '')).toBe(false);
    expect(
      isEndpointUnreachable(
        { ...JSON.parse(endpoint405.stdout), error: { code: 'E405' } },
        endpoint405.stderr,
      ),
    ).toBe(false);
    // A report is never mistaken for an endpoint error, even next to the marker.
    expect(isEndpointUnreachable(JSON.parse(findings.stdout), endpoint405.stderr)).toBe(false);

    const lock = judgeAudit(noLockFile, { required: false });
    expect(lock).toEqual({
      kind: 'failed',
      exitCode: 1,
      lines: [
        'dependency audit FAILED: npm audit gave no report (exit 1): ENOLOCK This command requires an existing lockfile.',
      ],
    });
    expect(
      judgeAudit({ exitCode: 1, stdout: '', stderr: 'npm: command not found' }, { required: false }),
    ).toEqual({
      kind: 'failed',
      exitCode: 1,
      lines: ['dependency audit FAILED: npm audit gave no report (exit 1): npm: command not found'],
    });
    expect(
      judgeAudit(
        { exitCode: 0, stdout: JSON.stringify({ advisories: {}, metadata: {} }), stderr: '' },
        { required: false },
      ).kind,
    ).toBe('failed');
    // npm failing a report that holds nothing at or above high is not trusted either.
    expect(judgeAudit({ ...clean, exitCode: 1 }, { required: false }).kind).toBe('failed');
  });
});
