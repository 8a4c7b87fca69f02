/**
 * Strings and property names written literally in the source.
 *
 * Not `ASTUtils.getStringIfConstant` / `getPropertyName`: those evaluate
 * (`'a' + 'b'`, `` `${1}` ``, constants through the scope) and turn numbers
 * into strings (`a[0]` names `'0'`). These readers take only what is written:
 * a string literal, a template without expressions, a plain identifier key.
 */
import type { TSESTree } from '@typescript-eslint/utils';

/** The string of a string literal or of a template with no expressions (`'fs'`, `` `fs` ``); null otherwise. */
export function staticString(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/**
 * The name of a property key: `a` for `{ a }`, `obj.a`, `a() {}`; `'a'` for
 * `{ 'a': 1 }` and `obj['a']`. Null for computed names that are not a
 * string literal, and for private names (`#a`).
 */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return null;
}

/** The property name of a member access (`obj.a`, `obj['a']`), or null. */
export function staticMemberName(node: TSESTree.MemberExpression): string | null {
  return staticKeyName(node.property, node.computed);
}
