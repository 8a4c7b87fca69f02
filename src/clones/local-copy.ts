/**
 * A deep copy written in the file itself: a function that builds a fresh
 * container, fills it with copies of its argument's members made by calling
 * itself, and returns it (vuex's `deepCopy`, redux-logger's, many hand-rolled
 * `clone` helpers):
 *
 *   function deepCopy(obj) {
 *     const copy = Array.isArray(obj) ? [] : {};
 *     Object.keys(obj).forEach((key) => { copy[key] = deepCopy(obj[key]); });
 *     return copy;
 *   }
 *
 * Recognised by that shape, never by its name: a function merely named
 * `clone` may be shallow. A merge into a parameter (`target[k] = merge(target[k], …)`)
 * fills no fresh container, and a copy that does not recurse is shallow.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, type FunctionNode, isFunction } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import { contains, someOwn, type VisitorKeys, walkAll } from '../ast/walk';
import type { ImportTracker } from '../imports';
import { dottedName } from '../patterns';

type Variable = TSESLint.Scope.Variable;

/**
 * Every recognised local copy has `X[k] = … F(` in its body (the call
 * within 200 characters, before the statement's end): the cheap text test
 * the prefilter adds for it. Bounded, so a file of many indexed assignments
 * and no semicolons costs a linear scan, not one to the end per assignment.
 */
export const LOCAL_COPY_HINT = /\]\s*=(?!=)[^;]{0,200}?[\w$]\s*\(/;

/** `{}`, `[]`, `Array.isArray(x) ? [] : {}`. */
function isFreshContainer(node: TSESTree.Node | null | undefined, depth = 0): boolean {
  if (!node || depth > 2) return false;
  const target = unwrapExpression(node);
  if (target.type === 'ObjectExpression') return target.properties.length === 0;
  if (target.type === 'ArrayExpression') return target.elements.length === 0;
  if (target.type === 'ConditionalExpression') return isFreshContainer(target.consequent, depth + 1) && isFreshContainer(target.alternate, depth + 1);
  return false;
}

/** The function bound to `variable` (a declaration or `const f = function…`), bound once and never reassigned. */
function functionOf(variable: Variable): FunctionNode | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  let fn: TSESTree.Node | null = null;
  if (def.type === 'FunctionName') fn = def.node;
  else if (def.type === 'Variable' && def.node.init) fn = unwrapExpression(def.node.init);
  if (!fn || !isFunction(fn)) return null;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  return fn;
}

/** The assignment whose value is `call`, directly or as a branch (`c[k] = typeof v === 'object' ? copy(v) : v`, `c[k] = v && copy(v)`). */
function assignmentOf(call: TSESTree.CallExpression): TSESTree.AssignmentExpression | null {
  let child: TSESTree.Node = call;
  for (let depth = 0; depth < 3; depth++) {
    const parent: TSESTree.Node | undefined = child.parent;
    if (parent?.type === 'AssignmentExpression') return parent.right === child ? parent : null;
    if (parent?.type === 'ConditionalExpression' && parent.test !== child) child = parent;
    else if (parent?.type === 'LogicalExpression') child = parent;
    else return null;
  }
  return null;
}

const isIdentifier = (node: TSESTree.Node | null | undefined, name?: string): node is TSESTree.Identifier =>
  node?.type === 'Identifier' && (name === undefined || node.name === name);

/** `Object.keys(P)` with `P` the parameter. */
function isKeysOf(imports: ImportTracker, node: TSESTree.Node | null | undefined, param: Variable): boolean {
  if (!node) return false;
  const call = unwrapExpression(node);
  if (call.type !== 'CallExpression' || call.arguments.length !== 1) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || !isIdentifier(callee.object, 'Object') || !isIdentifier(callee.property, 'keys')) return false;
  if (imports.variableOf(callee.object)?.defs.length) return false; // a local `Object`
  const argument = call.arguments[0]!;
  return isIdentifier(argument) && imports.variableOf(argument) === param;
}

