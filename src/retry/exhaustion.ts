/**
 * Candidates taken in turn from an iterator (a query plan, the contact points
 * of a cluster): each pass takes the next one (`const item = it.next()` with
 * `if (item.done) throw ...`, or a helper of the same file or class that does
 * so and throws or returns null when the iterator is done), so the passes end
 * when the candidates run out. Trying hosts in turn is not retrying one
 * operation, for either retry rule.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { variableAt } from '../imports';
import { type FunctionNode, isFunction } from '../ast/functions';
import { isNothing } from '../ast/nothing';
import { thisOwner } from '../ast/this-owner';
import { unwrapExpression } from '../ast/unwrap';
import { contains, someOwn, type VisitorKeys, walkAll, walkOwn } from '../ast/walk';
import { alwaysLeaves, type FlowContext, nameKey, type Node, statementFlow } from './ast';

/** How a taker says that no candidate is left: it throws, or it returns nothing (`null`, `undefined`). */
export type ExhaustionSignal = 'throws' | 'missing';

/** A call that takes the next candidate of an iterator: the iterator as named at the call, and how exhaustion shows. */
export interface Taker {
  /** `iterator`, `this._hostIterator`. */
  iterator: string;
  signal: ExhaustionSignal;
}

interface Ctx {
  sourceCode: Readonly<TSESLint.SourceCode>;
  keys: VisitorKeys;
}

const FLOW: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };

/** `it.next()` (no arguments): the key of `it`. */
export function iteratorNextKey(node: Node): string | null {
  const n = unwrapExpression(node.type === 'AwaitExpression' ? node.argument : node);
  if (n.type !== 'CallExpression' || n.arguments.length > 0) return null;
  const callee = n.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'next') return null;
  return nameKey(callee.object);
}

/** `item.done` (also `!!item.done`, `item.done === true`). */
function testsDone(test: Node, item: string): boolean {
  let t = unwrapExpression(test);
  while (t.type === 'UnaryExpression' && t.operator === '!' && t.argument.type === 'UnaryExpression' && t.argument.operator === '!') t = unwrapExpression(t.argument.argument);
  if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==') && t.right.type === 'Literal' && t.right.value === true) t = unwrapExpression(t.left as Node);
  return t.type === 'MemberExpression' && !t.computed && t.property.type === 'Identifier' && t.property.name === 'done' && nameKey(t.object) === item;
}

/**
 * How a branch leaves: by a throw, or by returning nothing; null when it does neither on every path.
 * Not a test of a value but the branch's last statement: `return;` or the return of `isNothing`.
 */
function leavesBy(branch: Node): ExhaustionSignal | null {
  const statements = branch.type === 'BlockStatement' ? branch.body : [branch];
  const last = statements[statements.length - 1];
  if (!last) return null;
  if (last.type === 'ThrowStatement') return 'throws';
  if (last.type === 'ReturnStatement') {
    const value = last.argument ? unwrapExpression(last.argument) : null;
    if (!value || isNothing(value)) return 'missing';
  }
  return null;
}

/**
 * In `statements` (a block), `const item = it.next()` followed by an
 * `if (item.done) ...` that leaves: the iterator it steps and how its end
 * leaves. With `before`, only what precedes that statement counts.
 */
export function stepsIterator(
  statements: readonly TSESTree.Statement[],
  before = statements.length,
): { iterator: string; item: string; statement: TSESTree.Statement; exit: ExhaustionSignal | 'leaves' } | null {
  for (let i = 0; i < before; i++) {
    const s = statements[i]!;
    if (s.type !== 'VariableDeclaration' || s.declarations.length !== 1) continue;
    const d = s.declarations[0]!;
    const iterator = d.init ? iteratorNextKey(d.init) : null;
    if (!iterator || d.id.type !== 'Identifier') continue;
    const item = d.id.name;
    for (let j = i + 1; j < before; j++) {
      const check = statements[j]!;
      if (check.type !== 'IfStatement' || !testsDone(check.test, item)) continue;
      if (!alwaysLeaves(statementFlow(check.consequent, FLOW))) continue;
      return { iterator, item, statement: s, exit: leavesBy(check.consequent) ?? 'leaves' };
    }
  }
  return null;
}

