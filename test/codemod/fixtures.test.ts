/**
 * Fixture cases of each codemod: `fixtures/codemods/<transform>/<case>.input.<ext>`
 * must become `<case>.output.<ext>` (a case with no output file must stay
 * byte-identical: the negative and left-for-a-person cases), and the output
 * must be a fixed point. An optional `settings.json` next to the cases holds
 * `settings.resilience`, an optional `options.json` the codemod options.
 * Transforms whose rules are not in the plugin yet are skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index';
import { runCodemod } from '../../src/codemod/codemod';
import { rules } from '../../src/rules';

const fixtures = resolve(__dirname, '../../fixtures/codemods');

function cases(transform: string): { name: string; input: string; output: string | null }[] {
  const dir = join(fixtures, transform);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
    .sort()
    .map((file) => {
      const output = file.replace('.input.', '.output.');
      return { name: file, input: join(dir, file), output: existsSync(join(dir, output)) ? join(dir, output) : null };
    });
}

function readJson(path: string): Record<string, unknown> | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : undefined;
}

for (const [name, definition] of Object.entries(codemods)) {
  const ready = definition.ruleIds.every((id) => Object.hasOwn(rules, id));
  const list = cases(name);
  describe.skipIf(!ready || list.length === 0)(`fixtures/codemods/${name}`, () => {
    const settings = readJson(join(fixtures, name, 'settings.json'));
    const options = readJson(join(fixtures, name, 'options.json')) ?? {};
    const cwd = resolve(__dirname, '../..');
    it.each(list)('$name', ({ input, output }) => {
      const source = readFileSync(input, 'utf8');
      const result = runCodemod(definition, { source, filePath: input, options, settings: settings ? { resilience: settings } : {}, cwd });
      if (output === null) {
        expect(result.output).toBeUndefined();
        return;
      }
      expect(result.output).toBe(readFileSync(output, 'utf8'));
      const again = runCodemod(definition, { source: result.output!, filePath: input, options, settings: settings ? { resilience: settings } : {}, cwd });
      expect(again.output).toBeUndefined();
      expect(again.left).toEqual(result.left);
    });
  });
}
