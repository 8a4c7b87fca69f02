/**
 * Behaviour of the retry rewrite: the suggestion of no-unbounded-retry /
 * require-retry-backoff is applied to a source (as the editor and the codemod
 * do), the result is compiled with TypeScript and run under fake timers with
 * an operation that fails k times.
 */
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rules } from '../../src/rules';

type RetryingFunction = (operation: () => Promise<unknown>) => Promise<unknown>;

/** Runs the rule, applies its first suggestion, and returns the rewritten source. */
function rewrite(code: string, rule: string, options?: Record<string, unknown>): string {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { resilience: { rules: rules as never } },
      rules: { [`resilience/${rule}`]: options ? ['error', options] : 'error' },
    },
  ], 'retry.js');
  expect(messages).toHaveLength(1);
  const suggestion = messages[0]!.suggestions?.[0];
  expect(suggestion).toBeDefined();
  const { range, text } = suggestion!.fix;
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}

/** Compiles the rewritten module and returns its `callWithRetry` export. */
function load(source: string): RetryingFunction {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exports: Record<string, unknown> = {};
  // The original code's own wait helper (removed by the rewrite, kept for the unbounded original).
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // The harness exports the function itself when the source does not.
  const exported = `${outputText}\nif (!exports.callWithRetry) exports.callWithRetry = callWithRetry;`;
  new Function('exports', 'sleep', exported)(exports, sleep);
  return exports.callWithRetry as RetryingFunction;
}

/** An operation that fails `failures` times (each with a distinct error), then resolves 'ok'. */
function failing(failures: number) {
  const errors: Error[] = [];
  const operation = vi.fn(async () => {
    if (errors.length < failures) {
      const error = new Error(`failure ${errors.length + 1}`);
      errors.push(error);
      throw error;
    }
    return 'ok';
  });
  return { operation, errors };
}

/** Runs `fn(operation)` to completion under fake timers; returns the outcome and the timer delays. */
async function run(fn: RetryingFunction, operation: () => Promise<unknown>) {
  const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
  const outcome = fn(operation).then(
    (value) => ({ value, error: null as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  const delays = setTimeoutSpy.mock.calls.map((call) => call[1] as number);
  setTimeoutSpy.mockRestore();
  return { ...result, delays };
}

const UNBOUNDED_LOOP = `export async function callWithRetry(operation) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      await sleep(500);
    }
  }
}
`;

const BOUNDED_CONSTANT_LOOP = `export async function callWithRetry(operation) {
  for (let i = 0; i < 3; i++) {
    try {
      return await operation();
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return 'gave up';
}
`;

const RETRIED_FLAG_LOOP = `export async function callWithRetry(operation) {
  let retried;
  let result;
  do {
    retried = false;
    try {
      result = await operation();
    } catch {
      retried = true;
    }
  } while (retried);
  return result;
}
`;

// Not exported: the recursion rewrite adds a parameter, so it only applies to functions no other file calls.
const RECURSIVE_RETRY = `async function callWithRetry(operation) {
  try {
    return await operation();
  } catch (err) {
    await sleep(1000);
    return callWithRetry(operation);
  }
}
`;

// A promise chain that retries from its rejection handler.
const PROMISE_RECURSIVE_RETRY = `function callWithRetry(operation) {
  return operation().catch(() => callWithRetry(operation));
}
`;

describe('retry rewrite behaviour', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('the rewrite replaces the constant wait', () => {
    const output = rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry');
    expect(output).not.toContain('sleep(500)');
    expect(output).toContain('Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))');
  });

  it('returns the result after k < maxAttempts failures, waiting with growing full-jitter delays', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fn = load(rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry'));
    const { operation } = failing(3);
    const { value, error, delays } = await run(fn, operation);
    expect(error).toBeNull();
    expect(value).toBe('ok');
    expect(operation).toHaveBeenCalledTimes(4);
    // random 0.5 x min(10000, 100 x 2^n) for n = 0, 1, 2
    expect(delays).toEqual([50, 100, 200]);
  });

  it('rethrows the last original error after exactly maxAttempts attempts', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const fn = load(rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry'));
    const { operation, errors } = failing(Infinity);
    const { error, delays } = await run(fn, operation);
    expect(operation).toHaveBeenCalledTimes(5);
    expect(error).toBe(errors[4]);
    expect(delays).toHaveLength(4);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(10000);
  });

  it('honours maxAttempts, baseDelayMs and maxDelayMs: waits grow, then stay at the cap', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const options = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 5000 };
    const fn = load(rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry', options));
    const { operation, errors } = failing(Infinity);
    const { error, delays } = await run(fn, operation);
    expect(operation).toHaveBeenCalledTimes(8);
    expect(error).toBe(errors[7]);
    expect(delays).toHaveLength(7);
    expect(delays.slice(0, 3)).toEqual([999, 1998, 3996]);
    for (const delay of delays.slice(3)) expect(delay).toBeCloseTo(4995, 6);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(5000);
  });

  it('full jitter: the wait is random() times the capped exponential', async () => {
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValueOnce(0).mockReturnValueOnce(0.25).mockReturnValueOnce(1 - Number.EPSILON);
    const fn = load(rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry'));
    const { operation } = failing(3);
    const { value, delays } = await run(fn, operation);
    expect(value).toBe('ok');
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBe(50);
    expect(delays[2]).toBeLessThan(400);
    expect(delays[2]).toBeGreaterThan(399);
  });

  it('an already bounded loop keeps its own bound and gets the backoff', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const output = rewrite(BOUNDED_CONSTANT_LOOP, 'require-retry-backoff');
    expect(output).not.toContain('setTimeout(resolve, 500)');
    const fn = load(output);
    const { operation } = failing(Infinity);
    const { value, error, delays } = await run(fn, operation);
    expect(error).toBeNull();
    expect(value).toBe('gave up');
    expect(operation).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([50, 100, 200]);
  });

  it('a catch without a binding gets one, and the last error is rethrown', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fn = load(rewrite(RETRIED_FLAG_LOOP, 'no-unbounded-retry', { maxAttempts: 3 }));
    const failed = failing(Infinity);
    const outcome = await run(fn, failed.operation);
    expect(failed.operation).toHaveBeenCalledTimes(3);
    expect(outcome.error).toBe(failed.errors[2]);
    const succeeded = failing(1);
    const second = await run(fn, succeeded.operation);
    expect(second.value).toBe('ok');
    expect(succeeded.operation).toHaveBeenCalledTimes(2);
  });

  it('recursion from a catch: an attempt parameter bounds it, waits grow, the last error is rethrown', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const output = rewrite(RECURSIVE_RETRY, 'no-unbounded-retry');
    expect(output).toContain('callWithRetry(operation, attempt + 1)');
    expect(output).not.toContain('sleep(1000)');
    const fn = load(output);
    const failed = failing(Infinity);
    const outcome = await run(fn, failed.operation);
    expect(failed.operation).toHaveBeenCalledTimes(5);
    expect(outcome.error).toBe(failed.errors[4]);
    expect(outcome.delays).toEqual([50, 100, 200, 400]);
    const succeeded = failing(2);
    const second = await run(fn, succeeded.operation);
    expect(second.value).toBe('ok');
    expect(succeeded.operation).toHaveBeenCalledTimes(3);
    expect(second.delays).toEqual([50, 100]);
  });

  it('recursion from .catch: rejects with the last error after maxAttempts, waits grow', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const output = rewrite(PROMISE_RECURSIVE_RETRY, 'no-unbounded-retry');
    expect(output).toContain('Promise.reject(error)');
    const fn = load(output);
    const failed = failing(Infinity);
    const outcome = await run(fn, failed.operation);
    expect(failed.operation).toHaveBeenCalledTimes(5);
    expect(outcome.error).toBe(failed.errors[4]);
    expect(outcome.delays).toEqual([50, 100, 200, 400]);
    const succeeded = failing(1);
    const second = await run(fn, succeeded.operation);
    expect(second.value).toBe('ok');
    expect(succeeded.operation).toHaveBeenCalledTimes(2);
  });
});

