/**
 * The property name of a member access, as `getPropertyName(member)` of
 * `@eslint-community/eslint-utils` (through `@typescript-eslint/utils/ast-utils`)
 * gives it without a scope: `obj.a` and `obj['a']` name `'a'`, `obj[0]` names
 * `'0'`, `obj[null]` `'null'`, `obj[/a/g]` `'/a/g'`, `obj[1n]` `'1'`;
 * `obj.#a` and `obj[key]` name nothing (null). A computed name that is an
 * expression (`obj['__pro' + 'to__']`, `` obj[`${'a'}`] ``) is evaluated by
 * that package's `getStaticValue`, which is loaded on the first such name only,
 * so that loading the plugin does not load it.
 */
import type { TSESTree } from '@typescript-eslint/utils';

type GetPropertyName = (node: TSESTree.MemberExpression) => string | null;
let evaluated: GetPropertyName | undefined;
// A plain require, on first use: the subpath's index loads @eslint-community/eslint-utils and more.
const evaluatedPropertyName = (): GetPropertyName =>
  (evaluated ??= (require('@typescript-eslint/utils/ast-utils') as { getPropertyName: GetPropertyName }).getPropertyName);

export function memberPropertyName(node: TSESTree.MemberExpression): string | null {
  const property = node.property;
  if (!node.computed) return property.type === 'Identifier' ? property.name : null;
  switch (property.type) {
    case 'Literal':
      // Where the platform has no value for the literal (`value: null`), the source's pattern or digits.
      if (property.value === null && 'regex' in property && property.regex) return `/${property.regex.pattern}/${property.regex.flags}`;
      if (property.value === null && 'bigint' in property && property.bigint) return property.bigint;
      return String(property.value);
    case 'TemplateLiteral':
      if (property.expressions.length === 0) return property.quasis[0]!.value.cooked;
      return evaluatedPropertyName()(node);
    case 'Identifier':
      // A name's value needs a scope, and none is given.
      return null;
    default:
      return evaluatedPropertyName()(node);
  }
}
