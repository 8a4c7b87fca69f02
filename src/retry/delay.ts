/**
 * Waits between retry attempts: finding them (`await sleep(500)`,
 * `await new Promise((r) => setTimeout(r, ms))`, `setTimeout(retry, ms)`) and
 * classifying the delay expression as none / constant / growing linearly /
 * growing exponentially, capped or not, with jitter or not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import { isFunction } from '../ast/functions';
import { someOwn, type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { calleeName, isMemberCall, nameKey, type Node, statementExpression } from './ast';
import { staticMemberName } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';

export type WaitKind = 'none' | 'constant' | 'linear' | 'unknown' | 'exponential';

export interface WaitInfo {
  kind: WaitKind;
  /** The growing part is bounded by `Math.min(...)`. */
  capped: boolean;
  /** The wait includes randomness (`Math.random()`). */
  jitter: boolean;
  /**
   * A constant wait chosen on purpose rather than a fixed retry interval:
   * `'fromFailure'` when it is computed from the failure (`Retry-After`, a
   * rate-limit window), `'long'` when it is a minute or more with jitter.
   */
  deliberate?: 'fromFailure' | 'long';
}

export const NO_WAIT: WaitInfo = { kind: 'none', capped: false, jitter: false };
const RANK: Record<WaitKind, number> = { none: 0, constant: 1, linear: 2, unknown: 3, exponential: 4 };

/** The better of two waits (the one that grows most). */
export function strongerWait(a: WaitInfo, b: WaitInfo): WaitInfo {
  if (RANK[b.kind] > RANK[a.kind]) return b;
  if (RANK[b.kind] < RANK[a.kind]) return a;
  const merged: WaitInfo = { kind: a.kind, capped: a.capped || b.capped, jitter: a.jitter || b.jitter };
  // Deliberate only when every wait of that kind is.
  if (a.deliberate && b.deliberate) merged.deliberate = a.deliberate === 'long' || b.deliberate === 'long' ? 'long' : 'fromFailure';
  return merged;
}

/**
 * A helper's delay judged where the helper is (`inHelper`), unless the retry
 * grows it where it runs (`whereRetried` linear or exponential: the catch
 * doubles `this.reconnectDelay`, which the helper waits), when the delay
 * reads only what outlives the helper (`outer`: not a local of the helper).
 */
export function grownWhereRetried(outer: boolean, inHelper: WaitInfo, whereRetried: WaitInfo): WaitInfo {
  return outer && (whereRetried.kind === 'exponential' || whereRetried.kind === 'linear') ? strongerWait(inHelper, whereRetried) : inHelper;
}

/**
 * A wait that counts as backoff for `allowUnboundedWithBackoff`: exponential
 * and capped, something we cannot judge, or a randomised wait of a minute or
 * more (one attempt a minute per client is not a flood).
 */
export function isCappedBackoff(wait: WaitInfo): boolean {
  return wait.kind === 'unknown' || (wait.kind === 'exponential' && wait.capped) || (wait.kind === 'constant' && wait.deliberate === 'long');
}

/** What is wrong with a wait for require-retry-backoff: null when it grows (and has jitter when required). */
export function waitProblem(wait: WaitInfo, requireJitter: boolean): 'none' | 'constant' | 'jitter' | null {
  if (wait.kind === 'none') return 'none';
  // A wait computed from the failure (`Retry-After`) or a long randomised one is not a fixed retry interval.
  if (wait.kind === 'constant') return wait.deliberate ? null : 'constant';
  if (requireJitter && wait.kind !== 'unknown' && !wait.jitter) return 'jitter';
  return null;
}

/** Lower-cased names of helpers that wait (`await sleep(ms)`, `await delay(ms)`, `sleepSync(ms)`). */
const SLEEP_NAMES = new Set(['sleep', 'delay', 'wait', 'pause', 'snooze', 'timeout', 'msleep', 'usleep', 'sleepms', 'delayms', 'waitms', 'sleepsync', 'settimeout']);

/**
 * `throttleWait(ms)`, `backoff_wait(ms)`: a name whose last word is "wait", given a length. Not `waitForData`, not
 * a call that does something and then waits for it (`reconnectAndWait()`, `sendThenWait(msg)`), not `acquireNoWait()`.
 */
