/**
 * Recursion from failure paths and reconnect-on-event handlers: a function
 * that runs itself again from a `catch`, `.catch`, `onRejected`, an
 * error-first callback's `if (err)`, a timer, or an 'error' / 'close' /
 * 'end' / 'disconnect' handler.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { type ImportTracker, variableAt } from '../imports';
import { boundName, enclosingFunction, type FunctionNode, functionName, isFunction, parameterName } from '../ast/functions';
import { isTypeWrapper as isTypeWrapperNode, unwrapExpression } from '../ast/unwrap';
import { staticMemberName, staticString } from '../ast/static';
import { thisOwner } from '../ast/this-owner';
import { isNothing } from '../ast/nothing';
import { contains, someAll, someOwn, type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { alwaysLeaves, calleeName, emptyCount, nonEmptyCount, type FlowContext, isLogCall, isMemberCall, LISTENER_METHODS, nameKey, type Node, PUT_BACK_METHODS, statementExpression, statementFlow, TAKE_METHODS, TIMER_FUNCTIONS } from './ast';
import { type BoundContext, collectCounters, type FallbackLimit, counterAnswerNames, dropResetCounters, fallbackLimits, guardAtoms, hasThrowIfAborted, isBoundingTest, policyAnswerNames, stopsOnPolicyAnswer, usedUpFlagOnTheWay } from './bounds';
import { classifyDelay, type FoundWait, leadingWait, NO_WAIT, RegionWrites, strongerWait, timerKind, type WaitInfo, waitBefore, waitOf } from './delay';
import { type FinderContext, NO_FIX, type RetryShape } from './model';
import { type RetryRewritePlan, rewritePromiseRecursiveRetry, rewriteRecursiveRetry } from './rewrite';
import { sourceStyle } from '../fix/style';
import { isPacedLibraryRetry, pacedAttempt } from './libraries';
import { endlessIntent, indexesWith, isFixedDelay, mentionsName, rewriteName, waitGrowthRefusal } from './shared';
import { EVENT as RECONNECT_EVENT_TEXT } from './prefilter';
import { guardedBySortedError } from './sorting';
import { awaitedHelperWait, classifyFoundWait, type HelperWait, helperWait, toFoundWait } from './helper-wait';
import { endlessIterator, rebindsIterator, sameFileCallee, stepsIterator, takerCall } from './exhaustion';

const NO_SITES: readonly TSESTree.CallExpression[] = [];
const RECONNECT_EVENTS = new Set(['error', 'close', 'end', 'disconnect', 'disconnected']);
/** Modules whose calls do I/O (a synchronous retry of them reaches the dependency on every call). */
const BLOCKING_IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|tls|dgram|http|https|http2)$|^(fs-extra|graceful-fs|sync-request|sync-fetch|sync-rpc|deasync|then-request)$/;
/**
 * Calls that take a handler off (or clear a timer): a method passed to them is not run. Not `unsubscribe` /
 * `unlisten`, which in some APIs call the function they are given when they are done (`unsubscribe(topic, cb)`).
 */
const UNREGISTER_METHODS = new Set(['off', 'removeListener', 'removeEventListener', 'removeAllListeners', 'clearTimeout', 'clearInterval', 'clearImmediate']);
/** `x.onclose = ...` and the like, as the property is written in the text (callbackRole's and registersReconnect's assignment). */
const ON_EVENT_PROPERTY_TEXT = /\bon(?:error|close|end|disconnect|disconnected)\b/;
const ERROR_PARAM = /^(err|error|e|er|ex|exception|reason)$/i;

type Variable = TSESLint.Scope.Variable;

interface FunctionFrame {
  node: FunctionNode;
  name: string | null;
  /** `this.name()` reaches it (a method). */
  method: boolean;
  /**
   * The variable the name is bound to (`function f`, `const f = ...`,
   * `f = ...`), or for `obj.f = function` the variable `obj`; null when the
   * name does not resolve (an undeclared global, a method). Computed lazily.
   */
  variable?: Variable | null;
  /** The frame of the function around this one, null at the top; computed lazily (`outerFrame`). */
  outer?: FunctionFrame | null;
}

/** The nearest function around `node` (the functions ESLint has entered and not left when it reaches `node`). */
function innermostFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return null;
}

/** A route through helpers: the hops from the call's helper to the site that calls it, up to `top` (by default the re-run function). */
interface ChainRoute {
  hops: { helper: FunctionNode; site: TSESTree.CallExpression }[];
  top?: FunctionNode;
}

interface CalledName {
  name: string;
  method: boolean;
  /** The identifier to resolve: the callee `f`, or `obj` of `obj.f`. */
  id: TSESTree.Identifier | null;
  /** For `self.f()` with `var self = this`: the function whose `this` the alias holds. */
  aliasOf?: FunctionNode;
}

/** The name a callee or timer argument calls: `connect`, `this.connect`, `node.connect`, `connect.bind(this)`. */
function calledName(node: Node): CalledName | null {
  let n = unwrapExpression(node);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && n.callee.property.name === 'bind') {
    n = unwrapExpression(n.callee.object);
  }
  if (n.type === 'Identifier') return { name: n.name, method: false, id: n };
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    if (n.object.type === 'ThisExpression') return { name: n.property.name, method: true, id: null };
    // `node.connect()`: the function assigned with `node.connect = function () {...}`.
    if (n.object.type === 'Identifier') return { name: `${n.object.name}.${n.property.name}`, method: false, id: n.object };
  }
  return null;
}

/**
 * False when the callee's own name rules out a timer, before `timerKind` and
 * `isIntervalCall` look at it twice (each resolving a member callee's global):
 * onCall runs for every call inside a function.
 */
function mayBeTimerCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  if (callee.type === 'Identifier') return TIMER_FUNCTIONS.has(callee.name);
  if (callee.type !== 'MemberExpression') return false;
  const name = staticMemberName(callee);
  return name !== null && TIMER_FUNCTIONS.has(name);
}

/** `setInterval(...)` (the global): a timer that re-runs its callback until cleared. */
function isIntervalCall(call: TSESTree.CallExpression, imports: FinderContext['imports']): boolean {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name === 'setInterval' && imports.isGlobal(callee);
  return callee.type === 'MemberExpression' && imports.globalName(callee, 'setInterval') === 'setInterval';
}

/**
 * A guard that holds only for a WebSocket close with the normal-closure code: `code === 1000`, `event.code == 1000`
 * (also as one side of `&&`), where `code` / `event` is a parameter of the function the test sits in.
 */
function afterNormalClosure(test: Node, branch: Node): boolean {
  const n = unwrapExpression(test);
  if (n.type === 'LogicalExpression' && n.operator === '&&') return afterNormalClosure(n.left, branch) || afterNormalClosure(n.right, branch);
  if (n.type !== 'BinaryExpression' || (n.operator !== '===' && n.operator !== '==')) return false;
  const sides = [unwrapExpression(n.left as Node), unwrapExpression(n.right)];
  const literal = sides.findIndex((side) => side.type === 'Literal' && side.value === 1000);
  if (literal < 0) return false;
  let code = sides[1 - literal]!;
  if (code.type === 'MemberExpression' && !code.computed && code.property.type === 'Identifier' && code.property.name === 'code') code = unwrapExpression(code.object);
  if (code.type !== 'Identifier') return false;
  const fn = enclosingFunction(branch);
  return !!fn && fn.params.some((param) => param.type === 'Identifier' && param.name === (code as TSESTree.Identifier).name);
}

/** A falsy literal: `false`, `null`, `0`, `''`, `undefined`, `void 0`. */
function isFalsyValue(node: Node): boolean {
  const n = unwrapExpression(node);
  if (n.type === 'Literal') return !n.value;
  if (n.type === 'Identifier') return n.name === 'undefined';
  return n.type === 'UnaryExpression' && n.operator === 'void';
}

/**
 * Calls that open a connection: `net.connect`, `client._connect()`,
 * `reconnect()`, `connectToServer()`, `net.createConnection`, `socket.open()`,
 * `io(url)`; not `disconnect`, `isConnected`, `_handleConnected`.
 */
const CONNECT_CALL = /^_*(re)?connect($|[A-Z_0-9])|^(createConnection|open|dial|login|createClient|createSocket|io)$/;
/** A method named for (re)connecting: `connect`, `reconnect`, `_connect`, `connectToBroker`. */
const CONNECT_METHOD = /^_*(re)?connect($|[A-Z_0-9])/;
/** Constructors of connections: `new WebSocket(url)`, `new net.Socket()`, `new EventSource(url)`, `new Redis()`, `new pg.Client()`. */
const CONNECTION_CLASS = /socket|sock$|eventsource|connection|client$|^redis$|^cluster$/i;
/** Error classes named for a connection (`new ConnectionError(...)`, `SocketException`): they report a failure and open nothing. */
const ERROR_CLASS = /(Error|Exception)$/;

function isConnectionClass(name: string): boolean {
  return CONNECTION_CLASS.test(name) && !ERROR_CLASS.test(name);
}
/** A host, or a URL whose host is, the local machine. */
const LOCAL_HOST = /^(([a-z][a-z0-9+.-]*:)?\/\/)?(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)(:\d+)?(\/.*)?$/i;
/** Methods that use up a cached value (`cache.removeAccessToken()`, `tokens.delete(key)`). */
const CONSUME_METHOD = /^(remove|delete|clear|reset|invalidate|drop|evict|discard|forget|unset)(.*)$/i;

/** The `if` whose branch is this assignment alone (`if (t) x = v;`, `if (t) { x = v; }`), or null. */
function ifAlone(assignment: TSESTree.AssignmentExpression): TSESTree.IfStatement | null {
  let holder: Node | undefined = assignment.parent;
  if (holder?.type === 'ExpressionStatement') holder = holder.parent;
  if (holder?.type === 'BlockStatement' && holder.body.length === 1) holder = holder.parent;
  return holder?.type === 'IfStatement' ? holder : null;
}

/** The class body or object literal a method belongs to. */
function memberOwner(fn: FunctionNode): TSESTree.ClassBody | TSESTree.ObjectExpression | null {
  const member = fn.parent;
  const owner = member?.parent;
  if (!member || !owner || (member.type !== 'MethodDefinition' && member.type !== 'Property' && member.type !== 'PropertyDefinition')) return null;
  return owner.type === 'ClassBody' || owner.type === 'ObjectExpression' ? owner : null;
}

/** The named methods of a class body or object literal (the constructor included). */
function ownerMethods(owner: TSESTree.ClassBody | TSESTree.ObjectExpression): { fn: FunctionNode; name: string }[] {
  const items: Node[] = owner.type === 'ClassBody' ? owner.body : owner.properties;
  const out: { fn: FunctionNode; name: string }[] = [];
  for (const item of items) {
    if ((item.type === 'MethodDefinition' || item.type === 'Property' || item.type === 'PropertyDefinition') && !item.computed && item.key.type === 'Identifier' && item.value && isFunction(item.value)) {
      out.push({ fn: item.value, name: item.key.name });
    }
  }
  return out;
}

/**
 * The `catch` a direct re-run sits in, in the retried function itself: null when the failure path is not a
 * `catch`, when a timer or a helper route re-runs it, or when the call sits in a nested function.
 */
function ownCatch(
  call: TSESTree.CallExpression,
  target: FunctionNode,
  failure: 'catch' | 'promise' | 'callback' | null,
  scheduledBy: TSESTree.CallExpression | null,
  viaHelpers: boolean,
): TSESTree.CatchClause | null {
  if (failure !== 'catch' || scheduledBy || viaHelpers || enclosingFunction(call) !== target) return null;
  for (let n: Node | undefined = call.parent; n && n !== target; n = n.parent) if (n.type === 'CatchClause') return n;
  return null;
}

export class RecursiveRetries {
  private readonly keys: VisitorKeys;

  constructor(private readonly ctx: FinderContext) {
    this.keys = ctx.keys;
  }

  private get sourceCode() {
    return this.ctx.sourceCode;
  }

  /** Per function: its frame, made when first asked for (`frameOf`). */
  private readonly frames = new Map<FunctionNode, FunctionFrame>();

  /** The frame of a function: its name, whether it is a method, and (lazily) its variable and the frame around it. */
  private frameOf(fn: FunctionNode): FunctionFrame {
    let frame = this.frames.get(fn);
    if (!frame) {
      const { name, method } = functionName(fn);
      this.frames.set(fn, (frame = { node: fn, name, method }));
    }
    return frame;
  }

  /** The frame of the function around `frame`'s, or null at the top. */
  private outerFrame(frame: FunctionFrame): FunctionFrame | null {
    if (frame.outer === undefined) {
      const outer = innermostFunction(frame.node);
      frame.outer = outer ? this.frameOf(outer) : null;
    }
    return frame.outer;
  }

  /**
   * Every call of the file, as ESLint reaches it. The functions around the
   * call are read from its ancestors (innermost first), one frame per
   * function made once, rather than kept on a stack by enter and exit
   * listeners on every function of the file.
   */
  onCall(call: TSESTree.CallExpression): void {
    if (this.listenerEvent(call) !== null) this.registrations.push(call);
    const around = innermostFunction(call);
    if (!around) return;
    const innermost = this.frameOf(around);
    const timer = mayBeTimerCall(call) && (timerKind(call, this.ctx.imports) !== null || isIntervalCall(call, this.ctx.imports));
    const written = timer ? (call.arguments[0] ? calledName(call.arguments[0]) : null) : calledName(call.callee);
    if (!written) return;
    // `node.connect()` names the function assigned to `node.connect` (also when `const node = this`), else `self.connect()` the method.
    const target = this.findFrame(written, innermost) ?? this.findAliasFrame(written, innermost);
    if (target) {
      this.analyzeRecursion(call, target, timer ? call : null, null);
      return;
    }
    // A helper route re-runs a sibling method or a function declared in scope (`resolveFunction`): never `obj.f()`.
    if (!written.method && written.name.includes('.')) return;
    if (!this.reconnectEventsPossible()) return;
    let helper: FunctionFrame | null = null;
    for (let frame: FunctionFrame | null = innermost; frame; frame = this.outerFrame(frame)) {
      if (frame.name) {
        helper = frame;
        break;
      }
    }
    if (!helper) return;
    this.pendingRoutes.push({ call, called: written, helper, timerCall: timer ? call : null });
  }