/** Lints with both rules (strict options) and applies one suggestion at a time until none is left, as the codemod does. */
function applyAllSuggestions(code: string): { output: string; remaining: Linter.LintMessage[] } {
  const config: Linter.Config[] = [
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { resilience: { rules: rules as never } },
      rules: {
        'resilience/no-unbounded-retry': ['error', { allowUnboundedWithBackoff: false }],
        'resilience/require-retry-backoff': ['error', { requireJitter: true }],
      },
    },
  ];
  let output = code;
  for (let pass = 0; pass < 10; pass++) {
    const messages = new Linter({ configType: 'flat' }).verify(output, config, 'retry.js');
    const next = messages.find((m) => m.suggestions && m.suggestions.length > 0);
    if (!next) return { output, remaining: messages };
    const { range, text } = next.suggestions![0]!.fix;
    output = output.slice(0, range[0]) + text + output.slice(range[1]);
  }
  throw new Error('suggestions did not converge');
}

describe('rewritten code is not reported again (the codemod converges)', () => {
  const sources: Record<string, string> = {
    'unbounded loop with a constant wait': UNBOUNDED_LOOP,
    'bounded loop with a constant wait': BOUNDED_CONSTANT_LOOP,
    'retried flag loop': RETRIED_FLAG_LOOP,
    'recursion from a catch': RECURSIVE_RETRY,
    'recursion from .catch': PROMISE_RECURSIVE_RETRY,
    'p-retry': `import pRetry from 'p-retry';\nawait pRetry(run, { retries: Infinity, factor: 1 });\n`,
    'axios-retry': `import axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: Infinity });\n`,
    cockatiel: `import { handleAll, retry } from 'cockatiel';\nexport const policy = retry(handleAll, {});\n`,
    async: `import async from 'async';\nasync.retry({ times: Infinity, interval: 200 }, task, done);\n`,
    '@lifeomic/attempt': `import { retry } from '@lifeomic/attempt';\nawait retry(run, { maxAttempts: 0 });\n`,
    'exponential-backoff': `import { backOff } from 'exponential-backoff';\nawait backOff(run, { numOfAttempts: Infinity, timeMultiple: 1 });\n`,
    'ts-retry-promise': `import { retry } from 'ts-retry-promise';\nawait retry(run, { retries: 'INFINITELY' });\n`,
  };
  for (const [name, code] of Object.entries(sources)) {
    it(name, () => {
      const { output, remaining } = applyAllSuggestions(code);
      expect(output).not.toBe(code);
      expect(remaining).toEqual([]);
      // The result still parses.
      const parsed = new Linter({ configType: 'flat' }).verify(output, [{ files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }], 'retry.js');
      expect(parsed.filter((m) => m.fatal)).toEqual([]);
    });
  }
});
