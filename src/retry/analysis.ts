/**
 * The one retry analysis behind `no-unbounded-retry` and
 * `require-retry-backoff`. It finds hand-written retries (loops whose failure
 * path leads to another iteration, recursion from failure paths, reconnects
 * from 'error' / 'close' / 'end' / 'disconnect' handlers) and retry-library
 * calls, and says for each whether it is bounded and how it waits, through
 * the handlers (the contract of src/analysis.ts). The rules only decide
 * which findings they report.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AnalysisContext, FileAnalysis } from '../analysis';
import { ImportTracker, stripNodePrefix } from '../imports';
import { analyzeLibraryCall, RETRY_LIBRARY_MODULES } from './libraries';
import { LoopRetries } from './loops';
import type { RetryAnalysisOptions, RetryHandlers } from './model';
import { type RetryTextHints, retryTextHints } from './prefilter';
import { RecursiveRetries } from './recursion';

export { isCappedBackoff, type WaitInfo, waitProblem } from './delay';
export { mayContainRetry, type RetryTextHints, retryTextHints } from './prefilter';
export type { LibraryFinding } from './libraries';
export { type HandWrittenRetry, NO_FIX, type RetryAnalysisOptions, type RetryHandlers, type RetryShape } from './model';

export class RetryAnalysis implements FileAnalysis {
  readonly imports: ImportTracker;
  private readonly loops: LoopRetries | null;
  private readonly recursion: RecursiveRetries | null;
  /** Whether the file names any retry library at all (computed once). */
  private librariesMentioned: boolean | null = null;

  constructor(
    private readonly context: AnalysisContext,
    private readonly options: RetryAnalysisOptions,
    private readonly handlers: RetryHandlers,
  ) {
    this.imports = new ImportTracker(context.sourceCode);
    const onRetry = handlers.onRetry;
    const finder = onRetry
      ? { sourceCode: context.sourceCode, keys: context.sourceCode.visitorKeys, imports: this.imports, options, onRetry }
      : null;
    this.loops = finder ? new LoopRetries(finder) : null;
    this.recursion = finder ? new RecursiveRetries(finder) : null;
  }

  private get sourceCode(): Readonly<TSESLint.SourceCode> {
    return this.context.sourceCode;
  }

  /**
   * The listeners a rule returns from `create`: only those for what the file
   * text leaves possible (see ./prefilter), none when it leaves nothing.
   */
  listeners(hints: RetryTextHints = { handWritten: true, libraries: true }): TSESLint.RuleListener {
    if (!hints.handWritten && !hints.libraries) return {};
    if (!hints.handWritten) {
      return { CallExpression: (node) => this.onLibraryCall(node), NewExpression: (node) => this.onLibraryCall(node) };
    }
    // No listeners on functions: the recursion finder reads the functions around a call from its ancestors.
    const listeners: TSESLint.RuleListener = {
      CatchClause: (node) => this.loops?.noteCatch(node),
      IfStatement: (node) => this.loops?.noteStatusCheck(node),
      CallExpression: hints.libraries
        ? (node) => {
            this.onLibraryCall(node);
            this.recursion?.onCall(node);
            this.loops?.noteCatchCall(node);
          }
        : (node) => {
            this.recursion?.onCall(node);
            this.loops?.noteCatchCall(node);
          },
      'Program:exit': () => {
        this.recursion?.finish();
        this.loops?.finish();
      },
    };
    if (hints.libraries) listeners.NewExpression = (node) => this.onLibraryCall(node);
    return listeners;
  }

  private onLibraryCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (!this.handlers.onLibrary) return;
    if (this.librariesMentioned === null) {
      // Once per file: is any retry library the source of an import, require or import()?
      // (The only ways a callee's origin reaches a module; a string that merely
      // equals a module name, `kind === 'async'`, does not count.)
      const modules = new Set(RETRY_LIBRARY_MODULES);
      const tokens = this.sourceCode.ast.tokens;
      this.librariesMentioned = tokens.some((token, index) => {
        if (token.type !== 'String' && token.type !== 'Template') return false;
        if (!modules.has(stripNodePrefix(token.value.slice(1, -1)))) return false;
        let before = index - 1;
        while (before >= 0 && tokens[before]!.value === '(') before--;
        const keyword = tokens[before]?.value;
        return keyword === 'from' || keyword === 'require' || keyword === 'import';
      });
    }
    if (!this.librariesMentioned) return;
    for (const finding of analyzeLibraryCall(node, { sourceCode: this.sourceCode, imports: this.imports, options: this.options })) {
      this.handlers.onLibrary(finding);
    }
  }
}

/** Creates the analysis for one file; the rule returns `analysis.listeners()`. */
export function createRetryAnalysis(
  context: AnalysisContext,
  options: RetryAnalysisOptions,
  handlers: RetryHandlers,
): RetryAnalysis {
  return new RetryAnalysis(context, options, handlers);
}

/**
 * One analysis per file for all the retry rules that run on it. The first
 * rule to ask builds the analysis and returns its listeners; every later rule
 * with the same analysis options (the options that change findings or
 * rewrites) only adds its handlers and returns no listeners. Findings reach
 * each rule's handlers, which report on the rule's own context.
 */
interface SharedRun {
  /** The analysis options the findings depend on. */
  key: string;
  /** Rule ids whose handlers are attached: a rule seen again means a new run on the same SourceCode. */
  rules: Set<string>;
  handlers: RetryHandlers[];
}

/** Per file: keyed by the `SourceCode` object, so nothing outlives the file. */
const sharedRuns = new WeakMap<object, SharedRun[]>();

function analysisKey(options: RetryAnalysisOptions): string {
  return JSON.stringify([options.maxAttempts, options.baseDelayMs, options.maxDelayMs, options.unboundedAbove]);
}

/** The text hints of a file, once for both retry rules (the regular expressions scan the whole text). */
const hintsByFile = new WeakMap<object, RetryTextHints>();

function textHints(sourceCode: Readonly<TSESLint.SourceCode>): RetryTextHints {
  let hints = hintsByFile.get(sourceCode);
  if (!hints) hintsByFile.set(sourceCode, (hints = retryTextHints(sourceCode.text)));
  return hints;
}

/** The listeners a retry rule returns: the shared analysis's for the first rule on a file, none for the others. */
export function retryListeners(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: RetryAnalysisOptions,
  handlers: RetryHandlers,
): TSESLint.RuleListener {
  const hints = textHints(context.sourceCode);
  if (!hints.handWritten && !hints.libraries) return {};
  const id = (context as { id?: unknown }).id;
  if (typeof id !== 'string') return createRetryAnalysis(context, options, handlers).listeners(hints);
  const key = analysisKey(options);
  let runs = sharedRuns.get(context.sourceCode);
  if (!runs) sharedRuns.set(context.sourceCode, (runs = []));
  const joinable = runs.find((run) => run.key === key && !run.rules.has(id));
  if (joinable) {
    joinable.rules.add(id);
    joinable.handlers.push(handlers);
    return {};
  }
  // A new run: forget earlier runs of this rule with these options on the same SourceCode.
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i]!.key === key) runs.splice(i, 1);
  const run: SharedRun = { key, rules: new Set([id]), handlers: [handlers] };
  runs.push(run);
  const fanOut: RetryHandlers = {
    onRetry: (retry) => {
      for (const h of run.handlers) h.onRetry?.(retry);
    },
    onLibrary: (finding) => {
      for (const h of run.handlers) h.onLibrary?.(finding);
    },
  };
  return createRetryAnalysis(context, options, fanOut).listeners(hints);
}
