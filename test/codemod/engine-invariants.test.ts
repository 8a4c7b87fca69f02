/**
 * The engine's run-time invariants (docs/codemods.md "Invariants"): every
 * reported site ends rewritten by its own rule's suggestion or left for a
 * person with a reason; a rewrite that does not satisfy its rule is never
 * applied (so never applied twice) and no file grows by repeated rewrites.
 */
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { describe, expect, it } from 'vitest';
import { applyRuleSuggestions } from '../../src/codemod/engine';
import type { RuleModule } from '../../src/rule-module';

const net = { name: 'net', match: { globals: ['fetch'] }, guards: ['guard'] };
function guardRun(source: string, wrap: string) {
  const settings = { resilience: { sharedResources: [{ ...net, fix: { wrap } }] } };
  return applyRuleSuggestions({ source, filePath: 'src/a.ts', ruleIds: ['no-unguarded-shared-resource'], settings, cwd: '/project' });
}

describe('a rewrite that does not satisfy its rule', () => {
  it('`guard($CALL, $CALL)` (the call runs before the guard, twice): the rule offers no wrap; left with the reason, file unchanged', () => {
    const started = Date.now();
    const result = guardRun('export async function f(u: string) {\n  return fetch(u);\n}\n', 'guard($CALL, $CALL)');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.output).toBeUndefined();
    expect(result.rewritten).toEqual([]);
    expect(result.left).toHaveLength(1);
    expect(result.left[0]).toMatchObject({
      line: 2,
      column: 10,
      ruleId: 'resilience/no-unguarded-shared-resource',
      reason: 'the fix.wrap template runs the call outside any function handed to a guard, so the wrapped call would still be reported',
    });
  });

  it('a wrapper whose receiver is bound in the file to a retry policy (not a breaker): the engine refuses the wrap, the file does not grow', () => {
    const settings = {
      resilience: { sharedResources: [{ name: 'net', match: { globals: ['fetch'] }, guards: ['policy.execute'], fix: { wrap: 'policy.execute(() => $CALL)' } }] },
    };
    const source = "import { retry, handleAll } from 'cockatiel';\nconst policy = retry(handleAll, { maxAttempts: 3 });\nexport async function f(u: string) {\n  return fetch(u);\n}\n";
    const started = Date.now();
    const result = applyRuleSuggestions({ source, filePath: 'src/a.ts', ruleIds: ['no-unguarded-shared-resource'], settings, cwd: '/project' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.output).toBeUndefined();
    expect(result.rewritten).toEqual([]);
    expect(result.left).toHaveLength(1);
    expect(result.left[0]).toMatchObject({ line: 4, column: 10 });
    expect(result.left[0]!.reason).toMatch(/^the rewrite does not satisfy the rule: `fetch` touches shared resource 'net'/);
  });

  it('a good wrap of the same file is applied once', () => {
    const result = guardRun('export async function f(u: string) {\n  return fetch(u);\n}\n', 'guard(() => $CALL)');
    expect(result.output).toBe('export async function f(u: string) {\n  return guard(() => fetch(u));\n}\n');
    expect(result.rewritten.map((s) => [s.line, s.column])).toEqual([[2, 10]]);
    expect(result.left).toEqual([]);
  });

  it('a rule whose rewrite keeps reporting the site (wrap that nests itself) is applied zero times, not to the pass limit', () => {
    let lints = 0;
    const nests = {
      meta: { type: 'problem', hasSuggestions: true, messages: { m: 'call of {{name}}', s: 'wrap' }, schema: [] },
      create: (context: Rule.RuleContext) => {
        lints++;
        return {
          CallExpression(node: ESTree.CallExpression) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'work') {
              const text = context.sourceCode.getText(node);
              context.report({ node, messageId: 'm', data: { name: 'work' }, suggest: [{ messageId: 's', fix: (fixer) => fixer.replaceText(node, `id(${text}, ${text})`) }] });
            }
          },
        };
      },
    } as unknown as RuleModule;
    const result = applyRuleSuggestions({ source: 'work();\nother();\n', filePath: 'a.ts', ruleIds: ['nests'], rules: { nests } });
    expect(result.output).toBeUndefined();
    expect(result.left).toEqual([
      { file: 'a.ts', line: 1, column: 1, ruleId: 'resilience/nests', message: 'call of work', reason: 'the rewrite does not satisfy the rule: call of work' },
    ]);
    expect(lints).toBe(2); // the input, and the one refused output
  });
});

/** Two rules on one call: `unbounded` reads an option that `backoff`'s rewrite adds (as cockatiel's allowUnboundedWithBackoff). */
function pair(backoffText: (call: string) => string, unboundedText: (call: string) => string): Record<string, RuleModule> {
  const rule = (messages: Record<string, string>, test: (args: string) => boolean, fixText: (call: string) => string) =>
    ({
      meta: { type: 'problem', hasSuggestions: true, messages, schema: [] },
      create: (context: Rule.RuleContext) => ({
        CallExpression(node: ESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'retry') return;
          const args = node.arguments.map((a) => context.sourceCode.getText(a)).join(', ');
          if (!test(args)) return;
          context.report({ node, messageId: 'm', suggest: [{ messageId: 's', fix: (fixer) => fixer.replaceText(node, fixText(args)) }] });
        },
      }),
    }) as unknown as RuleModule;
  return {
    backoff: rule({ m: 'no backoff', s: 'add backoff' }, (args) => !args.includes('backoff'), backoffText),
    unbounded: rule({ m: 'unbounded', s: 'bound it' }, (args) => !args.includes('backoff') && !args.includes('max'), unboundedText),
  };
}

describe('every site reported before the run is accounted for', () => {
  it('a site silenced by another rule\'s rewrite (not its own) is listed as left for a person, with the reason', () => {
    const rules = pair(() => 'retry({ backoff: 1 })', () => 'retry({ max: 5 })');
    const result = applyRuleSuggestions({ source: 'retry({});\n', filePath: 'a.ts', ruleIds: ['backoff', 'unbounded'], rules });
    expect(result.output).toBe('retry({ backoff: 1 });\n');
    expect(result.rewritten.map((s) => s.ruleId)).toEqual(['resilience/backoff']);
    expect(result.left).toEqual([
      {
        file: 'a.ts',
        line: 1,
        column: 1,
        ruleId: 'resilience/unbounded',
        message: 'unbounded',
        reason:
          'no longer reported after the rewrite by resilience/backoff changed code this rule reads, but its own rewrite was not applied: check that the site is really fixed',
      },
    ]);
  });

  it('when both rules offer the same one-edit rewrite (bound and back off), both sites count as rewritten by their own suggestion', () => {
    const both = () => 'retry({ max: 5, backoff: 1 })';
    const result = applyRuleSuggestions({ source: 'retry({});\n', filePath: 'a.ts', ruleIds: ['backoff', 'unbounded'], rules: pair(both, both) });
    expect(result.output).toBe('retry({ max: 5, backoff: 1 });\n');
    expect(result.rewritten.map((s) => [s.ruleId, s.line, s.column])).toEqual([
      ['resilience/backoff', 1, 1],
      ['resilience/unbounded', 1, 1],
    ]);
    expect(result.left).toEqual([]);
  });
});
