/**
 * Run-once guards: a value computed only while its target is still empty
 * (`if (!cache) cache = clone(x)`, `cache ??= clone(x)`, `x = x || clone(y)`)
 * is computed once per target, however often the code around it runs.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { variableAt } from '../imports';
import { enclosingFunction } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';

type Node = TSESTree.Node;

function sameTarget(sourceCode: Readonly<TSESLint.SourceCode>, a: Node, b: Node): boolean {
  const text = (node: Node) => sourceCode.getText(unwrapExpression(node)).replace(/\s+/g, '');
  return text(a) === text(b);
}

function isUndefined(node: Node): boolean {
  return (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');
}

/** `!T`, `T == null`, `T === undefined`, `typeof T === 'undefined'`, or one of these joined by `&&` with anything. */
function testsAbsent(sourceCode: Readonly<TSESLint.SourceCode>, test: Node, target: Node, depth = 0): boolean {
  if (depth > 4) return false;
  const node = unwrapExpression(test);
  if (node.type === 'UnaryExpression' && node.operator === '!') return sameTarget(sourceCode, node.argument, target);
  if (node.type === 'LogicalExpression' && node.operator === '&&') {
    return testsAbsent(sourceCode, node.left, target, depth + 1) || testsAbsent(sourceCode, node.right, target, depth + 1);
  }
  if (node.type === 'BinaryExpression' && (node.operator === '==' || node.operator === '===')) {
    const pairs: [Node, Node][] = [
      [node.left, node.right],
      [node.right, node.left],
    ];
    for (const [side, other] of pairs) {
      const empty = (other.type === 'Literal' && other.value === null) || isUndefined(other);
      if (empty && sameTarget(sourceCode, side, target)) return true;
      if (
        side.type === 'UnaryExpression' &&
        side.operator === 'typeof' &&
        other.type === 'Literal' &&
        other.value === 'undefined' &&
        sameTarget(sourceCode, side.argument, target)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The functions whose parameters and loop variables are made anew for each
 * run of the hot code: the hot function and every function between it and
 * the clone. `req.snapshot` or `item.orig` there belongs to one request or one
 * item, so a guard on it runs the clone once per request or item.
 */
export type PerRunFunctions = ReadonlySet<Node>;

/** True when `variable` is a parameter of, or a loop variable declared in, one of `perRun`. */
function madePerRun(variable: TSESLint.Scope.Variable, perRun: PerRunFunctions): boolean {
  return variable.defs.some((def) => {
    if (def.type === 'Parameter') return perRun.has(def.node);
    if (def.type !== 'Variable') return false;
    const loop = def.parent?.parent;
    const isLoopVariable =
      (loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement' || loop?.type === 'ForStatement') &&
      (loop.type === 'ForStatement' ? loop.init === def.parent : loop.left === def.parent);
    if (!isLoopVariable) return false;
    const fn = enclosingFunction(def.node);
    return fn !== null && perRun.has(fn);
  });
}

/**
 * The object whose own property `node` is (`req` in `req.snapshot`), or
 * null. A deeper target (`req.node._wires`) may live on a shared object that
 * a per-request one only points to, so it is not taken as per run.
 */
function ownerName(node: Node): TSESTree.Identifier | null {
  if (node.type !== 'MemberExpression') return null;
  const object = unwrapExpression(node.object);
  return object.type === 'Identifier' ? object : null;
}

/**
 * A target that outlives one run of the hot code: a property (`this.cache`,
 * `node._originalWires`) except one of a parameter or loop variable of the
 * hot function or a function between it and the clone, or a variable declared
 * outside the function. A local `let` is empty again on every call, so its
 * guard guards nothing; so is `req.copy` on each request.
 */
function outlivesCall(sourceCode: Readonly<TSESLint.SourceCode>, target: Node, fn: Node | null, perRun: PerRunFunctions): boolean {
  const node = unwrapExpression(target);
  const owner = ownerName(node) ?? (node.type === 'Identifier' ? node : null);
  if (owner) {
    const ownerVariable = variableAt(sourceCode, owner);
    if (ownerVariable && madePerRun(ownerVariable, perRun)) return false;
  }
  if (node.type === 'MemberExpression') return true;
  if (node.type !== 'Identifier') return false;
  const variable = variableAt(sourceCode, node);
  if (!variable || variable.defs.length === 0) return true; // a global
  if (!fn) return true;
  return variable.defs.every((def) => def.name.range[0] < fn.range[0] || def.name.range[1] > fn.range[1]);
}

/** Expression nodes a value is built through (`{ a: clone(x) }`, `[clone(x)]`, `clone(x) || {}`, `f(clone(x))`). */
const BUILDS_VALUE = new Set<string>([
  'ObjectExpression',
  'Property',
  'ArrayExpression',
  'SpreadElement',
  'LogicalExpression',
  'ConditionalExpression',
  'CallExpression',
  'NewExpression',
  'ChainExpression',
  'AwaitExpression',
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
]);

/** The assignment whose assigned value `node` is part of (not inside a function written in it), or null. */
function assignmentBuilding(node: Node): TSESTree.AssignmentExpression | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === 'AssignmentExpression') return current.right === child ? current : null;
    if (!BUILDS_VALUE.has(current.type)) return null;
    if (current.type === 'Property' && (current.parent.type !== 'ObjectExpression' || current.value !== child)) return null;
  }
  return null;
}

const contains = (outer: Node, inner: Node) => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];

/**
 * True when `node` (a clone call) computes the value of a run-once guard,
 * directly or as a part of it (`if (!ref.current) ref.current = { a: clone(x), b: clone(y) }`).
 * `perRun`: the hot function and the functions between it and the clone.
 */
export function inRunOnceGuard(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, perRun: PerRunFunctions): boolean {
  const assignment = assignmentBuilding(node);
  if (!assignment) return false;
  const fn = enclosingFunction(assignment);
  if (assignment.operator === '??=' || assignment.operator === '||=') return outlivesCall(sourceCode, assignment.left, fn, perRun);
  if (assignment.operator !== '=') return false;
  // x = x || clone(y), x = x ?? clone(y)
  const value = unwrapExpression(assignment.right);
  if (value.type === 'LogicalExpression' && (value.operator === '||' || value.operator === '??') && contains(value.right, node) && sameTarget(sourceCode, value.left, assignment.left)) {
    return outlivesCall(sourceCode, assignment.left, fn, perRun);
  }
  // if (!x) x = clone(y); if (!x) { …; x = clone(y); }
  const statement = assignment.parent;
  if (statement.type !== 'ExpressionStatement') return false;
  let branch: Node = statement;
  if (statement.parent.type === 'BlockStatement') branch = statement.parent;
  const guard = branch.parent;
  if (guard?.type !== 'IfStatement' || guard.consequent !== branch) return false;
  return testsAbsent(sourceCode, guard.test, assignment.left) && outlivesCall(sourceCode, assignment.left, fn, perRun);
}
