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

export const createRule = ESLintUtils.RuleCreator<ResilienceDocs>(ruleDocsUrl);