/** The function a call runs when it is declared in this file: `helper()`, `this.method()`, `ClassName.method()` of the class around the call. */
export function sameFileCallee(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') {
    const variable = variableAt(sourceCode, callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type === 'FunctionDeclaration') return def.node;
    if (def?.node.type === 'VariableDeclarator' && def.node.init && isFunction(def.node.init)) return def.node.init as FunctionNode;
    return null;
  }
  if (callee.type !== 'MemberExpression' || callee.computed || (callee.property.type !== 'Identifier' && callee.property.type !== 'PrivateIdentifier')) return null;
  const property = callee.property;
  const object = callee.object;
  let owner: TSESTree.ClassBody | TSESTree.ObjectExpression | null;
  let wantStatic: boolean;
  if (object.type === 'ThisExpression') {
    // A method of the class (or object literal) `this` names at the call.
    const self = thisOwner(call);
    if (!self) return null;
    owner = self.owner;
    wantStatic = self.isStatic;
  } else if (object.type === 'Identifier' && property.type === 'Identifier') {
    // `ClassName.method()`: a static method of the class around the call.
    let body: Node | undefined = call.parent;
    while (body && body.type !== 'ClassBody') body = body.parent;
    const cls = body?.parent;
    if (!body || !cls || (cls.type !== 'ClassDeclaration' && cls.type !== 'ClassExpression') || cls.id?.name !== object.name) return null;
    owner = body as TSESTree.ClassBody;
    wantStatic = true;
  } else {
    return null;
  }
  const members: Node[] = owner.type === 'ClassBody' ? owner.body : owner.properties;
  for (const member of members) {
    if ((member.type === 'MethodDefinition' || member.type === 'Property') && !member.computed && member.key.type === property.type && member.key.name === property.name && isFunction(member.value)) {
      if (member.type === 'MethodDefinition' && member.static !== wantStatic) continue;
      return member.value as FunctionNode;
    }
  }
  return null;
}

/**
 * In the helper `fn`, the iterators it steps until done, by how they are
 * named inside it (`param`, `this._hostIterator`), with the signal its end
 * gives: a loop `while (...) { const item = it.next(); if (item.done) throw ...; ... }`
 * (or `return null`), directly or through another helper of the same file
 * that is handed the iterator (a few levels deep).
 */
function helperTakes(fn: FunctionNode, ctx: Ctx, depth: number, seen: Set<FunctionNode>): Map<string, ExhaustionSignal> {
  const out = new Map<string, ExhaustionSignal>();
  if (fn.body.type !== 'BlockStatement' || seen.has(fn)) return out;
  seen.add(fn);
  // `const iterator = this._hostIterator;`: a local name of a member iterator.
  const aliases = new Map<string, string>();
  for (const s of fn.body.body) {
    if (s.type !== 'VariableDeclaration' || s.kind !== 'const') continue;
    for (const d of s.declarations) {
      const init = d.init ? unwrapExpression(d.init) : null;
      const key = init && (init.type === 'MemberExpression' || init.type === 'Identifier') ? nameKey(init) : null;
      if (d.id.type === 'Identifier' && key) aliases.set(d.id.name, key);
    }
  }
  const outer = (name: string) => aliases.get(name) ?? name;
  walkOwn(fn.body, ctx.keys, (n) => {
    if (n.type === 'BlockStatement') {
      const found = stepsIterator(n.body);
      // The end of the iterator leaves the helper itself (a throw, or a return of nothing), not only an inner loop.
      if (found && found.exit !== 'leaves') {
        const ifNode = n.body.find((s) => s.type === 'IfStatement' && testsDone(s.test, found.item)) as TSESTree.IfStatement | undefined;
        const breaksOnly = ifNode ? someOwn(ifNode.consequent, ctx.keys, (x) => x.type === 'BreakStatement') : true;
        // A helper that catches the end of the plan itself does not end the retry with it.
        const caught = found.exit === 'throws' && caughtWithin(ifNode ?? found.statement, fn);
        if (!breaksOnly && !caught && !out.has(outer(found.iterator))) out.set(outer(found.iterator), found.exit);
      }
    }
    if (depth > 0 && n.type === 'CallExpression') {
      const inner = sameFileCallee(n, ctx.sourceCode);
      if (inner && inner !== fn && !caughtWithin(n, fn)) {
        for (const [name, signal] of calleeTakes(n, inner, ctx, depth - 1, seen)) {
          if (!out.has(outer(name))) out.set(outer(name), signal);
        }
      }
    }
    return true;
  });
  return out;
}

