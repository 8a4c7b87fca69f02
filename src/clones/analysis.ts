/**
 * The per-file analysis behind `no-deep-clone-in-hot-path` (the contract of
 * src/analysis.ts): clone recognition collects candidate calls while ESLint
 * walks the tree, the hot-path analysis collects member calls and JSX
 * returns; at `Program:exit` every deep clone that runs hot is delivered to
 * the rule's `onHotClone` with the reason. The rule only reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { AnalysisContext, FileAnalysis } from '../analysis';
import { NOTHING_TO_ANALYSE } from '../analysis';
import { CloneDetector, type DeepClone, mayContainClone } from './recognise';
import { type HotExplanation, HotPathAnalysis, type LoopMode } from '../hot-path/analysis';
import { copiesDefault } from './defaults';
import { reportedCopyItCopies } from './private-copy';
import { hookInitialArgument } from '../hot-path/hooks';
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
  const clones = new CloneDetector(imports, options.cloneFunctions, sourceCode.visitorKeys);
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
        const hotFound: { clone: DeepClone; why: HotExplanation }[] = [];
        for (const clone of clones.resolve()) {
          // Each created object's own copy of a mutable default: the copy is the point.
          if (copiesDefault(clone.source)) continue;
          const why = hot.explain(clone.node);
          if (why) hotFound.push({ clone, why });
        }
        // The hot clones in one hook's initial argument (`useRef({ a: clone(x), b: clone(y) })`) are
        // one problem with one fix (a lazy initialiser or a ref filled once): reported once, at the first.
        const byHook = new Map<TSESTree.CallExpression, { hook: string; count: number }>();
        const hookOf = hotFound.map(({ clone }) => {
          const argument = hookInitialArgument(clone.node);
          if (!argument) return null;
          const group = byHook.get(argument.call);
          if (group) group.count++;
          else byHook.set(argument.call, { hook: argument.hook, count: 1 });
          return argument.call;
        });
        const grouped = new Set<TSESTree.CallExpression>();
        const reports: { clone: DeepClone; why: HotExplanation }[] = [];
        hotFound.forEach(({ clone, why }, i) => {
          const call = hookOf[i];
          const group = call ? byHook.get(call)! : null;
          if (!call || !group || group.count < 2) {
            reports.push({ clone, why });
            return;
          }
          if (grouped.has(call)) return;
          grouped.add(call);
          const reason = `${why.reason}; the initial value passed to \`${group.hook}\` holds ${group.count} deep clones, all made on every render and kept only on the first`;
          reports.push({ clone, why: { ...why, reason } });
        });
        // A copy of a local that only holds reported copies is the same cost again: reported once, at the
        // first copy, whose message names the line of the other. Decided in source order. (One copy at most:
        // a second read of the local, after the first copy of it, follows a read that is not a test or a log.)
        const hotCopies = new Map(hotFound.map(({ clone }) => [clone.node, clone]));
        const reported = new Set<TSESTree.CallExpression>();
        const copiedAgain = new Map<TSESTree.CallExpression, number>();
        for (const { clone } of [...reports].sort((a, b) => a.clone.node.range[0] - b.clone.node.range[0])) {
          // The first clone of a hook's initial argument speaks for the others: always reported.
          const first = hookInitialArgument(clone.node) ? null : reportedCopyItCopies(sourceCode, clone, hotCopies, reported);
          if (!first) {
            reported.add(clone.node);
            continue;
          }
          copiedAgain.set(first, clone.node.loc.start.line);
        }
        for (const { clone, why } of reports) {
          if (!reported.has(clone.node)) continue;
          const again = copiedAgain.get(clone.node);
          handlers.onHotClone(clone, again === undefined ? why : { ...why, reason: `${why.reason}; the copy is deep-copied again on line ${again}` });
        }
      },
    }),
  };
}
