/**
 * no-unbounded-retry: a retry with neither an attempt limit nor a deadline.
 * Detection lives in src/retry/analysis.ts; this file only reports.
 */
import { createRule } from '../src/create-rule';
import { isCappedBackoff, NO_FIX, retryListeners } from '../src/retry/analysis';
import { isWaitingSortedRetry } from '../src/retry/sorting';
import { editsToFix } from '../src/fix/edits';
import { noFixText } from '../src/fix/no-fix';
import { ResilienceConfigError } from '../src/errors';
import { BACKOFF_DEFAULTS, type BackoffOptions, backoffSchemaProperties, UNBOUNDED_ABOVE_DEFAULT, unboundedAboveSchema } from '../src/retry/options';

export interface Options extends BackoffOptions {
  unboundedAbove: number;
  allowUnboundedWithBackoff: boolean;
}

export type MessageIds =
  | 'unboundedLoop'
  | 'unboundedRecursion'
  | 'unboundedReconnect'
  | 'unboundedLibraryOption'
  | 'unboundedLibraryDefault'
  | 'boundRetry'
  | 'setLibraryLimit';

export default createRule<[Options], MessageIds>({
  name: 'no-unbounded-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retries with no attempt limit and no deadline',
      url: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/no-unbounded-retry.md',
      recommended: 'error',
      strict: 'error',
      strictOptions: { allowUnboundedWithBackoff: false },
    },
    hasSuggestions: true,
    messages: {
      unboundedLoop:
        'This loop retries failed attempts with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries.{{noFix}}',
      unboundedRecursion:
        "This call retries '{{name}}' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries.{{noFix}}",
      unboundedReconnect:
        "This '{{event}}' handler reconnects with no attempt limit or deadline, so a lasting outage becomes an endless flood of reconnects.{{noFix}}",
      unboundedLibraryOption:
        '{{library}} {{attempts}} forever with {{option}}, so a lasting failure becomes an endless flood of {{attempts}}.{{noFix}}',
      unboundedLibraryDefault:
        '{{library}} {{attempts}} forever when {{option}} is not set, so a lasting failure becomes an endless flood of {{attempts}}.{{noFix}}',
      boundRetry: '{{description}}',
      setLibraryLimit: '{{description}}',
    },
    schema: [
      {
        type: 'object',
        description: 'Options of no-unbounded-retry.',
        additionalProperties: false,
        properties: {
          ...backoffSchemaProperties('Attempts allowed by the suggested rewrite (and set by library suggestions); must be below unboundedAbove.'),
          unboundedAbove: unboundedAboveSchema,
          allowUnboundedWithBackoff: {
            type: 'boolean',
            description:
              'Allow an unbounded retry whose wait grows exponentially up to a cap (long-lived reconnect loops), or that goes on only for specific errors and waits between attempts.',
          },
        },
      },
    ],
    defaultOptions: [{ ...BACKOFF_DEFAULTS, unboundedAbove: UNBOUNDED_ABOVE_DEFAULT, allowUnboundedWithBackoff: true }],
  },
  create(context, [options]) {
    if (options.maxAttempts >= options.unboundedAbove) {
      throw new ResilienceConfigError(
        `no-unbounded-retry: maxAttempts (${options.maxAttempts}) must be below unboundedAbove (${options.unboundedAbove}), or the rewrite would set a limit the rule itself calls unbounded.`,
      );
    }
    const allowed = (backedOff: boolean) => options.allowUnboundedWithBackoff && backedOff;
    return retryListeners(context, options, {
      onRetry(retry) {
        if (retry.bounded || allowed(isCappedBackoff(retry.wait) || isWaitingSortedRetry(retry))) return;
        // A comment that says the retry goes on until it succeeds: a limit is not ours to add.
        const rewrite = retry.rewrite ? (retry.endlessByDesign ? NO_FIX.endlessByDesign(retry.endlessByDesign) : retry.rewrite(true, false)) : retry.noFix;
        const fix = typeof rewrite === 'string' || !rewrite ? null : rewrite;
        const data = { noFix: noFixText(fix ? null : (rewrite as string | null)), name: retry.name ?? '', event: retry.event ?? '' };
        context.report({
          loc: retry.loc,
          messageId: retry.shape === 'loop' ? 'unboundedLoop' : retry.shape === 'recursion' ? 'unboundedRecursion' : 'unboundedReconnect',
          data,
          suggest: fix ? [{ messageId: 'boundRetry', data: { description: fix.description }, fix: editsToFix(fix.edits) }] : [],
        });
      },
      onLibrary(finding) {
        if (finding.concern !== 'unbounded' || allowed(finding.backedOff)) return;
        context.report({
          node: finding.node,
          messageId: finding.missing ? 'unboundedLibraryDefault' : 'unboundedLibraryOption',
          data: {
            library: finding.library,
            option: finding.option,
            attempts: finding.reconnect ? 'reconnects' : 'retries',
            noFix: noFixText(finding.fix ? null : finding.noFix),
          },
          suggest: finding.fix ? [{ messageId: 'setLibraryLimit', data: { description: finding.fix.description }, fix: editsToFix(finding.fix.edits) }] : [],
        });
      },
    });
  },
});
