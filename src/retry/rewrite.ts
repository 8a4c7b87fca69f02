/**
 * The rewrites offered as suggestions by `no-unbounded-retry` and
 * `require-retry-backoff`, and applied in bulk by the `add-retry-backoff`
 * codemod. Each rewrite is a list of text edits on the original source
 * (src/fix/edits.ts) and a description that says exactly what the edits do.
 *
 * The principle (docs/codemods.md, "What a rewrite keeps"): the smallest
 * edit that removes the finding, keeping everything the code already says.
 * An existing wait stays where it is (its helper, `this`, abort signal);
 * only a constant duration becomes a growing one with the old duration as
 * its floor; a wait computed from the failure is kept as it is. New counting
 * and waiting go where the code retries (after the code that rethrows,
 * returns or breaks for errors that are not retried); an existing counter is
 * reused; comments stay on their lines; no unused binding is added.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TextEdit } from '../fix/edits';
import { globalReference } from '../fix/names';
import { lineIndent, type SourceStyle, startsLine } from '../fix/style';
import { isFunction, isLoop } from '../ast/functions';
import { statementFlow, type FlowContext, type Node } from './ast';
import { TIMER_LIMIT_MS } from './options';

export interface BackoffSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A rewrite: its edits, what it does in words, and whether the retry backs off afterwards. */
export interface RetryRewrite {
  edits: TextEdit[];
  /** The suggestion's text: exactly what the edits do. */
  description: string;
  /** After the edits every retry waits with a growing wait (false when only a kept wait remains). */
  backsOff: boolean;
}

/**
 * A rewrite plan: the rewrite, or the reason there is none (for `noFixText`). `addBound`: also limit the attempts;
 * `'endless'`: no limit, for a retry the code says goes on until it succeeds (the suggestion's text says so instead
 * of "the existing limit stays").
 */
export type RetryRewritePlan = (addBound: boolean | 'endless', addJitter: boolean) => RetryRewrite | string;

/** What a rewrite says of the limit it does not add. */
function keptLimitWords(addBound: boolean | 'endless'): string {
  return addBound === 'endless' ? 'no limit (the code says it retries until it succeeds)' : 'the existing limit stays';
}

// ---------------------------------------------------------------------------
// Expressions.

/** Capped exponential backoff with full jitter; `exponent` is 0 for the first wait. */
function fullJitterDelay(exponent: string, settings: BackoffSettings): string {
  return `Math.random() * Math.min(${settings.maxDelayMs}, ${settings.baseDelayMs} * 2 ** ${exponent})`;
}

/** The statement that waits with capped exponential backoff and full jitter. */
export function backoffWaitStatement(exponent: string, settings: BackoffSettings, setTimeoutName: string): string {
  return `await new Promise((resolve) => ${setTimeoutName}(resolve, ${fullJitterDelay(exponent, settings)}))`;
}

/** A delay expression that can be repeated as it is (a literal, a name, a property path). */
function isSimple(node: Node): boolean {
  return node.type === 'Identifier' || node.type === 'Literal' || (node.type === 'MemberExpression' && !node.computed && (node.object.type === 'ThisExpression' || isSimple(node.object)));
}

/**
 * The growing form of a constant delay `delay`: never shorter than the old
 * wait (the floor is the larger of it and `baseDelayMs`), doubling per
 * failure with full jitter above the floor, capped at `maxDelayMs` or, for a
 * floor already longer than that, at the floor times 2^(maxAttempts-1),
 * within the timer limit. A floor known only at run time (`opts.delayInMs`)
 * gets that cap as an expression, so that a long wait still grows. `cap` is
 * the cap as the suggestion's text says it.
 */
