/**
 * no-unbounded-retry and require-retry-backoff share one retry analysis per
 * file (keyed by the SourceCode object): it is built once when both run with
 * the same analysis options, each rule still reports exactly what it reports
 * alone, and different options get separate analyses.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter, SourceCode } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index';
import { RetryAnalysis } from '../../src/retry/analysis';
import { lint } from '../helpers/lint';

const code = `import pRetry from 'p-retry';
async function load(url) {
  while (true) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(500);
    }
  }
}
export const job = pRetry(() => op(), { retries: Infinity });
`;

const both = ['no-unbounded-retry', 'require-retry-backoff'];
const brief = (messages: Linter.LintMessage[], ruleId: string) =>
  messages
    .filter((m) => m.ruleId === ruleId)
    .map((m) => ({ line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message, suggestions: m.suggestions }));

afterEach(() => vi.restoreAllMocks());

describe('one retry analysis per file', () => {
  it('is built once for both rules, and each rule reports what it reports alone', () => {
    const built = vi.spyOn(RetryAnalysis.prototype, 'listeners');
    const together = lint(code, { ruleNames: both });
    expect(built).toHaveBeenCalledTimes(1);
    for (const name of both) {
      const alone = lint(code, { ruleNames: [name] });
      expect(brief(together, `resilience/${name}`)).toEqual(brief(alone, `resilience/${name}`));
    }
    // The file has findings of both rules, so the comparison compares something.
    expect(brief(together, 'resilience/no-unbounded-retry').map((m) => [m.line, m.column])).toEqual([
      [3, 3],
      [11, 41],
    ]);
    expect(brief(together, 'resilience/require-retry-backoff').map((m) => [m.line, m.column])).toEqual([[3, 3]]);
  });

  it('is built per rule when the options that change findings differ', () => {
    const built = vi.spyOn(RetryAnalysis.prototype, 'listeners');
    const options = { 'no-unbounded-retry': [{ maxAttempts: 3 }] };
    const together = lint(code, { ruleNames: both, options });
    expect(built).toHaveBeenCalledTimes(2);
    const loop = (name: string) => together.find((m) => m.ruleId === `resilience/${name}` && m.line === 3)!;
    expect(loop('no-unbounded-retry').suggestions?.[0]?.desc).toContain('at most 3 attempts');
    expect(loop('require-retry-backoff').suggestions?.[0]?.desc).toContain('at most 5 attempts');
    for (const name of both) {
      const alone = lint(code, { ruleNames: [name], options });
      expect(brief(together, `resilience/${name}`)).toEqual(brief(alone, `resilience/${name}`));
    }
  });

  it('starts afresh when the same SourceCode object is linted again', () => {
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { resilience: plugin as never },
        rules: { 'resilience/no-unbounded-retry': 'error', 'resilience/require-retry-backoff': 'warn' },
      },
    ];
    const linter = new Linter();
    const first = linter.verify(code, config, 'file.ts');
    const sourceCode = linter.getSourceCode() as SourceCode;
    const second = linter.verify(sourceCode, config, 'file.ts');
    expect(first.length).toBe(3);
    expect(second).toEqual(first);
  });
});
