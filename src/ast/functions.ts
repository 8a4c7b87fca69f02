/**
 * Function nodes: one type, one predicate (as `isFunction` of
 * `@typescript-eslint/utils/ast-utils`, without loading it: function
 * declarations, function expressions, arrows; not the body-less TS
 * declarations) and one "enclosing function".
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { dottedName } from '../patterns';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  const type = node?.type;
  return type === 'FunctionDeclaration' || type === 'FunctionExpression' || type === 'ArrowFunctionExpression';
}

/**
 * The function whose body runs `node`, or null at module level.
 *
 * Class field initialisers (`x = load()`, also `accessor` fields) and
 * `static { … }` blocks count as module level, even in a class declared
 * inside a function: a field initialiser runs when an instance is built and a
 * static block when the class is evaluated, never as a statement of the
 * surrounding function's body, so neither is "inside" that function for a
 * call graph, a loop or a `catch`. A function written inside the field or
 * block (`x = () => load()`) is itself the enclosing function of its body.
 */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (current.type === 'PropertyDefinition' || current.type === 'AccessorProperty' || current.type === 'StaticBlock') return null;
  }
  return null;
}

/** True when `node` sits inside any function (see `enclosingFunction` for class fields and static blocks). */
export function isInsideFunction(node: TSESTree.Node): boolean {
  return enclosingFunction(node) !== null;
}

export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

/** `for`, `for…in`, `for…of`, `while`, `do…while`. */
export function isLoop(node: TSESTree.Node | null | undefined): node is LoopNode {
  const type = node?.type;
  return type === 'ForStatement' || type === 'ForInStatement' || type === 'ForOfStatement' || type === 'WhileStatement' || type === 'DoWhileStatement';
}

/** The name a function is called by: its own id, the variable, property or method it is assigned to. */
export function functionName(fn: FunctionNode): { name: string | null; method: boolean } {
  if (fn.id) return { name: fn.id.name, method: false };
  return boundName(fn);
}

/**
 * The name a function is bound to where it is written: a variable, a method or property key, an assignment's
 * target (not its own id). `this.connect = function () {}` is the method `connect`; `node.connect = ...` is
 * `node.connect`.
 */
export function boundName(fn: FunctionNode): { name: string | null; method: boolean } {
  const parent = fn.parent;
  if (!parent) return { name: null, method: false };
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.init === fn) return { name: parent.id.name, method: false };
  if ((parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition' || parent.type === 'Property') && !parent.computed && parent.key.type === 'Identifier') {
    return { name: parent.key.name, method: true };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === fn) {
    const key = dottedName(parent.left)?.join('.') ?? null;
    if (key) return { name: key.startsWith('this.') ? key.slice(5) : key, method: key.startsWith('this.') };
  }
  return { name: null, method: false };
}

/** The name a parameter binds, also with a default (`delay = 2000`); null for a pattern or a rest element. */
export function parameterName(param: TSESTree.Parameter | undefined): string | null {
  if (param?.type === 'Identifier') return param.name;
  return param?.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left.name : null;
}
