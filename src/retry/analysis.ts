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
import type { FunctionNode } from '../ast/functions';
import { analyzeLibraryCall, RETRY_LIBRARY_MODULES } from './libraries';
import { LoopRetries } from './loops';
import type { RetryAnalysisOptions, RetryHandlers } from './model';
import { RecursiveRetries } from './recursion';

export { isCappedBackoff, type WaitInfo, waitProblem } from './delay';
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

  /** The listeners a rule returns from `create`. */
  listeners(): TSESLint.RuleListener {
    const enter = (node: FunctionNode) => this.recursion?.enterFunction(node);
    const exit = () => this.recursion?.exitFunction();
    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': exit,
      'FunctionExpression:exit': exit,
      'ArrowFunctionExpression:exit': exit,
      CatchClause: (node) => this.loops?.noteCatch(node),
      IfStatement: (node) => this.loops?.noteStatusCheck(node),
      CallExpression: (node) => {
        this.onLibraryCall(node);
        this.recursion?.onCall(node);
        this.loops?.noteCatchCall(node);
      },
      NewExpression: (node) => this.onLibraryCall(node),
      'Program:exit': () => this.loops?.finish(),
    };
  }

  private onLibraryCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (!this.handlers.onLibrary) return;
    if (this.librariesMentioned === null) {
      // Once per file: is any retry library named in a string (import, require, import())?
      const modules = new Set(RETRY_LIBRARY_MODULES);
      this.librariesMentioned = this.sourceCode.ast.tokens.some((token) => {
        if (token.type !== 'String' && token.type !== 'Template') return false;
        const name = stripNodePrefix(token.value.slice(1, -1));
        return modules.has(name);
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
