/**
 * Is a retry bounded? A counter that changes on every attempt compared
 * against a finite limit, or a deadline, in a test whose outcome ends the
 * retry (the loop condition, or a check whose branch leaves).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import { isNothing } from '../ast/nothing';
import { findVariable } from '../ast/scope';
import { staticKeyName, staticMemberName } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import { contains, someAll, someOwn, type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { alwaysLeaves, calleeName, type FlowContext, isForeverNumber, isLogCall, isMemberCall, nameKey, type Node, statementFlow } from './ast';
import { ownReturns, sameFileCallee } from './exhaustion';
import { rootName } from './sorting';
import { type FunctionNode, isFunction, parameterName } from '../ast/functions';

export interface BoundContext {
  keys: VisitorKeys;
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ImportTracker;
  /** Names that move on every attempt (`attempt`, `retries`, `this.tries`). */
  counters: ReadonlySet<string>;
  /** Flags a timer sets (`setTimeout(() => { timedOut = true }, ms)`): deadlines. */
  timerFlags?: ReadonlySet<string>;
  unboundedAbove: number;
  /** Where the retry runs again (the loop body): a flag re-armed there is not used up. */
  retryRegion?: Node;
  /**
   * What runs again with every attempt (the loop body, the re-run function): a deadline whose other side is
   * written there (`deadline = Date.now() + 5000` in the catch, `this.startedAt = Date.now()` in `connect()`)
   * moves with each attempt and bounds nothing.
   */
  restartRegion?: Node;
  /** Names bound to a retry policy's answer about the failure (`policyAnswerNames`): a test of them ends the retry. */
  policyAnswers?: ReadonlySet<string>;
  /** Names bound to the answer of a call handed the attempt count (`counterAnswerNames`): any test of them ends the retry. */
  counterAnswers?: ReadonlySet<string>;
  /** Those of them given by a callee the file cannot see and not named for a retry policy: only a verdict test ends it. */
  weakCounterAnswers?: ReadonlySet<string>;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);

/**
 * A call that reads a clock through a helper: `now()`, `clock.now()`,
 * `processTimeMS()`, `getCurrentTime()`, `nowMs()`, with no arguments.
 */
function isClockHelperCall(node: Node): boolean {
  if (node.type !== 'CallExpression' || node.arguments.length > 0) return false;
  const name = calleeName(node);
  return name !== null && /^now([A-Z]\w*)?$|Now$|Time(MS|Ms|Millis)$|^(hrtime|uptime|timestamp|getTimestamp|currentTime|getCurrentTime|monotonicTime)$/.test(name);
}

