/**
 * Reports a deep clone (structuredClone, JSON round trip, lodash cloneDeep,
 * rfdc, …) where it runs hot: per request, per log line, per event, per
 * render or action, per item. Detection lives in src/clones/recognise.ts and
 * src/hot-path/, wired by src/clones/analysis.ts; the suggestion is
 * src/clones/shallow-copy.ts. This file reports.
 */
import { createCloneAnalysis, type HotKind, type LoopMode } from '../src/clones/analysis';
import { createRule } from '../src/create-rule';
import { editsToFix } from '../src/fix/edits';
import { shallowCopySuggestion } from '../src/clones/shallow-copy';
import { noFixText } from '../src/fix/no-fix';
import { getPatternLists } from '../src/settings';
import { INVALID_SETTINGS_MESSAGE, readSettings } from '../src/settings-errors';

type Options = [{ loops?: LoopMode; ignoreLoops?: boolean; hotFunctions?: string[]; cloneFunctions?: string[] }];
type MessageId =
  | 'cloneInRequestHandler'
  | 'cloneInLogger'
  | 'cloneInCache'
  | 'cloneInEventHandler'
  | 'cloneInRender'
  | 'cloneInReducer'
  | 'cloneInLoop'
  | 'cloneInMarkedFunction'
  | 'replaceWithShallowCopy'
  | 'replaceWithArrayCopy'
  | 'invalidSettings';

const MESSAGE_BY_KIND: Record<HotKind, MessageId> = {
  request: 'cloneInRequestHandler',
  logger: 'cloneInLogger',
  cache: 'cloneInCache',
  event: 'cloneInEventHandler',
  render: 'cloneInRender',
  reducer: 'cloneInReducer',
  loop: 'cloneInLoop',
  marked: 'cloneInMarkedFunction',
};

const REPORT = 'Deep clone ({{clone}}) in {{location}} - {{reason}}.{{noFix}}';
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
      strictOptions: { loops: 'async' },
    },
    hasSuggestions: true,
    messages: {
      cloneInRequestHandler: REPORT,
      cloneInLogger: REPORT,
      cloneInCache: REPORT,
      cloneInEventHandler: REPORT,
      cloneInRender: REPORT,
      cloneInReducer: REPORT,
      cloneInLoop: REPORT,
      cloneInMarkedFunction: REPORT,
      invalidSettings: INVALID_SETTINGS_MESSAGE,
      replaceWithShallowCopy: 'Replace with a shallow copy (`{ ...{{source}} }`) - nested objects become shared with `{{source}}`; nothing in this function changes them or lets the copy out.',
      replaceWithArrayCopy: 'Replace with a shallow copy (`[...{{source}}]`) - the elements become shared with `{{source}}`; nothing in this function changes them or lets the copy out.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          loops: {
            type: 'string',
            enum: ['hot-code', 'async', 'all'],
            description:
              'When a loop or iteration callback (map, forEach, …) is hot by itself: `hot-code` never (only inside a hot context), `async` also a consumer loop that awaits (`for await`, `while` with `await`), `all` every loop inside a function.',
          },
          ignoreLoops: {
            type: 'boolean',
            description: 'Never treat loops and iteration callbacks as hot by themselves, and do not name them in messages.',
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
    defaultOptions: [{ loops: 'hot-code', ignoreLoops: false, hotFunctions: [], cloneFunctions: [] }],
  },
  create(context, [options]) {
    // Bad settings: one message at the top of the file and nothing else (src/settings-errors.ts).
    const read = readSettings(context, RULE_NAME);
    if ('invalid' in read) return read.invalid;
    const { cloneFunctions, hotFunctions } = getPatternLists(context, options, RULE_NAME);
    const { sourceCode } = context;
    const loops = options.loops ?? 'hot-code';
    const analysis = createCloneAnalysis(context, { ignoreLoops: options.ignoreLoops ?? false, loops, hotFunctions, cloneFunctions }, {
      onHotClone(clone, why) {
        // The shallow copy only where it is safe; otherwise the reason (src/clones/shallow-copy.ts).
        const { reason, rewrite } = shallowCopySuggestion(sourceCode, clone.node, clone.source);
        const noFix = noFixText(reason ?? clone.noFix);
        context.report({
          node: clone.node,
          messageId: MESSAGE_BY_KIND[why.kind],
          data: { clone: clone.label, location: why.location, reason: why.reason, noFix },
          suggest: rewrite
            ? [
                {
                  messageId: rewrite.kind === 'array' ? 'replaceWithArrayCopy' : 'replaceWithShallowCopy',
                  data: { source: rewrite.sourceText },
                  fix: editsToFix([rewrite]),
                },
              ]
            : [],
        });
      },
    });
    return analysis.listeners();
  },
});
