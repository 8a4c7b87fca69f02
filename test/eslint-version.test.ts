/** Proves which ESLint the suite runs on: 10 by default, 9 under vitest.eslint9.config.mts. */
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const expected = process.env.EXPECT_ESLINT_MAJOR ?? '10';

describe('ESLint version under test', () => {
  it('is the expected major version in the tests', () => {
    expect(Linter.version.split('.')[0]).toBe(expected);
  });

  // ESLint 10 removed context.getSourceCode(); ESLint 9 still has it. A probe
  // rule run by the rule tester tells which Linter the rule tester drives.
  let seen: boolean | undefined;
  const probe: TSESLint.RuleModule<'seen', []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { seen: 'seen' }, schema: [] },
    create(context) {
      seen = typeof (context as unknown as { getSourceCode?: unknown }).getSourceCode === 'function';
      return {};
    },
  };
  RuleTester.afterAll = afterAll;
  RuleTester.describe = describe;
  RuleTester.it = it;
  RuleTester.itOnly = it.only;
  new RuleTester().run('probe', probe, { valid: ['const a = 1;'], invalid: [] });

  it('is the same major version inside the rule tester', () => {
    expect(seen).toBe(expected === '9');
  });
});
