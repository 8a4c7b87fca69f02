/**
 * A limit that is unbounded only when its option is not given, written as a
 * destructuring or parameter default (`{ maxRetries = Infinity } = {}`,
 * `(request, maxRetries = Infinity)`, `const { maxRetries = DEFAULT.maxRetries } = options`
 * with `DEFAULT.maxRetries` Infinity, as reconnecting-websocket and partysocket
 * write theirs): the same fallback as `options.maxRetries ?? Infinity`, so no
 * limit by default, and no quick fix (a finite default is the maintainers'
 * choice). A time budget an elapsed time is compared with
 * (`const elapsed = Date.now() - start; if (elapsed > maxRetryTime) throw err`)
 * is in milliseconds: it is no limit only when infinite (`Infinity`, or a
 * fallback to it), never because it is at or above `unboundedAbove`, which
 * counts attempts (a 30 s budget, `elapsed > 30000`, was taken for none), and
 * its "No quick fix" reason names a time, not attempts. Only a check that
 * can end the retry names such a limit (a loop condition, an `if` with a
 * branch that leaves or goes round), and a time budget only when its start
 * is not read again at each attempt. Twins: a finite default, a default the
 * function replaces before the loop, finite time budgets (a literal, a
 * default, a fallback), and from an adversarial review a check that only
 * logs, a start read again at each attempt and the largest exact integer
 * written out. Both retry rules, with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // A destructured parameter whose default is Infinity: no limit unless the caller passes one; a constant wait.
  paramDefault: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { maxRetries = Infinity } = {}) {
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      if (attempt >= maxRetries) throw err;
      attempt++;
      await sleep(1000);
    }
  }
}`,
  // A plain parameter defaulting to Infinity, with a growing wait (recommended allows an endless retry that backs off only when it is bounded by nothing the caller can pass? no: the fallback is no limit, as for `?? Infinity`).
  plainParamDefault: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, maxRetries = Infinity) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (err) {
      if (attempt >= maxRetries) throw err;
      await sleep(1000 * 2 ** attempt);
    }
  }
}`,
  // A destructuring default in a declaration (`Number.POSITIVE_INFINITY`), counted with a pre-increment.
  constDefault: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const { maxRetries = Number.POSITIVE_INFINITY } = options;
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      if (++attempt > maxRetries) throw err;
      await sleep(1000);
    }
  }
}`,
  // A time budget whose destructuring default is Infinity: no deadline unless the caller passes one.
  timeBudgetDefault: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { maxRetryTime = Infinity } = {}) {
  const start = Date.now();
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxRetryTime) throw err;
      await sleep(1000);
    }
  }
}`,
  // A time budget that falls back to Infinity (`?? Infinity`): before, an attempt limit of 5 was suggested on top of the deadline callers may pass.
  timeBudgetFallback: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const maxRetryTime = options.maxRetryTime ?? Infinity;
  const start = Date.now();
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxRetryTime) throw err;
      await sleep(1000);
    }
  }
}`,
  // Twin: a finite default (5 attempts).
  finiteDefault: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { maxRetries = 5 } = {}) {
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      if (attempt >= maxRetries) throw err;
      attempt++;
      await sleep(1000 * 2 ** attempt);
    }
  }
}`,
  // Twin: the function replaces an infinite default before the loop, so the default is not what the loop compares with.
  defaultReplaced: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, maxRetries = Infinity) {
  if (!Number.isFinite(maxRetries)) maxRetries = 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (err) {
      if (attempt >= maxRetries) throw err;
      await sleep(1000 * 2 ** attempt);
    }
  }
}`,
  // Twin: a 30 s budget written out; 30000 is above unboundedAbove (1000), which counts attempts, not milliseconds.
  timeBudgetLiteral: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request) {
  const start = Date.now();
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > 30000) throw err;
      await sleep(1000 * 2 ** Math.min(elapsed / 1000, 5));
    }
  }
}`,
  // Twin: a finite time budget as a destructuring default (60 s).
  timeBudgetFiniteDefault: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { maxRetryTime = 60000 } = {}) {
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxRetryTime) throw err;
      await sleep(Math.min(1000 * 2 ** attempt, 30000));
    }
  }
}`,
  // Twin: a finite time budget as a fallback (`?? 2 * 60 * 1000`).
  timeBudgetFiniteFallback: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const maxRetryTime = options.maxRetryTime ?? 2 * 60 * 1000;
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed >= maxRetryTime) throw err;
      await sleep(Math.min(1000 * 2 ** attempt, 30000));
    }
  }
}`,
  // Twin (an adversarial review): a time check that only logs ends nothing; the loop keeps its suggestion.
  slowLog: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const slowMs = options.slowMs ?? Infinity;
  const start = Date.now();
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > slowMs) console.warn('slow', elapsed);
      await sleep(1000);
    }
  }
}`,
  // Twin: the same with an attempt count and an Infinity default: a warning threshold, not a limit.
  warnAfter: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { warnAfter = Infinity } = {}) {
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      attempt++;
      if (attempt > warnAfter) console.warn('still failing', attempt);
      await sleep(1000);
    }
  }
}`,
  // Twin: the start is read again at each attempt, so the budget bounds one attempt, not the retry; the suggestion stays.
  startPerAttempt: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const maxTime = options.maxTime ?? Infinity;
  while (true) {
    const start = Date.now();
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxTime) throw err;
      await sleep(1000);
    }
  }
}`,
  // Twin: the largest exact integer written out is as much "forever" as `Number.MAX_SAFE_INTEGER`.
  maxSafeWritten: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request) {
  const start = Date.now();
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > 9007199254740991) throw err;
      await sleep(1000);
    }
  }
}`,
  // A guard that goes round while the count is below a limit falling back to Infinity, then throws.
  guardContinues: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, opts = {}) {
  const maxRetries = opts.maxRetries ?? Infinity;
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      if (attempt < maxRetries) {
        attempt++;
        await sleep(1000);
        continue;
      }
      throw err;
    }
  }
}`,
};

const ATTEMPTS = (limit: string) =>
  ` No quick fix: the loop already counts its attempts against \`${limit}\`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and a second counter would override the callers who pass one.`;
const TIME = (limit: string) =>
  ` No quick fix: the loop already gives up once its time exceeds \`${limit}\`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and an attempt limit would override the callers who pass one.`;

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a limit that falls back to Infinity through a default, and time budgets in milliseconds', noUnboundedRetry as never, {
    valid: [
      cases.finiteDefault,
      { code: cases.finiteDefault, options: STRICT },
      cases.defaultReplaced,
      { code: cases.defaultReplaced, options: STRICT },
      cases.timeBudgetLiteral,
      { code: cases.timeBudgetLiteral, options: STRICT },
      cases.timeBudgetFiniteDefault,
      { code: cases.timeBudgetFiniteDefault, options: STRICT },
      cases.timeBudgetFiniteFallback,
      { code: cases.timeBudgetFiniteFallback, options: STRICT },
    ],
    invalid: [
      ...inBoth(cases.paramDefault, STRICT, [{ messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 8, data: { noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
      ...inBoth(cases.plainParamDefault, STRICT, [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 6, data: { noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
      ...inBoth(cases.constDefault, STRICT, [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 8, data: { noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
      ...inBoth(cases.timeBudgetDefault, STRICT, [{ messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 8, data: { noFix: TIME('maxRetryTime') }, suggestions: [] }]),
      ...inBoth(cases.timeBudgetFallback, STRICT, [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 8, data: { noFix: TIME('maxRetryTime') }, suggestions: [] }]),
      ...inBoth(cases.slowLog, STRICT, [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const slowMs = options.slowMs ?? Infinity;
  const start = Date.now();
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > slowMs) console.warn('slow', elapsed);
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.warnAfter, STRICT, [{ messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { warnAfter = Infinity } = {}) {
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      attempt++;
      if (attempt > warnAfter) console.warn('still failing', attempt);
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.startPerAttempt, STRICT, [{ messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const maxTime = options.maxTime ?? Infinity;
  let attempt = 0;
  while (true) {
    const start = Date.now();
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxTime) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.maxSafeWritten, STRICT, [{ messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request) {
  const start = Date.now();
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > 9007199254740991) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.guardContinues, STRICT, [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 8, data: { noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a limit that falls back to Infinity through a default, and time budgets in milliseconds', requireRetryBackoff as never, {
    valid: [
      cases.plainParamDefault,
      cases.finiteDefault,
      { code: cases.finiteDefault, options: STRICT },
      cases.defaultReplaced,
      { code: cases.defaultReplaced, options: STRICT },
      cases.timeBudgetLiteral,
      { code: cases.timeBudgetLiteral, options: STRICT },
      cases.timeBudgetFiniteDefault,
      { code: cases.timeBudgetFiniteDefault, options: STRICT },
      cases.timeBudgetFiniteFallback,
      { code: cases.timeBudgetFiniteFallback, options: STRICT },
    ],
    invalid: [
      ...inBoth(cases.paramDefault, STRICT, [{ messageId: 'constantLoop', line: 4, column: 3, endLine: 4, endColumn: 8, data: { wait: 'waits a constant time', noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
      { code: cases.plainParamDefault, options: STRICT, errors: [{ messageId: 'noJitter', line: 3, column: 3, endLine: 3, endColumn: 6, data: { noFix: ATTEMPTS('maxRetries') }, suggestions: [] }] },
      ...inBoth(cases.constDefault, STRICT, [{ messageId: 'constantLoop', line: 5, column: 3, endLine: 5, endColumn: 8, data: { wait: 'waits a constant time', noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
      ...inBoth(cases.timeBudgetDefault, STRICT, [{ messageId: 'constantLoop', line: 4, column: 3, endLine: 4, endColumn: 8, data: { wait: 'waits a constant time', noFix: TIME('maxRetryTime') }, suggestions: [] }]),
      ...inBoth(cases.timeBudgetFallback, STRICT, [{ messageId: 'constantLoop', line: 5, column: 3, endLine: 5, endColumn: 8, data: { wait: 'waits a constant time', noFix: TIME('maxRetryTime') }, suggestions: [] }]),
      ...inBoth(cases.slowLog, STRICT, [{ messageId: 'constantLoop', line: 5, column: 3, endLine: 5, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const slowMs = options.slowMs ?? Infinity;
  const start = Date.now();
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > slowMs) console.warn('slow', elapsed);
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.warnAfter, STRICT, [{ messageId: 'constantLoop', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, { warnAfter = Infinity } = {}) {
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      attempt++;
      if (attempt > warnAfter) console.warn('still failing', attempt);
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.startPerAttempt, STRICT, [{ messageId: 'constantLoop', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request, options = {}) {
  const maxTime = options.maxTime ?? Infinity;
  let attempt = 0;
  while (true) {
    const start = Date.now();
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxTime) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.maxSafeWritten, STRICT, [{ messageId: 'constantLoop', line: 4, column: 3, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function send(request) {
  const start = Date.now();
  let attempt = 0;
  while (true) {
    try {
      return await request();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > 9007199254740991) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }]),
      ...inBoth(cases.guardContinues, STRICT, [{ messageId: 'constantLoop', line: 5, column: 3, endLine: 5, endColumn: 8, data: { wait: 'waits a constant time', noFix: ATTEMPTS('maxRetries') }, suggestions: [] }]),
    ],
  });
}
