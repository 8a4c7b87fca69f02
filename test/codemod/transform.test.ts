import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTransform, normalizeOptions, runCodemod, type CodemodDefinition } from '../../src/codemod/codemod';
import { CodemodSetupError } from '../../src/codemod/engine';
import { codemods } from '../../codemods/index';
import addRetryBackoff, { codemod as addRetryBackoffDefinition } from '../../codemods/add-retry-backoff';
import guardSharedResource from '../../codemods/guard-shared-resource';
import { testRules } from './test-rules';

const retry: CodemodDefinition = {
  name: 'test-retry',
  description: 'Test.',
  ruleIds: ['test-retry', 'test-delay'],
  options: [
    { name: 'maxAttempts', type: 'integer', description: 'Attempts.' },
    { name: 'baseDelayMs', type: 'integer', description: 'Delay.' },
  ],
};
const guard: CodemodDefinition = { name: 'test-guard', description: 'Test.', ruleIds: ['test-guard'], options: [] };
const resilience = { sharedResources: [{ name: 'net', match: { globals: ['fetch'] }, fix: { wrap: 'guarded(() => $CALL)' } }] };

describe('makeTransform (jscodeshift transform)', () => {
  it('returns the rewritten source, passing numeric and string options through and ignoring jscodeshift-only ones', async () => {
    const transform = makeTransform(retry, testRules);
    const out = await transform({ path: 'a.ts', source: 'sleep();\nlegacyRetry(x);\n' }, {}, { baseDelayMs: '30', maxAttempts: 4, dry: true, print: false, extensions: 'ts', eslintConfig: 'false' });
    expect(out).toBe("import { retryWithBackoff } from './retry';\nsleep(30);\nretryWithBackoff(x, { maxAttempts: 4 });\n");
  });

  it('returns undefined when nothing changes, and reports sites left for a person through api.report', async () => {
    const transform = makeTransform(retry, testRules);
    const reports: string[] = [];
    const out = await transform({ path: 'src/a.ts', source: 'legacyRetry(...xs);\n' }, { report: (m) => reports.push(m) }, { eslintConfig: false });
    expect(out).toBeUndefined();
    expect(reports).toEqual(['src/a.ts:1:1 left for a person (resilience/test-retry): spread arguments']);
  });

  it('takes settings from an object or a JSON file path', async () => {
    const transform = makeTransform(guard, testRules);
    expect(await transform({ path: 'a.ts', source: 'fetch(u);\n' }, {}, { settings: { resilience }, eslintConfig: false })).toBe('guarded(() => fetch(u));\n');
    const dir = mkdtempSync(join(tmpdir(), 'resilience-transform-'));
    try {
      writeFileSync(join(dir, 's.json'), JSON.stringify(resilience));
      expect(await transform({ path: 'a.ts', source: 'fetch(u);\n' }, {}, { settings: join(dir, 's.json'), eslintConfig: false })).toBe('guarded(() => fetch(u));\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad option value', () => {
    expect(() => normalizeOptions(retry, { maxAttempts: -1 })).toThrow(/maxAttempts must be a non-negative integer/);
    expect(() => normalizeOptions(retry, { maxAttempts: '2x' })).toThrow(CodemodSetupError);
  });

  it('runCodemod shares the options between the rules by their schemas', () => {
    const result = runCodemod(retry, { source: 'sleep();\n', filePath: 'a.ts', options: { baseDelayMs: 5 }, rules: testRules });
    expect(result.output).toBe('sleep(5);\n');
  });
});

describe('the codemod registry and modules', () => {
  it('registers every transform by name with their rules and a one-line description', () => {
    expect(Object.keys(codemods)).toEqual(['add-retry-backoff', 'add-timeout', 'guard-shared-resource']);
    expect(codemods['add-retry-backoff']!.ruleIds).toEqual(['no-unbounded-retry', 'require-retry-backoff']);
    expect(codemods['add-retry-backoff']!.options.map((o) => o.name)).toEqual(['maxAttempts', 'baseDelayMs', 'maxDelayMs']);
    expect(codemods['guard-shared-resource']!.ruleIds).toEqual(['no-unguarded-shared-resource']);
    expect(codemods['add-timeout']!.ruleIds).toEqual(['require-timeout']);
    for (const definition of Object.values(codemods)) expect(definition.description).not.toContain('\n');
    expect(codemods['add-retry-backoff']).toBe(addRetryBackoffDefinition);
  });

  it('default exports are transforms that fail clearly when a rule is missing from the plugin', async () => {
    const { rules } = await import('../../src/rules');
    for (const [transform, definition] of [
      [addRetryBackoff, codemods['add-retry-backoff']!],
      [guardSharedResource, codemods['guard-shared-resource']!],
    ] as const) {
      expect(typeof transform).toBe('function');
      const missing = definition.ruleIds.filter((id) => !Object.hasOwn(rules, id));
      const call = transform({ path: 'a.ts', source: 'const a = 1;\n' }, {}, { settings: {}, eslintConfig: false });
      if (missing.length > 0) await expect(call).rejects.toThrow(/not in eslint-plugin-resilience's rules index/);
      else await expect(call).resolves.toBeUndefined();
    }
  });
});
