/** Names a rewrite introduces: fresh locals, and globals that a local may shadow. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';

/** A name not used in `within` nor visible from its scope: `base`, then the alternatives, then `base1`, `base2`... */
export function freshName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  within: TSESTree.Node,
  base: string,
  alternatives: readonly string[] = [],
  /** Names already given to other rewrites of the same scope (two retry loops in one function get two counters). */
  reserved: ReadonlySet<string> = new Set(),
): string {
  const used = new Set<string>(reserved);
  for (const token of sourceCode.getTokens(within)) if (token.type === 'Identifier') used.add(token.value);
  const scope = sourceCode.getScope(within);
  const taken = (name: string) => used.has(name) || findVariable(scope, name) !== null;
  if (!taken(base)) return base;
  for (const name of alternatives) if (!taken(name)) return name;
  for (let i = 1; ; i++) if (!taken(`${base}${i}`)) return `${base}${i}`;
}

/** How to name the global `name` at `at`: `name`, or `globalThis.name` where a declared variable shadows it. */
export function globalReference(sourceCode: Readonly<TSESLint.SourceCode>, at: TSESTree.Node, name: string): string {
  return findVariable(sourceCode.getScope(at), name) ? `globalThis.${name}` : name;
}
