/**
 * The wait a helper of the file makes before it settles: `await this.recover(err)` whose body sleeps, `await
 * this.timer(seconds)` whose body hands back `new Promise((r) => setTimeout(r, seconds * 1000))`. One reading for
 * the loop and the recursion finders, so a retry that waits through a helper is judged by that wait in both.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { type FunctionNode, parameterName } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import { staticMemberName } from '../ast/static';
import { contains, someAll, someOwn, type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import type { ImportTracker } from '../imports';
import { alwaysLeaves, calleeName, isLogCall, isMemberCall, type Node, statementExpression, statementFlow } from './ast';
import { asAwaited, classifyDelay, type FoundWait, grownWhereRetried, isAwaiterYield, raceHoldsWork, RegionWrites, timerKind, type WaitInfo, waitOf } from './delay';
import { sameFileCallee } from './exhaustion';

export interface HelperWaitEnv {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ImportTracker;
  keys: VisitorKeys;
  /** A `throw` of the helper is caught around the call and the retry goes round again: a way past the wait too. */
  throwGoesRound?: boolean;
}

/**
 * A helper's wait: its delay, and where that delay is read. `region` null: the value the call passes, read where
 * the call is; otherwise the helper's own body (a delay of the helper, or one built from numbers the call passes).
 */
export interface HelperWait {
  delay: Node;
  region: Node | null;
  /** The value the call passes, in the helper's own unit (`seconds * 1000`): judged for growth, never edited. */
  scaled?: boolean;
  /** The helper adds randomness to the value passed (`ms + Math.random() * 250`). */
  jitter?: boolean;
}

/** The parameter a delay scales by a number (`seconds * 1000`, `1000 * seconds`, `ms / 1000`), or null. */
function unitScaled(delay: Node): string | null {
  if (delay.type !== 'BinaryExpression' || (delay.operator !== '*' && delay.operator !== '/')) return null;
  const left = unwrapExpression(delay.left as Node);
  const right = unwrapExpression(delay.right);
  const number = (n: Node) => n.type === 'Literal' && typeof n.value === 'number' && n.value > 0;
  if (left.type === 'Identifier' && number(right)) return left.name;
  if (delay.operator === '*' && right.type === 'Identifier' && number(left)) return right.name;
  return null;
}

/** `return x;` or `{ return x; }`: a branch that only leaves. */
function onlyLeaves(statement: Node): boolean {
  if (statement.type === 'ReturnStatement') return true;
  return statement.type === 'BlockStatement' && statement.body.length === 1 && statement.body[0]!.type === 'ReturnStatement';
}

/**
 * How a helper of the file waits before it settles, followed at most
 * `depth` calls deep. Only what runs every time, as a statement of the
 * helper's own body (not in a branch, a loop or a `try`): an awaited wait
 * (`await sleep(ms)`), an awaited helper of the file (also through a
 * `const` it awaits later); or, in a helper that is not `async` and hands
 * back a deferred's promise (`return this.connectionReturned.promise`), a
 * timer it arms (`this.timer = setTimeout(this.poke, delay)`, also under
 * an `if` on that delay). In any helper, a wait it hands back
 * (`return new Promise((r) => setTimeout(r, ms))`, `return sleep(ms)`, an
 * arrow's body `(ms) => delay(ms)`) or a helper of the file it hands back.
 * `'opaque'`: a wait whose length it does not say (`await sleep()`).
 */
