/**
 * The failure path after the `catch` (issue 12's twenty-third ledger batch:
 * posthog-node's emails client). When success returns inside the `try` and
 * the `catch` never goes round by itself, the loop body's statements after
 * the `try` run after every failure; a helper of the file asked there with
 * the attempt count, whose answer at the limit is "stop" (`undefined`), ends
 * the retry when a top-level `if` of that stretch tests the answer and
 * leaves (`if (delayMs === undefined) throw error;`), before any way round.
 * Its twins (the first from the change, the rest from an adversarial
 * review and a reread): a helper that caps the wait, a catch that goes round
 * by itself (also through a labelled `continue` from an inner loop), a way
 * round before the check (a 429, a labelled `continue` from an inner
 * loop), an answer asked in one branch, a `switch` or an inner `try`, and
 * an answer never tested whose name a test in the `try` shares. Both retry
 * rules, with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (posthog-node's emails client, twenty-third ledger batch): the catch keeps the error, and the statements
  // after the try, the failure path since success returns inside it, ask a helper of the file given the attempt count
  // for the wait; the helper answers `undefined` at the limit, and that answer ends the retry.
  answerAfterCatch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries || !isRetryable(error)) {
    return undefined;
  }
  return Math.min(30000, 1000 * 2 ** attempt * (0.8 + Math.random() * 0.4));
}
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      return await attemptOnce();
    } catch (caught) {
      error = caught;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}`,
  // Twin: the helper caps the wait at the limit instead of answering "stop", so nothing ends the retry.
  cappedAnswer: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) {
    return 30000;
  }
  return 1000 * 2 ** attempt;
}
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      return await attemptOnce();
    } catch (caught) {
      error = caught;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}`,
  // Twin: the catch goes round by itself, so the check after the try runs only after a result that was not good
  // enough; a failure never reaches it.
  continueInCatch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) {
    return undefined;
  }
  return 1000 * 2 ** attempt;
}
export async function poll(maxRetries, attemptOnce) {
  let error;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await attemptOnce();
      if (result) return result;
    } catch (caught) {
      error = caught;
      continue;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) throw error;
  }
}`,
  // Twin (an adversarial review): the catch goes round by itself for some errors, so a lasting 429 never reaches the check after the try.
  catchGoesRound: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function send(maxRetries, request) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      return await request();
    } catch (caught) {
      if (caught.status === 429) {
        await sleep(Number(caught.headers['retry-after'] ?? 1) * 1000);
        continue;
      }
      error = caught;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) throw error;
    await sleep(delayMs);
  }
}`,
  // Twin: a way round after the try, before the check (a lasting 429 loops with no wait); the policy's answer is asked only after it.
  continueBeforeCheck: `import { getRetryConfig } from './retry-config.js';
export async function request(send) {
  for (;;) {
    let error;
    try {
      return await send();
    } catch (caught) {
      error = caught;
    }
    if (error.status === 429) continue;
    const { shouldRetry } = await getRetryConfig(error);
    if (!shouldRetry) throw error;
  }
}`,
  // Twin: the answer is asked and tested in one branch only; every other error retries forever.
  answerInOneBranch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; }
    if (error.status >= 500) {
      const delayMs = retryDelayMs(error, attempt, maxRetries);
      if (delayMs === undefined) throw error;
      await sleep(delayMs);
    } else {
      await sleep(1000);
    }
  }
}`,
  // Twin: a hook's `continue retry` from an inner loop goes round before the check.
  labelledContinue: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce, hooks) {
  retry: for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; }
    for (const hook of hooks) {
      if (await hook(error)) { await sleep(500); continue retry; }
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) throw error;
    await sleep(delayMs);
  }
}`,
  // Twin: a `break` in a `switch` leaves the switch, not the loop.
  answerInSwitch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; }
    switch (error.code) {
      case 'ETIMEDOUT': {
        const delayMs = retryDelayMs(error, attempt, maxRetries);
        if (delayMs === undefined) break;
        await sleep(delayMs);
        break;
      }
      default:
        await sleep(1000);
    }
  }
}`,
  // Twin: the "stop" throw is caught by an inner try and the loop goes round.
  answerInInnerTry: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; }
    try {
      const delayMs = retryDelayMs(error, attempt, maxRetries);
      if (delayMs === undefined) throw error;
      await sleep(delayMs);
    } catch (e) {
      console.warn('retry wait failed', e);
    }
  }
}`,
  // Twin: a `delay` tested in the try is another binding; the one after the try is never tested.
  sameNameInTry: `import { computeRetryDelay } from './retry.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function fetchWithRetry(url) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      const res = await fetch(url);
      const delay = res.headers.get('retry-after');
      if (delay === null) return res;
      throw new Error('rate limited');
    } catch (caught) {
      error = caught;
    }
    const delay = computeRetryDelay(error, attempt);
    await sleep(delay);
  }
}`,
  // Twin: the catch goes round by itself through a labelled `continue` from an inner loop (a hook that says "again").
  labelledContinueInCatch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce, hooks) {
  retry: for (let attempt = 0; ; attempt++) {
    let error;
    try {
      return await attemptOnce();
    } catch (caught) {
      for (const hook of hooks) {
        if (await hook(caught)) continue retry;
      }
      error = caught;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) throw error;
    await sleep(delayMs);
  }
}`,
};

/** The suggestion outputs, shared by both rules (the same rewrite) and both option sets. */
const outputs = {
  cappedAnswer: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) {
    return 30000;
  }
  return 1000 * 2 ** attempt;
}
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      return await attemptOnce();
    } catch (caught) {
      error = caught;
      if (attempt + 1 >= 5) throw caught;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}`,
  continueInCatch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) {
    return undefined;
  }
  return 1000 * 2 ** attempt;
}
export async function poll(maxRetries, attemptOnce) {
  let error;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await attemptOnce();
      if (result) return result;
    } catch (caught) {
      error = caught;
      if (attempt + 1 >= 5) throw caught;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt)));
      continue;
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) throw error;
  }
}`,
  continueBeforeCheck: `import { getRetryConfig } from './retry-config.js';
export async function request(send) {
  let attempt = 0;
  for (;;) {
    let error;
    try {
      return await send();
    } catch (caught) {
      error = caught;
      attempt++;
      if (attempt >= 5) throw caught;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
    if (error.status === 429) continue;
    const { shouldRetry } = await getRetryConfig(error);
    if (!shouldRetry) throw error;
  }
}`,
  answerInOneBranch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; if (attempt + 1 >= 5) throw caught; }
    if (error.status >= 500) {
      const delayMs = retryDelayMs(error, attempt, maxRetries);
      if (delayMs === undefined) throw error;
      await sleep(delayMs);
    } else {
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
}`,
  labelledContinue: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce, hooks) {
  retry: for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; if (attempt + 1 >= 5) throw caught; }
    for (const hook of hooks) {
      if (await hook(error)) { await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** attempt))); continue retry; }
    }
    const delayMs = retryDelayMs(error, attempt, maxRetries);
    if (delayMs === undefined) throw error;
    await sleep(delayMs);
  }
}`,
  answerInSwitch: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; if (attempt + 1 >= 5) throw caught; }
    switch (error.code) {
      case 'ETIMEDOUT': {
        const delayMs = retryDelayMs(error, attempt, maxRetries);
        if (delayMs === undefined) break;
        await sleep(delayMs);
        break;
      }
      default:
        await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
}`,
  answerInInnerTry: `function retryDelayMs(error, attempt, maxRetries) {
  if (attempt >= maxRetries) return undefined;
  return 1000 * 2 ** attempt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function withRetries(maxRetries, attemptOnce) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try { return await attemptOnce(); } catch (caught) { error = caught; if (attempt + 1 >= 5) throw caught; }
    try {
      const delayMs = retryDelayMs(error, attempt, maxRetries);
      if (delayMs === undefined) throw error;
      await sleep(delayMs);
    } catch (e) {
      console.warn('retry wait failed', e);
    }
  }
}`,
  sameNameInTry: `import { computeRetryDelay } from './retry.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function fetchWithRetry(url) {
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      const res = await fetch(url);
      const delay = res.headers.get('retry-after');
      if (delay === null) return res;
      throw new Error('rate limited');
    } catch (caught) {
      error = caught;
      if (attempt + 1 >= 5) throw caught;
    }
    const delay = computeRetryDelay(error, attempt);
    await sleep(delay);
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a helper asked after the catch ends the retry only on every way round', noUnboundedRetry as never, {
    valid: [
      cases.answerAfterCatch,
      { code: cases.answerAfterCatch, options: STRICT },
      cases.cappedAnswer,
      cases.catchGoesRound,
      cases.answerInOneBranch,
      cases.labelledContinue,
      cases.answerInSwitch,
      cases.answerInInnerTry,
      cases.sameNameInTry,
      cases.labelledContinueInCatch,
    ],
    invalid: [
      { code: cases.cappedAnswer, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 8, column: 3, endLine: 8, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.cappedAnswer }] }] },
      ...inBoth(cases.continueInCatch, STRICT, [{ messageId: 'unboundedLoop', line: 9, column: 3, endLine: 9, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.continueInCatch }] }]),
      { code: cases.catchGoesRound, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [] }] },
      ...inBoth(cases.continueBeforeCheck, STRICT, [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.continueBeforeCheck }] }]),
      { code: cases.answerInOneBranch, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.answerInOneBranch }] }] },
      { code: cases.labelledContinue, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 10, endLine: 7, endColumn: 13, suggestions: [{ messageId: 'boundRetry', output: outputs.labelledContinue }] }] },
      { code: cases.answerInSwitch, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.answerInSwitch }] }] },
      { code: cases.answerInInnerTry, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.answerInInnerTry }] }] },
      { code: cases.sameNameInTry, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: outputs.sameNameInTry }] }] },
      { code: cases.labelledContinueInCatch, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 10, endLine: 7, endColumn: 13, suggestions: [] }] },
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a helper asked after the catch ends the retry only on every way round', requireRetryBackoff as never, {
    valid: [
      cases.answerAfterCatch,
      { code: cases.answerAfterCatch, options: STRICT },
      cases.cappedAnswer,
      { code: cases.cappedAnswer, options: STRICT },
      cases.catchGoesRound,
      { code: cases.catchGoesRound, options: STRICT },
      cases.answerInOneBranch,
      { code: cases.answerInOneBranch, options: STRICT },
      cases.labelledContinue,
      { code: cases.labelledContinue, options: STRICT },
      cases.answerInSwitch,
      { code: cases.answerInSwitch, options: STRICT },
      cases.answerInInnerTry,
      { code: cases.answerInInnerTry, options: STRICT },
      cases.sameNameInTry,
      { code: cases.sameNameInTry, options: STRICT },
      cases.labelledContinueInCatch,
      { code: cases.labelledContinueInCatch, options: STRICT },
    ],
    invalid: [
      ...inBoth(cases.continueInCatch, STRICT, [{ messageId: 'constantLoop', line: 9, column: 3, endLine: 9, endColumn: 6, suggestions: [{ messageId: 'useBackoff', output: outputs.continueInCatch }] }]),
      ...inBoth(cases.continueBeforeCheck, STRICT, [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [{ messageId: 'useBackoff', output: outputs.continueBeforeCheck }] }]),
    ],
  });
}
