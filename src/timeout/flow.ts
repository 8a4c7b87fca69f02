/**
 * Where a client value or a request's result goes in the file: the origin of
 * an instance kept in a class field, the factory call (`axios.create()`,
 * `got.extend()`) an instance comes from, the method chain on a returned
 * request (`http.get(...).setTimeout(...)`, `request.get(url).timeout(...)`),
 * and whether a request's promise is raced against a timer. Imports are
 * resolved by the one `ImportTracker`; this module only adds `this.field`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker, Origin } from '../imports';
import { staticMemberName } from '../ast/static';
import { unwrapExpression, valueSlot } from '../ast/unwrap';
import { type VisitorKeys, walkAll } from '../ast/walk';
import type { TimeoutContext } from './model';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

const MAX_DEPTH = 8;

/** `a.b` / `a['b']`: the property name, or null. */
export function memberName(node: Node): string | null {
  return node.type === 'MemberExpression' ? staticMemberName(node) : null;
}

/**
 * Per class body: every field name's candidate values, the initialisers of
 * its instance fields and the right-hand sides of `this.name = value` in its
 * methods (not in nested classes). Built in one walk of the class the first
 * time a `this.name` in it is asked about: walking the methods again for each
 * `this.x.y()` call made a class's cost its size times its calls.
 */
export type ClassFieldIndex = WeakMap<TSESTree.ClassBody, Map<string, Node[]>>;

function classFields(body: TSESTree.ClassBody, keys: VisitorKeys, index: ClassFieldIndex): Map<string, Node[]> {
  let fields = index.get(body);
  if (fields) return fields;
  const found = new Map<string, Node[]>();
  const add = (name: string, value: Node) => {
    const list = found.get(name);
    if (list) list.push(value);
    else found.set(name, [value]);
  };
  for (const element of body.body) {
    if (element.type === 'PropertyDefinition' && !element.static && !element.computed && element.key.type === 'Identifier') {
      if (element.value) add(element.key.name, element.value);
    }
    if (element.type !== 'MethodDefinition' || !element.value.body) continue;
    // Assignments `this.name = value` anywhere in the methods (not in nested classes).
    walkAll(element.value.body, keys, (node) => {
      if (node.type === 'ClassBody') return false;
      if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
        const name = memberName(node.left);
        if (name !== null) add(name, node.right);
      }
      return true;
    });
  }
  index.set(body, (fields = found));
  return fields;
}

/** The value a class field `this.name` holds: its initialiser, or the one `this.name = ...` in the class. */
export function classFieldValue(member: TSESTree.MemberExpression, ctx: Pick<TimeoutContext, 'keys' | 'classFields'>): Node | null {
  if (member.object.type !== 'ThisExpression') return null;
  const name = memberName(member);
  if (name === null) return null;
  let body: Node | undefined = member.parent;
  while (body && body.type !== 'ClassBody') body = body.parent;
  if (!body) return null;
  const values = classFields(body, ctx.keys, ctx.classFields).get(name);
  return values?.length === 1 ? unwrapExpression(values[0]!) : null;
}

/** The expression an instance was made by: through a `const` or a class field; the expression itself otherwise. */
export function instanceSource(node: Node, ctx: TimeoutContext): Node | null {
  const n = unwrapExpression(node);
  if (n.type === 'Identifier') {
    const init = ctx.imports.constInit(n);
    return init ? unwrapExpression(init) : null;
  }
  if (n.type === 'MemberExpression' && n.object.type === 'ThisExpression') return classFieldValue(n, ctx);
  return n;
}

