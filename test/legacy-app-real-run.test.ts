/**
 * The real-run proof: the codemods, through the built `resilience` CLI, over
 * a copy of fixtures/legacy-app in a clean git repository of its own. The
 * app's own tests and `tsc --noEmit` pass before and after; the rewrite
 * changes the files the rules flag; a second run changes nothing; and after
 * the run the rules report only the sites the report lists as left for a
 * person.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const app = join(root, '.vitest-tmp', `legacy-app-${process.pid}`);
const cli = join(root, 'dist/src/cli/main.js');

function git(...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: app, encoding: 'utf8' });
}

function appChecks() {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  const tests = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', app], { cwd: app, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  return { tsc, tests };
}

interface ReportSite {
  line: number;
  column: number;
  ruleId: string;
  reason?: string;
}
interface Report {
  files: { file: string; status: string; rewritten: ReportSite[]; left: ReportSite[] }[];
}

function codemod(transform: string, extra: string[] = []) {
  const reportFile = join(app, `..`, `report-${transform}-${process.pid}.json`);
  const run = spawnSync(process.execPath, [cli, 'codemod', transform, 'src', '--report', reportFile, ...extra], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  rmSync(reportFile);
  return { run, report };
}

beforeAll(() => {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  for (const entry of ['src', 'test', 'tsconfig.json', 'vitest.config.mts', 'eslint.config.mjs']) {
    cpSync(join(root, 'fixtures/legacy-app', entry), join(app, entry), { recursive: true });
  }
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'legacy app');
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('the codemods over the legacy app', () => {
  it('keeps the app compiling and its tests passing, and leaves only the reported sites', async () => {
    const before = appChecks();
    expect(before.tsc.status, before.tsc.stdout).toBe(0);
    expect(before.tests.status, before.tests.stdout + before.tests.stderr).toBe(0);

    const left: string[] = [];
    for (const transform of ['guard-shared-resource', 'add-retry-backoff', 'add-timeout']) {
      const { run, report } = codemod(transform);
      expect(run.status, run.stderr).toBe(0);
      expect(report.files.some((f) => f.status === 'changed')).toBe(true);
      git('add', '-A');
      git('commit', '-qm', transform);
      for (const file of report.files) {
        for (const site of file.left) left.push(`${file.file}:${site.line}:${site.column} ${site.ruleId}`);
      }
      // A second run finds nothing more to rewrite.
      const again = codemod(transform);
      expect(again.report.files.filter((f) => f.status === 'changed')).toEqual([]);
    }

    const after = appChecks();
    expect(after.tsc.status, after.tsc.stdout).toBe(0);
    expect(after.tests.status, after.tests.stdout + after.tests.stderr).toBe(0);

    const rewrittenRules = ['resilience/no-unguarded-shared-resource', 'resilience/no-unbounded-retry', 'resilience/require-retry-backoff', 'resilience/require-timeout'];
    const results = await new ESLint({ cwd: app }).lintFiles(['src']);
    const remaining = results
      .flatMap((r) => r.messages.filter((m) => rewrittenRules.includes(m.ruleId ?? '')).map((m) => `${r.filePath.slice(app.length + 1)}:${m.line}:${m.column} ${m.ruleId}`))
      .sort();
    expect(remaining).toEqual(left.map((site) => site.replace(/^\.\//, '')).sort());
  });
});
