/**
 * Rules never throw: every rule, with a shared-resource catalog matching `fs`
 * and `fetch` and every option on, over (a) the real third-party corpus of
 * bench/corpus.mjs and (b) seeded random programs from the eslump fuzzer and
 * from a fuzzer of this project's own constructs (retry loops, guards, clones,
 * handlers). A thrown exception fails with the file or the seed that
 * reproduces it. Set FUZZ_SEED to replay one run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles, relativeToRoot } from '../bench/corpus.mjs';
import { rules } from '../src/rules';
import { allOnSettings, lint } from './helpers/lint';
import { domainProgram } from './helpers/domain-fuzzer';
import { withSeededMathRandom } from './helpers/seeded-random';
import { generateRandomJS } from 'eslump';

/** Every option switched to its most demanding value. */
const allOptions: Record<string, unknown[]> = {
  'no-unbounded-retry': [{ allowUnboundedWithBackoff: false }],
  'require-retry-backoff': [{ requireJitter: true }],
  'no-unguarded-shared-resource': [{ reportUnknownPaths: true }],
  'no-deep-clone-in-hot-path': [{ ignoreLoops: false, hotFunctions: ['run'], cloneFunctions: ['helpers.copy'] }],
};
const options = Object.fromEntries(Object.keys(rules).map((name) => [name, allOptions[name] ?? []]));

function lintOrExplain(code: string, filename: string, where: string) {
  try {
    return lint(code, { filename, settings: allOnSettings, options });
  } catch (error) {
    throw new Error(`a rule threw on ${where}: ${(error as Error).message}`);
  }
}

const baseSeed = Number(process.env.FUZZ_SEED ?? 20261122);

describe('rules never throw', () => {
  it('on the real third-party corpus', () => {
    const files: string[] = corpusFiles();
    expect(files.length).toBeGreaterThanOrEqual(2000);
    // The config really applies to both languages (no "No matching configuration" notice).
    expect(lint('fs.readFileSync(x);', { filename: 'src/probe.ts' }).every((m) => m.ruleId !== null)).toBe(true);
    let parsed = 0;
    let reports = 0;
    for (const file of files) {
      const filename = file.endsWith('.ts') ? 'src/corpus.ts' : 'src/corpus.js';
      const messages = lintOrExplain(readFileSync(file, 'utf8'), filename, relativeToRoot(file));
      if (!messages.some((m) => m.fatal)) parsed++;
      reports += messages.filter((m) => !m.fatal).length;
    }
    // Nearly every file must parse, or this test would check nothing.
    expect(parsed).toBeGreaterThan(files.length * 0.95);
    expect(reports).toBeGreaterThanOrEqual(0);
  });

  it('on 2,000 eslump random programs', () => {
    for (let i = 0; i < 2000; i++) {
      const seed = baseSeed + i;
      const sourceType = i % 2 === 0 ? 'module' : 'script';
      const code = withSeededMathRandom(seed, () => generateRandomJS({ sourceType, maxDepth: 7, comments: false, whitespace: false }));
      lintOrExplain(code, 'src/fuzz.js', `eslump seed ${seed} (FUZZ_SEED=${baseSeed}, program ${i})`);
    }
  });

  it('on 2,000 random programs built from retry, guard, clone and handler shapes', () => {
    let reported = 0;
    for (let i = 0; i < 2000; i++) {
      const seed = baseSeed + i;
      const code = domainProgram(seed);
      const messages = lintOrExplain(code, i % 2 ? 'src/fuzz.ts' : 'src/fuzz.js', `domain seed ${seed}`);
      expect(messages.filter((m) => m.fatal), `domain seed ${seed} must generate valid code:\n${code}`).toEqual([]);
      if (messages.length > 0) reported++;
    }
    // The shapes are meant to trigger the rules: a fuzzer that never reaches them tests nothing.
    if (Object.keys(rules).length > 0) expect(reported).toBeGreaterThan(200);
  });
});
