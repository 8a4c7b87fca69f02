/**
 * Test-only rules for the codemod engine and CLI, so their tests do not depend
 * on the plugin's real rules.
 *
 * - `test-retry`: flags `legacyRetry(args)`; suggests `retryWithBackoff(args, { maxAttempts: N })`
 *   and adds `import { retryWithBackoff } from './retry';` as the first line when missing (so every
 *   suggestion's range starts at 0 and overlaps the others: one rewrite per pass). With a spread
 *   argument it reports with no suggestion and " No quick fix: spread arguments." Option: `maxAttempts`.
 * - `test-delay`: flags `sleep()` with no argument; suggests `sleep(<baseDelayMs>)` (a small
 *   local replacement that never overlaps others). Option: `baseDelayMs`.
 * - `test-guard`: flags calls of the globals named in `settings.resilience.sharedResources[].match.globals`
 *   and suggests the resource's `fix.wrap` with `$CALL` replaced by the call's text.
 */
import type { Rule } from 'eslint';
import type { RuleModule } from '../../src/rule-module';
import { getSettings } from '../../src/settings';

const IMPORT_LINE = "import { retryWithBackoff } from './retry';\n";

const testRetry: Rule.RuleModule = {
  meta: {
    type: 'problem',
    hasSuggestions: true,
    messages: {
      retry: 'legacyRetry has no backoff.{{noFix}}',
      useBackoff: 'Use retryWithBackoff.',
    },
    schema: [
      {
        type: 'object',
        properties: { maxAttempts: { type: 'integer', minimum: 1, description: 'Attempts.' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxAttempts: 3 }],
  },
  create(context) {
    const [{ maxAttempts }] = context.options as [{ maxAttempts: number }];
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'legacyRetry') return;
        if (node.arguments.some((a) => a.type === 'SpreadElement')) {
          context.report({ node, messageId: 'retry', data: { noFix: ' No quick fix: spread arguments.' } });
          return;
        }
        const args = node.arguments.map((a) => sourceCode.getText(a)).join(', ');
        const hasImport = sourceCode.text.startsWith(IMPORT_LINE.trimEnd());
        context.report({
          node,
          messageId: 'retry',
          data: { noFix: '' },
          suggest: [
            {
              messageId: 'useBackoff',
              fix: (fixer) => [
                ...(hasImport ? [] : [fixer.insertTextBeforeRange([0, 0], IMPORT_LINE)]),
                fixer.replaceText(node, `retryWithBackoff(${args}, { maxAttempts: ${maxAttempts} })`),
              ],
            },
          ],
        });
      },
    };
  },
};

const testDelay: Rule.RuleModule = {
  meta: {
    type: 'problem',
    hasSuggestions: true,
    messages: { delay: 'sleep() without a delay.', addDelay: 'Add a delay.' },
    schema: [
      {
        type: 'object',
        properties: { baseDelayMs: { type: 'integer', minimum: 0, description: 'Delay.' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ baseDelayMs: 100 }],
  },
  create(context) {
    const [{ baseDelayMs }] = context.options as [{ baseDelayMs: number }];
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'sleep' || node.arguments.length > 0) return;
        const callee = node.callee;
        context.report({
          node,
          messageId: 'delay',
          suggest: [{ messageId: 'addDelay', fix: (fixer) => fixer.replaceTextRange([callee.range![1], node.range![1]], `(${baseDelayMs})`) }],
        });
      },
    };
  },
};

const testGuard: Rule.RuleModule = {
  meta: {
    type: 'problem',
    hasSuggestions: true,
    messages: { guard: 'Unguarded {{name}}.', wrap: 'Wrap it.' },
    schema: [],
  },
  create(context) {
    const { sharedResources } = getSettings(context as never);
    if (sharedResources.length === 0) return {};
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier') return;
        const name = node.callee.name;
        const resource = sharedResources.find((r) => r.match.globals.includes(name));
        if (!resource) return;
        const parent = (node as { parent?: { type: string; callee?: unknown } }).parent;
        if (parent?.type === 'ArrowFunctionExpression') return; // already wrapped
        const wrap = resource.fix?.wrap;
        context.report({
          node,
          messageId: 'guard',
          data: { name: resource.name },
          ...(wrap
            ? { suggest: [{ messageId: 'wrap', fix: (fixer) => fixer.replaceText(node, wrap.replace('$CALL', sourceCode.getText(node))) }] }
            : {}),
        });
      },
    };
  },
};

export const testRules: Record<string, RuleModule> = {
  'test-delay': testDelay as unknown as RuleModule,
  'test-guard': testGuard as unknown as RuleModule,
  'test-retry': testRetry as unknown as RuleModule,
};