  private eventsInText: boolean | undefined;

  /**
   * A helper route needs a function that registers a reconnect handler
   * (`registersReconnect`): without the event's name in the file text (the
   * prefilter's test), no call in the file takes that route, and resolving
   * each call's target would be wasted.
   */
  private reconnectEventsPossible(): boolean {
    return (this.eventsInText ??= RECONNECT_EVENT_TEXT.test(this.sourceCode.text));
  }

  /** The calls of the file that register a reconnect-event listener (`listenerEvent`), in order. */
  private readonly registrations: TSESTree.CallExpression[] = [];
  /** Calls that may re-run a function through a helper, in call order: analysed at the end of the file (`finish`). */
  private readonly pendingRoutes: { call: TSESTree.CallExpression; called: CalledName; helper: FunctionFrame; timerCall: TSESTree.CallExpression | null }[] = [];

  /**
   * The helper routes, at the end of the file, in call order. A route is
   * taken only with a reconnect event on it (analyzeRecursion returns false
   * for a route without one): a hop site or a handler that is a listener
   * registration (`x.on('close', ...)`, a call `listenerEvent` accepts; onCall
   * sees every call of the file), or a handler assigned to `x.onclose`. When
   * no `on<event>` property can be in the text (nor an escape `\u` that could
   * spell one), only the registrations can give the event, so a call is
   * analysed only when one sits in the function it would re-run (the direct
   * route's `registersReconnect`, by that function's name) or, for
   * `this.x()` in a method, in the class or object of the method (the chain
   * route's hops and handlers are all in its sibling methods). The same
   * findings, in the same order among the routes (first come, since their
   * reports are de-duplicated).
   */
  finish(): void {
    const pending = this.pendingRoutes;
    if (pending.length === 0) return;
    if (this.onEventPropertyPossible()) {
      for (const p of pending) this.analyzeHelperRoute(p.call, p.called, p.helper, p.timerCall);
      return;
    }
    if (this.registrations.length === 0) return;
    /** Every node around a registration, and the names of the functions among them. */
    const around = new Set<Node>();
    const names = new Set<string>();
    for (const registration of this.registrations) {
      for (let n: Node | undefined = registration.parent; n && !around.has(n); n = n.parent) {
        around.add(n);
        if (isFunction(n)) {
          // Both names a call may use: `const connect = function openSocket() {…}` is re-run as connect().
          if (n.id) names.add(n.id.name);
          const { name } = boundName(n);
          if (name !== null) names.add(name);
        }
      }
    }
    for (const p of pending) {
      const chain = p.called.method && p.helper.method && around.has(memberOwner(p.helper.node) as Node);
      if (chain || names.has(p.called.name)) this.analyzeHelperRoute(p.call, p.called, p.helper, p.timerCall);
    }
  }

  /**
   * `self.handshake()` with `var self = this` (or `const that = this`)
   * declared once, never reassigned: the method call `this.handshake()` of
   * the function whose `this` the alias holds.
   */
  private thisAlias(called: CalledName): CalledName {
    if (called.method || !called.id || !called.name.includes('.')) return called;
    const variable = variableAt(this.sourceCode, called.id);
    if (!variable || variable.defs.length !== 1) return called;
    const def = variable.defs[0]!.node;
    if (def.type !== 'VariableDeclarator' || def.id.type !== 'Identifier' || !def.init || unwrapExpression(def.init).type !== 'ThisExpression') return called;
    if (variable.references.some((r) => r.isWrite() && r.identifier !== def.id)) return called;
    // The function whose `this` it is: arrows take it from outside.
    let fn = enclosingFunction(def);
    while (fn && fn.type === 'ArrowFunctionExpression') fn = enclosingFunction(fn);
    if (!fn) return called;
    return { name: called.name.slice(called.name.indexOf('.') + 1), method: true, id: null, aliasOf: fn };
  }

  /**
   * The frame `self.x()` names through a `this` alias (`thisAlias`), resolved
   * only when a method named `x` is around the call: the alias's frame must be one.
   */
  private findAliasFrame(written: CalledName, innermost: FunctionFrame): FunctionFrame | null {
    if (written.method || !written.id) return null;
    const dot = written.name.indexOf('.');
    if (dot === -1) return null;
    let method: string | null = null;
    let around = false;
    for (let frame: FunctionFrame | null = innermost; frame && !around; frame = this.outerFrame(frame)) {
      if (!frame.method) continue;
      method ??= written.name.slice(dot + 1);
      around = frame.name === method;
    }
    if (!around) return null;
    const alias = this.thisAlias(written);
    return alias !== written ? this.findFrame(alias, innermost) : null;
  }

  /** The innermost frame from `innermost` outwards whose function `called` names. */
  private findFrame(called: CalledName, innermost: FunctionFrame): FunctionFrame | null {
    for (let frame: FunctionFrame | null = innermost; frame; frame = this.outerFrame(frame)) {
      if (this.matches(frame, called)) return frame;
    }
    return null;
  }

  /**
   * Does `called` name the function of `frame`? The names must agree and,
   * for a plain name, resolve to the same variable: a local
   * `const stringify = ...` inside `function stringify` is another function.
   */
  private matches(frame: FunctionFrame, called: CalledName): boolean {
    if (frame.name !== called.name || frame.method !== called.method) return false;
    if (called.aliasOf) return frame.node === called.aliasOf;
    if (!called.id) return true;
    const resolved = variableAt(this.sourceCode, called.id);
    return this.frameVariable(frame) === resolved;
  }

  private frameVariable(frame: FunctionFrame): Variable | null {
    if (frame.variable !== undefined) return frame.variable;
    const fn = frame.node;
    const parent = fn.parent;
    // Resolved from the name itself (no getDeclaredVariables: not every linter's scope manager has it).
    let id: TSESTree.Identifier | null = null;
    if (fn.id) id = fn.id;
    else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') id = parent.id;
    else if (parent?.type === 'AssignmentExpression') {
      const left = parent.left;
      id = left.type === 'Identifier' ? left : left.type === 'MemberExpression' && left.object.type === 'Identifier' ? left.object : null;
    }
    // The function's own name binds outside its body (a local `var f` inside `function f` is another variable).
    const scope = fn.id ? (this.sourceCode.getScope(fn).upper ?? this.sourceCode.getScope(fn)) : id ? this.sourceCode.getScope(id) : null;
    // By name: given the node, findVariable would descend into the function's own scope again.
    const variable = id && scope ? (findVariable(scope, id.name) ?? null) : null;
    frame.variable = variable;
    return variable;
  }

  /**
   * A reconnect reached through a helper: `connect()` registers
   * `on('close', () => this.scheduleReconnect())` and the helper runs
   * `setTimeout(() => this.connect(), ms)`. `call` (in the helper) re-runs
   * a function that is not lexically around it; when that function hands a
   * failure or a reconnect event to the helper, the call is its retry.
   */
  private analyzeHelperRoute(call: TSESTree.CallExpression, called: CalledName, helper: FunctionFrame, timerCall: TSESTree.CallExpression | null): void {
    const retried = this.resolveFunction(called, helper);
    if (!retried || retried === helper.node || contains(retried, call)) return;
    const frame = this.frameOf(retried);
    if (this.registersReconnect(retried) && this.directHelperRoute(call, frame, helper, timerCall)) return;
    if (called.method && helper.method) this.classChainRoute(call, frame, helper, timerCall);
  }

  /**
   * Per function a helper route re-runs: each call in its body (nested
   * functions included) with the name it calls, and each reconnect-listener
   * registration with the name its handler passes, in source order, from one
   * walk of the body; and per helper, the sites among them that reach it.
   * Every call a helper makes to the function asks for the same sites.
   */
  private readonly helperSites = new Map<FunctionNode, { named: { site: TSESTree.CallExpression; called: CalledName }[]; byHelper: Map<FunctionNode, TSESTree.CallExpression[]> }>();

  /** The calls in `retried` that reach `helperFrame`: a call of it, or a listener registration that passes it. */
  private sitesReaching(retried: FunctionNode, helperFrame: FunctionFrame): readonly TSESTree.CallExpression[] {
    let entry = this.helperSites.get(retried);
    if (!entry) {
      const named: { site: TSESTree.CallExpression; called: CalledName }[] = [];
      walkAll(retried.body, this.keys, (n) => {
        if (n.type !== 'CallExpression') return true;
        const direct = calledName(n.callee);
        if (direct) named.push({ site: n, called: direct });
        // `socket.on('close', this.onClose.bind(this))`: the helper is the handler.
        const handler = this.listenerEvent(n) ? n.arguments[1] : undefined;
        const passed = handler ? calledName(handler) : null;
        if (passed && handler && !isFunction(handler)) named.push({ site: n, called: passed });
        return true;
      });
      this.helperSites.set(retried, (entry = { named, byHelper: new Map() }));
    }
    let sites = entry.byHelper.get(helperFrame.node);
    if (!sites) {
      sites = [];
      for (const { site, called } of entry.named) if (this.matches(helperFrame, called)) sites.push(site);
      entry.byHelper.set(helperFrame.node, sites);
    }
    return sites;
  }

  /** `retried` reaches the helper from a call or a listener registration in its own body. */
  private directHelperRoute(call: TSESTree.CallExpression, frame: FunctionFrame, helperFrame: FunctionFrame, timerCall: TSESTree.CallExpression | null): boolean {
    for (const site of this.sitesReaching(frame.node, helperFrame)) {
      if (this.analyzeRecursion(call, frame, timerCall, { hops: [{ helper: helperFrame.node, site }] })) return true;
    }
    return false;
  }

  /**
   * A reconnect reached through a chain of sibling methods: a reconnect-event
   * handler registered anywhere in the class (`this.on('close', () =>
   * this._setupReconnect())` in the constructor) calls a method that calls
   * another (up to four methods in all, timers included) which re-runs the
   * connect method (`setInterval(() => this._reconnect(), period)`,
   * `_reconnect() { this.connect(); }`). The connect method must open a
   * connection, or be named `connect` / `reconnect` / `_connect`.
   */
  private classChainRoute(call: TSESTree.CallExpression, frame: FunctionFrame, helperFrame: FunctionFrame, timerCall: TSESTree.CallExpression | null): void {
    for (const route of this.chainRoutes(frame, helperFrame)) {
      if (this.analyzeRecursion(call, frame, timerCall, route)) return;
    }
  }

  /** Per helper and re-run method: the chains `chainRoutes` found. */
  private readonly chainRoutesOf = new Map<FunctionNode, Map<FunctionNode, readonly ChainRoute[]>>();

  /**
   * The chains of sibling methods from `helperFrame` to a handler in another
   * method or to `frame`'s method itself (see `classChainRoute`), in the
   * order they are tried: by length, then by method and call site. They do
   * not depend on the call that re-runs the method, so they are found once
   * per helper and method; each call of the helper tries them in turn.
   */
  private chainRoutes(frame: FunctionFrame, helperFrame: FunctionFrame): readonly ChainRoute[] {
    const retried = frame.node;
    let byRetried = this.chainRoutesOf.get(helperFrame.node);
    if (!byRetried) this.chainRoutesOf.set(helperFrame.node, (byRetried = new Map()));
    const cached = byRetried.get(retried);
    if (cached) return cached;
    const routes: ChainRoute[] = [];
    byRetried.set(retried, routes);
    if (!frame.method || !frame.name || !(CONNECT_METHOD.test(frame.name) || this.opensConnection(retried, frame))) return routes;
    const owner = memberOwner(helperFrame.node);
    if (!owner || memberOwner(retried) !== owner) return routes;
    let members = this.membersOf.get(owner);
    if (!members) this.membersOf.set(owner, (members = ownerMethods(owner)));
    const visited = new Set<FunctionNode>([helperFrame.node]);
    let level: { fn: FunctionNode; name: string; hops: ChainRoute['hops'] }[] = [{ fn: helperFrame.node, name: helperFrame.name!, hops: [] }];
    for (let depth = 0; depth < 4 && level.length > 0; depth++) {
      const next: typeof level = [];
      for (const { fn, name, hops } of level) {
        for (const member of members) {
          const sites = this.callSitesOf(member.fn, name);
          for (const site of sites) routes.push({ hops: [...hops, { helper: fn, site }], top: member.fn === retried ? undefined : member.fn });
          if (sites.length > 0 && member.fn !== retried && !visited.has(member.fn)) {
            visited.add(member.fn);
            for (const site of sites) next.push({ fn: member.fn, name: member.name, hops: [...hops, { helper: fn, site }] });
          }
        }
      }
      level = next;
    }
    return routes;
  }

  /** Per class body or object literal: its named methods (`ownerMethods`). */
  private readonly membersOf = new Map<TSESTree.ClassBody | TSESTree.ObjectExpression, { fn: FunctionNode; name: string }[]>();

  /** Per function: its call sites by method name (`callSitesOf`), from one walk of its body. */
  private readonly sitesByName = new Map<FunctionNode, Map<string, TSESTree.CallExpression[]>>();

