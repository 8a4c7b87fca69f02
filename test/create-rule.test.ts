/**
 * src/create-rule.ts and src/rule-options.ts stand in for `RuleCreator` and
 * `applyDefault` of `@typescript-eslint/utils/eslint-utils` (so that loading
 * the plugin does not load that subpath): the same options, the same module.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import { describe, expect, it } from 'vitest';
import { createRule, type ResilienceDocs, ruleDocsUrl } from '../src/create-rule';
import { applyDefault } from '../src/rule-options';

describe('applyDefault (src/rule-options.ts)', () => {
  const defaults = [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'] }, 'second'] as const;

  it.each([
    ['no user options: a copy of the defaults', undefined, [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'] }, 'second']],
    ['null user options', null, [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'] }, 'second']],
    ['an empty list', [], [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'] }, 'second']],
    ['an object merged deeply; an array replaces', [{ nested: { c: [3] }, list: [] }], [{ a: 1, nested: { b: 2, c: [3] }, list: [] }, 'second']],
    ['a new key kept', [{ z: true }], [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'], z: true }, 'second']],
    ['a non-object replaces an object default', ['plain', 'other'], ['plain', 'other']],
    ['an undefined position keeps its default', [undefined, 'other'], [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'] }, 'other']],
    ['an explicit null replaces', [null], [null, 'second']],
    ['options beyond the defaults are dropped', [{}, 'second', 'third'], [{ a: 1, nested: { b: 2, c: [1, 2] }, list: ['x'] }, 'second']],
  ])('%s', (_name, user, expected) => {
    const ours = applyDefault(defaults as readonly unknown[], user as unknown[] | null | undefined);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(ESLintUtils.applyDefault(defaults as readonly unknown[], (user ?? null) as unknown[] | null));
  });

  it('changes neither argument and shares no object with the defaults', () => {
    const user = [{ nested: { c: [3] } }];
    const result = applyDefault(defaults as readonly unknown[], user);
    expect(defaults[0].nested).toEqual({ b: 2, c: [1, 2] });
    expect(user).toEqual([{ nested: { c: [3] } }]);
    expect(applyDefault(defaults as readonly unknown[], undefined)[0]).not.toBe(defaults[0]);
    expect((result[0] as { list: unknown }).list).not.toBe(defaults[0].list);
  });
});

describe('createRule (src/create-rule.ts)', () => {
  const definition = {
    name: 'example-rule',
    meta: {
      type: 'problem' as const,
      docs: { description: 'Disallow examples', recommended: 'error' as const, strict: 'error' as const },
      messages: { m: 'found {{ n }}' },
      schema: [{ type: 'object' as const, properties: { n: { type: 'number' as const } }, additionalProperties: false }],
      defaultOptions: [{ n: 1 }] as [{ n: number }],
    },
    create(context: Readonly<TSESLint.RuleContext<'m', [{ n: number }]>>, [options]: readonly [{ n: number }]): TSESLint.RuleListener {
      seen.push(options.n);
      void context;
      return {};
    },
  };
  let seen: number[] = [];

  it('gives the module RuleCreator gives: docs url from the name, the same keys', () => {
    const ours = createRule(definition);
    const original = ESLintUtils.RuleCreator<ResilienceDocs>(ruleDocsUrl)(definition);
    expect(ours.meta.docs?.url).toBe('https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/example-rule.md');
    expect(ours.meta).toEqual(original.meta);
    expect(ours.name).toBe('example-rule');
    expect(Object.keys(ours).sort()).toEqual(Object.keys(original).sort());
    expect(ours.defaultOptions).toBeUndefined();
  });

  it('runs create with the options merged over meta.defaultOptions', () => {
    seen = [];
    const rule = createRule(definition);
    rule.create({ options: [] } as unknown as Readonly<TSESLint.RuleContext<'m', [{ n: number }]>>);
    rule.create({ options: [{ n: 5 }] } as unknown as Readonly<TSESLint.RuleContext<'m', [{ n: number }]>>);
    expect(seen).toEqual([1, 5]);
  });

  describe('the options cache', () => {
    type Options = [{ n: number; f?: () => void }];
    const objects: unknown[] = [];
    const cached = createRule({
      ...definition,
      create(_context: unknown, [options]: readonly [{ n: number }]): TSESLint.RuleListener {
        objects.push(options);
        return {};
      },
    });
    const run = (options: unknown[]) => cached.create({ options } as unknown as Readonly<TSESLint.RuleContext<'m', Options>>);
    const last = () => objects[objects.length - 1] as { n: number };

    it('gives equal options (a new array for each file) the same merged object', () => {
      run([{ n: 7 }]);
      const first = last();
      run([{ n: 7 }]);
      expect(last()).toBe(first);
      expect(first).toEqual({ n: 7 });
    });

    it('keeps a copy: options changed in place after a call are merged again', () => {
      const options = [{ n: 8 }];
      run(options);
      options[0]!.n = 9;
      run(options);
      expect(last()).toEqual({ n: 9 });
    });

    it('does not cache options that are not plain data (a function)', () => {
      const f = () => {};
      run([{ n: 2, f }]);
      const first = last();
      run([{ n: 2, f }]);
      expect(last()).not.toBe(first);
      expect(last()).toEqual({ n: 2, f });
    });

    it('drops the oldest of more than eight option sets and merges it again correctly', () => {
      for (let n = 100; n < 109; n++) run([{ n }]);
      run([{ n: 100 }]);
      expect(last()).toEqual({ n: 100 });
      const again = last();
      run([{ n: 100 }]);
      expect(last()).toBe(again);
    });
  });
});