export function helperWait(env: HelperWaitEnv, fn: FunctionNode, depth: number, call: TSESTree.CallExpression, caller: FunctionNode | null): HelperWait | 'opaque' | null {
  const body = fn.body;
  /** Names a destructuring parameter or local binds (`{ ms }`, `[a, b]`, `const { ms } = opts`): values taken out of something. */
  const patternNames = new Set<string>();
  const declaredPatterns = body.type === 'BlockStatement' ? body.body.flatMap((st) => (st.type === 'VariableDeclaration' ? st.declarations.map((d) => d.id) : [])) : [];
  for (const param of [...fn.params, ...declaredPatterns]) {
    const pattern = param.type === 'AssignmentPattern' ? param.left : param;
    if (pattern.type === 'Identifier') continue;
    walkAll(pattern, env.keys, (n) => {
      if (n.type === 'Identifier' && !(n.parent?.type === 'Property' && n.parent.key === n && !n.parent.shorthand)) patternNames.add(n.name);
    });
  }
  /**
   * A delay that is a parameter: the value the call passes (`region` null: read where the failure path is; a value
   * built from the parameters of a helper in between is not read), or its default when the call leaves it out
   * (`delay = 2000`, or `if (delay === undefined) delay = ...`).
   */
  /**
   * A value the call passes, read where the call is (`region` null), or in the caller's body when the call is made by a
   * helper in between: then a value built from that helper's own parameters is not read (`'opaque'`).
   */
  const passedValue = (value: Node, extra: Partial<HelperWait> = {}): HelperWait | 'opaque' => {
    if (!caller) return { delay: value, region: null, ...extra };
    const params = new Set(caller.params.map(parameterName));
    return someAll(value, env.keys, (n) => n.type === 'Identifier' && params.has(n.name)) ? 'opaque' : { delay: value, region: caller.body, ...extra };
  };
  const settle = (delay: Node, throughLocal = true): HelperWait | 'opaque' => {
    const d = unwrapExpression(delay);
    // `const ms = seconds * 1000; ... setTimeout(r, ms)`: the local's value, once.
    if (throughLocal && d.type === 'Identifier' && body.type === 'BlockStatement' && !fn.params.some((p) => parameterName(p) === d.name)) {
      const declarator = body.body.flatMap((st) => (st.type === 'VariableDeclaration' ? st.declarations : [])).find((dd) => dd.id.type === 'Identifier' && dd.id.name === d.name);
      if (declarator) {
        // `let ms = ...` / `var ms = ...` too, when nothing writes it again; a local written again is not judged here.
        const variable = findVariable(env.sourceCode.getScope(declarator), d.name);
        const rewritten = !variable || variable.references.some((ref) => ref.isWrite() && !ref.init);
        if (rewritten || !declarator.init) return 'opaque';
        return settle(declarator.init, false);
      }
    }
    // `hold({ ms })`: a value taken out of an argument (destructured) is the caller's, not judged here.
    if (someAll(delay, env.keys, (n) => n.type === 'Identifier' && patternNames.has(n.name))) return 'opaque';
    const index = d.type === 'Identifier' ? fn.params.findIndex((p) => parameterName(p) === d.name) : -1;
    // `seconds * 1000`, `ms / 1000`: the value passed in another unit, which grows (or not) as the value does.
    const scaledParam = unitScaled(d);
    const scaledIndex = scaledParam ? fn.params.findIndex((p) => parameterName(p) === scaledParam) : -1;
    const scaledArg = scaledIndex >= 0 ? call.arguments[scaledIndex] : undefined;
    if (scaledArg && scaledArg.type !== 'SpreadElement' && unwrapExpression(scaledArg).type !== 'Literal' && !fn.params.slice(0, scaledIndex + 1).some((p) => p.type === 'RestElement')) {
      return passedValue(scaledArg, { scaled: true });
    }
    if (index < 0) {
      // Built from the helper's parameters (`1000 * 2 ** attempt` with `attempt` passed in): what it grows with is
      // the caller's, not judged here, unless the call passes numbers (`sleepSeconds(5)` with `seconds * 1000`).
      const used = fn.params.flatMap((p, i) => {
        const name = parameterName(p);
        return name && someAll(delay, env.keys, (n) => n.type === 'Identifier' && n.name === name) ? [i] : [];
      });
      // `Math.max(0, ms)`, `ms + Math.random() * 250`: one parameter, clamped or jittered, never grown by the helper:
      // it waits as the value passed does (judged there, never edited; jittered when the helper adds randomness).
      const only = used.length === 1 ? call.arguments[used[0]!] : undefined;
      const paramName = used.length === 1 ? parameterName(fn.params[used[0]!]) : null;
      // Only the parameter, numbers, `Math.random()` and clamps of them (`Math.max(0, ms)`, `ms + Math.random() * 250`):
      // anything else (a local, `this.failures * 1000`, `2 ** n`, `ms * factor`) may grow it, and is not judged here.
      const plain = (n: Node): boolean => {
        const u = unwrapExpression(n);
        if (u.type === 'Identifier') return u.name === paramName;
        if (u.type === 'Literal') return typeof u.value === 'number';
        if (u.type === 'UnaryExpression') return u.operator === '-' && plain(u.argument);
        if (u.type === 'BinaryExpression') {
          if (u.left.type === 'PrivateIdentifier' || !['+', '-', '*', '/'].includes(u.operator)) return false;
          // Multiplying the parameter scales it (`unitScaled`); randomness times a number is jitter.
          const mentions = (m: Node) => someAll(m, env.keys, (k) => k.type === 'Identifier' && k.name === paramName);
          if (u.operator === '*' && mentions(u.left) && mentions(u.right)) return false;
          return plain(u.left) && plain(u.right);
        }
        if (u.type === 'CallExpression' && u.callee.type === 'MemberExpression' && u.callee.object.type === 'Identifier' && u.callee.object.name === 'Math') {
          const method = staticMemberName(u.callee);
          if (method === 'random') return u.arguments.length === 0;
          return ['min', 'max', 'floor', 'round', 'ceil', 'trunc'].includes(method ?? '') && u.arguments.every((a) => a.type !== 'SpreadElement' && plain(a));
        }
        return false;
      };
      if (only && only.type !== 'SpreadElement' && unwrapExpression(only).type !== 'Literal' && plain(delay)) {
        const jitter = someAll(delay, env.keys, (n) => n.type === 'CallExpression' && isMemberCall(n, 'Math', 'random'));
        return passedValue(only, jitter ? { scaled: true, jitter: true } : { scaled: true });
      }
      const fixed = used.every((i) => {
        const arg = call.arguments[i];
        return !arg || (arg.type !== 'SpreadElement' && unwrapExpression(arg).type === 'Literal');
      });
      return used.length > 0 && !fixed ? 'opaque' : { delay, region: body };
    }
    // Passed by the call (`await this.holdOff(5000)`): that value, read where the call is.
    const passed = call.arguments[index];
    if (passed) {
      if (passed.type === 'SpreadElement' || fn.params.slice(0, index + 1).some((p) => p.type === 'RestElement')) return 'opaque';
      return passedValue(passed);
    }
    const param = fn.params[index]!;
    if (param.type === 'AssignmentPattern') return { delay: param.right, region: body };
    const name = (d as TSESTree.Identifier).name;
    const values: Node[] = [];
    walkOwn(body, env.keys, (n) => {
      if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier' && n.left.name === name) values.push(n.operator === '=' ? n.right : n);
      return true;
    });
    return values.length === 1 && values[0]!.type !== 'AssignmentExpression' ? { delay: values[0]!, region: body } : 'opaque';
  };
  /** `raceDeadline(client.open(), 5000)`: a parameter the call fills with work (a call that is no wait). */
  const passedWork = (element: Node): boolean => {
    if (element.type !== 'Identifier') return false;
    const index = fn.params.findIndex((p) => parameterName(p) === element.name);
    const arg = index >= 0 ? call.arguments[index] : undefined;
    if (!arg || arg.type === 'SpreadElement') return false;
    const value = unwrapExpression(arg);
    return value.type === 'CallExpression' && waitOf(asAwaited(value), env.imports, env.keys) === null;
  };
  /** The wait a value handed back makes: a wait (`new Promise(...)` with a timer, `sleep(ms)`), or a helper of the file that waits. */
  const handedBack = (value: Node | null | undefined): HelperWait | 'opaque' | null => {
    const v = value ? unwrapExpression(value) : null;
    if (v?.type !== 'CallExpression' && v?.type !== 'NewExpression') return null;
    const handed = asAwaited(v);
    // Part of the attempt (a throw goes round): a race of the work passed in against a timer is its time limit, not a wait.
    if (env.throwGoesRound && raceHoldsWork(handed, env.imports, env.keys, passedWork)) return null;
    const wait = waitOf(handed, env.imports, env.keys);
    if (wait) return wait.opaque || !wait.delay ? 'opaque' : settle(wait.delay);
    if (depth === 0 || v.type !== 'CallExpression') return null;
    const helper = sameFileCallee(v, env.sourceCode);
    return helper && helper !== fn ? helperWait(env, helper, depth - 1, v, fn) : null;
  };
  // A `throw` never reaches the re-run, and `return sleep(ms)` waits: neither is a way past the wait.
  const leavesWithoutWait = (n: Node) => (n.type === 'ReturnStatement' && handedBack(n.argument) === null) || (n.type === 'ThrowStatement' && !!env.throwGoesRound);
  /** A statement that may leave the helper before what follows it runs (`if (e.code !== 'X') return;`). */
  // With a `throw` going round, so does a rejection: an awaited or called operation before the wait
  // (`const res = await fetch(url); await sleep(1000);`) fails past it (a log line does not).
  const mayFail = (n: Node) => !!env.throwGoesRound && (n.type === 'AwaitExpression' || (n.type === 'CallExpression' && !isLogCall(n)));
  const mayLeave = (statement: Node) =>
    leavesWithoutWait(statement) || (!statementExpression(statement) && someOwn(statement, env.keys, leavesWithoutWait)) || someOwn(statement, env.keys, mayFail);
  /** `if (this.failures > 1) return sleep(longer);` before another wait: which wait runs depends on the branch. */
  const branchWait = (statement: Node) => statement.type !== 'ReturnStatement' && someOwn(statement, env.keys, (n) => n.type === 'ReturnStatement' && handedBack(n.argument) !== null);
  // `const pause = (ms) => new Promise((r) => setTimeout(r, ms))`.
  if (body.type !== 'BlockStatement') return handedBack(body);
  /** The wait found after `if (ms <= 0) return;` guards: only when each guard tests its delay. */
  const afterGuards = (guards: readonly Node[], wait: { delay: Node | null }, found: HelperWait | 'opaque'): HelperWait | 'opaque' | null => {
    if (guards.length === 0) return found;
    const delay = wait.delay ? unwrapExpression(wait.delay) : null;
    return delay?.type === 'Identifier' && guards.every((test) => someAll(test, env.keys, (n) => n.type === 'Identifier' && n.name === delay.name)) ? found : null;
  };
  // `if (!ms) return Promise.resolve();` before the wait: it leaves early only when there is nothing to wait for.
  const zeroGuards: Node[] = [];
  for (const statement of body.body) {
    if (statement.type === 'ReturnStatement') {
      const found = handedBack(statement.argument);
      // `return this.connectionReturned.promise`: read below, with the timer the helper arms.
      if (found === null) break;
      if (zeroGuards.length === 0) return found;
      const v = unwrapExpression(statement.argument!);
      const wait = waitOf(asAwaited(v), env.imports, env.keys);
      return afterGuards(zeroGuards, { delay: wait?.delay ?? null }, found);
    }
    if (branchWait(statement)) return 'opaque';
    if (statement.type === 'IfStatement' && !statement.alternate && mayLeave(statement) && onlyLeaves(statement.consequent)) {
      zeroGuards.push(statement.test);
      continue;
    }
    if (mayLeave(statement) || statementExpression(statement)?.type === 'AwaitExpression') break;
  }
  if (fn.async) {
    const guards: Node[] = [];
    for (const statement of body.body) {
      const expression = statementExpression(statement);
      if (branchWait(statement)) return 'opaque';
      if (expression?.type !== 'AwaitExpression') {
        if (statement.type === 'IfStatement' && !statement.alternate && mayLeave(statement) && onlyLeaves(statement.consequent) && !someOwn(statement.test, env.keys, mayFail)) {
          guards.push(statement.test);
          continue;
        }
        if (mayLeave(statement)) return null;
        continue;
      }
      if (env.throwGoesRound && raceHoldsWork(expression, env.imports, env.keys, passedWork)) return null;
      const wait = waitOf(expression, env.imports, env.keys);
      if (wait) return afterGuards(guards, wait, wait.opaque || !wait.delay ? 'opaque' : settle(wait.delay));
      if (mayLeave(statement)) return null;
      if (depth === 0) continue;
      let awaited = unwrapExpression(expression.argument);
      // `const done = this.startKeepAlives(); ...; await done;`: the const made by a statement of the body.
      if (awaited.type === 'Identifier') {
        const variable = findVariable(env.sourceCode.getScope(expression), awaited.name);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        const declaration = def?.node.type === 'VariableDeclarator' ? def.node.parent : undefined;
        const init = declaration && body.body.includes(declaration as TSESTree.Statement) && def!.node.type === 'VariableDeclarator' ? def!.node.init : null;
        if (init && variable!.references.every((r) => r.init || !r.isWrite())) awaited = unwrapExpression(init);
      }
      const helper = awaited.type === 'CallExpression' ? sameFileCallee(awaited, env.sourceCode) : null;
      const found = helper && helper !== fn ? helperWait(env, helper, depth - 1, awaited as TSESTree.CallExpression, fn) : null;
      if (found) return found;
    }
    return null;
  }
  // Not async: a timer armed by a statement of the body, and a deferred's promise handed back.
  const handsBackDeferred = body.body.some((st) => {
    if (st.type !== 'ReturnStatement' || !st.argument) return false;
    const value = unwrapExpression(st.argument);
    return value.type === 'MemberExpression' && !value.computed && value.property.type === 'Identifier' && value.property.name === 'promise';
  });
  if (!handsBackDeferred) return null;
  const timerOf = (statement: Node): TSESTree.CallExpression | null => {
    let e = statementExpression(statement);
    if (e?.type === 'AssignmentExpression' && e.operator === '=') e = e.right;
    e = e ? unwrapExpression(e) : null;
    return e?.type === 'CallExpression' && timerKind(e, env.imports) === 'setTimeout' ? e : null;
  };
  for (const statement of body.body) {
    let timer = timerOf(statement);
    // `if (delay > 0) { this.timer = setTimeout(poke, delay); } else { poke(); }`: under a test of that delay.
    if (!timer && statement.type === 'IfStatement' && statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1) {
      const inner = timerOf(statement.consequent.body[0]!);
      const delay = inner?.arguments[1];
      const name = delay && delay.type === 'Identifier' ? delay.name : null;
      if (inner && name && someOwn(statement.test, env.keys, (n) => n.type === 'Identifier' && n.name === name)) timer = inner;
    }
    if (!timer && mayLeave(statement)) return null;
    const delay = timer?.arguments[1];
    if (delay && delay.type !== 'SpreadElement') return settle(delay);
  }
  return null;
}

