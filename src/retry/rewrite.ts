/**
 * The rewrites offered as suggestions by `no-unbounded-retry` and
 * `require-retry-backoff`, and applied in bulk by the `add-retry-backoff`
 * codemod. Each rewrite is a list of plain text edits on the original source,
 * so it can be applied by ESLint's fixer or by `applyEdits` directly.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import type { Node } from './ast';

export interface Edit {
  range: readonly [number, number];
  text: string;
}

export interface BackoffSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.range[0] < position) throw new Error('eslint-plugin-resilience: overlapping retry rewrite edits');
    out += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return out + text.slice(position);
}

/** The ESLint fix function of a list of edits. */
export function editsToFix(edits: readonly Edit[]): TSESLint.ReportFixFunction {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
}

// ---------------------------------------------------------------------------
// Source style.

export interface SourceStyle {
  indentUnit: string;
  quote: "'" | '"';
  semi: boolean;
}

/** Leading whitespace of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** True when only whitespace precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = lineStart; i < offset; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** Indentation unit, quote and semicolon style, read from the file itself. */
export function detectStyle(sourceCode: Readonly<TSESLint.SourceCode>): SourceStyle {
  const text = sourceCode.text;
  let indentUnit = '  ';
  const counts = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    const trimmed = line.trimStart();
    if (trimmed.startsWith('*')) continue;
    const lead = line.length - trimmed.length;
    if (line.startsWith('\t')) tabs++;
    else if (lead > 0) spaces++;
    if (!line.startsWith('\t')) {
      const delta = lead - previous;
      if (delta > 0) counts.set(delta, (counts.get(delta) ?? 0) + 1);
      previous = lead;
    }
  }
  if (tabs > spaces) indentUnit = '\t';
  else {
    let best = 2;
    let bestCount = 0;
    for (const [delta, count] of counts) if (count > bestCount && delta <= 8) { best = delta; bestCount = count; }
    indentUnit = ' '.repeat(best);
  }
  let single = 0;
  let double = 0;
  let withSemi = 0;
  let withoutSemi = 0;
  for (const token of sourceCode.ast.tokens) {
    if (token.type === 'String') {
      if (token.value.startsWith("'")) single++;
      else if (token.value.startsWith('"')) double++;
    }
  }
  // Semicolons: the last token of the file's first statements that can end with one.
  const stack: TSESTree.Node[] = [sourceCode.ast];
  let seen = 0;
  while (stack.length > 0 && seen < 200) {
    const node = stack.pop()!;
    const endsWithSemi =
      node.type === 'ExpressionStatement' || node.type === 'ReturnStatement' || node.type === 'ThrowStatement' ||
      node.type === 'BreakStatement' || node.type === 'ContinueStatement' || node.type === 'ImportDeclaration' ||
      (node.type === 'VariableDeclaration' && node.parent?.type !== 'ForStatement' && node.parent?.type !== 'ForInStatement' && node.parent?.type !== 'ForOfStatement');
    if (endsWithSemi) {
      seen++;
      const last = sourceCode.getLastToken(node);
      if (last && last.value === ';') withSemi++;
      else withoutSemi++;
    }
    const record = node as unknown as Record<string, unknown>;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = record[key];
      if (Array.isArray(value)) { for (const item of value) if (item && typeof item === 'object') stack.push(item as TSESTree.Node); }
      else if (value && typeof value === 'object') stack.push(value as TSESTree.Node);
    }
  }
  return { indentUnit, quote: double > single ? '"' : "'", semi: withSemi >= withoutSemi };
}

export function quoted(value: string, style: SourceStyle): string {
  const q = style.quote;
  return q + value.replace(/\\/g, '\\\\').split(q).join(`\\${q}`) + q;
}