  /**
   * Calls of `this.name()` in `fn`, and listener or timer registrations that
   * pass `this.name` (bound or not), in source order. `classChainRoute` asks
   * this of every method of a class for every name on its chains, for every
   * call it follows: one walk of `fn` indexes the sites of all names at once
   * (walking each method again per name and per call made a class's cost its
   * size times its calls).
   */
  private callSitesOf(fn: FunctionNode, name: string): readonly TSESTree.CallExpression[] {
    let byName = this.sitesByName.get(fn);
    if (!byName) {
      const index = new Map<string, TSESTree.CallExpression[]>();
      const add = (method: string, site: TSESTree.CallExpression) => {
        const list = index.get(method);
        if (list) list.push(site);
        else index.set(method, [site]);
      };
      const methodName = (n: Node): string | null => {
        const c = calledName(n);
        return c?.method ? c.name : null;
      };
      walkAll(fn.body, this.keys, (n) => {
        if (n.type !== 'CallExpression') return true;
        // A site of the callee's method, else of each method an argument passes (once per name).
        const callee = methodName(n.callee);
        if (callee !== null) add(callee, n);
        // `this.decoder.removeListener('decoded', this.ondecoded)` takes a handler off: it runs nothing.
        if (UNREGISTER_METHODS.has(calleeName(n) ?? '')) return true;
        const passed = new Set<string>();
        for (const a of n.arguments) {
          if (isFunction(a) || a.type === 'SpreadElement') continue;
          const name = methodName(a);
          if (name !== null && name !== callee && !passed.has(name)) {
            passed.add(name);
            add(name, n);
          }
        }
        return true;
      });
      this.sitesByName.set(fn, (byName = index));
    }
    return byName.get(name) ?? NO_SITES;
  }

  private readonly reconnecting = new Map<FunctionNode, boolean>();
  /** Where a reconnect through helpers was reported. */
  private readonly routeReports = new Set<Node>();

  /**
   * Does the function register a reconnect-event handler (`on('close', ...)`,
   * `onclose = ...`)? Once per function, at the end of the file: a
   * registration is a call `listenerEvent` accepts, and onCall has noted every
   * one of the file (`registrations`), so only the `on<event>` assignments
   * need a walk of the body, and only when its text names such a property
   * (`onEventPropertyAt`).
   */
  private registersReconnect(fn: FunctionNode): boolean {
    const cached = this.reconnecting.get(fn);
    if (cached !== undefined) return cached;
    const found =
      this.registrations.some((registration) => contains(fn.body, registration)) ||
      (this.onEventPropertyAt(fn.body.range[0], fn.body.range[1]) &&
        someAll(fn.body, this.keys, (n) => {
          if (n.type !== 'AssignmentExpression' || n.left.type !== 'MemberExpression' || n.left.computed || n.left.property.type !== 'Identifier') return false;
          const property = n.left.property.name;
          return property.startsWith('on') && RECONNECT_EVENTS.has(property.slice(2));
        }));
    this.reconnecting.set(fn, found);
    return found;
  }

  /**
   * Where the file text names an `on<event>` property (`ON_EVENT_PROPERTY_TEXT`):
   * the offsets of the names, or null when a `\u` escape could spell one
   * anywhere. Computed once per file.
   */
  private onEventOffsets: number[] | null | undefined;

  private onEventPropertyOffsets(): number[] | null {
    if (this.onEventOffsets === undefined) {
      const text = this.sourceCode.text;
      if (text.includes('\\u')) this.onEventOffsets = null;
      else {
        const offsets: number[] = [];
        const pattern = new RegExp(ON_EVENT_PROPERTY_TEXT.source, 'g');
        for (let m = pattern.exec(text); m; m = pattern.exec(text)) offsets.push(m.index);
        this.onEventOffsets = offsets;
      }
    }
    return this.onEventOffsets;
  }

  /**
   * Can the file hold an `x.onclose` (and the like) at all? Its text names
   * one, or holds a `\u` escape that could spell one.
   */
  private onEventPropertyPossible(): boolean {
    const offsets = this.onEventPropertyOffsets();
    return offsets === null || offsets.length > 0;
  }

  /** Can the text between `start` and `end` hold an `on<event>` property (an identifier there starts with its name)? */
  private onEventPropertyAt(start: number, end: number): boolean {
    const offsets = this.onEventPropertyOffsets();
    return offsets === null || offsets.some((offset) => offset >= start && offset < end);
  }

  /** The function a call names when it is not around the call: a sibling method, or a function declared in scope. */
  private resolveFunction(called: CalledName, from: FunctionFrame): FunctionNode | null {
    if (called.method) {
      const member = from.node.parent;
      const owner = member?.parent;
      if (!member || !owner || (owner.type !== 'ClassBody' && owner.type !== 'ObjectExpression')) return null;
      const items: Node[] = owner.type === 'ClassBody' ? owner.body : owner.properties;
      for (const item of items) {
        if ((item.type === 'MethodDefinition' || item.type === 'Property') && !item.computed && item.key.type === 'Identifier' && item.key.name === called.name && isFunction(item.value)) {
          return item.value;
        }
      }
      return null;
    }
    if (!called.id || called.name.includes('.')) return null;
    const variable = variableAt(this.sourceCode, called.id);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    if (def.node.type === 'FunctionDeclaration') return def.node;
    if (def.node.type === 'VariableDeclarator' && def.node.init && isFunction(def.node.init)) return def.node.init;
    return null;
  }