/**
 * `await this.timer(this.retryIntervalSeconds)` where `timer` is a helper of
 * the file that waits (`helperWait`, two calls deep): that wait, as the
 * retry's. A delay the call passes is read where the call is; a delay of the
 * helper (`seconds * 1000` with a number passed) carries the helper's body as
 * its `region`. `loop` is the retry loop the call is in, `owner` the
 * function around it (never its own helper).
 */
export function awaitedHelperWait(node: Node, loop: Node, owner: FunctionNode | null, env: HelperWaitEnv): FoundWait | null {
  if (node.type !== 'AwaitExpression' && !isAwaiterYield(node)) return null;
  const argument = (node as TSESTree.AwaitExpression).argument;
  const call = argument ? unwrapExpression(argument) : null;
  if (call?.type !== 'CallExpression') return null;
  const helper = sameFileCallee(call, env.sourceCode);
  if (!helper || helper === owner) return null;
  // `try { try { ... } catch (e) { await onFailure(e); } } catch { ... }`: what the helper throws before its wait is caught, and the loop goes round.
  const found = helperWait({ ...env, throwGoesRound: insideTryBlock(node, loop) }, helper, 2, call, null);
  return found === null ? null : toFoundWait(node, helper, found, env);
}

/**
 * The wait an awaited helper call (`node`) makes, as a wait of the retry: its delay, where that delay is read, whether
 * a rewrite may edit it (a value the call passes in milliseconds) and whether the helper does more than wait (the
 * limit then goes after it). A helper only waits when its body is the wait: an arrow's body, or one statement (after
 * `if (!ms) return;` guards) that is a wait itself, not a call of another helper that may do more.
 */
