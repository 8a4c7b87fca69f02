/**
 * No cross-file state: `eslint --concurrency 2` (worker threads) gives the
 * same findings as a serial run, over the bundled app and a slice of the
 * real corpus. Uses the built plugin in dist/ (npm test builds first).
 */
import { ESLint } from 'eslint';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles } from '../bench/corpus.mjs';
import { allOnSettings } from './helpers/lint';

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'resilience-concurrency-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('eslint --concurrency 2', () => {
  it('gives the same findings as a serial run', async () => {
    const files: string[] = corpusFiles();
    // Every fourth file: both languages, several packages, a few hundred files.
    for (const file of files.filter((_, i) => i % 4 === 0)) {
      const to = join(work, 'corpus', relative(join(root, 'node_modules'), file));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(file, to);
    }
    cpSync(join(root, 'fixtures/legacy-app/src'), join(work, 'app'), { recursive: true });
    const config = join(work, 'eslint.config.mjs');
    writeFileSync(
      config,
      [
        `import tsParser from ${JSON.stringify(require.resolve('@typescript-eslint/parser'))};`,
        `import resilience from ${JSON.stringify(join(root, 'dist/src/index.js'))};`,
        'export default [',
        "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
        '  resilience.configs.all,',
        `  { settings: ${JSON.stringify(allOnSettings)} },`,
        '];',
      ].join('\n'),
    );
    const lintWith = async (concurrency: 'off' | number) => {
      const eslint = new ESLint({ cwd: work, overrideConfigFile: config, concurrency });
      const results = await eslint.lintFiles(['corpus', 'app']);
      return results
        .flatMap((r) => r.messages.map((m) => `${relative(work, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
        .sort();
    };
    const serial = await lintWith('off');
    const parallel = await lintWith(2);
    expect(parallel).toEqual(serial);
    // The app has findings, so the comparison is not between two empty lists.
    expect(serial.some((line) => line.startsWith('app/'))).toBe(true);
  });
});