  /** The reconnect event a listener registration (`x.on('close', fn)`) is for. */
  private listenerEvent(call: TSESTree.CallExpression): string | null {
    const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !LISTENER_METHODS.has(callee.property.name)) return null;
    const name = staticString(call.arguments[0]);
    return name !== null && RECONNECT_EVENTS.has(name) ? name : null;
  }

  /**
   * Walks from a call that re-runs `frame` up to that function, noting the
   * failure path it passes (catch, .catch, onRejected, `if (err)`), an event
   * handler, a timer, and guards that bound it. With `route`, the call sits
   * in a helper that the walk leaves for the site that calls it (hop by hop,
   * up to `route.top`, by default `frame` itself). Returns whether the
   * call was taken for a retry (reported to the rules or not).
   */
  private analyzeRecursion(
    call: TSESTree.CallExpression,
    frame: FunctionFrame,
    timerCall: TSESTree.CallExpression | null,
    route: { hops: { helper: FunctionNode; site: TSESTree.CallExpression }[]; top?: FunctionNode } | null,
  ): boolean {
    const target = frame.node;
    /** Where the walk ends: the retried function, or the method whose handler starts a chain of helpers. */
    const top = route?.top ?? target;
    let hop = 0;
    let handlerFn: FunctionNode | null = null;
    let failure: 'catch' | 'promise' | 'callback' | null = null;
    let event: string | null = null;
    let scheduledBy = timerCall;
    let guardedInInterval = false;
    const guards: { test: Node; branch: Node }[] = [];
    /** Tests whose true outcome takes the other way, not the retry: `if (++this.attempts >= 10) { giveUp } else { retry }`. */
    const exitGuards: Node[] = [];
    const failureRegions: Node[] = [];
    const errorNames = new Set<string>();
    let promiseHandler: FunctionNode | null = null;
    /** Where the failure path sits (try statement, promise call, callback) and the failure branch itself. */
    const containers: { container: Node; failure: Node }[] = [];
    let node: Node = call;
    while (node !== top) {
      if (route && hop < route.hops.length && node === route.hops[hop]!.helper) {
        // The failure or event must be in the retried function, not in the helper (that is the same pair seen the other way round).
        if (failure || event) return false;
        const site = route.hops[hop]!.site;
        hop++;
        node = site;
        const handled = this.listenerEvent(site);
        if (handled && site.arguments[1] && !isFunction(site.arguments[1])) event ??= handled;
        // `setInterval(this._reconnect.bind(this), ms)`: the helper is the timer's callback.
        if (!isFunction(site.arguments[0] ?? site) && (timerKind(site, this.ctx.imports) !== null || isIntervalCall(site, this.ctx.imports))) scheduledBy ??= site;
        continue;
      }
      if (route && node === target && top !== target) return false;
      const parent: Node | undefined = node.parent;
      if (!parent) return false;
      if (parent.type === 'CatchClause' && parent.body === node) {
        failure ??= 'catch';
        failureRegions.push(parent.body);
        if (parent.param?.type === 'Identifier') errorNames.add(parent.param.name);
        if (parent.parent) containers.push({ container: parent.parent, failure: parent.body });
      } else if (parent.type === 'IfStatement' && parent.consequent === node) {
        guards.push({ test: parent.test, branch: node });
        const fn = enclosingFunction(parent);
        if (fn && fn !== target && this.testsErrorParam(parent.test, fn)) {
          failure ??= 'callback';
          failureRegions.push(node);
          if (fn.params[0]?.type === 'Identifier') errorNames.add(fn.params[0].name);
          containers.push({ container: fn, failure: node });
        }
      } else if (parent.type === 'IfStatement' && parent.alternate === node) {
        // `if (err) {...} else { retry() }`: the success branch.
        const fn = enclosingFunction(parent);
        if (fn && fn !== target && this.testsErrorParam(parent.test, fn)) return false;
        exitGuards.push(parent.test);
      } else if ((parent.type === 'ConditionalExpression' && parent.consequent === node) || (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === node)) {
        guards.push({ test: parent.type === 'ConditionalExpression' ? parent.test : parent.left, branch: node });
      } else if (parent.type === 'ConditionalExpression' && parent.alternate === node) {
        exitGuards.push(parent.test);
      } else if (parent.type === 'LogicalExpression' && parent.operator === '||' && parent.right === node) {
        exitGuards.push(parent.left);
      }
      if (isFunction(node) && node !== target) {
        const role = this.callbackRole(node);
        if (role === null) return false;
        if (role.kind === 'timer') {
          scheduledBy = role.call;
          // `setInterval(() => { if (--countdown === 0) connect(); }, 1000)`: the interval is a countdown tick, not the wait.
          guardedInInterval = guards.length > 0 && isIntervalCall(role.call, this.ctx.imports);
        }
        else if (role.kind === 'promise') {
          promiseHandler ??= node;
          failure ??= 'promise';
          failureRegions.push(node.body);
          if (node.params[0]?.type === 'Identifier') errorNames.add(node.params[0].name);
          if (node.parent) containers.push({ container: node.parent, failure: node });
        } else if (role.kind === 'event') {
          event ??= role.event;
          handlerFn ??= node;
        }
        // 'callback' and 'executor' pass through.
      }
      node = parent;
    }
    if (route && hop < route.hops.length) return false;
    if (!failure && !event) return false;
    // Through a helper, only reconnects: a failure path that calls a function which calls back is more often a trampoline or error propagation.
    if (route && failure) return false;
    // `invoke('throw', err)`: the failure is handed on, not retried.
    const passed = timerCall && call === timerCall ? call.arguments.slice(2) : call.arguments;
    if (errorNames.size > 0 && passed.some((arg) => mentionsName(this.keys, arg, errorNames))) return false;
    // Re-run on success too (`.then(next, () => next())`): a continuation or poll, not a retry.
    if (containers.some(({ container, failure: branch }) => this.referencesOutside(container, branch, frame))) return false;
    // Recursion on another input (`make(path.dirname(p))`): divide and conquer, not a retry.
    if (this.isStructuralRecursion(frame)) return false;
    // `const next = queue.shift(); if (!next) return;`: each run takes the next item, so running again moves on.
    if (this.drainsQueue(target)) return false;
    // `({ host } = this.getNextConnection())` on the query plan the re-run keeps: hosts tried in turn until the plan runs out.
    if (this.takesNextCandidate(target, frame, call)) return false;
    // `if (end) { end = false; reconnect(); }`: the branch uses up what guards it, so it runs once, not again and again.
    if (guards.some((g) => this.usesUpGuard(g.test, g.branch, call, target))) return false;
    // `onClose(code) { if (code === 1000) { this.resubscribe(); return; } ... }`: a reopen after a normal closure (RFC 6455's
    // 1000, a close both sides agreed on), which needs a connection that opened; an unreachable server closes with 1006.
    if (event && guards.some((g) => afterNormalClosure(g.test, g.branch))) return false;
    // `if (this.transports.length > 1) { this.transports.shift(); return this._open(); }`: the next alternative, bounded by the list.
    if (guards.some((g) => this.takesAlternative(g.test, g.branch, call))) return false;
    // `if (this.timeout > max) { this.timeoutOverride = max; return send(); }`: one more attempt with the value the failure allowed.
    if (guards.some((g) => this.clampsGuard(g.test, g.branch, call, target))) return false;
    const shape: RetryShape = event && !failure ? 'reconnect' : 'recursion';
    // An 'end' / 'close' handler that re-runs a function opening no connection (a readable stream, a child process): not a reconnect.
    if (shape === 'reconnect' && !this.opensConnection(target, frame) && !(route?.top && frame.name && CONNECT_METHOD.test(frame.name))) return false;
    // `if (open) { this.once('close', () => this.connect(cfg)); this.end(); return this; }`: a restart, once.
    if (shape === 'reconnect' && handlerFn && !route && this.restartsOnce(handlerFn, target)) return false;
    // Every connection it opens goes to the local machine (`net.connect({ host: 'localhost', port })`): a wait for
    // the developer's own server to come up, not a flood on a shared service.
    if (this.connectsOnlyLocally(target, frame)) return false;
    // `catch { return createModelClassCtor('ModelConstructor', Base); }` in a synchronous function: one fallback to a
    // fixed input (a literal in place of a parameter), not the same work again; were the fallback to fail the same way,
    // the synchronous self-call ends in a stack overflow within milliseconds, not a steady flood.
    const handlerOfCall = ownCatch(call, target, failure, scheduledBy, route !== null);
    if (handlerOfCall && this.syncLiteralFallback(call, target, handlerOfCall)) return false;
    // `try { await once(this, 'ready'); } catch { return this.send(payload); }`: the re-run only waits for the event again.
    if (handlerOfCall && this.rewaitsForEvent(call, target, handlerOfCall)) return false;

    const bodies: Node[] = [target.body];
    if (route) for (const h of route.hops) bodies.push(h.helper.body);
    // A chain started in another method (the constructor): its handler, not the whole method.
    if (route?.top && handlerFn) bodies.push(handlerFn.body);
    const counters = new Set<string>();
    for (const body of bodies) for (const c of collectCounters(body, this.keys, true)) counters.add(c);
    // A counter the re-run starts again (`let tries = 0` in the function, `this.attempts = 0` at its top, or on the
    // way to the re-run: `else { this.attempts = 0; setTimeout(() => this.connect(), 1000); }`) bounds nothing.
    dropResetCounters(counters, target.body, this.keys);
    // On the way from a callback of the function (the 'close' handler) to the re-run; the function's own body is done above.
    if (contains(target, call)) {
      for (let node: Node = call; node !== target && node.parent; node = node.parent) {
        const parent: Node = node.parent;
        if (parent.type !== 'BlockStatement' || enclosingFunction(parent) === target) continue;
        if (parent.parent?.type === 'TryStatement' && parent.parent.block === parent) continue;
        for (const before of parent.body.slice(0, parent.body.indexOf(node as TSESTree.Statement))) dropResetCounters(counters, before, this.keys);
      }
    }
    const varying = new Set<string>();
    /** Parameters the re-run passes a new value (`attempt + 1`, `next`): counters; a literal (`0`) starts one again. */
    const progressing = new Set<string>();
    const noteParam = (param: TSESTree.Parameter, arg: Node | undefined) => {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      if (id.type !== 'Identifier' || !arg || (arg.type === 'Identifier' && arg.name === id.name)) return;
      varying.add(id.name);
      if (unwrapExpression(arg).type !== 'Literal') progressing.add(id.name);
    };
    if (!timerCall || call !== timerCall) {
      if (!route) target.params.forEach((param, i) => noteParam(param, call.arguments[i]));
    } else {
      // setTimeout(fn, ms, ...args): the extra arguments are fn's parameters.
      target.params.forEach((param, i) => noteParam(param, call.arguments[i + 2]));
    }
    for (const v of progressing) counters.add(v);
    // `parsers[index]` with `index++`: trying alternatives in turn.
    if (bodies.some((body) => indexesWith(body, counters, this.keys))) return false;
    // `const { shouldRetry } = await getRetryConfig(err); if (shouldRetry) return this._request(opts);`: a policy the file cannot see decides.
    const policyAnswers = failure === 'catch' || failure === 'promise' ? policyAnswerNames(failureRegions, errorNames, this.keys, this.sourceCode) : new Set<string>();
    // `const outcome = await refresher.handle(snapshot, attempt); if (outcome === Success) return this.run(attempt + 1);`:
    // the callee given the count decides (and, awaited, may have waited).
    const counterAnswers = counterAnswerNames(failureRegions, counters, this.keys, this.sourceCode);
    const asked = counterAnswers.awaited.size > 0 ? new Set([...policyAnswers, ...counterAnswers.awaited]) : policyAnswers;
    const asksPolicy = asked.size > 0 && guards.some((g) => mentionsName(this.keys, g.test, asked));
    const boundCtx: BoundContext = { keys: this.keys, sourceCode: this.sourceCode, imports: this.ctx.imports, counters, unboundedAbove: this.ctx.options.unboundedAbove, policyAnswers, counterAnswers: counterAnswers.names, weakCounterAnswers: counterAnswers.weak, restartRegion: target.body };
    const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
    // `if (!this.retried) { this.retried = true; return this.send(); }`, or an exit check before the re-run that the way
    // on makes true (pacote: `if (err.code !== 'E404' || this.fullMetadata) throw err; this.fullMetadata = true; return
    // this.packument();`): one more attempt at most, not a retry for either rule.
    if (shape === 'recursion' && !route && call.type === 'CallExpression' && usedUpFlagOnTheWay(call, target, boundCtx, flowCtx)) return false;
    let bounded = guards.some((g) => isBoundingTest(g.test, boundCtx, 'continueWhenTrue')) || exitGuards.some((test) => isBoundingTest(test, boundCtx, 'exitWhenTrue', true));
    if (!bounded) {
      // An exit check anywhere in the function, nested callbacks included.
      bounded = bodies.some((body) =>
        someAll(
          body,
          this.keys,
          (n) =>
            n.type === 'IfStatement' &&
            ((alwaysLeaves(statementFlow(n.consequent, flowCtx)) && isBoundingTest(n.test, boundCtx, 'exitWhenTrue')) ||
              (!!n.alternate && alwaysLeaves(statementFlow(n.alternate, flowCtx)) && isBoundingTest(n.test, boundCtx, 'continueWhenTrue'))),
        ),
      );
    }
    // `if (cluster.findNodes(pattern).length !== 0) return this.getConnection(cb);` with `getConnection` picking its node
    // from `cluster.findNodes(pattern)` and handing it to `cluster`: failover, while the source offers a candidate.
    if (!bounded && shape === 'recursion') bounded = this.failsOver(guards, failureRegions, call, target);
    if (!bounded) bounded = bodies.some((body) => hasThrowIfAborted(body, this.keys));
    // `while (delay !== null)` with the delay asked of a retry policy after each failure: the policy ends it.
    if (!bounded) bounded = bodies.some((body) => stopsOnPolicyAnswer(body, this.keys, this.sourceCode));

    const writes = new RegionWrites(route ? bodies : target.body, this.keys, true);
    const waitsInFailure: FoundWait[] = [];
    let wait: WaitInfo = NO_WAIT;
    if (scheduledBy) {
      if (guardedInInterval) wait = { kind: 'unknown', capped: false, jitter: false };
      else if (timerKind(scheduledBy, this.ctx.imports) === 'setTimeout' || isIntervalCall(scheduledBy, this.ctx.imports)) {
        wait = classifyDelay(scheduledBy.arguments[1] ?? null, { keys: this.keys, writes, varying });
      }
    } else {
      for (const region of failureRegions) {
        walkOwn(region, this.keys, (n) => {
          // A helper of the file is read by its body first (`sleep(seconds)` that waits `seconds * 1000`), by its name only when the body says nothing.
          const env = { sourceCode: this.sourceCode, imports: this.ctx.imports, keys: this.keys };
          const found = awaitedHelperWait(n, region, target, env) ?? waitOf(n, this.ctx.imports, this.keys);
          if (found) {
            waitsInFailure.push(found);
            const info = classifyFoundWait(found, writes, varying, env);
            wait = strongerWait(wait, info);
            return false;
          }
          return true;
        });
      }
    }

    // `await this.recoverFromError(err); return this.load();`: the wait inside an awaited helper of the file, before the re-run.
    if (shape === 'recursion' && !scheduledBy && wait.kind === 'none' && (failure === 'catch' || failure === 'promise')) {
      // The rewrite keeps it as the failure path's wait (no second wait after it).
      const viaHelper = this.awaitedHelperWait(call, failureRegions);
      // A delay the failure path passes (`await holdOff(1000 * 2 ** attempt)`) is read as the retry's own; one of a helper, in it.
      if (viaHelper) {
        waitsInFailure.push(viaHelper.wait);
        wait = classifyFoundWait(viaHelper.wait, writes, varying, { sourceCode: this.sourceCode, imports: this.ctx.imports, keys: this.keys });
      }
    }
    // `const tryReconnect = async (attempt) => { try { await sleep(delay(attempt)); ... } catch { await tryReconnect(attempt + 1); } }`
    // (tRPC's WebSocket client): the function re-run waits before anything else, so each attempt after a failure waits first.
    let waitsFirst = false;
    if (shape === 'recursion' && !scheduledBy && !route && wait.kind === 'none' && (failure === 'catch' || failure === 'promise')) {
      const first = firstAwaitWait(target, call, this.ctx.imports, this.keys);
      if (first) {
        waitsFirst = true;
        wait = first.opaque || !first.delay ? { kind: 'unknown', capped: false, jitter: false } : classifyDelay(first.delay, { keys: this.keys, writes, varying });
      }
    }
    // The policy asked after the failure may have waited before it answered (gaxios sleeps in getRetryConfig): not judged.
    if (asksPolicy && wait.kind === 'none') wait = { kind: 'unknown', capped: false, jitter: false };
    // `_connect() { this._wait().then(() => { this._ws = new WebSocket(url); }) }`: the reconnect waits inside the function it re-runs.
    // `await setTimeout(500); return this.internalConnect();` in the helper the handler reaches: the wait right before the re-run.
    if (shape === 'reconnect' && wait.kind === 'none') {
      const leading = leadingWait(target.body, this.ctx.imports, this.keys) ?? [call, ...(route?.hops.map((h) => h.site) ?? [])].map((n) => waitBefore(n, this.ctx.imports, this.keys)).find((w) => w !== null);
      if (leading) wait = leading.opaque || !leading.delay ? { kind: 'unknown', capped: false, jitter: false } : classifyDelay(leading.delay, { keys: this.keys, writes, varying });
    }
    // `connect() { ... retry(this.createConnection.bind(this), { factor, maxDelay, ... }) }` (@lifeomic/attempt, p-retry):
    // the re-run starts a run of a retry library that backs off, so the waits between its attempts are the library's.
    if (shape === 'reconnect' && (wait.kind === 'none' || wait.kind === 'constant') && this.entersPacedLibraryRun(target)) wait = { kind: 'unknown', capped: false, jitter: false };
    // `this.delayReconnectAttempt(this.start)`, whose body runs `cb` from `setTimeout(..., ms)`: that timer is the wait.
    if (shape === 'reconnect' && wait.kind === 'none' && route) {
      for (const { helper, site } of route.hops) {
        const delayed = this.delayedRun(site, helper);
        if (delayed) {
          wait = classifyDelay(delayed.delay, { keys: this.keys, writes: new RegionWrites([...bodies, delayed.runner.body], this.keys, true), varying });
          break;
        }
      }
    }
    const reportNode = scheduledBy ?? call;
    // One chain seen from two of its calls (`this.connect()` in `_reconnect`, `this._reconnect()` in the timer): one report.
    if (route) {
      if (this.routeReports.has(reportNode)) return true;
      this.routeReports.add(reportNode);
    }
    let plan: RetryRewritePlan | null = null;
    if (waitsFirst) plan = null;
    else if (!route && shape === 'recursion' && !scheduledBy && failure === 'catch') plan = this.recursionPlan(call, frame, waitsInFailure, writes, varying, bodies.flatMap((body) => fallbackLimits(body, boundCtx))[0] ?? null);
    else if (!route && shape === 'recursion' && !scheduledBy && failure === 'promise' && promiseHandler) plan = this.promiseRecursionPlan(call, frame, promiseHandler);
    let noFix: string;
    if (shape === 'reconnect') noFix = NO_FIX.reconnect;
    else if (waitsFirst) noFix = NO_FIX.waitsFirst;
    else if (!scheduledBy && !route && failure === 'promise' && promiseHandler && this.chainReturned(target, promiseHandler)) {
      // The chain is what the function returns: its caller does see the last failure.
      const refusal = this.attemptParameterRefusal(call, frame);
      noFix = refusal === null ? NO_FIX.promiseHandler : NO_FIX.recursion(refusal);
    } else if (failure === 'callback') noFix = NO_FIX.errorFirst;
    else if (scheduledBy || route || failure !== 'catch') noFix = NO_FIX.callback;
    else if (!target.async) noFix = NO_FIX.sync;
    else {
      // A site found means a rewrite was planned; the reason is then never shown.
      const site = this.recursionSite(call, frame);
      noFix = typeof site === 'string' ? site : NO_FIX.recursionPlace;
    }
    this.ctx.onRetry({
      shape,
      loc: reportNode.loc,
      name: frame.name,
      event,
      bounded,
      // Sorted only where the other errors can be rethrown or returned (a catch, a rejection handler). A reconnect from an
      // event handler or an error-first callback is never sorted: checking the code of a connection error is still the reconnect storm.
      sorted: shape === 'recursion' && (failure === 'catch' || failure === 'promise') && guardedBySortedError(guards, errorNames, this.keys),
      wait,
      rewrite: plan,
      noFix: plan ? null : noFix,
      endlessByDesign: bounded ? null : endlessIntent(this.sourceCode, failureRegions[0] ?? target, target),
    });
    return true;
  }

  /**
   * A synchronous function of pure computation re-run directly from its own `catch` with a literal that changes
   * the failing work: `sortKeys(keys, false)` where `manual = true` is read before the `try`,
   * `createModelClassCtor('ModelConstructor', Base)` where `name` is compiled in the `try`. A fallback to a fixed
   * input; were it to fail the same way, the synchronous self-call would end in a stack overflow within
   * milliseconds. All of: not `async`, no generator, no timer or helper route; the literal goes to a parameter read
   * outside the `catch` (not a flag only logged there, not an unread one) and differs from its default; and the
   * function does no blocking I/O (`...Sync` calls, `Atomics.wait`, `deasync`, anything from `fs`,
   * `child_process`, `net`, `http(s)` or a synchronous HTTP module), where 8,000 immediate self-calls would each
   * reach the dependency. The same input again (`readConfig(path)`) and any asynchronous fallback
   * (`connect('wss://backup...')` in an `async` function) stay retries.
   */
  private syncLiteralFallback(call: TSESTree.CallExpression, target: FunctionNode, handler: TSESTree.CatchClause): boolean {
    if (target.async || target.generator || this.blockingIo(target)) return false;
    // A literal's value (a template literal without expressions is a string), or null for anything else.
    const fixed = (node: Node): { value: unknown } | null => {
      const v = unwrapExpression(node);
      if (v.type === 'Literal') return { value: v.value };
      return v.type === 'TemplateLiteral' && v.expressions.length === 0 ? { value: v.quasis[0]!.value.cooked } : null;
    };
    return target.params.some((param, i) => {
      const arg = call.arguments[i];
      const passed = arg && arg.type !== 'SpreadElement' ? fixed(arg) : null;
      if (!passed) return false;
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      if (id.type !== 'Identifier') return false;
      // The same value as the default: the same input again.
      const byDefault = param.type === 'AssignmentPattern' ? fixed(param.right) : null;
      if (byDefault && Object.is(byDefault.value, passed.value)) return false;
      // Read outside the catch: the literal changes the work that failed, not only what the catch logs.
      return someAll(target.body, this.keys, (n) => n !== handler && n.type === 'Identifier' && n.name === id.name && !contains(handler!, n));
    });
  }

  /**
   * A re-run that only waits for an event again: the `try` holds nothing but awaited `events.once(emitter, 'name')`
   * (no options, so no abort signal that would reject again at once), the function is re-run directly from its
   * `catch` with its own parameters and the `catch` does nothing else but log, and on the way from its start to
   * the `try` it does nothing but log and test
   * (`if` tests without `await` or `new`; a branch that runs anything else must leave the function). discord.js's
   * `send(payload)`: `await once(this, 'ready')` rejects when the shard emits `'error'`, and the re-run waits for
   * `'ready'` again; it sends nothing, so each failure is one more listener, paced by the emitter's errors. A re-run
   * that opens a connection or sends before the wait (`this.ws = new WebSocket(url); await once(this.ws, 'open')`)
   * stays a retry.
   */
  private rewaitsForEvent(call: TSESTree.CallExpression, target: FunctionNode, handler: TSESTree.CatchClause): boolean {
    if (!target.async || target.body.type !== 'BlockStatement') return false;
    const tryStatement = handler.parent?.type === 'TryStatement' ? handler.parent : null;
    if (!tryStatement || tryStatement.block.body.length === 0) return false;
    // The same parameters, in order.
    if (call.arguments.length !== target.params.length) return false;
    const same = target.params.every((param, i) => {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      const arg = call.arguments[i];
      return id.type === 'Identifier' && arg?.type === 'Identifier' && arg.name === id.name;
    });
    if (!same) return false;
    const eventWait = (statement: Node): boolean => {
      const value = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'VariableDeclaration' && statement.declarations.length === 1 ? statement.declarations[0]!.init : null;
      if (value?.type !== 'AwaitExpression' || value.argument.type !== 'CallExpression' || value.argument.arguments.length !== 2) return false;
      const origin = this.ctx.imports.originOf(value.argument.callee);
      return origin?.module === 'events' && origin.path.join('.').replace(/^EventEmitter\./, '') === 'once' && staticString(value.argument.arguments[1]) !== null;
    };
    if (!tryStatement.block.body.every(eventWait)) return false;
    // The catch only logs and re-runs (`catch { this.ws = new WebSocket(url); return this.waitOpen(url); }` connects again).
    const rerun = (statement: Node): boolean => {
      const value = statement.type === 'ReturnStatement' ? statement.argument : statement.type === 'ExpressionStatement' ? statement.expression : null;
      const called = value?.type === 'AwaitExpression' ? value.argument : value;
      return !!called && unwrapExpression(called) === call;
    };
    // Only logs and tests on the way in.
    const quietTest = (test: Node) =>
      !someOwn(test, this.keys, (n) => n.type === 'AwaitExpression' || n.type === 'NewExpression' || n.type === 'AssignmentExpression' || n.type === 'UpdateExpression' || (n.type === 'CallExpression' && !/^(has|includes|indexOf|startsWith|endsWith|(is|has)[A-Z_]\w*)$/.test(calleeName(n) ?? '')));
    const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
    const logLine = (statement: Node) => statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression' && isLogCall(statement.expression) && statement.expression.arguments.every(quietTest);
    const quietStatement = (statement: Node): boolean => {
      if (statement.type === 'ExpressionStatement') return logLine(statement);
      if (statement.type === 'IfStatement') return quietTest(statement.test) && !statement.alternate && alwaysLeaves(statementFlow(statement.consequent, flowCtx));
      return statement.type === 'EmptyStatement';
    };
    if (!tryStatement.handler!.body.body.every((statement) => rerun(statement) || logLine(statement))) return false;
    for (let n: Node = tryStatement, parent = n.parent; n !== target.body; n = parent!, parent = n.parent) {
      if (!parent) return false;
      if (parent.type === 'BlockStatement') {
        const statements = parent.body as Node[];
        if (!statements.slice(0, statements.indexOf(n)).every(quietStatement)) return false;
      } else if (parent.type === 'IfStatement') {
        if (!quietTest(parent.test)) return false;
      } else return false;
    }
    return true;
  }

  /**
   * A restart: the handler is registered with `once` for the close the function itself then causes
   * (`this.once('close', () => this.connect(cfg)); this.end(); return this;`), in a branch of the function that
   * always leaves it. ssh2's `connect()` on a client still connected closes the old connection and connects again
   * when it has closed: the handler runs for that one close, and the re-run opens a new connection without
   * registering another (the branch is for a connection still open). A handler registered with `on`, or outside
   * such a branch (every run adds one), or for a close the function does not cause, stays a reconnect.
   */
  private restartsOnce(handler: FunctionNode, target: FunctionNode): boolean {
    const registration = handler.parent;
    // A close the function causes: not an 'error', which ending the connection does not emit.
    if (registration?.type !== 'CallExpression' || registration.arguments[1] !== handler || !/^(close|end|disconnect|disconnected)$/.test(this.listenerEvent(registration) ?? '')) return false;
    const callee = unwrapExpression(registration.callee);
    if (callee.type !== 'MemberExpression' || staticMemberName(callee) !== 'once') return false;
    const statement = registration.parent;
    const block = statement?.type === 'ExpressionStatement' ? statement.parent : null;
    if (block?.type !== 'BlockStatement' || block.parent?.type !== 'IfStatement' || block.parent.consequent !== block || enclosingFunction(block) !== target) return false;
    const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
    if (!alwaysLeaves(statementFlow(block, flowCtx))) return false;
    const emitter = this.sourceCode.getText(callee.object);
    const later = block.body.slice(block.body.indexOf(statement as TSESTree.Statement) + 1);
    return later.some(
      (n) =>
        n.type === 'ExpressionStatement' &&
        n.expression.type === 'CallExpression' &&
        n.expression.callee.type === 'MemberExpression' &&
        /^(end|close|destroy|disconnect|terminate)$/.test(staticMemberName(n.expression.callee) ?? '') &&
        this.sourceCode.getText(n.expression.callee.object) === emitter,
    );
  }

  /**
   * A hop whose site hands the helper to a function of the file instead of calling it
   * (`this.delayReconnectAttempt(this.start)`), where that function runs the parameter it receives
   * only from a `setTimeout` callback (`setTimeout(() => { ...; cb.apply(this); }, msBeforeRetry)`):
   * the runner and the timer's delay, or null.
   */
  private delayedRun(site: TSESTree.CallExpression, helper: FunctionNode): { runner: FunctionNode; delay: Node | null } | null {
    const { name: helperName, method } = functionName(helper);
    if (!helperName) return null;
    // The helper itself as the argument (`this.start` for a method, `start` for a function), with no spread before it.
    const index = site.arguments.findIndex((a) => !isFunction(a) && a.type !== 'SpreadElement' && calledName(a)?.name === helperName && calledName(a)?.method === method);
    if (site.arguments.slice(0, Math.max(index, 0)).some((a) => a.type === 'SpreadElement')) return null;
    const called = index >= 0 ? calledName(site.callee) : null;
    if (!called) return null;
    // A sibling method of the helper's class (`this.delayReconnectAttempt`), else a function the site's scope declares.
    const owner = called.method ? memberOwner(helper) : null;
    const around = innermostFunction(site);
    const runner = owner ? (ownerMethods(owner).find((m) => m.name === called.name)?.fn ?? null) : around ? this.resolveFunction(called, this.frameOf(around)) : null;
    const param = runner?.params[index];
    if (!runner || param?.type !== 'Identifier') return null;
    // Every use of the parameter is a run of it inside one setTimeout callback.
    let timer: TSESTree.CallExpression | null = null;
    let other = false;
    walkAll(runner.body, this.keys, (n) => {
      if (other) return false;
      if (n.type !== 'Identifier' || n.name !== param.name || n.parent?.type === 'MemberExpression' && n.parent.property === n) return true;
      const runs = (n.parent?.type === 'CallExpression' && n.parent.callee === n) || (n.parent?.type === 'MemberExpression' && n.parent.object === n && /^(apply|call)$/.test(staticMemberName(n.parent) ?? '') && n.parent.parent?.type === 'CallExpression');
      let fn: Node | undefined = n.parent;
      while (fn && !isFunction(fn)) fn = fn.parent;
      const scheduler = fn && fn !== runner ? fn.parent : undefined;
      if (!runs || scheduler?.type !== 'CallExpression' || timerKind(scheduler, this.ctx.imports) !== 'setTimeout' || scheduler.arguments[0] !== fn || (timer && timer !== scheduler)) other = true;
      else timer = scheduler;
      return true;
    });
    const delay = timer && !other ? (timer as TSESTree.CallExpression).arguments[1] : undefined;
    return delay && delay.type !== 'SpreadElement' ? { runner, delay } : null;
  }

  /**
   * The wait of a helper of the file awaited right before the re-run on the
   * failure path (a statement before it, in its block or a block around it,
   * inside the failure path): `await this.recoverFromSyncStartupError(err);
   * return this.getPushRules();`. See `helperWait`.
   */
  private awaitedHelperWait(call: Node, regions: readonly Node[]): { found: HelperWait | 'opaque'; wait: FoundWait } | null {
    for (let n: Node = call, parent = n.parent; parent && !isFunction(n); n = parent, parent = n.parent) {
      if (regions.includes(n)) break;
      if (parent.type !== 'BlockStatement') continue;
      const statements = parent.body as Node[];
      for (let i = statements.indexOf(n) - 1; i >= 0; i--) {
        const statement = statements[i]!;
        const expression = statementExpression(statement);
        if (expression?.type !== 'AwaitExpression') continue;
        const awaited = unwrapExpression(expression.argument);
        const helper = awaited.type === 'CallExpression' ? sameFileCallee(awaited, this.sourceCode) : null;
        const env = { sourceCode: this.sourceCode, imports: this.ctx.imports, keys: this.keys };
        const found = helper ? helperWait(env, helper, 2, awaited as TSESTree.CallExpression, null) : null;
        // `await sleep(pause)` with `pause = 0`: no wait.
        const zero = found && found !== 'opaque' && found.delay.type === 'Literal' && found.delay.value === 0;
        if (helper && found && !zero) return { found, wait: toFoundWait(expression, helper, found, env) };
      }
    }
    return null;
  }

  /**
   * Does `fn` (a reconnect's re-run) start a run of a retry library that backs off (`isPacedLibraryRetry`) whose
   * attempt opens the connection, in its own code (`return retry(this.connectOnce.bind(this), {...})`, also under an
   * `if`, in a `try`, or stored: `this.retrying = retry(...)`) or in a function it declares and calls
   * (`const abortableRetry = () => { const p = retry(...); ... }; ... abortableRetry();`)? Then each run's attempts
   * and their waits are the library's. A library call in a callback, or one whose attempt opens no connection
   * (`pRetry(() => save(data))`), is not.
   */
  private entersPacedLibraryRun(fn: FunctionNode): boolean {
    const ctx = { sourceCode: this.sourceCode, imports: this.ctx.imports, options: this.ctx.options };
    const opensConnection = (attempt: Node | null): boolean => {
      let attemptFn: Node | null = attempt && isFunction(attempt) ? attempt : null;
      if (!attemptFn && attempt?.type === 'MemberExpression' && attempt.object.type === 'ThisExpression' && !attempt.computed && attempt.property.type === 'Identifier') {
        const owner = memberOwner(fn);
        attemptFn = owner ? (ownerMethods(owner).find((m) => m.name === (attempt.property as TSESTree.Identifier).name)?.fn ?? null) : null;
      }
      if (!attemptFn || !isFunction(attemptFn)) return false;
      return someAll(attemptFn.body, this.keys, (n) => {
        if (n.type === 'NewExpression') {
          const callee = unwrapExpression(n.callee);
          const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticMemberName(callee) : null;
          return !!name && isConnectionClass(name);
        }
        return n.type === 'CallExpression' && CONNECT_CALL.test(calleeName(n) ?? '');
      });
    };
    const paced = (body: Node) => someOwn(body, this.keys, (n) => n.type === 'CallExpression' && isPacedLibraryRetry(n, ctx) && opensConnection(pacedAttempt(n)));
    if (paced(fn.body)) return true;
    return someOwn(fn.body, this.keys, (n) => {
      if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier') return false;
      const local = sameFileCallee(n, this.sourceCode);
      return !!local && contains(fn, local) && paced(local.body);
    });
  }

  /** Blocking I/O in a synchronous function: `...Sync(...)`, `Atomics.wait`, `deasync`, or a call of an I/O module. */
  private blockingIo(fn: FunctionNode): boolean {
    return someOwn(fn.body, this.keys, (n) => {
      if (n.type !== 'CallExpression') return false;
      const name = calleeName(n) ?? '';
      if (/Sync$/.test(name) || name === 'deasync' || isMemberCall(n, 'Atomics', 'wait')) return true;
      const origin = this.ctx.imports.originOf(n.callee);
      return !!origin?.module && BLOCKING_IO_MODULES.test(origin.module);
    });
  }

  /**
   * Does the function take the next item off a queue on each run
   * (`const next = queue.shift()`, checked for empty by an exit), without
   * putting it back on failure? Then running it again moves on to the next
   * item: draining a queue, not retrying.
   */
  private drainsQueue(fn: FunctionNode): boolean {
    if (fn.body.type !== 'BlockStatement') return false;
    const items = new Set<string>();
    const queues = new Set<string>();
    let putBack = false;
    walkOwn(fn.body, this.keys, (n) => {
      if (n.type === 'VariableDeclarator' || (n.type === 'AssignmentExpression' && n.operator === '=')) {
        const value = n.type === 'VariableDeclarator' ? n.init : n.right;
        const target = n.type === 'VariableDeclarator' ? n.id : n.left;
        const inner = value ? unwrapExpression(value.type === 'AwaitExpression' ? value.argument : value) : null;
        if (inner?.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && !inner.callee.computed && inner.callee.property.type === 'Identifier' && TAKE_METHODS.has(inner.callee.property.name)) {
          const queue = nameKey(inner.callee.object);
          const item = target.type === 'Identifier' ? target.name : null;
          if (queue && item) {
            queues.add(queue);
            items.add(item);
          }
        }
      }
      return true;
    });
    if (items.size === 0) return false;
    walkAll(fn.body, this.keys, (n) => {
      if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && PUT_BACK_METHODS.has(n.callee.property.name)) {
        if (n.arguments.some((a) => mentionsName(this.keys, a, items))) putBack = true;
      }
      return !putBack;
    });
    if (putBack) return false;
    const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
    const emptyCheck = (test: Node): boolean => {
      if (mentionsName(this.keys, test, items)) return true;
      let found = false;
      walkOwn(test, this.keys, (n) => {
        if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && (n.property.name === 'length' || n.property.name === 'size')) {
          const key = nameKey(n.object);
          if (key && queues.has(key)) found = true;
        }
        return !found;
      });
      return found;
    };
    return someOwn(fn.body, this.keys, (n) => n.type === 'IfStatement' && alwaysLeaves(statementFlow(n.consequent, flowCtx)) && emptyCheck(n.test));
  }

  /**
   * Does each run take the next candidate of an iterator that the re-run
   * keeps (a member the function does not rebind, reached by `this.f()`, or
   * a parameter the re-run passes on as it is), before the re-run and
   * outside a `try` whose `catch` leads to it, ending when the iterator is
   * done (`const item = it.next(); if (item.done) return ...`, or a helper
   * of this file or class that steps it and throws)? Then each run tries
   * the next host of a query plan until none is left: not a retry.
   */
  private takesNextCandidate(target: FunctionNode, frame: FunctionFrame, call: TSESTree.CallExpression): boolean {
    if (target.body.type !== 'BlockStatement') return false;
    const body = target.body;
    const ctx = { sourceCode: this.sourceCode, keys: this.keys };
    const memo = new Map<string, boolean>();
    const kept = (key: string): boolean => {
      let answer = memo.get(key);
      if (answer === undefined) memo.set(key, (answer = keptOnce(key)));
      return answer;
    };
    const keptOnce = (key: string): boolean => {
      if (rebindsIterator(body, key, this.keys)) return false;
      if (key.startsWith('this.') && (!frame.method || key.slice(5).includes('.'))) return false;
      // Not an iterator the file shows to be endless (`while (true) yield ...`, a `next` never done).
      if (endlessIterator(key, target, ctx)) return false;
      if (key.startsWith('this.')) {
        // Nor a method of the class that the function calls (`this.resetPlan()` before the re-run).
        return !someOwn(body, this.keys, (n) => {
          if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.object.type !== 'ThisExpression') return false;
          const method = sameFileCallee(n, this.sourceCode);
          return !!method && method !== target && rebindsIterator(method.body, key, this.keys);
        });
      }
      const index = target.params.findIndex((p) => {
        const id = p.type === 'AssignmentPattern' ? p.left : p;
        return id.type === 'Identifier' && id.name === key;
      });
      const arg = index >= 0 ? call.arguments[index] : undefined;
      return arg?.type === 'Identifier' && arg.name === key;
    };
    // A failure of the take itself must not lead to the re-run.
    const leadsToCall = (site: Node): boolean => {
      for (let p: Node | undefined = site.parent; p && p !== target; p = p.parent) {
        if (p.type === 'TryStatement' && contains(p.block, site) && p.handler && contains(p.handler, call)) return true;
      }
      return false;
    };
    let found = false;
    walkOwn(body, this.keys, (n) => {
      if (found || n.range[0] >= call.range[0]) return false;
      if (n.type === 'BlockStatement') {
        const direct = stepsIterator(n.body);
        if (direct && direct.exit !== 'leaves' && kept(direct.iterator) && !leadsToCall(direct.statement)) found = true;
      } else if (n.type === 'CallExpression' && !leadsToCall(n)) {
        if (takerCall(n, ctx).some((taker) => taker.signal === 'throws' && kept(taker.iterator))) found = true;
      }
      return !found;
    });
    return found;
  }

  /**
   * Does `branch` (guarded by `test`) use up what `test` checks before it
   * reaches `call`: `if (end) { end = false; ... }`,
   * `if (cache.hasToken) { ... cache.removeToken(); retry(); }`,
   * `if (pending.has(k)) { pending.delete(k); ... }`? Then the branch cannot
   * run again unless something else re-arms the guard, and `fn` does not do
   * so on every run.
   */
  private usesUpGuard(test: Node, branch: Node, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
    const t = unwrapExpression(test);
    let key: string | null = null;
    /** `hasAccessToken` -> `accesstoken`; `has(k)` -> the key's text. */
    let stem: string | null = null;
    let object: string | null = null;
    let argument: string | null = null;
    if (t.type === 'Identifier' || t.type === 'MemberExpression') {
      key = nameKey(t);
      if (t.type === 'MemberExpression' && !t.computed && t.property.type === 'Identifier') {
        object = nameKey(t.object);
        stem = t.property.name.replace(/^(has|is)(?=[A-Z])/, '').toLowerCase();
      }
    } else if (t.type === 'CallExpression' && t.callee.type === 'MemberExpression' && !t.callee.computed && t.callee.property.type === 'Identifier') {
      object = nameKey(t.callee.object);
      const method = t.callee.property.name;
      if (method === 'has' && t.arguments.length === 1) argument = this.sourceCode.getText(t.arguments[0]!);
      else if (/^(has|is)[A-Z]/.test(method) && t.arguments.length === 0) stem = method.replace(/^(has|is)/, '').toLowerCase();
      else return false;
    } else {
      return false;
    }
    if (!key && !object) return false;
    let usedUp = false;
    walkAll(branch, this.keys, (n) => {
      if (usedUp || n.range[0] >= call.range[0]) return false;
      // Only what runs on the way to the call: not inside another callback.
      if (isFunction(n) && !contains(n, call)) return false;
      if (key && n.type === 'AssignmentExpression' && n.operator === '=' && nameKey(n.left) === key && isFalsyValue(n.right)) usedUp = true;
      else if (key && n.type === 'UnaryExpression' && n.operator === 'delete' && nameKey(n.argument) === key) usedUp = true;
      else if (object && n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && nameKey(n.callee.object) === object) {
        const match = CONSUME_METHOD.exec(n.callee.property.name);
        if (match) {
          const rest = match[2]!.toLowerCase();
          if (argument !== null) usedUp = n.arguments.length === 0 ? match[1]!.toLowerCase() === 'clear' : n.arguments.length === 1 && this.sourceCode.getText(n.arguments[0]!) === argument;
          else if (stem !== null) usedUp = rest === stem || (rest === '' && n.arguments.length === 0 && match[1]!.toLowerCase() === 'clear');
        }
      }
      return !usedUp;
    });
    if (!usedUp || !key) return usedUp;
    // Re-armed on every run (`function connect() { retrying = true; ... }`): the guard is not used up.
    if (fn.body.type !== 'BlockStatement') return true;
    return !fn.body.body.some(
      (statement) =>
        statement.type === 'ExpressionStatement' &&
        statement.expression.type === 'AssignmentExpression' &&
        nameKey(statement.expression.left) === key &&
        !isFalsyValue(statement.expression.right),
    );
  }

  /**
   * Failover: the retry goes on only while a call on another object lists a
   * candidate (a guard `cluster.findNodes(pattern).length !== 0`, `> 0`,
   * `.size`, or an exit before the re-run `if (cluster.findNodes(pattern).length
   * === 0) throw err;`), the function re-run takes its target out of the same
   * call, written the same way (`const ids = cluster.findNodes(pattern)` then
   * `ids[i]` or `select(ids)`, `const [host] = ...`, `...[0]`), in its own body
   * or in a function or method of the file it calls there, and hands a local
   * it picked to another method of that object (`cluster.connect(node, cb)`,
   * `cluster.markFailed(host)`). Each attempt then goes to a candidate the
   * source still offers, the source sees each attempt, and the retry ends when
   * no candidate is left: a source that never dropped a failed candidate would
   * make the check pointless. The source's bookkeeping (a failed node taken
   * offline) is out of sight, so this is a bounded retry: require-retry-backoff
   * still judges its waits with `reportBounded`. Not a method of `this` (a
   * getter of a fixed list, `this.listeners('message')`), nor a built-in
   * (`Object.keys(subs)`), nor a count read from a name (`hosts.length`, see
   * `takesAlternative`).
   */
  private failsOver(guards: readonly { test: Node }[], regions: readonly Node[], call: Node, target: FunctionNode): boolean {
    if (target.body.type !== 'BlockStatement') return false;
    const sources: TSESTree.CallExpression[] = [];
    const note = (counted: Node | null) => {
      const source = counted ? unwrapExpression(counted) : null;
      if (source?.type !== 'CallExpression' || source.callee.type !== 'MemberExpression' || source.callee.computed) return;
      const object = unwrapExpression(source.callee.object);
      if (object.type === 'ThisExpression' || object.type === 'Super' || (object.type === 'Identifier' && BUILT_IN_OBJECTS.has(object.name))) return;
      sources.push(source);
    };
    for (const g of guards) for (const atom of guardAtoms(g.test)) note(nonEmptyCount(atom));
    // `if (cluster.findNodes(pattern).length === 0) throw err;` before the re-run, on the failure path.
    for (const region of regions) {
      walkOwn(region, this.keys, (n) => {
        if (n.range[0] >= call.range[0]) return false;
        if (n.type === 'IfStatement' && alwaysLeaves(statementFlow(n.consequent, { loopLabel: null, inSwitch: false, innerLabels: new Set() }))) for (const term of anyOf(n.test)) note(emptyCount(term));
        return true;
      });
    }
    return sources.some((source) => {
      const text = this.sourceCode.getText(source);
      const member = source.callee as TSESTree.MemberExpression;
      const objectText = this.sourceCode.getText(member.object);
      const method = staticMemberName(member);
      const picksFrom = (fn: FunctionNode): boolean => someOwn(fn.body, this.keys, (n) => n !== source && n.type === 'CallExpression' && this.sourceCode.getText(n) === text && this.takesElement(n, fn));
      if (!picksFrom(target)) {
        // One function or method of the file away: `const node = this.pickNode();` in the re-run function's own body.
        const viaHelper = someOwn(target.body, this.keys, (n) => {
          if (n.type !== 'CallExpression') return false;
          const helper = sameFileCallee(n, this.sourceCode);
          return !!helper && helper !== target && picksFrom(helper);
        });
        if (!viaHelper) return false;
      }
      // The picked candidate handed back to the source's object: `this._cluster._getConnection(clusterNode, cb)`.
      return someOwn(target.body, this.keys, (n) => {
        if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.computed) return false;
        if (this.sourceCode.getText(n.callee.object) !== objectText || staticMemberName(n.callee) === method) return false;
        return n.arguments.some((arg) => {
          if (arg.type !== 'Identifier') return false;
          const def = variableAt(this.sourceCode, arg)?.defs[0];
          return def?.type === 'Variable' && enclosingFunction(def.node) === target;
        });
      });
    });
  }

  /**
   * Does the listing call `n` (in `fn`'s own body) give the function an element,
   * not a count or a log line? `n[0]`, `const [host] = n`, or `const ids = n`
   * with `ids[i]` or `ids` handed to a call (`this._selector(ids)`).
   */
  private takesElement(n: TSESTree.CallExpression, fn: FunctionNode): boolean {
    const parent = n.parent;
    if (parent?.type === 'MemberExpression' && parent.object === n && parent.computed) return true;
    if (parent?.type !== 'VariableDeclarator' || parent.init !== n) return false;
    if (parent.id.type === 'ArrayPattern') return true;
    if (parent.id.type !== 'Identifier') return false;
    const name = parent.id.name;
    return someOwn(fn.body, this.keys, (use) => {
      if (use.type !== 'Identifier' || use.name !== name || use === parent.id) return false;
      const up = use.parent;
      return (up?.type === 'MemberExpression' && up.object === use && up.computed) || (up?.type === 'CallExpression' && up.arguments.includes(use as TSESTree.Expression));
    });
  }

  /**
   * Does `branch` (guarded by a check of a list's `length` or `size`) take an
   * item off that list (`shift`, `pop`, `splice`, ...) before it reaches
   * `call`? Then each run moves on to the next alternative (a transport, a
   * server) until the list runs out: not the same attempt again.
   */
  private takesAlternative(test: Node, branch: Node, call: TSESTree.CallExpression): boolean {
    const lists = new Set<string>();
    const conjuncts = (n: Node): void => {
      const t = unwrapExpression(n);
      if (t.type === 'LogicalExpression' && t.operator === '&&') {
        conjuncts(t.left);
        conjuncts(t.right);
        return;
      }
      if (t.type !== 'BinaryExpression' || !['>', '>=', '<', '<=', '!==', '!='].includes(t.operator)) return;
      for (const side of [t.left, t.right]) {
        const m = unwrapExpression(side as Node);
        if (m.type === 'MemberExpression' && !m.computed && m.property.type === 'Identifier' && (m.property.name === 'length' || m.property.name === 'size')) {
          const key = nameKey(m.object);
          if (key) lists.add(key);
        }
      }
    };
    conjuncts(test);
    if (lists.size === 0) return false;
    let taken = false;
    walkAll(branch, this.keys, (n) => {
      if (taken || n.range[0] >= call.range[0]) return false;
      if (isFunction(n) && !contains(n, call)) return false;
      if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier') {
        const key = nameKey(n.callee.object);
        if (key && lists.has(key) && (TAKE_METHODS.has(n.callee.property.name) || n.callee.property.name === 'splice' || n.callee.property.name === 'delete')) taken = true;
      }
      return !taken;
    });
    return taken;
  }

  /**
   * Does `branch` (guarded by `value > limit` or `<`, alone or among `&&`
   * conjuncts) set the compared value to that limit on its way to `call`?
   * `if (this.expiry > maxAllowed) { this.expiryOverride = maxAllowed; return send(); }`:
   * the next attempt runs with the value the failure allowed, and the same
   * answer no longer passes the guard. The value is a name written in the
   * branch, or a getter of the class whose first choice is that name
   * (`get expiry() { return this.expiryOverride ?? this.config.expiry ?? 8000; }`).
   * The write must last into the re-run (a property of `this`, or a name
   * declared outside `fn`: not a local the re-run declares again) and run
   * every time (a statement on the way, not inside a further `if`). Not `!==`:
   * two values can take turns (a redirect between two nodes).
   */
  private clampsGuard(test: Node, branch: Node, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
    const atoms = guardAtoms(test).filter((u): u is TSESTree.BinaryExpression => u.type === 'BinaryExpression' && (u.operator === '>' || u.operator === '<'));
    if (atoms.length === 0) return false;
    // The plain assignments that run on every way from the branch to the call.
    const writes: TSESTree.AssignmentExpression[] = [];
    for (let node: Node = call; node !== branch && node.parent; node = node.parent) {
      const parent: Node = node.parent;
      if (isFunction(parent)) return false;
      if (parent.type !== 'BlockStatement' || !contains(branch, parent)) continue;
      for (const statement of parent.body.slice(0, parent.body.indexOf(node as TSESTree.Statement))) {
        if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=') writes.push(statement.expression);
      }
    }
    const lasting = (key: string, target: Node): boolean => {
      if (target.type === 'MemberExpression') {
        let root: Node = target;
        while (root.type === 'MemberExpression') root = root.object;
        return root.type === 'ThisExpression';
      }
      if (target.type !== 'Identifier') return false;
      const variable = findVariable(this.sourceCode.getScope(target), key);
      return !!variable && variable.defs.length > 0 && variable.defs.every((def) => !contains(fn, def.name));
    };
    return atoms.some((atom) =>
      [
        [atom.left, atom.right],
        [atom.right, atom.left],
      ].some(([valueSide, limitSide]) => {
        const value = unwrapExpression(valueSide as Node);
        const limit = unwrapExpression(limitSide as Node);
        const limitKey = nameKey(limit);
        const valueKey = nameKey(value);
        if (!limitKey || !valueKey || limitKey === valueKey) return false;
        const written = new Set([valueKey]);
        const first = value.type === 'MemberExpression' && value.object.type === 'ThisExpression' ? this.getterFirstChoice(value, call) : null;
        if (first) written.add(first);
        // Set again by the re-run before its attempt (`this.timeout = req.timeout;` at its top or first in its `try`,
        // also under an `if`): the clamp does not last. A write after the attempt in the `try` (a reset on success) does
        // not run before the next failure.
        const tryOf = (node: Node): TSESTree.TryStatement | null => {
          for (let n: Node | undefined = node.parent; n && n !== fn; n = n.parent) if (n.type === 'TryStatement' && contains(n.block, node)) return n;
          return null;
        };
        // A first value, not a reset: `this.timeout ??= x`, `if (this.timeout === undefined) this.timeout = x`.
        const initialises = (n: TSESTree.AssignmentExpression): boolean => {
          if (n.operator === '??=' || n.operator === '||=') return true;
          const key = nameKey(n.left);
          const holder = ifAlone(n);
          if (!holder) return false;
          const test = unwrapExpression(holder.test);
          const sides = test.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(test.operator) ? [test.left, test.right].map((x) => unwrapExpression(x as Node)) : [];
          if (sides.length === 2 && sides.some((x) => nameKey(x) === key) && sides.some((x) => isNothing(x))) return true;
          return test.type === 'UnaryExpression' && test.operator === '!' && nameKey(unwrapExpression(test.argument)) === key;
        };
        // A write that reads the value it replaces (`if (x > c) x = c`, `x = Math.min(x, c)`) only lowers it: no reset.
        const readsItself = (n: TSESTree.AssignmentExpression): boolean => {
          const key = nameKey(n.left);
          const reads = (root: Node) => someAll(root, this.keys, (m) => (m.type === 'MemberExpression' || m.type === 'Identifier') && m !== n.left && nameKey(m) === key);
          if (reads(n.right)) return true;
          const holder = ifAlone(n);
          return !!holder && reads(holder.test);
        };
        const resetFirst = someOwn(fn.body, this.keys, (n) => {
          if (n.type !== 'AssignmentExpression' || !written.has(nameKey(n.left) ?? '') || contains(branch, n) || n.range[0] > branch.range[0] || initialises(n) || readsItself(n)) return false;
          const guarded = tryOf(n);
          // In a `try` whose failure leads to the branch: only before the first await of that `try`.
          return !guarded || !someOwn(guarded.block, this.keys, (m) => m.type === 'AwaitExpression' && m.range[1] <= n.range[0]);
        });
        if (resetFirst) return false;
        return writes.some((w) => {
          const key = nameKey(w.left);
          return !!key && written.has(key) && nameKey(unwrapExpression(w.right)) === limitKey && lasting(key, w.left);
        });
      }),
    );
  }

  /** `this.expiry` read through `get expiry() { return this.expiryOverride ?? ...; }` of the class around `at`: `this.expiryOverride`. */
  private getterFirstChoice(member: TSESTree.MemberExpression, at: Node): string | null {
    if (member.computed || member.property.type !== 'Identifier') return null;
    const self = thisOwner(at);
    if (!self || self.owner.type !== 'ClassBody') return null;
    const name = member.property.name;
    const getter = self.owner.body.find(
      (m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'get' && !m.computed && m.key.type === 'Identifier' && m.key.name === name,
    );
    const body = getter?.value.body?.body;
    if (!body || body.length !== 1 || body[0]!.type !== 'ReturnStatement' || !body[0]!.argument) return null;
    let e = unwrapExpression(body[0]!.argument);
    while (e.type === 'LogicalExpression' && (e.operator === '??' || e.operator === '||')) e = unwrapExpression(e.left);
    return e.type === 'MemberExpression' && e.object.type === 'ThisExpression' ? nameKey(e) : null;
  }

  /**
   * Does the function open a connection (a call such as `net.connect(...)`,
   * `client.connect()`, `socket.open()`, or `new WebSocket(url)`), other
   * than by re-running itself? A reconnect needs one.
   */
  private opensConnection(fn: FunctionNode, frame: FunctionFrame): boolean {
    // Per function: `frame` is always the function's own (its name and variable).
    const cached = this.opening.get(fn);
    if (cached !== undefined) return cached;
    const opens = someAll(fn.body, this.keys, (n) => {
      if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return false;
      const callee = unwrapExpression(n.callee);
      const name =
        callee.type === 'Identifier' ? callee.name
        : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name
        : null;
      if (!name) return false;
      if (n.type === 'NewExpression') return isConnectionClass(name);
      if (!CONNECT_CALL.test(name)) return false;
      const called = calledName(n.callee);
      // The re-run itself (`this.connect()`, `self.connect()` with `const self = this`) opens nothing of its own.
      return !(called && (this.matches(frame, called) || this.matches(frame, this.thisAlias(called))));
    });
    this.opening.set(fn, opens);
    return opens;
  }

  private readonly opening = new Map<FunctionNode, boolean>();

  /**
   * Every connection the function opens (a `connect` / `createConnection`
   * call or a `new WebSocket(url)`) names its target, and that target is the
   * local machine: a host (or URL) that resolves in this file to
   * `'localhost'`, `'127.0.0.1'` or `'::1'`, also as the fallback of an option
   * named as local (`opt.local_host || 'localhost'`). A generic
   * `options.host || 'localhost'` is a client's placeholder default for a
   * real server, not a local target.
   */
  private connectsOnlyLocally(fn: FunctionNode, frame: FunctionFrame): boolean {
    let opened = 0;
    let remote = false;
    walkAll(fn.body, this.keys, (n) => {
      if (remote) return false;
      if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return true;
      const callee = unwrapExpression(n.callee);
      const name =
        callee.type === 'Identifier' ? callee.name
        : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name
        : null;
      if (!name) return true;
      if (n.type === 'NewExpression' ? !isConnectionClass(name) : !CONNECT_CALL.test(name)) return true;
      const called = n.type === 'CallExpression' ? calledName(n.callee) : null;
      if (called && this.matches(frame, called)) return true;
      opened++;
      if (!this.targetsLocalMachine(n.arguments[0])) remote = true;
      return true;
    });
    return opened > 0 && !remote;
  }

  /** A connection target (an options object with `host`, a URL string, or a name for one) that is the local machine. */
  private targetsLocalMachine(target: Node | undefined, depth = 0): boolean {
    if (!target || depth > 3) return false;
    const t = unwrapExpression(target);
    if (t.type === 'ObjectExpression') {
      const host = t.properties.find(
        (p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && (p.key.name === 'host' || p.key.name === 'hostname'),
      );
      return !!host && this.isLocalHost(host.value as Node, depth + 1);
    }
    return this.isLocalHost(t, depth + 1);
  }

  /** A host or URL that is the local machine (see `connectsOnlyLocally`). */
  private isLocalHost(value: Node, depth: number): boolean {
    if (depth > 4) return false;
    const v = unwrapExpression(value);
    const text = staticString(v);
    if (text !== null) return LOCAL_HOST.test(text);
    if (v.type === 'Identifier') {
      const init = this.ctx.imports.constInit(v);
      return !!init && this.isLocalHost(init, depth + 1);
    }
    if (v.type === 'LogicalExpression' && (v.operator === '||' || v.operator === '??')) {
      const option = unwrapExpression(v.left);
      const optionName = option.type === 'Identifier' ? option.name : option.type === 'MemberExpression' && !option.computed && option.property.type === 'Identifier' ? option.property.name : '';
      return /local/i.test(optionName) && this.isLocalHost(v.right, depth + 1);
    }
    return false;
  }

  /** The promise chain whose handler is `handler` is what `fn` returns (`=> chain`, `return chain;`). */
  private chainReturned(fn: FunctionNode, handler: FunctionNode): boolean {
    const chain = handler.parent;
    if (chain?.type !== 'CallExpression') return false;
    let top: Node = chain;
    while (top.parent && (top.parent.type === 'AwaitExpression' || isTypeWrapperNode(top.parent))) top = top.parent;
    return (
      (fn.type === 'ArrowFunctionExpression' && fn.body === top) ||
      (top.parent?.type === 'ReturnStatement' && enclosingFunction(top.parent) === fn)
    );
  }

  /**
   * The rewrite of `async function f(a) { try {...} catch (e) { return f(a); } }`
   * when it is safe: the function is async, declared by name, called only
   * directly with at most its declared arguments, never reads `arguments`,
   * and retries through exactly one `return f(...)` in the `catch`.
   */
  private recursionPlan(
    call: TSESTree.CallExpression,
    frame: FunctionFrame,
    waits: readonly FoundWait[],
    writes: RegionWrites,
    varying: ReadonlySet<string>,
    fallbackLimit: FallbackLimit | null,
  ): RetryRewritePlan | null {
    const fn = frame.node;
    if (!fn.async) return null;
    const site = this.recursionSite(call, frame);
    if (typeof site === 'string') return null;
    const { returnStatement, handler } = site;
    const growDelays: Node[] = [];
    const waitStatements = new Set<Node>();
    for (const found of waits) {
      if (found.stored) waitStatements.add(found.stored);
      else if (found.node.parent?.type === 'ExpressionStatement' && !found.doesMore) waitStatements.add(found.node.parent);
      // A helper's own delay, or a value passed in its unit: kept as it is.
      if (found.opaque || !found.delay || found.region || found.keptAsIs) continue;
      const info = classifyDelay(found.delay, { keys: this.keys, writes, varying });
      if (info.kind === 'constant' && isFixedDelay(this.sourceCode, found.delay, handler.parent ?? handler)) growDelays.push(found.delay);
    }
    const growthRefusal = waitGrowthRefusal(this.sourceCode, handler.body, fn, growDelays, this.ctx.imports, this.keys);
    const counter = rewriteName(this.sourceCode, fn, call, 'attempt', ['failedAttempts', 'retryAttempt']);
    const newError = handler.param ? '' : rewriteName(this.sourceCode, fn, call, 'error', ['caughtError', 'retryError']);
    const input = {
      sourceCode: this.sourceCode,
      fn,
      call,
      returnStatement,
      handler,
      counter,
      newError,
      growDelays,
      waitStatements,
      hasWait: waits.length > 0,
      settings: this.ctx.options,
    };
    // Never a second counter beside the existing one: the existing limit's default is a decision for a person.
    // The file's style is read when a rewrite is made, not for every recursion judged.
    return (addBound) => {
      if (addBound === true && fallbackLimit) return NO_FIX.fallbackLimit(fallbackLimit);
      if (growthRefusal) return growthRefusal;
      return rewriteRecursiveRetry({ ...input, style: sourceStyle(this.ctx.sourceCode) }, addBound);
    };
  }

  /**
   * Where `recursionPlan` rewrites an async recursion from a catch: the
   * re-call's own `return` directly in the catch block of the function, or
   * the reason there is no rewrite (the first that holds).
   */
  private recursionSite(call: TSESTree.CallExpression, frame: FunctionFrame): { returnStatement: TSESTree.ReturnStatement; handler: TSESTree.CatchClause } | string {
    const refusal = this.attemptParameterRefusal(call, frame);
    if (refusal !== null) return NO_FIX.recursion(refusal);
    const returnStatement = call.parent?.type === 'AwaitExpression' ? call.parent.parent : call.parent;
    if (returnStatement?.type !== 'ReturnStatement' || returnStatement.parent?.type !== 'BlockStatement') return NO_FIX.recursionPlace;
    const handler = returnStatement.parent.parent;
    if (handler?.type !== 'CatchClause' || enclosingFunction(handler) !== frame.node) return NO_FIX.recursionPlace;
    if (handler.param && handler.param.type !== 'Identifier') return NO_FIX.destructuredError;
    return { returnStatement, handler };
  }

  /**
   * The rewrite of `const f = () => op().catch(() => f())` when the promise
   * chain is what `f` returns (so the last error reaches the caller) and `f`
   * can take an attempt parameter.
   */
  private promiseRecursionPlan(
    call: TSESTree.CallExpression,
    frame: FunctionFrame,
    handler: FunctionNode,
  ): RetryRewritePlan | null {
    const fn = frame.node;
    if (!this.canTakeAttemptParameter(call, frame)) return null;
    const direct =
      (handler.body === call) ||
      (call.parent?.type === 'ReturnStatement' && call.parent.parent?.type === 'BlockStatement' && call.parent.parent.parent === handler);
    if (!direct || handler.async) return null;
    const first = handler.params[0];
    if (first && first.type !== 'Identifier') return null;
    if (handler.type === 'ArrowFunctionExpression' && handler.params.length === 1) {
      const before = this.sourceCode.getTokenBefore(handler.params[0]!);
      if (!before || before.value !== '(') return null;
    }
    // The chain is returned by the function: `=> chain` or `return chain;` in its body.
    const chain = handler.parent;
    if (chain?.type !== 'CallExpression') return null;
    const returned =
      (fn.type === 'ArrowFunctionExpression' && fn.body === chain) ||
      (chain.parent?.type === 'ReturnStatement' && chain.parent.parent?.type === 'BlockStatement' && chain.parent.parent.parent === fn);
    if (!returned) return null;
    const counter = rewriteName(this.sourceCode, fn, call, 'attempt', ['failedAttempts', 'retryAttempt']);
    const newError = handler.params[0] ? '' : rewriteName(this.sourceCode, fn, call, 'error', ['caughtError', 'retryError']);
    const input = { sourceCode: this.sourceCode, fn, call, handler, counter, newError, settings: this.ctx.options };
    return (addBound) => rewritePromiseRecursiveRetry(input, addBound);
  }

  /**
   * Adding an `attempt = 0` parameter is safe: the function is declared by
   * name, not exported, not a method, has no rest parameter, never reads
   * `arguments`, every reference is a direct call with at most the declared
   * arguments, and it recurses from exactly one place (this call, which
   * passes every declared argument). Null when it is; else the first reason it is not.
   */
  private attemptParameterRefusal(call: TSESTree.CallExpression, frame: FunctionFrame): string | null {
    const fn = frame.node;
    if (fn.generator) return 'it is a generator';
    if (frame.method) return 'it is a method, whose callers the file may not all show';
    if (!frame.name) return 'it has no name to call it by';
    if (fn.params.some((p) => p.type === 'RestElement' || p.type === 'TSParameterProperty')) return 'it takes a rest parameter';
    if (call.arguments.length !== fn.params.length || call.arguments.some((a) => a.type === 'SpreadElement')) return 'the retrying call does not pass each declared argument';
    if (fn.type === 'ArrowFunctionExpression' && fn.params.length === 1) {
      const before = this.sourceCode.getTokenBefore(fn.params[0]!);
      if (!before || before.value !== '(') return 'its one parameter is written without parentheses';
    }
    const id = fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' ? fn.id : null;
    const declarator = fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
    const nameNode = fn.type === 'FunctionDeclaration' ? id : declarator;
    if (!nameNode) return 'it is not declared by a name of its own';
    // Exported: callers in other files may pass more arguments (`urls.map(load)`).
    const declaration = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.parent;
    if (declaration?.parent?.type === 'ExportNamedDeclaration' || declaration?.parent?.type === 'ExportDefaultDeclaration') return 'it is exported, and callers elsewhere may pass more arguments';
    const variable = variableAt(this.sourceCode, nameNode);
    if (!variable) return 'it is not declared by a name of its own';
    let recursive = 0;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const parent = reference.identifier.parent;
      if (parent?.type !== 'CallExpression' || parent.callee !== reference.identifier) return 'it is used as a value, not only called';
      if (parent.arguments.length > fn.params.length) return 'it is called with more arguments than it declares';
      if (contains(fn, parent)) recursive++;
    }
    if (recursive !== 1) return 'it calls itself from more than one place';
    return mentionsName(this.keys, fn.body, new Set(['arguments'])) ? 'it reads `arguments`' : null;
  }

  private canTakeAttemptParameter(call: TSESTree.CallExpression, frame: FunctionFrame): boolean {
    return this.attemptParameterRefusal(call, frame) === null;
  }

  /** True when `container` names the retried function outside the failure branch. */
  private referencesOutside(container: Node, branch: Node, frame: FunctionFrame): boolean {
    let found = false;
    walkAll(container, this.keys, (n) => {
      if (found || n === branch) return false;
      // The name after a dot (`client.connect`) is a property, not a use of `connect`.
      if (n !== container && n.parent?.type === 'MemberExpression' && n.parent.property === n && !n.parent.computed) return false;
      const written = n.type === 'Identifier' || n.type === 'MemberExpression' ? calledName(n) : null;
      if (written && (this.matches(frame, written) || this.matches(frame, this.thisAlias(written)))) found = true;
      return !found;
    });
    return found;
  }

  private readonly structural = new Map<FunctionNode, boolean>();

  /** Does the function call itself with a different input (a value derived from its parameters or locals)? */
  private isStructuralRecursion(frame: FunctionFrame): boolean {
    const fn = frame.node;
    const cached = this.structural.get(fn);
    if (cached !== undefined) return cached;
    const locals = new Set<string>();
    const params: (string | null)[] = fn.params.map((p) => {
      const id = p.type === 'AssignmentPattern' ? p.left : p;
      return id.type === 'Identifier' ? id.name : null;
    });
    for (const name of params) if (name) locals.add(name);
    const calls: TSESTree.CallExpression[] = [];
    walkAll(fn.body, this.keys, (n) => {
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') locals.add(n.id.name);
      if (n.type === 'CallExpression') {
        const called = calledName(n.callee);
        if (called && this.matches(frame, called)) calls.push(n);
      }
    });
    const counterLike = (arg: Node): boolean => {
      const a = unwrapExpression(arg);
      if (a.type === 'UpdateExpression') return true;
      return a.type === 'BinaryExpression' && (a.operator === '+' || a.operator === '-') &&
        // `n + 1`, not `path + '.json'` (another input).
        ((a.left.type === 'Identifier' && a.right.type === 'Literal' && typeof a.right.value === 'number') ||
          (a.right.type === 'Identifier' && a.left.type === 'Literal' && typeof a.left.value === 'number'));
    };
    const structural = calls.some((call) =>
      call.arguments.some((arg, i) => {
        if (i >= params.length) return false;
        const a = unwrapExpression(arg);
        if (a.type === 'Identifier' && a.name === params[i]) return false;
        if (counterLike(a)) return false;
        return mentionsName(this.keys, a, locals);
      }),
    );
    this.structural.set(fn, structural);
    return structural;
  }

  /** True when `test` checks the first parameter of an error-first callback (`if (err)`). */
  private testsErrorParam(test: Node, fn: FunctionNode): boolean {
    const first = fn.params[0];
    if (!first || first.type !== 'Identifier' || !ERROR_PARAM.test(first.name)) return false;
    const t = unwrapExpression(test);
    if (t.type === 'Identifier') return t.name === first.name;
    if (t.type === 'BinaryExpression' && (t.operator === '!=' || t.operator === '!==')) {
      return (t.left.type === 'Identifier' && t.left.name === first.name) || (t.right.type === 'Identifier' && t.right.name === first.name);
    }
    if (t.type === 'LogicalExpression' && t.operator === '&&') return this.testsErrorParam(t.left, fn);
    return false;
  }

  /** What a nested function is to the call that receives it. */
  private callbackRole(
    fn: FunctionNode,
  ): { kind: 'timer'; call: TSESTree.CallExpression } | { kind: 'promise' } | { kind: 'event'; event: string } | { kind: 'callback' } | { kind: 'executor' } | null {
    const parent = fn.parent;
    if (!parent) return null;
    if (parent.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const index = parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
      if ((timerKind(parent, this.ctx.imports) || isIntervalCall(parent, this.ctx.imports)) && index === 0) return { kind: 'timer', call: parent };
      const callee = parent.callee.type === 'ChainExpression' ? parent.callee.expression : parent.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        const method = callee.property.name;
        if (method === 'catch' && index === 0) return { kind: 'promise' };
        if (method === 'then' && index === 1) return { kind: 'promise' };
        if (method === 'then' && index === 0) return null;
        if (LISTENER_METHODS.has(method) && index === 1) {
          const name = staticString(parent.arguments[0]);
          return name !== null && RECONNECT_EVENTS.has(name) ? { kind: 'event', event: name } : null;
        }
      }
      const first = fn.params[0];
      if (first && first.type === 'Identifier' && ERROR_PARAM.test(first.name)) return { kind: 'callback' };
      return null;
    }
    if (parent.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Promise' && parent.arguments[0] === fn) {
      return { kind: 'executor' };
    }
    if (parent.type === 'AssignmentExpression' && parent.right === fn && parent.left.type === 'MemberExpression' && !parent.left.computed && parent.left.property.type === 'Identifier') {
      const property = parent.left.property.name;
      if (property.startsWith('on') && RECONNECT_EVENTS.has(property.slice(2))) return { kind: 'event', event: property.slice(2) };
    }
    return null;
  }
}

