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
import { inBrowserUiCallback, isKeepaliveBeacon } from './browser';
import { abortSignalTimeoutBlocked as enginesBlockAbortSignalTimeout, enginesAllowNodeWithoutFetch, isReadableRange, nodeEngines } from './engines';
import { nodeFetchTimeout as resolveNodeFetchTimeout } from './node-fetch';
import { AWS_CLIENT_PREFIX, TIMEOUT_MODULES, TimeoutChecks } from './libraries';
import type { TimeoutContext, TimeoutFinding, TimeoutHandlers, TimeoutOptions } from './model';
import { staticKeyName } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import { walkAll, type VisitorKeys } from '../ast/walk';

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
/** Names a file may put another fetch in the place of: `global.fetch = nodeFetch`. */
const FETCH_GLOBALS = new Set(['global', 'globalThis', 'window', 'self']);
/** Modules that install a fetch of their own as the global. */
const FETCH_POLYFILLS = new Set(['isomorphic-fetch', 'isomorphic-unfetch', 'cross-fetch/polyfill', 'whatwg-fetch', 'unfetch/polyfill', 'node-fetch-polyfill']);



/** `global`, `globalThis.window`...: a global object of the runtime. */
function isGlobalObject(imports: ImportTracker, node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  return target.type === 'Identifier' && FETCH_GLOBALS.has(target.name) && !imports.declaredInFile(target);
}

/**
 * What in the file may change which fetch the global is or how long it
 * waits: a polyfill imported or required, the global assigned (`global.fetch
 * = ...`, `??=`, `Object.assign(globalThis, { fetch })`), or
 * `setGlobalDispatcher(...)`; null when nothing does. Walks the syntax, so
 * comments and strings do not count.
 */
