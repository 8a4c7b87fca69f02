/**
 * Recursion from failure paths and reconnect-on-event handlers: a function
 * that runs itself again from a `catch`, `.catch`, `onRejected`, an
 * error-first callback's `if (err)`, a timer, or an 'error' / 'close' /
 * 'end' / 'disconnect' handler.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { variableAt } from '../imports';
import { enclosingFunction, type FunctionNode, isFunction } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import { staticString } from '../ast/static';
import { contains, someAll, type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { alwaysLeaves, type FlowContext, nameKey, type Node, statementFlow } from './ast';
import { type BoundContext, collectCounters, hasThrowIfAborted, isBoundingTest } from './bounds';
import { classifyDelay, NO_WAIT, RegionWrites, strongerWait, timerKind, type WaitInfo, waitOf } from './delay';
import { type FinderContext, NO_FIX, type RetryShape } from './model';
import { rewritePromiseRecursiveRetry, rewriteRecursiveRetry } from './rewrite';
import type { TextEdit } from '../fix/edits';
import { sourceStyle } from '../fix/style';
import { indexesWith, mentionsName } from './shared';

const RECONNECT_EVENTS = new Set(['error', 'close', 'end', 'disconnect', 'disconnected']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener', 'prependListener', 'prependOnceListener']);
const ERROR_PARAM = /^(err|error|e|er|ex|exception|reason)$/i;

interface FunctionFrame {
  node: FunctionNode;
  name: string | null;
  /** `this.name()` reaches it (a method). */
  method: boolean;
}

/** The name a function is called by: its own id, the variable, property or method it is assigned to. */
function functionName(fn: FunctionNode): { name: string | null; method: boolean } {
  if (fn.id) return { name: fn.id.name, method: false };
  const parent = fn.parent;
  if (!parent) return { name: null, method: false };
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.init === fn) return { name: parent.id.name, method: false };
  if ((parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition' || parent.type === 'Property') && !parent.computed && parent.key.type === 'Identifier') {
    return { name: parent.key.name, method: true };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === fn) {
    const key = nameKey(parent.left);
    if (key) return { name: key.startsWith('this.') ? key.slice(5) : key, method: key.startsWith('this.') };
  }
  return { name: null, method: false };
}

/** The name a callee or timer argument calls: `connect`, `this.connect`, `connect.bind(this)`. */
function calledName(node: Node): { name: string; method: boolean } | null {
  let n = unwrapExpression(node);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && n.callee.property.name === 'bind') {
    n = unwrapExpression(n.callee.object);
  }
  if (n.type === 'Identifier') return { name: n.name, method: false };
  if (n.type === 'MemberExpression' && !n.computed && n.object.type === 'ThisExpression' && n.property.type === 'Identifier') {
    return { name: n.property.name, method: true };
  }
  return null;
}

export class RecursiveRetries {
  private readonly functions: FunctionFrame[] = [];
  private readonly keys: VisitorKeys;

  constructor(private readonly ctx: FinderContext) {
    this.keys = ctx.keys;
  }

  private get sourceCode() {
    return this.ctx.sourceCode;
  }

  enterFunction(node: FunctionNode): void {
    const { name, method } = functionName(node);
    this.functions.push({ node, name, method });
  }

  exitFunction(): void {
    this.functions.pop();
  }

  onCall(call: TSESTree.CallExpression): void {
    if (this.functions.length === 0) return;
    const timer = timerKind(call, this.ctx.imports);
    if (timer) {
      const first = call.arguments[0];
      const called = first ? calledName(first) : null;
      if (called) {
        const target = this.findFrame(called);
        if (target) this.analyzeRecursion(call, target, call);
      }
      return;
    }
    const called = calledName(call.callee);
    if (!called) return;
    const target = this.findFrame(called);
    if (target) this.analyzeRecursion(call, target, null);
  }

  private findFrame(called: { name: string; method: boolean }): FunctionFrame | null {
    for (let i = this.functions.length - 1; i >= 0; i--) {
      const frame = this.functions[i]!;
      if (frame.name === called.name && frame.method === called.method) return frame;
    }
    return null;
  }

