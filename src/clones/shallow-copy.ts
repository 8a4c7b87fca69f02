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
import { variableAt } from '../imports';
import type { TextEdit } from '../fix/edits';
import { valueSlot } from '../ast/unwrap';

/** Methods that change the array, Map or Set they are called on. */
const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);
/** Calls that change the object passed first. */
const MUTATING_CALLS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.deleteProperty', 'Reflect.defineProperty']);
const MAX_SHOWN = 48;

type Node = TSESTree.Node;

function memberText(node: Node): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return null;
  const object = memberText(node.object);
  return object === null ? null : `${object}.${node.property.name}`;
}

/**
 * How `node` (an object, or a member of one) is changed in place by its
 * parent, as a short text for the message (`next.items.push(…)`), or null.
 */
function changedInPlace(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string | null {
  const parent = node.parent;
  if (!parent) return null;
  const shown = (text: string) => (text.length <= MAX_SHOWN ? text : 'a nested property');
  switch (parent.type) {
    case 'MemberExpression': {
      if (parent.object !== node) return null;
      const member = parent;
      const outer = member.parent;
      if (outer?.type === 'AssignmentExpression' && outer.left === member) return shown(`${sourceCode.getText(member)} = …`);
      if (outer?.type === 'UpdateExpression') return shown(sourceCode.getText(outer));
      if (outer?.type === 'UnaryExpression' && outer.operator === 'delete') return shown(sourceCode.getText(outer));
      if (outer?.type === 'CallExpression' && outer.callee === member) {
        const name = member.computed ? null : member.property.type === 'Identifier' ? member.property.name : null;
        if (name !== null && MUTATING_METHODS.has(name)) return shown(`${sourceCode.getText(member)}(…)`);
      }
      return null;
    }
    case 'CallExpression': {
      const callee = memberText(parent.callee);
      if (parent.arguments[0] === node && callee !== null && MUTATING_CALLS.has(callee)) return shown(`${callee}(${sourceCode.getText(node)}, …)`);
      return null;
    }
    default:
      return null;
  }
}

/** The read references of the variables a declaration or plain assignment binds `slot` to (one level: `const { items } = copy` too). */
function boundVariables(sourceCode: Readonly<TSESLint.SourceCode>, slot: Node): readonly TSESLint.Scope.Variable[] {
  const parent = slot.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === slot) return sourceCode.getDeclaredVariables(parent);
  if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === slot && parent.left.type === 'Identifier') {
    const variable = variableAt(sourceCode, parent.left);
    return variable ? [variable] : [];
  }
  return [];
}

/**
 * Where the copy is changed below its top level (`next.items.push(x)`,
 * `copy.a.b = 1`, `delete copy.props.x`, `Object.assign(copy.a, …)`, or the
 * same through `const items = copy.items`): there a shallow copy would change
 * the original. A short text of the first such change, or null.
 */
export function nestedChange(sourceCode: Readonly<TSESLint.SourceCode>, clone: TSESTree.CallExpression): string | null {
  const replaced: Node = clone.parent?.type === 'ChainExpression' ? clone.parent : clone;
  for (const variable of boundVariables(sourceCode, valueSlot(replaced))) {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const id = reference.identifier as Node;
      const parent = id.parent;
      if (parent?.type === 'VariableDeclarator' && parent.init === id && parent.id.type === 'ObjectPattern') {
        // const { items } = copy; items.push(x)
        for (const alias of sourceCode.getDeclaredVariables(parent)) {
          for (const use of alias.references) {
            const change = use.isRead() ? changedInPlace(sourceCode, use.identifier as Node) : null;
            if (change) return change;
          }
        }
        continue;
      }
      if (parent?.type !== 'MemberExpression' || parent.object !== id) continue;
      // copy.a is a nested part: changing it, or anything below it, changes the original.
      let part: Node = parent;
      for (let depth = 0; depth < 8; depth++) {
        const change = changedInPlace(sourceCode, part);
        if (change) return change;
        const outer: Node | undefined = part.parent;
        if (outer?.type === 'VariableDeclarator' && outer.init === part) {
          // const items = copy.items; items.push(x)
          for (const alias of sourceCode.getDeclaredVariables(outer)) {
            for (const use of alias.references) {
              const aliasChange = use.isRead() ? changedInPlace(sourceCode, use.identifier as Node) : null;
              if (aliasChange) return aliasChange;
            }
          }
          break;
        }
        if (outer?.type !== 'MemberExpression' || outer.object !== part) break;
        part = outer;
      }
    }
  }
  return null;
}

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