export function grownDelay(sourceCode: Readonly<TSESLint.SourceCode>, delay: Node, exponent: string, settings: BackoffSettings): { text: string; floor: string; cap: string } {
  const value = delay.type === 'Literal' && typeof delay.value === 'number' ? delay.value : null;
  const factor = 2 ** (settings.maxAttempts - 1);
  if (value !== null) {
    const base = Math.max(value, settings.baseDelayMs);
    // A wait already longer than maxDelayMs (a 60 s rate-limit pause) still grows: up to base x 2^(maxAttempts-1), within the timer limit.
    const cap = base > settings.maxDelayMs ? Math.min(TIMER_LIMIT_MS, Math.max(settings.maxDelayMs, base * factor)) : settings.maxDelayMs;
    return { text: `Math.max(${base}, Math.random() * Math.min(${cap}, ${base} * 2 ** ${exponent}))`, floor: `${base} ms`, cap: `${cap} ms` };
  }
  const text = sourceCode.getText(delay);
  const floor = isSimple(delay) ? text : `(${text})`;
  // The value is known only at run time: the cap is the larger of maxDelayMs and floor x 2^(maxAttempts-1), within the timer limit.
  const cap = `Math.max(${settings.maxDelayMs}, Math.min(${TIMER_LIMIT_MS}, ${floor} * ${factor}))`;
  return {
    text: `Math.max(${floor}, Math.random() * Math.min(${cap}, ${floor} * 2 ** ${exponent}))`,
    floor: `${floor} ms`,
    cap: `${factor} times that (at least ${settings.maxDelayMs} ms)`,
  };
}

/** An exponential delay without randomness, given jitter above its own value (never shorter). */
function jitteredDelay(sourceCode: Readonly<TSESLint.SourceCode>, delay: Node): string {
  const text = sourceCode.getText(delay);
  return `${isSimple(delay) || delay.type === 'CallExpression' ? text : `(${text})`} * (1 + Math.random())`;
}

// ---------------------------------------------------------------------------
// Placing statements.

