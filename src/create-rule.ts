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
  return {
    create(context) {
      return rule.create(context, applyDefault(defaults, context.options));
    },
    defaultOptions: rule.defaultOptions as Options | undefined,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    name,
  };
}