/** True when an expression reads a clock or an abort signal. */
export function isDeadlineExpression(node: Node, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(node, keys, (inner) => {
    if (found) return false;
    if (
      isClockHelperCall(inner) ||
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

/** A name the deadline test reads is declared or written from the clock in `ctx.restartRegion` (see `eachRestart`): it moves. */
function movesWithAttempts(test: Node, ctx: BoundContext): boolean {
  if (!ctx.restartRegion) return false;
  const names = new Set<string>();
  walkOwn(test, ctx.keys, (inner) => {
    if (inner.type === 'Identifier' || inner.type === 'MemberExpression') {
      const key = nameKey(inner);
      if (key !== null) names.add(key);
      return inner.type !== 'MemberExpression';
    }
    return true;
  });
  let moves = false;
  // Only a value read from the clock moves (`deadline = Date.now() + 5000`); a budget (`const maxElapsed = 30000`) does not.
  eachRestart(ctx.restartRegion, ctx.keys, (node) => {
    const value = node.type === 'AssignmentExpression' ? node.right : node.init;
    const name = node.type === 'AssignmentExpression' ? nameKey(node.left) : node.id.type === 'Identifier' ? node.id.name : null;
    if (name !== null && names.has(name) && value && isDeadlineExpression(value, ctx.keys)) moves = true;
  });
  return moves;
}

/**
 * The initializer of an elapsed-time name: `elapsed` in
 * `const elapsed = Date.now() - start` (a clock read less a reference that is
 * not one), so that `if (elapsed > maxElapsedTime) throw err` is read as
 * `if (Date.now() - start > maxElapsedTime)`. Not a deadline computed from the
 * clock (`const deadline = Date.now() + 5000`), which a test compares with a
 * later clock read and which the test's own names already judge, and not a
 * const declared outside what runs again (before the loop: it never moves).
 */
function elapsedInit(node: Node, ctx: BoundContext): Node | null {
  const n = unwrapExpression(node);
  const region = ctx.retryRegion ?? ctx.restartRegion;
  if (n.type !== 'Identifier' || !region) return null;
  const init = ctx.imports.constInit(n);
  // Read again with each attempt: a const declared where the retry runs again (one declared before the loop is frozen).
  if (!init || !contains(region, init)) return null;
  const value = unwrapExpression(init);
  if (value.type !== 'BinaryExpression' || value.operator !== '-') return null;
  return isDeadlineExpression(value.left, ctx.keys) && !isDeadlineExpression(value.right, ctx.keys) ? value : null;
}

/** With the counter on the left: the comparisons that, when true, mean it has reached its limit (exit) or not yet (continue). */
const UPWARD_STOPS: Record<'continueWhenTrue' | 'exitWhenTrue', ReadonlySet<string>> = {
  exitWhenTrue: new Set(['>=', '>', '===', '==']),
  continueWhenTrue: new Set(['<', '<=', '!==', '!=']),
};
/** The same with the counter on the right (`10 <= attempts`). */
const UPWARD_STOPS_TURNED: Record<'continueWhenTrue' | 'exitWhenTrue', ReadonlySet<string>> = {
  exitWhenTrue: new Set(['<=', '<', '===', '==']),
  continueWhenTrue: new Set(['>', '>=', '!==', '!=']),
};

/** The counter a test only checks for presence: `retries`, `!retries`, `this.retries != null`; null otherwise. */
function presenceTestedCounter(node: Node, ctx: BoundContext): string | null {
  const test = unwrapExpression(node);
  if (test.type === 'UnaryExpression' && test.operator === '!') return presenceTestedCounter(test.argument, ctx);
  let subject: Node = test;
  if (test.type === 'BinaryExpression' && (test.operator === '!=' || test.operator === '!==' || test.operator === '==' || test.operator === '===')) {
    if (isNothing(test.right)) subject = test.left;
    else if (isNothing(test.left)) subject = test.right;
    else return null;
  }
  if (subject.type !== 'Identifier' && subject.type !== 'MemberExpression') return null;
  const key = nameKey(subject);
  return key !== null && ctx.counters.has(key) ? key : null;
}

function mentionsKey(node: Node, key: string, ctx: BoundContext): boolean {
  return someOwn(node, ctx.keys, (inner) => (inner.type === 'Identifier' || inner.type === 'MemberExpression') && nameKey(inner) === key);
}

/** The value a once-bound name was initialised with, followed once; otherwise the node itself. */
function resolveConstant(node: Node, ctx: BoundContext): Node {
  const n = unwrapExpression(node);
  // `DEFAULT.maxRetries` with `const DEFAULT = { maxRetries: Infinity, ... }`: the property's value, the last one
  // written. A spread after it (`{ retries: Infinity, ...options }`) may replace it: the property is the fallback,
  // as in `options.retries ?? Infinity`.
  if (n.type === 'MemberExpression' && n.object.type === 'Identifier') {
    const key = staticMemberName(n);
    const object = ctx.imports.constInit(n.object);
    const owner = object ? unwrapExpression(object) : null;
    if (key === null || owner?.type !== 'ObjectExpression') return n;
    const property = owner.properties.findLast((p) => p.type === 'Property' && staticKeyName(p.key, p.computed) === key);
    return property?.type === 'Property' ? unwrapExpression(property.value as Node) : n;
  }
  if (n.type !== 'Identifier') return n;
  const init = ctx.imports.constInit(n);
  return init ? unwrapExpression(init) : n;
}

/**
 * A "forever" number, also as the fallback of a default (`max || Infinity`,
 * `max ?? Infinity`, compiled `max !== null && max !== void 0 ? max : Infinity`):
 * when the option is not given there is no limit.
 */
function isForeverValue(node: Node, ctx: BoundContext, depth = 0, unboundedAbove = ctx.unboundedAbove): boolean {
  const n = resolveConstant(node, ctx);
  if (isForeverNumber(n, unboundedAbove)) return true;
  if (depth > 3) return false;
  // `{ maxRetries = Infinity } = {}`, `(maxRetryTime = Infinity) => ...`, `const { retries = Infinity } = opts`:
  // the default is the fallback when the option is not given, as in `opts.maxRetries ?? Infinity`.
  const fallback = n.type === 'Identifier' ? destructuringDefault(n, ctx) : null;
  if (fallback) return isForeverValue(fallback, ctx, depth + 1, unboundedAbove);
  if (n.type === 'LogicalExpression' && (n.operator === '||' || n.operator === '??')) return isForeverValue(n.right, ctx, depth + 1, unboundedAbove) || isForeverValue(n.left, ctx, depth + 1, unboundedAbove);
  // Compiled `??`: `(_a = max) !== null && _a !== void 0 ? _a : Infinity` (the fallback when the value is missing, not `n === -1 ? Infinity : n`).
  if (n.type === 'ConditionalExpression' && testsMissing(n.test, ctx.keys)) {
    // `max === void 0 ? DEFAULT.maxRetries : max` (compiled destructuring defaults), `max === null || max === undefined ? Infinity : max`: the fallback comes first.
    const equality = (t: Node): boolean =>
      (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==')) || (t.type === 'LogicalExpression' && t.operator === '||' && equality(t.left) && equality(t.right));
    const missingFirst = equality(unwrapExpression(n.test));
    return isForeverValue(missingFirst ? n.consequent : n.alternate, ctx, depth + 1, unboundedAbove);
  }
  return false;
}

/**
 * The default of a name bound once by a parameter or destructuring default (`{ max = Infinity } = {}`,
 * `(max = 5) => ...`, `const { max = 5 } = opts`) and never written again; otherwise null.
 */
function destructuringDefault(identifier: TSESTree.Identifier, ctx: BoundContext): Node | null {
  const variable = ctx.imports.variableOf(identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const name = variable.defs[0]!.name;
  const pattern = name.parent;
  if (pattern?.type !== 'AssignmentPattern' || pattern.left !== name) return null;
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== name)) return null;
  return pattern.right;
}

/**
 * A test that checks a value against `null` / `undefined` / `void 0`.
 * Unlike `testsNoAnswer`: any comparison with nothing anywhere in the test, of any value, either way (`===` or `!==`).
 */
function testsMissing(test: Node, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(test, keys, (n) => {
    if (found) return false;
    if (n.type === 'BinaryExpression' && ['!==', '!=', '===', '=='].includes(n.operator)) {
      const sides = [n.left, n.right].map((side) => unwrapExpression(side as Node));
      if (sides.some(isNothing)) found = true;
    }
    return !found;
  });
  return found;
}

/**
 * Milliseconds that mean "forever" in a time budget: `unboundedAbove` counts attempts, so a budget is forever only from
 * the largest exact integer up (`9007199254740991`, `1.7976931348623157e308` written out, like `Number.MAX_SAFE_INTEGER`).
 */
const TIME_FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * False for a comparison that only decides something on the way (`if (elapsed > slowMs) console.warn(...)`): the test
 * of an `if` (also inside `&&`, `||`, `!` and parentheses) neither of whose branches leaves or goes round.
 */
function endsWhenTested(comparison: Node): boolean {
  let node: Node = comparison;
  let parent = node.parent;
  while (parent && (parent.type === 'LogicalExpression' || (parent.type === 'UnaryExpression' && parent.operator === '!') || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression')) {
    node = parent;
    parent = node.parent;
  }
  if (parent?.type !== 'IfStatement' || parent.test !== node) return true;
  const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
  const decides = (branch: TSESTree.Statement | null | undefined) => {
    if (!branch) return false;
    const flow = statementFlow(branch, flowCtx);
    return flow.exit || flow.cont;
  };
  return decides(parent.consequent) || decides(parent.alternate);
}

/** A limit the code already checks that is unbounded only when an option is not given. */
export interface FallbackLimit {
  /** As written: `maxRetries`, `opts.maxRetryTime`. */
  text: string;
  /** A time budget an elapsed time is compared with, not an attempt count. */
  time: boolean;
}

/**
 * The limits a counter of `region` (or an elapsed time, `Date.now() - start`) is compared with that are unbounded
 * only through a fallback (`const max = opts.maxRetries ?? Infinity`, `max || Infinity`, the compiled `??`,
 * `{ maxRetries = Infinity } = {}`): the code already counts, and a caller can bound it by passing the option.
 * Returns the limits in source order, without repeats.
 */
export function fallbackLimits(region: Node, ctx: BoundContext): FallbackLimit[] {
  const found: FallbackLimit[] = [];
  walkOwn(region, ctx.keys, (node) => {
    if (node.type !== 'BinaryExpression' || !COMPARISONS.has(node.operator) || node.left.type === 'PrivateIdentifier') return true;
    // Only a check that ends the retry (`if (attempt >= max) throw err`, a loop condition), not one that logs (`if (elapsed > slowMs) warn()`).
    if (!endsWhenTested(node)) return true;
    // A time budget (`elapsed > maxRetryTime` with `const elapsed = Date.now() - start`) is a limit in milliseconds,
    // and none when the start is read again at each attempt.
    const leftInit = elapsedInit(node.left, ctx);
    const rightInit = leftInit ? null : elapsedInit(node.right, ctx);
    if ((leftInit ?? rightInit) && movesWithAttempts((leftInit ?? rightInit)!, ctx)) return true;
    const leftElapsed = leftInit !== null;
    const rightElapsed = rightInit !== null;
    const leftCounter = leftElapsed || (!rightElapsed && mentionsCounter(node.left, ctx));
    const rightCounter = rightElapsed || (!leftElapsed && mentionsCounter(node.right, ctx));
    if (leftCounter === rightCounter) return true;
    const limit = (leftCounter ? node.right : node.left) as Node;
    const time = leftElapsed || rightElapsed;
    const above = time ? TIME_FOREVER : ctx.unboundedAbove;
    // Forever only as a fallback: the limit itself is not a forever number.
    if (isForeverValue(limit, ctx, 0, above) && !isForeverNumber(resolveConstant(limit, ctx), above)) {
      const text = ctx.sourceCode.getText(limit);
      if (!found.some((seen) => seen.text === text)) found.push({ text, time });
    }
    return true;
  });
  return found;
}

/**
 * A limit a counter is compared with: anything but a "forever" number. A time budget in milliseconds is given
 * `TIME_FOREVER` as its `unboundedAbove`, which counts attempts.
 */
export function isFiniteLimit(node: Node, ctx: BoundContext, unboundedAbove = ctx.unboundedAbove): boolean {
  return !isForeverValue(node, ctx, 0, unboundedAbove);
}

/** A finite number the file shows: a literal, or a `const` initialised with one, below `unboundedAbove`. */
function readableLimit(node: Node, ctx: BoundContext): boolean {
  const value = resolveConstant(node, ctx);
  return value.type === 'Literal' && typeof value.value === 'number' && Number.isFinite(value.value) && value.value < ctx.unboundedAbove;
}

/**
 * True when `test` bounds the retry. `mode` says which outcome ends it:
 * `'continueWhenTrue'` for a loop condition or a guard around the retry,
 * `'exitWhenTrue'` for a check whose branch leaves.
 */
export function isBoundingTest(test: Node, ctx: BoundContext, mode: 'continueWhenTrue' | 'exitWhenTrue', upward = false): boolean {
  if (mode === 'continueWhenTrue' && isRetryFlagGuard(test, ctx)) return true;
  const node = unwrapExpression(test);
  switch (node.type) {
    case 'LogicalExpression': {
      if (node.operator === '??') return false;
      const left = isBoundingTest(node.left, ctx, mode, upward);
      const right = isBoundingTest(node.right, ctx, mode, upward);
      const either = (mode === 'continueWhenTrue') === (node.operator === '&&');
      if (either) return left || right;
      // `chunk.retries && chunk.retries >= 5`: the presence test of the counter the other side compares adds nothing.
      const leftKey = presenceTestedCounter(node.left, ctx);
      if (leftKey !== null && mentionsKey(node.right, leftKey, ctx)) return right;
      const rightKey = presenceTestedCounter(node.right, ctx);
      if (rightKey !== null && mentionsKey(node.left, rightKey, ctx)) return left;
      return left && right;
    }
    case 'UnaryExpression':
      if (node.operator === '!') return isBoundingTest(node.argument, ctx, mode === 'continueWhenTrue' ? 'exitWhenTrue' : 'continueWhenTrue', upward);
      return false;
    case 'BinaryExpression': {
      if (!COMPARISONS.has(node.operator)) return false;
      if (isDeadlineExpression(node, ctx.keys)) return !movesWithAttempts(node, ctx);
      if (node.left.type === 'PrivateIdentifier') return false;
      // `const elapsed = Date.now() - start; if (elapsed > max) throw err`: bounded unless `start` moves with each attempt.
      const leftElapsed = elapsedInit(node.left, ctx);
      const elapsed = leftElapsed ?? elapsedInit(node.right, ctx);
      // The other side is the budget: not one that falls back to `Infinity` (`maxRetryTime ?? Infinity`).
      if (elapsed) return !movesWithAttempts(elapsed, ctx) && isFiniteLimit(leftElapsed ? node.right : node.left, ctx, TIME_FOREVER);
      // `const wait = this.getRetryDelay(); if (wait <= 0) throw err`, the helper capping the wait at the time left.
      if (testsTimeLeft(node, ctx, mode)) return true;
      // `if (retryDelay === -1) return;`, `if (outcome === Outcome.Success) return retry(attempt + 1);`.
      if (testsCounterAnswer(node, ctx)) return true;
      const leftCounter = mentionsCounter(node.left, ctx);
      const rightCounter = mentionsCounter(node.right, ctx);
      // `upward`: a counter that counts up must stop the retry when it reaches the limit, not while it is below it.
      if (upward && !(leftCounter ? UPWARD_STOPS[mode] : UPWARD_STOPS_TURNED[mode]).has(node.operator)) return false;
      if (upward && someOwn(node, ctx.keys, (n) => n.type === 'UpdateExpression' && n.operator === '--')) return false;
      // `upward` (a re-run in the `else` of the check): only a limit the file shows as a number (a literal, a `const`).
      const limitOf = (side: Node) => (upward ? readableLimit(side, ctx) : isFiniteLimit(side, ctx));
      if (leftCounter && !rightCounter) return limitOf(node.right);
      if (rightCounter && !leftCounter) return limitOf(node.left);
      return false;
    }
    case 'UpdateExpression':
      // `while (retries--)`: counts down to 0.
      return mode === 'continueWhenTrue' && node.operator === '--' && mentionsCounter(node.argument, ctx);
    case 'Identifier':
    case 'MemberExpression':
      if (isDeadlineExpression(node, ctx.keys)) return true;
      if (ctx.policyAnswers && ctx.policyAnswers.size > 0 && ctx.policyAnswers.has(rootName(node) ?? '')) return true;
      // A weak answer bounds through a property that reads as a verdict (`if (decision.stop) throw e`), not its truthiness.
      if (ctx.counterAnswers && ctx.counterAnswers.size > 0 && ctx.counterAnswers.has(rootName(node) ?? '') && (!ctx.weakCounterAnswers?.has(rootName(node) ?? '') || (node.type === 'MemberExpression' && VERDICT_PROPERTY.test(staticMemberName(node) ?? '')))) return true;
      if (ctx.timerFlags && ctx.timerFlags.has(nameKey(node) ?? '')) return true;
      // `while (retriesLeft)` with `retriesLeft--` in the body.
      return mode === 'continueWhenTrue' && mentionsCounter(node, ctx);
    case 'CallExpression':
      return isDeadlineExpression(node, ctx.keys);
    default:
      return false;
  }
}

/** Callees named for a retry policy (`getRetryConfig`, `policy.decide`, `backoff.next`), and names of a predicate. */
const POLICY_NAME = /retry|policy|backoff/i;
const PREDICATE_NAME = /^(is|has|should|can)[A-Z_]/;

/**
 * Names bound, in the failure path, to the answer of a retry policy about the
 * failure: an awaited call, named for a retry policy (the function or the
 * object it is called on), of a function the file cannot see (imported, a
 * method of another object), given the caught error or a wrapper of it:
 * `const { shouldRetry, config } = await getRetryConfig(err)` (gaxios, with
 * `err` the error or `new GaxiosError(e.message, opts, undefined, e)`),
 * `const answer = await this.retryPolicy.decide(e)`.
 * A retry taken only on that answer is the policy's: how often it retries and
 * how long it waits are decided where the policy is written (gaxios's
 * `getRetryConfig` counts the attempts and sleeps before it answers), as for
 * a policy asked for the next delay (`stopsOnPolicyAnswer`). Not a predicate
 * (`await isTransient(e)`), not a call named for something else
 * (`await refreshToken(e)`), and not a function of the file, which is judged
 * where it is (`handsErrorToBoundingHelper`).
 */
export function policyAnswerNames(regions: readonly Node[], errorNames: ReadonlySet<string>, keys: VisitorKeys, sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const names = new Set<string>();
  if (errorNames.size === 0) return names;
  // The error, and wrappers of it in the failure path: `err = e`, `err = new GaxiosError(e.message, opts, undefined, e)`,
  // and a choice among them (`e instanceof GaxiosError ? e : new GaxiosError(...)`).
  const fromError = new Set(errorNames);
  const isError = (node: Node): boolean => {
    const v = unwrapExpression(node);
    if (v.type === 'Identifier') return fromError.has(v.name);
    if (v.type === 'NewExpression') return v.arguments.some((a) => a.type !== 'SpreadElement' && unwrapExpression(a).type === 'Identifier' && fromError.has((unwrapExpression(a) as TSESTree.Identifier).name));
    if (v.type === 'ConditionalExpression') return isError(v.consequent) && isError(v.alternate);
    return false;
  };
  for (let pass = 0, grew = true; grew && pass < 3; pass++) {
    grew = false;
    for (const region of regions) {
      walkOwn(region, keys, (n) => {
        const target = n.type === 'VariableDeclarator' ? n.id : n.type === 'AssignmentExpression' && n.operator === '=' ? n.left : null;
        const value = n.type === 'VariableDeclarator' ? n.init : n.type === 'AssignmentExpression' ? n.right : null;
        if (target?.type === 'Identifier' && value && !fromError.has(target.name) && isError(value)) {
          fromError.add(target.name);
          grew = true;
        }
        return true;
      });
    }
  }
  for (const region of regions) {
    walkOwn(region, keys, (n) => {
      if (n.type !== 'VariableDeclarator' || !n.init) return true;
      const init = unwrapExpression(n.init);
      if (init.type !== 'AwaitExpression') return true;
      const call = unwrapExpression(init.argument);
      if (call.type !== 'CallExpression' || sameFileCallee(call, sourceCode)) return true;
      const name = calleeName(call) ?? '';
      const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
      const owner = callee.type === 'MemberExpression' ? nameKey(callee.object) ?? '' : '';
      if (PREDICATE_NAME.test(name) || !(POLICY_NAME.test(name) || POLICY_NAME.test(owner))) return true;
      if (!call.arguments.some((a) => a.type !== 'SpreadElement' && isError(a))) return true;
      if (n.id.type === 'Identifier') names.add(n.id.name);
      else if (n.id.type === 'ObjectPattern') {
        for (const p of n.id.properties) {
          const value = p.type === 'Property' ? (p.value.type === 'AssignmentPattern' ? p.value.left : p.value) : p.argument;
          if (value.type === 'Identifier') names.add(value.name);
        }
      }
      return true;
    });
  }
  return names;
}

/** Objects whose methods compute with a count and decide nothing about a retry (`Math.min(attempt, 5)`). */
const BUILTIN_OBJECTS = new Set(['Math', 'Number', 'JSON', 'Object', 'Array', 'String', 'Date', 'console', 'BigInt']);

/**
 * Names bound, in the failure path, to the answer of a call handed the
 * attempt count: `const retryDelay = backoff(null, this.retryAttempts, e)`,
 * `const outcome = await refresher.handleUnknownToken(snapshot, attempt)`.
 * Given the count, the callee can end the retry at a limit (a `-1` delay, a
 * failed outcome); a test of its answer on the way to the next attempt is the
 * bound, kept where the file cannot see it. A callee of the same file must
 * answer at a limit (`answersAtLimit`). `awaited`: the answers awaited, whose callee may
 * also have waited before it answered; `weak`: answers of a callee the file cannot see that is not named for a
 * retry policy, which bound only through a verdict test (`isVerdictValue`).
 */
export function counterAnswerNames(
  regions: readonly Node[],
  counters: ReadonlySet<string>,
  keys: VisitorKeys,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { names: Set<string>; awaited: Set<string>; weak: Set<string> } {
  const names = new Set<string>();
  const awaited = new Set<string>();
  const weak = new Set<string>();
  if (counters.size === 0) return { names, awaited, weak };
  const countArgument = (call: TSESTree.CallExpression): number =>
    call.arguments.findIndex((a) => {
      if (a.type === 'SpreadElement') return false;
      const v = unwrapExpression(a);
      const side = v.type === 'BinaryExpression' && (v.operator === '+' || v.operator === '-') && v.right.type === 'Literal' ? unwrapExpression(v.left as Node) : v;
      const key = side.type === 'Identifier' || side.type === 'MemberExpression' ? nameKey(side) : null;
      return key !== null && counters.has(key);
    });
  for (const region of regions) {
    walkOwn(region, keys, (n) => {
      const target = n.type === 'VariableDeclarator' ? n.id : n.type === 'AssignmentExpression' && n.operator === '=' ? n.left : null;
      const value = n.type === 'VariableDeclarator' ? n.init : n.type === 'AssignmentExpression' ? n.right : null;
      if (target?.type !== 'Identifier' || !value) return true;
      const v = unwrapExpression(value);
      const isAwait = v.type === 'AwaitExpression';
      const call = unwrapExpression(isAwait ? v.argument : v);
      if (call.type !== 'CallExpression') return true;
      const callee = unwrapExpression(call.callee);
      if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && BUILTIN_OBJECTS.has(callee.object.name)) return true;
      if (callee.type === 'Identifier' && /^(parseInt|parseFloat|Number|String|Boolean)$/.test(callee.name)) return true;
      // A log line or a metric given the count decides nothing (`const logged = logger.warn('failed', attempt)`).
      if (isRecorderCall(call)) return true;
      const index = countArgument(call);
      if (index < 0) return true;
      const fn = sameFileCallee(call, sourceCode);
      if (fn) {
        const name = parameterName(fn.params[index]);
        if (!name || !answersAtLimit(fn, name, keys)) return true;
      } else {
        // Not in the file and not named for a retry policy (`store.saveAttempt(id, n)`, `format('%d', n)`): only an
        // answer that reads as a verdict bounds (`outcome === Outcome.Success`, `delay === -1`), not its truthiness.
        const owner = callee.type === 'MemberExpression' ? (nameKey(callee.object) ?? '') : '';
        const name = calleeName(call) ?? '';
        // Named for a policy (`calculateRetryBackoff`, `policy.decide`) or asked as a question (`limiter.canAttempt(n)`, `budget.shouldContinue(n)`).
        if (!POLICY_NAME.test(name) && !POLICY_NAME.test(owner) && !PREDICATE_NAME.test(name)) weak.add(target.name);
      }
      names.add(target.name);
      // Awaited, a policy's answer may come after its wait; so may one of a callee named for waiting
      // (`await pauseFor(attempt)`, `await waitForReconnect(attempt)`), not that of any other (`store.saveAttempt`).
      if (isAwait && (!weak.has(target.name) || WAITING_NAME.test(calleeName(call) ?? ''))) awaited.add(target.name);
      return true;
    });
  }
  return { names, awaited, weak };
}

/** Callees named for waiting. */
const WAITING_NAME = /wait|pause|sleep|delay|backoff|reconnect|throttle/i;

/** Properties of an answer that read as a verdict on going on (`decision.stop`, `result.retry`, `budget.exhausted`). */
const VERDICT_PROPERTY = /^(?:stop|stopped|retry|shouldRetry|canRetry|giveUp|gaveUp|exhausted|abort|aborted)$/;

/** A verdict a policy answers with: an enum-like member (`TokenRefreshOutcome.Success`) or a negative number (`-1`). */
function isVerdictValue(node: Node): boolean {
  const v = unwrapExpression(node);
  if (v.type === 'MemberExpression') {
    // An outcome (`TokenRefreshOutcome.Success`, `Decision.GiveUp`), not a kind of error (`ErrorKind.Fatal`).
    const object = unwrapExpression(v.object);
    if (v.computed || object.type !== 'Identifier' || !/^[A-Z]/.test(object.name)) return false;
    return /Outcome|Decision|Verdict|Action$/.test(object.name) || /^(?:Success|Succeeded|Ok|Retry|Continue|GiveUp|Stop|Abort|Done|Exhausted)$/i.test(staticMemberName(v) ?? '');
  }
  return isStopSentinel(v) && !(v.type === 'Literal' && v.value === null) && !(v.type === 'Identifier');
}

/** Loggers and metrics: their answers say nothing about a retry. Matched on a whole name or its first camelCase word. */
const RECORDER_WORD = /^(?:log|logger|logging|console|debug|info|warn|warning|error|trace|metric|metrics|stats|statsd|telemetry|track|record|emit|count|increment|observe|report)$/i;

/** `logger.warn(...)`, `metrics.increment(...)`, `trackAttempt(...)`: the callee or its object named for a recorder. */
function isRecorderCall(call: TSESTree.CallExpression): boolean {
  if (isLogCall(call)) return true;
  const callee = unwrapExpression(call.callee);
  const names = [calleeName(call) ?? ''];
  if (callee.type === 'MemberExpression') names.push((nameKey(callee.object) ?? '').split('.').pop() ?? '');
  return names.some((name) => RECORDER_WORD.test(name) || RECORDER_WORD.test(/^_*([a-z]+)(?=[A-Z_0-9]|$)/.exec(name)?.[1] ?? ''));
}

/** A value that says "stop": a negative number, `null`, `undefined`, `false`. */
function isStopSentinel(node: Node | null | undefined): boolean {
  if (!node) return true;
  const v = unwrapExpression(node);
  if (v.type === 'Literal') return v.value === null || v.value === false || (typeof v.value === 'number' && v.value < 0);
  if (v.type === 'UnaryExpression') return (v.operator === '-' && v.argument.type === 'Literal') || v.operator === 'void';
  return v.type === 'Identifier' && v.name === 'undefined';
}

/**
 * A callee of the file that ends the retry once the count reaches a limit: an
 * upward comparison of the parameter with a limit (`attempt >= max`,
 * `MAX < attempt`; not `attempt > 0`) in the test of an `if` whose branch
 * throws or returns anything but a wait (`-1`, `null`, `false`, `Decision.GiveUp`,
 * `{ retry: false }`), or of a conditional it returns with such a value on
 * that side (`return attempt >= 5 ? -1 : 1000 * 2 ** attempt`, also as an
 * arrow's body). A cap on the wait it answers (`if (attempt > 5) return 30000;`)
 * ends nothing.
 */
function answersAtLimit(fn: FunctionNode, param: string, keys: VisitorKeys): boolean {
  const atLimit = (test: Node): boolean =>
    someOwn(test, keys, (m) => {
      if (m.type !== 'BinaryExpression' || m.left.type === 'PrivateIdentifier') return false;
      const isParam = (side: Node) => side.type === 'Identifier' && side.name === param;
      const limit = isParam(m.left) && (m.operator === '>' || m.operator === '>=') ? m.right : isParam(m.right) && (m.operator === '<' || m.operator === '<=') ? m.left : null;
      if (!limit) return false;
      const value = unwrapExpression(limit as Node);
      // `attempt > 1` and `attempt >= 2` alike: a limit above the first re-attempt.
      const strict = (m.operator === '>' && isParam(m.left)) || (m.operator === '<' && isParam(m.right));
      return value.type !== 'Literal' || (typeof value.value === 'number' && value.value >= (strict ? 1 : 2));
    });
  const stopsOn = (conditional: Node): boolean => {
    const c = unwrapExpression(conditional);
    return c.type === 'ConditionalExpression' && atLimit(c.test) && isStopValue(c.consequent);
  };
  if (fn.body.type !== 'BlockStatement') return stopsOn(fn.body);
  return someOwn(fn.body, keys, (n) => {
    if (n.type === 'IfStatement') {
      const last = n.consequent.type === 'BlockStatement' ? n.consequent.body.at(-1) : n.consequent;
      return atLimit(n.test) && (last?.type === 'ThrowStatement' || (last?.type === 'ReturnStatement' && isStopValue(last.argument)));
    }
    return n.type === 'ReturnStatement' && !!n.argument && stopsOn(n.argument);
  });
}

/**
 * An answer that says "stop", not a wait: no value, `null`, a boolean, a negative number, a string (`'stop'`), an
 * outcome (`Decision.GiveUp`), or an object with a verdict (`{ retry: false }`). A number, a name or a property
 * (`MAX_DELAY`, `opts.maxDelay`), arithmetic or a call is a wait it may be capped at, which goes on.
 */
function isStopValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  const v = unwrapExpression(node);
  if (v.type === 'Literal') return v.value === null || typeof v.value === 'boolean' || typeof v.value === 'string' || (typeof v.value === 'number' && v.value < 0);
  if (v.type === 'UnaryExpression') return (v.operator === '-' && v.argument.type === 'Literal') || v.operator === 'void' || v.operator === '!';
  if (v.type === 'Identifier') return v.name === 'undefined';
  if (v.type === 'MemberExpression') return isVerdictValue(v);
  if (v.type === 'ObjectExpression') return v.properties.some((p) => p.type === 'Property' && VERDICT_PROPERTY.test(staticKeyName(p.key, p.computed) ?? ''));
  return false;
}

/** A clock read on its own: `Date.now()`, `performance.now()`, `now()`, `clock.now()`. */
function isClockRead(node: Node, ctx: BoundContext): boolean {
  const n = unwrapExpression(node);
  return n.type === 'CallExpression' && n.arguments.length === 0 && isDeadlineExpression(n, ctx.keys) && !someOwn(n.callee, ctx.keys, (inner) => inner.type === 'CallExpression');
}

/** A budget that reads no clock and names no `Infinity`, `NaN` or `undefined` (`(opts.total ?? Infinity) * 1000`). */
function isPlainBudget(node: Node, ctx: BoundContext): boolean {
  if (isDeadlineExpression(node, ctx.keys)) return false;
  if (someOwn(node, ctx.keys, (inner) => inner.type === 'Identifier' && (inner.name === 'Infinity' || inner.name === 'NaN' || inner.name === 'undefined'))) return false;
  return isFiniteLimit(node, ctx, TIME_FOREVER);
}

/**
 * The time left before a deadline, in the helper `fn`: `budget - (clock - start)`, a finite budget less
 * a clock read less a start, or `deadline - clock` for a const `deadline = clock + budget`. Nothing it
 * reads but the clock may be a parameter of `fn`, a variable `fn` declares or a name `fn` writes (each call
 * would bring a new start), or a start or deadline that moves with each attempt.
 */
function isTimeLeft(node: Node, fn: FunctionNode, ctx: BoundContext): boolean {
  const n = unwrapExpression(node);
  if (n.type !== 'BinaryExpression' || n.operator !== '-') return false;
  const right = unwrapExpression(n.right);
  let fixed: Node[];
  if (right.type === 'BinaryExpression' && right.operator === '-' && isClockRead(right.left, ctx)) {
    // `budget - (clock - start)`.
    if (!isPlainBudget(n.left, ctx) || isDeadlineExpression(right.right, ctx.keys)) return false;
    fixed = [n.left, right.right];
  } else if (isClockRead(right, ctx)) {
    // `deadline - clock`, the deadline a const set to `clock + budget`.
    const deadline = unwrapExpression(n.left);
    const init = deadline.type === 'Identifier' ? ctx.imports.constInit(deadline) : null;
    const set = init && unwrapExpression(init);
    if (!set || set.type !== 'BinaryExpression' || set.operator !== '+' || !isClockRead(set.left, ctx) || !isPlainBudget(set.right, ctx)) return false;
    fixed = [deadline];
  } else {
    return false;
  }
  // The helper changes nothing that could hold the start: no assignment (plain or destructuring), no nested
  // function, no call but `Math.*` and clock reads, no `this` but as a member's object (no `self = this`); a
  // count it steps (`this.numRetries++`) is fine, unless the time left reads it.
  const written = new Set<string>();
  let changes = false;
  walkAll(fn.body, ctx.keys, (inner) => {
    if (changes) return false;
    if (inner.type === 'AssignmentExpression' || isFunction(inner) || inner.type === 'ClassExpression') changes = true;
    else if (inner.type === 'CallExpression') changes = !isClockRead(inner, ctx) && !(inner.callee.type === 'MemberExpression' && inner.callee.object.type === 'Identifier' && inner.callee.object.name === 'Math');
    else if (inner.type === 'ThisExpression') changes = inner.parent?.type !== 'MemberExpression' || inner.parent.object !== inner;
    else if (inner.type === 'UpdateExpression') written.add(nameKey(inner.argument) ?? '');
    return !changes;
  });
  if (changes || written.has('')) return false;
  const fresh = (side: Node) =>
    someOwn(side, ctx.keys, (inner) => {
      if (inner.type !== 'Identifier' && inner.type !== 'MemberExpression') return false;
      const key = nameKey(inner);
      if (key !== null && written.has(key)) return true;
      if (inner.type !== 'Identifier') return false;
      const variable = findVariable(ctx.sourceCode.getScope(inner), inner.name);
      const def = variable?.defs[0];
      return !!def && (def.type === 'Parameter' || contains(fn, def.node));
    });
  return !fixed.some(fresh) && !movesWithAttempts(n, ctx);
}

/**
 * The function of this file a call runs, when nothing else can stand in for it: a function bound once and
 * never reassigned, or the one method of that name in its class that nothing in the file overrides
 * (`X.prototype.m =`, `this.m =`, a subclass's method of the same name). Null otherwise, and for an
 * `async` function or a generator (its answer is not a number).
 */
function soleSameFileCallee(call: TSESTree.CallExpression, ctx: BoundContext): FunctionNode | null {
  const fn = sameFileCallee(call, ctx.sourceCode);
  if (!fn || fn.async || fn.generator) return null;
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') {
    const variable = findVariable(ctx.sourceCode.getScope(callee), callee.name);
    return variable && variable.references.every((reference) => !reference.isWrite() || reference.init) ? fn : null;
  }
  const name = callee.type === 'MemberExpression' ? staticMemberName(callee) : null;
  // A class method only: an object literal's method is replaced unseen by a spread or `Object.create`.
  if (name === null || fn.parent?.type !== 'MethodDefinition') return null;
  const program = ctx.sourceCode.ast;
  const overridden = someAll(program, ctx.keys, (node) => {
    // `x.getRetryDelay = …`; `this[k] = …`, `Upload.prototype[k] = …`: a member of that name, or one the file does not show on an instance or prototype.
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression') {
      const key = staticMemberName(node.left);
      if (key === name) return true;
      const owner = node.left.object;
      return key === null && (owner.type === 'ThisExpression' || (owner.type === 'MemberExpression' && staticMemberName(owner) === 'prototype'));
    }
    // `Object.defineProperty(Upload.prototype, 'getRetryDelay', …)`, `Object.assign(this, { getRetryDelay })`, `Reflect.set(…)`.
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && (node.callee.object.name === 'Object' || node.callee.object.name === 'Reflect')) {
      const [target] = node.arguments;
      const onClass = !!target && (target.type === 'ThisExpression' || (target.type === 'MemberExpression' && staticMemberName(target) === 'prototype'));
      const names = node.arguments.some(
        (argument) =>
          (argument.type === 'Literal' && argument.value === name) ||
          (argument.type === 'ObjectExpression' && argument.properties.some((property) => property.type === 'SpreadElement' || property.computed || staticKeyName(property.key, false) === name)),
      );
      return onClass || names;
    }
    // Another class member of that name (a duplicate, a subclass's override, another class's: not told apart), a
    // computed one, or a TypeScript parameter property of that name.
    if (node.type === 'MethodDefinition' || node.type === 'PropertyDefinition') return node !== fn.parent && (node.computed || staticKeyName(node.key, false) === name);
    if (node.type === 'TSParameterProperty') return node.parameter.type === 'Identifier' && node.parameter.name === name;
    return false;
  });
  return overridden ? null : fn;
}

/**
 * A wait that a function of this file caps at the time left (`return Math.min(wait, maxWait, budget -
 * (Date.now() - start))`, every `return` so, the last statement one): its answer reaches zero once the
 * deadline has passed.
 */
function capsAtTimeLeft(call: TSESTree.CallExpression, ctx: BoundContext): boolean {
  const fn = soleSameFileCallee(call, ctx);
  if (!fn) return false;
  // No way to fall off the end (an `undefined` answer is never `<= 0`).
  if (fn.body.type === 'BlockStatement' && fn.body.body.at(-1)?.type !== 'ReturnStatement') return false;
  const timeLeft = (arg: Node): boolean => {
    const a = unwrapExpression(arg);
    if (isTimeLeft(a, fn, ctx)) return true;
    // A const of the function holding it: `const maxAllowableDelayMs = total - (Date.now() - start)`.
    if (a.type !== 'Identifier') return false;
    const init = ctx.imports.constInit(a);
    return !!init && contains(fn, init) && isTimeLeft(init, fn, ctx);
  };
  const returns = ownReturns(fn, ctx.keys);
  return (
    returns.length > 0 &&
    returns.every((value) => {
      const v = value && unwrapExpression(value);
      if (v?.type !== 'CallExpression' || !isMemberCall(v, 'Math', 'min')) return false;
      // The global `Math`, not a local object of that name.
      const math = unwrapExpression((v.callee as TSESTree.MemberExpression).object);
      if (math.type !== 'Identifier' || (findVariable(ctx.sourceCode.getScope(math), 'Math')?.defs.length ?? 0) > 0) return false;
      // No argument that is NaN or undefined (`Math.min(undefined, left)` is NaN, never `<= 0`).
      if (v.arguments.some((arg) => someOwn(arg, ctx.keys, (inner) => inner.type === 'Identifier' && (inner.name === 'NaN' || inner.name === 'undefined')))) return false;
      return v.arguments.some((arg) => arg.type !== 'SpreadElement' && timeLeft(arg));
    })
  );
}

/**
 * `if (wait <= 0) throw err` (exitWhenTrue) or `if (wait > 0) return retry()` (continueWhenTrue), where
 * `wait` is a const of the retry's failure path bound to a call of a function of this file that caps the
 * wait at the time left before a deadline (`capsAtTimeLeft`): the test stops the retry at the deadline.
 */
function testsTimeLeft(node: TSESTree.BinaryExpression, ctx: BoundContext, mode: 'continueWhenTrue' | 'exitWhenTrue'): boolean {
  if (node.left.type === 'PrivateIdentifier') return false;
  const zeroAt = (side: Node) => {
    const u = unwrapExpression(side);
    return u.type === 'Literal' && (u.value === 0 || u.value === 1);
  };
  // Normalise to `wait <op> n`.
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const [waitSide, limit, operator] = zeroAt(node.right) ? [node.left, node.right, node.operator] : zeroAt(node.left) ? [node.right, node.left, flip[node.operator]] : [null, null, null];
  if (!waitSide || !limit || !operator) return false;
  const n = (unwrapExpression(limit) as TSESTree.Literal).value;
  const stops = mode === 'exitWhenTrue' ? (operator === '<=' && n === 0) || (operator === '<' && (n === 0 || n === 1)) : (operator === '>' && n === 0) || (operator === '>=' && (n === 0 || n === 1));
  if (!stops) return false;
  let wait = unwrapExpression(waitSide);
  if (wait.type === 'Identifier') {
    const region = ctx.retryRegion ?? ctx.restartRegion;
    const init = ctx.imports.constInit(wait);
    // Asked again with each attempt: a const of the region that runs again.
    if (!init || !region || !contains(region, init)) return false;
    wait = unwrapExpression(init);
  }
  if (wait.type === 'AwaitExpression') wait = unwrapExpression(wait.argument);
  return wait.type === 'CallExpression' && capsAtTimeLeft(wait, ctx);
}

/** A comparison of a counter's answer with a value that is not a count itself (`retryDelay === -1`, `backoff < 0`). */
function testsCounterAnswer(node: TSESTree.BinaryExpression, ctx: BoundContext): boolean {
  const answers = ctx.counterAnswers;
  if (!answers || answers.size === 0 || node.left.type === 'PrivateIdentifier') return false;
  const isAnswer = (side: Node) => {
    const u = unwrapExpression(side);
    return (u.type === 'Identifier' || u.type === 'MemberExpression') && answers.has(rootName(u) ?? '');
  };
  const left = isAnswer(node.left);
  const right = isAnswer(node.right);
  if (left === right) return false;
  const answer = (left ? node.left : node.right) as Node;
  const other = (left ? node.right : node.left) as Node;
  if (ctx.weakCounterAnswers?.has(rootName(answer) ?? '') && !isVerdictValue(other)) return false;
  return !mentionsCounter(other, ctx);
}

/**
 * `x === null` / `x == undefined` (exitWhenTrue), or `x !== null` / `x != null` (continueWhenTrue), for x in `names`.
 * Unlike `testsMissing`: only the names given, and only the comparison that ends the retry in `mode`, alone or joined as that mode reads.
 */
function testsNoAnswer(test: Node, names: ReadonlySet<string>, mode: 'continueWhenTrue' | 'exitWhenTrue'): boolean {
  const t = unwrapExpression(test);
  if (t.type === 'LogicalExpression' && t.operator === (mode === 'exitWhenTrue' ? '||' : '&&')) return testsNoAnswer(t.left, names, mode) || testsNoAnswer(t.right, names, mode);
  if (t.type !== 'BinaryExpression') return false;
  const operators = mode === 'exitWhenTrue' ? ['===', '=='] : ['!==', '!='];
  if (!operators.includes(t.operator) || t.left.type === 'PrivateIdentifier') return false;
  const [a, b] = [unwrapExpression(t.left), unwrapExpression(t.right)];
  const isName = (n: Node) => n.type === 'Identifier' && names.has(n.name);
  return (isName(a) && isNothing(b)) || (isName(b) && isNothing(a));
}

/**
 * A retry that asks a policy before each attempt and stops when it answers
 * nothing: a local `let delay = policy.nextRetryDelay(0)`, asked again in
 * the `catch` of each failed attempt (`delay = policy.nextRetryDelay(++n)`),
 * every value of it an answer of a call, and `while (delay !== null)` or
 * `if (delay === null) return;` ending the retry. How long it goes on is
 * the policy's decision, judged where the policy is written or configured
 * (a schedule read as `schedule.next().value`, whose end is never checked,
 * is not such a stop).
 */
export function stopsOnPolicyAnswer(region: Node, keys: VisitorKeys, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const writes = new Map<string, { calls: number; other: number; afterFailure: boolean; canAnswerNothing: boolean }>();
  walkOwn(region, keys, (n) => {
    let name: string | null = null;
    let value: Node | null = null;
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') {
      name = n.id.name;
      value = n.init;
    } else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') {
      name = n.left.name;
      value = n.operator === '=' ? n.right : null;
    } else if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier') {
      name = n.argument.name;
    }
    if (!name) return true;
    const entry = writes.get(name) ?? { calls: 0, other: 0, afterFailure: false, canAnswerNothing: false };
    const v = value ? unwrapExpression(value.type === 'AwaitExpression' ? value.argument : value) : null;
    // An answer of a call, not a clock read (`Date.now()`).
    if (v?.type === 'CallExpression' && !isClockHelperCall(v) && !isMemberCall(v, 'Date', 'now') && !isMemberCall(v, 'performance', 'now')) {
      entry.calls++;
      // A policy the file cannot see (injected, an interface) may answer nothing; one it can see must be able to.
      const callee = sameFileCallee(v, sourceCode);
      if (!callee || mayAnswerNothing(callee, keys)) entry.canAnswerNothing = true;
    } else entry.other++;
    if (n.type === 'AssignmentExpression') {
      for (let p: Node | undefined = n.parent; p && p !== region; p = p.parent) {
        if (p.type === 'CatchClause') entry.afterFailure = true;
      }
    }
    writes.set(name, entry);
    return true;
  });
  const asked = new Set([...writes].filter(([, e]) => e.other === 0 && e.calls >= 2 && e.afterFailure && e.canAnswerNothing).map(([name]) => name));
  if (asked.size === 0) return false;
  return someOwn(region, keys, (n) => {
    if (n.type === 'WhileStatement' || n.type === 'DoWhileStatement') return testsNoAnswer(n.test, asked, 'continueWhenTrue');
    if (n.type !== 'IfStatement') return false;
    const branch = n.consequent.type === 'BlockStatement' ? n.consequent.body : [n.consequent];
    const last = branch[branch.length - 1];
    return (last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement') && testsNoAnswer(n.test, asked, 'exitWhenTrue');
  });
}

