/**
 * Paths in settings (`chokePoints`, `fix.import.from`) are relative to one
 * base that does not depend on where ESLint runs: the `root` setting, else
 * the directory of the nearest eslint.config.* above the linted file
 * (docs/settings.md). Tested from the repository root, from a package, from a
 * subdirectory (`cd src && npx eslint .`) and in a two-package monorepo.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import ruleModule from '../../rules/no-unguarded-shared-resource';
import { applyRuleSuggestions } from '../../src/codemod/engine';
import { readSettingsFile } from '../../src/codemod/settings-source';

const monorepo = mkdtempSync(join(tmpdir(), 'resilience-base-'));
afterAll(() => rmSync(monorepo, { recursive: true, force: true }));

const GUARD = "import fs from 'fs';\nexport const withOutageFlip = (name: string, f: () => unknown) => (fs.existsSync('/up') ? f() : undefined);\n";
const USE = "import fs from 'fs';\nexport const read = () => fs.readFileSync('/a');\n";
for (const pkg of ['a', 'b']) {
  for (const [name, text] of [
    [`packages/${pkg}/eslint.config.mjs`, 'export default [];\n'],
    [`packages/${pkg}/src/lib/guard.ts`, GUARD],
    [`packages/${pkg}/src/feature/use.ts`, USE],
  ] as const) {
    mkdirSync(dirname(join(monorepo, name)), { recursive: true });
    writeFileSync(join(monorepo, name), text);
  }
}
writeFileSync(join(monorepo, 'eslint.config.mjs'), 'export default [];\n');

const resource = {
  name: 'shared-fs',
  match: { modules: ['fs'] },
  guards: ['withOutageFlip'],
  chokePoints: ['src/lib/guard.ts'],
  fix: { wrap: "withOutageFlip('shared-fs', () => $CALL)", import: { named: 'withOutageFlip', from: './src/lib/guard' } },
};

function lint(cwd: string, file: string, settings: Record<string, unknown> = { sharedResources: [resource] }) {
  const linter = new Linter({ cwd });
  const path = join(monorepo, file);
  return linter.verify(
    file.endsWith('guard.ts') ? GUARD : USE,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: require('@typescript-eslint/parser') },
      plugins: { resilience: { rules: { 'no-unguarded-shared-resource': ruleModule as never } } },
      settings: { resilience: settings },
      rules: { 'resilience/no-unguarded-shared-resource': 'error' },
    },
    { filename: path },
  );
}

const WRAPPED =
  "import fs from 'fs';\nimport { withOutageFlip } from '../lib/guard';\nexport const read = () => withOutageFlip('shared-fs', () => fs.readFileSync('/a'));\n";

describe('settings paths are relative to the nearest eslint.config.* above the file, wherever ESLint runs', () => {
  it.each([
    ['the monorepo root', '.', ['a', 'b']],
    ['the package', 'packages/a', ['a']],
    ['a subdirectory of the package (cd src && npx eslint .)', 'packages/a/src', ['a']],
    ['the other package', 'packages/b', ['b']],
    ['an unrelated directory', '/', ['a', 'b']],
  ])('from %s', (_, cwd, packages) => {
    const from = cwd.startsWith('/') ? cwd : join(monorepo, cwd);
    for (const pkg of packages) {
      expect(lint(from, `packages/${pkg}/src/lib/guard.ts`)).toEqual([]);
      const [message, ...rest] = lint(from, `packages/${pkg}/src/feature/use.ts`);
      expect(rest).toEqual([]);
      expect(message).toMatchObject({ line: 2, column: 27, endLine: 2, endColumn: 48 });
      const fix = message!.suggestions![0]!.fix;
      expect(USE.slice(0, fix.range[0]) + fix.text + USE.slice(fix.range[1])).toBe(WRAPPED);
    }
  });

  it('the `root` setting overrides the lookup: choke points and the import are relative to it', () => {
    const settings = { root: join(monorepo, 'packages/a/src'), sharedResources: [{ ...resource, chokePoints: ['lib/guard.ts'], fix: { ...resource.fix, import: { named: 'withOutageFlip', from: './lib/guard' } } }] };
    expect(lint(monorepo, 'packages/a/src/lib/guard.ts', settings)).toEqual([]);
    const [message] = lint('/', 'packages/a/src/feature/use.ts', settings);
    const fix = message!.suggestions![0]!.fix;
    expect(USE.slice(0, fix.range[0]) + fix.text + USE.slice(fix.range[1])).toBe(WRAPPED);
  });

  it('a relative `root` is a settings error naming the key', () => {
    const [message] = lint(monorepo, 'packages/a/src/feature/use.ts', { root: 'packages/a', sharedResources: [resource] });
    expect(message!.message).toContain('settings.resilience.root must be an absolute directory path, such as import.meta.dirname in eslint.config.mjs (got the string "packages/a").');
  });

  it('the codemod engine writes the same import from any working directory', () => {
    for (const cwd of [monorepo, join(monorepo, 'packages/a/src'), '/']) {
      const result = applyRuleSuggestions({
        source: USE,
        filePath: join(monorepo, 'packages/a/src/feature/use.ts'),
        ruleIds: ['no-unguarded-shared-resource'],
        settings: { resilience: { sharedResources: [resource] } },
        cwd,
      });
      expect(result.output).toBe(WRAPPED);
      const chokePoint = applyRuleSuggestions({
        source: GUARD,
        filePath: join(monorepo, 'packages/a/src/lib/guard.ts'),
        ruleIds: ['no-unguarded-shared-resource'],
        settings: { resilience: { sharedResources: [resource] } },
        cwd,
      });
      expect(chokePoint).toEqual({ output: undefined, rewritten: [], left: [] });
    }
  });

  it('a --settings JSON file: its paths are relative to its own directory unless it sets `root`', () => {
    // The file sits in packages/a/src, below packages/a/eslint.config.mjs, so its paths start at src.
    const file = join(monorepo, 'packages/a/src/resilience.json');
    const fromFile = { ...resource, chokePoints: ['lib/guard.ts'], fix: { ...resource.fix, import: { named: 'withOutageFlip', from: './lib/guard' } } };
    writeFileSync(file, JSON.stringify({ sharedResources: [fromFile] }));
    const settings = readSettingsFile(file);
    expect((settings.resilience as { root?: string }).root).toBe(dirname(file));
    for (const cwd of [monorepo, join(monorepo, 'packages/a/src'), '/']) {
      const result = applyRuleSuggestions({ source: USE, filePath: join(monorepo, 'packages/a/src/feature/use.ts'), ruleIds: ['no-unguarded-shared-resource'], settings, cwd });
      expect(result.output).toBe(WRAPPED);
      const chokePoint = applyRuleSuggestions({ source: GUARD, filePath: join(monorepo, 'packages/a/src/lib/guard.ts'), ruleIds: ['no-unguarded-shared-resource'], settings, cwd });
      expect(chokePoint).toEqual({ output: undefined, rewritten: [], left: [] });
    }
    // An explicit root wins over the file's directory.
    writeFileSync(file, JSON.stringify({ root: join(monorepo, 'packages/a'), sharedResources: [resource] }));
    expect((readSettingsFile(file).resilience as { root?: string }).root).toBe(join(monorepo, 'packages/a'));
  });
});
