/**
 * Rules never throw on seeded random programs, with every option on: from
 * the eslump fuzzer and from a fuzzer of this project's own constructs (retry
 * loops, guards, clones, handlers). Set FUZZ_SEED to replay one run, and
 * FUZZ_COUNT to run more programs of each kind than the 1,000 of `npm run test:heavy`.
 */
import { describe, expect, it } from 'vitest';
import { generateRandomJS } from 'eslump';
import { rules } from '../../src/rules';
import { baseSeed, lintOrExplain } from '../helpers/crash-safety';
import { domainProgram } from '../helpers/domain-fuzzer';
import { withSeededMathRandom } from '../helpers/seeded-random';

const count = Number(process.env.FUZZ_COUNT ?? 1000);
if (!Number.isInteger(count) || count < 1) throw new Error(`FUZZ_COUNT must be a positive integer, got ${JSON.stringify(process.env.FUZZ_COUNT)}`);

describe('rules never throw', () => {
  it(`on ${count.toLocaleString('en')} eslump random programs`, () => {
    for (let i = 0; i < count; i++) {
      const seed = baseSeed + i;
      const sourceType = i % 2 === 0 ? 'module' : 'script';
      const code = withSeededMathRandom(seed, () => generateRandomJS({ sourceType, maxDepth: 7, comments: false, whitespace: false }));
      lintOrExplain(code, 'src/fuzz.js', `eslump seed ${seed} (FUZZ_SEED=${baseSeed}, program ${i})`);
    }
  });

  it(`on ${count.toLocaleString('en')} random programs built from retry, guard, clone and handler shapes`, () => {
    let reported = 0;
    for (let i = 0; i < count; i++) {
      const seed = baseSeed + i;
      const code = domainProgram(seed);
      const messages = lintOrExplain(code, i % 2 ? 'src/fuzz.ts' : 'src/fuzz.js', `domain seed ${seed}`);
      expect(messages.filter((m) => m.fatal), `domain seed ${seed} must generate valid code:\n${code}`).toEqual([]);
      if (messages.length > 0) reported++;
    }
    // The shapes are meant to trigger the rules: a fuzzer that never reaches them tests nothing.
    if (Object.keys(rules).length > 0) expect(reported).toBeGreaterThan(count / 10);
  });
});