/**
 * Can the policy function `fn` of this file answer nothing (`null`,
 * `undefined`)? A bare `return`, `return null` (in a `catch` too), a body
 * that can end without a return, or a value the file cannot bound (an
 * array read, a variable, a call); not when every return is a number,
 * string, arithmetic or `Math.*` of them (`return 1000;`).
 * Unlike the tests above and `isNothing` (what is written): what a returned value can be, so what the file cannot bound counts too.
 */
function mayAnswerNothing(fn: FunctionNode, keys: VisitorKeys): boolean {
  if (fn.generator) return true;
  if (fn.body.type === 'BlockStatement' && !alwaysLeaves(statementFlow(fn.body, { loopLabel: null, inSwitch: false, innerLabels: new Set() }))) return true;
  const nothing = (r: Node | null): boolean => {
    if (!r) return true;
    const v = unwrapExpression(r.type === 'AwaitExpression' ? r.argument : r);
    switch (v.type) {
      case 'Literal':
        return v.value === null;
      case 'TemplateLiteral':
      case 'ObjectExpression':
      case 'ArrayExpression':
        return false;
      case 'UnaryExpression':
        return v.operator === 'void';
      case 'BinaryExpression':
        return false;
      case 'ConditionalExpression':
        return nothing(v.consequent) || nothing(v.alternate);
      case 'LogicalExpression':
        return v.operator === '&&' ? nothing(v.left) || nothing(v.right) : nothing(v.right);
      case 'CallExpression':
        return !(v.callee.type === 'MemberExpression' && v.callee.object.type === 'Identifier' && v.callee.object.name === 'Math');
      default:
        return true;
    }
  };
  return ownReturns(fn, keys).some(nothing);
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

/**
 * Removes the counters `region` starts again on every attempt: declared in it (`let tries = 0` inside the loop
 * body, or inside the function that re-runs), or given a literal there (`this.attempts = 0` at the top of
 * `connect()`), outside the `try` block of a `try` (where a success may reset it) and outside nested functions
 * (an `'open'` handler that resets it on success). Such a counter never reaches its limit.
 */
export function dropResetCounters(counters: Set<string>, region: Node, keys: VisitorKeys): void {
  if (counters.size === 0) return;
  eachRestart(region, keys, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') counters.delete(node.id.name);
    if (node.type === 'AssignmentExpression' && node.operator === '=' && unwrapExpression(node.right).type === 'Literal') {
      const key = nameKey(node.left);
      if (key) counters.delete(key);
    }
  });
}

