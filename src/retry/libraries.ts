import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import type { Edit } from './rewrite';

export interface LibraryFinding {
  concern: 'unbounded' | 'backoff' | 'jitter';
  library: string;
  option: string;
  missing: boolean;
  node: TSESTree.Node;
  backedOff: boolean;
  fix: { description: string; edits: Edit[] } | null;
}

export interface LibraryContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ImportTracker;
  options: { unboundedAbove: number; maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
}

export function analyzeLibraryCall(_call: TSESTree.CallExpression | TSESTree.NewExpression, _ctx: LibraryContext): LibraryFinding[] {
  return [];
}
