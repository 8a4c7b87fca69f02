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

type RetryingFunction = (operation: () => Promise<unknown>, ...rest: unknown[]) => Promise<unknown>;

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

/** Compiles the rewritten module and returns its `callWithRetry` export; `extras` are more globals it sees. */
function load(source: string, extras: Record<string, unknown> = {}): RetryingFunction {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exports: Record<string, unknown> = {};
  // The original code's own wait helper (removed by the rewrite, kept for the unbounded original).
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // The harness exports the function itself when the source does not.
  const exported = `${outputText}\nif (!exports.callWithRetry) exports.callWithRetry = callWithRetry;`;
  new Function('exports', 'sleep', ...Object.keys(extras), exported)(exports, sleep, ...Object.values(extras));
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

// No wait at all: the rewrite adds capped exponential backoff with full jitter.
const NO_WAIT_LOOP = `export async function callWithRetry(operation) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      console.debug(err.message);
    }
  }
}
`;

// Errors that are not retried are rethrown first: they must never be delayed.
const SORTING_LOOP = `export async function callWithRetry(operation) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      if (err.fatal) throw err;
      await sleep(1000);
    }
  }
}
`;

// An abortable wait: the rewrite keeps the helper and the signal.
const ABORTABLE_LOOP = `export async function callWithRetry(operation, signal) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      await delay(1000, signal);
    }
  }
}
`;

// A wait read from the failure (Retry-After): kept as it is.
const RETRY_AFTER_LOOP = `export async function callWithRetry(operation) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      await sleep(err.retryAfterMs);
    }
  }
}
`;

// A wait after the try that also paces results that are not ready yet.
const PACED_POLL = `export async function callWithRetry(operation) {
  while (true) {
    try {
      const res = await operation();
      if (res.ok) return res;
    } catch (err) {
      console.debug(err.message);
    }
    await sleep(1000);
  }
}
`;

// A timer callback: nobody awaits it, so the last failure must not be rethrown.
const TIMER_CALLBACK_LOOP = `export function callWithRetry(operation, log) {
  setTimeout(async () => {
    while (true) {
      try {
        await operation();
        return;
      } catch (err) {
        log(err);
        await sleep(1000);
      }
    }
  }, 0);
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

  it('the existing wait stays where it is and only its duration grows, from its own length', () => {
    const output = rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry');
    expect(output).toContain('await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** (attempt - 1))));');
    expect(output).not.toContain('setTimeout');
  });

  it('waits are never shorter than the original wait, and grow', async () => {
    for (const random of [0, 0.5, 0.999]) {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      const fn = load(rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry'));
      const { operation, errors } = failing(Infinity);
      const { error, delays } = await run(fn, operation);
      expect(operation).toHaveBeenCalledTimes(5);
      expect(error).toBe(errors[4]);
      // The bound is checked before the wait: no wait after the last attempt.
      expect(delays).toHaveLength(4);
      for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(500);
      vi.restoreAllMocks();
    }
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { delays } = await run(load(rewrite(UNBOUNDED_LOOP, 'no-unbounded-retry')), failing(Infinity).operation);
    expect(delays).toEqual([500, 999, 1998, 3996]);
  });

  it('no wait before: returns the result after k < maxAttempts failures, waiting with growing full-jitter delays', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fn = load(rewrite(NO_WAIT_LOOP, 'no-unbounded-retry'));
    const { operation } = failing(3);
    const { value, error, delays } = await run(fn, operation);
    expect(error).toBeNull();
    expect(value).toBe('ok');
    expect(operation).toHaveBeenCalledTimes(4);
    // random 0.5 x min(10000, 100 x 2^n) for n = 0, 1, 2
    expect(delays).toEqual([50, 100, 200]);
  });

  it('honours maxAttempts, baseDelayMs and maxDelayMs: waits grow, then stay at the cap', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const options = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 5000 };
    const fn = load(rewrite(NO_WAIT_LOOP, 'no-unbounded-retry', options));
    const { operation, errors } = failing(Infinity);
    const { error, delays } = await run(fn, operation);
    expect(operation).toHaveBeenCalledTimes(8);
    expect(error).toBe(errors[7]);
    expect(delays).toHaveLength(7);
    expect(delays.slice(0, 3)).toEqual([999, 1998, 3996]);
    for (const delay of delays.slice(3)) expect(delay).toBeCloseTo(4995, 6);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(5000);
  });

  it('full jitter: a new wait is random() times the capped exponential', async () => {
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValueOnce(0).mockReturnValueOnce(0.25).mockReturnValueOnce(1 - Number.EPSILON);
    const fn = load(rewrite(NO_WAIT_LOOP, 'no-unbounded-retry'));
    const { operation } = failing(3);
    const { value, delays } = await run(fn, operation);
    expect(value).toBe('ok');
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBe(50);
    expect(delays[2]).toBeLessThan(400);
    expect(delays[2]).toBeGreaterThan(399);
  });

  it('errors that are not retried are rethrown at once, never delayed', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fn = load(rewrite(SORTING_LOOP, 'no-unbounded-retry'));
    const fatal = Object.assign(new Error('bad request'), { fatal: true });
    const operation = vi.fn(async () => {
      throw fatal;
    });
    const { error, delays } = await run(fn, operation);
    expect(error).toBe(fatal);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
    // Two retried failures, then a fatal one: two waits, then the fatal error at once.
    let calls = 0;
    const mixed = vi.fn(async () => {
      calls++;
      if (calls <= 2) throw new Error('connection reset');
      throw fatal;
    });
    const second = await run(fn, mixed);
    expect(second.error).toBe(fatal);
    expect(mixed).toHaveBeenCalledTimes(3);
    expect(second.delays).toEqual([1000, 1000]);
  });

  it('a wait known only at run time and longer than maxDelayMs still grows (15 s floor: 15, 30, 60, 120 s), never shorter', async () => {
    const source = `export async function callWithRetry(operation, opts) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      await sleep(opts.delayMs);
    }
  }
}`;
    const output = rewrite(source, 'no-unbounded-retry');
    expect(output).toContain('await sleep(Math.max(opts.delayMs, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, opts.delayMs * 16)), opts.delayMs * 2 ** (attempt - 1))));');
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const fn = load(output);
    const { operation } = failing(Infinity);
    const longWait = await run((op) => fn(op, { delayMs: 15_000 }), operation);
    expect(longWait.delays).toEqual([15_000, 30_000, 60_000, 120_000]);
    // A short run-time wait keeps maxDelayMs as its cap: 100 ms doubles up to 10 s.
    const shortWait = await run((op) => fn(op, { delayMs: 100 }), failing(Infinity).operation);
    expect(shortWait.delays).toEqual([100, 200, 400, 800]);
    // Near the timer limit the cap stays within it (a longer Node timer fires after 1 ms).
    const huge = await run((op) => fn(op, { delayMs: 2 ** 30 }), failing(Infinity).operation);
    expect(Math.max(...huge.delays)).toBeLessThanOrEqual(2147483647);
  });

  it('a wait nested in the retrying branch of an if/else: the bound is checked before it, so the last failure is rethrown without waiting', async () => {
    const source = `export async function callWithRetry(operation) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      if (err.fatal) {
        throw err;
      } else {
        await sleep(1000);
      }
    }
  }
}`;
    const output = rewrite(source, 'no-unbounded-retry');
    expect(output).toBe(`export async function callWithRetry(operation) {
  let attempt = 0;
  while (true) {
    try {
      return await operation();
    } catch (err) {
      if (err.fatal) {
        throw err;
      } else {
        attempt++;
        if (attempt >= 5) throw err;
        await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
      }
    }
  }
}`);
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { delays, error } = await run(load(output), failing(Infinity).operation);
    // Four waits doubling from the old 1 s; the fifth failure is rethrown at once (it used to wait 10 s first).
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect((error as Error).message).toBe('failure 5');
    const fatal = Object.assign(new Error('fatal'), { fatal: true });
    const sorted = await run(load(output), vi.fn(async () => { throw fatal; }));
    expect(sorted.delays).toEqual([]);
    expect(sorted.error).toBe(fatal);
  });

  it('an error check after the wait: the bound is checked before the wait, so the last failure is rethrown without waiting', async () => {
    const source = `export async function callWithRetry(operation) {
  while (true) {
    try {
      return await operation();
    } catch (err) {
      await sleep(1000);
      if (err.fatal) throw err;
    }
  }
}`;
    const output = rewrite(source, 'no-unbounded-retry');
    expect(output).toBe(`export async function callWithRetry(operation) {
  let attempt = 0;
  while (true) {
    try {
      return await operation();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
      if (err.fatal) throw err;
    }
  }
}`);
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { delays, error } = await run(load(output), failing(Infinity).operation);
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect((error as Error).message).toBe('failure 5');
    const recovered = await run(load(output), failing(4).operation);
    expect(recovered.value).toBe('ok');
    expect(recovered.delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('an abortable wait keeps its signal: aborting during the wait ends the retry at once', async () => {
    const output = rewrite(ABORTABLE_LOOP, 'no-unbounded-retry');
    expect(output).toContain('await delay(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))), signal);');
    const delay = (ms: number, signal: AbortSignal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        }, { once: true });
      });
    const fn = load(output, { delay });
    const { operation } = failing(Infinity);
    const controller = new AbortController();
    const outcome = fn(operation, controller.signal).then(() => null, (error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    const closed = new Error('closed');
    controller.abort(closed);
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toBe(closed);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a wait read from the failure (Retry-After) is kept as it is; only the bound is added', async () => {
    const output = rewrite(RETRY_AFTER_LOOP, 'no-unbounded-retry');
    expect(output).toContain('await sleep(err.retryAfterMs);');
    const fn = load(output);
    const errors: Error[] = [];
    const operation = vi.fn(async () => {
      const error = Object.assign(new Error(`limited ${errors.length}`), { retryAfterMs: 3000 + errors.length });
      errors.push(error);
      throw error;
    });
    const { error, delays } = await run(fn, operation);
    expect(operation).toHaveBeenCalledTimes(5);
    expect(error).toBe(errors[4]);
    expect(delays).toEqual([3000, 3001, 3002, 3003]);
  });

  it('a wait after the try that paces results that are not ready is kept on that path', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const output = rewrite(PACED_POLL, 'no-unbounded-retry');
    const fn = load(output);
    let polls = 0;
    const operation = vi.fn(async () => ({ ok: ++polls > 3 }));
    const { value, delays } = await run(fn, operation);
    expect(value).toEqual({ ok: true });
    expect(operation).toHaveBeenCalledTimes(4);
    expect(delays).toEqual([1000, 1000, 1000]);
    // Failures are bounded and still waited for (never shorter than before).
    const failed = failing(Infinity);
    const second = await run(fn, failed.operation);
    expect(failed.operation).toHaveBeenCalledTimes(5);
    expect(second.error).toBe(failed.errors[4]);
    for (const delay of second.delays) expect(delay).toBeGreaterThanOrEqual(1000);
  });

  it('a timer callback stops retrying without a rethrow (no unhandled rejection); its log reports each failure', async () => {
    const output = rewrite(TIMER_CALLBACK_LOOP, 'no-unbounded-retry');
    expect(output).toContain('if (attempt >= 5) return;');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const fn = load(output);
      const log = vi.fn();
      const { operation } = failing(Infinity);
      fn(operation, log);
      await vi.runAllTimersAsync();
      await Promise.resolve();
      expect(operation).toHaveBeenCalledTimes(5);
      expect(log).toHaveBeenCalledTimes(5);
      expect(vi.getTimerCount()).toBe(0);
      // Let a rejection, if there were one, be reported.
      vi.useRealTimers();
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('an already bounded loop keeps its own bound and counter and gets the backoff on its own wait', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const output = rewrite(BOUNDED_CONSTANT_LOOP, 'require-retry-backoff', { reportBounded: true });
    expect(output).toContain('setTimeout(resolve, Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** i)))');
    expect(output).not.toContain('attempt');
    const fn = load(output);
    const { operation } = failing(Infinity);
    const { value, error, delays } = await run(fn, operation);
    expect(error).toBeNull();
    expect(value).toBe('gave up');
    expect(operation).toHaveBeenCalledTimes(3);
    // max(500, 0.5 x min(10000, 500 x 2^i)) for i = 0, 1, 2
    expect(delays).toEqual([500, 500, 1000]);
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
    expect(output).toContain('await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** attempt)));');
    const fn = load(output);
    const failed = failing(Infinity);
    const outcome = await run(fn, failed.operation);
    expect(failed.operation).toHaveBeenCalledTimes(5);
    expect(outcome.error).toBe(failed.errors[4]);
    // The bound is checked before the wait; each wait is at least the old 1000 ms.
    expect(outcome.delays).toEqual([1000, 1000, 2000, 4000]);
    const succeeded = failing(2);
    const second = await run(fn, succeeded.operation);
    expect(second.value).toBe('ok');
    expect(succeeded.operation).toHaveBeenCalledTimes(3);
    expect(second.delays).toEqual([1000, 1000]);
  });

  it('recursion from a catch with the wait in an if and an error check after it: the bound is checked before the wait', async () => {
    const source = `async function callWithRetry(operation, delayMs = 1000) {
  try {
    return await operation();
  } catch (err) {
    if (delayMs) {
      await sleep(delayMs);
    }
    if (err.fatal) throw err;
    return callWithRetry(operation, delayMs);
  }
}
`;
    const output = rewrite(source, 'no-unbounded-retry');
    expect(output).toBe(`async function callWithRetry(operation, delayMs = 1000, attempt = 0) {
  try {
    return await operation();
  } catch (err) {
    if (attempt + 1 >= 5) throw err;
    if (delayMs) {
      await sleep(Math.max(delayMs, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, delayMs * 16)), delayMs * 2 ** attempt)));
    }
    if (err.fatal) throw err;
    return callWithRetry(operation, delayMs, attempt + 1);
  }
}
`);
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { delays, error } = await run(load(output), failing(Infinity).operation);
    // The wait grows from its own length; the fifth failure is rethrown without waiting.
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect((error as Error).message).toBe('failure 5');
    const fatal = Object.assign(new Error('fatal'), { fatal: true });
    const sorted = await run(load(output), vi.fn(async () => { throw fatal; }));
    // A fatal error is still rethrown after the one wait the original code made before its check.
    expect(sorted.delays).toEqual([1000]);
    expect(sorted.error).toBe(fatal);
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
        'resilience/require-retry-backoff': ['error', { requireJitter: true, reportBounded: true }],
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

describe('suggestions applied together, as the codemod does in one pass', () => {
  it('two retry loops in one function get two counters, and the result parses and runs', async () => {
    const code = `export async function callWithRetry(operation) {
  while (true) {
    try {
      await operation();
      break;
    } catch (err) {
      await sleep(100);
    }
  }
  while (true) {
    try {
      return await operation();
    } catch (err) {
      await sleep(100);
    }
  }
}
`;
    const messages = new Linter({ configType: 'flat' }).verify(code, [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { resilience: { rules: rules as never } },
        rules: { 'resilience/no-unbounded-retry': 'error' },
      },
    ], 'retry.js');
    const fixes = messages.map((m) => m.suggestions![0]!.fix).sort((a, b) => b.range[0] - a.range[0]);
    expect(fixes).toHaveLength(2);
    let output = code;
    for (const fix of fixes) output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
    expect(output).toContain('let attempt = 0;');
    expect(output).toContain('let failedAttempts = 0;');
    const parsed = new Linter({ configType: 'flat' }).verify(output, [{ files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }], 'retry.js');
    expect(parsed.filter((m) => m.fatal)).toEqual([]);
    vi.useFakeTimers();
    try {
      const { operation, errors } = failing(Infinity);
      const { error } = await run(load(output), operation);
      // The first loop gives up after 5 attempts and rethrows.
      expect(operation).toHaveBeenCalledTimes(5);
      expect(error).toBe(errors[4]);
    } finally {
      vi.useRealTimers();
    }
  });
});
