/**
 * The "replace a deep clone with a shallow copy" rewrite. It changes
 * behaviour, and says so in its label: nested objects become shared, and the
 * copy is a plain object. It is offered only where the rewrite is
 * self-contained: the clone copies one plain name or property path, its
 * result is used, and no comment would be lost.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export interface ShallowCopyRewrite {
  /** The source text of the copied value (`req.body`), for the suggestion label. */
  sourceText: string;
  /** The node replaced (the clone call, or its optional chain). */
  range: TSESTree.Range;
  /** The replacement text: `{ ...req.body }`, parenthesised where an object literal would read as a block. */
  text: string;
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

/** True when `node` is the leftmost part of the statement or arrow body it starts, where `{` would open a block. */
function startsStatementOrArrowBody(node: TSESTree.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case 'ExpressionStatement':
        return true;
      case 'ArrowFunctionExpression':
        return parent.body === current;
      case 'MemberExpression':
        if (parent.object !== current) return false;
        break;
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee !== current) return false;
        break;
      case 'TaggedTemplateExpression':
        if (parent.tag !== current) return false;
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'AssignmentExpression':
        if (parent.left !== current) return false;
        break;
      case 'ConditionalExpression':
        if (parent.test !== current) return false;
        break;
      case 'SequenceExpression':
        if (parent.expressions[0] !== current) return false;
        break;
      case 'UpdateExpression':
        if (parent.prefix) return false;
        break;
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
        break;
      default:
        return false;
    }
    current = parent;
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
  const wrap = !ASTUtils.isParenthesized(replaced, sourceCode) && startsStatementOrArrowBody(replaced);
  return { sourceText, range: replaced.range, text: wrap ? `(${literal})` : literal };
}
