// The subpath, not the package index: the index also loads the scope manager (~180 modules) at plugin load.
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';

/**
 * Where the rule docs live; every rule's `meta.docs.url` is derived from its
 * name. Keep in sync with the require-meta-docs-url pattern in eslint.config.mjs.
 */
const DOCS_BASE_URL = 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience/blob/main/docs/rules/';

export type ConfigLevel = 'error' | 'warn';

/** Extra `meta.docs` fields of this plugin; the configs are built from them. */
export interface ResilienceDocs {
  /** Level in `configs.recommended`; `false` keeps the rule out of it. */
  recommended: ConfigLevel | false;
  /** Level in `configs.strict` (every rule is in `strict` and `all`). */
  strict: ConfigLevel;
  /** Options used in `configs.strict` (merged over `meta.defaultOptions`). */
  strictOptions?: Record<string, unknown>;
  requiresTypeChecking?: false;
}

export function ruleDocsUrl(name: string): string {
  return `${DOCS_BASE_URL}${name}.md`;
}

const ruleCreator = ESLintUtils.RuleCreator<ResilienceDocs>(ruleDocsUrl);

/**
 * Equal option data: the same primitives (Object.is), arrays of equal items
 * (holes at the same places), objects of the same prototype with the same
 * keys in the same order and equal values. Options equal by this test give
 * equal merged options.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (i in a !== i in b || !sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const proto = Object.getPrototypeOf(a) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== other[i] || !sameData((a as Record<string, unknown>)[keys[i]!], (b as Record<string, unknown>)[other[i]!])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Option sets cached per rule: a few configs' worth, never more than this many. */
const MAX_CACHED_OPTIONS = 8;

/**
 * `ESLintUtils.RuleCreator` with the option defaults merged once per options
 * value rather than on every file: RuleCreator's create() runs `applyDefault`
 * (a structuredClone of the defaults and a deep merge) for every rule on every
 * file, while ESLint hands each file equal options (a new array each time,
 * when it merges `meta.defaultOptions` itself). The merged options are cached
 * by the identity of `context.options` and by equal content (`sameData`,
 * against a copy of the options taken when cached), and deep-frozen, since
 * every file then shares them: the same options `applyDefault` would return.
 */
export const createRule: typeof ruleCreator = (rule) => {
  const made = ruleCreator(rule);
  // As RuleCreator: meta.defaultOptions, else the deprecated defaultOptions.
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as readonly unknown[];
  const byIdentity = new WeakMap<object, unknown>();
  const byContent: { options: unknown; result: unknown }[] = [];
  type Options = Parameters<typeof rule.create>[1];
  const merged = (options: readonly unknown[] | undefined): Options => {
    if (options == null) return ESLintUtils.applyDefault(defaults, null) as Options;
    let result = byIdentity.get(options);
    if (result !== undefined) return result as Options;
    result = byContent.find((entry) => sameData(entry.options, options))?.result;
    if (result === undefined) {
      result = ESLintUtils.applyDefault(defaults, options);
      let copy: unknown;
      try {
        copy = structuredClone(options);
      } catch {
        return result as Options; // not plain data (a function): not cached
      }
      if (!sameData(copy, options)) return result as Options;
      if (byContent.length >= MAX_CACHED_OPTIONS) byContent.shift();
      byContent.push({ options: copy, result: deepFreeze(result) });
    }
    byIdentity.set(options, result);
    return result as Options;
  };
  return { ...made, create: (context) => rule.create(context, merged(context.options)) };
};
