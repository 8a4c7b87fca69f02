/**
 * Helpers shared by the loop and recursion finders.
 */
import { unwrapExpression } from '../ast/unwrap';
import { someOwn, type VisitorKeys } from '../ast/walk';
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