  /**
   * Walks from a call that re-runs `frame` up to that function, noting the
   * failure path it passes (catch, .catch, onRejected, `if (err)`), an event
   * handler, a timer, and guards that bound it.
   */
  private analyzeRecursion(call: TSESTree.CallExpression, frame: FunctionFrame, timerCall: TSESTree.CallExpression | null): void {
    const target = frame.node;
    let failure: 'catch' | 'promise' | 'callback' | null = null;
    let event: string | null = null;
    let scheduledBy = timerCall;
    const guards: Node[] = [];
    const failureRegions: Node[] = [];
    const errorNames = new Set<string>();
    let promiseHandler: FunctionNode | null = null;
    /** Where the failure path sits (try statement, promise call, callback) and the failure branch itself. */
    const containers: { container: Node; failure: Node }[] = [];
    let node: Node = call;
    while (node !== target) {
      const parent: Node | undefined = node.parent;
      if (!parent) return;
      if (parent.type === 'CatchClause' && parent.body === node) {
        failure ??= 'catch';
        failureRegions.push(parent.body);
        if (parent.param?.type === 'Identifier') errorNames.add(parent.param.name);
        if (parent.parent) containers.push({ container: parent.parent, failure: parent.body });
      } else if (parent.type === 'IfStatement' && parent.consequent === node) {
        guards.push(parent.test);
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
        if (fn && fn !== target && this.testsErrorParam(parent.test, fn)) return;
      } else if ((parent.type === 'ConditionalExpression' && parent.consequent === node) || (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === node)) {
        guards.push(parent.type === 'ConditionalExpression' ? parent.test : parent.left);
      }
      if (isFunction(node) && node !== target) {
        const role = this.callbackRole(node);
        if (role === null) return;
        if (role.kind === 'timer') scheduledBy = role.call;
        else if (role.kind === 'promise') {
          promiseHandler ??= node;
          failure ??= 'promise';
          failureRegions.push(node.body);
          if (node.params[0]?.type === 'Identifier') errorNames.add(node.params[0].name);
          if (node.parent) containers.push({ container: node.parent, failure: node });
        } else if (role.kind === 'event') event ??= role.event;
        // 'callback' and 'executor' pass through.
      }
      node = parent;
    }
    if (!failure && !event) return;
    // `invoke('throw', err)`: the failure is handed on, not retried.
    const passed = timerCall && call === timerCall ? call.arguments.slice(2) : call.arguments;
    if (errorNames.size > 0 && passed.some((arg) => mentionsName(this.keys, arg, errorNames))) return;
    // Re-run on success too (`.then(next, () => next())`): a continuation or poll, not a retry.
    if (containers.some(({ container, failure: branch }) => this.referencesOutside(container, branch, frame))) return;
    // Recursion on another input (`make(path.dirname(p))`): divide and conquer, not a retry.
    if (this.isStructuralRecursion(frame)) return;

    const counters = collectCounters(target.body, this.keys, true);
    const varying = new Set<string>();
    if (!timerCall || call !== timerCall) {
      target.params.forEach((param, i) => {
        const id = param.type === 'AssignmentPattern' ? param.left : param;
        if (id.type !== 'Identifier') return;
        const arg = (timerCall && call === timerCall ? [] : call.arguments)[i];
        if (arg && !(arg.type === 'Identifier' && arg.name === id.name)) varying.add(id.name);
      });
    } else {
      // setTimeout(fn, ms, ...args): the extra arguments are fn's parameters.
      target.params.forEach((param, i) => {
        const id = param.type === 'AssignmentPattern' ? param.left : param;
        const arg = call.arguments[i + 2];
        if (id.type === 'Identifier' && arg && !(arg.type === 'Identifier' && arg.name === id.name)) varying.add(id.name);
      });
    }
    for (const v of varying) counters.add(v);
    // `parsers[index]` with `index++`: trying alternatives in turn.
    if (indexesWith(target.body, counters, this.keys)) return;
    const boundCtx: BoundContext = { keys: this.keys, sourceCode: this.sourceCode, imports: this.ctx.imports, counters, unboundedAbove: this.ctx.options.unboundedAbove };
    const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
    let bounded = guards.some((g) => isBoundingTest(g, boundCtx, 'continueWhenTrue'));
    if (!bounded) {
      // An exit check anywhere in the function, nested callbacks included.
      bounded = someAll(
        target.body,
        this.keys,
        (n) =>
          n.type === 'IfStatement' &&
          ((alwaysLeaves(statementFlow(n.consequent, flowCtx)) && isBoundingTest(n.test, boundCtx, 'exitWhenTrue')) ||
            (!!n.alternate && alwaysLeaves(statementFlow(n.alternate, flowCtx)) && isBoundingTest(n.test, boundCtx, 'continueWhenTrue'))),
      );
    }
    if (!bounded) bounded = hasThrowIfAborted(target.body, this.keys);

    const writes = new RegionWrites(target.body, this.keys, true);
    const waitsInFailure: TSESTree.ExpressionStatement[] = [];
    let wait: WaitInfo = NO_WAIT;
    if (scheduledBy) {
      if (timerKind(scheduledBy, this.ctx.imports) === 'setTimeout') {
        wait = classifyDelay(scheduledBy.arguments[1] ?? null, { keys: this.keys, writes, varying });
      }
    } else {
      for (const region of failureRegions) {
        walkOwn(region, this.keys, (n) => {
          const found = waitOf(n, this.ctx.imports, this.keys);
          if (found) {
            const statement = found.node.parent;
            if (!found.opaque && statement?.type === 'ExpressionStatement' && statement.parent?.type === 'BlockStatement') waitsInFailure.push(statement);
            wait = strongerWait(wait, found.opaque ? { kind: 'unknown', capped: false, jitter: false } : classifyDelay(found.delay, { keys: this.keys, writes, varying }));
            return false;
          }
          return true;
        });
      }
    }

    const reportNode = scheduledBy ?? call;
    const shape: RetryShape = event && !failure ? 'reconnect' : 'recursion';
    let noFix: string;
    if (shape === 'reconnect') noFix = NO_FIX.reconnect;
    else if (scheduledBy || failure !== 'catch') noFix = NO_FIX.callback;
    else if (!target.async) noFix = NO_FIX.sync;
    else noFix = NO_FIX.recursion;
    let plan: ((addBound: boolean) => TextEdit[]) | null = null;
    if (shape === 'recursion' && !scheduledBy && failure === 'catch') plan = this.recursionPlan(call, frame, waitsInFailure);
    else if (shape === 'recursion' && !scheduledBy && failure === 'promise' && promiseHandler) plan = this.promiseRecursionPlan(call, frame, promiseHandler);
    this.ctx.onRetry({
      shape,
      loc: reportNode.loc,
      name: frame.name,
      event,
      bounded,
      wait,
      rewrite: plan,
      noFix: plan ? null : noFix,
    });
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
    waits: readonly TSESTree.ExpressionStatement[],
  ): ((addBound: boolean) => TextEdit[]) | null {
    const fn = frame.node;
    if (!fn.async || !this.canTakeAttemptParameter(call, frame)) return null;
    const returnStatement = call.parent?.type === 'AwaitExpression' ? call.parent.parent : call.parent;
    if (returnStatement?.type !== 'ReturnStatement' || returnStatement.parent?.type !== 'BlockStatement') return null;
    const handler = returnStatement.parent.parent;
    if (handler?.type !== 'CatchClause' || enclosingFunction(handler) !== fn) return null;
    if (handler.param && handler.param.type !== 'Identifier') return null;
    return (addBound) =>
      rewriteRecursiveRetry({
        sourceCode: this.sourceCode,
        fn,
        call,
        returnStatement,
        handler,
        waits,
        addBound,
        settings: this.ctx.options,
        style: sourceStyle(this.ctx.sourceCode),
      });
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
  ): ((addBound: boolean) => TextEdit[]) | null {
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
    return (addBound) =>
      rewritePromiseRecursiveRetry({ sourceCode: this.sourceCode, fn, call, handler, addBound, settings: this.ctx.options });
  }

