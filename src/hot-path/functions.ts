/**
 * Facts about one function node, read from its neighbours in the AST (no
 * walks into its body): its name, how to name it in a message, the class or
 * object it belongs to, its JSDoc tags, and whether a node sits in a loop.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, type LoopNode } from '../ast/functions';
import { staticKeyName } from '../ast/static';
import { valueSlot } from '../ast/unwrap';
import { dottedName } from '../patterns';
import { type VisitorKeys, walkOwn } from '../ast/walk';

function writtenName(node: TSESTree.Node, depth: number): string | null {
  if (depth > 8) return null;
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression': {
      const key = staticKeyName(node.property, node.computed);
      if (key === null) return null;
      const object = writtenName(node.object, depth + 1);
      return object === null ? key : `${object}.${key}`;
    }
    case 'CallExpression': {
      const callee = writtenName(node.callee, depth + 1);
      return callee === null ? null : `${callee}(…)`;
    }
    case 'ChainExpression':
    case 'TSNonNullExpression':
      return writtenName(node.expression, depth + 1);
    default:
      return null;
  }
}

/** The written callee of a call, for messages: `items.map`, `app.route(…).get`, `load(…).then`. */
export function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  return writtenName(call.callee, 0) ?? 'a call';
}

/** `fn.bind(this)`: the bound copy goes where the `bind` call's value goes, so its slot stands for the function's. */
export function boundSlot(slot: TSESTree.Node): TSESTree.Node {
  const member = slot.parent;
  if (member?.type !== 'MemberExpression' || member.object !== slot || member.computed || member.property.type !== 'Identifier' || member.property.name !== 'bind') return slot;
  const call = member.parent;
  return call?.type === 'CallExpression' && call.callee === member ? valueSlot(call) : slot;
}

/** The written name of an assignment target (`this.ws.onmessage`), or `a property`. */
export function targetText(node: TSESTree.Node): string {
  return writtenName(node, 0) ?? 'a property';
}

/** The last segment of the written callee (`map` for `items.map`), or null. */
export function calleeLastName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  let callee: TSESTree.Node = call.callee;
  if (callee.type === 'ChainExpression') callee = callee.expression;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return staticKeyName(callee.property, callee.computed);
  return null;
}

/** React wrappers whose callback is the component the variable names: `const Row = memo((p) => ...)`. */
const COMPONENT_WRAPPERS = new Set(['memo', 'forwardRef']);

/** The variable declarator that names `fn` directly or through `memo` / `forwardRef`. */
export function namingDeclarator(fn: FunctionNode): TSESTree.VariableDeclarator | null {
  let slot = valueSlot(fn);
  const parent = slot.parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === slot) {
    const name = calleeLastName(parent);
    if (name === null || !COMPONENT_WRAPPERS.has(name)) return null;
    slot = valueSlot(parent);
  }
  const declarator = slot.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === slot && declarator.id.type === 'Identifier') return declarator;
  return null;
}

/** The name of a class: its own id, or the variable it is assigned to. */
export function className(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  if (node.id) return node.id.name;
  const slot = valueSlot(node);
  if (slot.parent?.type === 'VariableDeclarator' && slot.parent.id.type === 'Identifier') return slot.parent.id.name;
  return null;
}

/** The name of an object literal: the variable it initialises or the member it is assigned to. */
export function objectName(node: TSESTree.ObjectExpression): string[] | null {
  const slot = valueSlot(node);
  const parent = slot.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === slot && parent.id.type === 'Identifier') return [parent.id.name];
  if (parent?.type === 'AssignmentExpression' && parent.right === slot) {
    // Logger.prototype = { log() {} } names its methods `Logger.log`.
    return dottedName(parent.left)?.filter((segment) => segment !== 'prototype') ?? null;
  }
  return null;
}

/** Where a function value sits as a member: a class method or field, or an object property. */
export type MemberSlot =
  | { type: 'class'; member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition; owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression; key: string }
  | { type: 'object'; property: TSESTree.Property; owner: TSESTree.ObjectExpression; key: string };

