/**
 * Small AST helpers of the retry analysis: own-subtree walks that stop at
 * nested functions, completion flow of statements relative to one loop, and
 * recognisers for numbers that mean "forever".
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { dottedName } from '../patterns';

export type Node = TSESTree.Node;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
export type LoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
export type VisitorKeys = TSESLint.SourceCode['visitorKeys'];

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return !!node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
}

export function isLoop(node: Node): boolean {
  switch (node.type) {
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
      return true;
    default:
      return false;
  }
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The children of a node, through the parser's visitor keys. */
export function childrenOf(node: Node, keys: VisitorKeys): Node[] {
  const out: Node[] = [];
  const names = keys[node.type] ?? [];
  const record = node as unknown as Record<string, unknown>;
  for (const name of names) {
    const value = record[name];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') out.push(item as Node);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      out.push(value as Node);
    }
  }
  return out;
}

/**
 * Visits `root` and its descendants, not entering nested functions (the
 * function node itself is visited). `visit` returns false to skip a subtree.
 */
export function walkOwn(root: Node, keys: VisitorKeys, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    if (node !== root && isFunction(node)) continue;
    const children = childrenOf(node, keys);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Like `walkOwn`, but also descends into nested functions. */
export function walkAll(root: Node, keys: VisitorKeys, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children = childrenOf(node, keys);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** True when any own node under `root` satisfies `test`. */
export function someOwn(root: Node, keys: VisitorKeys, test: (node: Node) => boolean): boolean {
  let found = false;
  walkOwn(root, keys, (node) => {
    if (found) return false;
    if (test(node)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

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
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}

export function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    if (
      current.type === 'TSAsExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ChainExpression'
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
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
    default:
      // Declarations, nested loops and everything else: treated as completing normally.
      return NORMAL;
  }
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