  /**
   * Adding an `attempt = 0` parameter is safe: the function is declared by
   * name, not exported, not a method, has no rest parameter, never reads
   * `arguments`, every reference is a direct call with at most the declared
   * arguments, and it recurses from exactly one place (this call, which
   * passes every declared argument).
   */
  private canTakeAttemptParameter(call: TSESTree.CallExpression, frame: FunctionFrame): boolean {
    const fn = frame.node;
    if (fn.generator || frame.method || !frame.name) return false;
    if (fn.params.some((p) => p.type === 'RestElement' || p.type === 'TSParameterProperty')) return false;
    if (call.arguments.length !== fn.params.length || call.arguments.some((a) => a.type === 'SpreadElement')) return false;
    if (fn.type === 'ArrowFunctionExpression' && fn.params.length === 1) {
      const before = this.sourceCode.getTokenBefore(fn.params[0]!);
      if (!before || before.value !== '(') return false;
    }
    const id = fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' ? fn.id : null;
    const declarator = fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
    const nameNode = fn.type === 'FunctionDeclaration' ? id : declarator;
    if (!nameNode) return false;
    // Exported: callers in other files may pass more arguments (`urls.map(load)`).
    const declaration = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.parent;
    if (declaration?.parent?.type === 'ExportNamedDeclaration' || declaration?.parent?.type === 'ExportDefaultDeclaration') return false;
    const variable = variableAt(this.sourceCode, nameNode);
    if (!variable) return false;
    let recursive = 0;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const parent = reference.identifier.parent;
      if (parent?.type !== 'CallExpression' || parent.callee !== reference.identifier || parent.arguments.length > fn.params.length) return false;
      if (contains(fn, parent)) recursive++;
    }
    if (recursive !== 1) return false;
    return !mentionsName(this.keys, fn.body, new Set(['arguments']));
  }

  /** True when `container` names the retried function outside the failure branch. */
  private referencesOutside(container: Node, branch: Node, frame: FunctionFrame): boolean {
    let found = false;
    walkAll(container, this.keys, (n) => {
      if (found || n === branch) return false;
      // The name after a dot (`client.connect`) is a property, not a use of `connect`.
      if (n !== container && n.parent?.type === 'MemberExpression' && n.parent.property === n && !n.parent.computed) return false;
      const called = n.type === 'Identifier' || n.type === 'MemberExpression' ? calledName(n) : null;
      if (called && called.name === frame.name && called.method === frame.method) found = true;
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
        if (called && called.name === frame.name && called.method === frame.method) calls.push(n);
      }
    });
    const counterLike = (arg: Node): boolean => {
      const a = unwrapExpression(arg);
      if (a.type === 'UpdateExpression') return true;
      return a.type === 'BinaryExpression' && (a.operator === '+' || a.operator === '-') &&
        ((a.left.type === 'Identifier' && a.right.type === 'Literal') || (a.right.type === 'Identifier' && a.left.type === 'Literal'));
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
      if (timerKind(parent, this.ctx.imports) && index === 0) return { kind: 'timer', call: parent };
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