/** What a call of the helper `fn` steps, named as at the call: a parameter becomes the argument passed, `this.x` stays. */
function calleeTakes(call: TSESTree.CallExpression, fn: FunctionNode, ctx: Ctx, depth: number, seen: Set<FunctionNode>): Map<string, ExhaustionSignal> {
  const out = new Map<string, ExhaustionSignal>();
  const inner = helperTakes(fn, ctx, depth, seen);
  const viaThis = unwrapExpression(call.callee).type === 'MemberExpression' && (unwrapExpression(call.callee) as TSESTree.MemberExpression).object.type === 'ThisExpression';
  for (const [name, signal] of inner) {
    const index = fn.params.findIndex((p) => (p.type === 'AssignmentPattern' ? p.left : p).type === 'Identifier' && ((p.type === 'AssignmentPattern' ? p.left : p) as TSESTree.Identifier).name === name);
    if (index >= 0) {
      const arg = call.arguments[index];
      const key = arg && arg.type !== 'SpreadElement' ? nameKey(unwrapExpression(arg)) : null;
      if (key) out.set(key, signal);
    } else if (name.startsWith('this.') && viaThis) {
      out.set(name, signal);
    }
  }
  return out;
}

/**
 * The call takes the next candidate of an iterator: a helper of this file or
 * class that steps it until done and then throws or returns nothing. The
 * iterators are named as at the call.
 */
export function takerCall(node: Node, ctx: Ctx): Taker[] {
  const n = unwrapExpression(node.type === 'AwaitExpression' ? node.argument : node);
  if (n.type !== 'CallExpression') return [];
  const fn = sameFileCallee(n, ctx.sourceCode);
  if (!fn) return [];
  return [...calleeTakes(n, fn, ctx, 2, new Set())].map(([iterator, signal]) => ({ iterator, signal }));
}

/** Does `region` write `key` (`key = ...`), other than under a check that it is missing (`if (!it) it = newPlan()`)? */
export function rebindsIterator(region: Node, key: string, keys: VisitorKeys): boolean {
  return someOwn(region, keys, (n) => {
    if (n.type !== 'AssignmentExpression' || nameKey(n.left) !== key) return false;
    let p: Node | undefined = n.parent;
    while (p && p !== region) {
      if (p.type === 'IfStatement' && contains(p.consequent, n)) {
        const t = unwrapExpression(p.test);
        if (t.type === 'UnaryExpression' && t.operator === '!' && nameKey(t.argument) === key) return false;
        if (t.type === 'BinaryExpression' && (t.operator === '==' || t.operator === '===') && nameKey(t.left as Node) === key && unwrapExpression(t.right).type === 'Literal' && (unwrapExpression(t.right) as TSESTree.Literal).value === null) return false;
      }
      p = p.parent;
    }
    return true;
  });
}

/** Every `return` of `fn` that it runs itself (nested functions aside), by its value; null for a bare `return;`. An arrow's expression body counts as one. */
export function ownReturns(fn: FunctionNode, keys: VisitorKeys): (Node | null)[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: (Node | null)[] = [];
  walkOwn(fn.body, keys, (n) => {
    if (n.type === 'ReturnStatement') out.push(n.argument ?? null);
    return true;
  });
  return out;
}

/** `while (true)`, `for (;;)`, `do ... while (true)`. */
function loopsForever(s: Node): s is TSESTree.WhileStatement | TSESTree.ForStatement | TSESTree.DoWhileStatement {
  const truthy = (t: Node | null) => !t || (t.type === 'Literal' && !!t.value);
  if (s.type === 'WhileStatement' || s.type === 'DoWhileStatement') return truthy(unwrapExpression(s.test));
  return s.type === 'ForStatement' && truthy(s.test ? unwrapExpression(s.test) : null);
}

