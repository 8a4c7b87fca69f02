/**
 * Adopting the rules on a legacy codebase with bulk suppressions, through the
 * real `eslint` binary on a copy of fixtures/legacy-app with every rule an
 * error: `--suppress-all` records one count per rule per file, equal to the
 * number of sites (one report per site); a rerun reports nothing and a second
 * `--suppress-all` leaves the file byte-identical; a new site in new code is
 * reported; after the guard-shared-resource codemod fixes its sites the run
 * asks for pruning, and `--prune-suppressions` removes exactly those entries.
 * The same with oxlint's `--suppress-all` / `--prune-suppressions`
 * (oxlint-suppressions.json). Uses the built plugin in dist/ (npm test builds
 * first).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/packaged';

const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
const oxlintBin = join(root, 'node_modules/.bin/oxlint');
const cli = join(root, 'dist/src/cli/main.js');
const plugin = join(root, 'dist/src/index.js');
const work = mkdtempSync(join(tmpdir(), 'resilience-adoption-'));

type Suppressions = Record<string, Record<string, { count: number }>>;

/** A copy of the legacy app whose config turns every rule on as an error. */
function appCopy(name: string): string {
  const dir = join(work, name);
  cpSync(join(root, 'fixtures/legacy-app/src'), join(dir, 'src'), { recursive: true });
  const config = readFileSync(join(root, 'fixtures/legacy-app/eslint.config.mjs'), 'utf8')
    .replace("from '@typescript-eslint/parser'", `from ${JSON.stringify(require.resolve('@typescript-eslint/parser'))}`)
    .replace("from 'eslint-plugin-resilience'", `from ${JSON.stringify(plugin)}`)
    .replace('resilience.configs.recommended', 'resilience.configs.all');
  expect(config).toContain('resilience.configs.all');
  writeFileSync(join(dir, 'eslint.config.mjs'), config);
  return dir;
}

const eslint = (dir: string, ...args: string[]) => run(process.execPath, [eslintBin, ...args, 'src'], dir);

/** Findings by file and rule, from `eslint --format json`. */
function counts(dir: string): Suppressions {
  const result = eslint(dir, '--format', 'json');
  const out: Suppressions = {};
  for (const file of JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[]) {
    for (const m of file.messages) {
      const key = file.filePath.slice(dir.length + 1);
      out[key] ??= {};
      out[key][m.ruleId] = { count: (out[key][m.ruleId]?.count ?? 0) + 1 };
    }
  }
  return out;
}

