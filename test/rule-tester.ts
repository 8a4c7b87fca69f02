/**
 * RuleTester wired to vitest. `ruleTester` parses with @typescript-eslint/parser
 * (TS and JSX); `jsRuleTester` with ESLint's default parser (espree).
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

export const jsRuleTester = new RuleTester({
  languageOptions: {
    parser: espree,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/** Expected reports of a rule test: exact positions, the rest (message id, data, suggestions) as the case needs. */
export type Errors = { messageId: string; line: number; column: number; endLine: number; endColumn: number; [key: string]: unknown }[];

/** The same reports with the rule's default options and with its strict ones: two invalid cases. */
export const inBoth = (code: string, strict: unknown[], errors: Errors) => [{ code, errors }, { code, options: strict, errors }];
