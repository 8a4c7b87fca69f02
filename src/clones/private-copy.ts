/**
 * A deep copy of a private copy:
 *
 *   let local = JSON.parse(JSON.stringify(shared));   // reported: the per-event copy
 *   …
 *   if (rare) other = JSON.parse(JSON.stringify(local));   // a copy of that copy
 *
 * The second clone copies a local of the function whose every value, where it
 * is read, is a whole deep copy the rule reports, made as often as the second
 * (the same function, inside the same loops), or null / undefined, and which
 * nothing has touched before the read but tests and log calls that format it. Its cost is the
 * first copy's cost again, on a path the first report already covers: one
 * report, at the first copy, whose message names the line of the second.
 * Nothing is hidden for good: once the first copy goes (or stops running hot),
 * the local no longer holds a reported copy and the second clone is reported.
 *
 * Not a private copy: a parameter, a module or script variable, a variable
 * with any other value (`local = shared`, `c ? clone(x) : x`), a destructured
 * or updated one; a local changed or handed to a function before the read
 * (`local.rows = await query()`: the second copy copies more than the first);
 * a copy that is not whole (`cloneDeepWith` with a customizer); a copy made in
 * a loop or callback the first copy is not in (`items.map(() => clone(local))`,
 * or the body of a `for` whose head made the first copy).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, isLoop } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import { contains } from '../ast/walk';
import { isLogCall } from '../ast/log-call';
import { variableAt } from '../imports';

const DIRECT_EVAL = /\beval\s*\(/;
/** Per file, whether its text has a direct `eval` (read once, not once a clone). */
const hasEval = new WeakMap<object, boolean>();

function mayEval(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let found = hasEval.get(sourceCode);
  if (found === undefined) {
    found = DIRECT_EVAL.test(sourceCode.text);
    hasEval.set(sourceCode, found);
  }
  return found;
}

/** A hot clone as this check needs it: the call and the one value it copies whole (null when not whole). */
export interface HotCopy {
  node: TSESTree.CallExpression;
  source: TSESTree.Node | null;
}

/**
 * The innermost function or loop around `node` that runs it more than once a call: two nodes with the
 * same one run equally often. A loop's head (a `for` initialiser, the object of `for…of` / `for…in`)
 * runs once, so that loop is not it.
 */
function repeatScope(node: TSESTree.Node): TSESTree.Node | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) return current;
    if (!isLoop(current)) continue;
    const head = current.type === 'ForStatement' ? current.init : current.type === 'ForInStatement' || current.type === 'ForOfStatement' ? current.right : null;
    if (child !== head) return current;
  }
  return null;
}

/**
 * Can the reference at `at` run before `read`? Not when it comes later in the function that declares
 * the variable and holds the read, with no loop around both (`local = toJSON(res)` after the copy of
 * `local`): each call of that function has its own variable. Anywhere else (an earlier line, another
 * function, a loop that goes round) it can.
 */
function mayRunBefore(at: TSESTree.Node, read: TSESTree.Node, fn: TSESTree.Node): boolean {
  if (at.range[0] < read.range[1]) return true;
  if (enclosingFunction(at) !== fn) return true;
  for (let current = read.parent; current && current !== fn; current = current.parent) {
    if (isLoop(current) && contains(current, at)) return true;
  }
  return false;
}

/** The written value of a write reference, or null when it is not a plain `=` (or initialiser) of a whole value. */
function writtenValue(reference: TSESLint.Scope.Reference): TSESTree.Node | null {
  const parent = reference.identifier.parent;
  if (reference.init) return parent?.type === 'VariableDeclarator' && parent.id === reference.identifier ? parent.init : null;
  return parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === reference.identifier ? parent.right : null;
}

/** Is `node` the test of an `if`, a conditional, a loop, or the operand of `!`? */
function isTest(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      return parent.test === node;
    case 'UnaryExpression':
      return parent.operator === '!';
    default:
      return false;
  }
}

/**
 * A value interpolated by a log call with a format string first (`logger.verbose('%j', local)`,
 * `console.log('state', local)`): printed, not kept or changed. An object logged first is not: winston
 * writes `level` and its default meta into a first argument that has a `message`.
 */