const NO_LOOP: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };

/**
 * Each declarator and assignment of `region` that runs again with every attempt: not inside a function (the
 * region itself or a nested one: a success handler), a `try` block (where a success may reset), or a branch of an
 * `if` that always leaves (a reset on giving up re-arms a later start, not the next attempt).
 */
function eachRestart(region: Node, keys: VisitorKeys, visit: (node: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression) => void): void {
  if (isFunction(region)) return;
  walkOwn(region, keys, (node) => {
    const parent = node.parent;
    if (parent?.type === 'TryStatement' && parent.block === node) return false;
    if (parent?.type === 'IfStatement' && parent.test !== node && alwaysLeaves(statementFlow(node as TSESTree.Statement, NO_LOOP))) return false;
    if (node.type === 'VariableDeclarator' || node.type === 'AssignmentExpression') visit(node);
    return true;
  });
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

// ---------------------------------------------------------------------------
// Guards the retry uses up: one more attempt, not a loop.

const FALSY = (value: unknown) => !value;
const REMOVERS = /^(remove|delete|clear|invalidate|reset|drop|discard|evict|forget)(.*)$/i;
const HAS = /^(has|is|can|should)(.*)$/i;

function literalValue(node: Node): { value: unknown } | null {
  const n = unwrapExpression(node);
  if (n.type === 'Literal') return { value: n.value };
  if (n.type === 'Identifier' && n.name === 'undefined') return { value: undefined };
  if (n.type === 'UnaryExpression' && n.operator === 'void') return { value: undefined };
  return null;
}

/** The name a function is called by (its id, the variable or property it is assigned to). */
function nameOfFunction(fn: Node): string | null {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && !parent.computed && parent.key.type === 'Identifier') return parent.key.name;
  if (parent?.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression' && !parent.left.computed && parent.left.property.type === 'Identifier') return parent.left.property.name;
  return null;
}

/** Writes `key = <literal>` / `delete key` in a region (own code), with the literal written (`undefined` for delete). */
function literalWrites(region: Node, key: string, keys: VisitorKeys, skip: Node | null, nested: boolean): { node: Node; value: unknown; literal: boolean }[] {
  const found: { node: Node; value: unknown; literal: boolean }[] = [];
  (nested ? walkAll : walkOwn)(region, keys, (n) => {
    if (n === skip) return false;
    if (n.type === 'AssignmentExpression' && n.operator === '=' && nameKey(n.left) === key) {
      const literal = literalValue(n.right);
      found.push({ node: n, value: literal?.value, literal: !!literal });
    } else if (n.type === 'UnaryExpression' && n.operator === 'delete' && nameKey(n.argument) === key) {
      found.push({ node: n, value: undefined, literal: true });
    }
    return true;
  });
  return found;
}

/**
 * One atom of a guard (`retried`, `!retried`, `cache.hasToken`, `!isRetry`)
 * that the branch makes false before the retry runs again, and that nothing
 * where the retry runs re-arms.
 */
function atomUsedUp(atom: Node, branch: Node, ctx: BoundContext): boolean {
  let node = unwrapExpression(atom);
  let wantTrue = true;
  while (node.type === 'UnaryExpression' && node.operator === '!') {
    wantTrue = !wantTrue;
    node = unwrapExpression(node.argument);
  }
  // `cache.hasToken` / `cache.hasToken()` with `cache.removeToken()` in the branch.
  const member = node.type === 'CallExpression' && node.arguments.length === 0 ? unwrapExpression(node.callee) : node;
  if (wantTrue && member.type === 'MemberExpression' && !member.computed && member.property.type === 'Identifier') {
    const has = HAS.exec(member.property.name);
    const object = nameKey(member.object) ?? (member.object.type === 'ThisExpression' ? 'this' : null);
    if (has && has[2] && object) {
      const subject = has[2].toLowerCase();
      let removed = false;
      walkOwn(branch, ctx.keys, (n) => {
        if (removed) return false;
        if (n.type === 'CallExpression') {
          const callee = unwrapExpression(n.callee);
          if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
            const remover = REMOVERS.exec(callee.property.name);
            const calleeObject = nameKey(callee.object) ?? (callee.object.type === 'ThisExpression' ? 'this' : null);
            if (remover && calleeObject === object && remover[2]!.toLowerCase() === subject) removed = true;
          }
        }
        return !removed;
      });
      if (removed) return true;
    }
  }
  const key = nameKey(node);
  if (!key) return false;
  const consumes = (value: unknown) => (wantTrue ? FALSY(value) : !FALSY(value));
  if (clearedEachPass(key, branch, consumes, ctx)) return true;
  // A flag the branch resets (`if (end) { end = false; setTimeout(connect, 20) }`).
  // Nested callbacks of the branch count (`setTimeout(() => { scheduled = false; connect(); }, ms)` re-arms it).
  const writes = literalWrites(branch, key, ctx.keys, null, true);
  if (!writes.some((w) => w.literal && consumes(w.value))) return false;
  if (writes.some((w) => !w.literal || !consumes(w.value))) return false;
  // Re-armed where the retry runs again (outside this branch): not used up.
  if (ctx.retryRegion && literalWrites(ctx.retryRegion, key, ctx.keys, branch, false).some((w) => !w.literal || !consumes(w.value))) return false;
  return true;
}

