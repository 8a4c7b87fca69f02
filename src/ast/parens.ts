/**
 * Whether a node is wrapped in parentheses, the same token check as
 * `isParenthesized(node, sourceCode)` of `@eslint-community/eslint-utils`
 * (through `@typescript-eslint/utils/ast-utils`), written here so that
 * loading the plugin does not load those packages. A `(` before and a `)`
 * after the node are parentheses around it unless the `(` belongs to the
 * syntax of the parent: the argument list of a call with this one argument
 * (`f(a)`), the test of `if`/`while`/`do … while`, `switch (a)`,
 * `import(a)`, `with (a)`. `f((a))` and `if ((a))` are parenthesised. The
 * program and a `catch (e)` parameter never are.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Token = TSESTree.Token;

const isOpeningParen = (token: Token | null): token is Token => token?.type === 'Punctuator' && token.value === '(';
const isClosingParen = (token: Token | null): token is Token => token?.type === 'Punctuator' && token.value === ')';

/** The `(` that the parent's own syntax puts before `node` (`f(a)`, `if (a)`), or null. */
function parentSyntaxParen(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): Token | null {
  const parent = node.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'CallExpression':
    case 'NewExpression':
      if (parent.arguments.length === 1 && parent.arguments[0] === node) {
        // After `f<T>` the list starts after the type arguments.
        return sourceCode.getTokenAfter(parent.typeArguments ?? parent.callee, { filter: isOpeningParen });
      }
      return null;
    case 'DoWhileStatement':
      return parent.test === node ? sourceCode.getTokenAfter(parent.body, { filter: isOpeningParen }) : null;
    case 'IfStatement':
    case 'WhileStatement':
      return parent.test === node ? sourceCode.getFirstToken(parent, { skip: 1 }) : null;
    case 'ImportExpression':
      return parent.source === node ? sourceCode.getFirstToken(parent, { skip: 1 }) : null;
    case 'SwitchStatement':
      return parent.discriminant === node ? sourceCode.getFirstToken(parent, { skip: 1 }) : null;
    case 'WithStatement':
      return parent.object === node ? sourceCode.getFirstToken(parent, { skip: 1 }) : null;
    default:
      return null;
  }
}

/** True when `node` is in at least one pair of parentheses of its own: `(a)`, `f((a))`; false for `f(a)`, `if (a)`. */
export function isParenthesized(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!node.parent || (node.parent.type === 'CatchClause' && node.parent.param === node)) return false;
  const before = sourceCode.getTokenBefore(node);
  const after = sourceCode.getTokenAfter(node);
  return isOpeningParen(before) && isClosingParen(after) && before !== parentSyntaxParen(node, sourceCode);
}
