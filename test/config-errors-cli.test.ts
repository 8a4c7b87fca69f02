/**
 * Bad configuration through the real `eslint` binary: every invalid
 * `settings.resilience` case is one lint error at line 1, column 1 of each
 * file, naming the key path and what was expected, reported by
 * no-unguarded-shared-resource (the first enabled settings reader), exit code
 * 1, nothing on stderr, no stack trace. A bad rule option is rejected by
 * ESLint's own schema validation (exit 2, a message naming the rule, the value
 * and what was expected).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badSettingsCases } from './helpers/bad-settings';

const root = join(__dirname, '..');
// Inside the repository so that `import 'eslint-plugin-resilience'` resolves
// to this package (self-reference, built into dist/ by npm test).
const work = join(root, '.vitest-tmp', `config-errors-${process.pid}`);
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');

beforeAll(() => {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'a.js'), "import fs from 'fs';\nfs.readFileSync('/mnt/shared/a');\n");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function eslintWith(config: string, args: string[] = ['a.js']) {
  writeFileSync(join(work, 'eslint.config.mjs'), config);
  return spawnSync(process.execPath, [eslintBin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

const suffix = ' The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).';

describe('bad settings through the eslint binary', () => {
  it.each(badSettingsCases)('%s: one lint error at 1:1 with the message, exit 1, no stack trace', (_name, raw, message) => {
    const result = eslintWith(
      `import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.all, { settings: { resilience: ${JSON.stringify(raw)} } }];\n`,
      ['--format', 'json', 'a.js'],
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as { messages: Record<string, unknown>[] }[];
    expect(file!.messages).toEqual([
      {
        ruleId: 'resilience/no-unguarded-shared-resource',
        severity: 2,
        message: `eslint-plugin-resilience: ${message}${suffix}`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        messageId: 'invalidSettings',
      },
    ]);
  });

  it('prints the message at 1:1 of every file with the default formatter', () => {
    writeFileSync(join(work, 'b.js'), 'export const b = 1;\n');
    const result = eslintWith(
      "import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.recommended, { settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: 'withOutageFlip' }] } } }];\n",
      ['a.js', 'b.js'],
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    // The stylish formatter drops the message's final period.
    const line =
      '  1:1  error  eslint-plugin-resilience: settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip").' +
      `${suffix.slice(0, -1)}  resilience/no-unguarded-shared-resource`;
    expect(result.stdout.split('\n').filter((l) => l.startsWith('  1:1'))).toEqual([line, line]);
    expect(result.stdout).toContain('2 problems (2 errors, 0 warnings)');
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });

  it('lints normally with valid settings (the cases above fail for their own reason)', () => {
    const result = eslintWith(
      "import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.all, { settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] } }] } } }];\n",
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('resilience/no-unguarded-shared-resource');
    expect(result.status).toBe(1);
  });
});

describe('bad rule options through the eslint binary', () => {
  it('exits 2 naming the rule, the value and what was expected', () => {
    const result = eslintWith(
      "import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.recommended, { rules: { 'resilience/no-unguarded-shared-resource': ['error', { reportUnknownPaths: 'yes' }] } }];\n",
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Key "resilience/no-unguarded-shared-resource":');
    expect(result.stderr).toContain('Value "yes" should be boolean.');
  });

  it('exits 2 on an unknown option key', () => {
    const result = eslintWith(
      "import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.recommended, { rules: { 'resilience/no-unguarded-shared-resource': ['error', { reportUnknownPath: true }] } }];\n",
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unexpected property "reportUnknownPath"');
  });
});