/**
 * A flag the loop clears at the top of every pass and never sets itself
 * (`while (true) { this.retryDecryption = false; try { ... } catch { if (this.retryDecryption) continue; ... } }`):
 * only code outside the loop (another call asking for a retry) can make the
 * guard true again, so each further pass answers one such request; the loop
 * alone never goes round again.
 */
function clearedEachPass(key: string, branch: Node, consumes: (value: unknown) => boolean, ctx: BoundContext): boolean {
  const region = ctx.retryRegion;
  if (region?.type !== 'BlockStatement') return false;
  const cleared = region.body.some((statement) => {
    if (statement.range[1] > branch.range[0] || statement.type !== 'ExpressionStatement') return false;
    const e = statement.expression;
    if (e.type !== 'AssignmentExpression' || e.operator !== '=' || nameKey(e.left) !== key) return false;
    const literal = literalValue(e.right);
    return !!literal && consumes(literal.value);
  });
  if (!cleared) return false;
  // A local variable: every write to it is in sight. Any but the clear to a consuming literal (a callback of the
  // function that sets it on an 'error' event, a write after the loop) may set it while the loop runs.
  if (!key.includes('.')) {
    const variable = findVariable(ctx.sourceCode.getScope(region), key);
    return !!variable && onlyConsumingWrites(variable, consumes);
  }
  // A property: nothing the loop runs sets it otherwise (`propertyRearmedIn`).
  return !propertyRearmedIn(key, region, consumes, ctx);
}

