/**
 * Loading the plugin stays cheap: no module imports a value from the
 * `@typescript-eslint/utils` index, which loads the whole scope manager
 * (about 180 modules, most of the plugin's former load time). Values come from
 * the subpaths (`@typescript-eslint/utils/ast-utils`, `/eslint-utils`); types
 * may come from the index (`import type`, erased at build).
 */
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
