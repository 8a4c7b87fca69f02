/**
 * Status checks in retry loops: `if (!res.ok) continue;` retries a failed
 * status, `if (res.ok) return res;` leaves on success.
 */
import { unwrapExpression } from '../ast/unwrap';
import { type Node } from './ast';

const STATUS_NAMES = new Set(['status', 'statusCode']);

function isStatusMember(node: Node, names: ReadonlySet<string>): boolean {
  const m = unwrapExpression(node);
  return m.type === 'MemberExpression' && !m.computed && m.property.type === 'Identifier' && names.has(m.property.name);
}

const OK_NAMES = new Set(['ok', 'success']);

type Polarity = 'success' | 'failure' | null;

function flip(p: Polarity): Polarity {
  return p === 'success' ? 'failure' : p === 'failure' ? 'success' : null;
}

/** A comparison read from the other side: `200 === res.status` is `res.status === 200`. */
const mirror: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * What a status test says when true: `'success'` (`res.ok`, `res.status === 200`,
 * `res.status < 400`), `'failure'` (`!res.ok`, `res.status >= 500`), or null
 * when the test is anything else.
 */
export function statusPolarity(test: Node): 'success' | 'failure' | null {
  const node = unwrapExpression(test);
  switch (node.type) {
    case 'UnaryExpression':
      return node.operator === '!' ? flip(statusPolarity(node.argument)) : null;
    case 'LogicalExpression': {
      const left = statusPolarity(node.left);
      const right = statusPolarity(node.right);
      if (left !== right) return null;
      if (node.operator === '&&' && left === 'success') return 'success';
      if (node.operator === '||' && left === 'failure') return 'failure';
      return null;
    }
    case 'MemberExpression':
      return isStatusMember(node, OK_NAMES) ? 'success' : null;
    case 'BinaryExpression': {
      if (node.left.type === 'PrivateIdentifier') return null;
      let member: Node = node.left;
      let other: Node = node.right;
      let operator = node.operator;
      if (!isStatusMember(member, STATUS_NAMES) && !isStatusMember(member, OK_NAMES)) {
        member = node.right;
        other = node.left;
        operator = (mirror[operator] ?? operator) as typeof operator;
      }
      const value = unwrapExpression(other);
      if (value.type !== 'Literal') return null;
      if (isStatusMember(member, OK_NAMES) && typeof value.value === 'boolean') {
        const equal = operator === '===' || operator === '==';
        const notEqual = operator === '!==' || operator === '!=';
        if (!equal && !notEqual) return null;
        return value.value === equal ? 'success' : 'failure';
      }
      if (!isStatusMember(member, STATUS_NAMES) || typeof value.value !== 'number') return null;
      const n = value.value;
      const ok = (code: number) => code >= 200 && code < 300;
      switch (operator) {
        case '===':
        case '==':
          return ok(n) ? 'success' : n >= 400 ? 'failure' : null;
        case '!==':
        case '!=':
          return ok(n) ? 'failure' : null;
        case '<':
          return n <= 400 && n > 200 ? 'success' : null;
        case '<=':
          return n < 400 && n >= 200 ? 'success' : null;
        case '>=':
          return n >= 300 ? 'failure' : null;
        case '>':
          return n >= 299 ? 'failure' : null;
        default:
          return null;
      }
    }
    default:
      return null;
  }
}