const WAIT_SUFFIX = /(?<!And|Or|Then|No)(?<=[a-z0-9])Wait$|(?<!_and|_or|_then|_no)_wait$/;

function isSleepName(name: string, argumentCount: number): boolean {
  const lower = name.toLowerCase();
  if (SLEEP_NAMES.has(lower)) return true;
  return lower.endsWith('sleep') || lower.endsWith('delay') || (argumentCount > 0 && WAIT_SUFFIX.test(name));
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
    const name = imports.globalName(callee, TIMER_NAMES);
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
  /**
   * The statement that made the wait when it is awaited later through a
   * name (`retry.wait = delay(ms); await retry.wait;`): where the wait starts.
   */
  stored?: Node;
  /**
   * Where the delay is read when it is not where the wait is: the body of a
   * helper of the file that waits (`await this.timer(5)` whose body waits
   * `seconds * 1000`). A delay read there is the helper's, never edited.
   */
  region?: Node;
  /**
   * A helper that does more than wait (`await onFailure(err)` that logs,
   * then sleeps): a rewrite leaves its call where it is and puts nothing
   * before it.
   */
  doesMore?: boolean;
  /** A delay passed to a helper in its own unit (`this.timer(seconds)` waiting `seconds * 1000`): judged, never edited. */
  keptAsIs?: boolean;
  /** The helper adds randomness to the delay passed. */
  jittered?: boolean;
}

/**
 * `x = delay(ms); ...; await x` / `const x = sleep(ms); await x`: the value a
 * name awaited by `node` was given by an earlier statement of the same block
 * (the last such write before the await's statement), with that statement.
 */
function storedValue(awaited: Node, node: Node): { value: Node; statement: Node } | null {
  const key = nameKey(awaited);
  if (!key) return null;
  let statement: Node = node;
  while (statement.parent && statement.parent.type !== 'BlockStatement' && statement.parent.type !== 'Program' && !isFunction(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (!block || (block.type !== 'BlockStatement' && block.type !== 'Program')) return null;
  const list = block.body as Node[];
  for (let i = list.indexOf(statement) - 1; i >= 0; i--) {
    const s = list[i]!;
    if (s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression' && s.expression.operator === '=' && nameKey(s.expression.left) === key) {
      return { value: s.expression.right, statement: s };
    }
    if (s.type === 'VariableDeclaration') {
      const declarator = s.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === key);
      if (declarator) return declarator.init ? { value: declarator.init, statement: s } : null;
    }
  }
  return null;
}

/**
 * `yield x` in the generator that compiled TypeScript hands to `__awaiter`
 * (`return __awaiter(this, void 0, void 0, function* () {...})`): an `await`.
 */
export function isAwaiterYield(node: Node): node is TSESTree.YieldExpression & { argument: TSESTree.Expression } {
  if (node.type !== 'YieldExpression' || node.delegate || !node.argument) return false;
  let fn: Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn || fn.type !== 'FunctionExpression' || !fn.generator) return false;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[call.arguments.length - 1] !== fn) return false;
  const name = calleeName(call);
  return name !== null && /awaiter$/i.test(name);
}

/** `await Promise.race([...])` / `Promise.any`: a wait of at most some time when it holds a sleep, and a time limit when raced against the work. */
export function isRaceAwait(node: Node): boolean {
  if (node.type !== 'AwaitExpression' && !isAwaiterYield(node)) return false;
  const argument = unwrapExpression((node as TSESTree.AwaitExpression).argument);
  return argument.type === 'CallExpression' && (isMemberCall(argument, 'Promise', 'race') || isMemberCall(argument, 'Promise', 'any'));
}

/** Calls named for an event a sleep is raced against (it ends the sleep early), not for work. */
const EVENT_LIKE = /^(?:once|on|when|closed)$|abort|stop|cancel|signal|wake|^wait|ready|idle|drain|^onclose/i;

/**
 * `await Promise.race([client.open(), delay(5000)])`: a race that holds work (a call that is no wait, or what `isWork`
 * says is work; with `onlyIsWork`, only that) beside its timer is the work's time limit, not a wait between attempts. A race of a sleep against an
 * event (`this.closed`, an abort signal) is a wait of at most that long.
 */