/** Every write to `variable` after its declaration is `name = <literal>` with a value `consumes` accepts. */
function onlyConsumingWrites(variable: TSESLint.Scope.Variable, consumes: (value: unknown) => boolean): boolean {
  return variable.references.every((ref) => {
    if (!ref.isWrite() || ref.init) return true;
    const parent = ref.identifier.parent;
    if (parent?.type !== 'AssignmentExpression' || parent.operator !== '=' || parent.left !== ref.identifier) return false;
    const literal = literalValue(parent.right);
    return !!literal && consumes(literal.value);
  });
}

/**
 * Does `region` set the property `key` names to anything but a value `consumes` accepts: its own code and callbacks,
 * and the functions of the file it calls, and those they call (`this.onError(e)` -> `this.markRetry()`, a closure
 * `classify(err)`), by any name of the object (`self.flag = true` with `const self = this`), by destructuring, or by
 * `Object.assign`?
 */
function propertyRearmedIn(key: string, region: Node, consumes: (value: unknown) => boolean, ctx: BoundContext): boolean {
  const property = key.split('.').pop()!;
  const setsFlag = (root: Node): boolean =>
    someAll(root, ctx.keys, (n) => {
      if (n.type === 'CallExpression' && isMemberCall(n, 'Object', 'assign')) return true;
      const target = n.type === 'MemberExpression' && staticMemberName(n) === property ? n : null;
      if (!target) return false;
      const parent = target.parent;
      if (parent?.type === 'UpdateExpression') return true;
      if (parent?.type === 'AssignmentExpression' && parent.left === target) {
        const literal = parent.operator === '=' ? literalValue(parent.right) : null;
        return !literal || !consumes(literal.value);
      }
      // A destructuring target (`({ retry: this.flag } = answer)`, `[this.flag] = [x]`, `for (this.flag of xs)`).
      let holder: Node = target;
      let up: Node | undefined = parent;
      if (up?.type === 'AssignmentPattern' && (up.left as Node) === holder) [holder, up] = [up, up.parent];
      if (up?.type === 'RestElement') [holder, up] = [up, up.parent];
      if (up?.type === 'Property' && (up.value as Node) === holder) return up.parent?.type === 'ObjectPattern';
      if (up?.type === 'ArrayPattern') return true;
      return (up?.type === 'ForOfStatement' || up?.type === 'ForInStatement') && (up.left as Node) === holder;
    });
  const seen = new Set<Node>();
  const pending: Node[] = [region];
  while (pending.length > 0) {
    const root = pending.pop()!;
    if (seen.has(root)) continue;
    seen.add(root);
    if (setsFlag(root)) return true;
    walkAll(root, ctx.keys, (n) => {
      if (n.type === 'CallExpression') {
        const fn = sameFileCallee(n, ctx.sourceCode);
        if (fn && !seen.has(fn.body)) pending.push(fn.body);
      }
      return true;
    });
  }
  return false;
}