export function toFoundWait(node: Node, helper: FunctionNode, found: HelperWait | 'opaque', env: HelperWaitEnv): FoundWait {
  const body = helper.body;
  const isWait = (value: Node | null | undefined) => {
    const v = value ? unwrapExpression(value) : null;
    return !!v && waitOf(asAwaited(v), env.imports, env.keys) !== null;
  };
  let doesMore: boolean;
  if (body.type !== 'BlockStatement') doesMore = !isWait(body);
  else {
    // Guards and plain declarations (`const ms = seconds * 1000`) do nothing besides the wait.
    const quiet = (st: Node) => st.type === 'VariableDeclaration' && !someOwn(st, env.keys, (n) => n.type === 'CallExpression' || n.type === 'AwaitExpression' || n.type === 'NewExpression');
    const rest = body.body.filter((st) => !(st.type === 'IfStatement' && !st.alternate && onlyLeaves(st.consequent)) && !quiet(st));
    const only = rest.length === 1 ? rest[0]! : null;
    doesMore = !only || !isWait(only.type === 'ReturnStatement' ? only.argument : statementExpression(only));
  }
  const wait: FoundWait = found === 'opaque' ? { node, delay: null, opaque: true } : { node, delay: found.delay, opaque: false };
  if (found !== 'opaque' && found.region) wait.region = found.region;
  if (found !== 'opaque' && found.scaled) wait.keptAsIs = true;
  if (found !== 'opaque' && found.jitter) wait.jittered = true;
  if (doesMore) wait.doesMore = true;
  return wait;
}

