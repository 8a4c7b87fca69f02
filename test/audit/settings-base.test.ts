/**
 * The audit resolves `chokePoints` against the same base as the rule and the
 * codemod (docs/settings.md, docs/audit.md): `root`, else the directory of the
 * nearest eslint.config.* above each file, and for `--settings file.json` that
 * file's directory unless `root` is set. Whatever directory the audit runs
 * from (the project root, a subdirectory, a monorepo root over two packages),
 * the findings are the same and an access in the choke point is never one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run';

const monorepo = mkdtempSync(join(tmpdir(), 'audit-base-'));
afterAll(() => rmSync(monorepo, { recursive: true, force: true }));

const resource = { name: 'shared-fs', match: { modules: ['fs'] }, guards: ['withOutageFlip'], chokePoints: ['src/lib/guard.js'] };
// The choke point's own access is reached from `safe` (an exported root) through withOutageFlip: only its
// being a choke point keeps it out of the findings.
const GUARD = "import fs from 'fs';\nexport function withOutageFlip(name, f) {\n  return fs.existsSync('/up') ? f() : undefined;\n}\n";
const USE =
  "import fs from 'fs';\nimport { withOutageFlip } from '../lib/guard.js';\nexport const read = () => fs.readFileSync('/a');\nexport const safe = () => withOutageFlip('shared-fs', () => fs.readFileSync('/b'));\n";

const files: Record<string, string> = {
  'eslint.config.mjs': 'export default [];\n',
  // Not a settings file of either package: `root` points at package b.
  'shared.json': JSON.stringify({ resilience: { root: join(monorepo, 'packages/b'), sharedResources: [resource] } }),
};
for (const pkg of ['a', 'b']) {
  files[`packages/${pkg}/eslint.config.mjs`] = `export default [{ settings: { resilience: ${JSON.stringify({ sharedResources: [resource] })} } }];\n`;
  files[`packages/${pkg}/resilience.json`] = JSON.stringify({ sharedResources: [resource] });
  files[`packages/${pkg}/src/lib/guard.js`] = GUARD;
  files[`packages/${pkg}/src/feature/use.js`] = USE;
}
for (const [name, text] of Object.entries(files)) {
  mkdirSync(dirname(join(monorepo, name)), { recursive: true });
  writeFileSync(join(monorepo, name), text);
}

async function audit(cwd: string, args: string[]) {
  let out = '';
  let err = '';
  const code = await runAudit([...args, '--format', 'json'], {
    cwd: join(monorepo, cwd),
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
  });
  expect(err).toBe('');
  const report = JSON.parse(out) as { findings: unknown[]; summary: { accesses: number; guardedAccesses: number } };
  return { code, findings: report.findings, accesses: report.summary.accesses, guarded: report.summary.guardedAccesses };
}

/** The one finding of a package: `read`'s unguarded readFileSync, file paths relative to where the audit runs. */
function finding(prefix: string) {
  const file = `${prefix}feature/use.js`;
  return {
    resource: 'shared-fs',
    kind: 'access',
    access: { file, line: 3, column: 27, callee: 'fs.readFileSync' },
    paths: [[{ file, line: 3, function: 'read' }, { file, line: 3, function: 'fs.readFileSync' }]],
  };
}

describe('audit: chokePoints are relative to the settings base, wherever the audit runs', () => {
  it.each([
    ['the package root', 'packages/a', ['src'], [finding('src/')]],
    ['a subdirectory of the package (cd src)', 'packages/a/src', ['.'], [finding('')]],
    ['the monorepo root, over both packages', '.', ['packages'], [finding('packages/a/src/'), finding('packages/b/src/')]],
  ])('ESLint config settings, from %s', async (_, cwd, args, expected) => {
    const result = await audit(cwd, args);
    expect(result.findings).toEqual(expected);
    expect(result.code).toBe(1);
    // Per package: three accesses (the choke point's, read's, safe's), two of them guarded.
    expect([result.accesses, result.guarded]).toEqual([3 * expected.length, 2 * expected.length]);
  });

  it.each([
    ['the package root', 'packages/a', ['src', '--settings', 'resilience.json'], [finding('src/')]],
    ['a subdirectory of the package', 'packages/a/src', ['.', '--settings', '../resilience.json'], [finding('')]],
    ['the monorepo root', '.', ['packages/a', '--settings', 'packages/a/resilience.json'], [finding('packages/a/src/')]],
  ])('--settings file.json: relative to its directory, from %s', async (_, cwd, args, expected) => {
    const result = await audit(cwd, args);
    expect(result.findings).toEqual(expected);
    expect([result.accesses, result.guarded]).toEqual([3, 2]);
  });

  it('--settings with `root`: relative to root, not to the file or the working directory', async () => {
    expect((await audit('packages/b/src', ['.', '--settings', '../../../shared.json'])).findings).toEqual([finding('')]);
    expect((await audit('.', ['packages/b', '--settings', 'shared.json'])).findings).toEqual([finding('packages/b/src/')]);
    // The same root over package a: its guard.js is not the choke point src/lib/guard.js under packages/b.
    const other = await audit('.', ['packages/a', '--settings', 'shared.json']);
    expect(other.findings.map((f) => (f as { access: { file: string; line: number } }).access)).toEqual([
      { file: 'packages/a/src/feature/use.js', line: 3, column: 27, callee: 'fs.readFileSync' },
      { file: 'packages/a/src/lib/guard.js', line: 3, column: 10, callee: 'fs.existsSync' },
    ]);
  });
});
