import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleModule } from './rule-module';

type ConfigName = 'recommended' | 'strict' | 'all';

/** The rule entries of one config, derived from each rule's `meta.docs`. */
export function configRules(rules: Record<string, RuleModule>, config: ConfigName): TSESLint.FlatConfig.Rules {
  const entries: TSESLint.FlatConfig.Rules = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (!docs) continue;
    const id = `resilience/${name}`;
    if (config === 'recommended') {
      if (docs.recommended) entries[id] = docs.recommended;
    } else if (config === 'strict') {
      entries[id] = docs.strictOptions ? [docs.strict, docs.strictOptions] : docs.strict;
    } else {
      entries[id] = docs.strictOptions ? ['error', docs.strictOptions] : 'error';
    }
  }
  return entries;
}

export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Record<string, RuleModule>,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const make = (config: ConfigName): TSESLint.FlatConfig.Config => ({
    name: `resilience/${config}`,
    plugins: { resilience: plugin },
    rules: configRules(rules, config),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
