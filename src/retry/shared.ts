/**
 * Helpers shared by the loop and recursion finders.
 */
import { type FunctionNode, isFunction, nameKey, type Node, unwrapExpression, type VisitorKeys, walkOwn } from './ast';

/** The nearest function around a node, or null at the top level. */
export function enclosingFunction(node: Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return null;
}

/** A counter used as an index (`mirrors[i]`, `parsers[index]`): trying alternatives in turn, not retrying one operation. */
export function indexesWith(region: Node, counters: ReadonlySet<string>, keys: VisitorKeys): boolean {
  if (counters.size === 0) return false;
  let found = false;
  walkOwn(region, keys, (n) => {
    if (found) return false;
    if (n.type === 'MemberExpression' && n.computed) {
      const property = unwrapExpression(n.property);
      const key = property.type === 'UpdateExpression' ? nameKey(property.argument) : nameKey(property);
      if (key && counters.has(key)) found = true;
    }
    return !found;
  });
  return found;
}

/** True when the node's own code names one of `names`. */
export function mentionsName(keys: VisitorKeys, node: Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walkOwn(node, keys, (n) => {
    if (found) return false;
    if (n.type === 'Identifier' && names.has(n.name)) found = true;
    return !found;
  });
  return found;
}
