/**
 * Reading a client's options object for one key, the way the client itself
 * would see it: an object literal, reached directly or through a `const`, whose
 * spreads of `const` objects are followed (the last setting wins). Anything
 * the file does not show (a parameter, a call's result, a spread of an unknown
 * value, a computed key) makes the answer "unknown", and an unknown answer is
 * never reported.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import { staticKeyName, staticMemberName } from '../ast/static';
import { unwrapExpression, valueSlot } from '../ast/unwrap';
import { numberValue } from '../retry/ast';

type Node = TSESTree.Node;

export type Lookup =
  | { state: 'set'; property: TSESTree.Property; value: Node }
  | { state: 'absent' }
  | { state: 'unknown' };

const UNKNOWN: Lookup = { state: 'unknown' };
const ABSENT: Lookup = { state: 'absent' };
const MAX_DEPTH = 8;

/** `node` itself, or the initialiser of the once-bound local it names. */
export function throughConst(node: Node, imports: ImportTracker): Node {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type !== 'Identifier') return unwrapped;
  const init = imports.constInit(unwrapped);
  return init ? unwrapExpression(init) : unwrapped;
}

/**
 * Keys a `const` object gets after its initialiser (`options.host = ...`);
 * 'any' when a write could set any key (a computed key, `Object.assign(options, ...)`).
 */
function laterWrites(identifier: TSESTree.Identifier, imports: ImportTracker): Set<string> | 'any' {
  const keys = new Set<string>();
  for (const reference of imports.variableOf(identifier)?.references ?? []) {
    const use = valueSlot(reference.identifier as Node);
    const parent = use.parent;
    if (parent?.type === 'MemberExpression' && parent.object === use && parent.parent?.type === 'AssignmentExpression' && parent.parent.left === parent) {
      const key = staticMemberName(parent);
      if (key === null) return 'any';
      keys.add(key);
    } else if (parent?.type === 'CallExpression' && parent.arguments[0] === use) {
      const callee = imports.originOf(parent.callee);
      if (callee?.module === null && callee.path.join('.') === 'Object.assign') return 'any';
    }
  }
  return keys;
}

/**
 * The object literal an argument is (directly or through a `const`), or null.
 * With `name`: also null when the `const` object gets that key (or any key
 * the file cannot name) assigned later.
 */
export function objectLiteral(node: Node | undefined, imports: ImportTracker, name?: string): TSESTree.ObjectExpression | null {
  if (!node || node.type === 'SpreadElement') return null;
  const value = throughConst(node, imports);
  if (value.type !== 'ObjectExpression') return null;
  const written = unwrapExpression(node);
  if (name !== undefined && written.type === 'Identifier') {
    const keys = laterWrites(written, imports);
    if (keys === 'any' || keys.has(name)) return null;
  }
  return value;
}

/** What `object[name]` is, reading the literal from its last property back. */
export function lookup(object: TSESTree.ObjectExpression, name: string, imports: ImportTracker, depth = 0): Lookup {
  if (depth > MAX_DEPTH) return UNKNOWN;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i]!;
    if (property.type === 'SpreadElement') {
      const spread = objectLiteral(property.argument, imports, name);
      if (!spread) return UNKNOWN;
      const inner = lookup(spread, name, imports, depth + 1);
      if (inner.state !== 'absent') return inner;
      continue;
    }
    const key = staticKeyName(property.key, property.computed);
    if (key === null) return UNKNOWN;
    if (key === name) return { state: 'set', property, value: property.value };
  }
  return ABSENT;
}

/** Looks `name` up in an argument: unknown unless the argument is an object literal the file shows. */
export function lookupIn(node: Node | undefined, name: string, imports: ImportTracker): Lookup {
  const object = objectLiteral(node, imports, name);
  return object ? lookup(object, name, imports) : UNKNOWN;
}

/**
 * A value that turns a timeout off: `0`, `Infinity`, `Number.POSITIVE_INFINITY`,
 * `undefined` (and `false` where the client says so). Any other value, known
 * or not, is taken to bound the wait.
 */
export function disablesTimeout(value: Node, imports: ImportTracker, falseDisables = false): boolean {
  const node = throughConst(value, imports);
  if (numberValue(node) === 0) return true;
  if (falseDisables && node.type === 'Literal' && node.value === false) return true;
  if (node.type === 'Identifier') return node.name === 'Infinity' || node.name === 'undefined' ? imports.globalName(node) !== null : false;
  const origin = node.type === 'MemberExpression' ? imports.originOf(node) : null;
  return origin?.module === null && origin.path.join('.') === 'Number.POSITIVE_INFINITY';
}
