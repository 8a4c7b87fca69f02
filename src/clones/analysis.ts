/**
 * The per-file analysis behind `no-deep-clone-in-hot-path` (the contract of
 * src/analysis.ts): clone recognition collects candidate calls while ESLint
 * walks the tree, the hot-path analysis collects member calls and JSX
 * returns; at `Program:exit` every deep clone that runs hot is delivered to
 * the rule's `onHotClone` with the reason. The rule only reports.
 */
import type { AnalysisContext, FileAnalysis } from '../analysis';
import { NOTHING_TO_ANALYSE } from '../analysis';
import { CloneDetector, type DeepClone, mayContainClone } from './recognise';
import { type HotExplanation, HotPathAnalysis, type LoopMode } from '../hot-path/analysis';
import { copiesDefault } from './defaults';
import { ImportTracker } from '../imports';
import type { DottedPattern } from '../patterns';

export type { DeepClone } from './recognise';
export type { HotExplanation, HotKind, LoopMode } from '../hot-path/analysis';

export interface CloneAnalysisOptions {
  /** Do not treat loops and iteration callbacks as hot by themselves. */
  ignoreLoops: boolean;
  /** When a loop makes code hot by itself (see `LoopMode`). */
  loops: LoopMode;
  /** Hot functions by dotted name (settings and options merged). */
  hotFunctions: readonly DottedPattern[];
  /** More deep-clone functions by dotted name (settings and options merged). */
  cloneFunctions: readonly DottedPattern[];
}

export interface CloneHandlers {
  /** A deep clone that runs hot, and why. */
  onHotClone: (clone: DeepClone, why: HotExplanation) => void;
}

/** Creates the analysis for one file; the rule returns `analysis.listeners()`. */
export function createCloneAnalysis(context: AnalysisContext, options: CloneAnalysisOptions, handlers: CloneHandlers): FileAnalysis {
  const { sourceCode } = context;
  if (!mayContainClone(sourceCode.text, options.cloneFunctions)) return NOTHING_TO_ANALYSE;
  const imports = new ImportTracker(sourceCode);
  const clones = new CloneDetector(imports, options.cloneFunctions);
  const hot = new HotPathAnalysis(sourceCode, imports, {
    filename: context.filename,
    hotFunctions: options.hotFunctions,
    ignoreLoops: options.ignoreLoops,
    loops: options.loops,
  });
  return {
    listeners: () => ({
      ImportDeclaration: (node) => clones.collectModuleSource(node.source),
      ImportExpression: (node) => clones.collectModuleSource(node.source),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') clones.collectModuleSource(node.moduleReference.expression);
      },
      CallExpression(node) {
        clones.collectCall(node);
        hot.collectCall(node);
      },
      ReturnStatement: (node) => hot.collectReturn(node),
      'Program:exit'() {
        for (const clone of clones.resolve()) {
          // Each created object's own copy of a mutable default: the copy is the point.
          if (copiesDefault(clone.source)) continue;
          const why = hot.explain(clone.node);
          if (why) handlers.onHotClone(clone, why);
        }
      },
    }),
  };
}
