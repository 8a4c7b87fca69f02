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
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslintPackages, installProject, packTarball, pkg, root, run } from './helpers/packaged';
import { smokeViolations } from './helpers/smoke-violations';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'resilience-pack-'));
let tarball = '';

beforeAll(() => {
  tarball = packTarball(work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  ['ESLint 10', pkg.devDependencies.eslint!],
  ['ESLint 9', '^9.39.0'],
])('packaged install with %s', (_label, eslintRange) => {
  const project = join(work, eslintRange.replace(/\W/g, '_'));

  beforeAll(() => {
    installProject(project, tarball, eslintPackages(eslintRange));
    writeFileSync(join(project, 'src/service.ts'), Object.values(smokeViolations).map((v) => v.ts).join('\n'));
    writeFileSync(join(project, 'src/legacy.js'), Object.values(smokeViolations).map((v) => v.js).join('\n'));
    writeFileSync(join(project, 'src/clean.ts'), 'export const answer: number = 42;\n');
  });

  it('can be required and imported', () => {
    const required = run('node', ['-e', "const p = require('eslint-plugin-resilience'); console.log(p.meta.namespace, Object.keys(p.configs).join(','))"], project);
    expect(required.stdout.trim()).toBe('resilience recommended,strict,all');
    const imported = run('node', ['--input-type=module', '-e', "import p from 'eslint-plugin-resilience'; console.log(p.meta.version, Object.keys(p.rules).length)"], project);
    expect(imported.stdout.trim()).toBe(`${pkg.version} ${Object.keys(smokeViolations).length}`);
    for (const file of ['LICENSE', 'README.md', 'package.json']) expect(existsSync(join(project, 'node_modules/eslint-plugin-resilience', file)), file).toBe(true);
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

  it('works through the README defineConfig snippet, on TypeScript and JavaScript files', () => {
    const snippet = /Or with `defineConfig`:\n\n```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const start = 'export default defineConfig([\n';
    expect(snippet).toContain(start);
    writeFileSync(join(project, 'eslint.config.mjs'), snippet.replace(start, `${start}  { settings: ${JSON.stringify(smokeSettings)} },\n`));
    const result = run(join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src/legacy.js', 'src/service.ts'], project);
    expect(result.stderr).toBe('');
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const expected = Object.keys(smokeViolations).map((name) => `resilience/${name}`).sort();
    expect(files.map((f) => f.filePath.slice(project.length + 1))).toEqual(['src/legacy.js', 'src/service.ts']);
    for (const file of files) expect([...new Set(file.messages.map((m) => m.ruleId))].sort(), file.filePath).toEqual(expected);
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

  it('reports bad settings as one lint error at 1:1 (exit 1), no stack trace', () => {
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
    const result = run(join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src/legacy.js'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    const atTop = file!.messages.filter((m) => m.line === 1 && m.column === 1);
    expect(atTop.map((m) => `${m.ruleId} ${m.message}`)).toEqual([
      'resilience/no-unguarded-shared-resource eslint-plugin-resilience: settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip"). The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).',
    ]);
    // The settings readers report nothing else; the retry rules go on.
    const readers = file!.messages.filter((m) => m.ruleId === 'resilience/no-unguarded-shared-resource' || m.ruleId === 'resilience/no-deep-clone-in-hot-path');
    expect(readers).toEqual(atTop);
    expect(file!.messages.map((m) => m.ruleId)).toContain('resilience/no-unbounded-retry');
  });
});

const smokeSettings = {
  resilience: {
    sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: ['withOutageFlip'] }],
  },
};
