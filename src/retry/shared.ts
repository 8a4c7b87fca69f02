/**
 * Helpers shared by the loop and recursion finders.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { unwrapExpression } from '../ast/unwrap';
import { contains, someOwn, type VisitorKeys } from '../ast/walk';
import { freshName } from '../fix/names';
import { nameKey, type Node } from './ast';

/** A counter used as an index (`mirrors[i]`, `parsers[index]`): trying alternatives in turn, not retrying one operation. */
export function indexesWith(region: Node, counters: ReadonlySet<string>, keys: VisitorKeys): boolean {
  if (counters.size === 0) return false;
  return someOwn(region, keys, (n) => {
    if (n.type !== 'MemberExpression' || !n.computed) return false;
    const property = unwrapExpression(n.property);
    const key = property.type === 'UpdateExpression' ? nameKey(property.argument) : nameKey(property);
    return !!key && counters.has(key);
  });
}

/** True when the node's own code names one of `names`. */
export function mentionsName(keys: VisitorKeys, node: Node, names: ReadonlySet<string>): boolean {
  return someOwn(node, keys, (n) => n.type === 'Identifier' && names.has(n.name));
}

/**
 * A constant delay a rewrite may grow: built from numbers and from names or
 * property paths declared outside `region` (the loop, the catch). A delay
 * read from the failure or its response (`Retry-After`, a rate-limit window:
 * anything declared in `region`) or computed by a call is kept as it is.
 */
export function isFixedDelay(sourceCode: Readonly<TSESLint.SourceCode>, delay: Node, region: Node): boolean {
  const scope = sourceCode.getScope(delay);
  const check = (node: Node): boolean => {
    switch (node.type) {
      case 'Literal':
        return typeof node.value === 'number';
      case 'Identifier': {
        // By name from the delay's scope (given the node, findVariable scans sibling scopes: see variableAt in src/imports.ts).
        const variable = findVariable(scope, node.name);
        if (!variable) return node.name !== 'undefined' && node.name !== 'NaN';
        return variable.defs.every((def) => !contains(region, def.name));
      }
      case 'MemberExpression':
        return !node.computed && (node.object.type === 'ThisExpression' || check(node.object));
      case 'BinaryExpression':
        return ['+', '-', '*', '/'].includes(node.operator) && node.left.type !== 'PrivateIdentifier' && check(node.left) && check(node.right);
      case 'UnaryExpression':
        return node.operator === '-' && check(node.argument);
      case 'TSAsExpression':
      case 'TSNonNullExpression':
        return check(node.expression);
      default:
        return false;
    }
  };
  return check(delay);
}

/** Per file (keyed by its SourceCode): for each function, the names given to rewrites, by site and base name. */
const siteNames = new WeakMap<object, Map<Node, Map<string, string>>>();

/**
 * A fresh name for a rewrite at `site` in `owner`: the same for every rule
 * that rewrites that site, and different from the names given to other sites
 * in the same function (two retry loops get `attempt` and `failedAttempts`,
 * so applying both suggestions never declares one name twice).
 */
export function rewriteName(sourceCode: Readonly<TSESLint.SourceCode>, owner: Node, site: Node, base: string, alternatives: readonly string[]): string {
  let file = siteNames.get(sourceCode);
  if (!file) siteNames.set(sourceCode, (file = new Map()));
  let names = file.get(owner);
  if (!names) file.set(owner, (names = new Map()));
  const key = `${site.range[0]}:${site.range[1]}:${base}`;
  const given = names.get(key);
  if (given) return given;
  const name = freshName(sourceCode, owner, base, alternatives, new Set(names.values()));
  names.set(key, name);
  return name;
}
