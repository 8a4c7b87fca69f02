/**
 * Helpers shared by the loop and recursion finders.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { isFunction, parameterName } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import { contains, someAll, someOwn, type VisitorKeys, walkOwn } from '../ast/walk';
import { freshName } from '../fix/names';
import { calleeName, isLogCall, nameKey, type Node } from './ast';
import { sameFileCallee } from './exhaustion';
import { NO_FIX } from './model';
import type { ImportTracker } from '../imports';

/** Methods that cut a part out of a string or an array: a counter in their arguments picks which part the pass reads. */
const SLICE_METHODS = new Set(['slice', 'substring', 'substr', 'subarray']);

/**
 * A counter that picks what each pass reads, so the passes walk through
 * candidates instead of retrying one operation: an index (`mirrors[i]`,
 * `parsers[index]`); and, in synchronous passes (no `await`, `yield`,
 * promise callback or timer in `region`: a search computed on the spot), a
 * bound of the part cut out of the input, the counter alone or added to or
 * taken from something (`path.slice(start, start + length)` with
 * `length += 3` on failure: the next pass decodes a longer sequence), or the
 * one element of an array built for the pass (`seeds.concat(Buffer.from([nonce]))`
 * with `nonce--`: the next pass tries another seed). Not a counter handed on
 * as it is (`request(attempt)`), nor one in a message, and in an asynchronous
 * retry not `[attempt]` as a query parameter nor `hosts.slice(attempt % n)`.
 */
export function indexesWith(region: Node, counters: ReadonlySet<string>, keys: VisitorKeys): boolean {
  if (counters.size === 0) return false;
  const isCounter = (node: Node): boolean => {
    const n = unwrapExpression(node);
    const key = n.type === 'UpdateExpression' ? nameKey(n.argument) : nameKey(n);
    return !!key && counters.has(key);
  };
  /** The counter alone, or a term of a sum or difference (`start + length`). */
  const inSum = (node: Node): boolean => {
    const n = unwrapExpression(node);
    if (isCounter(n)) return true;
    return n.type === 'BinaryExpression' && (n.operator === '+' || n.operator === '-') && (inSum(n.left as Node) || inSum(n.right));
  };
  // The slice and the array must be read by the attempt, not built on the failure path (`err.message.slice(0, n)`).
  const inCatch = (node: Node): boolean => {
    for (let n: Node | undefined = node.parent; n && n !== region; n = n.parent) if (n.type === 'CatchClause') return true;
    return false;
  };
  let synchronous: boolean | undefined;
  const isSynchronous = () => (synchronous ??= !someOwn(region, keys, (n) => n.type === 'AwaitExpression' || n.type === 'YieldExpression' || (n.type === 'CallExpression' && DEFERRING_CALLS.test(calleeName(n) ?? ''))));
  return someOwn(region, keys, (n) => {
    if (n.type === 'MemberExpression' && n.computed) return isCounter(n.property);
    if (n.type === 'ArrayExpression') {
      // `[nonce]`: the counter alone, as the one element (not `[url, attempt]` handed on, nor a log line's values).
      return n.elements.length === 1 && !!n.elements[0] && n.elements[0].type !== 'SpreadElement' && isCounter(n.elements[0]) && !inCatch(n) && !inLogCall(n) && isSynchronous();
    }
    if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.computed || n.callee.property.type !== 'Identifier' || !SLICE_METHODS.has(n.callee.property.name)) return false;
    return n.arguments.some((arg) => arg.type !== 'SpreadElement' && inSum(arg)) && !inCatch(n) && isSynchronous();
  });
}

/** Calls that run code later: a promise's callbacks, a timer, the next tick. */
const DEFERRING_CALLS = /^(then|catch|finally|setTimeout|setInterval|setImmediate|nextTick|queueMicrotask)$/;