/** The conjuncts of an `if` guard: `a && (b && c)` gives a, b, c (wrappers seen through). */
export function guardAtoms(test: Node): Node[] {
  const atoms: Node[] = [];
  const split = (n: Node) => {
    const u = unwrapExpression(n);
    if (u.type === 'LogicalExpression' && u.operator === '&&') {
      split(u.left);
      split(u.right);
    } else atoms.push(u);
  };
  split(test);
  return atoms;
}

/**
 * The guard of an `if` whose branch goes to the next attempt, and whose
 * branch uses the guard up: one more attempt only, which is not a retry for
 * either rule (nothing runs forever, and there is nothing to back off
 * between). `if (!retried) { retried = true; continue; }`,
 * `if (cache.hasToken) { ...; cache.removeToken(); continue; }`.
 */
export function isUsedUpGuard(test: Node, ctx: BoundContext): boolean {
  const parent = test.parent;
  if (parent?.type !== 'IfStatement' || parent.test !== test) return false;
  return guardAtoms(test).some((atom) => atomUsedUp(atom, parent.consequent, ctx));
}

/**
 * A flag a re-run `call` of `target` is guarded by that the way to the call uses up, so the next failure leaves:
 * one more attempt at most. The guard is an `if` around the call (`if (!this.retried) { this.retried = true; return
 * this.send(); }`) or an exit check before it (pacote: `if (err.code !== 'E404' || this.fullMetadata) throw err;
 * this.fullMetadata = true; return this.packument();`); the way sets the flag as a statement of its own (not under a
 * further condition) to a literal that ends it. The flag must outlive the call: a property of `this` (the re-run a
 * `this.` call) that nothing in the file but a constructor sets otherwise (`propertyRearmedInFile`), or a variable
 * declared outside the function that every write sets to such a literal; never a local the re-run declares afresh.
 */