function fetchDoubtInFile(sourceCode: Readonly<TSESLint.SourceCode>, keys: VisitorKeys, imports: ImportTracker): string | null {
  let doubt: string | null = null;
  const moduleName = (node: TSESTree.Node | undefined | null): string | null => {
    if (!node) return null;
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]!.value.cooked ?? null;
    return null;
  };
  const loads = (name: string | null) => {
    if (name !== null && FETCH_POLYFILLS.has(name)) doubt = `this file loads \`${name}\`, which may put a fetch with no timeout in the global's place`;
  };
  // A fetch imported from another module (node-fetch, cross-fetch) put in the global's place; not undici's own, a
  // test double (`jest.fn()`) or a function written here.
  const replaces = (value: TSESTree.Node) => {
    const origin = imports.originOf(unwrapExpression(value));
    const module = origin?.module;
    if (module != null && module !== 'undici') doubt = `this file puts \`${module}\`'s fetch in the global's place, and it may set no timeout`;
  };
  walkAll(sourceCode.ast as TSESTree.Node, keys, (node) => {
    if (doubt !== null) return false;
    if (node.type === 'ImportDeclaration') {
      if (node.importKind !== 'type') loads(moduleName(node.source));
    } else if (node.type === 'ImportExpression') {
      loads(moduleName(node.source));
    } else if (node.type === 'TSImportEqualsDeclaration') {
      if (node.importKind !== 'type' && node.moduleReference.type === 'TSExternalModuleReference') loads(moduleName(node.moduleReference.expression));
    } else if (node.type === 'CallExpression') {
      const callee = unwrapExpression(node.callee);
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
      if (name === 'require') loads(moduleName(node.arguments[0]));
      else if (name === 'setGlobalDispatcher') doubt = 'this file calls `setGlobalDispatcher`, whose dispatcher may turn the default timeouts off';
      else if (name === 'assign' && callee.type === 'MemberExpression' && node.arguments[0] && isGlobalObject(imports, node.arguments[0])) {
        for (const argument of node.arguments.slice(1)) {
          const object = unwrapExpression(argument);
          if (object.type !== 'ObjectExpression') continue;
          for (const property of object.properties) {
            if (property.type === 'Property' && staticKeyName(property.key, property.computed) === 'fetch') replaces(property.value);
          }
        }
      }
    } else if (node.type === 'AssignmentExpression') {
      const target = unwrapExpression(node.left);
      if (target.type === 'MemberExpression' && staticKeyName(target.property, target.computed) === 'fetch' && isGlobalObject(imports, target.object)) replaces(node.right);
    }
    return true;
  });
  return doubt;
}

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

  /** Per file, computed on the first signal-less fetch: the file's doubt and the engines' doubt (null: none). */
  private doubts: { file: string | null; engines: string | null } | undefined;

  /**
   * Why a `fetch` with no signal here is not known to be Node's own with
   * undici's 300 s defaults, or null when it is. The callee names a browser
   * global (`window.fetch`, `self.fetch`: no limit at all); the file puts a
   * fetch imported from another module in the global's place or loads a
   * polyfill (node-fetch and most polyfills set no timeout); it calls
   * `setGlobalDispatcher` (the defaults may be off); or the package's
   * engines.node (or `settings.resilience.node`) allows a Node before 18,
   * whose global `fetch` is a polyfill. undici's own imported `fetch` is
   * undici's whatever the global or the engines: only the dispatcher counts
   * for it. The file and the engines are read once per file.
   */
  private fetchDoubt(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
    const { imports } = this.ctx;
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'MemberExpression') {
      const object = unwrapExpression(callee.object);
      if (object.type === 'Identifier' && BROWSER_GLOBALS.has(object.name) && !imports.declaredInFile(object)) {
        return `\`${object.name}.fetch\` is a browser's fetch, which has no time limit`;
      }
    }
    this.doubts ??= { file: fetchDoubtInFile(this.ctx.sourceCode, this.ctx.keys, imports), engines: this.enginesDoubt() };
    const fromUndici = imports.originOf(callee)?.module === 'undici';
    const { file, engines } = this.doubts;
    if (file !== null && (!fromUndici || file.includes('setGlobalDispatcher'))) return file;
    return fromUndici ? null : engines;
  }

  /**
   * A keepalive beacon (`isKeepaliveBeacon`) of a fetch the analysis doubts is
   * Node's: not undici's, nor in a file that loads a polyfill or replaces the
   * global (code that runs on Node, where `keepalive` does nothing).
   */
  private mayBeBeacon(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    if (call.type !== 'CallExpression' || !isKeepaliveBeacon(call)) return false;
    if (this.ctx.imports.originOf(unwrapExpression(call.callee))?.module === 'undici') return false;
    this.doubts ??= { file: fetchDoubtInFile(this.ctx.sourceCode, this.ctx.keys, this.ctx.imports), engines: this.enginesDoubt() };
    return this.doubts.file === null;
  }

  /** The engines' doubt: a readable range (settings.resilience.node, else the package's engines.node) that allows Node before 18. */
  private enginesDoubt(): string | null {
    let range: string | null;
    let source = "the package's engines.node";
    try {
      const setting = getSettings(this.context).node;
      if (setting !== undefined) source = 'settings.resilience.node';
      range = setting ?? nodeEngines(this.context.physicalFilename ?? this.context.filename);
    } catch (error) {
      if (!(error instanceof ResilienceConfigError)) throw error;
      range = null; // invalid settings are reported by the rules that own them; the package's engines are not read then
    }
    // A range that cannot be read (`lts/*`) says nothing either way.
    if (range === null || !isReadableRange(range) || !enginesAllowNodeWithoutFetch(range)) return null;
    return `${source} \`${range}\` allows a Node before 18, whose global fetch is a polyfill (node-fetch and most polyfills set no timeout)`;
  }

  /** The listeners a rule returns from `create`. */
  listeners(): TSESLint.RuleListener {
    const { options, imports, keys } = this.ctx;
    const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      // A fetch with no signal is bounded on Node by undici's 300 s defaults (reported by strict), unless the file or
      // its package shows the fetch may be another or its defaults changed: then it is reported, saying why (fetchDoubt).
      const findings: TimeoutFinding[] = [];
      for (const finding of this.checks.call(node)) {
        if (finding.kind !== 'missing' || finding.waits !== 'undici-defaults') findings.push(finding);
        else {
          const doubt = this.fetchDoubt(node);
          if (doubt !== null) findings.push({ ...finding, waits: 'unknown', doubt });
          else if (options.reportFetch) findings.push(finding);
        }
      }
      // A request from a component's event handler or effect waits in one user's browser (reported by strict).
      if (findings.length === 0 || (!options.reportBrowserUi && inBrowserUiCallback(node, imports, keys))) return;
      for (const finding of findings) {
        // `await window.fetch(url, { keepalive: true })`: a beacon that outlives the page, in one user's browser (reported by strict).
        if (!options.reportBrowserUi && finding.waits === 'unknown' && finding.library === 'fetch' && this.mayBeBeacon(node)) continue;
        this.handlers.onFinding(finding);
      }
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
