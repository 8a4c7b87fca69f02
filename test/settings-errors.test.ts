/**
 * A bad `settings.resilience` in-process (the way an editor lints): one
 * message at line 1, column 1 naming the key path and what was expected,
 * from no-unguarded-shared-resource when it is enabled, else from
 * no-deep-clone-in-hot-path; the settings readers report nothing else on the
 * file, the other rules go on, nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { badSettingsCases, resource } from './helpers/bad-settings';
import { lint } from './helpers/lint';

const code = [
  "import fs from 'fs';",
  "app.get('/a', (req, res) => res.json(structuredClone(req.body)));",
  "export const read = () => fs.readFileSync('/mnt/shared/a');",
  'export async function poll() {',
  '  while (true) {',
  '    try { return await fetch(url); } catch (e) { log(e); }',
  '  }',
  '}',
  '',
].join('\n');

const suffix = ' The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).';
const at = (ruleId: string, message: string) => ({ ruleId, line: 1, column: 1, endLine: 1, endColumn: 1, message: `eslint-plugin-resilience: ${message}${suffix}` });
const pick = (m: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string }) => ({
  ruleId: m.ruleId,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  message: m.message,
});

describe('bad settings in-process', () => {
  it.each(badSettingsCases)('%s: one message at the top of the file, from the first settings reader', (_name, raw, message) => {
    const messages = lint(code, { filename: 'src/a.ts', settings: { resilience: raw } });
    const fromReaders = messages.filter((m) => m.ruleId === 'resilience/no-unguarded-shared-resource' || m.ruleId === 'resilience/no-deep-clone-in-hot-path');
    expect(fromReaders.map(pick)).toEqual([at('resilience/no-unguarded-shared-resource', message)]);
    // The rules that do not read settings go on.
    expect(messages.filter((m) => m.ruleId === 'resilience/no-unbounded-retry').map((m) => m.line)).toEqual([5]);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('is reported by no-deep-clone-in-hot-path when no-unguarded-shared-resource is off', () => {
    const messages = lint(code, { filename: 'src/a.ts', settings: { resilience: { hotFunctions: [''] } }, ruleNames: ['no-deep-clone-in-hot-path', 'require-retry-backoff'] });
    expect(messages.map(pick)).toEqual([
      at('resilience/no-deep-clone-in-hot-path', 'settings.resilience.hotFunctions[0] must be a dotted name pattern such as "uploadStore.*" (it must not be empty) (got the string "").'),
      {
        ruleId: 'resilience/require-retry-backoff',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 8,
        message: 'This loop does not wait between retries, so during a lasting failure the retries keep coming at a steady rate instead of backing off.',
      },
    ]);
  });

  it('is reported once whatever the order the rules are enabled in', () => {
    const messages = lint(code, {
      filename: 'src/a.js',
      settings: { resilience: { sharedResources: [resource({ guards: 'withOutageFlip' })] } },
      ruleNames: ['no-deep-clone-in-hot-path', 'no-unguarded-shared-resource'],
    });
    expect(messages.map(pick)).toEqual([
      at('resilience/no-unguarded-shared-resource', 'settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip").'),
    ]);
  });

  it('reports on every file, each once (no state carried from one file to the next)', () => {
    const settings = { resilience: { cloneFunctions: [null] } };
    for (const filename of ['src/a.ts', 'src/b.ts', 'src/a.ts']) {
      const messages = lint(code, { filename, settings, ruleNames: ['no-unguarded-shared-resource', 'no-deep-clone-in-hot-path'] });
      expect(messages.map(pick), filename).toEqual([
        at('resilience/no-unguarded-shared-resource', 'settings.resilience.cloneFunctions must be an array of strings (item 0 is null).'),
      ]);
    }
  });

  it('with valid settings, the same file gets the readers’ own findings and no settings message', () => {
    const messages = lint(code, { filename: 'src/a.ts', settings: { resilience: { sharedResources: [resource()] } } });
    expect(messages.filter((m) => m.line === 1 && m.column === 1)).toEqual([]);
    expect(messages.filter((m) => m.ruleId === 'resilience/no-unguarded-shared-resource').map((m) => m.line)).toEqual([3]);
    expect(messages.filter((m) => m.ruleId === 'resilience/no-deep-clone-in-hot-path').map((m) => m.line)).toEqual([2]);
  });
});
