/**
 * The codemod fixtures, executed: each input module and its rewritten output
 * run under vitest fake timers.
 * - add-retry-backoff: an operation that fails k times gives the same result
 *   before and after when k < maxAttempts; after the rewrite it rejects with
 *   the original error after exactly maxAttempts attempts; the waits grow and
 *   stay under the cap.
 * - guard-shared-resource: with the flip on the result is unchanged; with it
 *   off the guard's own behaviour applies (it fails fast).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codemods } from '../../codemods/index';
import { runCodemod } from '../../src/codemod/codemod';

const fixtures = resolve(__dirname, '../../fixtures/codemods');

type Module = Record<string, unknown>;

/** Compiles TS source to CommonJS and evaluates it; relative imports load the same way (one instance each). */
function loadSource(source: string, file: string, cache = new Map<string, Module>()): Module {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const module = { exports: {} as Module };
  const localRequire = (request: string) => {
    if (!request.startsWith('.')) return require(request);
    const target = resolve(dirname(file), `${request}.ts`);
    if (!cache.has(target)) cache.set(target, loadSource(readFileSync(target, 'utf8'), target, cache));
    return cache.get(target);
  };
  new Function('exports', 'require', 'module', outputText)(module.exports, localRequire, module);
  return module.exports;
}

function flaky(failures: number) {
  const errors: Error[] = [];
  let calls = 0;
  return {
    errors,
    calls: () => calls,
    operation: async () => {
      calls++;
      if (calls <= failures) {
        const error = new Error(`failure ${calls}`);
        errors.push(error);
        throw error;
      }
      return `ok after ${calls}`;
    },
  };
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe('add-retry-backoff fixtures, executed', () => {
  const dir = join(fixtures, 'add-retry-backoff');
  // `floor`: the wait the input already had, which the rewrite keeps as the shortest wait (0: it had none).
  const cases = [
    { name: 'loop-retry', exportName: 'callApi', floor: 0 },
    { name: 'constant-sleep-loop', exportName: 'loadConfig', floor: 1000 },
    { name: 'recursive-helper', exportName: 'fetchReport', floor: 0 },
    { name: 'abortable-wait', exportName: 'connectOnce', floor: 500 },
  ];
  let delays: number[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    delays = [];
    const fakeSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return fakeSetTimeout(fn, ms);
    }) as typeof setTimeout);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  describe.each(cases)('$name', ({ name, exportName, floor }) => {
    const inputFile = join(dir, `${name}.input.ts`);
    const outputFile = join(dir, `${name}.output.ts`);
    const before = loadSource(readFileSync(inputFile, 'utf8'), inputFile)[exportName] as (op: () => Promise<string>) => Promise<string>;
    const after = loadSource(readFileSync(outputFile, 'utf8'), outputFile)[exportName] as (op: () => Promise<string>) => Promise<string>;

    it.each([0, 1, 2, 4])('gives the same result before and after when the operation fails %i times', async (k) => {
      const a = flaky(k);
      const b = flaky(k);
      const resultBefore = await settle(before(a.operation));
      const resultAfter = await settle(after(b.operation));
      expect(resultAfter).toEqual(resultBefore);
      expect(resultAfter.value).toBe(`ok after ${k + 1}`);
      expect(b.calls()).toBe(k + 1);
    });

    it.each([5, 9])('rejects with the original error after exactly 5 attempts when the operation fails %i times', async (k) => {
      const b = flaky(k);
      const result = await settle(after(b.operation));
      expect(b.calls()).toBe(5);
      expect(result.error).toBe(b.errors[4]);
    });

    it('waits longer after each failure, with jitter, under the cap, never shorter than the wait it had', async () => {
      vi.spyOn(Math, 'random').mockReturnValue(0.999);
      delays = [];
      await settle(after(flaky(9).operation));
      const waits = delays.filter((ms) => ms > 0);
      expect(waits).toHaveLength(4);
      for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
      for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(floor);
      expect(Math.max(...waits)).toBeLessThanOrEqual(10_000);
      // Jitter at its lowest: a new wait can be 0; a kept wait stays at its old length.
      vi.spyOn(Math, 'random').mockReturnValue(0);
      delays = [];
      await settle(after(flaky(9).operation));
      expect(delays.filter((ms) => ms > 0)).toEqual(floor > 0 ? [floor, floor, floor, floor] : []);
    });

    it('stays under a configured cap: 12 attempts, base 100 ms, cap 1 s', async () => {
      const source = readFileSync(inputFile, 'utf8');
      const rewritten = runCodemod(codemods['add-retry-backoff']!, {
        source,
        filePath: inputFile,
        options: { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 1000 },
        settings: {},
        cwd: resolve(__dirname, '../..'),
      }).output!;
      const fn = loadSource(rewritten, inputFile)[exportName] as (op: () => Promise<string>) => Promise<string>;
      vi.spyOn(Math, 'random').mockReturnValue(0.999);
      delays = [];
      const b = flaky(20);
      const result = await settle(fn(b.operation));
      expect(b.calls()).toBe(12);
      expect(result.error).toBe(b.errors[11]);
      const waits = delays.filter((ms) => ms > 0);
      expect(waits).toHaveLength(11);
      expect(Math.max(...waits)).toBeLessThanOrEqual(1000);
      expect(waits.slice(-3).every((ms) => ms > 990)).toBe(true);
    });
  });
});

