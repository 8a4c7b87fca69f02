/**
 * `resilience audit` over fixtures/audit-app: the exact findings and chains
 * (text and JSON), the SARIF code flows, exit codes and the summary of what
 * the audit cannot see.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run';
import { run } from '../../src/cli/main';

const app = join(__dirname, '../../fixtures/audit-app');

function sink() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), get text() { return text; } };
}

async function audit(args: string[], cwd = app) {
  const stdout = sink();
  const stderr = sink();
  const code = await runAudit(args, { cwd, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const step = (file: string, line: number, fn: string) => ({ file, line, function: fn });

const expectedFindings = [
  {
    // Guarded on the '/:id' route (withOutageFlip around the service call, three files up); not on '/:id/raw'.
    resource: 'shared-fs',
    kind: 'access',
    access: { file: 'src/lib/files.ts', line: 4, column: 10, callee: 'readFile' },
    paths: [
      [
        step('src/routes/reports.ts', 11, "reportsRouter.get('/:id/raw')"),
        step('src/routes/reports.ts', 12, 'buildReport'),
        step('src/services/reports.ts', 4, 'readReportFile'),
        step('src/lib/files.ts', 4, 'readFile'),
      ],
    ],
  },
  {
    // A dead exported helper is a root of its own.
    resource: 'shared-fs',
    kind: 'access',
    access: { file: 'src/lib/legacy.ts', line: 5, column: 10, callee: 'readFileSync' },
    paths: [[step('src/lib/legacy.ts', 4, 'loadLegacyManifest'), step('src/lib/legacy.ts', 5, 'readFileSync')]],
  },
  {
    // The nightly job checks the flag before calling purgeTmp in another file; the CommonJS sweep timer does not.
    resource: 'shared-fs',
    kind: 'access',
    access: { file: 'src/lib/tmp.ts', line: 4, column: 3, callee: 'fs.rmSync' },
    paths: [[step('src/jobs/sweep.js', 4, 'setInterval'), step('src/jobs/sweep.js', 5, 'purgeTmp'), step('src/lib/tmp.ts', 4, 'fs.rmSync')]],
  },
  {
    // @guarded archiveDir: called under the flag from the nightly job, without it from the admin route.
    resource: 'shared-fs',
    kind: 'guardedCall',
    access: { file: 'src/routes/admin.ts', line: 7, column: 3, callee: 'archiveDir' },
    paths: [[step('src/routes/admin.ts', 6, "adminRouter.post('/archive/:dir')"), step('src/routes/admin.ts', 7, 'archiveDir')]],
  },
  {
    // The axios instance made in @lib/payments-client: guarded by the policy and by the flag elsewhere.
    resource: 'payments',
    kind: 'access',
    access: { file: 'src/services/billing.ts', line: 14, column: 10, callee: 'payments.get' },
    paths: [[step('src/services/billing.ts', 13, 'retryFailedCharges'), step('src/services/billing.ts', 14, 'payments.get')]],
  },
  {
    // The pg pool exported from db/client, through a class instance re-exported by services/index; shortest chain first.
    resource: 'db',
    kind: 'access',
    access: { file: 'src/services/users.ts', line: 5, column: 28, callee: 'pool.query' },
    paths: [
      [step('src/routes/users.ts', 7, "usersRouter.get('/')"), step('src/routes/users.ts', 8, 'UserService.list'), step('src/services/users.ts', 5, 'pool.query')],
      [
        step('src/jobs/user-report.ts', 9, 'weeklyUserReport'),
        step('src/jobs/user-report.ts', 10, 'collectUsers'),
        step('src/jobs/user-report.ts', 5, 'UserService.list'),
        step('src/services/users.ts', 5, 'pool.query'),
      ],
    ],
  },
];

describe('resilience audit on fixtures/audit-app', () => {
  it('reports every unguarded access with every unguarded chain (JSON, settings from the ESLint config)', async () => {
    const result = await audit(['src', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual(expectedFindings);
    expect(report.summary).toMatchObject({
      // src/unused-broken.ts is not parsed (nothing imports it, it touches no resource), so its syntax error is not listed.
      filesAudited: 23,
      filesNotParsed: 1,
      filesSkipped: [{ file: 'src/broken.ts', reason: "does not parse: Parsing error: '}' expected. (line 3, column 0)" }],
      accesses: 12,
      guardedAccesses: 7,
      findings: 6,
      chains: 7,
      cannotSee: { dynamicCalls: 1, callbacksOutsideProject: 1, importsOutsidePaths: 0 },
    });
    expect(report.summary.cannotSee.note).toContain('Calls from outside the given paths are not seen');
  });

  it('never reports an access in a choke point, even when an unguarded route reaches it', async () => {
    const { stdout } = await audit(['src', '--format', 'json']);
    const files = JSON.parse(stdout).findings.map((f: { access: { file: string } }) => f.access.file);
    expect(files).not.toContain('src/lib/shared-fs.ts');
  });

  it('gives the same findings with --settings', async () => {
    const fromConfig = JSON.parse((await audit(['src', '--format', 'json'])).stdout);
    const fromFile = JSON.parse((await audit(['src', '--format', 'json', '--settings', 'resilience.json'])).stdout);
    expect(fromFile).toEqual(fromConfig);
  });

  it('prints the text format: resource, access, callee, then each chain', async () => {
    const result = await audit(['src']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'shared-fs  src/lib/files.ts:4:10  readFile',
        "  src/routes/reports.ts:11 (reportsRouter.get('/:id/raw')) -> src/routes/reports.ts:12 (buildReport) -> src/services/reports.ts:4 (readReportFile) -> src/lib/files.ts:4 (readFile)",
        '',
        'shared-fs  src/lib/legacy.ts:5:10  readFileSync',
        '  src/lib/legacy.ts:4 (loadLegacyManifest) -> src/lib/legacy.ts:5 (readFileSync)',
        '',
        'shared-fs  src/lib/tmp.ts:4:3  fs.rmSync',
        '  src/jobs/sweep.js:4 (setInterval) -> src/jobs/sweep.js:5 (purgeTmp) -> src/lib/tmp.ts:4 (fs.rmSync)',
        '',
        'shared-fs  src/routes/admin.ts:7:3  call of archiveDir, marked @guarded shared-fs',
        "  src/routes/admin.ts:6 (adminRouter.post('/archive/:dir')) -> src/routes/admin.ts:7 (archiveDir)",
        '',
        'payments  src/services/billing.ts:14:10  payments.get',
        '  src/services/billing.ts:13 (retryFailedCharges) -> src/services/billing.ts:14 (payments.get)',
        '',
        'db  src/services/users.ts:5:28  pool.query',
        "  src/routes/users.ts:7 (usersRouter.get('/')) -> src/routes/users.ts:8 (UserService.list) -> src/services/users.ts:5 (pool.query)",
        '  src/jobs/user-report.ts:9 (weeklyUserReport) -> src/jobs/user-report.ts:10 (collectUsers) -> src/jobs/user-report.ts:5 (UserService.list) -> src/services/users.ts:5 (pool.query)',
        '',
        '6 unguarded access site(s), 7 chain(s) from a root; 12 access site(s) in 23 file(s), 7 guarded on every chain.',
        'Of the 23 file(s), 1 not parsed (prefilter): they cannot be on a chain to a finding.',
        'Skipped 1 file(s):',
        "  src/broken.ts: does not parse: Parsing error: '}' expected. (line 3, column 0)",
        'Not seen by the audit:',
        '  dynamic calls (obj[name]()): 1',
        '  callbacks handed to code outside the project: 1',
        '  imports of project files outside the given paths: 0',
        '  calls from outside the given paths: exported functions nothing here calls are treated as roots',
        '',
      ].join('\n'),
    );
  });

  it('writes SARIF 2.1.0 with each chain as a code flow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-sarif-'));
    try {
      const output = join(dir, 'audit.sarif');
      const result = await audit(['src', '--format', 'sarif', '--output', output]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`6 finding(s); report written to ${output}`);
      const sarif = JSON.parse(readFileSync(output, 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
      const [runEntry] = sarif.runs;
      expect(runEntry.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
        'resilience/unguarded-shared-resource-chain',
        'resilience/guarded-contract',
      ]);
      expect(runEntry.results).toHaveLength(expectedFindings.length);
      runEntry.results.forEach((result: any, index: number) => {
        const finding = expectedFindings[index]!;
        expect(result.ruleId).toBe(finding.kind === 'access' ? 'resilience/unguarded-shared-resource-chain' : 'resilience/guarded-contract');
        expect(result.locations[0].physicalLocation).toEqual({
          artifactLocation: { uri: finding.access.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.access.line, startColumn: finding.access.column },
        });
        expect(result.codeFlows).toHaveLength(finding.paths.length);
        result.codeFlows.forEach((flow: any, i: number) => {
          expect(flow.threadFlows).toHaveLength(1);
          expect(
            flow.threadFlows[0].locations.map((l: any) => ({
              file: l.location.physicalLocation.artifactLocation.uri,
              line: l.location.physicalLocation.region.startLine,
              function: l.location.message.text,
              order: l.executionOrder,
            })),
          ).toEqual(finding.paths[i]!.map((s, order) => ({ ...s, order: order + 1 })));
        });
      });
      expect(runEntry.properties).toEqual({ filesAudited: 23, filesNotParsed: 1 });
      expect(runEntry.invocations[0].toolExecutionNotifications).toEqual([
        {
          level: 'warning',
          message: { text: "skipped: does not parse: Parsing error: '}' expected. (line 3, column 0)" },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' } } }],
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 when nothing is unguarded', async () => {
    const result = await audit(['src/lib/outage-flips.ts', 'src/lib/flags.ts', 'src/lib/shared-fs.ts']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 unguarded access site(s), 0 chain(s) from a root; 2 access site(s) in 3 file(s), 2 guarded on every chain.');
  });

  it('treats an exported function as a root when its caller is outside the given paths', async () => {
    const { stdout } = await audit(['src/lib/files.ts', '--format', 'json']);
    expect(JSON.parse(stdout).findings).toEqual([
      {
        resource: 'shared-fs',
        kind: 'access',
        access: { file: 'src/lib/files.ts', line: 4, column: 10, callee: 'readFile' },
        paths: [[step('src/lib/files.ts', 3, 'readReportFile'), step('src/lib/files.ts', 4, 'readFile')]],
      },
    ]);
  });

  it('exits 2 on usage and configuration errors, naming what is wrong', async () => {
    expect(await audit(['src', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of text, json, sarif (got "xml")') });
    expect(await audit(['nope'])).toMatchObject({ code: 2, stderr: 'resilience audit: nope: no such file or directory\n' });
    expect(await audit(['src', '--settings', 'missing.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read settings file') });
    const dir = mkdtempSync(join(tmpdir(), 'audit-empty-'));
    try {
      writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ sharedResources: [{ name: 'x', match: { modules: 'fs' } }] }));
      expect(await audit(['a.ts'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('no shared resources configured') });
      expect(await audit(['a.ts', '--settings', 'settings.json'], dir)).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('sharedResources[0].match.modules'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the `audit` command of the resilience CLI', async () => {
    const stdout = sink();
    const stderr = sink();
    expect(await run(['audit', 'src', '--format', 'json'], { cwd: app, stdout, stderr })).toBe(1);
    expect(JSON.parse(stdout.text).findings).toEqual(expectedFindings);
    const help = sink();
    expect(await run(['audit', '--help'], { cwd: app, stdout: help, stderr })).toBe(0);
    expect(help.text).toContain('Usage: resilience audit [paths...] [options]');
  });

  it('reports progress on stderr for long runs, and keeps stdout for the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-progress-'));
    try {
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] } }] }));
      // 250 files that touch the resource (guarded), and 50 that neither do nor import one that does.
      for (let i = 0; i < 250; i++) writeFileSync(join(dir, `m${i}.ts`), `import { readFileSync } from 'fs';\n/** @guarded shared-fs */\nexport const v${i} = () => readFileSync('x');\n`);
      for (let i = 0; i < 50; i++) writeFileSync(join(dir, `n${i}.ts`), `export const w${i} = ${i};\n`);
      const result = await audit(['.', '--settings', 'settings.json', '--format', 'json'], dir);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).summary).toMatchObject({ filesAudited: 300, filesNotParsed: 50, accesses: 250, guardedAccesses: 250 });
      expect(result.stderr).toMatch(
        /^resilience audit: 50 of 300 files cannot be on a chain to a finding \(prefilter\); parsing 250 \(\d+ ms\)\nresilience audit: parsed 250\/250 files \(\d+ ms\)\nresilience audit: call graph and chains done \(\d+ ms\)\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with exit 2 and a clear message before the heap runs out', async () => {
    const stdout = sink();
    const stderr = sink();
    const code = await runAudit(['src'], { cwd: app, stdout, stderr, heapLimit: 1024 });
    expect(code).toBe(2);
    expect(stdout.text).toBe('');
    expect(stderr.text).toBe(
      'resilience audit: out of memory after 3 of 23 files (heap limit 0 MiB); run it with a larger heap, e.g. NODE_OPTIONS=--max-old-space-size=8192, or on fewer paths\n',
    );
  });
});