/** Globals whose methods list what an object holds (`Object.keys(subs).length`), not candidates a source offers. */
const BUILT_IN_OBJECTS = new Set(['Object', 'Array', 'Reflect', 'JSON', 'Math', 'Promise']);

/** The terms of a `||` test (the test itself when it is not one). */
function anyOf(test: Node): Node[] {
  const t = unwrapExpression(test);
  return t.type === 'LogicalExpression' && t.operator === '||' ? [...anyOf(t.left), ...anyOf(t.right)] : [t];
}

/**
 * The wait the function makes before anything else, on every run: an awaited
 * wait that is a statement of its body, or the first statement of a `try` that
 * is one (`try { await sleep(delay(attempt)); ... }`), with no `await` before
 * it. Not a wait in a branch (`if (limited) { await sleep(ms); return send(); }`),
 * after something that may throw into the `catch` first, of zero
 * (`await sleep(0)`), or of a parameter the re-run gives a literal or leaves
 * out (`run(task, 0)`, `run(task)` for `delayMs`): none of those is known to
 * wait between failures.
 */
function firstAwaitWait(fn: FunctionNode, call: TSESTree.CallExpression, imports: ImportTracker, keys: VisitorKeys): FoundWait | null {
  if (fn.body.type !== 'BlockStatement') return null;
  const asWait = (statement: Node | undefined): FoundWait | null => {
    const expression = statement ? statementExpression(statement) : null;
    return expression?.type === 'AwaitExpression' ? waitOf(expression, imports, keys) : null;
  };
  let found: FoundWait | null = null;
  for (const statement of fn.body.body) {
    found = asWait(statement) ?? (statement.type === 'TryStatement' ? asWait(statement.block.body[0]) : null);
    if (found || someOwn(statement, keys, (n) => n.type === 'AwaitExpression')) break;
  }
  if (!found?.delay) return found && found.opaque ? found : null;
  const delay = unwrapExpression(found.delay);
  if (delay.type === 'Literal' && delay.value === 0) return null;
  // `async function run(task, delayMs = ...) { await sleep(delayMs); ... catch { return run(task, 0); } }`.
  const overridden = fn.params.some((param, i) => {
    const name = parameterName(param);
    const arg = call.arguments[i];
    return !!name && (!arg || unwrapExpression(arg).type === 'Literal') && someOwn(delay, keys, (n) => n.type === 'Identifier' && n.name === name);
  });
  return overridden ? null : found;
}
