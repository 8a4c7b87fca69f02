/**
 * Copies of a default value. Giving each created object its own copy of a
 * mutable default (`node[k] = clone(def.defaults[k].value)`,
 * `structuredClone(DEFAULT_OPTIONS)`) is the textbook reason to deep-copy:
 * without it every object shares, and mutates, one default.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { staticKeyName } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';

/** `defaults`, `default`, `defaultValue`, `DEFAULT_OPTIONS`, `nodeDefaults`, `BASE_DEFAULTS`. */
export function isDefaultName(name: string): boolean {
  return /^defaults?$/i.test(name) || /^default[A-Z_$]/.test(name) || /^DEFAULTS?_/.test(name) || /[a-z0-9$]Defaults?$/.test(name) || /_DEFAULTS?$/.test(name);
}

/** True when the cloned value is read through a name or property that names a default. */
export function copiesDefault(source: TSESTree.Node | null): boolean {
  let current: TSESTree.Node | null = source;
  for (let depth = 0; current && depth < 12; depth++) {
    const node = unwrapExpression(current);
    if (node.type === 'Identifier') return isDefaultName(node.name);
    if (node.type !== 'MemberExpression') return false;
    const key = node.property.type === 'PrivateIdentifier' ? node.property.name : staticKeyName(node.property, node.computed);
    if (key !== null && isDefaultName(key)) return true;
    current = node.object;
  }
  return false;
}
