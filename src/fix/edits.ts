/**
 * The one text-edit type of every rewrite (retry, resource, clone): a range of
 * the original source and its replacement. A rewrite is a list of edits, so
 * the rule's suggestion and the codemod apply the very same change.
 */
import type { TSESLint } from '@typescript-eslint/utils';

export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

/** The ESLint fix function of a list of non-overlapping edits. */
export function editsToFix(edits: readonly TextEdit[]): TSESLint.ReportFixFunction {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
}
