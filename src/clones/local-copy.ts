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
import type { ImportTracker } from '../imports';

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

const inside = (node: TSESTree.Node, outer: TSESTree.Node) => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];

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

/**
 * True when the call `F(P[k], …)` in `copy[k] = F(P[k], …)` is the recursion
 * of a deep copy: `F` is the function around it, `P` one of its parameters,
 * `copy` a local of it that starts as a fresh container and is returned.
 */
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

function isCopyRecursion(imports: ImportTracker, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const assignment = assignmentOf(call);
  if (assignment?.operator !== '=') return false;
  const target = assignment.left;
  if (target.type !== 'MemberExpression' || !target.computed || target.object.type !== 'Identifier') return false;
  const first = call.arguments[0];
  if (first?.type !== 'MemberExpression' || !first.computed || first.object.type !== 'Identifier') return false;
  // P[k]: a parameter of the copy function
  const source = imports.variableOf(first.object);
  const param = source?.defs.length === 1 ? source.defs[0] : undefined;
  if (param?.type !== 'Parameter' || param.node !== fn) return false;
  // copy: a local of the copy function, a fresh container, returned by it
  const copy = imports.variableOf(target.object);
  const def = copy?.defs.length === 1 ? copy.defs[0] : undefined;
  if (!copy || def?.type !== 'Variable' || !isFreshContainer(def.node.init) || enclosingFunction(def.node) !== fn) return false;
  return copy.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === 'ReturnStatement' && parent.argument === reference.identifier && enclosingFunction(parent) === fn;
  });
}

/** The local deep-copy functions of a file, found from candidate calls `X[k] = F(…)`. */
export class LocalCopies {
  private readonly candidates: TSESTree.CallExpression[] = [];

  constructor(private readonly imports: ImportTracker) {}

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
      if (!inside(candidate, fn) || !isCopyRecursion(this.imports, candidate, fn)) continue;
      recognised.add(variable);
      for (const reference of variable.references) {
        const id = reference.identifier;
        const call = id.parent;
        if (call?.type !== 'CallExpression' || call.callee !== id || inside(call, fn)) continue;
        found.push({ call, name: variable.name });
      }
    }
    return found;
  }
}
