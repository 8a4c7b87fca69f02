import type { TSESLint } from '@typescript-eslint/utils';
import type { ResilienceDocs } from './create-rule';

/** A rule of this plugin, as stored in the rules index. */
export type RuleModule = TSESLint.RuleModule<string, readonly unknown[], ResilienceDocs> & { name: string };
