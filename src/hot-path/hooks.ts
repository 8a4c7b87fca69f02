/**
 * React hooks' initial arguments: `useRef(init)`, `useState(init)` and
 * `useReducer(reducer, init)` evaluate `init` on every render and keep it only
 * on the first. Every clone written in one such argument is fixed by one
 * change (a lazy initialiser `useState(() => …)`, `useReducer(reducer, arg,
 * init)`, or a ref filled once), so the rule reports the argument once.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction } from '../ast/functions';
import { calleeLastName } from './functions';

/** The hooks whose initial argument is evaluated per render and kept once, and that argument's index. */
const INITIAL_ARGUMENT = new Map([
  ['useRef', 0],
  ['useState', 0],
  ['useReducer', 1],
]);

export interface HookInitialArgument {
  /** The hook call (`useRef({...})`). */
  call: TSESTree.CallExpression;
  /** `useRef`, `useState` or `useReducer`. */
  hook: string;
}

/**
 * The hook call whose initial argument evaluates `node` directly (not inside a
 * function written in the argument, which is lazy), or null.
 */
export function hookInitialArgument(node: TSESTree.Node): HookInitialArgument | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) return null;
    if (current.type !== 'CallExpression' || current.callee === child) continue;
    const hook = calleeLastName(current);
    const index = hook === null ? undefined : INITIAL_ARGUMENT.get(hook);
    if (index !== undefined && current.arguments[index] === child) return { call: current, hook: hook! };
  }
  return null;
}
