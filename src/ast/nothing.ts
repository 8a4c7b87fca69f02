/**
 * "Nothing" as a value is written in code: `null`, `undefined`, `void x`.
 */
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * `null`, `undefined` or `void …` as written at `node` (the caller sees
 * through wrappers first, with `unwrapExpression`). By the name `undefined`,
 * whatever it is bound to, as a reader of the code would take it.
 */
export function isNothing(node: TSESTree.Node): boolean {
  return (node.type === 'Literal' && node.value === null) || (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');
}
