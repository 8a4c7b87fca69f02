/**
 * Error sorting: a failure path that goes on to the next attempt only for
 * specific, recognised errors (an error class, code, status, label or message
 * check, or a classifying predicate) and leaves for the rest (rethrows,
 * returns). `catch (e) { if (e.code === '40001') continue; throw e; }`.
 * A bounded retry sorted this way is a deliberate retry policy, and a sorted
 * retry that already waits between attempts is not a retry storm
 * (see the rules' "traps" sections).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap';
import { type VisitorKeys, walkOwn } from '../ast/walk';
import { alwaysLeaves, blockFlow, calleeName, type Flow, type FlowContext, type Node, statementFlow } from './ast';

/** Error classes that every error (or every value) is: checking them sorts nothing. */
const GENERIC_CLASS = /^(Error|Object|AggregateError)$/;
/** A predicate whose name says it holds for the errors that are NOT retried (`isNotConnectionError(err)`, `isNonRetryable(e)`). */
const NEGATIVE_PREDICATE = /^(is|has|should|can)?(Not|Non|Un)[A-Z_]|^(not|non|un)[A-Z_]/;

/** The catch parameter and the names copied from it (`const ne = err;`) in the handler's own statements. */
export function errorNames(param: Node | null | undefined, body: TSESTree.BlockStatement | null): Set<string> {
  const names = new Set<string>();
  if (param?.type === 'Identifier') names.add(param.name);
  if (!body || names.size === 0) return names;
  for (const statement of body.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const d of statement.declarations) {
      const init = d.init ? unwrapExpression(d.init) : null;
      if (d.id.type === 'Identifier' && init?.type === 'Identifier' && names.has(init.name)) names.add(d.id.name);
    }
  }
  return names;
}

/** The root name of a member chain or call chain (`e` of `e.response.status`, `err?.code`, `e.message.startsWith`). */
export function rootName(node: Node): string | null {
  let n = unwrapExpression(node);
  for (;;) {
    if (n.type === 'MemberExpression') n = unwrapExpression(n.object);
    else if (n.type === 'CallExpression') n = unwrapExpression(n.callee);
    else break;
  }
  return n.type === 'Identifier' ? n.name : null;
}

function mentions(node: Node, names: ReadonlySet<string>, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(node, keys, (n) => {
    if (found) return false;
    if (n.type === 'Identifier' && names.has(n.name)) found = true;
    return !found;
  });
  return found;
}

/** A member of the error (`e.code`, `err?.response.status`), not the error itself. */
function isErrorMember(node: Node, names: ReadonlySet<string>): boolean {
  const n = unwrapExpression(node);
  if (n.type !== 'MemberExpression') return false;
  const root = rootName(n);
  return root !== null && names.has(root);
}

/** A test of the error that is neither specific nor absent: the error itself, `e instanceof Error`. */
function isGenericErrorTest(node: Node, names: ReadonlySet<string>, keys: VisitorKeys): boolean {
  const n = unwrapExpression(node);
  if (n.type === 'UnaryExpression' && n.operator === '!') return isGenericErrorTest(n.argument, names, keys);
  if (n.type === 'Identifier') return names.has(n.name);
  if (n.type === 'BinaryExpression' && n.operator === 'instanceof') return mentions(n.left, names, keys) && n.right.type === 'Identifier' && GENERIC_CLASS.test(n.right.name);
  return false;
}

/**
 * When `test` evaluates to `want`, the error is of a specific kind: the
 * branch taken on that outcome runs only for recognised errors.
 */
