/**
 * Reports a deep clone (structuredClone, JSON round trip, lodash cloneDeep,
 * rfdc, …) where it runs hot: per request, per log line, per event, per
 * render or action, per item. Detection lives in src/clones.ts and
 * src/hot-path/; this file wires them to ESLint and reports.
 */
import { CloneDetector, mayContainClone } from '../src/clones';
import { createRule } from '../src/create-rule';
import { editsToFix } from '../src/fix/edits';
import { HotPathAnalysis, type HotKind } from '../src/hot-path';
import { parsePatternOption } from '../src/hot-path/options';
import { ImportTracker } from '../src/imports';
import { getSettings } from '../src/settings';
import { shallowCopyRewrite } from '../src/shallow-copy';

type Options = [{ ignoreLoops?: boolean; hotFunctions?: string[]; cloneFunctions?: string[] }];
type MessageId =
  | 'cloneInRequestHandler'
  | 'cloneInLogger'
  | 'cloneInEventHandler'
  | 'cloneInRender'
  | 'cloneInReducer'
  | 'cloneInLoop'
  | 'cloneInMarkedFunction'
  | 'replaceWithShallowCopy';

const MESSAGE_BY_KIND: Record<HotKind, MessageId> = {
  request: 'cloneInRequestHandler',
  logger: 'cloneInLogger',
  event: 'cloneInEventHandler',
  render: 'cloneInRender',
  reducer: 'cloneInReducer',
  loop: 'cloneInLoop',
  marked: 'cloneInMarkedFunction',
};

const REPORT = 'Deep clone ({{clone}}) in {{location}} - {{reason}}.';
const RULE_NAME = 'no-deep-clone-in-hot-path';

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow deep clones where they run per request, per log line, per event, per render or per item',
      url: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/no-deep-clone-in-hot-path.md',
      recommended: 'warn',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: {
      cloneInRequestHandler: REPORT,
      cloneInLogger: REPORT,
      cloneInEventHandler: REPORT,
      cloneInRender: REPORT,
      cloneInReducer: REPORT,
      cloneInLoop: REPORT,
      cloneInMarkedFunction: REPORT,
      replaceWithShallowCopy: 'Replace with a shallow copy (`{ ...{{source}} }`) - nested objects become shared, and arrays, Maps, Sets, Dates and class instances become plain objects.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreLoops: {
            type: 'boolean',
            description: 'Do not treat loops and iteration callbacks (map, forEach, …) as hot by themselves.',
          },
          hotFunctions: {
            type: 'array',
            description: 'More hot functions by dotted name pattern (`handleMessage`, `*.process`); added to `settings.resilience.hotFunctions`.',
            items: { type: 'string', description: 'A dotted name pattern; `*` matches one segment.' },
          },
          cloneFunctions: {
            type: 'array',
            description: 'More deep-clone functions by dotted name pattern (`utils.deepCopy`); added to `settings.resilience.cloneFunctions`.',
            items: { type: 'string', description: 'A dotted name pattern; `*` matches one segment.' },
          },
        },
      },
    ],
    defaultOptions: [{ ignoreLoops: false, hotFunctions: [], cloneFunctions: [] }],
  },
  create(context, [options]) {
    const settings = getSettings(context);
    const optionPath = `options of resilience/${RULE_NAME}`;
    const cloneFunctions = [...settings.cloneFunctions, ...parsePatternOption(options.cloneFunctions, `${optionPath}.cloneFunctions`)];
    const hotFunctions = [...settings.hotFunctions, ...parsePatternOption(options.hotFunctions, `${optionPath}.hotFunctions`)];
    const { sourceCode } = context;
    if (!mayContainClone(sourceCode.text, cloneFunctions)) return {};

    const imports = new ImportTracker(sourceCode);
    const clones = new CloneDetector(imports, cloneFunctions);
    const hot = new HotPathAnalysis(sourceCode, imports, {
      filename: context.filename,
      hotFunctions,
      ignoreLoops: options.ignoreLoops ?? false,
    });

    return {
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
          const why = hot.explain(clone.node);
          if (!why) continue;
          const rewrite = shallowCopyRewrite(sourceCode, clone.node, clone.source);
          context.report({
            node: clone.node,
            messageId: MESSAGE_BY_KIND[why.kind],
            data: { clone: clone.label, location: why.location, reason: why.reason },
            suggest: rewrite
              ? [
                  {
                    messageId: 'replaceWithShallowCopy',
                    data: { source: rewrite.sourceText },
                    fix: editsToFix([rewrite]),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});
