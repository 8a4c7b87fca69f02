/**
 * Bad configuration through the real `eslint` binary: every invalid
 * `settings.resilience` case stops the run with exit code 2 and the one clear
 * message naming the key path, with no stack trace. A bad rule option is
 * rejected by ESLint's own schema validation (exit 2, a message naming the
 * rule, the value and what was expected).
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

function eslintWith(config: string) {
  writeFileSync(join(work, 'eslint.config.mjs'), config);
  return spawnSync(process.execPath, [eslintBin, 'a.js'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('bad settings through the eslint binary', () => {
  it.each(badSettingsCases)('%s: exit 2, the message, no stack trace', (_name, raw, message) => {
    const result = eslintWith(
      `import resilience from 'eslint-plugin-resilience';\nexport default [resilience.configs.all, { settings: { resilience: ${JSON.stringify(raw)} } }];\n`,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`eslint-plugin-resilience: ${message}`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
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