export function memberSlot(fn: FunctionNode): MemberSlot | null {
  const slot = valueSlot(fn);
  const parent = slot.parent;
  if (!parent) return null;
  if ((parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.value === slot) {
    const key = staticKeyName(parent.key, parent.computed);
    const owner = parent.parent.parent;
    if (key === null || (owner.type !== 'ClassDeclaration' && owner.type !== 'ClassExpression')) return null;
    return { type: 'class', member: parent, owner, key };
  }
  if (parent.type === 'Property' && parent.value === slot && parent.parent.type === 'ObjectExpression') {
    const key = staticKeyName(parent.key, parent.computed);
    if (key === null) return null;
    return { type: 'object', property: parent, owner: parent.parent, key };
  }
  return null;
}

/**
 * `Client.prototype.send = function () {...}`: the constructor's name node
 * and the method's key, for linking `this.send()` in the constructor's other
 * prototype methods (ES5 classes, compiled or hand-written).
 */
export function prototypeSlot(fn: FunctionNode): { ctor: TSESTree.Identifier; key: string } | null {
  if (fn.type !== 'FunctionExpression') return null;
  const slot = valueSlot(fn);
  const parent = slot.parent;
  if (parent?.type !== 'AssignmentExpression' || parent.operator !== '=' || parent.right !== slot) return null;
  const left = parent.left;
  if (left.type !== 'MemberExpression') return null;
  const key = staticKeyName(left.property, left.computed);
  const holder = left.object;
  if (key === null || holder.type !== 'MemberExpression' || holder.computed || holder.property.type !== 'Identifier' || holder.property.name !== 'prototype') return null;
  return holder.object.type === 'Identifier' ? { ctor: holder.object, key } : null;
}

/**
 * The name chain of a function, as `hotFunctions` patterns match it:
 * `['handle']`, `['Logger', 'log']` (class method), `['logger', 'info']`
 * (object property), `['Logger', 'log']` for `Logger.prototype.log = ...`.
 * Null for an anonymous function.
 */
export function functionName(fn: FunctionNode): string[] | null {
  if (fn.type === 'FunctionDeclaration' && fn.id) return [fn.id.name];
  const declarator = namingDeclarator(fn);
  if (declarator) return [(declarator.id as TSESTree.Identifier).name];
  const member = memberSlot(fn);
  if (member) {
    const owner = member.type === 'class' ? className(member.owner) : objectName(member.owner)?.join('.') ?? null;
    return owner === null ? [member.key] : [...owner.split('.'), member.key];
  }
  const slot = boundSlot(valueSlot(fn));
  if (slot.parent?.type === 'AssignmentExpression' && slot.parent.right === slot) {
    const left = dottedName(slot.parent.left);
    if (left) return left.filter((segment) => segment !== 'prototype');
  }
  if (fn.type === 'FunctionExpression' && fn.id) return [fn.id.name];
  return null;
}

/** How a message names a function: `` `Logger.log` ``, ``the `items.map` callback``. */
export function describeFunction(fn: FunctionNode): string {
  const name = functionName(fn);
  if (name) return `\`${name.join('.')}\``;
  const slot = boundSlot(valueSlot(fn));
  const parent = slot.parent;
  if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(slot as TSESTree.CallExpressionArgument)) {
    return `the \`${calleeText(parent)}\` callback`;
  }
  if (parent?.type === 'CallExpression' && parent.callee === slot) return 'an immediately invoked function';
  if (parent?.type === 'ExportDefaultDeclaration') return 'the default export';
  return 'an anonymous function';
}

/** The node a JSDoc comment for `fn` is written before. */
function jsdocAnchors(fn: FunctionNode): TSESTree.Node[] {
  const anchors: TSESTree.Node[] = [fn];
  const slot = valueSlot(fn);
  let statement: TSESTree.Node | null = null;
  const parent = slot.parent;
  if (fn.type === 'FunctionDeclaration') statement = fn;
  else if (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'Property') statement = parent;
  else if (parent?.type === 'AssignmentExpression' && parent.parent.type === 'ExpressionStatement') statement = parent.parent;
  else {
    const declarator = namingDeclarator(fn);
    if (declarator) statement = declarator.parent;
  }
  if (statement) {
    if (statement !== fn) anchors.push(statement);
    const outer = statement.parent;
    if (outer?.type === 'ExportNamedDeclaration' || outer?.type === 'ExportDefaultDeclaration') anchors.push(outer);
  } else if (parent?.type === 'ExportDefaultDeclaration') {
    anchors.push(parent);
  }
  return anchors;
}

const HOT_TAG = /(?:^|[\s*])@hot(?![\w-])/;
const COLD_TAG = /(?:^|[\s*])@cold(?![\w-])/;

/** `@hot` / `@cold` in the JSDoc block right before the function (or its declaration, export, member). */
export function jsdocTag(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): 'hot' | 'cold' | null {
  for (const anchor of jsdocAnchors(fn)) {
    const comments = sourceCode.getCommentsBefore(anchor);
    const last = comments[comments.length - 1];
    if (!last || last.type !== 'Block' || !last.value.startsWith('*')) continue;
    if (COLD_TAG.test(last.value)) return 'cold';
    if (HOT_TAG.test(last.value)) return 'hot';
  }
  return null;
}

/**
 * The innermost loop between `node` and its enclosing function `fn` whose
 * repeated part (body, test, update) contains `node`; null when none. A
 * `for` init or a `for…of` iterable runs once and does not count.
 */
export function loopBetween(node: TSESTree.Node, fn: FunctionNode): LoopNode | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    switch (current.type) {
      case 'ForStatement':
        if (current.body === child || current.test === child || current.update === child) return current;
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        if (current.body === child) return current;
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
        return current; // body and test both repeat
      default:
        break;
    }
  }
  return null;
}

export function loopLabel(loop: LoopNode): string {
  switch (loop.type) {
    case 'ForOfStatement':
      return loop.await ? '`for await` loop' : '`for…of` loop';
    case 'ForInStatement':
      return '`for…in` loop';
    case 'ForStatement':
      return '`for` loop';
    case 'WhileStatement':
      return '`while` loop';
    default:
      return '`do…while` loop';
  }
}

/**
 * A consumer loop: `for await`, or a `while`, `do…while` or `for (;;)` whose
 * body awaits (not inside a nested function). Its body runs once per message
 * or result it waits for, not once per item of a collection in memory.
 */
export function isConsumerLoop(loop: LoopNode, keys: VisitorKeys): boolean {
  if (loop.type === 'ForOfStatement') return loop.await;
  if (loop.type === 'ForInStatement') return false;
  if (loop.type === 'ForStatement' && loop.test !== null) return false;
  let awaits = false;
  walkOwn(loop.body, keys, (node) => {
    if (awaits) return false;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) awaits = true;
    return !awaits;
  });
  return awaits;
}
