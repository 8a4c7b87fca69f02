/**
 * Walks over a subtree through the parser's visitor keys (so TypeScript and
 * JSX nodes are covered the same way ESLint covers them), with an explicit
 * stack (no recursion limit), in source order.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction } from './functions';

type Node = TSESTree.Node;
export type VisitorKeys = TSESLint.SourceCode['visitorKeys'];

/** True when `inner` lies within `outer`'s source range. */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as Node).type === 'string';
}

/** Keys that never hold a child (as in eslint-visitor-keys' fallback), besides those starting with `_`. */
const NOT_CHILDREN = new Set(['parent', 'leadingComments', 'trailingComments']);

/**
 * The keys to walk under a node: the parser's visitor keys, or, for a node type
 * they do not list (a parser's own node, a newer syntax), every key that may
 * hold a node, as ESLint's own traversal falls back to.
 */
function keysOf(node: Node, keys: VisitorKeys): readonly string[] {
  return keys[node.type] ?? Object.keys(node).filter((key) => !NOT_CHILDREN.has(key) && !key.startsWith('_'));
}

/** The children of a node, through the parser's visitor keys. */
export function childrenOf(node: Node, keys: VisitorKeys): Node[] {
  const record = node as unknown as Record<string, unknown>;
  const out: Node[] = [];
  for (const name of keysOf(node, keys)) {
    const value = record[name];
    for (const item of Array.isArray(value) ? value : [value]) if (isNode(item)) out.push(item);
  }
  return out;
}

/**
 * Visits `root` and its descendants in source order, not entering nested
 * functions (a nested function node itself is visited). `visit` returns
 * false to skip a node's subtree.
 */
export function walkOwn(root: Node, keys: VisitorKeys, visit: (node: Node) => boolean | void): void {
  walk(root, keys, visit, true);
}

/** Like `walkOwn`, but also descends into nested functions. */
export function walkAll(root: Node, keys: VisitorKeys, visit: (node: Node) => boolean | void): void {
  walk(root, keys, visit, false);
}

/**
 * The children go on the stack last key first, each array last item first,
 * so they come off in source order: the order of `childrenOf`, without an
 * array per node (and one per single-node key) for the collector to sweep.
 */
function walk(root: Node, keys: VisitorKeys, visit: (node: Node) => boolean | void, own: boolean): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    if (own && node !== root && isFunction(node)) continue;
    const names = keysOf(node, keys);
    const record = node as unknown as Record<string, unknown>;
    for (let k = names.length - 1; k >= 0; k--) {
      const value = record[names[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as Node);
      } else if (isNode(value)) stack.push(value);
    }
  }
}

/** True when any own node under `root` (see `walkOwn`) satisfies `test`; stops at the first. */
export function someOwn(root: Node, keys: VisitorKeys, test: (node: Node) => boolean): boolean {
  return some(root, keys, test, walkOwn);
}

/** True when any node under `root`, nested functions included, satisfies `test`; stops at the first. */
export function someAll(root: Node, keys: VisitorKeys, test: (node: Node) => boolean): boolean {
  return some(root, keys, test, walkAll);
}

function some(root: Node, keys: VisitorKeys, test: (node: Node) => boolean, walker: typeof walkOwn): boolean {
  let found = false;
  walker(root, keys, (node) => {
    if (found) return false;
    if (test(node)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

/**
 * What a function can return, read from its body without a full walk: the
 * expression body of an arrow, or the `return` statements reached through
 * blocks and `if` branches (a `return` nested in a loop, `try` or `switch`
 * is not seen). Each entry is the returned expression, or null for a bare
 * `return;`. `throws` is true when such a body also holds a `throw`.
 */
export function functionReturns(fn: FunctionNode): { returns: (Node | null)[]; throws: boolean } {
  if (fn.body.type !== 'BlockStatement') return { returns: [fn.body], throws: false };
  const returns: (Node | null)[] = [];
  let throws = false;
  const stack: Node[] = [...fn.body.body];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s.type === 'ReturnStatement') returns.push(s.argument ?? null);
    else if (s.type === 'ThrowStatement') throws = true;
    else if (s.type === 'BlockStatement') stack.push(...s.body);
    else if (s.type === 'IfStatement') {
      stack.push(s.consequent);
      if (s.alternate) stack.push(s.alternate);
    }
  }
  return { returns, throws };
}