export function usedUpFlagOnTheWay(call: TSESTree.CallExpression, target: FunctionNode, ctx: BoundContext, flow: FlowContext): boolean {
  const selfCall = unwrapExpression(call.callee).type === 'MemberExpression' && (unwrapExpression(call.callee) as TSESTree.MemberExpression).object.type === 'ThisExpression';
  /** The flag outlives the call and nothing the function runs re-arms it. */
  const lasting = (key: string, consumes: (value: unknown) => boolean): boolean => {
    if (key.includes('.')) return key.startsWith('this.') && selfCall && !propertyRearmedInFile(key, consumes, ctx);
    const variable = findVariable(ctx.sourceCode.getScope(call), key);
    if (!variable || variable.defs.length !== 1 || contains(target, variable.defs[0]!.name)) return false;
    return onlyConsumingWrites(variable, consumes);
  };
  /** A statement of `statements` that sets the flag to a literal that ends it. */
  const setsOn = (statements: readonly Node[], key: string, consumes: (value: unknown) => boolean): boolean =>
    statements.some((st) => {
      if (st.type !== 'ExpressionStatement' || st.expression.type !== 'AssignmentExpression' || st.expression.operator !== '=' || nameKey(st.expression.left) !== key) return false;
      const literal = literalValue(st.expression.right);
      return !!literal && consumes(literal.value);
    });
  const atomOf = (atom: Node): { key: string; truthy: boolean } | null => {
    let node = unwrapExpression(atom);
    let truthy = true;
    while (node.type === 'UnaryExpression' && node.operator === '!') {
      truthy = !truthy;
      node = unwrapExpression(node.argument);
    }
    const key = nameKey(node);
    return key ? { key, truthy } : null;
  };
  /** Statements on the way: those before the child on the path in each block passed, from the call up. */
  const way: Node[] = [];
  for (let node: Node = call; node !== target && node.parent; node = node.parent) {
    const parent: Node = node.parent;
    if (isFunction(parent) && parent !== target) return false;
    if (parent.type === 'IfStatement' && parent.consequent === node) {
      // An `if` around the call: each `&&` conjunct must hold to go on; the way must make one fail.
      for (const atom of guardAtoms(parent.test)) {
        const a = atomOf(atom);
        if (!a) continue;
        const consumes = (value: unknown) => (a.truthy ? FALSY(value) : !FALSY(value));
        if (setsOn(way, a.key, consumes) && lasting(a.key, consumes)) return true;
      }
    }
    if (parent.type !== 'BlockStatement') continue;
    const index = parent.body.indexOf(node as TSESTree.Statement);
    for (let i = index - 1; i >= 0; i--) {
      const check = parent.body[i]!;
      // An exit check before the way on: each `||` disjunct leaves; the way after it must make one true.
      if (check.type === 'IfStatement' && !check.alternate && alwaysLeaves(statementFlow(check.consequent, flow))) {
        const after = [...parent.body.slice(i + 1, index), ...way];
        for (const atom of disjuncts(check.test)) {
          const a = atomOf(atom);
          if (!a) continue;
          const consumes = (value: unknown) => (a.truthy ? !FALSY(value) : FALSY(value));
          if (setsOn(after, a.key, consumes) && lasting(a.key, consumes)) return true;
        }
      }
    }
    way.push(...parent.body.slice(0, index));
  }
  return false;
}

/**
 * Does anything in the file but a constructor's own body set the property `key` names (`this.ctx.retried`) to
 * anything but a value `consumes` accepts, by any name of the object: an assignment, `++`, `delete`, a destructuring
 * target, a write that replaces an object on the way to it (`this.ctx = { retried: false }`), or a computed write
 * on `this` or on such an object (`this.flags[k] = false`)? Setters, listeners
 * (also those a constructor registers) and helpers are in the file too, so whatever runs them is covered. An
 * `Object.assign` into `this`, a member or another name of `this` may set it; into a fresh object (an error) it does not.
 */
function propertyRearmedInFile(key: string, consumes: (value: unknown) => boolean, ctx: BoundContext): boolean {
  const parts = key.split('.').slice(1);
  const property = parts[parts.length - 1]!;
  const holders = new Set(parts.slice(0, -1));
  let rearmed = false;
  /** In a constructor's own body (not a callback it registers): the value the object starts with. */
  const initial = (n: Node) => {
    let fn: Node | undefined = n.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    return fn?.parent?.type === 'MethodDefinition' && fn.parent.kind === 'constructor';
  };
  /** `self` in `const self = this` (or any variable some write gives `this`). */
  const aliasesThis = (id: TSESTree.Identifier): boolean => {
    const variable = findVariable(ctx.sourceCode.getScope(id), id.name);
    if (!variable) return true;
    return variable.references.some((ref) => ref.writeExpr?.type === 'ThisExpression');
  };
  /** `this[key] = v`, `this.flags[k] = v`: a computed write on `this` or on an object on the way to the flag. */
  const computedOnPath = (m: TSESTree.MemberExpression): boolean => {
    for (let o: Node = m.object; ; o = (o as TSESTree.MemberExpression).object) {
      if (o.type === 'ThisExpression') return true;
      if (o.type !== 'MemberExpression') return false;
      const name = staticMemberName(o);
      if (name === property || (name && holders.has(name))) return true;
    }
  };
  walkAll(ctx.sourceCode.ast, ctx.keys, (n) => {
    if (rearmed) return false;
    // `Object.assign(this, defaults)`, `Object.assign(this.flags, ...)`, `Object.assign(self, ...)` with `self = this`: may
    // set it; `throw Object.assign(new Error(msg), { code })` writes to a fresh object.
    if (n.type === 'CallExpression' && isMemberCall(n, 'Object', 'assign') && !initial(n)) {
      const into = n.arguments[0] ? unwrapExpression(n.arguments[0]) : null;
      if (into && (into.type === 'ThisExpression' || into.type === 'MemberExpression' || (into.type === 'Identifier' && aliasesThis(into)))) rearmed = true;
    }
    if (n.type !== 'MemberExpression' || initial(n)) return true;
    const written = n.parent?.type === 'AssignmentExpression' ? n.parent.left === n : n.parent?.type === 'UpdateExpression' || (n.parent?.type === 'UnaryExpression' && n.parent.operator === 'delete');
    if (n.computed && written && computedOnPath(n)) {
      rearmed = true;
      return false;
    }
    const name = staticMemberName(n);
    if (name !== property && !(name && holders.has(name))) return true;
    const parent = n.parent;
    if (parent?.type === 'UnaryExpression' && parent.operator === 'delete') rearmed = true;
    else if (parent?.type === 'UpdateExpression') rearmed = name === property;
    else if (parent?.type === 'AssignmentExpression' && parent.left === n) {
      const literal = parent.operator === '=' && name === property ? literalValue(parent.right) : null;
      rearmed = !literal || !consumes(literal.value);
    } else if (parent && (parent.type === 'Property' || parent.type === 'ArrayPattern' || parent.type === 'AssignmentPattern' || parent.type === 'RestElement' || parent.type === 'ForOfStatement' || parent.type === 'ForInStatement')) {
      // A destructuring target (`({ retry: this.flag } = answer)`, `[this.flag] = [x]`, `for (this.flag of xs)`).
      rearmed = parent.type !== 'Property' || (parent.value === n && parent.parent?.type === 'ObjectPattern');
    }
    return !rearmed;
  });
  return rearmed;
}

/** The disjuncts of a test: `a || (b || c)` gives a, b, c (wrappers seen through). */
function disjuncts(test: Node): Node[] {
  const u = unwrapExpression(test);
  return u.type === 'LogicalExpression' && u.operator === '||' ? [...disjuncts(u.left), ...disjuncts(u.right)] : [u];
}

/**
 * An "already retried" parameter: the guard of the branch that re-runs the
 * function checks a parameter (`if (!isRetry && ...)`), and every re-run in
 * the branch passes a literal that makes the check fail
 * (`return call(req, true)`): at most one more attempt.
 */
function isRetryFlagGuard(test: Node, ctx: BoundContext): boolean {
  const parent = test.parent;
  if (parent?.type !== 'IfStatement' || parent.test !== test) return false;
  return guardAtoms(test).some((atom) => {
    let node = atom;
    let wantTrue = true;
    while (node.type === 'UnaryExpression' && node.operator === '!') {
      wantTrue = !wantTrue;
      node = unwrapExpression(node.argument);
    }
    if (node.type !== 'Identifier') return false;
    const name = node.name;
    let fn: Node | undefined = parent.parent;
    let index = -1;
    while (fn) {
      if (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') {
        index = fn.params.findIndex((p) => {
          const id = p.type === 'AssignmentPattern' ? p.left : p;
          return id.type === 'Identifier' && id.name === name;
        });
        if (index >= 0) break;
      }
      fn = fn.parent;
    }
    const fnName = fn && index >= 0 ? nameOfFunction(fn) : null;
    if (!fnName) return false;
    const calls: TSESTree.CallExpression[] = [];
    walkAll(parent.consequent, ctx.keys, (n) => {
      if (n.type === 'CallExpression' && calleeName(n) === fnName) calls.push(n);
    });
    return (
      calls.length > 0 &&
      calls.every((call) => {
        const arg = call.arguments[index];
        const literal = arg ? literalValue(arg) : null;
        return !!literal && (wantTrue ? FALSY(literal.value) : !FALSY(literal.value));
      })
    );
  });
}
