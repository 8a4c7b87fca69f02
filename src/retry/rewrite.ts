/**
 * The rewrites offered as suggestions by `no-unbounded-retry` and
 * `require-retry-backoff`, and applied in bulk by the `add-retry-backoff`
 * codemod. Each rewrite is a list of text edits on the original source
 * (src/fix/edits.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TextEdit } from '../fix/edits';
import { freshName, globalReference } from '../fix/names';
import { lineIndent, removalRange, type SourceStyle, startsLine } from '../fix/style';
import type { Node } from './ast';

export interface BackoffSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

// ---------------------------------------------------------------------------
// Hand-written loops.

/** The statement that waits with capped exponential backoff and full jitter; `attemptExpr` is 0 for the first wait. */
export function backoffWaitStatement(attemptExpr: string, settings: BackoffSettings, setTimeoutName: string, semi: boolean): string {
  return (
    `await new Promise((resolve) => ${setTimeoutName}(resolve, Math.random() * Math.min(${settings.maxDelayMs}, ${settings.baseDelayMs} * 2 ** ${attemptExpr})))` +
    (semi ? ';' : '')
  );
}

export interface LoopRewriteInput {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** The loop statement, or the labelled statement around it. */
  statement: Node;
  /** The function or program whose identifiers the new names must avoid. */
  owner: Node;
  handler: TSESTree.CatchClause;
  /** Wait statements of the loop to replace (expression statements in a statement list). */
  waits: readonly TSESTree.ExpressionStatement[];
  /** Add the attempt limit (false when the loop is already bounded). */
  addBound: boolean;
  settings: BackoffSettings;
  /** The file's style (see `sourceStyle`). */
  style: SourceStyle;
}

/**
 * Rewrites a catch-based retry loop: a counter before the loop; at the top of
 * the `catch` (after leading guards that leave), count the failure, rethrow
 * the caught error once `maxAttempts` attempts failed, and wait
 * `random() * min(maxDelayMs, baseDelayMs * 2 ** (failures - 1))` ms. The
 * old waits of the failure path (given by the analysis) are removed.
 */
export function rewriteRetryLoop(input: LoopRewriteInput): TextEdit[] {
  const { sourceCode, statement, handler, settings } = input;
  const text = sourceCode.text;
  const style = input.style;
  const end = style.semi ? ';' : '';
  const edits: TextEdit[] = [];

  const counter = freshName(sourceCode, input.owner, 'attempt', ['failedAttempts', 'retryAttempt']);
  let errorName: string;
  if (handler.param && handler.param.type === 'Identifier') {
    errorName = handler.param.name;
  } else {
    errorName = freshName(sourceCode, input.owner, 'error', ['caughtError', 'retryError']);
    edits.push({ range: [handler.body.range[0], handler.body.range[0]], text: `(${errorName}) ` });
  }
  const setTimeoutName = globalReference(sourceCode, handler.body, 'setTimeout');

  // On its own line before the loop, or inline when the loop shares its line (`{ while (true) ...`).
  const ownLine = startsLine(text, statement.range[0]);
  const declaration = ownLine ? `let ${counter} = 0${end}\n${lineIndent(text, statement.range[0])}` : `let ${counter} = 0; `;
  edits.push({ range: [statement.range[0], statement.range[0]], text: declaration });

  const statements = [`${counter}++`];
  if (input.addBound) statements.push(`if (${counter} >= ${settings.maxAttempts}) throw ${errorName}`);
  statements.push(backoffWaitStatement(`(${counter} - 1)`, settings, setTimeoutName, false));
  // On their own lines in the file's semicolon style; inline (one-line code) always with semicolons.
  const lines = statements.map((t) => t + end);
  const inline = statements.map((t) => `${t};`);

  const body = handler.body.body;
  const waitSet = new Set<Node>(input.waits);
  let index = 0;
  while (index < body.length) {
    const s = body[index]!;
    if (s.type === 'IfStatement' && !s.alternate && isLeavingStatement(s.consequent)) index++;
    else break;
  }
  let replaced: Node | null = null;
  const target = body[index];
  if (target) {
    const indent = lineIndent(text, target.range[0]);
    const own = startsLine(text, target.range[0]);
    const joined = own ? lines.join(`\n${indent}`) : inline.join(' ');
    if (waitSet.has(target)) {
      replaced = target;
      edits.push({ range: [target.range[0], target.range[1]], text: joined });
    } else {
      edits.push({ range: [target.range[0], target.range[0]], text: joined + (own ? `\n${indent}` : ' ') });
    }
  } else if (body.length > 0) {
    const last = body[body.length - 1]!;
    const indent = lineIndent(text, last.range[0]);
    const own = startsLine(text, last.range[0]);
    edits.push({ range: [last.range[1], last.range[1]], text: own ? `\n${indent}${lines.join(`\n${indent}`)}` : ` ${inline.join(' ')}` });
  } else {
    const outer = lineIndent(text, handler.body.range[0]);
    const inner = outer + style.indentUnit;
    const close = handler.body.range[1] - 1;
    const inside = text.slice(handler.body.range[0] + 1, close);
    if (inside.trim() === '') {
      edits.push({ range: [handler.body.range[0], handler.body.range[1]], text: `{\n${inner}${lines.join(`\n${inner}`)}\n${outer}}` });
    } else if (startsLine(text, close)) {
      // Only comments inside: keep them, and add the statements after them.
      const closeIndent = lineIndent(text, close);
      edits.push({ range: [close, close], text: `${style.indentUnit}${lines.join(`\n${closeIndent}${style.indentUnit}`)}\n${closeIndent}` });
    } else {
      edits.push({ range: [close, close], text: `${inline.join(' ')} ` });
    }
  }

  for (const wait of input.waits) {
    if (wait === replaced) continue;
    edits.push({ range: removalRange(text, wait.range), text: '' });
  }
  return edits;
}

