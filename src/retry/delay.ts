/**
 * Waits between retry attempts: finding them (`await sleep(500)`,
 * `await new Promise((r) => setTimeout(r, ms))`, `setTimeout(retry, ms)`) and
 * classifying the delay expression as none / constant / growing linearly /
 * growing exponentially, capped or not, with jitter or not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import { isFunction } from '../ast/functions';
import { type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { calleeName, isMemberCall, nameKey, type Node } from './ast';

export type WaitKind = 'none' | 'constant' | 'linear' | 'unknown' | 'exponential';

export interface WaitInfo {
  kind: WaitKind;
  /** The growing part is bounded by `Math.min(...)`. */
  capped: boolean;
  /** The wait includes randomness (`Math.random()`). */
  jitter: boolean;
}

export const NO_WAIT: WaitInfo = { kind: 'none', capped: false, jitter: false };
const RANK: Record<WaitKind, number> = { none: 0, constant: 1, linear: 2, unknown: 3, exponential: 4 };

/** The better of two waits (the one that grows most). */
export function strongerWait(a: WaitInfo, b: WaitInfo): WaitInfo {
  if (RANK[b.kind] > RANK[a.kind]) return b;
  if (RANK[b.kind] < RANK[a.kind]) return a;
  return { kind: a.kind, capped: a.capped || b.capped, jitter: a.jitter || b.jitter };
}

/** A wait that counts as backoff for `allowUnboundedWithBackoff`: exponential and capped, or something we cannot judge. */
export function isCappedBackoff(wait: WaitInfo): boolean {
  return wait.kind === 'unknown' || (wait.kind === 'exponential' && wait.capped);
}

/** What is wrong with a wait for require-retry-backoff: null when it grows (and has jitter when required). */
export function waitProblem(wait: WaitInfo, requireJitter: boolean): 'none' | 'constant' | 'jitter' | null {
  if (wait.kind === 'none') return 'none';
  if (wait.kind === 'constant') return 'constant';
  if (requireJitter && wait.kind !== 'unknown' && !wait.jitter) return 'jitter';
  return null;
}

/** Lower-cased names of helpers that wait (`await sleep(ms)`, `await delay(ms)`, `sleepSync(ms)`). */
const SLEEP_NAMES = new Set(['sleep', 'delay', 'wait', 'pause', 'snooze', 'timeout', 'msleep', 'usleep', 'sleepms', 'delayms', 'waitms', 'sleepsync', 'settimeout']);

function isSleepName(name: string): boolean {
  const lower = name.toLowerCase();
  if (SLEEP_NAMES.has(lower)) return true;
  return lower.endsWith('sleep') || lower.endsWith('delay');
}

const TIMER_NAMES = new Set(['setTimeout', 'setImmediate', 'queueMicrotask']);

/** `setTimeout(...)`, `setImmediate(...)`, `queueMicrotask(...)` (globals) and `process.nextTick(...)`. */
export function timerKind(call: TSESTree.CallExpression, imports: ImportTracker): 'setTimeout' | 'immediate' | null {
  const callee = call.callee;
  if (callee.type === 'Identifier' && TIMER_NAMES.has(callee.name) && imports.isGlobal(callee)) {
    return callee.name === 'setTimeout' ? 'setTimeout' : 'immediate';
  }
  if (isMemberCall(call, 'process', 'nextTick')) return 'immediate';
  if (callee.type === 'MemberExpression') {
    // `window.setTimeout`, `globalThis.setImmediate`: the tracker resolves globals reached through the global object.
    const name = imports.globalName(callee);
    if (name !== null && TIMER_NAMES.has(name)) return name === 'setTimeout' ? 'setTimeout' : 'immediate';
  }
  return null;
}

export interface FoundWait {
  /** The expression that waits (the `await`, or the sleep call). */
  node: Node;
  /** The delay expression; null when the wait has none (0 ms). */
  delay: Node | null;
  /** A wait whose length we cannot judge (`await backoff.next()`). */
  opaque: boolean;
}

