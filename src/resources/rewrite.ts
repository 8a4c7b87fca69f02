/**
 * The rewrite offered for an unguarded access: wrap the call with the
 * resource's `fix.wrap` template (`$CALL` is the original call's source text)
 * and add `fix.import` once. The template is parsed, never evaluated. The
 * result is a list of plain text edits, so the rule's suggestion and the
 * codemod apply the very same rewrite.
 */
import * as path from 'node:path';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import type { SharedResourceFix } from '../settings';

export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

export type WrapPlan = { edits: TextEdit[] } | { noFix: string };

export interface FileInfo {
  filename: string;
  cwd: string;
}

type Quote = "'" | '"';

// ---- template ------------------------------------------------------------

interface TemplateNode {
  type: string;
  range?: [number, number];
  [key: string]: unknown;
}

interface CallSlot {
  start: number;
  end: number;
  /** The template functions around this `$CALL`, innermost last. */
  functions: TemplateNode[];
  /** `new $CALL(...)`: the call needs parentheses. */
  needsParens: boolean;
}

interface ParsedTemplate {
  slots: CallSlot[];
  strings: { start: number; end: number; value: string }[];
}

const FUNCTION_TYPES = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration']);

function children(node: TemplateNode): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as TemplateNode).type === 'string') out.push(item as TemplateNode);
    } else if (value && typeof value === 'object' && typeof (value as TemplateNode).type === 'string') {
      out.push(value as TemplateNode);
    }
  }
  return out;
}

/** Parses `fix.wrap` (already validated by the settings getter). Offsets are into the template text. */
export function parseWrapTemplate(template: string): ParsedTemplate | null {
  let program: TemplateNode;
  try {
    program = espree.parse(`(${template}\n)`, { ecmaVersion: 'latest', sourceType: 'module', range: true }) as unknown as TemplateNode;
  } catch {
    return null;
  }
  const slots: CallSlot[] = [];
  const strings: ParsedTemplate['strings'] = [];
  const visit = (node: TemplateNode, functions: TemplateNode[], parent: TemplateNode | null): void => {
    const range = node.range!;
    if (node.type === 'Identifier' && node.name === '$CALL') {
      const needsParens = parent?.type === 'NewExpression' && parent.callee === node;
      slots.push({ start: range[0] - 1, end: range[1] - 1, functions, needsParens });
      return;
    }
    if (node.type === 'Literal' && typeof node.value === 'string') {
      strings.push({ start: range[0] - 1, end: range[1] - 1, value: node.value });
    }
    const inner = FUNCTION_TYPES.has(node.type) ? [...functions, node] : functions;
    for (const child of children(node)) visit(child, inner, node);
  };
  visit(program, [], null);
  return slots.length > 0 ? { slots, strings } : null;
}

/** What the call's own text contains outside nested functions: `await`, `yield`, `this`/`arguments`/`super`. */
function callTraits(call: TSESTree.Node): { awaits: boolean; yields: boolean; usesThis: boolean } {
  const traits = { awaits: false, yields: false, usesThis: false };
  // inArrow: inside a nested arrow (own await/yield); inFunction: inside a nested function or class (own this too).
  const visit = (node: TemplateNode, inArrow: boolean, inFunction: boolean): void => {
    const own = !inArrow && !inFunction;
    switch (node.type) {
      case 'AwaitExpression':
        if (own) traits.awaits = true;
        break;
      case 'ForOfStatement':
        if (own && node.await === true) traits.awaits = true;
        break;
      case 'YieldExpression':
        if (own) traits.yields = true;
        break;
      case 'ThisExpression':
      case 'Super':
        if (!inFunction) traits.usesThis = true;
        break;
      case 'Identifier':
        if (node.name === 'arguments' && !inFunction) traits.usesThis = true;
        break;
      default:
        break;
    }
    const nextArrow = inArrow || node.type === 'ArrowFunctionExpression';
    const nextFunction = inFunction || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody';
    for (const child of children(node)) visit(child, nextArrow, nextFunction);
  };
  visit(call as unknown as TemplateNode, false, false);
  return traits;
}