/** True when a line starting with `first` would continue the previous statement in a file without semicolons. */
function asiHazard(first: TSESTree.Token | null): boolean {
  if (!first) return false;
  if (first.type === 'Template' || first.type === 'RegularExpression') return true;
  return /^[([`+\-/]/.test(first.value);
}

/** The start of `statement` with the comments on the lines just above it (an `eslint-disable-next-line` stays on its line). */
function startWithLeadingComments(sourceCode: Readonly<TSESLint.SourceCode>, statement: Node): number {
  const text = sourceCode.text;
  let start = statement.range[0];
  const comments = sourceCode.getCommentsBefore(statement);
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    const between = text.slice(comment.range[1], start);
    // Directly above (one line break, nothing else) and alone on its line.
    if (between.trim() !== '' || (between.match(/\n/g) ?? []).length > 1 || !startsLine(text, comment.range[0])) break;
    start = comment.range[0];
  }
  return start;
}

/** The end of `statement` with the comments that follow it on its line. */
function endWithTrailingComments(sourceCode: Readonly<TSESLint.SourceCode>, statement: Node): number {
  let end = statement.range[1];
  for (const comment of sourceCode.getCommentsAfter(statement)) {
    if (comment.loc.start.line !== statement.loc.end.line) break;
    end = comment.range[1];
  }
  return end;
}

/** Statement texts joined in the file's style; the last one ends with `;` when the next line would otherwise join it. */
function joinStatements(statements: readonly string[], style: SourceStyle, indent: string, next: TSESTree.Token | null): string {
  return statements
    .map((s, i) => s + (style.semi || (i === statements.length - 1 && asiHazard(next)) ? ';' : ''))
    .join(`\n${indent}`);
}

/** Edits that put `statements` before `statement` (on their own lines when it starts one, else inline). */
function insertBefore(sourceCode: Readonly<TSESLint.SourceCode>, statement: Node, statements: readonly string[], style: SourceStyle): TextEdit {
  const text = sourceCode.text;
  // `;(await x)` in a file without semicolons: the new lines go above the leading `;`, which keeps protecting the line.
  const before = sourceCode.getTokenBefore(statement);
  const guard = before && before.value === ';' && before.range[1] === statement.range[0] && startsLine(text, before.range[0]) ? before : null;
  if (!guard && !startsLine(text, statement.range[0])) {
    return { range: [statement.range[0], statement.range[0]], text: statements.map((s) => `${s}; `).join('') };
  }
  if (guard) {
    const indent = lineIndent(text, guard.range[0]);
    return { range: [guard.range[0], guard.range[0]], text: `${joinStatements(statements, style, indent, guard)}\n${indent}` };
  }
  const at = startWithLeadingComments(sourceCode, statement);
  const indent = lineIndent(text, statement.range[0]);
  const next = sourceCode.getFirstToken(statement);
  return { range: [at, at], text: `${joinStatements(statements, style, indent, next)}\n${indent}` };
}

/** Edits that put `statements` after `statement` (and the comments on its line). */
function insertAfter(sourceCode: Readonly<TSESLint.SourceCode>, statement: Node, statements: readonly string[], style: SourceStyle): TextEdit {
  const text = sourceCode.text;
  const end = endWithTrailingComments(sourceCode, statement);
  const next = sourceCode.getTokenAfter(statement);
  if (!startsLine(text, statement.range[0]) || (next && next.loc.start.line === statement.loc.end.line && end === statement.range[1])) {
    return { range: [statement.range[1], statement.range[1]], text: statements.map((s) => ` ${s};`).join('') };
  }
  const indent = lineIndent(text, statement.range[0]);
  return { range: [end, end], text: `\n${indent}${joinStatements(statements, style, indent, next)}` };
}

/** Edits that put `statements` into an empty block (or one holding only comments). */
function insertIntoEmptyBlock(sourceCode: Readonly<TSESLint.SourceCode>, block: TSESTree.BlockStatement, statements: readonly string[], style: SourceStyle): TextEdit {
  const text = sourceCode.text;
  const outer = lineIndent(text, block.range[0]);
  const inner = outer + style.indentUnit;
  const close = block.range[1] - 1;
  const inside = text.slice(block.range[0] + 1, close);
  const closing = sourceCode.getLastToken(block);
  if (inside.trim() === '') return { range: [block.range[0], block.range[1]], text: `{\n${inner}${joinStatements(statements, style, inner, closing)}\n${outer}}` };
  if (startsLine(text, close)) {
    const closeIndent = lineIndent(text, close);
    const indent = closeIndent + style.indentUnit;
    return { range: [close, close], text: `${style.indentUnit}${joinStatements(statements, style, indent, closing)}\n${closeIndent}` };
  }
  return { range: [close, close], text: `${statements.map((s) => `${s};`).join(' ')} ` };
}

// ---------------------------------------------------------------------------
// Where the code retries.

/** The place new statements go: before a statement of a list, at the end of a block, or wrapping a lone `continue`. */
export type RetryPoint =
  | { kind: 'before'; statement: TSESTree.Statement }
  | { kind: 'end'; block: TSESTree.BlockStatement }
  | { kind: 'wrap'; statement: TSESTree.ContinueStatement };

/** The `continue` statements of `block` that go to the next iteration of the loop labelled `label` (or the innermost). */
function continuesOf(block: Node, label: string | null): TSESTree.ContinueStatement[] {
  const found: TSESTree.ContinueStatement[] = [];
  const visit = (node: Node, nestedLoop: boolean): void => {
    if (node !== block && isFunction(node)) return;
    if (node.type === 'ContinueStatement') {
      if (node.label ? node.label.name === label : !nestedLoop) found.push(node);
      return;
    }
    const inner = nestedLoop || (node !== block && isLoop(node));
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const item of value) { if (item && typeof item === 'object' && 'type' in item) visit(item as Node, inner); }
      else if (value && typeof value === 'object' && 'type' in value) visit(value as Node, inner);
    }
  };
  visit(block, false);
  return found;
}

/**
 * Where a failure handled by `block` goes on to the next attempt: its one
 * `continue` of the loop, or its end when it completes normally. Null when it
 * retries from several places.
 */
export function retryPointOf(block: TSESTree.BlockStatement, flow: FlowContext, endRetries: boolean): RetryPoint | null {
  const points: RetryPoint[] = [];
  for (const statement of continuesOf(block, flow.loopLabel)) {
    const parent = statement.parent;
    if (parent?.type === 'BlockStatement' || parent?.type === 'SwitchCase') points.push({ kind: 'before', statement });
    else points.push({ kind: 'wrap', statement });
  }
  if (endRetries && statementFlow(block, flow).normal) points.push({ kind: 'end', block });
  return points.length === 1 ? points[0]! : null;
}

/** Statements that may leave other than by throwing (a `return`, `break` or `continue` outside nested functions). */
function mayLeaveQuietly(statement: Node): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === 'ReturnStatement' || node.type === 'BreakStatement' || node.type === 'ContinueStatement') {
      found = true;
      return;
    }
    if (node !== statement && isFunction(node)) return;
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const item of value) { if (item && typeof item === 'object' && 'type' in item) visit(item as Node); }
      else if (value && typeof value === 'object' && 'type' in value) visit(value as Node);
    }
  };
  visit(statement);
  return found;
}

/** True when `statement` always ends the attempt's handling by a `throw`, `return` or `break` (a simple, conservative reading). */
function alwaysEnds(statement: Node): boolean {
  if (statement.type === 'ThrowStatement' || statement.type === 'ReturnStatement' || statement.type === 'BreakStatement') return true;
  if (statement.type === 'BlockStatement') return statement.body.some(alwaysEnds);
  if (statement.type === 'IfStatement') return !!statement.alternate && alwaysEnds(statement.consequent) && alwaysEnds(statement.alternate);
  return false;
}

/** True when a wait statement is `statement` or lies inside it (outside nested functions). */
function holdsWait(statement: Node, waitStatements: ReadonlySet<Node>): boolean {
  for (const wait of waitStatements) {
    if (wait === statement) return true;
    for (let node: Node | undefined = wait.parent; node; node = node.parent) {
      if (node === statement) return true;
      if (isFunction(node)) break;
    }
  }
  return false;
}

/** The branch of an `if`/`else` that goes on (a block), when the other branch always ends (the errors that are not retried). */
function retryingBranch(statement: Node): TSESTree.BlockStatement | null {
  if (statement.type !== 'IfStatement' || !statement.alternate) return null;
  const open = [statement.consequent, statement.alternate].filter((b) => !alwaysEnds(b));
  return open.length === 1 && open[0]!.type === 'BlockStatement' ? open[0] : null;
}

/**
 * The place before the last wait among `list[0..limit)`, looking into the
 * retrying branch of an `if`/`else` that sorts errors; null when a statement
 * that may leave quietly (or `barrier`) comes first.
 */
function waitPointIn(list: readonly TSESTree.Statement[], limit: number, waitStatements: ReadonlySet<Node>, barrier: Node | null): RetryPoint | null {
  for (let i = limit - 1; i >= 0; i--) {
    const statement = list[i]!;
    if (statement === barrier) return null;
    if (holdsWait(statement, waitStatements)) {
      // `if (fatal(err)) throw err; else { ...; await sleep(ms); }`: the count goes on the retrying path, after the sorting.
      const branch = retryingBranch(statement);
      const inner = branch && holdsWait(branch, waitStatements) ? waitPointIn(branch.body, branch.body.length, waitStatements, barrier) : null;
      if (inner) return inner;
      return mayLeaveQuietly(statement) ? null : { kind: 'before', statement };
    }
    if (mayLeaveQuietly(statement)) return null;
  }
  return null;
}

/**
 * Moves the insertion point up to an existing wait of the same statement list
 * (the wait itself, or an `if` holding it) when nothing between them can
 * leave other than by throwing: the bound is checked before the last wait,
 * not after it, so the last failure is rethrown without waiting. Looks into
 * the retrying branch of an `if`/`else` that sorts errors.
 */
function beforeWait(point: RetryPoint, waitStatements: ReadonlySet<Node>, barrier: Node | null = null): RetryPoint {
  const list = point.kind === 'end' ? point.block.body : point.kind === 'before' && point.statement.parent?.type === 'BlockStatement' ? point.statement.parent.body : null;
  if (!list) return point;
  return waitPointIn(list, point.kind === 'end' ? list.length : list.indexOf(point.statement), waitStatements, barrier) ?? point;
}

/** The edit that puts `statements` at `point`. */
function insertAt(sourceCode: Readonly<TSESLint.SourceCode>, point: RetryPoint, statements: readonly string[], style: SourceStyle): TextEdit {
  if (point.kind === 'before') return insertBefore(sourceCode, point.statement, statements, style);
  if (point.kind === 'wrap') {
    const original = sourceCode.getText(point.statement).replace(/;$/, '');
    return { range: point.statement.range, text: `{ ${statements.map((s) => `${s}; `).join('')}${original}; }` };
  }
  const last = point.block.body[point.block.body.length - 1];
  return last ? insertAfter(sourceCode, last, statements, style) : insertIntoEmptyBlock(sourceCode, point.block, statements, style);
}

// ---------------------------------------------------------------------------
// Words.

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(parts: readonly (string | null)[]): string {
  return `${capitalise(parts.filter((p): p is string => !!p).join('; '))}.`;
}

/** How a wait changes, in words. */
export type WaitChange =
  | { kind: 'new' }
  | { kind: 'grow'; floor: string; cap: string; count: number }
  | { kind: 'jitter' }
  | { kind: 'keep' };

function waitWords(change: WaitChange, settings: BackoffSettings): string {
  switch (change.kind) {
    case 'new':
      return `wait with capped exponential backoff and full jitter (up to ${settings.baseDelayMs} ms, doubling per failure, at most ${settings.maxDelayMs} ms) before each retry`;
    case 'grow':
      return `make the existing wait${change.count > 1 ? 's' : ''} grow exponentially with jitter from ${change.floor} (never shorter than before) up to ${change.cap}, keeping ${change.count > 1 ? 'them' : 'it'} where ${change.count > 1 ? 'they are' : 'it is'}`;
    case 'jitter':
      return 'add jitter to the existing growing wait (up to twice as long, never shorter)';
    case 'keep':
      return 'keep the existing wait as it is';
  }
}

// ---------------------------------------------------------------------------
// Hand-written loops.

/** A counter of failed attempts: at the retry point, the failures so far are `name + offset`. */
export interface FailureCounter {
  name: string;
  /** 0 when the counter already counts this failure (`retries++` earlier on the path); 1 when it counts the failures before it (`for (let i = 0; ...; i++)`). */
  offset: 0 | 1;
  /** Its increment on the failure path: new code goes after it. */
  increment?: Node;
}

export interface LoopRewriteInput {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** The loop statement, or the labelled statement around it. */
  statement: Node;
  handler: TSESTree.CatchClause;
  /** Where the failure goes on to the next attempt. */
  point: RetryPoint;
  /** An existing counter of failures to reuse, or null (then `newCounter` is declared before the loop). */
  counter: FailureCounter | null;
  /** The name of a new counter (unique in the function among all rewrites). */
  newCounter: string;
  /** The name of a new catch binding, when the catch has none and a rethrow needs one. */
  newError: string;
  /** Constant delays (literal, name or property path) of waits on the failure path: they grow in place. */
  growDelays: readonly Node[];
  /** Growing delays without randomness on the failure path: they get jitter (only when jitter is what is missing). */
  jitterDelays: readonly Node[];
  /** The statements of those waits (the bound goes before the last one when nothing between can leave). */
  waitStatements: ReadonlySet<Node>;
  /** The failure path already waits (so no new wait is added). */
  hasWait: boolean;
  /** How the last failure ends the retry: rethrow it, or return where nobody awaits the function (the catch already reports it). */
  stop: 'throw' | 'return';
  settings: BackoffSettings;
  style: SourceStyle;
}

/**
 * Rewrites a catch-based retry loop; `addBound` also limits the attempts.
 * See the file comment for what it keeps.
 */
export function rewriteRetryLoop(input: LoopRewriteInput, bound: boolean | 'endless'): RetryRewrite {
  const addBound = bound === true;
  const { sourceCode, statement, handler, settings, style } = input;
  const edits: TextEdit[] = [];
  const growing = input.growDelays.length > 0;
  const addWait = !input.hasWait;
  const needsCounter = addBound || growing || addWait;
  const counter: FailureCounter | null = needsCounter ? (input.counter ?? { name: input.newCounter, offset: 0 }) : null;
  const failures = counter ? (counter.offset === 0 ? counter.name : `${counter.name} + 1`) : '';
  const exponent = counter ? (counter.offset === 0 ? `(${counter.name} - 1)` : counter.name) : '';

  if (counter && !input.counter) {
    edits.push(insertBefore(sourceCode, statement, [`let ${counter.name} = 0`], style));
  }
  const statements: string[] = [];
  if (counter && !input.counter) statements.push(`${counter.name}++`);
  if (addBound) {
    let stop = 'return';
    if (input.stop === 'throw') {
      let errorName: string;
      if (handler.param && handler.param.type === 'Identifier') errorName = handler.param.name;
      else {
        errorName = input.newError;
        edits.push({ range: [handler.body.range[0], handler.body.range[0]], text: `(${errorName}) ` });
      }
      stop = `throw ${errorName}`;
    }
    statements.push(`if (${failures} >= ${settings.maxAttempts}) ${stop}`);
  }
  if (addWait) statements.push(backoffWaitStatement(exponent, settings, globalReference(sourceCode, handler.body, 'setTimeout')));
  // Where a new counter's increment goes: a wait before it (nested in an `if` the count cannot go before) sees one failure fewer.
  let newIncrementAt: number | null = null;
  if (statements.length > 0) {
    const point = addWait ? input.point : beforeWait(input.point, input.waitStatements, input.counter?.increment ?? null);
    if (counter && !input.counter) newIncrementAt = point.kind === 'end' ? point.block.range[1] : point.statement.range[0];
    edits.push(insertAt(sourceCode, point, statements, style));
  }

  let change: WaitChange = { kind: 'keep' };
  if (addWait) change = { kind: 'new' };
  else if (growing) {
    let floor = '';
    let cap = '';
    for (const delay of input.growDelays) {
      // A wait that runs before the counter (reused or new) counts this failure sees one failure fewer.
      const before =
        !!counter &&
        ((!!input.counter?.increment && delay.range[0] < input.counter.increment.range[0]) || (newIncrementAt !== null && delay.range[0] < newIncrementAt));
      const grown = grownDelay(sourceCode, delay, before && counter ? counter.name : exponent, settings);
      edits.push({ range: delay.range, text: grown.text });
      floor ||= grown.floor;
      cap ||= grown.cap;
    }
    change = { kind: 'grow', floor, cap, count: input.growDelays.length };
  } else if (input.jitterDelays.length > 0) {
    for (const delay of input.jitterDelays) edits.push({ range: delay.range, text: jitteredDelay(sourceCode, delay) });
    change = { kind: 'jitter' };
  }

  const parts: (string | null)[] = [];
  if (counter) parts.push(input.counter ? `count failures with the existing \`${counter.name}\`` : `count failures in a new \`${counter.name}\``);
  if (addBound) {
    parts.push(
      input.stop === 'throw'
        ? `after ${settings.maxAttempts} failed attempts rethrow the last error`
        : `after ${settings.maxAttempts} failed attempts stop retrying (return; the catch already reports the failure)`,
    );
  } else if (needsCounter) parts.push(keptLimitWords(bound));
  parts.push(waitWords(change, settings));
  return { edits, description: sentence(parts), backsOff: change.kind !== 'keep' };
}

// ---------------------------------------------------------------------------
// Recursion from a catch.

export interface RecursionRewriteInput {
  sourceCode: Readonly<TSESLint.SourceCode>;
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
  /** The recursive call, `return f(...)` in the catch. */
  call: TSESTree.CallExpression;
  returnStatement: TSESTree.ReturnStatement;
  handler: TSESTree.CatchClause;
  /** The name of the new attempt parameter. */
  counter: string;
  /** The name of a new catch binding, when the catch has none. */
  newError: string;
  growDelays: readonly Node[];
  waitStatements: ReadonlySet<Node>;
  hasWait: boolean;
  settings: BackoffSettings;
  style: SourceStyle;
}

/** Adds `, counter = 0` as the function's last parameter. */
function addParameter(sourceCode: Readonly<TSESLint.SourceCode>, fn: RecursionRewriteInput['fn'], counter: string): TextEdit | null {
  const lastParam = fn.params[fn.params.length - 1];
  if (lastParam) return { range: [lastParam.range[1], lastParam.range[1]], text: `, ${counter} = 0` };
  const closing = sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === ')' });
  return closing ? { range: [closing.range[0], closing.range[0]], text: `${counter} = 0` } : null;
}