/** When `node` is a wait, what it waits for. */
export function waitOf(node: Node, imports: ImportTracker, keys: VisitorKeys): FoundWait | null {
  if (node.type === 'AwaitExpression') {
    const argument = node.argument;
    if (argument.type === 'NewExpression' && argument.callee.type === 'Identifier' && argument.callee.name === 'Promise') {
      const executor = argument.arguments[0];
      if (!isFunction(executor)) return null;
      const found: { timer: TSESTree.CallExpression | null } = { timer: null };
      walkOwn(executor.body, keys, (inner) => {
        if (found.timer) return false;
        if (inner.type === 'CallExpression' && timerKind(inner, imports) === 'setTimeout') found.timer = inner;
        return true;
      });
      if (!found.timer) return null;
      return { node, delay: found.timer.arguments[1] ?? null, opaque: false };
    }
    if (argument.type === 'CallExpression') {
      const origin = imports.originOf(argument.callee);
      if (origin && origin.module === 'timers/promises' && (origin.path[0] === 'setTimeout' || (origin.path[0] === 'scheduler' && origin.path[1] === 'wait'))) {
        return { node, delay: argument.arguments[0] ?? null, opaque: false };
      }
      const name = calleeName(argument);
      if (name === null) return null;
      if (name.toLowerCase().includes('backoff')) return { node, delay: null, opaque: true };
      if (isSleepName(name)) {
        if (name === 'setTimeout' && argument.callee.type === 'Identifier' && imports.isGlobal(argument.callee)) return null;
        // `await limiter.wait()`: a wait with no length given is not ours to judge (or remove).
        if (argument.arguments.length === 0) return { node, delay: null, opaque: true };
        return { node, delay: argument.arguments[0] ?? null, opaque: false };
      }
    }
    return null;
  }
  // A synchronous sleep (`sleepSync(100)`, `Atomics.wait(...)`) not awaited.
  if (node.type === 'CallExpression' && node.parent?.type === 'ExpressionStatement') {
    const name = calleeName(node);
    if (name === null) return null;
    if (isMemberCall(node, 'Atomics', 'wait')) return { node, delay: node.arguments[3] ?? null, opaque: false };
    if (name === 'setTimeout' || name === 'delay' || name === 'timeout' || name === 'wait') return null;
    if (isSleepName(name)) return { node, delay: node.arguments[0] ?? null, opaque: false };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Classifying a delay expression.

interface Write {
  /** `init` (declaration), `assign` (`=`), `compound` (`*=`, `+=`), `update` (`++`). */
  kind: 'init' | 'assign' | 'compound' | 'update';
  operator: string;
  value: Node | null;
}

/** Every write to a simple name chain inside a region (own code, or with nested functions). */
export class RegionWrites {
  readonly writes = new Map<string, Write[]>();

  constructor(region: Node, keys: VisitorKeys, includeNested: boolean) {
    const visit = (node: Node): boolean => {
      if (!includeNested && node !== region && isFunction(node)) return false;
      switch (node.type) {
        case 'VariableDeclarator':
          if (node.id.type === 'Identifier') this.add(node.id.name, { kind: 'init', operator: '=', value: node.init ?? null });
          break;
        case 'AssignmentExpression': {
          const key = nameKey(node.left);
          if (key) this.add(key, { kind: node.operator === '=' ? 'assign' : 'compound', operator: node.operator, value: node.right });
          break;
        }
        case 'UpdateExpression': {
          const key = nameKey(node.argument);
          if (key) this.add(key, { kind: 'update', operator: node.operator, value: null });
          break;
        }
      }
      return true;
    };
    (includeNested ? walkAll : walkOwn)(region, keys, visit);
  }

  private add(key: string, write: Write): void {
    const list = this.writes.get(key);
    if (list) list.push(write);
    else this.writes.set(key, [write]);
  }

  /** Names changed by a non-declaration write (counters, growing delays). */
  changed(key: string): boolean {
    return (this.writes.get(key) ?? []).some((w) => w.kind !== 'init');
  }
}

function refersTo(node: Node, key: string, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(node, keys, (inner) => {
    if (found) return false;
    if ((inner.type === 'Identifier' || inner.type === 'MemberExpression') && nameKey(inner) === key) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

export interface DelayContext {
  keys: VisitorKeys;
  writes: RegionWrites;
  /** Names that change between attempts for another reason (recursion parameters passed changed). */
  varying: ReadonlySet<string>;
}

/** True when the value of `node` changes from one attempt to the next. */
function isVarying(node: Node, ctx: DelayContext, depth: number): boolean {
  if (depth > 4) return false;
  let found = false;
  walkOwn(node, ctx.keys, (inner) => {
    if (found) return false;
    if (inner.type === 'Identifier' || inner.type === 'MemberExpression') {
      const key = nameKey(inner);
      if (key !== null) {
        if (ctx.varying.has(key) || ctx.writes.changed(key)) {
          found = true;
          return false;
        }
        const inits = (ctx.writes.writes.get(key) ?? []).filter((w) => w.kind === 'init' && w.value);
        if (inits.some((w) => isVarying(w.value!, ctx, depth + 1))) {
          found = true;
          return false;
        }
        return inner.type === 'MemberExpression' ? false : true;
      }
    }
    return true;
  });
  return found;
}

const GROWTH_OPERATORS = new Set(['*', '**', '<<']);

/** `delay *= 2`, `delay = delay * 2`, `delay = Math.min(delay * 2, max)`: grows exponentially. */
function isSelfMultiplying(key: string, write: Write, keys: VisitorKeys): boolean {
  if (write.kind === 'compound') return write.operator === '*=' || write.operator === '<<=' || write.operator === '**=';
  if (write.kind !== 'assign' || !write.value) return false;
  let found = false;
  walkOwn(write.value, keys, (inner) => {
    if (found) return false;
    if (inner.type === 'BinaryExpression' && GROWTH_OPERATORS.has(inner.operator)) {
      if (refersTo(inner.left, key, keys) || refersTo(inner.right, key, keys)) {
        const other = refersTo(inner.left, key, keys) ? inner.right : inner.left;
        if (!(other.type === 'Literal' && (other.value === 1 || other.value === 0))) {
          found = true;
          return false;
        }
      }
    }
    return true;
  });
  return found;
}

function hasCall(node: Node, keys: VisitorKeys, test: (call: TSESTree.CallExpression) => boolean): boolean {
  let found = false;
  walkOwn(node, keys, (inner) => {
    if (found) return false;
    if (inner.type === 'CallExpression' && test(inner)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

function isRandomCall(call: TSESTree.CallExpression): boolean {
  if (isMemberCall(call, 'Math', 'random')) return true;
  const name = calleeName(call);
  return !!name && (name.toLowerCase().includes('random') || name.toLowerCase().includes('jitter'));
}

/** Classifies the delay of one wait. */
export function classifyDelay(delay: Node | null, ctx: DelayContext, depth = 0): WaitInfo {
  if (!delay) return { kind: 'constant', capped: false, jitter: false };
  let result: WaitInfo = { kind: 'constant', capped: false, jitter: false };
  const raise = (info: WaitInfo) => {
    result = strongerWait(result, info);
  };
  const capped = hasCall(delay, ctx.keys, (call) => isMemberCall(call, 'Math', 'min'));
  const jitter = hasCall(delay, ctx.keys, isRandomCall);
  walkOwn(delay, ctx.keys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === 'BinaryExpression' && (node.operator === '**' || node.operator === '<<')) {
      if (isVarying(node.right, ctx, depth)) raise({ kind: 'exponential', capped, jitter });
      return true;
    }
    if (node.type === 'CallExpression') {
      if (isMemberCall(node, 'Math', 'pow')) {
        const exponent = (node as TSESTree.CallExpression).arguments[1];
        if (exponent && isVarying(exponent, ctx, depth)) raise({ kind: 'exponential', capped, jitter });
        return true;
      }
      const callee = node.callee.type === 'MemberExpression' ? node.callee.object : null;
      if (callee && callee.type === 'Identifier' && callee.name === 'Math') return true;
      // Some other function computes the delay: we cannot judge it.
      if (node.arguments.length === 0 || node.arguments.some((arg) => isVarying(arg, ctx, depth))) {
        raise({ kind: 'unknown', capped, jitter });
      }
      return true;
    }
    if (node.type === 'Identifier' || node.type === 'MemberExpression') {
      const key = nameKey(node);
      if (key === null) return true;
      const writes = ctx.writes.writes.get(key) ?? [];
      const changing = writes.filter((w) => w.kind !== 'init');
      if (changing.some((w) => isSelfMultiplying(key, w, ctx.keys))) {
        const writeCapped = changing.some((w) => !!w.value && hasCall(w.value, ctx.keys, (call) => isMemberCall(call, 'Math', 'min')));
        const writeJitter = changing.some((w) => !!w.value && hasCall(w.value, ctx.keys, isRandomCall));
        raise({ kind: 'exponential', capped: capped || writeCapped, jitter: jitter || writeJitter });
      } else if (changing.length > 0 || ctx.varying.has(key)) {
        raise({ kind: 'linear', capped, jitter });
        for (const w of changing) if (w.value && depth < 4) raise(classifyDelay(w.value, ctx, depth + 1));
      } else if (depth < 4) {
        for (const w of writes) {
          if (w.value) {
            const inner = classifyDelay(w.value, ctx, depth + 1);
            raise({ ...inner, capped: inner.capped || capped, jitter: inner.jitter || jitter });
          }
        }
      }
      return node.type === 'MemberExpression' ? false : true;
    }
    return true;
  });
  if (result.kind === 'constant') return { kind: 'constant', capped, jitter };
  return { ...result, capped: result.capped || capped, jitter: result.jitter || jitter };
}
