/**
 * The failure path after the `catch` (issue 12's twenty-third ledger batch:
 * posthog-node's emails client). When success returns inside the `try`, the
 * loop body's statements after it run only after a failure; a helper of the
 * file asked there with the attempt count, whose answer at the limit is
 * "stop" (`undefined`) and ends the retry (`if (delayMs === undefined) throw
 * error;`), bounds the loop as it does inside the `catch`. Its twins: a
 * helper that caps the wait instead, and a catch that goes round by itself
 * (the check after the `try` then never sees a failure). Both retry rules,
 * with their default and their strict options.
 */
import { jsRuleTester } from '../rule-tester';
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
};

type Errors = { messageId: string; line: number; column: number; endLine: number; endColumn: number; [key: string]: unknown }[];
const inBoth = (code: string, strict: unknown[], errors: Errors) => [{ code, errors }, { code, options: strict, errors }];
const loopAt = (messageId: string, line: number, suggestion: string, output: string) => ({
  messageId,
  line,
  column: 3,
  endLine: line,
  endColumn: 6,
  suggestions: [{ messageId: suggestion, output }],
});

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a helper asked after the catch ends the retry', noUnboundedRetry as never, {
    valid: [
      cases.answerAfterCatch,
      { code: cases.answerAfterCatch, options: STRICT },
      // By default a loop that backs off is left alone; strict reports it.
      cases.cappedAnswer,
    ],
    invalid: [
      { code: cases.cappedAnswer, options: STRICT, errors: [loopAt('unboundedLoop', 8, 'boundRetry', outputs.cappedAnswer)] },
      ...inBoth(cases.continueInCatch, STRICT, [loopAt('unboundedLoop', 9, 'boundRetry', outputs.continueInCatch)]),
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  jsRuleTester.run('require-retry-backoff: a helper asked after the catch ends the retry', requireRetryBackoff as never, {
    valid: [
      cases.answerAfterCatch,
      { code: cases.answerAfterCatch, options: STRICT },
      // Its wait grows (a doubling, capped): not this rule's matter, in either option set.
      cases.cappedAnswer,
      { code: cases.cappedAnswer, options: STRICT },
    ],
    invalid: [...inBoth(cases.continueInCatch, STRICT, [loopAt('constantLoop', 9, 'useBackoff', outputs.continueInCatch)])],
  });
}