/** Passes `counter + 1` as the call's last argument. */
function addArgument(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, counter: string): TextEdit | null {
  const lastArg = call.arguments[call.arguments.length - 1];
  if (lastArg) return { range: [lastArg.range[1], lastArg.range[1]], text: `, ${counter} + 1` };
  const closing = sourceCode.getLastToken(call);
  return closing ? { range: [closing.range[0], closing.range[0]], text: `${counter} + 1` } : null;
}

/**
 * Rewrites `async function f(a) { try {...} catch (e) { return f(a); } }`: an
 * attempt parameter (0 for the first call) passed as `attempt + 1` by the
 * recursive call; before the recursion (and before its wait) the catch
 * rethrows once `maxAttempts` attempts failed; an existing constant wait
 * grows in place, and a catch that does not wait gets a backoff wait.
 */
export function rewriteRecursiveRetry(input: RecursionRewriteInput, bound: boolean | 'endless'): RetryRewrite {
  const addBound = bound === true;
  const { sourceCode, fn, call, returnStatement, handler, settings, style, counter } = input;
  const edits: TextEdit[] = [];
  const addWait = !input.hasWait;
  const parameter = addParameter(sourceCode, fn, counter);
  const argument = addArgument(sourceCode, call, counter);
  if (parameter) edits.push(parameter);
  if (argument) edits.push(argument);
  const statements: string[] = [];
  if (addBound) {
    let errorName: string;
    if (handler.param && handler.param.type === 'Identifier') errorName = handler.param.name;
    else {
      errorName = input.newError;
      edits.push({ range: [handler.body.range[0], handler.body.range[0]], text: `(${errorName}) ` });
    }
    statements.push(`if (${counter} + 1 >= ${settings.maxAttempts}) throw ${errorName}`);
  }
  if (addWait) statements.push(backoffWaitStatement(counter, settings, globalReference(sourceCode, handler.body, 'setTimeout')));
  const point: RetryPoint = { kind: 'before', statement: returnStatement };
  if (statements.length > 0) edits.push(insertAt(sourceCode, addWait ? point : beforeWait(point, input.waitStatements), statements, style));
  let change: WaitChange = { kind: addWait ? 'new' : 'keep' };
  if (!addWait && input.growDelays.length > 0) {
    let floor = '';
    let cap = '';
    for (const delay of input.growDelays) {
      const grown = grownDelay(sourceCode, delay, counter, settings);
      edits.push({ range: delay.range, text: grown.text });
      floor ||= grown.floor;
      cap ||= grown.cap;
    }
    change = { kind: 'grow', floor, cap, count: input.growDelays.length };
  }
  const parts = [
    `add an \`${counter}\` parameter counting the attempts (the recursive call passes \`${counter} + 1\`)`,
    addBound ? `after ${settings.maxAttempts} failed attempts rethrow the last error` : keptLimitWords(bound),
    waitWords(change, settings),
  ];
  return { edits, description: sentence(parts), backsOff: change.kind !== 'keep' };
}