function isFormattedLogArgument(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const format = call.arguments[0];
  if (index < 1 || !(format?.type === 'TemplateLiteral' || (format?.type === 'Literal' && typeof format.value === 'string')) || !isLogCall(call)) return false;
  // `console` must be the global one, not a local object of that name.
  let root: TSESTree.Node = call.callee;
  while (root.type === 'MemberExpression') root = root.object;
  return !(root.type === 'Identifier' && root.name === 'console' && variableAt(sourceCode, root)?.defs.length);
}

/**
 * A read that neither changes the value nor lets anything else change it: a test (`if (local)`,
 * `if (x && local)`, `local ? … : …`, `!local`, `local == null`, `typeof local`) or a value a log call
 * formats (`logger.verbose('%j', local)`).
 */
function isInertRead(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent?.type === 'TSNonNullExpression' || node.parent?.type === 'TSAsExpression') node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (isTest(node)) return true;
  if (parent.type === 'UnaryExpression') return parent.operator === 'typeof';
  if (parent.type === 'BinaryExpression') return ['==', '!=', '===', '!=='].includes(parent.operator);
  if (parent.type === 'CallExpression') return isFormattedLogArgument(sourceCode, parent, node);
  if (parent.type !== 'LogicalExpression') return false;
  // An operand of `&&` / `||` / `??` counts only when the whole expression is a test.
  let top: TSESTree.Node = parent;
  while (top.parent?.type === 'LogicalExpression') top = top.parent;
  return isTest(top);
}

/**
 * The deep copies among the values `value` can be (`clone(x)`, `c ? clone(x) : null`, `x && clone(x)`),
 * or null when a value is anything but a whole hot copy or null / undefined.
 */
function copiesIn(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, hot: ReadonlyMap<TSESTree.CallExpression, HotCopy>, depth = 0): TSESTree.CallExpression[] | null {
  if (depth > 3) return null;
  const node = unwrapExpression(value);
  if (node.type === 'CallExpression') return hot.get(node)?.source ? [node] : null;
  if (node.type === 'Literal' && node.value === null && !('regex' in node)) return [];
  // The global `undefined` (a configured global has no definition), not a local of that name.
  if (node.type === 'Identifier' && node.name === 'undefined' && !variableAt(sourceCode, node)?.defs.length) return [];
  if (node.type === 'UnaryExpression' && node.operator === 'void') return [];
  if (node.type === 'ConditionalExpression') {
    const consequent = copiesIn(node.consequent, sourceCode, hot, depth + 1);
    const alternate = copiesIn(node.alternate, sourceCode, hot, depth + 1);
    return consequent && alternate ? [...consequent, ...alternate] : null;
  }
  // `x && clone(x)`: the left side is the value only when it is falsy, never an object.
  if (node.type === 'LogicalExpression' && node.operator === '&&') return copiesIn(node.right, sourceCode, hot, depth + 1);
  return null;
}

/**
 * The reported copy `clone` copies again, or null: `clone`'s one argument is a local of the function
 * around it that only ever holds whole hot copies (`hot`) where it is read, one of them already in
 * `reported` (decided in source order), all made as often as `clone`, and nothing but tests and log
 * calls that format it touch it before the read. Never in a file with a direct `eval`.
 */
export function reportedCopyItCopies(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clone: HotCopy,
  hot: ReadonlyMap<TSESTree.CallExpression, HotCopy>,
  reported: ReadonlySet<TSESTree.CallExpression>,
): TSESTree.CallExpression | null {
  // A direct `eval` can read and write any local the scope analysis sees.
  if (!clone.source || mayEval(sourceCode)) return null;
  const source = unwrapExpression(clone.source);
  if (source.type !== 'Identifier') return null;
  const variable = variableAt(sourceCode, source);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  const fn = enclosingFunction(variable.defs[0]!.node);
  if (!fn || enclosingFunction(clone.node) !== fn) return null;
  const copies: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.identifier === source || !mayRunBefore(reference.identifier, clone.node, fn)) continue;
    if (reference.isWrite()) {
      const value = writtenValue(reference);
      const found = value && copiesIn(value, sourceCode, hot);
      if (!found || reference.isRead()) return null;
      copies.push(...found);
    } else if (reference.identifier.type !== 'Identifier' || !isInertRead(sourceCode, reference.identifier)) return null;
  }
  const scope = repeatScope(clone.node);
  if (!copies.every((copy) => copy === clone.node || repeatScope(copy) === scope)) return null;
  return copies.find((copy) => reported.has(copy)) ?? null;
}