const newSite = [
  "import * as fs from 'node:fs';",
  "import * as path from 'node:path';",
  "import { SHARED_ROOT } from '../lib/config';",
  '',
  'export function readReport(name: string): Buffer {',
  '  return fs.readFileSync(path.join(SHARED_ROOT, name));',
  '}',
  '',
].join('\n');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('eslint bulk suppressions on the legacy app', () => {
  let dir: string;
  let before: Suppressions;
  beforeAll(() => {
    dir = appCopy('eslint');
    before = counts(dir);
  });

  it('records one count per site and stays stable across reruns', () => {
    // Every rule has sites in the app, each reported once per rule.
    expect(before).toEqual({
      'src/db/reconnect.ts': { 'resilience/no-unbounded-retry': { count: 1 }, 'resilience/require-retry-backoff': { count: 1 } },
      'src/handlers/thumbnails.ts': { 'resilience/no-unguarded-shared-resource': { count: 1 } },
      'src/handlers/uploads.ts': { 'resilience/no-unguarded-shared-resource': { count: 1 } },
      'src/lib/logger.ts': { 'resilience/no-deep-clone-in-hot-path': { count: 1 } },
      'src/mail/mailer.ts': { 'resilience/no-unbounded-retry': { count: 1 }, 'resilience/require-retry-backoff': { count: 1 } },
      'src/mail/policy.ts': { 'resilience/no-unbounded-retry': { count: 1 }, 'resilience/require-retry-backoff': { count: 1 } },
      'src/proxy/api-proxy.ts': { 'resilience/no-unbounded-retry': { count: 1 }, 'resilience/require-retry-backoff': { count: 1 } },
      'src/proxy/upstream-health.ts': { 'resilience/require-timeout': { count: 1 } },
    });
    expect(eslint(dir).status).toBe(1);

    const suppress = eslint(dir, '--suppress-all');
    expect(suppress.status, suppress.stdout + suppress.stderr).toBe(0);
    const file = readFileSync(join(dir, 'eslint-suppressions.json'), 'utf8');
    expect(JSON.parse(file)).toEqual(before);

    const rerun = eslint(dir);
    expect(rerun.status, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toBe('');
    expect(eslint(dir, '--suppress-all').status).toBe(0);
    expect(readFileSync(join(dir, 'eslint-suppressions.json'), 'utf8')).toBe(file);
  });

  it('reports a new site in new code', () => {
    writeFileSync(join(dir, 'src/handlers/reports.ts'), newSite);
    const result = eslint(dir, '--format', 'json');
    expect(result.status).toBe(1);
    const reported = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).flatMap((f) =>
      f.messages.map((m) => `${f.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}`),
    );
    expect(reported).toEqual(['src/handlers/reports.ts:6:10 resilience/no-unguarded-shared-resource']);
    rmSync(join(dir, 'src/handlers/reports.ts'));
  });

  it('prunes the entries of the sites a codemod fixed', () => {
    const codemod = run(process.execPath, [cli, 'codemod', 'guard-shared-resource', 'src'], dir);
    expect(codemod.status, codemod.stdout + codemod.stderr).toBe(0);
    expect(codemod.stdout).toMatch(/Sites rewritten\s+2\n/);

    const stale = eslint(dir);
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain('There are suppressions left that do not occur anymore.');

    const prune = eslint(dir, '--prune-suppressions');
    expect(prune.status, prune.stdout + prune.stderr).toBe(0);
    const { 'src/handlers/thumbnails.ts': _thumbnails, 'src/handlers/uploads.ts': _uploads, ...rest } = before;
    expect(JSON.parse(readFileSync(join(dir, 'eslint-suppressions.json'), 'utf8'))).toEqual(rest);
    expect(eslint(dir).status).toBe(0);
  });
});

describe('oxlint bulk suppressions on the legacy app', () => {
  let dir: string;
  let before: Suppressions;
  const oxlint = (...args: string[]) => run(oxlintBin, [...args, 'src'], dir);

  beforeAll(() => {
    dir = appCopy('oxlint');
    before = counts(dir);
    const rules = Object.fromEntries([...new Set(Object.values(before).flatMap((byRule) => Object.keys(byRule)))].map((rule) => [rule, 'error']));
    const settings = run(process.execPath, ['--input-type=module', '-e', "import c from './eslint.config.mjs'; console.log(JSON.stringify(c.find((x) => x.settings).settings));"], dir);
    writeFileSync(join(dir, '.oxlintrc.json'), JSON.stringify({ jsPlugins: [plugin], rules, settings: JSON.parse(settings.stdout) }));
  });

  it('records the same counts as ESLint, stays stable, and prunes fixed sites', () => {
    expect(oxlint().status).toBe(1);
    const suppress = oxlint('--suppress-all');
    expect(suppress.status, suppress.stdout + suppress.stderr).toBe(0);
    const file = readFileSync(join(dir, 'oxlint-suppressions.json'), 'utf8');
    expect(JSON.parse(file)).toEqual(before);

    const rerun = oxlint();
    expect(rerun.status, rerun.stdout + rerun.stderr).toBe(0);
    expect(oxlint('--suppress-all').status).toBe(0);
    expect(readFileSync(join(dir, 'oxlint-suppressions.json'), 'utf8')).toBe(file);

    const codemod = run(process.execPath, [cli, 'codemod', 'guard-shared-resource', 'src'], dir);
    expect(codemod.status, codemod.stdout + codemod.stderr).toBe(0);
    const prune = oxlint('--prune-suppressions');
    expect(prune.status, prune.stdout + prune.stderr).toBe(0);
    const { 'src/handlers/thumbnails.ts': _thumbnails, 'src/handlers/uploads.ts': _uploads, ...rest } = before;
    expect(JSON.parse(readFileSync(join(dir, 'oxlint-suppressions.json'), 'utf8'))).toEqual(rest);
    expect(oxlint().status).toBe(0);
  });
});