export function raceHoldsWork(node: Node, imports: ImportTracker, keys: VisitorKeys, isWork: (element: Node) => boolean = () => false, onlyIsWork = false): boolean {
  if (!isRaceAwait(node)) return false;
  const race = unwrapExpression((node as TSESTree.AwaitExpression).argument) as TSESTree.CallExpression;
  const list = race.arguments[0];
  if (list?.type !== 'ArrayExpression') return false;
  return list.elements.some((element) => {
    if (!element || element.type === 'SpreadElement') return false;
    const value = unwrapExpression(element);
    if (isWork(value)) return true;
    if (onlyIsWork || value.type !== 'CallExpression') return false;
    // An event, not work: `once(emitter, 'stop')`, `this.waitForStop()`, `abortPromise(signal)`, `closed()`.
    const name = calleeName(value);
    if (name !== null && EVENT_LIKE.test(name)) return false;
    return waitOf(asAwaited(value), imports, keys) === null;
  });
}

/** `value` as if awaited (`return sleep(ms)`, a race element): what `waitOf` reads, without a node in the tree. */
export function asAwaited(value: Node): Node {
  return value.type === 'AwaitExpression' ? value : ({ type: 'AwaitExpression', argument: value, parent: value.parent, range: value.range, loc: value.loc } as Node);
}

