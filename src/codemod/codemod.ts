/**
 * A codemod is a list of plugin rules plus the options it passes through to
 * them. `runCodemod` applies the rules' suggestions to one file (see
 * `engine.ts`); `makeTransform` turns a definition into a jscodeshift
 * transform. Nothing here knows what any rule detects.
 */
import { isAbsolute, resolve } from 'node:path';
import type { RuleModule } from '../rule-module';
import { applyRuleSuggestions, CodemodSetupError, shareOptions, type ApplyRuleSuggestionsResult } from './engine';
import { EslintSettingsSource, readSettingsFile, type CodemodSettings } from './settings-source';

export interface CodemodOption {
  /** camelCase name, as the rules' options call it; the CLI also accepts the kebab-case flag. */
  name: string;
  type: 'integer';
  description: string;
}

export interface CodemodDefinition {
  name: string;
  /** One line, for `--help`. */
  description: string;
  /** Rule names (without `resilience/`) whose suggestions the codemod applies. */
  ruleIds: readonly string[];
  /** Options passed through to every rule that declares them. */
  options: readonly CodemodOption[];
}

export interface RunCodemodInput {
  source: string;
  filePath: string;
  /** Codemod option values by name (`maxAttempts`...). */
  options?: Readonly<Record<string, unknown>>;
  settings?: CodemodSettings;
  /** Options per rule from the user's ESLint config; `options` override them key by key. */
  configuredRuleOptions?: Readonly<Record<string, Record<string, unknown>>>;
  /** Override of the plugin's rules index (tests). */
  rules?: Readonly<Record<string, RuleModule>>;
  cwd?: string;
}

/** Checks and converts option values (numbers, or strings of digits from a command line). */
export function normalizeOptions(definition: CodemodDefinition, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const option of definition.options) {
    const value = values[option.name];
    if (value === undefined) continue;
    const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
      throw new CodemodSetupError(`${definition.name}: option ${option.name} must be a non-negative integer (got ${JSON.stringify(value)})`);
    }
    out[option.name] = number;
  }
  return out;
}

export function runCodemod(definition: CodemodDefinition, input: RunCodemodInput): ApplyRuleSuggestionsResult {
  const options = normalizeOptions(definition, input.options ?? {});
  const shared = shareOptions(definition.ruleIds, options, input.rules);
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const id of definition.ruleIds) ruleOptions[id] = { ...input.configuredRuleOptions?.[id], ...shared[id] };
  return applyRuleSuggestions({
    source: input.source,
    filePath: input.filePath,
    ruleIds: definition.ruleIds,
    ruleOptions,
    settings: input.settings ?? {},
    ...(input.rules ? { rules: input.rules } : {}),
    ...(input.cwd ? { cwd: input.cwd } : {}),
  });
}

interface FileInfo {
  path: string;
  source: string;
}

interface TransformApi {
  report?: (message: string) => void;
}

export type Transform = (file: FileInfo, api: TransformApi, options: Record<string, unknown>) => Promise<string | undefined>;

/**
 * A jscodeshift transform for a codemod. Rule options and
 * `settings.resilience` come from the ESLint config of the working directory
 * (as in the editor); jscodeshift's command line overrides them:
 * `--maxAttempts=5`, `--settings=path.json` (or a `settings` object when
 * called in-process); `--eslintConfig=false` ignores the ESLint config. Sites left for a person are
 * reported through jscodeshift's `api.report`. Returns `undefined` when the
 * file is unchanged.
 */
export function makeTransform(definition: CodemodDefinition, rules?: Readonly<Record<string, RuleModule>>): Transform {
  const sources = new Map<string, EslintSettingsSource>();
  return async (file, api, options = {}) => {
    const cwd = process.cwd();
    let settings: CodemodSettings = {};
    let configuredRuleOptions: Record<string, Record<string, unknown>> = {};
    if (options.eslintConfig !== false && options.eslintConfig !== 'false') {
      // The user's ESLint config: rule options always, settings unless given here.
      let source = sources.get(cwd);
      if (!source) sources.set(cwd, (source = new EslintSettingsSource(cwd)));
      const config = await source.configFor(isAbsolute(file.path) ? file.path : resolve(cwd, file.path), definition.ruleIds);
      settings = config.settings;
      configuredRuleOptions = config.ruleOptions;
    }
    if (typeof options.settings === 'string') settings = readSettingsFile(resolve(cwd, options.settings));
    else if (options.settings && typeof options.settings === 'object') settings = options.settings as CodemodSettings;
    const result = runCodemod(definition, {
      source: file.source,
      filePath: file.path,
      options,
      settings,
      configuredRuleOptions,
      cwd,
      ...(rules ? { rules } : {}),
    });
    for (const site of result.left) {
      api.report?.(`${site.file}:${site.line}:${site.column} left for a person (${site.ruleId}): ${site.reason}`);
    }
    return result.output;
  };
}
