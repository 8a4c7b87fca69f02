/**
 * Packaged-install smoke test: `npm pack`, install the tarball into fresh
 * temporary projects (ESLint 10 and ESLint 9), and run the real `eslint`
 * binary with `resilience.configs.recommended` on a TS file (typescript-eslint
 * parser) and a JS file (default parser). Catches a missing `files` entry or a
 * broken `exports` map. Also checks `require()` and `import` of the package
 * and `extends: ['resilience/recommended']` through `defineConfig`.
 * jscodeshift is an optional peer: the ESLint checks and the `resilience` CLI
 * run without it; it is installed only for the jscodeshift transform check.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smokeViolations } from './helpers/smoke-violations';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'resilience-pack-'));
let tarball = '';

function run(cmd: string, args: string[], cwd: string) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 600_000 });
}

beforeAll(() => {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  tarball = join(work, out.trim().split('\n').pop()!);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  ['ESLint 10', pkg.devDependencies.eslint!],
  ['ESLint 9', '^9.39.0'],
])('packaged install with %s', (_label, eslintRange) => {
  const project = join(work, eslintRange.replace(/\W/g, '_'));

  beforeAll(() => {
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, version: '0.0.0' }));
    const install = run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        tarball,
        `eslint@${eslintRange}`,
        `@typescript-eslint/parser@${pkg.dependencies['@typescript-eslint/parser']}`,
        `typescript@${pkg.devDependencies.typescript}`,
      ],
      project,
    );
    expect(install.status, install.stderr).toBe(0);
    writeFileSync(join(project, 'src/service.ts'), Object.values(smokeViolations).map((v) => v.ts).join('\n'));
    writeFileSync(join(project, 'src/legacy.js'), Object.values(smokeViolations).map((v) => v.js).join('\n'));
    writeFileSync(join(project, 'src/clean.ts'), 'export const answer: number = 42;\n');
  });

  it('can be required and imported', () => {
    const required = run('node', ['-e', "const p = require('eslint-plugin-resilience'); console.log(p.meta.namespace, Object.keys(p.configs).join(','))"], project);
    expect(required.stdout.trim()).toBe('resilience recommended,strict,all');
    const imported = run('node', ['--input-type=module', '-e', "import p from 'eslint-plugin-resilience'; console.log(p.meta.version, Object.keys(p.rules).length)"], project);
    expect(imported.stdout.trim()).toBe(`${pkg.version} ${Object.keys(smokeViolations).length}`);
  });

  it('reports every recommended rule through the real eslint binary', () => {
    writeFileSync(
      join(project, 'eslint.config.mjs'),
      [
        "import resilience from 'eslint-plugin-resilience';",
        "import tsParser from '@typescript-eslint/parser';",
        'export default [',
        "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
        '  resilience.configs.recommended,',
        `  { settings: ${JSON.stringify(smokeSettings)} },`,
        '];',
      ].join('\n'),
    );
    const result = run(join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src'], project);
    expect(result.stderr).toBe('');
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean }[] }[];
    const byFile = Object.fromEntries(files.map((f) => [f.filePath.slice(project.length + 1), f.messages]));
    const expected = Object.keys(smokeViolations).map((name) => `resilience/${name}`).sort();
    expect([...new Set(byFile['src/service.ts']!.map((m) => m.ruleId))].sort()).toEqual(expected);
    expect([...new Set(byFile['src/legacy.js']!.map((m) => m.ruleId))].sort()).toEqual(expected);
    expect(byFile['src/clean.ts']).toEqual([]);
    const hasError = files.some((f) => f.messages.some((m) => (m as { severity?: number }).severity === 2));
    expect(result.status).toBe(hasError ? 1 : 0);
  });

  it('works through defineConfig extends', () => {
    writeFileSync(
      join(project, 'eslint.config.mjs'),
      [
        "import { defineConfig } from 'eslint/config';",
        "import resilience from 'eslint-plugin-resilience';",
        'export default defineConfig([',
        `  { files: ['**/*.js'], plugins: { resilience }, extends: ['resilience/recommended'], settings: ${JSON.stringify(smokeSettings)} },`,
        ']);',
      ].join('\n'),
    );
    const result = run(join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src/legacy.js'], project);
    expect(result.stderr).toBe('');
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[];
    expect([...new Set(file!.messages.map((m) => m.ruleId))].sort()).toEqual(
      Object.keys(smokeViolations).map((name) => `resilience/${name}`).sort(),
    );
  });

  it('runs the resilience CLI and the compiled transforms from the tarball', () => {
    writeFileSync(join(project, 'src/proxy.ts'), smokeViolations['no-unbounded-retry']!.ts);
    writeFileSync(
      join(project, 'eslint.config.mjs'),
      [
        "import resilience from 'eslint-plugin-resilience';",
        "import tsParser from '@typescript-eslint/parser';",
        "export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, resilience.configs.recommended];",
      ].join('\n'),
    );
    const help = run(join(project, 'node_modules/.bin/resilience'), ['--help'], project);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('add-retry-backoff');
    expect(help.stdout).toContain('guard-shared-resource');
    const dry = run(join(project, 'node_modules/.bin/resilience'), ['codemod', 'add-retry-backoff', '--dry', 'src/proxy.ts'], project);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+++ b/src/proxy.ts');
    expect(dry.stdout).toContain('if (attempt >= 5) throw');
    expect(readFileSync(join(project, 'src/proxy.ts'), 'utf8')).toBe(smokeViolations['no-unbounded-retry']!.ts);
    // Not installed with the plugin (optional peer): the CLI above ran without it.
    expect(existsSync(join(project, 'node_modules/jscodeshift'))).toBe(false);
    const peer = run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `jscodeshift@${pkg.devDependencies.jscodeshift}`],
      project,
    );
    expect(peer.status, peer.stderr).toBe(0);
    const jscodeshift = run(
      'node',
      [
        join(project, 'node_modules/jscodeshift/bin/jscodeshift.js'),
        '--no-babel',
        '--run-in-band',
        '--extensions=ts',
        '-t',
        join(project, 'node_modules/eslint-plugin-resilience/dist/codemods/add-retry-backoff.js'),
        'src/proxy.ts',
      ],
      project,
    );
    expect(jscodeshift.status, jscodeshift.stderr).toBe(0);
    expect(readFileSync(join(project, 'src/proxy.ts'), 'utf8')).toContain('if (attempt >= 5) throw');
  });

  it('stops with exit code 2 and a clear message, no stack trace, on bad settings', () => {
    writeFileSync(
      join(project, 'eslint.config.mjs'),
      [
        "import resilience from 'eslint-plugin-resilience';",
        'export default [',
        '  resilience.configs.recommended,',
        "  { settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: 'withOutageFlip' }] } } },",
        '];',
      ].join('\n'),
    );
    const result = run(join(project, 'node_modules/.bin/eslint'), ['src/legacy.js'], project);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'eslint-plugin-resilience: settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip").',
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

const smokeSettings = {
  resilience: {
    sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: ['withOutageFlip'] }],
  },
};
