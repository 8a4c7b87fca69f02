/**
 * Is a retry bounded? A counter that changes on every attempt compared
 * against a finite limit, or a deadline, in a test whose outcome ends the
 * retry (the loop condition, or a check whose branch leaves).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import { unwrapExpression } from '../ast/unwrap';
import { type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { isForeverNumber, isMemberCall, nameKey, type Node } from './ast';

export interface BoundContext {
  keys: VisitorKeys;
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ImportTracker;
  /** Names that move on every attempt (`attempt`, `retries`, `this.tries`). */
  counters: ReadonlySet<string>;
  /** Flags a timer sets (`setTimeout(() => { timedOut = true }, ms)`): deadlines. */
  timerFlags?: ReadonlySet<string>;
  unboundedAbove: number;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);

/** True when an expression reads a clock or an abort signal. */
export function isDeadlineExpression(node: Node, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(node, keys, (inner) => {
    if (found) return false;
    if (
      isMemberCall(inner, 'Date', 'now') ||
      isMemberCall(inner, 'performance', 'now') ||
      isMemberCall(inner, 'AbortSignal', 'timeout') ||
      (inner.type === 'NewExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'Date') ||
      (inner.type === 'MemberExpression' && !inner.computed && inner.property.type === 'Identifier' &&
        (inner.property.name === 'aborted' || inner.property.name === 'hrtime' || inner.property.name === 'getTime'))
    ) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

function mentionsCounter(node: Node, ctx: BoundContext): boolean {
  let found = false;
  walkOwn(node, ctx.keys, (inner) => {
    if (found) return false;
    if (inner.type === 'Identifier' || inner.type === 'MemberExpression') {
      const key = nameKey(inner);
      if (key !== null && ctx.counters.has(key)) {
        found = true;
        return false;
      }
      if (key !== null && inner.type === 'MemberExpression') return false;
    }
    return true;
  });
  return found;
}

/** The value a once-bound name was initialised with, followed once; otherwise the node itself. */
function resolveConstant(node: Node, ctx: BoundContext): Node {
  const n = unwrapExpression(node);
  if (n.type !== 'Identifier') return n;
  const init = ctx.imports.constInit(n);
  return init ? unwrapExpression(init) : n;
}

/** A limit a counter is compared with: anything but a "forever" number. */
export function isFiniteLimit(node: Node, ctx: BoundContext): boolean {
  return !isForeverNumber(resolveConstant(node, ctx), ctx.unboundedAbove);
}

/**
 * True when `test` bounds the retry. `mode` says which outcome ends it:
 * `'continueWhenTrue'` for a loop condition or a guard around the retry,
 * `'exitWhenTrue'` for a check whose branch leaves.
 */
export function isBoundingTest(test: Node, ctx: BoundContext, mode: 'continueWhenTrue' | 'exitWhenTrue'): boolean {
  const node = unwrapExpression(test);
  switch (node.type) {
    case 'LogicalExpression': {
      if (node.operator === '??') return false;
      const left = isBoundingTest(node.left, ctx, mode);
      const right = isBoundingTest(node.right, ctx, mode);
      const either = (mode === 'continueWhenTrue') === (node.operator === '&&');
      return either ? left || right : left && right;
    }
    case 'UnaryExpression':
      if (node.operator === '!') return isBoundingTest(node.argument, ctx, mode === 'continueWhenTrue' ? 'exitWhenTrue' : 'continueWhenTrue');
      return false;
    case 'BinaryExpression': {
      if (!COMPARISONS.has(node.operator)) return false;
      if (isDeadlineExpression(node, ctx.keys)) return true;
      if (node.left.type === 'PrivateIdentifier') return false;
      const leftCounter = mentionsCounter(node.left, ctx);
      const rightCounter = mentionsCounter(node.right, ctx);
      if (leftCounter && !rightCounter) return isFiniteLimit(node.right, ctx);
      if (rightCounter && !leftCounter) return isFiniteLimit(node.left, ctx);
      return false;
    }
    case 'UpdateExpression':
      // `while (retries--)`: counts down to 0.
      return mode === 'continueWhenTrue' && node.operator === '--' && mentionsCounter(node.argument, ctx);
    case 'Identifier':
    case 'MemberExpression':
      if (isDeadlineExpression(node, ctx.keys)) return true;
      if (ctx.timerFlags && ctx.timerFlags.has(nameKey(node) ?? '')) return true;
      // `while (retriesLeft)` with `retriesLeft--` in the body.
      return mode === 'continueWhenTrue' && mentionsCounter(node, ctx);
    case 'CallExpression':
      return isDeadlineExpression(node, ctx.keys);
    default:
      return false;
  }
}

/** Names updated as counters: `n++`, `n--`, `n += 1`, `n -= 1`, `n = n + 1`. */
export function collectCounters(region: Node, keys: VisitorKeys, includeNested: boolean): Set<string> {
  const counters = new Set<string>();
  const visit = (node: Node): boolean => {
    if (node.type === 'UpdateExpression') {
      const key = nameKey(node.argument);
      if (key) counters.add(key);
    } else if (node.type === 'AssignmentExpression') {
      const key = nameKey(node.left);
      if (!key) return true;
      if (node.operator === '+=' || node.operator === '-=') counters.add(key);
      else if (node.operator === '=' && node.right.type === 'BinaryExpression' && (node.right.operator === '+' || node.right.operator === '-')) {
        if (nameKey(node.right.left) === key || nameKey(node.right.right) === key) counters.add(key);
      }
    }
    return true;
  };
  (includeNested ? walkAll : walkOwn)(region, keys, visit);
  return counters;
}

/** `signal.throwIfAborted()` anywhere in the region: a deadline that throws. */
export function hasThrowIfAborted(region: Node, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(region, keys, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'throwIfAborted') {
        found = true;
        return false;
      }
    }
    return true;
  });
  return found;
}
