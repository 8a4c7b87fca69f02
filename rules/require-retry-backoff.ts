/**
 * require-retry-backoff: a retry whose wait between attempts does not grow.
 * Detection lives in src/retry/analysis.ts; this file only reports.
 */
import { createRule } from '../src/create-rule';
import { NO_FIX, retryListeners, waitProblem } from '../src/retry/analysis';
import { isDeliberateSortedRetry } from '../src/retry/sorting';
import { editsToFix } from '../src/fix/edits';
import { noFixText } from '../src/fix/no-fix';
import { BACKOFF_DEFAULTS, type BackoffOptions, backoffSchemaProperties, UNBOUNDED_ABOVE_DEFAULT } from '../src/retry/options';

export interface Options extends BackoffOptions {
  requireJitter: boolean;
  reportBounded: boolean;
}

export type MessageIds =
  | 'constantLoop'
  | 'constantRecursion'
  | 'constantReconnect'
  | 'constantLoopBounded'
  | 'constantRecursionBounded'
  | 'constantReconnectBounded'
  | 'noJitter'
  | 'libraryConstantOption'
  | 'libraryConstantDefault'
  | 'libraryConstantOptionBounded'
  | 'libraryConstantDefaultBounded'
  | 'libraryNoJitter'
  | 'useBackoff'
  | 'setLibraryBackoff';

