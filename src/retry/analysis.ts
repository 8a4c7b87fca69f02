/**
 * The one retry analysis behind `no-unbounded-retry` and
 * `require-retry-backoff`. It finds hand-written retries (loops whose failure
 * path leads to another iteration, recursion from failure paths, reconnects
 * from 'error' / 'close' / 'end' / 'disconnect' handlers) and retry-library
 * calls, and says for each whether it is bounded and how it waits. The rules
 * only decide which findings they report.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ImportTracker, stripNodePrefix } from '../imports';
import {
  alwaysLeaves,
  calleeName,
  contains,
  blockFlow,
  type FlowContext,
  type FunctionNode,
  isFunction,
  isLoop,
  type LoopNode,
  nameKey,
  type Node,
  statementFlow,
  unwrapExpression,
  type VisitorKeys,
  walkOwn,
} from './ast';
import { type BoundContext, collectCounters, hasThrowIfAborted, isBoundingTest } from './bounds';
import { classifyDelay, type FoundWait, NO_WAIT, RegionWrites, strongerWait, timerKind, type WaitInfo, waitOf } from './delay';
import { analyzeLibraryCall, type LibraryFinding, RETRY_LIBRARY_MODULES } from './libraries';
import { type BackoffSettings, type Edit, rewriteRecursiveRetry, rewriteRetryLoop, startsLine } from './rewrite';
import { statusPolarity } from './status';

export type { LibraryFinding } from './libraries';
export { isCappedBackoff, type WaitInfo } from './delay';

export interface RetryAnalysisOptions extends BackoffSettings {
  /** A limit at or above this is no limit. */
  unboundedAbove: number;
}

export type RetryShape = 'loop' | 'recursion' | 'reconnect';

export interface HandWrittenRetry {
  shape: RetryShape;
  /** Where to report: the loop keyword, the recursive or timer call, the reconnecting call. */
  loc: TSESTree.SourceLocation;
  /** The function that is retried (recursion, reconnect). */
  name: string | null;
  /** The event whose handler reconnects. */
  event: string | null;
  bounded: boolean;
  wait: WaitInfo;
  /** The suggestion's edits; `addBound` also limits the attempts. Null when there is no safe rewrite. */
  rewrite: ((addBound: boolean) => Edit[]) | null;
  /** Why there is no rewrite (the text after "No quick fix: "). */
  noFix: string | null;
}

export interface RetryHandlers {
  onRetry?: (retry: HandWrittenRetry) => void;
  onLibrary?: (finding: LibraryFinding) => void;
}

export const NO_FIX = {
  sync: 'sync function, nothing to await between attempts',
  topLevel: 'not inside an async function, nothing to await between attempts',
  notInList: 'the loop is the body of another statement',
  destructuredError: 'the caught error is destructured, so the last error cannot be rethrown',
  statusCheck: 'the retry is driven by a status check, so there is no error to rethrow when attempts run out',
  recursion: 'the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments)',
  callback: 'the retry is scheduled from a callback, whose last failure has no caller to report to',
  reconnect: 'a reconnect handler has no caller to report the last failure to',
} as const;

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

