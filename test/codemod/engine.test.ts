import { describe, expect, it } from 'vitest';
import {
  applyPreparedRules,
  applyRuleSuggestions,
  prepareRules,
  CodemodParseError,
  CodemodSetupError,
  noQuickFixReason,
  shareOptions,
  type ApplyRuleSuggestionsInput,
} from '../../src/codemod/engine';
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import type { RuleModule } from '../../src/rule-module';
import { testRules } from './test-rules';

const IMPORT = "import { retryWithBackoff } from './retry';";

function apply(source: string, extra: Partial<ApplyRuleSuggestionsInput> = {}) {
  return applyRuleSuggestions({ source, filePath: 'src/a.ts', ruleIds: ['test-retry', 'test-delay'], rules: testRules, ...extra });
}

describe('applyRuleSuggestions', () => {
  it('applies the first suggestion of each report and lists the rewritten sites at their input positions', () => {
    const source = 'async function f() {\n  await legacyRetry(op);\n  await sleep();\n}\n';
    const result = apply(source);
    expect(result.output).toBe(
      `${IMPORT}\nasync function f() {\n  await retryWithBackoff(op, { maxAttempts: 3 });\n  await sleep(100);\n}\n`,
    );
    expect(result.rewritten.map((s) => [s.ruleId, s.line, s.column])).toEqual([
      ['resilience/test-retry', 2, 9],
      ['resilience/test-delay', 3, 9],
    ]);
    expect(result.left).toEqual([]);
  });

  it('passes rule options through', () => {
    const result = apply('legacyRetry(op);\nsleep();\n', { ruleOptions: { 'test-retry': { maxAttempts: 7 }, 'test-delay': { baseDelayMs: 250 } } });
    expect(result.output).toBe(`${IMPORT}\nretryWithBackoff(op, { maxAttempts: 7 });\nsleep(250);\n`);
  });

  it('returns undefined and no sites for a file with no finding', () => {
    const result = apply('const x = 1;\nretry(op);\n');
    expect(result).toEqual({ output: undefined, rewritten: [], left: [] });
  });

  it('is a no-op when run on its own output', () => {
    const first = apply('legacyRetry(a);\nlegacyRetry(b);\nsleep();\n');
    expect(first.output).toBeDefined();
    const second = apply(first.output!);
    expect(second.output).toBeUndefined();
    expect(second.rewritten).toEqual([]);
  });

  it('applies overlapping suggestions over several passes (nested calls, one shared import)', () => {
    const source = 'legacyRetry(legacyRetry(a));\nlegacyRetry(b);\n';
    const result = apply(source);
    expect(result.output).toBe(
      `${IMPORT}\nretryWithBackoff(retryWithBackoff(a, { maxAttempts: 3 }), { maxAttempts: 3 });\nretryWithBackoff(b, { maxAttempts: 3 });\n`,
    );
    expect(result.rewritten.map((s) => [s.line, s.column])).toEqual([
      [1, 1],
      [1, 13],
      [2, 1],
    ]);
  });

  it('stops at the pass limit and lists what is left with a reason', () => {
    const result = apply('legacyRetry(a);\nlegacyRetry(b);\nlegacyRetry(c);\n', { maxPasses: 1 });
    expect(result.rewritten).toHaveLength(1);
    expect(result.left).toHaveLength(2);
    expect(result.left[0]!.reason).toMatch(/pass limit/);
  });

  it('lists sites without a suggestion as left, with the reason from "No quick fix:" at their output position', () => {
    const result = apply('legacyRetry(...args);\nlegacyRetry(a);\n');
    expect(result.output).toBe(`${IMPORT}\nlegacyRetry(...args);\nretryWithBackoff(a, { maxAttempts: 3 });\n`);
    expect(result.left).toEqual([
      {
        file: 'src/a.ts',
        line: 2,
        column: 1,
        ruleId: 'resilience/test-retry',
        message: 'legacyRetry has no backoff. No quick fix: spread arguments.',
        reason: 'spread arguments',
      },
    ]);
  });

  it('preserves CRLF line endings, also in inserted text', () => {
    const source = 'function f() {\r\n\tlegacyRetry(op); // keep\r\n}\r\n';
    const result = apply(source);
    expect(result.output).toBe(`${IMPORT}\r\nfunction f() {\r\n\tretryWithBackoff(op, { maxAttempts: 3 }); // keep\r\n}\r\n`);
    expect(result.output!.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('preserves a BOM', () => {
    const result = apply('\uFEFFsleep();\n');
    expect(result.output).toBe('\uFEFFsleep(100);\n');
    expect(apply('\uFEFFconst a = 1;\n').output).toBeUndefined();
  });

  it('keeps tabs, quote style and comments outside the rewritten ranges byte for byte', () => {
    const source = [
      '/* header */',
      "const a = 'single'; // trailing",
      '\tif (x) {',
      '\t\tawait sleep(); /* after */',
      '\t}',
      'const b = "double";',
      '',
    ].join('\n');
    const result = apply(source, { filePath: 'src/a.js' });
    expect(result.output).toBe(source.replace('sleep()', 'sleep(100)'));
  });

  it('throws CodemodParseError with the parser message for a file that does not parse', () => {
    expect(() => apply('const = ;\n')).toThrow(CodemodParseError);
    let caught: unknown;
    try {
      apply('let x = 1;\nconst = ;\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CodemodParseError);
    expect((caught as CodemodParseError).line).toBe(2);
    expect((caught as Error).message).toMatch(/Parsing error/);
  });

  it('picks the parser by extension (TS syntax in .ts, JSX in .jsx/.tsx, CommonJS .js and .cjs)', () => {
    expect(apply('const a: number = 1; sleep();\n').output).toBe('const a: number = 1; sleep(100);\n');
    expect(apply('const a = <div>{sleep()}</div>;\n', { filePath: 'a.tsx' }).output).toBe('const a = <div>{sleep(100)}</div>;\n');
    expect(apply('const a = <div>{sleep()}</div>;\n', { filePath: 'a.jsx' }).output).toBe('const a = <div>{sleep(100)}</div>;\n');
    expect(apply('const a = <T,>(x: T) => x; sleep();\n', { filePath: 'a.mts' }).output).toBe('const a = <T,>(x: T) => x; sleep(100);\n');
    expect(apply('if (x) return;\nsleep();\n', { filePath: 'a.cjs' }).output).toBe('if (x) return;\nsleep(100);\n');
    expect(apply('if (x) return;\nsleep();\n', { filePath: 'a.js' }).output).toBe('if (x) return;\nsleep(100);\n');
    expect(() => apply('const a: number = 1;\n', { filePath: 'a.js' })).toThrow(CodemodParseError);
  });

  it('works for files in node_modules and with an upper-case extension', () => {
    expect(apply('sleep();\n', { filePath: 'node_modules/pkg/a.js' }).output).toBe('sleep(100);\n');
    expect(apply('sleep();\n', { filePath: 'src/A.JS' }).output).toBe('sleep(100);\n');
  });

  it('works for a file outside the working directory', () => {
    expect(apply('sleep();\n', { filePath: '/tmp/elsewhere/a.ts', cwd: '/work' }).output).toBe('sleep(100);\n');
  });

  it('settings reach the rules', () => {
    const settings = { resilience: { sharedResources: [{ name: 'net', match: { globals: ['fetch'] }, fix: { wrap: 'guard(() => $CALL)' } }] } };
    const ok = applyRuleSuggestions({ source: 'fetch(u);\n', filePath: 'a.ts', ruleIds: ['test-guard'], rules: testRules, settings });
    expect(ok.output).toBe('guard(() => fetch(u));\n');
  });

  it('throws, naming the rule, when a rewrite produces code that does not parse', () => {
    const broken = {
      meta: { type: 'problem', hasSuggestions: true, messages: { m: 'broken' }, schema: [] },
      create: (context: Rule.RuleContext) => ({
        CallExpression(node: ESTree.CallExpression) {
          if (node.callee.type === 'Identifier' && node.callee.name === 'broken') {
            context.report({ node, messageId: 'm', suggest: [{ messageId: 'm', fix: (fixer) => fixer.replaceText(node, 'broken(') }] });
          }
        },
      }),
    } as unknown as RuleModule;
    const run = () => applyRuleSuggestions({ source: 'broken();\n', filePath: 'a.ts', ruleIds: ['broken'], rules: { broken } });
    expect(run).toThrow(CodemodParseError);
    expect(run).toThrow(/rewrite by resilience\/broken produced code that does not parse/);
  });

  it('names missing rules clearly', () => {
    expect(() => apply('x', { ruleIds: ['test-retry', 'no-such-rule'] })).toThrow(CodemodSetupError);
    expect(() => apply('x', { ruleIds: ['no-such-rule'] })).toThrow(/"no-such-rule".*not in eslint-plugin-resilience's rules index \(it has: test-delay, test-guard, test-retry\)/);
  });

  it('honours eslint-disable comments in the file', () => {
    const source = '// eslint-disable-next-line resilience/test-delay\nsleep();\nsleep();\n';
    expect(apply(source).output).toBe('// eslint-disable-next-line resilience/test-delay\nsleep();\nsleep(100);\n');
  });
});

describe('applyPreparedRules over many files', () => {
  // Records what ESLint hands the rule for each file.
  const seen: { settings: unknown; options: unknown; file: string }[] = [];
  const recorder: RuleModule = {
    meta: { type: 'problem', schema: [{ type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false }] },
    create(context: Rule.RuleContext) {
      seen.push({ settings: context.settings, options: context.options[0], file: context.filename });
      return {};
    },
  } as unknown as RuleModule;

  it('normalizes one config per settings value and options, not one per file, and gives each file its own', () => {
    seen.length = 0;
    const prepared = prepareRules(['recorder'], { recorder });
    const shared = { sharedResources: [] };
    const other = { sharedResources: [{ name: 'x', match: { globals: ['fetch'] }, guards: ['g'] }] };
    const lint = (filePath: string, resilience: object, options?: Record<string, unknown>) =>
      applyPreparedRules(prepared, { source: 'const a: number = 1;\n', filePath, cwd: '/project', settings: { resilience }, ruleOptions: { recorder: options } });
    // The CLI hands every file a fresh { resilience } around the one value from the config.
    for (const file of ['a.ts', 'b.ts', 'c.ts']) lint(`/project/${file}`, shared);
    lint('/project/d.ts', other);
    lint('/project/e.ts', shared, { n: 2 });
    lint('/project/f.ts', shared);
    expect(seen.map((s) => s.file)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `/project/${name}.ts`));
    // a, b, c and f: one config, so one settings object; d and e each their own.
    expect(new Set(seen.map((s) => s.settings)).size).toBe(3);
    expect(seen[1]!.settings).toBe(seen[0]!.settings);
    expect(seen[5]!.settings).toBe(seen[0]!.settings);
    expect(seen[0]!.settings).toEqual({ resilience: shared });
    expect(seen[3]!.settings).toEqual({ resilience: other });
    expect(seen[4]!.settings).toEqual({ resilience: shared });
    expect(seen.map((s) => s.options)).toEqual([undefined, undefined, undefined, undefined, { n: 2 }, undefined]);
  });

  it('shares one config between no settings and empty settings, never between a value and the settings wrapping it', () => {
    seen.length = 0;
    const prepared = prepareRules(['recorder'], { recorder });
    const value = { sharedResources: [] };
    const lint = (filePath: string, settings?: Record<string, unknown>) =>
      applyPreparedRules(prepared, { source: 'const a = 1;\n', filePath, cwd: '/project', ...(settings ? { settings } : {}) });
    lint('/project/a.js');
    lint('/project/b.js', {});
    lint('/project/c.js', { resilience: value });
    lint('/project/d.js', value);
    expect(seen[1]!.settings).toBe(seen[0]!.settings);
    expect(seen[0]!.settings).toEqual({});
    expect(seen[2]!.settings).toEqual({ resilience: value });
    expect(seen[3]!.settings).toEqual(value);
  });
});

describe('shareOptions', () => {
  it('gives each rule the keys its schema declares', () => {
    expect(shareOptions(['test-retry', 'test-delay'], { maxAttempts: 4, baseDelayMs: 50 }, testRules)).toEqual({
      'test-retry': { maxAttempts: 4 },
      'test-delay': { baseDelayMs: 50 },
    });
  });
  it('rejects a key no rule declares', () => {
    expect(() => shareOptions(['test-retry'], { maxDelayMs: 1 }, testRules)).toThrow(/maxDelayMs is not an option of test-retry/);
  });
});

describe('noQuickFixReason', () => {
  it('extracts the reason', () => {
    expect(noQuickFixReason('Bad. No quick fix: sync function, nothing to await between attempts.')).toBe(
      'sync function, nothing to await between attempts',
    );
    expect(noQuickFixReason('Bad.')).toBeNull();
  });
});
