/**
 * Helpers shared by the loop and recursion finders.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { unwrapExpression } from '../ast/unwrap';
import { contains, someOwn, type VisitorKeys } from '../ast/walk';
import { freshName } from '../fix/names';
import { calleeName, nameKey, type Node } from './ast';
import type { ImportTracker } from '../imports';

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

/** Words that say a retry is meant to go on until it succeeds. */
const ENDLESS_INTENT = /\b(?:retry|retries|retrying|try again|keep (?:on )?(?:re)?trying)\b[^.\n]*?\b(?:until (?:it |we |that )?(?:succeeds?|successful)|forever|indefinitely)\b|\buntil (?:it )?succeeds\b|\buntil successful\b|\bnever give up\b/i;

/**
 * A comment in the retry (`region`, the loop or the failure path) or right
 * above `statement` (the loop, or the function) that says the retry goes on
 * until it succeeds: `// Retry until successful, use simple constant delay`.
 * Returns the comment's words (at most 60 characters), or null.
 */
export function endlessIntent(sourceCode: Readonly<TSESLint.SourceCode>, region: Node, statement: Node): string | null {
  const comments = [
    ...sourceCode.getAllComments().filter((c) => c.range[0] >= region.range[0] && c.range[1] <= region.range[1]),
    ...sourceCode.getCommentsBefore(statement),
  ];
  for (const comment of comments) {
    const words = comment.value.replace(/^\s*\*+\s?/gm, ' ').replace(/\s+/g, ' ').trim();
    const match = ENDLESS_INTENT.exec(words);
    if (match) return words.length <= 60 ? words : `${words.slice(0, 57)}...`;
  }
  return null;
}

/** Helpers whose unit is known to be milliseconds: the timer forms. */
const MS_CALLEES = /^(?:setTimeout|setImmediate)$/;

/**
 * An existing wait too short to be in milliseconds (below 100) given to a
 * helper whose unit the file does not show: `utils.sleep(3)` may well count
 * seconds. Returns the wait's text, or null (a timer, a longer wait, a wait
 * from a name).
 */
export function shortUnknownUnitWait(sourceCode: Readonly<TSESLint.SourceCode>, delay: Node, imports: ImportTracker): string | null {
  const value = delay.type === 'Literal' && typeof delay.value === 'number' ? delay.value : null;
  if (value === null || value >= 100 || value <= 0) return null;
  const call = delay.parent;
  if (call?.type !== 'CallExpression') return null;
  const name = calleeName(call) ?? '';
  if (MS_CALLEES.test(name)) return null;
  const origin = imports.originOf(call.callee);
  if (origin?.module === 'timers/promises') return null;
  return sourceCode.getText(call);
}

/** Words that choose a constant wait on purpose. */
const CONSTANT_WAIT_WORDS = /\b(?:constant|fixed|simple|flat)\s+(?:delay|wait|interval|pause|backoff|retry delay)\b/i;

/**
 * Text of the retry (its comments and the strings of its log lines, in
 * `region`) that states the wait a rewrite would grow: its length in seconds
 * or milliseconds (`retrying in 2 seconds`, `Try again in 3 seconds`,
 * `wait 500ms`), or a constant wait chosen on purpose (`use simple constant
 * delay`). A grown wait would make it false. Returns the words, or null.
 */
export function statedWait(sourceCode: Readonly<TSESLint.SourceCode>, region: Node, delays: readonly Node[], keys: VisitorKeys): string | null {
  const patterns = [CONSTANT_WAIT_WORDS];
  for (const delay of delays) {
    const ms = delay.type === 'Literal' && typeof delay.value === 'number' ? delay.value : null;
    if (ms === null) continue;
    patterns.push(new RegExp(`\\b${ms}\\s*(?:ms|msecs?|millis(?:econds?)?)\\b`, 'i'));
    const seconds = ms / 1000;
    if (ms >= 1000 && Number.isInteger(seconds * 10)) patterns.push(new RegExp(`\\b${String(seconds).replace('.', '\\.')}\\s*(?:s|secs?|seconds?)\\b`, 'i'));
  }
  const texts: string[] = sourceCode.getAllComments().filter((c) => c.range[0] >= region.range[0] && c.range[1] <= region.range[1]).map((c) => c.value);
  someOwn(region, keys, (n) => {
    if (n.type === 'Literal' && typeof n.value === 'string') texts.push(n.value);
    else if (n.type === 'TemplateElement') texts.push(n.value.cooked ?? n.value.raw);
    return false;
  });
  for (const text of texts) {
    const words = text.replace(/\s+/g, ' ').trim();
    if (patterns.some((p) => p.test(words))) return words.length <= 60 ? words : `${words.slice(0, 57)}...`;
  }
  return null;
}