// ---------------------------------------------------------------------------
// Recursion from a promise's rejection handler.

export interface PromiseRecursionRewriteInput {
  sourceCode: Readonly<TSESLint.SourceCode>;
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
  /** The recursive call: the handler's expression body, or `return f(...)` in it. */
  call: TSESTree.CallExpression;
  /** The `.catch` / `onRejected` handler. */
  handler: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration;
  counter: string;
  newError: string;
  settings: BackoffSettings;
}

/**
 * Rewrites `const f = (a) => op(a).catch(() => f(a))`: an attempt parameter;
 * the handler rejects with the caught error once `maxAttempts` attempts
 * failed, otherwise waits with capped exponential backoff and full jitter,
 * then calls `f(a, attempt + 1)`.
 */
export function rewritePromiseRecursiveRetry(input: PromiseRecursionRewriteInput, bound: boolean | 'endless'): RetryRewrite {
  const addBound = bound === true;
  const { sourceCode, fn, call, handler, settings, counter } = input;
  const edits: TextEdit[] = [];
  const parameter = addParameter(sourceCode, fn, counter);
  if (parameter) edits.push(parameter);
  let errorName = '';
  if (addBound) {
    const first = handler.params[0];
    if (first && first.type === 'Identifier') errorName = first.name;
    else {
      errorName = input.newError;
      const closing = sourceCode.getTokenBefore(handler.body, { filter: (token) => token.value === ')' });
      if (closing) edits.push({ range: [closing.range[0], closing.range[0]], text: errorName });
    }
  }
  const setTimeoutName = globalReference(sourceCode, handler.body, 'setTimeout');
  const args = call.arguments.map((a) => sourceCode.getText(a));
  args.push(`${counter} + 1`);
  const retry = `${sourceCode.getText(call.callee)}(${args.join(', ')})`;
  const wait = `new Promise((resolve) => ${setTimeoutName}(resolve, ${fullJitterDelay(counter, settings)})).then(() => ${retry})`;
  const replacement = addBound ? `(${counter} + 1 >= ${settings.maxAttempts} ? Promise.reject(${errorName}) : ${wait})` : wait;
  edits.push({ range: call.range, text: replacement });
  const parts = [
    `add an \`${counter}\` parameter counting the attempts (the retry passes \`${counter} + 1\`)`,
    addBound ? `after ${settings.maxAttempts} failed attempts reject with the last error` : keptLimitWords(bound),
    waitWords({ kind: 'new' }, settings),
  ];
  return { edits, description: sentence(parts), backsOff: true };
}
