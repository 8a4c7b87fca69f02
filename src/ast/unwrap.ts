/**
 * Seeing through wrappers that do not change a value: TypeScript-only
 * expressions (`x as T`, `x!`, `x satisfies T`, `<T>x`, `f<T>`) and the
 * optional-chain wrapper (`a?.b` is a `ChainExpression` around the member).
 * Every analysis looks through the same set, so a fix here lands everywhere.
 */
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The TS-only wrappers: the expression inside is the value at run time. */
export type TypeWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression;

export function isTypeWrapper(node: Node): node is TypeWrapper {
  switch (node.type) {
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'TSInstantiationExpression':
      return true;
    default:
      return false;
  }
}

/** The value inside any TS wrappers and optional-chain wrappers: `(fn as Handler)!` is `fn`, `a?.b` is the member. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (current.type === 'ChainExpression' || isTypeWrapper(current)) current = current.expression;
  return current;
}

/**
 * The outermost TS wrapper around a value (`fn as Handler`, `fn!`), or the
 * node itself: the slot a value fills in its parent. Optional chains are not
 * stepped over (a chain around a value makes it a callee or object, not the
 * value of a slot).
 */
export function valueSlot(node: Node): Node {
  let current = node;
  while (current.parent && isTypeWrapper(current.parent)) current = current.parent;
  return current;
}

/** `(0, x.f)`, the way compilers call an imported function without its module object as `this`: `x.f`; else `node`. */
export function unwrapIndirect(node: Node): Node {
  return node.type === 'SequenceExpression' && node.expressions.length === 2 && node.expressions[0]!.type === 'Literal' ? node.expressions[1]! : node;
}
