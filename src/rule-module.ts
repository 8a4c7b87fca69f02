import type { TSESLint } from '@typescript-eslint/utils';
import type { ResilienceDocs } from './create-rule';

/** A rule of this plugin, as stored in the rules index. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RuleModule = TSESLint.RuleModule<string, any[], ResilienceDocs> & { name: string };
