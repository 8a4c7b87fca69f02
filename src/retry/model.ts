/**
 * What the retry analysis reports to the rules: a hand-written retry (loop,
 * recursion, reconnect) and the reasons a rewrite can be missing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import type { VisitorKeys } from '../ast/walk';
import type { FallbackLimit } from './bounds';
import type { WaitInfo } from './delay';
import type { LibraryFinding } from './libraries';
import type { BackoffSettings, RetryRewritePlan } from './rewrite';

export interface RetryAnalysisOptions extends BackoffSettings {
  /** A limit at or above this is no limit. */
  unboundedAbove: number;
}

export type RetryShape = 'loop' | 'recursion' | 'reconnect';

export interface HandWrittenRetry {
  shape: RetryShape;
  /** Where to report: the loop keyword, the recursive or timer call, the reconnecting call. */
  loc: TSESTree.SourceLocation;
  /** The function that is retried (recursion, reconnect). */
  name: string | null;
  /** The event whose handler reconnects. */
  event: string | null;
  bounded: boolean;
  /**
   * The failure path goes on to the next attempt only for specific,
   * recognised errors and leaves for the rest (src/retry/sorting.ts).
   */
  sorted: boolean;
  wait: WaitInfo;
  /**
   * The suggestion: `addBound` also limits the attempts, `addJitter` adds
   * jitter to an existing growing wait. A string is the reason there is no
   * safe rewrite with those choices. Null when there is none at all.
   */
  rewrite: RetryRewritePlan | null;
  /** Why there is no rewrite (for `noFixText`, src/fix/no-fix.ts). */
  noFix: string | null;
  /**
   * A comment that says the retry is meant to go on until it succeeds
   * (`// Retry until successful`): a limit would change what the code
   * promises, so no rewrite adds one.
   */
  endlessByDesign: string | null;
}

export interface RetryHandlers {
  onRetry?: (retry: HandWrittenRetry) => void;
  onLibrary?: (finding: LibraryFinding) => void;
}

/** Why a retry gets no rewrite: the reasons the rules pass to `noFixText` (src/fix/no-fix.ts). */
export const NO_FIX = {
  sync: 'sync function, nothing to await between attempts',
  compiled: 'compiled code (a generator run by __awaiter), where the rewrite cannot await; fix the source it was compiled from',
  topLevel: 'not inside an async function, nothing to await between attempts',
  notInList: 'the loop is the body of another statement',
  destructuredError: 'the caught error is destructured, so the last error cannot be rethrown',
  statusCheck: 'the retry is driven by a status check, so there is no error to rethrow when attempts run out',
  catchValue: 'a .catch handler turns the failure into a value, so there is no error to rethrow when attempts run out',
  /** Why the function cannot take an attempt parameter: one of the reasons `attemptParameterRefusal` (src/retry/recursion.ts) gives. */
  recursion: (why: string) => `the function cannot safely take an extra attempt parameter: ${why}`,
  recursionPlace: 'the retrying call is not a `return` of its own in the catch block (it sits in a branch or inside another statement), so there is no one place for the attempt count and the wait',
  callback: 'the retry is scheduled from a callback, whose last failure has no caller to report to',
  errorFirst: 'the retry runs in an error-first callback, so the last error must be handed to its callback by hand',
  promiseHandler: 'the .catch handler is async or does not simply return the retry, which the rewrite needs',
  reconnect: 'a reconnect handler has no caller to report the last failure to',
  severalRetryPoints: 'the failure path goes on to the next attempt from several places',
  noCaller: 'nobody awaits this function (an event handler, a timer callback or an unawaited promise), so rethrowing the last error would crash the process, and its catch does not report the error so it could stop quietly',
  /** The loop counts against a limit that is unbounded only when an option is not given. */
  fallbackLimit: (limit: FallbackLimit) =>
    limit.time
      ? `the loop already gives up once its time exceeds \`${limit.text}\`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and an attempt limit would override the callers who pass one`
      : `the loop already counts its attempts against \`${limit.text}\`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and a second counter would override the callers who pass one`,
  /** The existing wait is a short number given to a helper whose unit the file does not show. */
  waitUnit: (wait: string) =>
    `the existing wait \`${wait}\` is too short to be in milliseconds (a helper that may count seconds), so how long a grown wait should be is a decision for a person`,
  /** The retry's comments or log lines state the wait a rewrite would grow. */
  statedWait: (words: string) => `the code states its wait (\`${words}\`), which a growing wait would make false; a decision for a person`,
  /** A loop that takes the next item after a success (a queue). */
  perItem: 'the loop goes on to the next item after a success (a queue), so a failure count would have to start again for each item; where to reset it is a decision for a person',
  /** A comment says the retry goes on until it succeeds. */
  endlessByDesign: (comment: string) => `the code says it retries until it succeeds (\`${comment}\`), so a limit would change what it promises; a decision for a person`,
  waitsFirst: 'the function waits before each of its attempts (its first await), so where an attempt count goes beside that wait is a decision for a person',
  keptWait: 'the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is',
  // Retry libraries.
  libraryOption: 'the option cannot be set at this call',
  axiosExponentialDelay: "axios-retry's exponentialDelay cannot be named from this call",
  cockatielBackoffImport: "ExponentialBackoff cannot be imported beside this call's import of cockatiel",
  reconnectOnError: 'which error replies should reconnect is a decision for a person',
  requiredSetting: 'maxRetriesPerRequest: null is what BullMQ requires of the connections it is given, so a limit is a decision for a person',
  legacyReconnectInterval: 'the legacy MongoDB driver has no growing reconnect wait; the unified topology (the only one from driver 4.0) replaces reconnectTries and reconnectInterval',
} as const;

/** What the loop and recursion finders share for one file. */
export interface FinderContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  keys: VisitorKeys;
  imports: ImportTracker;
  options: RetryAnalysisOptions;
  onRetry: (retry: HandWrittenRetry) => void;
}