function isLeavingStatement(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ThrowStatement' || statement.type === 'ReturnStatement') return true;
  if (statement.type === 'BlockStatement') return statement.body.some((s) => s.type === 'ThrowStatement' || s.type === 'ReturnStatement');
  return false;
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
  /** Wait statements of the catch to remove. */
  waits: readonly TSESTree.ExpressionStatement[];
  addBound: boolean;
  settings: BackoffSettings;
  style: SourceStyle;
}

/**
 * Rewrites `async function f(a) { try {...} catch (e) { return f(a); } }`: an
 * `attempt = 0` parameter, passed as `attempt + 1` by the recursive call; the
 * catch rethrows once `maxAttempts` attempts failed and waits with capped
 * exponential backoff and full jitter before recursing.
 */
export function rewriteRecursiveRetry(input: RecursionRewriteInput): TextEdit[] {
  const { sourceCode, fn, call, returnStatement, handler, settings } = input;
  const text = sourceCode.text;
  const style = input.style;
  const end = style.semi ? ';' : '';
  const edits: TextEdit[] = [];
  const counter = freshName(sourceCode, fn, 'attempt', ['failedAttempts', 'retryAttempt']);

  const lastParam = fn.params[fn.params.length - 1];
  if (lastParam) {
    edits.push({ range: [lastParam.range[1], lastParam.range[1]], text: `, ${counter} = 0` });
  } else {
    const closing = sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === ')' });
    if (closing) edits.push({ range: [closing.range[0], closing.range[0]], text: `${counter} = 0` });
  }

  let errorName: string;
  if (handler.param && handler.param.type === 'Identifier') errorName = handler.param.name;
  else {
    errorName = freshName(sourceCode, fn, 'error', ['caughtError', 'retryError']);
    edits.push({ range: [handler.body.range[0], handler.body.range[0]], text: `(${errorName}) ` });
  }
  const setTimeoutName = globalReference(sourceCode, handler.body, 'setTimeout');
  const statements: string[] = [];
  if (input.addBound) statements.push(`if (${counter} + 1 >= ${settings.maxAttempts}) throw ${errorName}`);
  statements.push(backoffWaitStatement(counter, settings, setTimeoutName, false));
  const indent = lineIndent(text, returnStatement.range[0]);
  const own = startsLine(text, returnStatement.range[0]);
  const inserted = own ? statements.map((t) => t + end).join(`\n${indent}`) + `\n${indent}` : `${statements.map((t) => `${t};`).join(' ')} `;
  edits.push({ range: [returnStatement.range[0], returnStatement.range[0]], text: inserted });

  const lastArg = call.arguments[call.arguments.length - 1];
  if (lastArg) edits.push({ range: [lastArg.range[1], lastArg.range[1]], text: `, ${counter} + 1` });
  else {
    const closing = sourceCode.getLastToken(call);
    if (closing) edits.push({ range: [closing.range[0], closing.range[0]], text: `${counter} + 1` });
  }
  for (const wait of input.waits) edits.push({ range: removalRange(text, wait.range), text: '' });
  return edits;
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
  addBound: boolean;
  settings: BackoffSettings;
}

/**
 * Rewrites `const f = (a) => op(a).catch(() => f(a))`: an `attempt = 0`
 * parameter; the handler rejects with the caught error once `maxAttempts`
 * attempts failed, otherwise waits with capped exponential backoff and full
 * jitter, then calls `f(a, attempt + 1)`.
 */
export function rewritePromiseRecursiveRetry(input: PromiseRecursionRewriteInput): TextEdit[] {
  const { sourceCode, fn, call, handler, settings } = input;
  const edits: TextEdit[] = [];
  const counter = freshName(sourceCode, fn, 'attempt', ['failedAttempts', 'retryAttempt']);
  const lastParam = fn.params[fn.params.length - 1];
  if (lastParam) edits.push({ range: [lastParam.range[1], lastParam.range[1]], text: `, ${counter} = 0` });
  else {
    const closing = sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === ')' });
    if (closing) edits.push({ range: [closing.range[0], closing.range[0]], text: `${counter} = 0` });
  }
  let errorName: string;
  const first = handler.params[0];
  if (first && first.type === 'Identifier') errorName = first.name;
  else {
    errorName = freshName(sourceCode, fn, 'error', ['caughtError', 'retryError']);
    const closing = sourceCode.getTokenBefore(handler.body, { filter: (token) => token.value === ')' });
    if (closing) edits.push({ range: [closing.range[0], closing.range[0]], text: errorName });
  }
  const setTimeoutName = globalReference(sourceCode, handler.body, 'setTimeout');
  const args = call.arguments.map((a) => sourceCode.getText(a));
  args.push(`${counter} + 1`);
  const retry = `${sourceCode.getText(call.callee)}(${args.join(', ')})`;
  const wait =
    `new Promise((resolve) => ${setTimeoutName}(resolve, Math.random() * Math.min(${settings.maxDelayMs}, ${settings.baseDelayMs} * 2 ** ${counter}))).then(() => ${retry})`;
  const replacement = input.addBound ? `(${counter} + 1 >= ${settings.maxAttempts} ? Promise.reject(${errorName}) : ${wait})` : wait;
  edits.push({ range: call.range, text: replacement });
  return edits;
}