/** `P.length` with `P` the parameter. */
function isLengthOf(imports: ImportTracker, node: TSESTree.Node, param: Variable): boolean {
  const member = unwrapExpression(node);
  return (
    member.type === 'MemberExpression' &&
    !member.computed &&
    isIdentifier(member.property, 'length') &&
    isIdentifier(member.object) &&
    imports.variableOf(member.object) === param
  );
}

/**
 * The statement or function body in which `key` takes every key of the
 * parameter, one after another, or null when `key` comes from anything else:
 * `for (k in P)`, `for (const k of Object.keys(P))`, `Object.keys(P).forEach((k) => …)`,
 * `for (let i = 0; i < P.length; i++)`.
 */
function everyKeyLoop(imports: ImportTracker, key: Variable, param: Variable): TSESTree.Node | null {
  if (key.defs.length !== 1) return null;
  const def = key.defs[0]!;
  if (key.references.some((reference) => reference.isWrite() && !reference.init && !isCounterUpdate(reference.identifier))) return null;
  if (def.type === 'Parameter') {
    // Object.keys(P).forEach((k) => …)
    const fn = def.node;
    if (!isFunction(fn) || fn.params[0] !== def.name) return null;
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return null;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || !isIdentifier(callee.property, 'forEach') || !isKeysOf(imports, callee.object, param)) return null;
    return fn.body;
  }
  if (def.type !== 'Variable') return null;
  const declaration = def.parent;
  const loop = declaration?.parent;
  if (!loop) return null;
  if (loop.type === 'ForInStatement' && loop.left === declaration) {
    return isIdentifier(loop.right) && imports.variableOf(loop.right) === param ? loop.body : null;
  }
  if (loop.type === 'ForOfStatement' && loop.left === declaration && !loop.await) return isKeysOf(imports, loop.right, param) ? loop.body : null;
  if (loop.type === 'ForStatement' && loop.init === declaration) {
    // for (let i = 0; i < P.length; i++)
    const init = def.node.init;
    if (init?.type !== 'Literal' || init.value !== 0) return null;
    const test = loop.test;
    if (test?.type !== 'BinaryExpression' || test.operator !== '<' || !isIdentifier(test.left, key.name) || !isLengthOf(imports, test.right, param)) return null;
    const update = loop.update;
    const steps =
      (update?.type === 'UpdateExpression' && update.operator === '++' && isIdentifier(update.argument, key.name)) ||
      (update?.type === 'AssignmentExpression' && update.operator === '+=' && isIdentifier(update.left, key.name) && update.right.type === 'Literal' && update.right.value === 1);
    return steps ? loop.body : null;
  }
  return null;
}

/** `i++` / `i += 1` in the head of the loop that declares `i`. */
function isCounterUpdate(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return (parent?.type === 'UpdateExpression' || parent?.type === 'AssignmentExpression') && parent.parent?.type === 'ForStatement' && parent.parent.update === parent;
}

/** `P.hasOwnProperty(k)`, `Object.prototype.hasOwnProperty.call(P, k)`, `Object.hasOwn(P, k)`: a filter that keeps every own key. */
function isOwnKeyTest(imports: ImportTracker, test: TSESTree.Node, param: Variable, key: Variable): boolean {
  const call = unwrapExpression(test);
  if (call.type !== 'CallExpression') return false;
  const args = call.arguments;
  const isParam = (node: TSESTree.Node | undefined) => isIdentifier(node) && imports.variableOf(node) === param;
  const isKey = (node: TSESTree.Node | undefined) => isIdentifier(node) && imports.variableOf(node) === key;
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.property, 'hasOwnProperty') && isParam(callee.object)) return args.length === 1 && isKey(args[0]);
  const name = dottedName(callee)?.join('.');
  if (name === 'Object.prototype.hasOwnProperty.call' || name === 'Object.hasOwn') return args.length === 2 && isParam(args[0]) && isKey(args[1]);
  return false;
}

