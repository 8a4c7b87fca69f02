/** Names a rewrite introduces: fresh locals, and globals that a local may shadow. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
// The subpath, not the package index: the index also loads the scope manager (~180 modules) at plugin load.
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';

/** A name not used in `within` nor visible from its scope: `base`, then the alternatives, then `base1`, `base2`... */
export function freshName(sourceCode: Readonly<TSESLint.SourceCode>, within: TSESTree.Node, base: string, alternatives: readonly string[] = []): string {
  const used = new Set<string>();
  for (const token of sourceCode.getTokens(within)) if (token.type === 'Identifier') used.add(token.value);
  const scope = sourceCode.getScope(within);
  const taken = (name: string) => used.has(name) || ASTUtils.findVariable(scope, name) !== null;
  if (!taken(base)) return base;
  for (const name of alternatives) if (!taken(name)) return name;
  for (let i = 1; ; i++) if (!taken(`${base}${i}`)) return `${base}${i}`;
}

/** How to name the global `name` at `at`: `name`, or `globalThis.name` where a declared variable shadows it. */
export function globalReference(sourceCode: Readonly<TSESLint.SourceCode>, at: TSESTree.Node, name: string): string {
  return ASTUtils.findVariable(sourceCode.getScope(at), name) ? `globalThis.${name}` : name;
}