/** When `node` is a wait, what it waits for. */
export function waitOf(node: Node, imports: ImportTracker, keys: VisitorKeys): FoundWait | null {
  if (node.type === 'AwaitExpression' || isAwaiterYield(node)) {
    const argument = (node as TSESTree.AwaitExpression).argument;
    // A wait made first and awaited later through a name: judge the call that made it.
    const stored = argument.type === 'Identifier' || argument.type === 'MemberExpression' ? storedValue(argument, node) : null;
    if (stored && stored.value.type === 'CallExpression') {
      const found = waitOf({ ...node, argument: stored.value } as Node, imports, keys);
      return found ? { ...found, node, stored: stored.statement } : null;
    }
    if (argument.type === 'NewExpression' && argument.callee.type === 'Identifier' && argument.callee.name === 'Promise') {
      const executor = argument.arguments[0];
      if (!isFunction(executor)) return null;
      // The timer must settle the promise by resolving it (`setTimeout(resolve, ms)`, `setTimeout(() => r(), ms)`): one
      // that rejects or destroys (`setTimeout(() => reject(new Error('timeout')), ms)`) bounds a wait, it is none.
      const resolveName = executor.params[0]?.type === 'Identifier' ? executor.params[0].name : null;
      // A timer that resolves on some path is a wait (an abortable sleep also removes its listener, or rejects when
      // aborted); one whose callback never resolves bounds a wait instead.
      const resolves = (callback: Node | undefined): boolean => {
        if (!callback || !resolveName) return false;
        const fn = unwrapExpression(callback);
        const isResolve = (n: Node) => n.type === 'Identifier' && n.name === resolveName;
        if (isResolve(fn)) return true;
        // `const finish = () => { clearTimeout(timer); resolve(); }; const timer = setTimeout(finish, ms);`
        if (fn.type === 'Identifier') {
          let local: Node | null = null;
          walkOwn(executor.body, keys, (n) => {
            if (local) return false;
            if (n.type === 'FunctionDeclaration' && n.id?.name === fn.name) local = n;
            else if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === fn.name && n.init && isFunction(n.init)) local = n.init;
            return true;
          });
          const named = local as TSESTree.FunctionLike | null;
          return !!named && !!named.body && someOwn(named.body, keys, (n) => n.type === 'CallExpression' && isResolve(unwrapExpression(n.callee)));
        }
        // `setTimeout(resolve.bind(null), ms)`
        if (fn.type === 'CallExpression' && fn.callee.type === 'MemberExpression' && isResolve(unwrapExpression(fn.callee.object)) && staticMemberName(fn.callee) === 'bind') return true;
        if (!isFunction(fn)) return false;
        return someOwn(fn.body, keys, (n) => n.type === 'CallExpression' && isResolve(unwrapExpression(n.callee)));
      };
      const found: { timer: TSESTree.CallExpression | null } = { timer: null };
      walkOwn(executor.body, keys, (inner) => {
        if (found.timer) return false;
        if (inner.type === 'CallExpression' && timerKind(inner, imports) === 'setTimeout' && resolves(inner.arguments[0])) found.timer = inner;
        return true;
      });
      if (!found.timer) return null;
      return { node, delay: found.timer.arguments[1] ?? null, opaque: false };
    }
    // `await Promise.race([delay(ms), closed()])`, also with the wait made first (`const de = delay(ms)`): waits at most that long.
    if (argument.type === 'CallExpression' && (isMemberCall(argument, 'Promise', 'race') || isMemberCall(argument, 'Promise', 'any')) && argument.arguments[0]?.type === 'ArrayExpression') {
      for (const element of argument.arguments[0].elements) {
        const value = element?.type === 'Identifier' ? imports.constInit(element) : element;
        // `Promise.race([new Promise((r) => setTimeout(r, ms)), abortPromise(signal)])`: the timer's promise.
        if (value?.type === 'NewExpression') {
          const inner = waitOf(asAwaited(value), imports, keys);
          if (inner && !inner.opaque && inner.delay) return { node, delay: inner.delay, opaque: false };
          continue;
        }
        if (value?.type !== 'CallExpression') continue;
        const name = calleeName(value);
        if (name !== null && name !== 'setTimeout' && isSleepName(name, value.arguments.length) && value.arguments.length > 0) return { node, delay: value.arguments[0]!, opaque: false };
      }
      return null;
    }
    if (argument.type === 'CallExpression') {
      const origin = imports.originOf(argument.callee);
      if (origin && origin.module === 'timers/promises' && (origin.path[0] === 'setTimeout' || (origin.path[0] === 'scheduler' && origin.path[1] === 'wait'))) {
        return { node, delay: argument.arguments[0] ?? null, opaque: false };
      }
      const name = calleeName(argument);
      if (name === null) return null;
      if (name.toLowerCase().includes('backoff')) return { node, delay: null, opaque: true };
      if (isSleepName(name, argument.arguments.length)) {
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
    // A `...Wait(ms)` helper not awaited is not taken for a synchronous sleep: 0 arguments keeps the suffix out.
    if (isSleepName(name, 0)) return { node, delay: node.arguments[0] ?? null, opaque: false };
  }
  return null;
}

/**
 * A wait the function makes before it does anything else of note: `await
 * sleep(ms)`, or a promise chain that starts with one
 * (`this._wait().then(() => { this._ws = new WebSocket(url); })`; a leading
 * `_` of the helper's name is ignored). A reconnect whose connect function
 * waits so is judged by that wait.
 */
export function leadingWait(body: Node, imports: ImportTracker, keys: VisitorKeys): FoundWait | null {
  let found: FoundWait | null = null;
  walkOwn(body, keys, (n) => {
    if (found) return false;
    if (n.type === 'AwaitExpression') {
      found = waitOf(n, imports, keys);
      return !found;
    }
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && n.callee.property.name === 'then') {
      const start = n.callee.object;
      if (start.type === 'CallExpression') {
        const name = calleeName(start);
        if (name !== null && name !== 'setTimeout' && isSleepName(name.replace(/^_+/, ''), start.arguments.length)) {
          found = { node: start, delay: start.arguments[0] && start.arguments[0].type !== 'SpreadElement' ? start.arguments[0] : null, opaque: start.arguments.length === 0 };
          return false;
        }
      }
    }
    return true;
  });
  return found;
}

/**
 * The wait awaited right before `node` on its way in its function: a statement of the block around it, or of a
 * block around that, that is itself an awaited wait (`await setTimeout(500); return this.connect();`,
 * `const _ = await sleep(ms)`), given its length. The nearest such wait; none inside a branch or a nested function.
 */
