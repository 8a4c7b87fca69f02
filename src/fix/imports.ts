/**
 * The one import inserter of the rewrites: make a module's export available
 * at a node, by reusing an import that is already there, adding a specifier
 * to an existing import (or destructured `require`) of the module, or adding
 * an `import` / `require` line once, in the file's style.
 */
import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import type { TextEdit } from './edits';
import { quoted, requireSource, type SourceStyle, topLevelRequire } from './style';

/** What to import: a named export or the default export of `from`, under the same local name. */
export interface ImportRequest {
  from: string;
  named?: string;
  default?: string;
}

export interface FileInfo {
  filename: string;
  cwd: string;
}

export type ImportPlan = { edits: TextEdit[] } | { noFix: string };

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
    if (declarator.id.type === 'Identifier') return { source: source.value, imported: 'default' };
    if (declarator.id.type === 'ObjectPattern') {
      for (const property of declarator.id.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        if (value.type === 'Identifier' && value.name === variable.name) return { source: source.value, imported: property.key.name };
      }
    }
  }
  return null;
}

/**
 * The edit that adds the named specifier `imported` (as `local`) to an
 * existing import declaration: after its last named specifier, or as
 * `, { name }` after a lone default specifier. Null when neither fits.
 */
export function addImportSpecifier(declaration: TSESTree.ImportDeclaration, imported: string, local = imported): TextEdit | null {
  const named = declaration.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === 'ImportSpecifier');
  const last = named[named.length - 1];
  const spec = imported === local ? local : `${imported} as ${local}`;
  if (last) return { range: [last.range[1], last.range[1]], text: `, ${spec}` };
  const only = declaration.specifiers[0];
  if (declaration.specifiers.length === 1 && only?.type === 'ImportDefaultSpecifier') return { range: [only.range[1], only.range[1]], text: `, { ${spec} }` };
  return null;
}

/** The edit that adds `imported` (as `local`) to a destructured `require`: `const { a } = require('m')`. Null after a rest element. */
export function addRequireProperty(pattern: TSESTree.ObjectPattern, imported: string, local = imported): TextEdit | null {
  const last = pattern.properties[pattern.properties.length - 1];
  if (!last || last.type === 'RestElement') return null;
  return { range: [last.range[1], last.range[1]], text: `, ${imported === local ? local : `${imported}: ${local}`}` };
}

/** The edits that make `request` available where `at` is, or a reason why no correct edit exists. */
export function planImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  at: TSESTree.Node,
  request: ImportRequest,
  file: FileInfo,
  style: SourceStyle,
): ImportPlan {
  const local = (request.named ?? request.default)!;
  const imported = request.named ?? 'default';
  const specifier = importSpecifierFor(request.from, file);
  const variable = findVariable(sourceCode.getScope(at), local);
  if (variable && variable.defs.length > 0) {
    const origin = importedFrom(variable);
    const topLevel = variable.scope.block.type === 'Program';
    if (topLevel && origin && origin.imported === imported && sameModule(origin.source, specifier, file)) return { edits: [] };
    return { noFix: `\`${local}\` already names something else in this file` };
  }
  const program = sourceCode.ast;
  const body = program.body;
  // Add a named specifier to an existing import of the same module.
  if (request.named) {
    for (const statement of body) {
      if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
      if (!sameModule(statement.source.value, specifier, file)) continue;
      const edit = addImportSpecifier(statement, request.named, local);
      if (edit) return { edits: [edit] };
    }
  }
  const imports = body.filter((s) => s.type === 'ImportDeclaration');
  const commonJs = imports.length === 0 && isCommonJs(program, file.filename);
  const anchorList = commonJs ? body.filter((s) => topLevelRequire(s) !== null) : imports;
  const anchor = anchorList[anchorList.length - 1];
  const semi = style.semi ? ';' : '';
  const source = quoted(specifier, style.quote);
  let text: string;
  if (commonJs) {
    text = request.named ? `const { ${request.named === local ? local : `${request.named}: ${local}`} } = require(${source})${semi}` : `const ${local} = require(${source})${semi}`;
  } else {
    text = request.named ? `import { ${local} } from ${source}${semi}` : `import ${local} from ${source}${semi}`;
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
