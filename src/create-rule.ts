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
 * A JSON key for plain option data (strings, finite numbers, booleans, null,
 * arrays without holes, plain objects), null for anything else: only such
 * options are cached by content, where equal keys give equal merged options.
 */
function plainKey(value: unknown): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : null;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return null;
      const item = plainKey(value[i]);
      if (item === null) return null;
      out += (i ? ',' : '') + item;
    }
    return `${out}]`;
  }
  if (typeof value !== 'object') return null;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  let out = '{';
  for (const key of Object.keys(value)) {
    const item = plainKey((value as Record<string, unknown>)[key]);
    if (item === null) return null;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${item}`;
  }
  return `${out}}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Cached option sets per rule: a few configs' worth, never more than this many. */
const MAX_CACHED_OPTIONS = 32;

/**
 * `ESLintUtils.RuleCreator` with the option defaults merged once per options
 * object rather than on every file: RuleCreator's create() runs `applyDefault`
 * (a structuredClone of the defaults and a deep merge) for every rule on every
 * file, while ESLint hands each file the same options (the same array, or,
 * when it merges `meta.defaultOptions` itself, an equal new one). The merged
 * options are cached by the identity of `context.options` and by content
 * (plain JSON data only), and deep-frozen, since every file then shares them:
 * the same options `applyDefault` would return.
 */
export const createRule: typeof ruleCreator = (rule) => {
  const made = ruleCreator(rule);
  // As RuleCreator: meta.defaultOptions, else the deprecated defaultOptions.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as readonly unknown[];
  const byIdentity = new WeakMap<object, unknown>();
  const byContent = new Map<string, unknown>();
  type Options = Parameters<typeof rule.create>[1];
  const merged = (options: readonly unknown[] | undefined): Options => {
    if (options == null) return ESLintUtils.applyDefault(defaults, null) as Options;
    const known = byIdentity.get(options);
    if (known !== undefined) return known as Options;
    const key = plainKey(options);
    let result = key === null ? undefined : byContent.get(key);
    if (result === undefined) {
      result = ESLintUtils.applyDefault(defaults, options);
      if (key === null) return result as Options;
      if (byContent.size >= MAX_CACHED_OPTIONS) byContent.clear();
      byContent.set(key, deepFreeze(result));
    }
    byIdentity.set(options, result);
    return result as Options;
  };
  return { ...made, create: (context) => rule.create(context, merged(context.options)) };
};