/** Substitutes `$CALL` in the template; null (with a reason) when the result would not be valid or would change meaning. */
export function renderWrap(template: string, callText: string, call: TSESTree.Node, quote: Quote | null): { text: string } | { noFix: string } {
  const parsed = parseWrapTemplate(template);
  if (!parsed) return { noFix: 'the fix.wrap template does not parse' };
  const traits = callTraits(call);
  for (const slot of parsed.slots) {
    if (traits.yields && slot.functions.length > 0) return { noFix: 'the call contains `yield`, which cannot move into the wrapper function' };
    if (traits.awaits && slot.functions.some((fn) => fn.async !== true)) {
      return { noFix: 'the call contains `await`, which cannot move into a non-async wrapper function' };
    }
    if (traits.usesThis && slot.functions.some((fn) => fn.type !== 'ArrowFunctionExpression')) {
      return { noFix: 'the call uses `this` or `arguments`, which a non-arrow wrapper function would change' };
    }
  }
  const replacements: { start: number; end: number; text: string }[] = parsed.slots.map((slot) => ({
    start: slot.start,
    end: slot.end,
    text: slot.needsParens ? `(${callText})` : callText,
  }));
  if (quote) {
    for (const literal of parsed.strings) {
      const raw = template.slice(literal.start, literal.end);
      if (raw[0] === quote || /['"\\\n\r]/.test(literal.value)) continue;
      replacements.push({ start: literal.start, end: literal.end, text: `${quote}${literal.value}${quote}` });
    }
  }
  replacements.sort((a, b) => b.start - a.start);
  let text = template;
  for (const replacement of replacements) text = text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
  return { text };
}

// ---- import --------------------------------------------------------------

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

function isRealFilename(filename: string): boolean {
  return filename.length > 0 && !filename.startsWith('<') && !filename.includes('<text>');
}

/** `from` as written in this file: a `./` specifier is relative to the ESLint cwd and rewritten relative to the file. */
export function importSpecifierFor(from: string, file: FileInfo): string {
  if (!from.startsWith('./')) return from;
  const target = path.resolve(file.cwd, from);
  const fileDir = isRealFilename(file.filename) ? path.dirname(path.resolve(file.cwd, file.filename)) : path.resolve(file.cwd);
  let relative = toPosix(path.relative(fileDir, target));
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];

function stripExtension(specifier: string): string {
  for (const extension of EXTENSIONS) if (specifier.endsWith(extension)) return specifier.slice(0, -extension.length);
  return specifier;
}

/** Two specifiers written in the same file name the same module. */
function sameModule(written: string, wanted: string, file: FileInfo): boolean {
  if (written === wanted) return true;
  if (!written.startsWith('.') || !wanted.startsWith('.') || !isRealFilename(file.filename)) {
    return stripExtension(written) === stripExtension(wanted);
  }
  const dir = path.dirname(path.resolve(file.cwd, file.filename));
  return stripExtension(path.resolve(dir, written)) === stripExtension(path.resolve(dir, wanted));
}

function stringValue(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

function requireSource(node: TSESTree.Node | null | undefined): TSESTree.Literal | null {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const arg = node.arguments[0];
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? arg : null;
}

/** A top-level `const x = require('m')` (or destructured). */
function topLevelRequire(statement: TSESTree.ProgramStatement): TSESTree.Literal | null {
  if (statement.type !== 'VariableDeclaration') return null;
  for (const declarator of statement.declarations) {
    const source = requireSource(declarator.init);
    if (source) return source;
  }
  return null;
}

/** The file's quote style: from its imports and requires, else its first string, else single. */
export function fileQuote(sourceCode: Readonly<TSESLint.SourceCode>): Quote {
  for (const statement of sourceCode.ast.body) {
    const literal = statement.type === 'ImportDeclaration' ? statement.source : topLevelRequire(statement);
    if (literal && (literal.raw[0] === '"' || literal.raw[0] === "'")) return literal.raw[0] as Quote;
  }
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type === 'String' && (token.value[0] === '"' || token.value[0] === "'")) return token.value[0] as Quote;
  }
  return "'";
}

function quoted(value: string, quote: Quote): string {
  const escaped = value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

function usesSemicolons(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node | undefined): boolean {
  if (!statement) return true;
  return sourceCode.getText(statement).trimEnd().endsWith(';');
}

function isCommonJs(program: TSESTree.Program, filename: string): boolean {
  if (program.body.some((s) => s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' || s.type === 'ExportAllDeclaration')) {
    return false;
  }
  if (filename.endsWith('.cjs') || filename.endsWith('.cts')) return true;
  if ((program.sourceType as string) === 'script' || (program.sourceType as string) === 'commonjs') return true;
  return program.body.some((statement) => topLevelRequire(statement) !== null);
}

/** Where a variable comes from, if it is an import or a require of a module: the specifier and imported name ('default' for default). */
function importedFrom(variable: TSESLint.Scope.Variable): { source: string; imported: string } | null {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return null;
  if (def.type === 'ImportBinding') {
    const node = def.node as TSESTree.Node;
    const declaration = def.parent as TSESTree.Node | null;
    if (declaration?.type !== 'ImportDeclaration' || declaration.importKind === 'type') return null;
    if (node.type === 'ImportSpecifier') {
      if (node.importKind === 'type') return null;
      return { source: declaration.source.value, imported: node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value) };
    }
    if (node.type === 'ImportDefaultSpecifier') return { source: declaration.source.value, imported: 'default' };
    return null;
  }
  if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    const source = requireSource(declarator.init);
    if (!source) return null;
    if (declarator.id.type === 'Identifier') return { source: source.value as string, imported: 'default' };
    if (declarator.id.type === 'ObjectPattern') {
      for (const property of declarator.id.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        if (value.type === 'Identifier' && value.name === variable.name) return { source: source.value as string, imported: property.key.name };
      }
    }
  }
  return null;
}

/** The edits that make `fix.import` available where `call` is, or a reason why no correct edit exists. */
export function planImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.Node,
  fixImport: NonNullable<SharedResourceFix['import']>,
  file: FileInfo,
  quote: Quote,
): { edits: TextEdit[] } | { noFix: string } {
  const local = (fixImport.named ?? fixImport.default)!;
  const imported = fixImport.named ?? 'default';
  const specifier = importSpecifierFor(fixImport.from, file);
  const variable = ASTUtils.findVariable(sourceCode.getScope(call), local);
  if (variable && variable.defs.length > 0) {
    const origin = importedFrom(variable);
    const topLevel = variable.scope.block.type === 'Program';
    if (topLevel && origin && origin.imported === imported && sameModule(origin.source, specifier, file)) return { edits: [] };
    return { noFix: `\`${local}\` already names something else in this file` };
  }
  const program = sourceCode.ast;
  const body = program.body;
  // Add a named specifier to an existing import of the same module.
  if (fixImport.named) {
    for (const statement of body) {
      if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
      if (!sameModule(statement.source.value, specifier, file)) continue;
      const named = statement.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === 'ImportSpecifier');
      const last = named[named.length - 1];
      const spec = fixImport.named === local ? local : `${fixImport.named} as ${local}`;
      if (last) return { edits: [{ range: [last.range[1], last.range[1]], text: `, ${spec}` }] };
      const only = statement.specifiers[0];
      if (statement.specifiers.length === 1 && only?.type === 'ImportDefaultSpecifier') {
        return { edits: [{ range: [only.range[1], only.range[1]], text: `, { ${spec} }` }] };
      }
    }
  }
  const imports = body.filter((s) => s.type === 'ImportDeclaration');
  const commonJs = imports.length === 0 && isCommonJs(program, file.filename);
  const anchorList = commonJs ? body.filter((s) => topLevelRequire(s) !== null) : imports;
  const anchor = anchorList[anchorList.length - 1];
  const semi = usesSemicolons(sourceCode, anchor ?? body.find((s) => !(s.type === 'ExpressionStatement' && s.directive)) ?? undefined) ? ';' : '';
  const source = quoted(specifier, quote);
  let text: string;
  if (commonJs) {
    text = fixImport.named ? `const { ${fixImport.named === local ? local : `${fixImport.named}: ${local}`} } = require(${source})${semi}` : `const ${local} = require(${source})${semi}`;
  } else {
    text = fixImport.named ? `import { ${local} } from ${source}${semi}` : `import ${local} from ${source}${semi}`;
  }
  if (anchor) return { edits: [{ range: [anchor.range[1], anchor.range[1]], text: `\n${text}` }] };
  const directives = body.filter((s) => s.type === 'ExpressionStatement' && s.directive);
  const lastDirective = directives[directives.length - 1];
  if (lastDirective) return { edits: [{ range: [lastDirective.range[1], lastDirective.range[1]], text: `\n${text}` }] };
  const first = body[0];
  if (!first) return { edits: [{ range: [program.range[1], program.range[1]], text: `${text}\n` }] };
  const comments = sourceCode.getCommentsBefore(first);
  // Keep a leading shebang or header comment above the import.
  const start = comments.length > 0 ? comments[comments.length - 1]!.range[1] : first.range[0];
  return comments.length > 0
    ? { edits: [{ range: [start, start], text: `\n${text}` }] }
    : { edits: [{ range: [start, start], text: `${text}\n` }] };
}

/**
 * The full rewrite of one call: wrap it with `fix.wrap` and add `fix.import`
 * once. Reusable: the codemod applies these edits.
 */
export function planWrap(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.Node, fix: SharedResourceFix, file: FileInfo): WrapPlan {
  const quote = fileQuote(sourceCode);
  const rendered = renderWrap(fix.wrap, sourceCode.getText(call), call, quote);
  if ('noFix' in rendered) return rendered;
  const edits: TextEdit[] = [];
  if (fix.import) {
    const planned = planImport(sourceCode, call, fix.import, file, quote);
    if ('noFix' in planned) return planned;
    edits.push(...planned.edits);
  }
  edits.push({ range: call.range, text: rendered.text });
  edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return { edits };
}