/**
 * Does a helper's `delay` read only what outlives the helper (`this.reconnectDelay`, a variable of the module), so
 * that the retry may grow it where it runs? A name the helper declares (`const delay = 1000`) is the helper's own,
 * whatever the retry does with a name of its own spelled the same.
 */
export function readsOnlyOuter(delay: Node, region: Node, env: HelperWaitEnv): boolean {
  return !someAll(delay, env.keys, (n) => {
    if (n.type !== 'Identifier' || (n.parent?.type === 'MemberExpression' && n.parent.property === n && !n.parent.computed)) return false;
    const variable = findVariable(env.sourceCode.getScope(n), n.name);
    return !!variable && variable.defs.some((def) => contains(region, def.name));
  });
}

/**
 * How a found wait waits, read where the retry is (`writes`, `varying`): a wait of unknown length is `unknown`; a
 * helper's own delay (`region`) is read in the helper, and as growth where the retry runs when it reads only what
 * outlives the helper (`this.reconnectDelay` doubled by the catch).
 */
export function classifyFoundWait(found: FoundWait, writes: RegionWrites, varying: ReadonlySet<string>, env: HelperWaitEnv): WaitInfo {
  if (found.opaque) return { kind: 'unknown', capped: false, jitter: false };
  const measured = classifyDelay(found.delay, { keys: env.keys, writes, varying });
  // A helper that adds randomness to the value passed (`ms + Math.random() * 250`).
  const here = found.jittered && found.delay ? { ...measured, jitter: true } : measured;
  if (!found.delay || !found.region) return here;
  const inHelper = classifyDelay(found.delay, { keys: env.keys, writes: new RegionWrites(found.region, env.keys, true), varying: new Set() });
  return grownWhereRetried(readsOnlyOuter(found.delay, found.region, env), inHelper, here);
}

/**
 * Is `node` inside the block of a `try` with a `catch`, below `boundary` (the retry loop, or the failure path): what
 * it throws is caught there, and the retry goes on (unless the catch leaves).
 */
export function insideTryBlock(node: Node, boundary: Node): boolean {
  const flow = { loopLabel: null, inSwitch: false, innerLabels: new Set<string>() };
  for (let n: Node = node, parent: Node | undefined = n.parent; parent && parent !== boundary; n = parent, parent = n.parent) {
    // `try { await cooldown(ms, signal); } catch { return; }`: a catch that always leaves ends the retry there.
    if (parent.type === 'TryStatement' && parent.block === n && parent.handler && !alwaysLeaves(statementFlow(parent.handler.body, flow))) return true;
  }
  return false;
}
