/**
 * The plugin object: `meta`, `rules`, and the flat configs `recommended`,
 * `strict` and `all`, built from each rule's `meta.docs`.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs } from './configs';
import { packageInfo } from './package-info';
import { rules } from './rules';

interface ResiliencePlugin {
  meta: { name: string; version: string; namespace: 'resilience' };
  rules: typeof rules;
  configs: Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config>;
}

const plugin: ResiliencePlugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: 'resilience' },
  rules,
  configs: {} as ResiliencePlugin['configs'],
};
Object.assign(plugin.configs, buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules));

export = plugin;