describe('add-retry-backoff abortable-wait fixture: what the rewrite keeps', () => {
  const file = join(fixtures, 'add-retry-backoff', 'abortable-wait.output.ts');
  type ConsumerClass = new () => { connect(open: () => Promise<string>): Promise<string>; close(): void };
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('close() still cuts the wait short: the retry ends at once with the abort reason, no timer left', async () => {
    const Consumer = loadSource(readFileSync(file, 'utf8'), file).Consumer as ConsumerClass;
    const consumer = new Consumer();
    const b = flaky(Infinity);
    const outcome = consumer.connect(b.operation).then(() => null, (error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    consumer.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(((await outcome) as Error).message).toBe('closed');
    expect(b.calls()).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an error that is not retried is rethrown at once, without a wait', async () => {
    const Consumer = loadSource(readFileSync(file, 'utf8'), file).Consumer as ConsumerClass;
    const fatal = Object.assign(new Error('bad credentials'), { fatal: true });
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const outcome = new Consumer().connect(async () => {
      throw fatal;
    }).then(() => null, (error: unknown) => error);
    expect(await outcome).toBe(fatal);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });
});

describe('guard-shared-resource fixtures, executed', () => {
  const dir = join(fixtures, 'guard-shared-resource');
  const shared = mkdtempSync(join(tmpdir(), 'resilience-shared-'));
  const previous = process.env.SHARED_ROOT;
  process.env.SHARED_ROOT = shared;
  writeFileSync(join(shared, 'alice.png'), 'alice-avatar');
  afterAll(() => {
    process.env.SHARED_ROOT = previous;
    rmSync(shared, { recursive: true, force: true });
  });

  function load(name: string) {
    const cache = new Map<string, Module>();
    const file = join(dir, name);
    const module = loadSource(readFileSync(file, 'utf8'), file, cache);
    const flips = cache.get(join(dir, 'lib/outage-flips.ts')) ?? loadSource(readFileSync(join(dir, 'lib/outage-flips.ts'), 'utf8'), join(dir, 'lib/outage-flips.ts'), cache);
    cache.set(join(dir, 'lib/outage-flips.ts'), flips);
    return { module, flips: flips as { outageFlips: { sharedFs: boolean }; OutageFlipOpenError: new (...args: unknown[]) => Error } };
  }

  it('read-sync: same result with the flip on; fails fast with it off', () => {
    const before = load('read-sync.input.ts');
    const after = load('read-sync.output.ts');
    const readBefore = before.module.readAvatar as (name: string) => string;
    const readAfter = after.module.readAvatar as (name: string) => string;
    expect(readAfter('alice.png')).toBe(readBefore('alice.png'));
    expect(readAfter('alice.png')).toBe('alice-avatar');
    after.flips.outageFlips.sharedFs = false;
    expect(() => readAfter('alice.png')).toThrow(after.flips.OutageFlipOpenError);
    before.flips.outageFlips.sharedFs = false;
    expect(readBefore('alice.png')).toBe('alice-avatar');
  });

  it('read-async-existing-import: same result with the flip on; fails fast with it off', async () => {
    const before = load('read-async-existing-import.input.ts');
    const after = load('read-async-existing-import.output.ts');
    const loadBefore = before.module.loadAvatar as (name: string) => Promise<string>;
    const loadAfter = after.module.loadAvatar as (name: string) => Promise<string>;
    expect(await loadAfter('alice.png')).toBe(await loadBefore('alice.png'));
    after.flips.outageFlips.sharedFs = false;
    await expect(loadAfter('alice.png')).rejects.toBeInstanceOf(after.flips.OutageFlipOpenError);
  });
});