/**
 * True when `statement` runs for every key the loop body `body` visits: a
 * direct statement of it (or under an own-key filter), in a body with no
 * `continue`, `break` or `return` that could skip keys.
 */
function runsForEveryKey(imports: ImportTracker, keys: VisitorKeys, statement: TSESTree.Node, body: TSESTree.Node, param: Variable, key: Variable): boolean {
  let node: TSESTree.Node = statement;
  while (node !== body) {
    const parent = node.parent;
    if (!parent) return false;
    if (parent === body) break;
    if (parent.type === 'BlockStatement') {
      node = parent;
      continue;
    }
    if (parent.type === 'IfStatement' && parent.consequent === node && !parent.alternate && isOwnKeyTest(imports, parent.test, param, key)) {
      node = parent;
      continue;
    }
    return false;
  }
  // Nothing in the loop body skips a key or leaves the loop early (in a nested function, nothing does:
  // also when the body is itself one, the expression body of a `forEach` arrow).
  if (isFunction(body)) return true;
  return !someOwn(body, keys, (n) => n.type === 'ContinueStatement' || n.type === 'BreakStatement' || n.type === 'ReturnStatement');
}

/**
 * The conditions a recursion sits under within its assignment
 * (`c[k] = typeof P[k] === 'object' ? F(P[k]) : P[k]`) test only the member
 * itself: nothing that skips keys or stops at a depth.
 */
function testsOnlyTheMember(
  imports: ImportTracker,
  keys: VisitorKeys,
  call: TSESTree.CallExpression,
  assignment: TSESTree.AssignmentExpression,
  param: Variable,
  key: Variable,
): boolean {
  const allowed = (test: TSESTree.Node): boolean => {
    let ok = true;
    walkAll(test, keys, (n) => {
      if (!ok) return false;
      if (n.type === 'Identifier') {
        const variable = imports.variableOf(n);
        if (variable && variable.defs.length > 0 && variable !== param && variable !== key) ok = false;
        return false;
      }
      if (isFunction(n) || (n.type === 'CallExpression' && !isTypeCheckCall(n))) ok = false;
      return ok;
    });
    return ok;
  };
  for (let node: TSESTree.Node = call; node !== assignment; node = node.parent!) {
    const parent: TSESTree.Node = node.parent!;
    if (parent.type === 'ConditionalExpression' && !allowed(parent.test)) return false;
    if (parent.type === 'LogicalExpression' && parent.right === node && !allowed(parent.left)) return false;
  }
  return true;
}

/** `Array.isArray(x)`, `isObject(x)`-like checks are calls too; only the global `Array.isArray` is taken as a type check. */
function isTypeCheckCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && !callee.computed && isIdentifier(callee.object, 'Array') && isIdentifier(callee.property, 'isArray');
}

/**
 * True when the call `F(P[k], …)` in `copy[k] = F(P[k], …)` is the recursion
 * of a deep copy: `F` is the function around it, `P` one of its parameters,
 * `k` the same key on both sides, taken from an iteration over every key of
 * `P`, the assignment made for every key, `copy` a local of it that starts as
 * an empty fresh container (never pre-filled from anything) and is returned,
 * and every other argument passed on unchanged (no depth that stops it).
 */
