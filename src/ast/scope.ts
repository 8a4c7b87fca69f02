/**
 * Variable lookup by name, the same walk as `findVariable(scope, name)` of
 * `@eslint-community/eslint-utils` (through `@typescript-eslint/utils/ast-utils`),
 * written here so that loading the plugin does not load those packages:
 * the variable named `name` in `scope`, else in the scope around it, up to
 * the global scope; null when no scope declares it. A global that no file
 * declares (`setTimeout` without a `/* global *\/` or an env) is null too,
 * as in the original: only declared variables are in a scope's `set`.
 */
import type { TSESLint } from '@typescript-eslint/utils';

export function findVariable(scope: TSESLint.Scope.Scope | null, name: string): TSESLint.Scope.Variable | null {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}
