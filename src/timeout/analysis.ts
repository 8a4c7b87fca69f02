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
import { abortSignalTimeoutBlocked as enginesBlockAbortSignalTimeout } from './engines';
import { AWS_CLIENT_PREFIX, TIMEOUT_MODULES, TimeoutChecks } from './libraries';
import type { TimeoutContext, TimeoutHandlers, TimeoutOptions } from './model';

export type { TimeoutFinding, TimeoutHandlers, TimeoutOptions } from './model';

/** Whether a file can hold a finding: it names `fetch`, or a client module in a string (import, require, import()). */
function mayWait(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const modules = new Set(TIMEOUT_MODULES);
  return sourceCode.ast.tokens.some((token) => {
    if (token.type === 'Identifier') return token.value === 'fetch';
    if (token.type !== 'String' && token.type !== 'Template') return false;
    const name = stripNodePrefix(token.value.slice(1, -1));
    return modules.has(name) || name.startsWith(AWS_CLIENT_PREFIX);
  });
}

export class TimeoutAnalysis implements FileAnalysis {
  private readonly checks: TimeoutChecks;

  constructor(
    context: AnalysisContext,
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
    const ctx: TimeoutContext = { sourceCode, keys: sourceCode.visitorKeys, imports: new ImportTracker(sourceCode), options, abortSignalTimeoutBlocked };
    this.checks = new TimeoutChecks(ctx);
  }

  /** The listeners a rule returns from `create`. */
  listeners(): TSESLint.RuleListener {
    const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      for (const finding of this.checks.call(node)) this.handlers.onFinding(finding);
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
