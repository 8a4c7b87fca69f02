/**
 * The timeout analysis behind `require-timeout`: finds calls and clients that
 * wait on a network or database dependency with nothing bounding the wait
 * (see ./libraries.ts for the table) and delivers each as a finding with the
 * rewrite that bounds it. The rule only reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type AnalysisContext, type FileAnalysis, NOTHING_TO_ANALYSE } from '../analysis';
import { ImportTracker, stripNodePrefix } from '../imports';
import { ResilienceConfigError } from '../errors';
import { getSettings } from '../settings';
import { inBrowserUiCallback } from './browser';
import { abortSignalTimeoutBlocked as enginesBlockAbortSignalTimeout, enginesAllowNodeWithoutFetch, nodeEngines } from './engines';
import { nodeFetchTimeout as resolveNodeFetchTimeout } from './node-fetch';
import { AWS_CLIENT_PREFIX, TIMEOUT_MODULES, TimeoutChecks } from './libraries';
import type { TimeoutContext, TimeoutHandlers, TimeoutOptions } from './model';

export type { TimeoutFinding, TimeoutHandlers, TimeoutOptions } from './model';

/** The client modules, for the token scan (a constant: built once, not per file). */
const MODULES = new Set(TIMEOUT_MODULES);

/** Whether a file can hold a finding: it names `fetch`, or a client module in a string (import, require, import()). */
function mayWait(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // The text first: a token that passes below has its text in the file (walking every token of every file is the costly part).
  if (!mayWaitText(sourceCode.text)) return false;
  return sourceCode.ast.tokens.some((token) => {
    if (token.type === 'Identifier') return token.value === 'fetch';
    if (token.type !== 'String' && token.type !== 'Template') return false;
    const name = stripNodePrefix(token.value.slice(1, -1));
    return MODULES.has(name) || name.startsWith(AWS_CLIENT_PREFIX);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A necessary condition for `mayWait`, on the text alone, in one scan of the text:
 * - `fetch` as a whole word (no ASCII letter, digit, `_` or `$` on either
 *   side), as an Identifier token `fetch` is written, or an escape `\u` that
 *   could spell one: `prefetch` and `fetchData` alone do not send the file to
 *   the token scan;
 * - or a client module right after what opens a string or template token (a
 *   quote, or the `}` of a template part), `node:` allowed between, the
 *   module followed by a quote;
 * - or the AWS client prefix right after such an opener (`node:` allowed).
 * One scan of the text for all of them, instead of an `indexOf` walk per
 * name: the expression matches at a position exactly when one of these
 * conditions holds there (an opener at `at - 1`, or `node:` at `at - 5` and
 * an opener at `at - 6`, for a name at `at`).
 */
const WAIT_TEXT = new RegExp(
  String.raw`(?<![\w$])fetch(?![\w$])|\\u|['"\`}](?:node:)?(?:(?:${TIMEOUT_MODULES.map(escapeRegExp).join('|')})['"\`]|${escapeRegExp(AWS_CLIENT_PREFIX)})`,
);

function mayWaitText(text: string): boolean {
  return WAIT_TEXT.test(text);
}

/** `window.fetch(...)`, `self.fetch(...)`: a browser's fetch, which the Fetch standard does not time out. */
const BROWSER_GLOBALS = new Set(['window', 'self']);
/** `global.fetch = nodeFetch`, `(globalThis as any).fetch = ...`, `window['fetch'] = ...` (not `==`). */
const GLOBAL_FETCH_REPLACED = /\b(?:global|globalThis|window|self)\b[^;\n=]{0,24}?(?:\.\s*fetch|\[\s*['"]fetch['"]\s*\])\s*=(?!=)/;
/** Modules that install a fetch of their own as the global on Node. */
const FETCH_POLYFILL = /['"](?:isomorphic-fetch|isomorphic-unfetch|cross-fetch\/polyfill|whatwg-fetch|unfetch\/polyfill|node-fetch-polyfill)['"]/;

export class TimeoutAnalysis implements FileAnalysis {
  private readonly checks: TimeoutChecks;
  private readonly ctx: TimeoutContext;

  constructor(
    private readonly context: AnalysisContext,
    options: TimeoutOptions,
    private readonly handlers: TimeoutHandlers,
  ) {
    const sourceCode = context.sourceCode;
    // engines.node is read lazily, once for this file, and only when a suggestion needs AbortSignal.timeout.
    let blocked: string | null | undefined;
    const abortSignalTimeoutBlocked = (): string | null => {
      if (blocked !== undefined) return blocked;
      let setting: string | undefined;
      try {
        setting = getSettings(context).node;
      } catch (error) {
        // Invalid settings are reported by the rules that own them (docs/settings.md); here they only withhold the suggestion.
        if (!(error instanceof ResilienceConfigError)) throw error;
        return (blocked = 'settings.resilience is invalid, so the Node versions the code runs on are unknown (see the settings error)');
      }
      return (blocked = enginesBlockAbortSignalTimeout(context.physicalFilename ?? context.filename, setting));
    };
    // The node-fetch version is resolved lazily too, once for this file, and only when a node-fetch suggestion is built.
    let nodeFetch: ReturnType<TimeoutContext['nodeFetchTimeout']> | undefined;
    const nodeFetchTimeout = (): ReturnType<TimeoutContext['nodeFetchTimeout']> => {
      if (nodeFetch !== undefined) return nodeFetch;
      let setting: string | undefined;
      try {
        setting = getSettings(context).nodeFetch;
      } catch (error) {
        if (!(error instanceof ResilienceConfigError)) throw error;
        return (nodeFetch = { kind: 'unknown', reason: 'settings.resilience is invalid, so the node-fetch version the code uses is unknown (see the settings error)' });
      }
      return (nodeFetch = resolveNodeFetchTimeout(context.physicalFilename ?? context.filename, setting));
    };
    const ctx: TimeoutContext = {
      sourceCode,
      keys: sourceCode.visitorKeys,
      imports: new ImportTracker(sourceCode),
      options,
      abortSignalTimeoutBlocked,
      nodeFetchTimeout,
      classFields: new WeakMap(),
    };
    this.ctx = ctx;
    this.checks = new TimeoutChecks(ctx);
  }

  private undiciDefaults: boolean | undefined;

  /**
   * Whether a global `fetch` with no signal here is Node's own, bounded by
   * undici's 300 s headers and body timeouts. Not when the callee names a
   * browser global (`window.fetch`, `self.fetch`: no limit at all); when the
   * file replaces the global or loads a polyfill (`global.fetch = ...`,
   * `isomorphic-fetch`, `cross-fetch/polyfill`, `whatwg-fetch`: node-fetch and
   * the like set no timeout); when it calls `setGlobalDispatcher` (the
   * defaults may be off); or when the package's engines.node (or
   * `settings.resilience.node`) allows a Node before 18, which had no global
   * `fetch` of its own. Read once per file, on the first such finding.
   */
  private undiciDefaultsHold(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && BROWSER_GLOBALS.has(callee.object.name)) return false;
    if (this.undiciDefaults !== undefined) return this.undiciDefaults;
    const text = this.ctx.sourceCode.text;
    if (GLOBAL_FETCH_REPLACED.test(text) || FETCH_POLYFILL.test(text) || /\bsetGlobalDispatcher\b/.test(text)) return (this.undiciDefaults = false);
    let range: string | null;
    try {
      range = getSettings(this.context).node ?? nodeEngines(this.context.physicalFilename ?? this.context.filename);
    } catch (error) {
      if (!(error instanceof ResilienceConfigError)) throw error;
      range = null; // invalid settings are reported by the rules that own them; the package's engines are not read then
    }
    return (this.undiciDefaults = range === null || !enginesAllowNodeWithoutFetch(range));
  }

  /** The listeners a rule returns from `create`. */
  listeners(): TSESLint.RuleListener {
    const { options, imports, keys } = this.ctx;
    const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      // A fetch with no signal is bounded on Node by undici's 300 s defaults (reported by strict), unless the file or
      // its package shows the global is something else or its defaults are changed (see undiciDefaultsHold).
      const findings = this.checks
        .call(node)
        .filter((finding) => options.reportFetch || finding.kind !== 'missing' || finding.waits !== 'undici-defaults' || !this.undiciDefaultsHold(node));
      // A request from a component's event handler or effect waits in one user's browser (reported by strict).
      if (findings.length === 0 || (!options.reportBrowserUi && inBrowserUiCallback(node, imports, keys))) return;
      for (const finding of findings) this.handlers.onFinding(finding);
    };
    return {
      CallExpression: onCall,
      NewExpression: onCall,
      AssignmentExpression: (node) => {
        for (const finding of this.checks.assignment(node)) this.handlers.onFinding(finding);
      },
    };
  }
}

/** Creates the analysis for one file; the rule returns `analysis.listeners()`. */
export function createTimeoutAnalysis(context: AnalysisContext, options: TimeoutOptions, handlers: TimeoutHandlers): FileAnalysis {
  if (!mayWait(context.sourceCode)) return NOTHING_TO_ANALYSE;
  return new TimeoutAnalysis(context, options, handlers);
}