/** A generator that reaches, before any `return`, a `while (true)` / `for (;;)` with no `return` or `break` in it: it never finishes. */
function generatorEndless(fn: FunctionNode, keys: VisitorKeys): boolean {
  if (!fn.generator || fn.body.type !== 'BlockStatement') return false;
  for (const s of fn.body.body) {
    if (s.type === 'ReturnStatement') return false;
    if (loopsForever(s)) return !someOwn(s.body, keys, (n) => n.type === 'ReturnStatement' || n.type === 'BreakStatement');
  }
  return false;
}

/** A `next` whose every return is an object literal with no `done`, or a falsy literal `done`: it never ends. */
function nextEndless(fn: FunctionNode, keys: VisitorKeys): boolean {
  const returns = ownReturns(fn, keys);
  if (returns.length === 0) return false;
  return returns.every((r) => {
    const v = r ? unwrapExpression(r) : null;
    if (v?.type !== 'ObjectExpression') return false;
    const done = v.properties.find((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'done');
    if (!done) return !v.properties.some((p) => p.type === 'SpreadElement');
    const value = unwrapExpression((done as TSESTree.Property).value);
    return value.type === 'Literal' && !value.value;
  });
}

/** An object literal whose `next` (a method or a function property) never ends. */
function objectEndless(o: TSESTree.ObjectExpression, keys: VisitorKeys): boolean {
  const next = o.properties.find((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'next');
  const fn = next?.type === 'Property' ? unwrapExpression(next.value as Node) : null;
  return !!fn && isFunction(fn) && nextEndless(fn as FunctionNode, keys);
}

/** An iterator made by `source`, as the file shows it, never ends: an endless generator, or a `next` never done. */
function sourceEndless(source: Node, ctx: Ctx): boolean {
  const v = unwrapExpression(source.type === 'AwaitExpression' ? source.argument : source);
  if (v.type === 'ObjectExpression') return objectEndless(v, ctx.keys);
  if (v.type !== 'CallExpression') return false;
  const fn = sameFileCallee(v, ctx.sourceCode);
  if (!fn) return false;
  if (fn.generator) return generatorEndless(fn, ctx.keys);
  // A factory of the file returning an object literal with a `next`.
  const made = ownReturns(fn, ctx.keys).map((r) => (r ? unwrapExpression(r) : null));
  return made.length > 0 && made.every((r) => r?.type === 'ObjectExpression' && objectEndless(r, ctx.keys));
}

/**
 * Is the iterator named `key` at `site` (`plan`, `this._plan`) endless by
 * what the file shows of where it comes from (a variable's initialiser and
 * assignments, or the assignments of a `this.` member in the class around
 * `site`)? A source the file cannot see (a parameter, a call to another
 * module, `await newQueryPlan()`) is trusted to end, as are arrays, Sets
 * and Maps iterated.
 */
export function endlessIterator(key: string, site: Node, ctx: Ctx): boolean {
  const sources: Node[] = [];
  if (key.startsWith('this.')) {
    const owner = thisOwner(site)?.owner;
    if (!owner) return false;
    const member = key.slice(5);
    walkAll(owner, ctx.keys, (n) => {
      if (n.type === 'AssignmentExpression' && n.operator === '=' && nameKey(n.left) === key) sources.push(n.right);
      if (n.type === 'PropertyDefinition' && !n.computed && n.key.type === 'Identifier' && n.key.name === member && n.value) sources.push(n.value);
      return true;
    });
  } else if (!key.includes('.')) {
    const variable = findVariable(ctx.sourceCode.getScope(site), key);
    if (!variable) return false;
    for (const def of variable.defs) if (def.node.type === 'VariableDeclarator' && def.node.init) sources.push(def.node.init);
    for (const ref of variable.references) if (ref.writeExpr && !ref.init) sources.push(ref.writeExpr as Node);
  }
  return sources.some((s) => sourceEndless(s, ctx));
}

/** Is `node` inside the block of a `try` with a `catch`, within `fn`: is a throw from it caught there? */
function caughtWithin(node: Node, fn: FunctionNode): boolean {
  for (let p: Node | undefined = node.parent; p && p !== fn; p = p.parent) {
    if (p.type === 'TryStatement' && p.handler && contains(p.block, node)) return true;
  }
  return false;
}
