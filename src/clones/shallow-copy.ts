/**
 * The "replace a deep clone with a shallow copy" rewrite. It changes
 * behaviour, and says so in its label: nested objects become shared, and the
 * copy is a plain object. It is offered only where the rewrite is
 * self-contained: the clone copies one plain name or property path, its
 * result is used, and no comment would be lost.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
// The subpath, not the package index: the index also loads the scope manager (~180 modules) at plugin load.
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import type { TextEdit } from '../fix/edits';

/**
 * The edit replaces the clone call (or its optional chain) with `{ ...req.body }`,
 * parenthesised where an object literal would read as a block.
 */
export interface ShallowCopyRewrite extends TextEdit {
  /** The source text of the copied value (`req.body`), for the suggestion label. */
  sourceText: string;
}

/** `x`, `this.x`, `a.b.c`, `a['b']`: a name or a property path without calls or optional links. */
function isPlainPath(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === 'Identifier' || current.type === 'ThisExpression') return current.type === 'Identifier' || current !== node;
    if (current.type !== 'MemberExpression' || current.optional) return false;
    if (current.computed && !(current.property.type === 'Literal' && typeof current.property.value === 'string')) return false;
    current = current.object;
  }
}

/** Whether `node` is the leftmost part of a statement or an arrow body, where `{` would open a block. */
function startsStatementOrArrowBody(node: TSESTree.Node): 'statement' | 'arrow' | null {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return null;
    switch (parent.type) {
      case 'ExpressionStatement':
        return 'statement';
      case 'ArrowFunctionExpression':
        return parent.body === current ? 'arrow' : null;
      case 'MemberExpression':
        if (parent.object !== current) return null;
        break;
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee !== current) return null;
        break;
      case 'TaggedTemplateExpression':
        if (parent.tag !== current) return null;
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'AssignmentExpression':
        if (parent.left !== current) return null;
        break;
      case 'ConditionalExpression':
        if (parent.test !== current) return null;
        break;
      case 'SequenceExpression':
        if (parent.expressions[0] !== current) return null;
        break;
      case 'UpdateExpression':
        if (parent.prefix) return null;
        break;
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
        break;
      default:
        return null;
    }
    current = parent;
  }
}

/** True when a statement may start with `(` right after `token`: after `;`, a block's `{`, or a statement block's `}`. */
function endsStatement(sourceCode: Readonly<TSESLint.SourceCode>, token: TSESTree.Token): boolean {
  if (token.type !== 'Punctuator') return false;
  if (token.value === ';' || token.value === '{') return true;
  if (token.value !== '}') return false;
  const owner = sourceCode.getNodeByRangeIndex(token.range[0]);
  if (!owner) return false;
  switch (owner.type) {
    case 'BlockStatement':
      // `const f = function () {}` would be called by a following `(`.
      return owner.parent?.type !== 'FunctionExpression' && owner.parent?.type !== 'ArrowFunctionExpression';
    case 'ClassBody':
      return owner.parent?.type === 'ClassDeclaration';
    case 'StaticBlock':
    case 'SwitchStatement':
    case 'TSModuleBlock':
      return true;
    default:
      return false;
  }
}

/**
 * The shallow-copy rewrite of `clone`, which deep-copies `source`; null when
 * it would not be a clean, self-contained rewrite.
 */
export function shallowCopyRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clone: TSESTree.CallExpression,
  source: TSESTree.Node | null,
): ShallowCopyRewrite | null {
  if (!source || !isPlainPath(source)) return null;
  const replaced: TSESTree.Node = clone.parent?.type === 'ChainExpression' ? clone.parent : clone;
  // A clone whose result is dropped is dead code, not something to copy more cheaply.
  if (replaced.parent?.type === 'ExpressionStatement') return null;
  if (sourceCode.getCommentsInside(replaced).length > 0) return null;
  const sourceText = sourceCode.getText(source);
  const literal = `{ ...${sourceText} }`;
  const start = ASTUtils.isParenthesized(replaced, sourceCode) ? null : startsStatementOrArrowBody(replaced);
  if (start === 'statement') {
    // A statement that now starts with `(` would continue an unterminated previous line: `b\n({ ...x }).y = 1` calls b.
    const before = sourceCode.getTokenBefore(replaced);
    if (before && !endsStatement(sourceCode, before)) return null;
  }
  return { sourceText, range: replaced.range, text: start ? `(${literal})` : literal };
}
