import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { applyDefault } from './rule-options';

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

/**
 * Equal option data: the same primitives (Object.is), arrays of equal items
 * (holes at the same places), objects of the same prototype (Object's or
 * none) with the same keys in the same order and equal values. Options equal
 * by this test give equal merged options.
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

/** Option sets cached per rule: a few configs' worth, never more than this many. */
const MAX_CACHED_OPTIONS = 8;

/**
 * `applyDefault(defaults, options)` once per options value rather than for
 * every rule on every file (a structuredClone of the defaults and a deep
 * merge each time), while ESLint hands each file equal options (a new array
 * each time, when it merges `meta.defaultOptions` itself, so the identity of
 * the options would never match). Cached by equal content (`sameData`,
 * against a copy taken when cached, so options changed in place are merged
 * again; options that are not plain data are not cached): the
 * same options `applyDefault` returns. Every file then shares them, so no
 * rule may change its options (none does). They are not frozen: the merge
 * keeps the user's own arrays and objects, which are not ours to freeze.
 */
function cachedDefaults<Options extends readonly unknown[]>(defaults: Readonly<Options>): (options: readonly unknown[] | null | undefined) => Options {
  const byContent: { options: unknown; result: Options }[] = [];
  return (options) => {
    if (options == null) return applyDefault(defaults, options);
    let result = byContent.find((entry) => sameData(entry.options, options))?.result;
    if (result === undefined) {
      result = applyDefault(defaults, options);
      let copy: unknown;
      try {
        copy = structuredClone(options);
      } catch {
        return result; // not plain data (a function): not cached
      }
      if (!sameData(copy, options)) return result;
      if (byContent.length >= MAX_CACHED_OPTIONS) byContent.shift();
      byContent.push({ options: copy, result });
    }
    return result;
  };
}

/**
 * A rule with its docs url and its options filled in from
 * `meta.defaultOptions`: what `RuleCreator(ruleDocsUrl)` of
 * `@typescript-eslint/utils/eslint-utils` returns, written here so that
 * loading the plugin does not load that subpath (eight modules).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  meta,
  name,
  ...rule
}: Readonly<RuleWithMetaAndName<Options, MessageIds, ResilienceDocs>>): TSESLint.RuleModule<MessageIds, Options, ResilienceDocs> & { name: string } {
  // The deprecated top-level `defaultOptions` is still read, as by RuleCreator.
  const defaults = (meta.defaultOptions ?? rule.defaultOptions ?? []) as Readonly<Options>;
  const merged = cachedDefaults(defaults);
  return {
    create(context) {
      return rule.create(context, merged(context.options));
    },
    defaultOptions: rule.defaultOptions as Options | undefined,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    name,
  };
}
