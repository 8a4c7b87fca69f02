/**
 * The contract between a rule and the analysis below it, the same for every
 * family (`src/retry/analysis.ts`, `src/resources/analysis.ts`,
 * `src/clones/analysis.ts`): a factory `create…Analysis(context, options,
 * handlers)` builds the per-file analysis, the rule returns its
 * `listeners()` from `create`, and the analysis delivers each finding to a
 * handler (`on…`) as soon as it is decided. The rule only turns findings
 * into reports and suggestions.
 */
import type { TSESLint } from '@typescript-eslint/utils';

/** The rule context an analysis factory takes. */
export type AnalysisContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What an analysis factory returns. */
export interface FileAnalysis {
  /** The listeners the rule returns from `create` (an empty object when the file cannot hold a finding). */
  listeners(): TSESLint.RuleListener;
}

/** The analysis of a file that cannot hold a finding (a prefilter said so): no listeners. */
export const NOTHING_TO_ANALYSE: FileAnalysis = { listeners: () => ({}) };
