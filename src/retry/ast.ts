/**
 * Small AST helpers of the retry analysis: completion flow of statements
 * relative to one loop, recognisers for numbers that mean "forever", and
 * name keys. The generic helpers (walks, function nodes, unwrapping) live in
 * src/ast/.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap';
import { dottedName } from '../patterns';
export { isLogCall } from '../ast/log-call';

export type Node = TSESTree.Node;
export type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/** Methods that register an event handler (`emitter.on('close', ...)`, `addEventListener`). */
export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'addEventListener', 'prependListener', 'prependOnceListener']);
/** Calls that run a callback later, by the callee's last name (`setTimeout`, `process.nextTick`, `timers.setInterval`). */
export const TIMER_FUNCTIONS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick']);
/** Methods that take the next item off a queue or list. */
export const TAKE_METHODS: ReadonlySet<string> = new Set(['shift', 'pop', 'dequeue', 'poll', 'take']);
/** Methods that put an item back on a queue or list. */
export const PUT_BACK_METHODS: ReadonlySet<string> = new Set(['unshift', 'push', 'enqueue', 'add', 'splice']);

/** The text key of a simple name chain (`state.attempt`), or null. */
export function nameKey(node: Node): string | null {
  const name = dottedName(node);
  return name ? name.join('.') : null;
}

/** `Math.min(...)`, `Math.random()`: a call on a global object's method. */
export function isMemberCall(node: Node, object: string, property: string): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed) return false;
  return callee.object.type === 'Identifier' && callee.object.name === object && callee.property.type === 'Identifier' && callee.property.name === property;
}

/** The last name of a callee: `sleep` for `sleep()`, `utils.delay()`, `this.wait()`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  let callee: Node = call.callee;
  if (callee.type === 'ChainExpression') callee = callee.expression;
  // Compiled TypeScript / Babel calls an import as `(0, util_1.delay)(ms)`: the last expression is the callee.
  if (callee.type === 'SequenceExpression') callee = callee.expressions[callee.expressions.length - 1]!;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}

// ---------------------------------------------------------------------------
// Completion flow relative to one loop.

export interface Flow {
  /** Completes normally (falls through to the next statement). */
  normal: boolean;
  /** Continues the loop (goes to its next iteration). */
  cont: boolean;
  /** Leaves the loop (return, throw, break, process.exit). */
  exit: boolean;
}

export interface FlowContext {
  /** Label of the loop, when it has one. */
  loopLabel: string | null;
  inSwitch: boolean;
  innerLabels: ReadonlySet<string>;
}

const NORMAL: Flow = { normal: true, cont: false, exit: false };
const EXIT: Flow = { normal: false, cont: false, exit: true };
const CONT: Flow = { normal: false, cont: true, exit: false };

/** `process.exit(...)`, or a helper whose name says it throws (`throwWithCause(err)`, `throwError(e)`). */
function isProcessExit(statement: TSESTree.ExpressionStatement): boolean {
  const expression = statement.expression;
  if (isMemberCall(expression, 'process', 'exit')) return true;
  if (expression.type !== 'CallExpression') return false;
  const name = calleeName(expression);
  return !!name && /^throw[A-Z_]/.test(name);
}

export function blockFlow(statements: readonly TSESTree.Statement[], ctx: FlowContext): Flow {
  const result: Flow = { normal: true, cont: false, exit: false };
  for (const statement of statements) {
    const f = statementFlow(statement, ctx);
    result.cont ||= f.cont;
    result.exit ||= f.exit;
    if (!f.normal) {
      result.normal = false;
      return result;
    }
  }
  return result;
}

/** How a statement can complete, relative to the loop of `ctx` (a coarse, sound-enough approximation). */
export function statementFlow(statement: TSESTree.Statement, ctx: FlowContext): Flow {
  switch (statement.type) {
    case 'BlockStatement':
      return blockFlow(statement.body, ctx);
    case 'ReturnStatement':
    case 'ThrowStatement':
      return EXIT;
    case 'BreakStatement':
      if (!statement.label) return ctx.inSwitch ? NORMAL : EXIT;
      return ctx.innerLabels.has(statement.label.name) ? NORMAL : EXIT;
    case 'ContinueStatement':
      if (!statement.label || statement.label.name === ctx.loopLabel) return CONT;
      return ctx.innerLabels.has(statement.label.name) ? NORMAL : EXIT;
    case 'ExpressionStatement':
      return isProcessExit(statement) ? EXIT : NORMAL;
    case 'IfStatement': {
      const a = statementFlow(statement.consequent, ctx);
      const b = statement.alternate ? statementFlow(statement.alternate, ctx) : NORMAL;
      return { normal: a.normal || b.normal, cont: a.cont || b.cont, exit: a.exit || b.exit };
    }
    case 'LabeledStatement': {
      const inner = new Set(ctx.innerLabels);
      inner.add(statement.label.name);
      const f = statementFlow(statement.body, { ...ctx, innerLabels: inner });
      return f;
    }
    case 'TryStatement': {
      const block = statementFlow(statement.block, ctx);
      let result: Flow;
      if (statement.handler) {
        const handler = statementFlow(statement.handler.body, ctx);
        result = { normal: block.normal || handler.normal, cont: block.cont || handler.cont, exit: block.exit || handler.exit };
      } else {
        result = { normal: block.normal, cont: block.cont, exit: true };
      }
      if (statement.finalizer) {
        const fin = statementFlow(statement.finalizer, ctx);
        if (!fin.normal) return fin;
        result = { normal: result.normal, cont: result.cont || fin.cont, exit: result.exit || fin.exit };
      }
      return result;
    }
    case 'SwitchStatement': {
      const inner = { ...ctx, inSwitch: true };
      const result: Flow = { normal: true, cont: false, exit: false };
      for (const switchCase of statement.cases) {
        const f = blockFlow(switchCase.consequent, inner);
        result.cont ||= f.cont;
        result.exit ||= f.exit;
      }
      return result;
    }
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      // `while (true)` / `for (;;)` with no `break` of its own never completes normally: it only leaves by return or throw.
      return isEndless(statement) ? EXIT : NORMAL;
    default:
      // Declarations, other loops and everything else: treated as completing normally.
      return NORMAL;
  }
}

