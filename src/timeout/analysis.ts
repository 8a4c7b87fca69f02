/**
 * The timeout analysis behind `require-timeout`: finds calls and clients that
 * wait on a network or database dependency with nothing bounding the wait
 * (see ./libraries.ts for the table) and delivers each as a finding with the
 * rewrite that bounds it. The rule only reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ImportTracker, stripNodePrefix } from '../imports';
import { AWS_CLIENT_PREFIX, TIMEOUT_MODULES, TimeoutChecks } from './libraries';
import type { TimeoutContext, TimeoutHandlers, TimeoutOptions } from './model';

export type { TimeoutFinding, TimeoutHandlers, TimeoutOptions } from './model';

export class TimeoutAnalysis {
  private readonly checks: TimeoutChecks;
  /** Whether the file can hold any finding (names a client module, or `fetch`), computed once. */
  private relevant: boolean | null = null;

  constructor(
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    options: TimeoutOptions,
    private readonly handlers: TimeoutHandlers,
  ) {
    const sourceCode = context.sourceCode;
    const ctx: TimeoutContext = {
      sourceCode,
      keys: sourceCode.visitorKeys,
      imports: new ImportTracker(sourceCode),
      options,
    };
    this.checks = new TimeoutChecks(ctx);
  }

  private isRelevant(): boolean {
    if (this.relevant !== null) return this.relevant;
    const modules = new Set(TIMEOUT_MODULES);
    this.relevant = this.context.sourceCode.ast.tokens.some((token) => {
      if (token.type === 'Identifier') return token.value === 'fetch';
      if (token.type !== 'String' && token.type !== 'Template') return false;
      const name = stripNodePrefix(token.value.slice(1, -1));
      return modules.has(name) || name.startsWith(AWS_CLIENT_PREFIX);
    });
    return this.relevant;
  }

  /** The listeners a rule returns from `create`. */
  listeners(): TSESLint.RuleListener {
    const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      if (!this.isRelevant()) return;
      for (const finding of this.checks.call(node)) this.handlers.onFinding(finding);
    };
    return {
      CallExpression: onCall,
      NewExpression: onCall,
      AssignmentExpression: (node) => {
        if (!this.isRelevant()) return;
        for (const finding of this.checks.assignment(node)) this.handlers.onFinding(finding);
      },
    };
  }
}

/** Creates the analysis for one file; the rule returns `analysis.listeners()`. */
export function createTimeoutAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: TimeoutOptions,
  handlers: TimeoutHandlers,
): TimeoutAnalysis {
  return new TimeoutAnalysis(context, options, handlers);
}