/** Inside the arguments of a log call (`console.log`, `logger.warn`, `debug`). */
function inLogCall(node: Node): boolean {
  for (let n: Node | undefined = node.parent; n && !isFunction(n); n = n.parent) if (n.type === 'CallExpression' && isLogCall(n)) return true;
  return false;
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
const ENDLESS_INTENT = /\b(?:retry|retries|retrying|try again|keep (?:on )?(?:re)?trying)\b[^.\n]*?\b(?:until (?:it |we |that )?(?:succeeds?|successful)|forever|indefinitely)\b|\bnever give up\b/i;
/** Work still to do: not the code's intent. */
const TODO = /\b(?:TODO|FIXME|XXX|HACK)\b/;
/** A negation before the words of intent (`don't retry forever`, `Never retry forever`), which then ask for the opposite. */
const NEGATION = /\b(?:don'?t|do not|doesn'?t|does not|shouldn'?t|should not|must not|mustn'?t|no longer|instead of|avoid|stop|used to|would)\b|\bnever\s+(?:retry|retries|keep|try)\b/i;
/** Words after the intent that take it back (`This used to retry forever, which we no longer want`). */
const TAKEN_BACK = /\b(?:no longer|not any ?more)\s+(?:want|wanted|do|needed)\b/i;

/**
 * The comments of a retry that speak for it: those inside `region` (the
 * failure path) and those right above `statement` (the loop, or the function
 * that is re-run, also where it is declared: `// ...` above
 * `const load = async () => {...}`, a method, an export).
 */
function retryComments(sourceCode: Readonly<TSESLint.SourceCode>, region: Node | readonly Node[], statement: Node): string[] {
  // The failure path's comments (the first region); the others (a loop's other statements) speak of other work.
  const regions: readonly Node[] = Array.isArray(region) ? region.slice(0, 1) : [region as Node];
  // A loop speaks through its body between its statements too (`while (true) { // retry forever` above the `try`).
  const loop = statement.type === 'LabeledStatement' ? statement.body : statement;
  const loopBody = loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement' || loop.type === 'ForStatement' || loop.type === 'ForInStatement' || loop.type === 'ForOfStatement' ? loop.body : null;
  const between = (c: { range: readonly [number, number] }) =>
    !!loopBody && loopBody.type === 'BlockStatement' && c.range[0] >= loopBody.range[0] && c.range[1] <= loopBody.range[1] && !loopBody.body.some((st) => c.range[0] >= st.range[0] && c.range[1] <= st.range[1]);
  let host: Node = statement;
  while (
    host.parent &&
    (host.parent.type === 'VariableDeclarator' ||
      host.parent.type === 'VariableDeclaration' ||
      host.parent.type === 'ExportNamedDeclaration' ||
      host.parent.type === 'ExportDefaultDeclaration' ||
      host.parent.type === 'MethodDefinition' ||
      host.parent.type === 'PropertyDefinition' ||
      (host.parent.type === 'Property' && host.parent.value === host))
  ) {
    host = host.parent;
  }
  return [
    ...sourceCode.getAllComments().filter((c) => between(c) || regions.some((r) => c.range[0] >= r.range[0] && c.range[1] <= r.range[1])),
    ...sourceCode.getCommentsBefore(host),
  ].map((c) => c.value.replace(/^\s*\*+\s?/gm, ' ').replace(/\s+/g, ' ').trim());
}

/** Words quoted in a message: at most 60 characters. */
function quote(words: string): string {
  return words.length <= 60 ? words : `${words.slice(0, 57)}...`;
}

/**
 * A comment of the retry (`retryComments`) that says it goes on until it
 * succeeds: `// Retry until successful`, `we retry until it succeeds`. Not a
 * sentence that asks otherwise (`TODO: don't retry forever`). Returns the
 * comment's words, or null.
 */
export function endlessIntent(sourceCode: Readonly<TSESLint.SourceCode>, region: Node | readonly Node[], statement: Node): string | null {
  for (const words of retryComments(sourceCode, region, statement)) {
    for (const sentence of words.split(/(?<=[.;!?])\s+/)) {
      const match = ENDLESS_INTENT.exec(sentence);
      if (!match || TODO.test(sentence) || TAKEN_BACK.test(sentence.slice(match.index))) continue;
      // `Retries forever and never rejects`, `Retry forever, since giving up would lose messages`: what follows the
      // words is their reason; a negation, the past or a hypothesis before them (`don't retry forever`, `Never retry
      // forever`, `This used to retry forever`, `would retry forever`) is not the code's intent. `never give up` is
      // the words themselves; `must never exit, so keep retrying` is no negation of them.
      const before = sentence.slice(0, match.index);
      if (!NEGATION.test(before)) return quote(words);
    }
  }
  return null;
}

/** Helpers whose unit is known to be milliseconds: the timer forms. */
const MS_CALLEES = /^(?:setTimeout|setImmediate)$/;

/**
 * An existing wait too short to be in milliseconds (below 100) given to a
 * helper whose unit the file does not show (`utils.sleep(3)` may well count
 * seconds): not a timer, not `timers/promises`, not a function of the file
 * that hands the value to `setTimeout`. Returns the wait's text, or null.
 */
function shortUnknownUnitWait(sourceCode: Readonly<TSESLint.SourceCode>, delay: Node, imports: ImportTracker, keys: VisitorKeys): string | null {
  const value = delay.type === 'Literal' && typeof delay.value === 'number' ? delay.value : null;
  if (value === null || value >= 100 || value <= 0) return null;
  const call = delay.parent;
  if (call?.type !== 'CallExpression') return null;
  if (MS_CALLEES.test(calleeName(call) ?? '')) return null;
  if (imports.originOf(call.callee)?.module === 'timers/promises') return null;
  // `const sleep = (ms) => new Promise((r) => setTimeout(r, ms))`: milliseconds.
  const helper = sameFileCallee(call, sourceCode);
  const index = call.arguments.indexOf(delay as TSESTree.CallExpressionArgument);
  const name = parameterName(helper?.params[index]);
  if (helper && name && someAll(helper.body, keys, (n) => n.type === 'CallExpression' && MS_CALLEES.test(calleeName(n) ?? '') && n.arguments[1]?.type === 'Identifier' && n.arguments[1].name === name)) return null;
  return sourceCode.getText(call);
}

/** Words that choose a constant wait on purpose. */
const CONSTANT_WAIT_WORDS = /\b(?:constant|fixed|simple|flat)\s+(?:delay|wait|interval|pause|backoff|retry delay)\b/i;

/**
 * Text of the retry that states the wait a rewrite would grow: a comment
 * (`retryComments`) or a string of a log line in `region`, giving its length
 * in seconds or milliseconds (`retrying in 2 seconds`, `wait 500ms`) or
 * choosing a constant wait (`use simple constant delay`). A grown wait would
 * make it false. Returns the words, or null.
 */
function statedWait(sourceCode: Readonly<TSESLint.SourceCode>, region: Node | readonly Node[], statement: Node, delays: readonly Node[], keys: VisitorKeys): string | null {
  const patterns = [CONSTANT_WAIT_WORDS];
  for (const delay of delays) {
    const ms = delay.type === 'Literal' && typeof delay.value === 'number' ? delay.value : null;
    if (ms === null) continue;
    // Not a digit or a point before it: `0.2 seconds` does not state a 2 s wait.
    patterns.push(new RegExp(`(?<![\\d.])${ms}\\s*(?:ms|msecs?|millis(?:econds?)?)\\b`, 'i'));
    const seconds = ms / 1000;
    if (ms >= 1000 && Number.isInteger(seconds * 10)) patterns.push(new RegExp(`(?<![\\d.])${String(seconds).replace('.', '\\.')}\\s*(?:s|secs?|seconds?)\\b`, 'i'));
  }
  const texts = retryComments(sourceCode, region, statement);
  // Every string of the failure path: log lines, but also a status shown to a person (`spinner.text = 'retrying in 2 seconds'`).
  for (const r of Array.isArray(region) ? region : [region as Node]) {
    walkOwn(r, keys, (m) => {
      if (m.type === 'Literal' && typeof m.value === 'string') texts.push(m.value);
      else if (m.type === 'TemplateElement') texts.push(m.value.cooked ?? m.value.raw);
      return true;
    });
  }
  const stated = texts.map((t) => t.replace(/\s+/g, ' ').trim()).find((words) => patterns.some((p) => p.test(words)));
  return stated ? quote(stated) : null;
}

/**
 * Why a retry's constant waits (`delays`) are not grown by a rewrite: a wait
 * too short to be in milliseconds given to a helper of unknown unit, or text
 * of the retry that states the wait. Null when they may be grown.
 */
export function waitGrowthRefusal(
  sourceCode: Readonly<TSESLint.SourceCode>,
  region: Node | readonly Node[],
  statement: Node,
  delays: readonly Node[],
  imports: ImportTracker,
  keys: VisitorKeys,
): string | null {
  if (delays.length === 0) return null;
  const unknownUnit = delays.map((delay) => shortUnknownUnitWait(sourceCode, delay, imports, keys)).find((w) => w !== null);
  if (unknownUnit) return NO_FIX.waitUnit(unknownUnit);
  const stated = statedWait(sourceCode, region, statement, delays, keys);
  return stated ? NO_FIX.statedWait(stated) : null;
}