export function waitBefore(node: Node, imports: ImportTracker, keys: VisitorKeys): FoundWait | null {
  for (let n: Node = node, parent = n.parent; parent && !isFunction(n); n = parent, parent = n.parent) {
    if (parent.type !== 'BlockStatement' && parent.type !== 'Program') continue;
    const statements = parent.body as Node[];
    for (let i = statements.indexOf(n) - 1; i >= 0; i--) {
      const statement = statements[i]!;
      const expression = statementExpression(statement);
      if (expression?.type !== 'AwaitExpression') continue;
      const found = waitOf(expression, imports, keys);
      // Only a wait given its length (`await sleep()`, `setTimeout(r)` say nothing of how long it waits).
      if (found && !found.opaque && found.delay) return found;
    }
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

  /** `region`: one node, or several (a retried function and the helpers its reconnect goes through). */
  constructor(region: Node | readonly Node[], keys: VisitorKeys, includeNested: boolean) {
    const regions: readonly Node[] = Array.isArray(region) ? region : [region as Node];
    const visit = (node: Node): boolean => {
      if (!includeNested && !regions.includes(node) && isFunction(node)) return false;
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
    for (const r of regions) (includeNested ? walkAll : walkOwn)(r, keys, visit);
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

/** A comparable key of a simple delay (`1000`, `reconnectTime`, `this.delay`), or null. */
function delayKey(node: Node | null | undefined): string | null {
  if (!node) return '0';
  if (node.type === 'Literal') return typeof node.value === 'number' ? String(node.value) : null;
  return nameKey(node);
}

const TIMER_OR_SLEEP = /^(setTimeout|setInterval)$|sleep$|delay$|^wait$|^pause$/i;

/** The delay argument of a wait call in a branch (`setTimeout(f, 2000)`, `sleep(2000)`, `setInterval(tick, 1000)`). */
function branchWaitDelays(branch: Node, keys: VisitorKeys): (string | null)[] {
  const found: (string | null)[] = [];
  walkOwn(branch, keys, (n) => {
    if (n.type === 'CallExpression') {
      const name = calleeName(n);
      if (name && TIMER_OR_SLEEP.test(name)) {
        found.push(delayKey(/^set(Timeout|Interval)$/.test(name) ? n.arguments[1] : n.arguments[0]));
        return false;
      }
    }
    return true;
  });
  return found;
}

/**
 * A stepped schedule by attempt count: the wait sits in one branch of an
 * `if` / `else if` chain whose test reads a value that changes between
 * attempts (`if (n < 10) setTimeout(f, 1000); else if (n < 20) setTimeout(f, 2000); else ...`),
 * and another branch of that chain waits a different time. The wait grows.
 */
function isSteppedByBranches(delay: Node, ctx: DelayContext): boolean {
  const own = delayKey(delay);
  if (own === null) return false;
  let child: Node = delay;
  let node: Node | undefined = delay.parent;
  while (node && !isFunction(node)) {
    if (node.type === 'IfStatement' && (node.consequent === child || node.alternate === child) && readsAttemptCount(node.test, ctx)) {
      let top: TSESTree.IfStatement = node;
      while (top.parent?.type === 'IfStatement' && top.parent.alternate === top) top = top.parent;
      const delays: (string | null)[] = [];
      for (let branch: TSESTree.Statement | null = top; branch; ) {
        if (branch.type === 'IfStatement') {
          delays.push(...branchWaitDelays(branch.consequent, ctx.keys));
          branch = branch.alternate;
        } else {
          delays.push(...branchWaitDelays(branch, ctx.keys));
          branch = null;
        }
      }
      if (delays.some((d) => d !== null && d !== own)) return true;
    }
    child = node;
    node = node.parent;
  }
  return false;
}

/** The test reads an attempt count: a name that is counted up or down (`n++`, `n += 1`, `n = n + 1`), not a flag. */
function readsAttemptCount(test: Node, ctx: DelayContext): boolean {
  let found = false;
  walkOwn(test, ctx.keys, (inner) => {
    if (found) return false;
    if (inner.type === 'Identifier' || inner.type === 'MemberExpression') {
      const key = nameKey(inner);
      if (key !== null) {
        const counted = (ctx.writes.writes.get(key) ?? []).some(
          (w) =>
            w.kind === 'update' ||
            (w.kind === 'compound' && (w.operator === '+=' || w.operator === '-=')) ||
            (w.kind === 'assign' && !!w.value && w.value.type === 'BinaryExpression' && (w.value.operator === '+' || w.value.operator === '-') && (refersTo(w.value.left, key, ctx.keys) || refersTo(w.value.right, key, ctx.keys))),
        );
        if (counted) found = true;
        return inner.type === 'MemberExpression' ? false : !found;
      }
    }
    return true;
  });
  return found;
}

/** Names and texts that say a wait is computed from the failure: `Retry-After`, a rate-limit window. */
const FROM_FAILURE = /retry[-_]?after|rate[-_]?limit/i;

function readsFailureWindow(node: Node, ctx: DelayContext, depth: number): boolean {
  if (depth > 4) return false;
  let found = false;
  walkOwn(node, ctx.keys, (inner) => {
    if (found) return false;
    if (inner.type === 'Identifier' && FROM_FAILURE.test(inner.name)) found = true;
    else if (inner.type === 'Literal' && typeof inner.value === 'string' && FROM_FAILURE.test(inner.value)) found = true;
    else if (inner.type === 'Identifier' || inner.type === 'MemberExpression') {
      const key = nameKey(inner);
      if (key !== null) {
        for (const w of ctx.writes.writes.get(key) ?? []) if (w.value && readsFailureWindow(w.value, ctx, depth + 1)) found = true;
      }
    }
    return !found;
  });
  return found;
}

/** The numeric value of a constant expression (`60000`, `60 * 1000`, a name bound once to one), or null. */
function constantNumber(node: Node, ctx: DelayContext, depth = 0): number | null {
  if (depth > 4) return null;
  if (node.type === 'Literal') return typeof node.value === 'number' ? node.value : null;
  if (node.type === 'BinaryExpression' && (node.operator === '*' || node.operator === '+')) {
    const left = constantNumber(node.left, ctx, depth + 1);
    const right = constantNumber(node.right, ctx, depth + 1);
    if (left === null || right === null) return null;
    return node.operator === '*' ? left * right : left + right;
  }
  if (node.type === 'Identifier') {
    const writes = ctx.writes.writes.get(node.name) ?? [];
    if (writes.length === 1 && writes[0]!.kind === 'init' && writes[0]!.value) return constantNumber(writes[0]!.value, ctx, depth + 1);
  }
  return null;
}

const LONG_WAIT_MS = 60_000;

/** A wait of a minute or more: some constant part of the delay is at least 60 000 ms. */
function hasLongPart(delay: Node, ctx: DelayContext): boolean {
  let found = false;
  walkOwn(delay, ctx.keys, (inner) => {
    if (found) return false;
    const value = constantNumber(inner, ctx);
    if (value !== null && value >= LONG_WAIT_MS) found = true;
    return !found;
  });
  return found;
}

/** Classifies the delay of one wait. */
export function classifyDelay(delay: Node | null, ctx: DelayContext, depth = 0): WaitInfo {
  const result = classifyDelayExpression(delay, ctx, depth);
  if (result.kind !== 'constant' || !delay || depth > 0) return result;
  if (isSteppedByBranches(delay, ctx)) return { kind: 'linear', capped: true, jitter: result.jitter };
  if (readsFailureWindow(delay, ctx, 0)) return { ...result, deliberate: 'fromFailure' };
  if (result.jitter && hasLongPart(delay, ctx)) return { ...result, deliberate: 'long' };
  return result;
}

function classifyDelayExpression(delay: Node | null, ctx: DelayContext, depth: number): WaitInfo {
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
    // A stepped schedule by attempt count (`n < 10 ? 1000 : n < 20 ? 2000 : 60000`): grows.
    if (node.type === 'ConditionalExpression' && isVarying(node.test, ctx, depth) && delayKey(node.consequent) !== delayKey(node.alternate)) {
      raise({ kind: 'linear', capped: true, jitter });
      return true;
    }
    if (node.type === 'CallExpression') {
      if (isMemberCall(node, 'Math', 'pow')) {
        const exponent = (node as TSESTree.CallExpression).arguments[1];
        if (exponent && isVarying(exponent, ctx, depth)) raise({ kind: 'exponential', capped, jitter });
        return true;
      }
      if (isMemberCall(node, 'Math', 'exp')) {
        const exponent = (node as TSESTree.CallExpression).arguments[0];
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
        for (const w of changing) if (w.value && depth < 4) raise(classifyDelayExpression(w.value, ctx, depth + 1));
      } else if (depth < 4) {
        for (const w of writes) {
          if (w.value) {
            const inner = classifyDelayExpression(w.value, ctx, depth + 1);
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
