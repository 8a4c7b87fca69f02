/**
 * A re-run function that waits before anything else waits between attempts
 * (issue 12's ledger: tRPC's WebSocket client, whose `tryReconnect(attempt)`
 * starts with `await sleep(retryDelayMs(attempt))` and whose catch re-runs it
 * with the next index). That first wait, a statement of the body or the first
 * of its `try`, is judged as the retry's wait, and the report has no
 * suggestion (the attempt count would belong beside it, not in the catch).
 * Twins: a constant first wait is judged constant; a wait in a branch that
 * returns, a wait of a parameter the re-run leaves out and a wait after the
 * attempt are no wait between failures.
 */
import { jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

/** The reason a retry whose function waits first has no suggestion. */
const NO_FIX_WAITS_FIRST = ' No quick fix: the function waits before each of its attempts (its first await), so where an attempt count goes beside that wait is a decision for a person.';

const cases = {
  // Real code (tRPC's WebSocket client, ledger): the reconnect function waits first, by a delay grown from the attempt
  // index, and its catch re-runs it with the next index.
  waitsFirst: `export function startReconnect(client, sleep, retryDelayMs) {
  const tryReconnect = async (attemptIndex) => {
    try {
      await sleep(retryDelayMs(attemptIndex));
      await client.open();
    } catch (error) {
      client.report(error);
      await tryReconnect(attemptIndex + 1);
    }
  };
  return tryReconnect(0);
}`,
  // Twin: the first wait is a constant: judged as one.
  waitsFirstConstant: `export function startReconnect(client, sleep) {
  const tryReconnect = async () => {
    try {
      await sleep(1000);
      await client.open();
    } catch (error) {
      await tryReconnect();
    }
  };
  return tryReconnect();
}`,
  // Twin: the first wait is in a branch that returns, so the retry from the catch does not wait.
  waitsInBranch: `export async function send(ws, limiter, sleep, msg) {
  if (limiter.isLimited()) {
    await sleep(limiter.msUntilReset());
    return send(ws, limiter, sleep, msg);
  }
  try {
    return await ws.send(msg);
  } catch (error) {
    return send(ws, limiter, sleep, msg);
  }
}`,
  // Twin: the first wait is a parameter the re-run leaves out (undefined: no wait).
  waitsParameterLeftOut: `export async function run(task, sleep, delayMs) {
  await sleep(delayMs);
  try {
    return await task();
  } catch (e) {
    return run(task, sleep);
  }
}`,
  // Twin: the wait comes after the attempt, so a failure goes straight to the next attempt.
  waitsAfter: `export function startReconnect(client, sleep, retryDelayMs) {
  const tryReconnect = async (attemptIndex) => {
    try {
      await client.open();
      await sleep(retryDelayMs(attemptIndex));
    } catch (error) {
      await tryReconnect(attemptIndex + 1);
    }
  };
  return tryReconnect(0);
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a re-run function that waits first waits between attempts', noUnboundedRetry as never, {
    valid: [
      cases.waitsFirst,
    ],
    invalid: [
      { code: cases.waitsFirst, options: STRICT, errors: [{ messageId: 'unboundedRecursion', data: { name: 'tryReconnect', noFix: NO_FIX_WAITS_FIRST }, line: 8, column: 13, endLine: 8, endColumn: 43, suggestions: [] }] },
      { code: cases.waitsFirstConstant, errors: [{ messageId: 'unboundedRecursion', data: { name: 'tryReconnect', noFix: NO_FIX_WAITS_FIRST }, line: 7, column: 13, endLine: 7, endColumn: 27, suggestions: [] }] },
      { code: cases.waitsFirstConstant, options: STRICT, errors: [{ messageId: 'unboundedRecursion', data: { name: 'tryReconnect', noFix: NO_FIX_WAITS_FIRST }, line: 7, column: 13, endLine: 7, endColumn: 27, suggestions: [] }] },
      { code: cases.waitsInBranch, errors: [{ messageId: 'unboundedRecursion', data: { name: 'send', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.' }, line: 9, column: 12, endLine: 9, endColumn: 41, suggestions: [] }] },
      { code: cases.waitsInBranch, options: STRICT, errors: [{ messageId: 'unboundedRecursion', data: { name: 'send', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.' }, line: 9, column: 12, endLine: 9, endColumn: 41, suggestions: [] }] },
      { code: cases.waitsParameterLeftOut, errors: [{ messageId: 'unboundedRecursion', data: { name: 'run', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: the retrying call does not pass each declared argument.' }, line: 6, column: 12, endLine: 6, endColumn: 28, suggestions: [] }] },
      { code: cases.waitsParameterLeftOut, options: STRICT, errors: [{ messageId: 'unboundedRecursion', data: { name: 'run', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: the retrying call does not pass each declared argument.' }, line: 6, column: 12, endLine: 6, endColumn: 28, suggestions: [] }] },
      { code: cases.waitsAfter, errors: [{ messageId: 'unboundedRecursion', data: { name: 'tryReconnect', noFix: ' No quick fix: the retrying call is not a `return` of its own in the catch block (it sits in a branch or inside another statement), so there is no one place for the attempt count and the wait.' }, line: 7, column: 13, endLine: 7, endColumn: 43, suggestions: [] }] },
      { code: cases.waitsAfter, options: STRICT, errors: [{ messageId: 'unboundedRecursion', data: { name: 'tryReconnect', noFix: ' No quick fix: the retrying call is not a `return` of its own in the catch block (it sits in a branch or inside another statement), so there is no one place for the attempt count and the wait.' }, line: 7, column: 13, endLine: 7, endColumn: 43, suggestions: [] }] },
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a re-run function that waits first waits between attempts', requireRetryBackoff as never, {
    valid: [
      cases.waitsFirst,
      { code: cases.waitsFirst, options: STRICT },
    ],
    invalid: [
      { code: cases.waitsFirstConstant, errors: [{ messageId: 'constantRecursion', data: { name: 'tryReconnect', wait: 'waits a constant time', noFix: NO_FIX_WAITS_FIRST }, line: 7, column: 13, endLine: 7, endColumn: 27, suggestions: [] }] },
      { code: cases.waitsFirstConstant, options: STRICT, errors: [{ messageId: 'constantRecursion', data: { name: 'tryReconnect', wait: 'waits a constant time', noFix: NO_FIX_WAITS_FIRST }, line: 7, column: 13, endLine: 7, endColumn: 27, suggestions: [] }] },
      { code: cases.waitsInBranch, errors: [{ messageId: 'constantRecursion', data: { name: 'send', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.' }, line: 9, column: 12, endLine: 9, endColumn: 41, suggestions: [] }] },
      { code: cases.waitsInBranch, options: STRICT, errors: [{ messageId: 'constantRecursion', data: { name: 'send', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.' }, line: 9, column: 12, endLine: 9, endColumn: 41, suggestions: [] }] },
      { code: cases.waitsParameterLeftOut, errors: [{ messageId: 'constantRecursion', data: { name: 'run', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: the retrying call does not pass each declared argument.' }, line: 6, column: 12, endLine: 6, endColumn: 28, suggestions: [] }] },
      { code: cases.waitsParameterLeftOut, options: STRICT, errors: [{ messageId: 'constantRecursion', data: { name: 'run', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: the retrying call does not pass each declared argument.' }, line: 6, column: 12, endLine: 6, endColumn: 28, suggestions: [] }] },
      { code: cases.waitsAfter, errors: [{ messageId: 'constantRecursion', data: { name: 'tryReconnect', wait: 'does not wait', noFix: ' No quick fix: the retrying call is not a `return` of its own in the catch block (it sits in a branch or inside another statement), so there is no one place for the attempt count and the wait.' }, line: 7, column: 13, endLine: 7, endColumn: 43, suggestions: [] }] },
      { code: cases.waitsAfter, options: STRICT, errors: [{ messageId: 'constantRecursion', data: { name: 'tryReconnect', wait: 'does not wait', noFix: ' No quick fix: the retrying call is not a `return` of its own in the catch block (it sits in a branch or inside another statement), so there is no one place for the attempt count and the wait.' }, line: 7, column: 13, endLine: 7, endColumn: 43, suggestions: [] }] },
    ],
  });
}
