/**
 * Engine properties on real third-party files from node_modules, with a
 * test rule that has many findings (it parenthesises every `return`
 * argument, including nested ones that overlap): every output parses, a
 * second run changes nothing, files with no finding come back unchanged, and
 * lines outside the rewritten sites are byte-identical.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { describe, expect, it } from 'vitest';
import { applyRuleSuggestions } from '../../src/codemod/engine';
import type { RuleModule } from '../../src/rule-module';

const parenRule = {
  meta: { type: 'problem', hasSuggestions: true, messages: { m: 'Parenthesise.' }, schema: [] },
  create(context: Rule.RuleContext) {
    const sourceCode = context.sourceCode;
    return {
      ReturnStatement(node: ESTree.ReturnStatement) {
        const argument = node.argument;
        if (!argument) return;
        const before = sourceCode.getTokenBefore(argument as never);
        if (before && before.value === '(' && before.range[0] > node.range![0] + 5) return; // already `return (…`
        context.report({
          node: argument,
          messageId: 'm',
          suggest: [{ messageId: 'm', fix: (fixer) => [fixer.insertTextBefore(argument, '('), fixer.insertTextAfter(argument, ')')] }],
        });
      },
    };
  },
} as unknown as RuleModule;

const rules = { paren: parenRule };
const root = resolve(__dirname, '../../node_modules');

function corpus(limit: number): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    if (files.length >= limit) return;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (files.length >= limit) return;
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) visit(path);
      else if (/\.(?:c?js|ts)$/.test(name) && !name.endsWith('.d.ts') && stat.size < 60_000) files.push(path);
    }
  };
  for (const pkg of ['esquery', 'espree/dist', 'eslint/lib/linter', 'eslint-scope/lib', 'diff/libcjs', 'ignore', 'acorn/dist', 'estraverse', 'jscodeshift/src', 'ajv/lib/compile']) {
    visit(join(root, pkg));
  }
  return files.slice(0, limit);
}

describe('engine on real files', () => {
  const files = corpus(150);

  it('found a corpus', () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it('outputs parse, reruns are no-ops, untouched lines are identical', () => {
    let rewrittenTotal = 0;
    let unchangedFiles = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      let result;
      try {
        result = applyRuleSuggestions({ source, filePath: file, ruleIds: ['paren'], rules, maxPasses: 50 });
      } catch (error) {
        if ((error as Error).name === 'CodemodParseError' && !(error as Error).message.includes('rewrite by')) continue; // input is not JS we parse
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      if (result.output === undefined) {
        unchangedFiles++;
        expect(result.rewritten).toEqual([]);
        continue;
      }
      rewrittenTotal += result.rewritten.length;
      const output = result.output;
      // Only parentheses were inserted: removing two per rewritten site gives back the input's length.
      expect(output.length, file).toBe(source.length + 2 * result.rewritten.length);
      const before = source.split('\n');
      const after = output.split('\n');
      expect(after.length, file).toBe(before.length);
      const changedLines = before.filter((line, i) => line !== after[i]).length;
      expect(changedLines, file).toBeLessThanOrEqual(2 * result.rewritten.length);
      // Second run: nothing left to do (unless the pass limit stopped the first one).
      if (result.left.length === 0) {
        const again = applyRuleSuggestions({ source: output, filePath: file, ruleIds: ['paren'], rules, maxPasses: 50 });
        expect(again.output, file).toBeUndefined();
      }
    }
    expect(rewrittenTotal).toBeGreaterThan(200);
    expect(unchangedFiles).toBeGreaterThan(0);
  });
});