function specificWhen(test: Node, want: boolean, names: ReadonlySet<string>, keys: VisitorKeys): boolean {
  const n = unwrapExpression(test);
  switch (n.type) {
    case 'UnaryExpression':
      return n.operator === '!' && specificWhen(n.argument, !want, names, keys);
    case 'LogicalExpression': {
      if (n.operator === '??') return false;
      const sides = [n.left, n.right];
      // `a && b` true, or `a || b` false: both hold, one specific check is enough.
      if ((n.operator === '&&') === want) return sides.some((side) => specificWhen(side, want, names, keys));
      // Either side may hold: each must be specific, or a check of something other than the error
      // (the client's own state) beside at least one specific check.
      const specific = sides.map((side) => specificWhen(side, want, names, keys));
      return specific.some(Boolean) && sides.every((side, i) => specific[i] || (!mentions(side, names, keys) && !isGenericErrorTest(side, names, keys)));
    }
    case 'BinaryExpression': {
      if (n.operator === 'instanceof') {
        return want && mentions(n.left, names, keys) && !(n.right.type === 'Identifier' && GENERIC_CLASS.test(n.right.name)) && !mentions(n.right, names, keys);
      }
      if (n.left.type === 'PrivateIdentifier') return false;
      const left = isErrorMember(n.left, names);
      const right = isErrorMember(n.right, names);
      if (left === right) return false;
      const other = left ? n.right : n.left;
      if (mentions(other, names, keys)) return false;
      if (n.operator === '===' || n.operator === '==') return want;
      if (n.operator === '!==' || n.operator === '!=') return !want;
      // `e.status >= 500`: a range of codes.
      if (['<', '<=', '>', '>='].includes(n.operator)) return want;
      return false;
    }
    case 'CallExpression': {
      // `e.hasErrorLabel(...)`, `e.message.startsWith('READONLY')`: a method of the error.
      const root = rootName(n.callee);
      if (root !== null && names.has(root) && unwrapExpression(n.callee).type === 'MemberExpression') return want;
      // `isRetryable(e)`, `RETRY_CODES.has(e.code)`, `/EPIPE/.test(e.message)`: a predicate over the error.
      if (!n.arguments.some((a) => mentions(a, names, keys))) return false;
      const name = calleeName(n);
      return name !== null && NEGATIVE_PREDICATE.test(name) ? !want : want;
    }
    default:
      return false;
  }
}

/**
 * The statements of a failure path (a `catch` body in a loop) go on to the
 * next attempt (`continue`, or completing normally) only after an `if` on the error chose a specific kind of error, and leave
 * for the rest: `if (e.code !== X) throw e;`, `if (e instanceof Y) continue; throw e;`,
 * `if (isNotConnectionError(e)) { throw e } else { await wait() }`.
 */
export function continuesOnlyForSortedErrors(
  list: readonly TSESTree.Statement[],
  names: ReadonlySet<string>,
  ctx: FlowContext,
  keys: VisitorKeys,
): boolean {
  if (names.size === 0) return false;
  // Taking the side never reaches the next attempt: it leaves, or completes into code that always leaves.
  const leaves = (side: Flow, rest: Flow) => !side.cont && (!side.normal || alwaysLeaves(rest));
  for (let i = 0; i < list.length; i++) {
    const statement = list[i]!;
    const flow = statementFlow(statement, ctx);
    if (statement.type === 'IfStatement') {
      const rest = blockFlow(list.slice(i + 1), ctx);
      const consequent = statementFlow(statement.consequent, ctx);
      const alternate: Flow = statement.alternate ? statementFlow(statement.alternate, ctx) : { normal: true, cont: false, exit: false };
      const consequentLeaves = leaves(consequent, rest);
      const alternateLeaves = leaves(alternate, rest);
      if (consequentLeaves && !alternateLeaves && specificWhen(statement.test, false, names, keys)) return true;
      if (alternateLeaves && !consequentLeaves && specificWhen(statement.test, true, names, keys)) return true;
    }
    // An unsorted way to the next attempt, or the end of the path.
    if (flow.cont || !flow.normal) return false;
  }
  return false;
}

/**
 * A recursive retry whose call sits in a branch taken only for a specific
 * error: one of the guards between the call and the failure path tests the
 * error (`if (e.code === 'ECONNRESET') return f();`).
 */
export function guardedBySortedError(guards: readonly { test: Node }[], names: ReadonlySet<string>, keys: VisitorKeys): boolean {
  return names.size > 0 && guards.some((g) => specificWhen(g.test, true, names, keys));
}

/** What the rules read of a retry to judge its sorting. */
interface SortedRetry {
  bounded: boolean;
  sorted: boolean;
  wait: { kind: string };
}

/**
 * require-retry-backoff: a sorted retry that is bounded, or that already
 * waits between attempts, is a deliberate retry policy, not a retry storm.
 * A sorted retry that never gives up and never waits stays reported.
 */
export function isDeliberateSortedRetry(retry: SortedRetry): boolean {
  return retry.sorted && (retry.bounded || retry.wait.kind !== 'none');
}

/** no-unbounded-retry (with `allowUnboundedWithBackoff`): an unbounded sorted retry that waits between attempts. */
export function isWaitingSortedRetry(retry: SortedRetry): boolean {
  return retry.sorted && retry.wait.kind !== 'none';
}