/** A name not used in `within` nor visible from its scope: `base`, then the alternatives, then `base1`, `base2`... */
export function freshName(sourceCode: Readonly<TSESLint.SourceCode>, within: Node, base: string, alternatives: readonly string[] = []): string {
  const used = new Set<string>();
  for (const token of sourceCode.getTokens(within)) if (token.type === 'Identifier') used.add(token.value);
  const scope = sourceCode.getScope(within);
  const taken = (name: string) => used.has(name) || ASTUtils.findVariable(scope, name) !== null;
  if (!taken(base)) return base;
  for (const name of alternatives) if (!taken(name)) return name;
  for (let i = 1; ; i++) if (!taken(`${base}${i}`)) return `${base}${i}`;
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
  /** The file's style (see `detectStyle`), computed once per file. */
  style: SourceStyle;
}

/**
 * Rewrites a catch-based retry loop: a counter before the loop; at the top of
 * the `catch` (after leading guards that leave), count the failure, rethrow
 * the caught error once `maxAttempts` attempts failed, and wait
 * `random() * min(maxDelayMs, baseDelayMs * 2 ** (failures - 1))` ms. The
 * old waits of the failure path (given by the analysis) are removed.
 */
export function rewriteRetryLoop(input: LoopRewriteInput): Edit[] {
  const { sourceCode, statement, handler, settings } = input;
  const text = sourceCode.text;
  const style = input.style;
  const end = style.semi ? ';' : '';
  const edits: Edit[] = [];

  const counter = freshName(sourceCode, input.owner, 'attempt', ['failedAttempts', 'retryAttempt']);
  let errorName: string;
  if (handler.param && handler.param.type === 'Identifier') {
    errorName = handler.param.name;
  } else {
    errorName = freshName(sourceCode, input.owner, 'error', ['caughtError', 'retryError']);
    edits.push({ range: [handler.body.range[0], handler.body.range[0]], text: `(${errorName}) ` });
  }
  const scope = sourceCode.getScope(handler.body);
  const setTimeoutName = ASTUtils.findVariable(scope, 'setTimeout') ? 'globalThis.setTimeout' : 'setTimeout';

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
    edits.push({ range: removalRange(text, wait), text: '' });
  }
  return edits;
}

function isLeavingStatement(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ThrowStatement' || statement.type === 'ReturnStatement') return true;
  if (statement.type === 'BlockStatement') return statement.body.some((s) => s.type === 'ThrowStatement' || s.type === 'ReturnStatement');
  return false;
}

/** The range to delete a statement: its whole line when it is alone on it. */
function removalRange(text: string, node: Node): [number, number] {
  const [start, end] = node.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  if (startsLine(text, start) && (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r')) {
    if (text[lineEnd] === '\r') lineEnd++;
    if (text[lineEnd] === '\n') lineEnd++;
    return [lineStart, lineEnd];
  }
  return [start, end];
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
export function rewriteRecursiveRetry(input: RecursionRewriteInput): Edit[] {
  const { sourceCode, fn, call, returnStatement, handler, settings } = input;
  const text = sourceCode.text;
  const style = input.style;
  const end = style.semi ? ';' : '';
  const edits: Edit[] = [];
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
  const setTimeoutName = ASTUtils.findVariable(sourceCode.getScope(handler.body), 'setTimeout') ? 'globalThis.setTimeout' : 'setTimeout';
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
  for (const wait of input.waits) edits.push({ range: removalRange(text, wait), text: '' });
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
export function rewritePromiseRecursiveRetry(input: PromiseRecursionRewriteInput): Edit[] {
  const { sourceCode, fn, call, handler, settings } = input;
  const edits: Edit[] = [];
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
  const setTimeoutName = ASTUtils.findVariable(sourceCode.getScope(handler.body), 'setTimeout') ? 'globalThis.setTimeout' : 'setTimeout';
  const args = call.arguments.map((a) => sourceCode.getText(a));
  args.push(`${counter} + 1`);
  const retry = `${sourceCode.getText(call.callee)}(${args.join(', ')})`;
  const wait =
    `new Promise((resolve) => ${setTimeoutName}(resolve, Math.random() * Math.min(${settings.maxDelayMs}, ${settings.baseDelayMs} * 2 ** ${counter}))).then(() => ${retry})`;
  const replacement = input.addBound ? `(${counter} + 1 >= ${settings.maxAttempts} ? Promise.reject(${errorName}) : ${wait})` : wait;
  edits.push({ range: call.range, text: replacement });
  return edits;
}
