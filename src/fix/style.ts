/**
 * The source style of a file (indent unit, quotes, semicolons), read once
 * per file and shared by every rewrite, plus the line helpers the rewrites use
 * to place new code. The per-file cache is keyed by the `SourceCode` object,
 * so nothing outlives the file. Rewrites write `\n`; the codemod engine turns
 * it into CRLF in a file whose line ending is CRLF (`usesCrlf`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type Quote = "'" | '"';

export interface SourceStyle {
  indentUnit: string;
  quote: Quote;
  semi: boolean;
}

const cache = new WeakMap<object, SourceStyle>();

/** The file's style, computed on first use and cached for this `SourceCode`. */
export function sourceStyle(sourceCode: Readonly<TSESLint.SourceCode>): SourceStyle {
  let style = cache.get(sourceCode);
  if (!style) {
    style = {
      indentUnit: detectIndentUnit(sourceCode.text),
      quote: detectQuote(sourceCode),
      semi: detectSemicolons(sourceCode),
    };
    cache.set(sourceCode, style);
  }
  return style;
}

/** True when the text's line breaks are CRLF (at least one CRLF and no lone LF). */
export function usesCrlf(text: string): boolean {
  let crlf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else return false;
  }
  return crlf > 0;
}

/** Tabs when more lines start with a tab, else the most frequent indent step (2 by default). */
function detectIndentUnit(text: string): string {
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
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [delta, count] of counts) if (count > bestCount && delta <= 8) { best = delta; bestCount = count; }
  return ' '.repeat(best);
}

/** The quote of the file's module specifiers (imports, top-level requires); without any, the more frequent quote of its strings. */
function detectQuote(sourceCode: Readonly<TSESLint.SourceCode>): Quote {
  for (const statement of sourceCode.ast.body) {
    const literal = statement.type === 'ImportDeclaration' ? statement.source : topLevelRequire(statement);
    if (literal && (literal.raw[0] === '"' || literal.raw[0] === "'")) return literal.raw[0] as Quote;
  }
  let single = 0;
  let double = 0;
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== 'String') continue;
    if (token.value.startsWith("'")) single++;
    else if (token.value.startsWith('"')) double++;
  }
  return double > single ? '"' : "'";
}

/** Semicolons when at least half of the file's first statements that can end with one do. */
function detectSemicolons(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let withSemi = 0;
  let withoutSemi = 0;
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
  return withSemi >= withoutSemi;
}

/** The string literal of `require('m')`, or null. */
export function requireSource(node: TSESTree.Node | null | undefined): TSESTree.StringLiteral | null {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const arg = node.arguments[0];
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? (arg as TSESTree.StringLiteral) : null;
}

/** The module literal of a top-level `const x = require('m')` (or destructured). */
export function topLevelRequire(statement: TSESTree.ProgramStatement): TSESTree.StringLiteral | null {
  if (statement.type !== 'VariableDeclaration') return null;
  for (const declarator of statement.declarations) {
    const source = requireSource(declarator.init);
    if (source) return source;
  }
  return null;
}

/** `value` as a string literal in `quote`. */
export function quoted(value: string, quote: Quote): string {
  return quote + value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) + quote;
}

// ---------------------------------------------------------------------------
// Lines.

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

/** The range that deletes `range` (a statement): its whole line when it is alone on it. */
export function removalRange(text: string, range: readonly [number, number]): [number, number] {
  const [start, end] = range;
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
