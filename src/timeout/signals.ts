/**
 * Does an abort signal bound a fetch? `AbortSignal.timeout(ms)` does;
 * `AbortSignal.any([...])` does when one of its signals does; a signal that
 * comes from a parameter is the caller's business; a local `AbortController`
 * does when a timer calls its `abort()`. A controller that only something else
 * aborts (or nothing) does not; everything the file does not show is unknown.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap';
import { isGlobalCall, memberName } from './flow';
import type { TimeoutContext } from './model';

type Node = TSESTree.Node;

export type SignalBound = 'bounded' | 'unbounded' | 'none' | 'unknown';

const MAX_DEPTH = 8;

function isParameter(variable: TSESLint.Scope.Variable | null): boolean {
  return !!variable && variable.defs.length === 1 && variable.defs[0]!.type === 'Parameter';
}

/** True when `node` sits in the arguments of a global `setTimeout(...)` call. */
export function insideTimer(node: Node, ctx: TimeoutContext): boolean {
  for (let current: Node | undefined = node; current?.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type !== 'CallExpression' || parent.callee === current) continue;
    if (ctx.imports.globalName(parent.callee, 'setTimeout') === 'setTimeout') return true;
  }
  return false;
}

/** A local `new AbortController()`: bounded when a timer aborts it, unknown when it is used for anything but `.signal` / `.abort()`. */
function controllerBound(variable: TSESLint.Scope.Variable, ctx: TimeoutContext): SignalBound {
  let timer = false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const identifier = reference.identifier as Node;
    const member = identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== identifier) return 'unknown';
    const name = memberName(member);
    if (name === 'abort') timer ||= insideTimer(member, ctx);
    else if (name !== 'signal') return 'unknown';
  }
  return timer ? 'bounded' : 'unbounded';
}

export function signalBound(node: Node, ctx: TimeoutContext, depth = 0): SignalBound {
  if (depth > MAX_DEPTH) return 'unknown';
  const n = unwrapExpression(node);
  const { imports } = ctx;
  if (n.type === 'Literal' && n.value === null) return 'none';
  if (n.type === 'CallExpression') {
    if (isGlobalCall(n, imports, 'AbortSignal', 'timeout')) return 'bounded';
    if (!isGlobalCall(n, imports, 'AbortSignal', 'any')) return 'unknown';
    const list = n.arguments[0];
    if (list?.type !== 'ArrayExpression') return 'unknown';
    const bounds = list.elements.map((element) => (element && element.type !== 'SpreadElement' ? signalBound(element, ctx, depth + 1) : 'unknown'));
    if (bounds.includes('bounded')) return 'bounded';
    return bounds.includes('unknown') ? 'unknown' : 'unbounded';
  }
  if (n.type === 'Identifier') {
    if (n.name === 'undefined' && imports.isGlobal(n)) return 'none';
    const variable = imports.variableOf(n);
    if (isParameter(variable)) return 'bounded';
    const init = imports.constInit(n);
    return init ? signalBound(init, ctx, depth + 1) : 'unknown';
  }
  if (n.type === 'MemberExpression' && memberName(n) === 'signal') {
    const owner = unwrapExpression(n.object);
    if (owner.type !== 'Identifier') return 'unknown';
    const variable = imports.variableOf(owner);
    if (isParameter(variable)) return 'bounded';
    const init = imports.constInit(owner);
    const made = init ? unwrapExpression(init) : null;
    if (made?.type !== 'NewExpression') return 'unknown';
    if (imports.globalName(made.callee, 'AbortController') !== 'AbortController') return 'unknown';
    return controllerBound(variable!, ctx);
  }
  return 'unknown';
}