export default createRule<[Options], MessageIds>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries to wait with a growing (exponential) backoff between attempts',
      url: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/require-retry-backoff.md',
      recommended: 'warn',
      strict: 'error',
      strictOptions: { requireJitter: true, reportBounded: true },
    },
    hasSuggestions: true,
    messages: {
      constantLoop:
        'This loop {{wait}} between retries, so during a lasting failure the retries keep coming at a steady rate instead of backing off.{{noFix}}',
      constantRecursion:
        "This call retries '{{name}}' and {{wait}} between retries, so during a lasting failure the retries keep coming at a steady rate instead of backing off.{{noFix}}",
      constantReconnect:
        "This '{{event}}' handler reconnects and {{wait}} between attempts, so during an outage every client keeps reconnecting at a steady rate instead of backing off, and the server meets them all as it recovers.{{noFix}}",
      constantLoopBounded:
        'This loop {{wait}} between retries: until it gives up or is cancelled, its retries come at a steady pace instead of backing off, adding load to a dependency that is already failing.{{noFix}}',
      constantRecursionBounded:
        "This call retries '{{name}}' and {{wait}} between retries: until it gives up or is cancelled, its retries come at a steady pace instead of backing off, adding load to a dependency that is already failing.{{noFix}}",
      constantReconnectBounded:
        "This '{{event}}' handler reconnects and {{wait}} between attempts: until it gives up or is cancelled, every client reconnects at a steady pace instead of backing off, adding load to a server that is already failing.{{noFix}}",
      noJitter:
        'This retry backs off without randomness, so clients that failed together retry together in synchronised waves.{{noFix}}',
      libraryConstantOption:
        '{{library}} waits a constant time between {{attempts}} with {{option}}, so during a lasting failure the {{attempts}} keep coming at a steady rate instead of backing off.{{noFix}}',
      libraryConstantDefault:
        '{{library}} waits a constant time (or not at all) between {{attempts}} when {{option}} is not set, so during a lasting failure the {{attempts}} keep coming at a steady rate instead of backing off.{{noFix}}',
      libraryConstantOptionBounded:
        '{{library}} waits a constant time between {{attempts}} with {{option}}: until it gives up, its {{attempts}} come at a steady pace instead of backing off, adding load to a dependency that is already failing.{{noFix}}',
      libraryConstantDefaultBounded:
        '{{library}} waits a constant time (or not at all) between {{attempts}} when {{option}} is not set: until it gives up, its {{attempts}} come at a steady pace instead of backing off, adding load to a dependency that is already failing.{{noFix}}',
      libraryNoJitter:
        '{{library}} backs off without randomness ({{option}}), so clients that failed together {{retry}} together in synchronised waves.{{noFix}}',
      useBackoff: '{{description}}',
      setLibraryBackoff: '{{description}}',
    },
    schema: [
      {
        type: 'object',
        description: 'Options of require-retry-backoff.',
        additionalProperties: false,
        properties: {
          ...backoffSchemaProperties(
            'Attempts allowed by the suggested rewrite of an unbounded retry (below 1000, where a limit counts as none).',
            UNBOUNDED_ABOVE_DEFAULT - 1,
          ),
          requireJitter: {
            type: 'boolean',
            description: 'Also report growing waits that have no randomness (jitter) in retries that never give up (no attempt limit or deadline).',
          },
          reportBounded: {
            type: 'boolean',
            description: 'Also report retries that have an attempt limit or a deadline and do not back off, hand-written or a retry library run.',
          },
        },
      },
    ],
    defaultOptions: [{ ...BACKOFF_DEFAULTS, requireJitter: false, reportBounded: false }],
  },
  create(context, [options]) {
    return retryListeners(context, { ...options, unboundedAbove: UNBOUNDED_ABOVE_DEFAULT }, {
      onRetry(retry) {
        if (isDeliberateSortedRetry(retry)) return;
        // A retry that gives up ends with the failure: its retries do not keep coming (see reportBounded).
        if (retry.bounded && !options.reportBounded) return;
        // Missing jitter only matters for a retry that never gives up (see requireJitter).
        const problem = waitProblem(retry.wait, options.requireJitter && !retry.bounded);
        if (!problem) return;
        // Backoff alone for a retry meant to go on until it succeeds (a comment says so): the limit is no-unbounded-retry's call.
        const planned = retry.rewrite ? retry.rewrite(retry.bounded ? false : retry.endlessByDesign ? 'endless' : true, problem === 'jitter') : retry.noFix;
        // A rewrite that keeps a wait computed from the failure does not remove this finding: none is offered.
        const rewrite = planned && typeof planned !== 'string' && !planned.backsOff ? NO_FIX.keptWait : planned;
        const fix = typeof rewrite === 'string' || !rewrite ? null : rewrite;
        const data = {
          noFix: noFixText(fix ? null : (rewrite as string | null)),
          name: retry.name ?? '',
          event: retry.event ?? '',
          // `5000 + Math.random() * 5000`: spread, but no longer after ten failures than after one.
          wait: problem === 'none' ? 'does not wait' : retry.wait.jitter ? 'waits a random time that never grows' : 'waits a constant time',
        };
        // A retry that gives up (reported with reportBounded) is not told it keeps coming during a lasting failure.
        const shaped = retry.shape === 'loop' ? 'constantLoop' : retry.shape === 'recursion' ? 'constantRecursion' : 'constantReconnect';
        const messageId = problem === 'jitter' ? 'noJitter' : retry.bounded ? (`${shaped}Bounded` as const) : shaped;
        context.report({
          loc: retry.loc,
          messageId,
          data,
          suggest: fix ? [{ messageId: 'useBackoff', data: { description: fix.description }, fix: editsToFix(fix.edits) }] : [],
        });
      },
      onLibrary(finding) {
        if (finding.concern === 'unbounded') return;
        if (finding.concern === 'jitter' && (!options.requireJitter || !finding.forever)) return;
        // A run that gives up ends with the failure, as a hand-written retry with a limit does (reportBounded).
        const bounded = finding.concern === 'backoff' && !finding.forever;
        if (bounded && !options.reportBounded) return;
        const constant = finding.missing ? 'libraryConstantDefault' : 'libraryConstantOption';
        const messageId = finding.concern === 'jitter' ? 'libraryNoJitter' : bounded ? (`${constant}Bounded` as const) : constant;
        context.report({
          node: finding.node,
          messageId,
          data: {
            library: finding.library,
            option: finding.option,
            attempts: finding.reconnect ? 'reconnects' : 'retries',
            retry: finding.reconnect ? 'reconnect' : 'retry',
            noFix: noFixText(finding.fix ? null : finding.noFix),
          },
          suggest: finding.fix
            ? [{ messageId: 'setLibraryBackoff', data: { description: finding.fix.description }, fix: editsToFix(finding.fix.edits) }]
            : [],
        });
      },
    });
  },
});
