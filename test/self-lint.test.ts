/**
 * Quality gate: the plugin's own rules and rule tests pass
 * eslint-plugin-eslint-plugin's recommended set plus require-meta-docs-url,
 * require-meta-docs-description and require-test-error-positions
 * (configured in eslint.config.mjs).
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('self-lint', () => {
  it('reports nothing on rules/, src/ and test/', async () => {
    const eslint = new ESLint({ cwd: resolve(__dirname, '..'), errorOnUnmatchedPattern: false });
    const results = await eslint.lintFiles(['rules', 'src', 'test']);
    const problems = results.flatMap((result) =>
      result.messages.map((m) => `${result.filePath}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`),
    );
    expect(problems).toEqual([]);
    // The gate is real: the eslint-plugin rules are switched on for rule files.
    const config = await eslint.calculateConfigForFile(resolve(__dirname, '../rules/example.ts'));
    expect(config.rules['eslint-plugin/require-meta-docs-url']).toEqual([
      2,
      { pattern: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/{{name}}.md' },
    ]);
    expect(config.rules['eslint-plugin/require-meta-schema-description']).toEqual([2]);
    const testConfig = await eslint.calculateConfigForFile(resolve(__dirname, 'rules/example.test.ts'));
    expect(testConfig.rules['eslint-plugin/require-test-error-positions']).toEqual([2]);
  });

  it('catches a rule without schema descriptions or docs', async () => {
    const eslint = new ESLint({ cwd: resolve(__dirname, '..') });
    const bad = [
      "import { createRule } from '../src/create-rule';",
      'export default createRule({',
      "  name: 'bad',",
      "  meta: { type: 'problem', docs: {}, messages: { m: 'x' }, schema: [{ type: 'object', properties: { a: { type: 'number' } } }] },",
      '  create(context) { return { Program(node) { context.report({ node, messageId: "m" }); } }; },',
      '});',
    ].join('\n');
    const [result] = await eslint.lintText(bad, { filePath: resolve(__dirname, '../rules/bad.ts') });
    expect(result!.messages.map((m) => m.ruleId).sort()).toEqual([
      'eslint-plugin/require-meta-default-options',
      'eslint-plugin/require-meta-docs-description',
      'eslint-plugin/require-meta-docs-url',
      'eslint-plugin/require-meta-schema-description',
    ]);
  });
});