function eventName(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

export class RetryAnalysis {
  readonly imports: ImportTracker;
  private readonly keys: VisitorKeys;
  private readonly loopTries = new Map<LoopNode, TSESTree.TryStatement[]>();
  private readonly loopStatusChecks = new Map<LoopNode, TSESTree.IfStatement[]>();
  private readonly functions: FunctionFrame[] = [];
  /** Whether the file names any retry library at all (computed once). */
  private librariesMentioned: boolean | null = null;

  constructor(
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    private readonly options: RetryAnalysisOptions,
    private readonly handlers: RetryHandlers,
  ) {
    this.imports = new ImportTracker(context.sourceCode);
    this.keys = context.sourceCode.visitorKeys;
  }

  private get sourceCode(): Readonly<TSESLint.SourceCode> {
    return this.context.sourceCode;
  }

  /** The listeners a rule returns from `create`. */
  listeners(): TSESLint.RuleListener {
    const enter = (node: FunctionNode) => {
      const { name, method } = functionName(node);
      this.functions.push({ node, name, method });
    };
    const exit = () => {
      this.functions.pop();
    };
    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': exit,
      'FunctionExpression:exit': exit,
      'ArrowFunctionExpression:exit': exit,
      CatchClause: (node) => this.noteCatch(node),
      IfStatement: (node) => this.noteStatusCheck(node),
      CallExpression: (node) => this.onCall(node),
      NewExpression: (node) => this.onLibraryCall(node),
      'Program:exit': () => {
        for (const [loop, tries] of this.loopTries) this.analyzeLoop(loop, tries, this.loopStatusChecks.get(loop) ?? []);
        for (const [loop, checks] of this.loopStatusChecks) if (!this.loopTries.has(loop)) this.analyzeLoop(loop, [], checks);
      },
    };
  }

  private onLibraryCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (!this.handlers.onLibrary) return;
    if (this.librariesMentioned === null) {
      // Once per file: is any retry library named in a string (import, require, import())?
      const modules = new Set(RETRY_LIBRARY_MODULES);
      this.librariesMentioned = this.sourceCode.ast.tokens.some((token) => {
        if (token.type !== 'String' && token.type !== 'Template') return false;
        const name = stripNodePrefix(token.value.slice(1, -1));
        return modules.has(name);
      });
    }
    if (!this.librariesMentioned) return;
    for (const finding of analyzeLibraryCall(node, { sourceCode: this.sourceCode, imports: this.imports, options: this.options })) {
      this.handlers.onLibrary(finding);
    }
  }

  // -------------------------------------------------------------------------
  // Loops.

  private noteCatch(handler: TSESTree.CatchClause): void {
    const tryStatement = handler.parent;
    if (!this.handlers.onRetry || tryStatement?.type !== 'TryStatement') return;
    let child: Node = tryStatement;
    let node = tryStatement.parent;
    while (node && !isFunction(node) && node.type !== 'Program') {
      if (isLoop(node)) {
        if ((node.type === 'WhileStatement' || node.type === 'DoWhileStatement' || node.type === 'ForStatement') && node.body === child) {
          const list = this.loopTries.get(node);
          if (list) list.push(tryStatement);
          else this.loopTries.set(node, [tryStatement]);
        }
        return;
      }
      child = node;
      node = node.parent;
    }
  }

  /** `if (!res.ok) continue;` / `if (res.ok) return res;` directly in a loop body. */
  private noteStatusCheck(node: TSESTree.IfStatement): void {
    if (!this.handlers.onRetry || statusPolarity(node.test) === null) return;
    const body = node.parent;
    const loop = body?.type === 'BlockStatement' ? body.parent : null;
    if (!loop || (loop.type !== 'WhileStatement' && loop.type !== 'DoWhileStatement' && loop.type !== 'ForStatement') || loop.body !== body) return;
    const list = this.loopStatusChecks.get(loop);
    if (list) list.push(node);
    else this.loopStatusChecks.set(loop, [node]);
  }

  /** A status check that retries: a failed status continues and success leaves, or success leaves and the rest continues. */
  private statusRetry(loop: LoopNode, checks: readonly TSESTree.IfStatement[], ctx: FlowContext): boolean {
    if (loop.body.type !== 'BlockStatement') return false;
    const list = loop.body.body;
    for (const check of checks) {
      const index = list.indexOf(check);
      if (index < 0 || check.alternate) continue;
      const rest = blockFlow(list.slice(index + 1), ctx);
      const branch = statementFlow(check.consequent, ctx);
      const polarity = statusPolarity(check.test);
      if (polarity === 'failure' && branch.cont && !branch.normal && !branch.exit && alwaysLeaves(rest)) return true;
      if (polarity === 'success' && alwaysLeaves(branch) && (rest.normal || rest.cont)) return true;
    }
    return false;
  }

  private analyzeLoop(loop: LoopNode, tries: TSESTree.TryStatement[], statusChecks: TSESTree.IfStatement[]): void {
    const label = loop.parent?.type === 'LabeledStatement' ? loop.parent.label.name : null;
    const ctx: FlowContext = { loopLabel: label, inSwitch: false, innerLabels: new Set() };
    const bodyList = loop.body.type === 'BlockStatement' ? loop.body.body : [loop.body];
    let retryTry: TSESTree.TryStatement | null = null;
    for (const tryStatement of tries) {
      const handler = tryStatement.handler;
      if (!handler) continue;
      const index = bodyList.indexOf(tryStatement);
      const direct = index >= 0;
      const rest = direct ? bodyList.slice(index + 1) : [];
      const restFlow = blockFlow(rest, ctx);
      const handlerFlow = statementFlow(handler.body, ctx);
      const failureContinues = handlerFlow.cont || (handlerFlow.normal && (!direct || restFlow.normal || restFlow.cont));
      if (!failureContinues) continue;
      const blockFlowResult = statementFlow(tryStatement.block, ctx);
      const successLeaves =
        alwaysLeaves(blockFlowResult) ||
        (blockFlowResult.normal && direct && alwaysLeaves(restFlow)) ||
        this.flagEndsLoop(loop, tryStatement, handler, bodyList) ||
        this.statusCheckLeaves(tryStatement.block, ctx);
      if (successLeaves) {
        retryTry = tryStatement;
        break;
      }
    }
    const statusDriven = !retryTry && this.statusRetry(loop, statusChecks, ctx);
    if (!retryTry && !statusDriven) return;

    const writes = new RegionWrites(loop, this.keys, false);
    if (this.isTraversal(loop, writes)) return;
    const counters = collectCounters(loop, this.keys, false);
    if (this.indexesWith(loop, counters)) return;
    const owner = this.enclosingFunction(loop);
    const boundCtx: BoundContext = {
      keys: this.keys,
      sourceCode: this.sourceCode,
      counters,
      unboundedAbove: this.options.unboundedAbove,
      timerFlags: this.timerFlags(owner ?? this.sourceCode.ast, writes),
    };
    const bounded = (loop.test != null && isBoundingTest(loop.test, boundCtx, 'continueWhenTrue')) || this.hasExitCheck(loop.body, boundCtx, ctx) || hasThrowIfAborted(loop.body, this.keys);

    const waits: FoundWait[] = [];
    walkOwn(loop.body, this.keys, (node) => {
      if (isFunction(node)) return false;
      const wait = waitOf(node, this.imports, this.keys);
      if (wait) {
        waits.push(wait);
        return false;
      }
      return true;
    });
    let wait: WaitInfo = NO_WAIT;
    for (const found of waits) {
      const info = found.opaque ? { kind: 'unknown' as const, capped: false, jitter: false } : classifyDelay(found.delay, { keys: this.keys, writes, varying: new Set() });
      wait = strongerWait(wait, info);
    }

    const statement = loop.parent?.type === 'LabeledStatement' ? loop.parent : loop;
    let noFix: string | null = null;
    if (owner) {
      if (!owner.async) noFix = NO_FIX.sync;
    } else if (!waits.some((w) => w.node.type === 'AwaitExpression') && !this.hasOwnAwait(loop)) {
      noFix = NO_FIX.topLevel;
    }
    const parentType = statement.parent?.type;
    if (!noFix && parentType !== 'BlockStatement' && parentType !== 'Program' && parentType !== 'SwitchCase' && parentType !== 'StaticBlock') noFix = NO_FIX.notInList;
    if (!noFix && !startsLine(this.sourceCode.text, statement.range[0])) noFix = NO_FIX.notInList;
    if (!noFix && !retryTry) noFix = NO_FIX.statusCheck;
    const handler = retryTry?.handler ?? null;
    if (!noFix && handler?.param && handler.param.type !== 'Identifier') noFix = NO_FIX.destructuredError;

    const removable = waits
      .map((w) => w.node.parent)
      .filter((p): p is TSESTree.ExpressionStatement => p?.type === 'ExpressionStatement' && (p.parent?.type === 'BlockStatement' || p.parent?.type === 'SwitchCase'));
    const first = this.sourceCode.getFirstToken(loop);
    this.handlers.onRetry!({
      shape: 'loop',
      loc: first ? first.loc : loop.loc,
      name: null,
      event: null,
      bounded,
      wait,
      noFix,
      rewrite: noFix || !handler
        ? null
        : (addBound) =>
            rewriteRetryLoop({
              sourceCode: this.sourceCode,
              statement,
              owner: owner ?? this.sourceCode.ast,
              handler,
              waits: removable,
              addBound,
              settings: this.options,
            }),
    });
  }

  private hasOwnAwait(loop: Node): boolean {
    let found = false;
    walkOwn(loop, this.keys, (node) => {
      if (found) return false;
      if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) found = true;
      return !found;
    });
    return found;
  }

  private enclosingFunction(node: Node): FunctionNode | null {
    let current = node.parent;
    while (current) {
      if (isFunction(current)) return current;
      current = current.parent;
    }
    return null;
  }

  /** `do { retried = false; try {...} catch { retried = true } } while (retried)`, or `done = true` at the end of the try. */
  private flagEndsLoop(loop: LoopNode, tryStatement: TSESTree.TryStatement, handler: TSESTree.CatchClause, bodyList: readonly TSESTree.Statement[]): boolean {
    const test = loop.test;
    if (!test) return false;
    const unwrapped = unwrapExpression(test);
    const negated = unwrapped.type === 'UnaryExpression' && unwrapped.operator === '!';
    const flag = nameKey(negated ? (unwrapped as TSESTree.UnaryExpression).argument : unwrapped);
    if (!flag) return false;
    const assigned = (statements: readonly TSESTree.Statement[], value: boolean) =>
      statements.some(
        (s) =>
          s.type === 'ExpressionStatement' &&
          s.expression.type === 'AssignmentExpression' &&
          s.expression.operator === '=' &&
          nameKey(s.expression.left) === flag &&
          s.expression.right.type === 'Literal' &&
          s.expression.right.value === value,
      );
    // Success sets the flag that ends the loop.
    if (assigned(tryStatement.block.body, negated)) return true;
    // Failure sets the flag that continues it, and every iteration clears it first.
    const index = bodyList.indexOf(tryStatement);
    return !negated && index > 0 && assigned(handler.body.body, true) && assigned(bodyList.slice(0, index), false);
  }

  /** `if (res.ok) return res;` at the top of the try block: success leaves, a failed status retries. */
  private statusCheckLeaves(block: TSESTree.BlockStatement, ctx: FlowContext): boolean {
    return block.body.some((s) => s.type === 'IfStatement' && statusPolarity(s.test) === 'success' && alwaysLeaves(statementFlow(s.consequent, ctx)));
  }

  /**
   * An `if` in the region whose test bounds the retry and whose branch leaves,
   * or a bounded `if (...) continue;` followed by code that always leaves.
   */
  private hasExitCheck(region: Node, boundCtx: BoundContext, ctx: FlowContext): boolean {
    let found = false;
    walkOwn(region, this.keys, (node) => {
      if (found) return false;
      if (node !== region && isLoop(node)) return false;
      if (node.type === 'IfStatement') {
        const consequent = statementFlow(node.consequent, ctx);
        if (alwaysLeaves(consequent) && isBoundingTest(node.test, boundCtx, 'exitWhenTrue')) found = true;
        else if (node.alternate && alwaysLeaves(statementFlow(node.alternate, ctx)) && isBoundingTest(node.test, boundCtx, 'continueWhenTrue')) found = true;
        else if (consequent.cont && !consequent.normal && !consequent.exit && !node.alternate && node.parent?.type === 'BlockStatement') {
          const list = node.parent.body;
          const after = blockFlow(list.slice(list.indexOf(node) + 1), ctx);
          if (alwaysLeaves(after) && isBoundingTest(node.test, boundCtx, 'continueWhenTrue')) found = true;
        }
      }
      return !found;
    });
    return found;
  }

  /**
   * A loop whose condition walks through values (`dir = path.dirname(dir)`,
   * `node = node.parent`): each iteration tries something else, not a retry.
   */
  private isTraversal(loop: LoopNode, writes: RegionWrites): boolean {
    const names = new Set<string>();
    const collect = (node: Node | null | undefined) => {
      if (!node) return;
      walkOwn(node, this.keys, (n) => {
        if (n.type === 'Identifier' || n.type === 'MemberExpression') {
          const key = nameKey(n);
          if (key) names.add(key);
          return key === null;
        }
        return true;
      });
    };
    collect(loop.test);
    for (const name of names) {
      for (const write of writes.writes.get(name) ?? []) {
        if (write.kind !== 'assign' || !write.value) continue;
        const value = unwrapExpression(write.value);
        if (value.type === 'Literal') continue;
        if (value.type === 'BinaryExpression' && (value.operator === '+' || value.operator === '-')) continue;
        return true;
      }
    }
    return false;
  }

  /** A counter used as an index (`mirrors[i]`, `parsers[index]`): trying alternatives in turn, not retrying one operation. */
  private indexesWith(region: Node, counters: ReadonlySet<string>): boolean {
    if (counters.size === 0) return false;
    let found = false;
    walkOwn(region, this.keys, (n) => {
      if (found) return false;
      if (n.type === 'MemberExpression' && n.computed) {
        const property = unwrapExpression(n.property);
        const key = property.type === 'UpdateExpression' ? nameKey(property.argument) : nameKey(property);
        if (key && counters.has(key)) found = true;
      }
      return !found;
    });
    return found;
  }

  /** Names a timer callback sets (`setTimeout(() => { timedOut = true }, ms)`), and names copied from them. */
  private timerFlags(owner: Node, writes: RegionWrites): Set<string> {
    const flags = new Set<string>();
    walkOwn(owner, this.keys, (n) => {
      // Any function called setTimeout (also a local alias of the timer, `const { setTimeout } = safeTimers()`).
      if (n.type === 'CallExpression' && calleeName(n) === 'setTimeout' && isFunction(n.arguments[0])) {
        walkOwn(n.arguments[0], this.keys, (inner) => {
          if (inner.type === 'AssignmentExpression' && inner.right.type === 'Literal' && typeof inner.right.value === 'boolean') {
            const key = nameKey(inner.left);
            if (key) flags.add(key);
          }
          return true;
        });
      }
      return true;
    });
    if (flags.size === 0) return flags;
    for (const [name, list] of writes.writes) {
      if (list.some((w) => w.value && (w.value.type === 'Identifier' || w.value.type === 'MemberExpression') && flags.has(nameKey(w.value) ?? ''))) flags.add(name);
    }
    return flags;
  }

  // -------------------------------------------------------------------------
  // Calls: libraries, recursion, reconnect.

  private onCall(call: TSESTree.CallExpression): void {
    this.onLibraryCall(call);
    if (!this.handlers.onRetry || this.functions.length === 0) return;
    const timer = timerKind(call, this.imports);
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
        const fn = this.enclosingFunction(parent);
        if (fn && fn !== target && this.testsErrorParam(parent.test, fn)) {
          failure ??= 'callback';
          failureRegions.push(node);
          if (fn.params[0]?.type === 'Identifier') errorNames.add(fn.params[0].name);
          containers.push({ container: fn, failure: node });
        }
      } else if (parent.type === 'IfStatement' && parent.alternate === node) {
        // `if (err) {...} else { retry() }`: the success branch.
        const fn = this.enclosingFunction(parent);
        if (fn && fn !== target && this.testsErrorParam(parent.test, fn)) return;
      } else if ((parent.type === 'ConditionalExpression' && parent.consequent === node) || (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === node)) {
        guards.push(parent.type === 'ConditionalExpression' ? parent.test : parent.left);
      }
      if (isFunction(node) && node !== target) {
        const role = this.callbackRole(node);
        if (role === null) return;
        if (role.kind === 'timer') scheduledBy = role.call;
        else if (role.kind === 'promise') {
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
    if (errorNames.size > 0 && passed.some((arg) => this.mentionsName(arg, errorNames))) return;
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
    if (this.indexesWith(target.body, counters)) return;
    const boundCtx: BoundContext = { keys: this.keys, sourceCode: this.sourceCode, counters, unboundedAbove: this.options.unboundedAbove };
    const flowCtx: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
    let bounded = guards.some((g) => isBoundingTest(g, boundCtx, 'continueWhenTrue'));
    if (!bounded) {
      // An exit check anywhere in the function, nested callbacks included.
      const stack: Node[] = [target.body];
      while (stack.length > 0 && !bounded) {
        const n = stack.pop()!;
        if (n.type === 'IfStatement' && alwaysLeaves(statementFlow(n.consequent, flowCtx)) && isBoundingTest(n.test, boundCtx, 'exitWhenTrue')) bounded = true;
        if (n.type === 'IfStatement' && n.alternate && alwaysLeaves(statementFlow(n.alternate, flowCtx)) && isBoundingTest(n.test, boundCtx, 'continueWhenTrue')) bounded = true;
        const record = n as unknown as Record<string, unknown>;
        for (const key of this.keys[n.type] ?? []) {
          const value = record[key];
          if (Array.isArray(value)) { for (const item of value) if (item && typeof item === 'object') stack.push(item as Node); }
          else if (value && typeof value === 'object') stack.push(value as Node);
        }
      }
    }
    if (!bounded) bounded = hasThrowIfAborted(target.body, this.keys);

    const writes = new RegionWrites(target.body, this.keys, true);
    const waitsInFailure: TSESTree.ExpressionStatement[] = [];
    let wait: WaitInfo = NO_WAIT;
    if (scheduledBy) {
      if (timerKind(scheduledBy, this.imports) === 'setTimeout') {
        wait = classifyDelay(scheduledBy.arguments[1] ?? null, { keys: this.keys, writes, varying });
      }
    } else {
      for (const region of failureRegions) {
        walkOwn(region, this.keys, (n) => {
          const found = waitOf(n, this.imports, this.keys);
          if (found) {
            const statement = found.node.parent;
            if (statement?.type === 'ExpressionStatement' && statement.parent?.type === 'BlockStatement') waitsInFailure.push(statement);
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
    const plan = shape === 'recursion' && failure === 'catch' && !scheduledBy ? this.recursionPlan(call, frame, bounded, waitsInFailure) : null;
    this.handlers.onRetry!({
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
    bounded: boolean,
    waits: readonly TSESTree.ExpressionStatement[],
  ): ((addBound: boolean) => Edit[]) | null {
    const fn = frame.node;
    if (!fn.async || fn.generator || frame.method || !frame.name) return null;
    const returnStatement = call.parent?.type === 'AwaitExpression' ? call.parent.parent : call.parent;
    if (returnStatement?.type !== 'ReturnStatement' || returnStatement.parent?.type !== 'BlockStatement') return null;
    const handler = returnStatement.parent.parent;
    if (handler?.type !== 'CatchClause' || this.enclosingFunction(handler) !== fn) return null;
    if (handler.param && handler.param.type !== 'Identifier') return null;
    if (fn.params.some((p) => p.type === 'RestElement' || p.type === 'TSParameterProperty')) return null;
    if (call.arguments.length !== fn.params.length || call.arguments.some((a) => a.type === 'SpreadElement')) return null;
    if (fn.type === 'ArrowFunctionExpression' && fn.params.length === 1) {
      const before = this.sourceCode.getTokenBefore(fn.params[0]!);
      if (!before || before.value !== '(') return null;
    }
    // Every reference is a direct call with at most the declared arguments; exactly one of them recursive.
    const id = fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' ? fn.id : null;
    const declarator = fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
    const nameNode = fn.type === 'FunctionDeclaration' ? id : declarator;
    if (!nameNode) return null;
    // Exported: callers in other files may pass more arguments (`urls.map(load)`).
    const declaration = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.parent;
    if (declaration?.parent?.type === 'ExportNamedDeclaration' || declaration?.parent?.type === 'ExportDefaultDeclaration') return null;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(nameNode), nameNode);
    if (!variable) return null;
    let recursive = 0;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const parent = reference.identifier.parent;
      if (parent?.type !== 'CallExpression' || parent.callee !== reference.identifier || parent.arguments.length > fn.params.length) return null;
      if (contains(fn, parent)) recursive++;
    }
    if (recursive !== 1) return null;
    if (this.mentionsName(fn.body, new Set(['arguments']))) return null;
    return (addBound) =>
      rewriteRecursiveRetry({
        sourceCode: this.sourceCode,
        fn,
        call,
        returnStatement,
        handler,
        waits,
        addBound,
        settings: this.options,
      });
  }

  /** True when `container` names the retried function outside the failure branch. */
  private referencesOutside(container: Node, branch: Node, frame: FunctionFrame): boolean {
    let found = false;
    const stack: Node[] = [container];
    while (stack.length > 0 && !found) {
      const n = stack.pop()!;
      if (n === branch) continue;
      const called = n.type === 'Identifier' || n.type === 'MemberExpression' ? calledName(n) : null;
      if (called && called.name === frame.name && called.method === frame.method) {
        found = true;
        break;
      }
      if (n.type === 'MemberExpression') {
        stack.push(n.object);
        if (n.computed) stack.push(n.property);
        continue;
      }
      const record = n as unknown as Record<string, unknown>;
      for (const key of this.keys[n.type] ?? []) {
        const value = record[key];
        if (Array.isArray(value)) { for (const item of value) if (item && typeof item === 'object') stack.push(item as Node); }
        else if (value && typeof value === 'object') stack.push(value as Node);
      }
    }
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
    const stack: Node[] = [fn.body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') locals.add(n.id.name);
      if (n.type === 'CallExpression') {
        const called = calledName(n.callee);
        if (called && called.name === frame.name && called.method === frame.method) calls.push(n);
      }
      const record = n as unknown as Record<string, unknown>;
      for (const key of this.keys[n.type] ?? []) {
        const value = record[key];
        if (Array.isArray(value)) { for (const item of value) if (item && typeof item === 'object') stack.push(item as Node); }
        else if (value && typeof value === 'object') stack.push(value as Node);
      }
    }
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
        return this.mentionsName(a, locals);
      }),
    );
    this.structural.set(fn, structural);
    return structural;
  }

  private mentionsName(node: Node, names: ReadonlySet<string>): boolean {
    let found = false;
    walkOwn(node, this.keys, (n) => {
      if (found) return false;
      if (n.type === 'Identifier' && names.has(n.name)) found = true;
      return !found;
    });
    return found;
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
      if (timerKind(parent, this.imports) && index === 0) return { kind: 'timer', call: parent };
      const callee = parent.callee.type === 'ChainExpression' ? parent.callee.expression : parent.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        const method = callee.property.name;
        if (method === 'catch' && index === 0) return { kind: 'promise' };
        if (method === 'then' && index === 1) return { kind: 'promise' };
        if (method === 'then' && index === 0) return null;
        if (LISTENER_METHODS.has(method) && index === 1) {
          const name = eventName(parent.arguments[0]);
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


/** Creates the analysis for one file; the rule returns `analysis.listeners()`. */
export function createRetryAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: RetryAnalysisOptions,
  handlers: RetryHandlers,
): RetryAnalysis {
  return new RetryAnalysis(context, options, handlers);
}