/** `ImportTracker.originOf`, also through class fields (`this.client.get`). */
export function originOf(node: Node, ctx: TimeoutContext, depth = 0): Origin | null {
  const known = ctx.imports.originOf(node);
  if (known || depth > MAX_DEPTH) return known;
  const n = unwrapExpression(node);
  if (n.type === 'MemberExpression') {
    if (n.object.type === 'ThisExpression') {
      const value = classFieldValue(n, ctx);
      return value ? originOf(value, ctx, depth + 1) : null;
    }
    const name = memberName(n);
    const base = name === null ? null : originOf(n.object, ctx, depth + 1);
    return base ? { module: base.module, path: [...base.path, name!] } : null;
  }
  if (n.type === 'CallExpression') {
    const base = originOf(n.callee, ctx, depth + 1);
    return base ? { module: base.module, path: [...base.path, '()'] } : null;
  }
  return null;
}

/** The variable a `const x = <node>` declares, when `node` is its whole initialiser. */
export function declaredBy(node: Node, imports: ImportTracker): Variable | null {
  const current = valueSlot(node);
  const parent = current.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== current || parent.id.type !== 'Identifier') return null;
  const variable = imports.variableOf(parent.id);
  if (!variable || variable.defs.length !== 1 || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  return variable;
}

export interface MethodCall {
  name: string;
  call: TSESTree.CallExpression;
}

/** `x.a().b()` after `node`: the methods called on its result in one chain, and the chain's last expression. */
export function methodChain(node: Node): { calls: MethodCall[]; end: Node } {
  const calls: MethodCall[] = [];
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type === 'ChainExpression' || parent?.type === 'TSNonNullExpression') {
      current = parent;
      continue;
    }
    if (parent?.type !== 'MemberExpression' || parent.object !== current) break;
    const call = parent.parent;
    const name = memberName(parent);
    if (name === null || call?.type !== 'CallExpression' || call.callee !== parent) break;
    calls.push({ name, call });
    current = call;
  }
  return { calls, end: current };
}

/**
 * The uses of a `const` holding a request: each as its method chain. Null when
 * the value escapes (passed on, returned, stored, read as a whole), because
 * then something the file does not show may bound it.
 */
export function variableChains(variable: Variable): MethodCall[][] | null {
  const chains: MethodCall[][] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const { calls } = methodChain(reference.identifier as Node);
    if (calls.length === 0) return null;
    chains.push(calls);
  }
  return chains;
}

function isGlobalCall(node: Node | undefined, imports: ImportTracker, object: string, method: string): boolean {
  if (node?.type !== 'CallExpression') return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== method) return false;
  return imports.globalName(callee.object, object) === object;
}

const TIMEOUT_WRAPPER = /timeout|deadline/i;
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** The promise a request's call becomes: through `await`, casts and `.then` / `.catch` / `.finally`. */
function promiseTop(node: Node): Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    if (parent.type === 'AwaitExpression' || parent.type === 'ChainExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') {
      current = parent;
    } else if (parent.type === 'MemberExpression' && parent.object === current && PROMISE_METHODS.has(memberName(parent) ?? '') && parent.parent?.type === 'CallExpression') {
      current = parent.parent;
    } else {
      return current;
    }
  }
}

/** True when a promise goes into `Promise.race([...])` with another promise, or into a `withTimeout(...)`-like call. */
function promiseRaced(node: Node, imports: ImportTracker): boolean {
  const top = promiseTop(node);
  const parent = top.parent;
  if (parent?.type === 'ArrayExpression' && parent.elements.length >= 2) {
    return isGlobalCall(parent.parent, imports, 'Promise', 'race') && (parent.parent as TSESTree.CallExpression).arguments[0] === parent;
  }
  if (parent?.type === 'CallExpression' && parent.arguments.includes(top as TSESTree.CallExpressionArgument)) {
    const callee = unwrapExpression(parent.callee);
    const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
    return !!name && TIMEOUT_WRAPPER.test(name);
  }
  return false;
}

/** A request's promise that is raced against a timer, directly or through the `const` it is kept in. */
export function raceBounded(call: Node, imports: ImportTracker): boolean {
  if (promiseRaced(call, imports)) return true;
  const variable = declaredBy(promiseTop(call), imports);
  return !!variable && variable.references.some((reference) => !reference.init && promiseRaced(reference.identifier as Node, imports));
}

export { isGlobalCall };