/** `while (true)`, `while (1)`, `for (;;)`, `do … while (true)` whose body has no `break` (nor a labelled jump) that ends it. */
function isEndless(loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement): boolean {
  const test = loop.test ? unwrapExpression(loop.test) : null;
  // Any truthy literal, as the exhaustion analysis reads an endless generator loop (`loopsForever`).
  if (test && !(test.type === 'Literal' && !!test.value)) return false;
  const breaks = (statement: TSESTree.Statement | null | undefined, inner: boolean): boolean => {
    if (!statement) return false;
    switch (statement.type) {
      case 'BreakStatement':
        return !!statement.label || !inner;
      case 'ContinueStatement':
        return !!statement.label;
      case 'BlockStatement':
        return statement.body.some((s) => breaks(s, inner));
      case 'IfStatement':
        return breaks(statement.consequent, inner) || breaks(statement.alternate, inner);
      case 'LabeledStatement':
        return breaks(statement.body, inner);
      case 'TryStatement':
        return breaks(statement.block, inner) || breaks(statement.handler?.body, inner) || breaks(statement.finalizer, inner);
      case 'SwitchStatement':
        return statement.cases.some((c) => c.consequent.some((s) => breaks(s, true)));
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        return breaks(statement.body, true);
      default:
        return false;
    }
  };
  return !breaks(loop.body, false);
}

export function alwaysLeaves(flow: Flow): boolean {
  return !flow.normal && !flow.cont;
}

// ---------------------------------------------------------------------------
// Numbers that mean "forever".

/** `Infinity`, `Number.MAX_VALUE` and friends, or a literal >= `unboundedAbove`. */
export function isForeverNumber(node: Node, unboundedAbove: number): boolean {
  const n = unwrapExpression(node);
  if (n.type === 'Identifier') return n.name === 'Infinity';
  if (n.type === 'Literal') return typeof n.value === 'number' && n.value >= unboundedAbove;
  if (n.type === 'MemberExpression' && !n.computed && n.object.type === 'Identifier' && n.property.type === 'Identifier') {
    if (n.object.name === 'Number') {
      return ['MAX_VALUE', 'MAX_SAFE_INTEGER', 'POSITIVE_INFINITY'].includes(n.property.name);
    }
  }
  if (n.type === 'BinaryExpression' && n.operator === '/' && n.left.type === 'Literal' && n.right.type === 'Literal') {
    return n.right.value === 0 && typeof n.left.value === 'number' && n.left.value > 0;
  }
  return false;
}

/** A numeric literal value (also `-1`), or null. */
export function numberValue(node: Node): number | null {
  const n = unwrapExpression(node);
  if (n.type === 'Literal' && typeof n.value === 'number') return n.value;
  if (n.type === 'UnaryExpression' && n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number') {
    return -n.argument.value;
  }
  return null;
}

/** The expression a statement runs: an expression statement's, or the value of a single declaration (`const x = await f()`). */
export function statementExpression(statement: Node): Node | null {
  if (statement.type === 'ExpressionStatement') return statement.expression;
  if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) return statement.declarations[0]!.init ?? null;
  return null;
}

/** The collection a test requires to be empty: `x.length === 0`, `== 0`, `< 1`, `<= 0`, `!x.length` (also `.size`); null otherwise. */
export function emptyCount(test: Node): Node | null {
  const t = unwrapExpression(test);
  if (t.type === 'UnaryExpression' && t.operator === '!') return countedCollection(t.argument);
  if (t.type !== 'BinaryExpression') return null;
  const right = unwrapExpression(t.right);
  if (right.type !== 'Literal' || typeof right.value !== 'number') return null;
  const empty = ((t.operator === '===' || t.operator === '==' || t.operator === '<=') && right.value === 0) || (t.operator === '<' && right.value === 1);
  return empty ? countedCollection(t.left as Node) : null;
}

/** `x.length` or `x.size`: `x`; null otherwise. */
export function countedCollection(n: Node): Node | null {
  const m = unwrapExpression(n);
  return m.type === 'MemberExpression' && !m.computed && m.property.type === 'Identifier' && (m.property.name === 'length' || m.property.name === 'size') ? (m.object as Node) : null;
}

/**
 * The collection a test requires to be non-empty: `x.length !== 0`, `x.length != 0`, `x.length > 0`,
 * `x.length >= 1`, `0 < x.length`, `x.length` alone (also `.size`); null otherwise.
 */
export function nonEmptyCount(test: Node): Node | null {
  const t = unwrapExpression(test);
  if (t.type === 'MemberExpression') return countedCollection(t);
  if (t.type !== 'BinaryExpression') return null;
  const number = (n: Node): number | null => {
    const u = unwrapExpression(n);
    return u.type === 'Literal' && typeof u.value === 'number' ? u.value : null;
  };
  const left = countedCollection(t.left as Node);
  const right = countedCollection(t.right);
  if (left && number(t.right) === 0 && ['!==', '!=', '>'].includes(t.operator)) return left;
  if (left && number(t.right) === 1 && t.operator === '>=') return left;
  if (right && number(t.left as Node) === 0 && ['!==', '!=', '<'].includes(t.operator)) return right;
  if (right && number(t.left as Node) === 1 && t.operator === '<=') return right;
  return null;
}
