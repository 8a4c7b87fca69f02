/**
 * require-timeout: a call that waits on a network or database dependency with
 * nothing bounding how long it may wait. Detection lives in
 * src/timeout/analysis.ts; this file only reports.
 */
import { createRule } from '../src/create-rule';
import { editsToFix } from '../src/fix/edits';
import { noFixText } from '../src/fix/no-fix';
import { createTimeoutAnalysis, type TimeoutOptions } from '../src/timeout/analysis';

export type Options = TimeoutOptions;

export type MessageIds = 'missingTimeout' | 'missingFetchTimeout' | 'missingFetchTimeoutUnknown' | 'disabledTimeout' | 'addTimeout';

export default createRule<[Options], MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout on calls to network and database clients that wait forever by default',
      url: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/require-timeout.md',
      recommended: 'warn',
      strict: 'error',
      strictOptions: { reportBrowserUi: true, reportFetch: true },
    },
    hasSuggestions: true,
    messages: {
      missingTimeout:
        '{{subject}} has no {{option}} and {{library}} sets no timeout by default, so it waits forever on a dependency that stops answering.{{noFix}}',
      // Node's fetch: undici's default dispatcher (headersTimeout and bodyTimeout, 300 s each; the body timer restarts at every chunk).
      missingFetchTimeout:
        '{{subject}} has no {{option}}, so on Node it can wait up to 5 minutes for the headers, and again for each pause in the body, on a dependency that stops answering.{{noFix}}',
      // A fetch that may not be Node's own with its defaults (a browser's, a polyfill, a replaced dispatcher): why, from the analysis.
      missingFetchTimeoutUnknown: '{{subject}} has no {{option}}, and {{doubt}}, so nothing here bounds how long it waits on a dependency that stops answering.{{noFix}}',
      disabledTimeout:
        "{{option}} turns off {{library}}'s timeout, so {{subject}} waits forever on a dependency that stops answering.{{noFix}}",
      addTimeout: '{{description}}',
    },
    schema: [
      {
        type: 'object',
        description: 'Options of require-timeout.',
        additionalProperties: false,
        properties: {
          // At most the longest wait a Node timer keeps: a longer one fires after 1 ms.
          timeoutMs: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1, description: 'Timeout in milliseconds set by the suggestions.' },
          abortSignalAny: {
            type: 'boolean',
            description: 'Let a suggestion combine an existing fetch signal with a timeout through AbortSignal.any (Node 20.3+, current browsers).',
          },
          reportBrowserUi: {
            type: 'boolean',
            description: "Also report calls in the event handlers and effects of React and Preact components and hooks, and keepalive fetches (beacons sent as the page goes), which wait in one user's browser.",
          },
          reportFetch: {
            type: 'boolean',
            description:
              "Also report fetch calls (global or undici's) with no signal that Node's default dispatcher bounds (300 s without headers, 300 s per pause in the body); a browser's fetch, a polyfill, a replaced global dispatcher or a package allowing Node before 18 is reported anyway.",
          },
        },
      },
    ],
    defaultOptions: [{ timeoutMs: 10000, abortSignalAny: true, reportBrowserUi: false, reportFetch: false }],
  },
  create(context, [options]) {
    const analysis = createTimeoutAnalysis(context, options, {
      onFinding(finding) {
        const lowerSubject = finding.subject.charAt(0).toLowerCase() + finding.subject.slice(1);
        context.report({
          node: finding.node,
          messageId:
            finding.kind === 'disabled'
              ? 'disabledTimeout'
              : finding.waits === 'undici-defaults'
                ? 'missingFetchTimeout'
                : finding.waits === 'unknown'
                  ? 'missingFetchTimeoutUnknown'
                  : 'missingTimeout',
          data: {
            doubt: finding.doubt ?? '',
            library: finding.library,
            subject: finding.kind === 'missing' ? finding.subject : lowerSubject,
            option: finding.option,
            noFix: noFixText(finding.fix ? null : finding.noFix),
          },
          suggest: finding.fix ? [{ messageId: 'addTimeout', data: { description: finding.fix.description }, fix: editsToFix(finding.fix.edits) }] : [],
        });
      },
    });
    return analysis.listeners();
  },
});