function isCopyRecursion(imports: ImportTracker, keys: VisitorKeys, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const assignment = assignmentOf(call);
  if (assignment?.operator !== '=') return false;
  const target = assignment.left;
  if (target.type !== 'MemberExpression' || !target.computed || target.object.type !== 'Identifier') return false;
  const first = call.arguments[0];
  if (first?.type !== 'MemberExpression' || !first.computed || first.object.type !== 'Identifier') return false;
  // P[k]: a parameter of the copy function
  const source = imports.variableOf(first.object);
  const param = source?.defs.length === 1 ? source.defs[0] : undefined;
  if (!source || param?.type !== 'Parameter' || param.node !== fn) return false;
  // the same key on both sides, untransformed, from an iteration over every key of P
  if (!isIdentifier(target.property) || !isIdentifier(first.property)) return false;
  const key = imports.variableOf(target.property);
  if (!key || imports.variableOf(first.property) !== key) return false;
  const body = everyKeyLoop(imports, key, source);
  if (!body || !contains(body, assignment) || !isFunction(fn)) return false;
  const statement = assignment.parent;
  if (statement?.type !== 'ExpressionStatement' && !(isFunction(statement) && statement.body === assignment)) return false;
  if (statement.type === 'ExpressionStatement' && !runsForEveryKey(imports, keys, statement, body, source, key)) return false;
  if (!testsOnlyTheMember(imports, keys, call, assignment, source, key)) return false;
  // every other argument passed on unchanged: the same parameter in the same place
  for (let i = 1; i < call.arguments.length; i++) {
    const argument = call.arguments[i]!;
    let own: TSESTree.Node | undefined = fn.params[i];
    if (own?.type === 'AssignmentPattern') own = own.left; // deepCopy(obj, cache = [])
    if (!isIdentifier(argument) || !isIdentifier(own) || imports.variableOf(argument)?.defs[0]?.name !== own) return false;
  }
  // copy: a local of the copy function, a fresh container, never pre-filled, returned by it
  const copy = imports.variableOf(target.object);
  const def = copy?.defs.length === 1 ? copy.defs[0] : undefined;
  if (!copy || def?.type !== 'Variable' || !isFreshContainer(def.node.init) || enclosingFunction(def.node) !== fn) return false;
  const prefilled = copy.references.some((reference) => {
    const id = reference.identifier;
    const parent = id.parent;
    if (reference.isWrite() && !reference.init) return true; // reassigned
    if (parent?.type === 'CallExpression' && parent.arguments[0] === id) return true; // Object.assign(copy, P), merge(copy, …)
    if (parent?.type === 'MemberExpression' && parent.object === id && !parent.computed && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      return true; // copy.push(…P), copy.set(…)
    }
    return false;
  });
  if (prefilled) return false;
  return copy.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === 'ReturnStatement' && parent.argument === reference.identifier && enclosingFunction(parent) === fn;
  });
}

/** The local deep-copy functions of a file, found from candidate calls `X[k] = F(…)`. */
export class LocalCopies {
  private readonly candidates: TSESTree.CallExpression[] = [];

  constructor(
    private readonly imports: ImportTracker,
    private readonly keys: VisitorKeys,
  ) {}

  /** During traversal: remembers calls shaped `X[k] = F(Y[k], …)`. */
  collectCall(call: TSESTree.CallExpression): void {
    if (call.callee.type !== 'Identifier' || call.arguments.length === 0) return;
    const assignment = assignmentOf(call);
    if (assignment?.left.type !== 'MemberExpression' || !assignment.left.computed) return;
    this.candidates.push(call);
  }

  /** Calls of a recognised local deep copy from outside it, with the copy function's name. */
  resolve(): { call: TSESTree.CallExpression; name: string }[] {
    const found: { call: TSESTree.CallExpression; name: string }[] = [];
    // A name that is not a once-bound function is looked up once; a function is checked for
    // each candidate call inside it (any one of them may be the recursion) until one is.
    const recognised = new Set<Variable>();
    const notFunctions = new Set<Variable>();
    for (const candidate of this.candidates) {
      const callee = candidate.callee as TSESTree.Identifier;
      const variable = this.imports.variableOf(callee);
      if (!variable || recognised.has(variable) || notFunctions.has(variable)) continue;
      const fn = functionOf(variable);
      if (!fn) {
        notFunctions.add(variable);
        continue;
      }
      if (!contains(fn, candidate) || !isCopyRecursion(this.imports, this.keys, candidate, fn)) continue;
      recognised.add(variable);
      for (const reference of variable.references) {
        const id = reference.identifier;
        const call = id.parent;
        if (call?.type !== 'CallExpression' || call.callee !== id || contains(fn, call)) continue;
        found.push({ call, name: variable.name });
      }
    }
    return found;
  }
}
