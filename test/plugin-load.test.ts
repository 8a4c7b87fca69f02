/**
 * Loading the plugin stays cheap: no module imports a value from the
 * `@typescript-eslint/utils` index, which loads the whole scope manager
 * (about 180 modules, most of the plugin's former load time); types may come
 * from the index (`import type`, erased at build). The few AST helpers the
 * rules need are in src/ast/ and the rule creator in src/create-rule.ts, so
 * `require` of the built plugin loads no `@typescript-eslint/utils` module at
 * all: neither `/ast-utils` nor `/eslint-utils` nor what they pull in
 * (`@eslint-community/eslint-utils`, `@typescript-eslint/types`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('plugin load', () => {
  it('no source imports a value from the @typescript-eslint/utils index, the parser or typescript at the top', () => {
    const offenders: string[] = [];
    for (const file of [...sources('src'), ...sources('rules')]) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+'(@typescript-eslint\/utils|@typescript-eslint\/parser|typescript)';/gm)) {
        // `import { type A, type B } from ...` is types only.
        const names = /^\{([^}]*)\}$/.exec(match[1]!.trim())?.[1]?.split(',').map((n) => n.trim()).filter(Boolean);
        if (names && names.every((name) => name.startsWith('type '))) continue;
        offenders.push(`${file}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('require of the built plugin', () => {
  // Built by `npm test` (and `npm run build`).
  const plugin = join(root, 'dist/src/index.js');

  it('loads no @typescript-eslint/utils module, eslint-utils, @typescript-eslint/types, scope manager, parser or typescript', () => {
    // A fresh process: eslint first (as in a lint run), then the plugin; the modules the plugin added.
    const script = `require('eslint');
const before = new Set(Object.keys(require.cache));
require(${JSON.stringify(plugin)});
console.log(JSON.stringify(Object.keys(require.cache).filter((f) => !before.has(f))));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const added = (JSON.parse(run.stdout) as string[]).map((file) => file.slice(root.length + 1));
    // The plugin's own modules are loaded (the check sees the process's modules at all).
    expect(added).toContain('dist/src/index.js');
    expect(added).toContain('dist/src/ast/scope.js');
    const forbidden = [
      'node_modules/@typescript-eslint/utils/',
      'node_modules/@eslint-community/eslint-utils/',
      'node_modules/@typescript-eslint/types/',
      'node_modules/@typescript-eslint/scope-manager/',
      'node_modules/@typescript-eslint/parser/',
      'node_modules/typescript/',
    ];
    expect(added.filter((file) => forbidden.some((prefix) => file.startsWith(prefix)))).toEqual([]);
  });
});
