/**
 * A codemod is a list of plugin rules plus the options it passes through to
 * them. `runCodemod` applies the rules' suggestions to one file (see
 * `engine.ts`); `makeTransform` turns a definition into a jscodeshift
 * transform. Nothing here knows what any rule detects.
 */
import { isAbsolute, resolve } from 'node:path';
// Types only: jscodeshift is an optional peer dependency, never loaded by this package.
import type { API, FileInfo, Options } from 'jscodeshift';
import type { RuleModule } from '../rule-module';
import {
  applyPreparedRules,
  CodemodSetupError,
  prepareRules,
  shareOptions,
  type ApplyRuleSuggestionsResult,
  type PreparedRules,
} from './engine';
import { codemodPrefilter } from './prefilter';
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
  /** A `settings.resilience` list the codemod needs non-empty to do anything (`sharedResources`). */
  requiresSetting?: 'sharedResources';
  /**
   * Rule options the codemod always passes, over the user's configured ones
   * (ESLint hands those on with the rule's defaults filled in, so a default
   * cannot be told from a choice): a bulk rewrite is asked for, so it may
   * cover what the editor's default leaves to `strict` (add-timeout: fetch).
   */
  ruleOverrides?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface RunCodemodInput extends FileInput {
  /** Codemod option values by name (`maxAttempts`...). */
  options?: Readonly<Record<string, unknown>>;
  /** Override of the plugin's rules index (tests). */
  rules?: Readonly<Record<string, RuleModule>>;
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

/**
 * A codemod ready to run: its rules looked up, its option values checked and
 * shared out between the rules by their schemas. Built once per run (per
 * worker thread, per jscodeshift process), then used for every file.
 */
export interface PreparedCodemod {
  definition: CodemodDefinition;
  /** The normalised option values, as given (before sharing). */
  options: Readonly<Record<string, unknown>>;
  rules: PreparedRules;
  /** Per rule name: the options the codemod gives it (they override the user's configured ones). */
  ruleOptions: Readonly<Record<string, Record<string, unknown>>>;
  /** False when no rule of the codemod can report in a file's text; null when some rule has no prefilter. */
  prefilter: ReturnType<typeof codemodPrefilter>;
}

/** Looks up the rules and checks the options; throws `CodemodSetupError` naming what is wrong. */
export function prepareCodemod(
  definition: CodemodDefinition,
  values: Readonly<Record<string, unknown>> = {},
  rules?: Readonly<Record<string, RuleModule>>,
): PreparedCodemod {
  const prepared = prepareRules(definition.ruleIds, rules);
  const options = normalizeOptions(definition, values);
  return {
    definition,
    options,
    rules: prepared,
    ruleOptions: shareOptions(prepared.ruleIds, options, prepared.rules),
    prefilter: codemodPrefilter(prepared.ruleIds, prepared.rules),
  };
}

export interface FileInput {
  source: string;
  filePath: string;
  settings?: CodemodSettings;
  /** Options per rule from the user's ESLint config; the codemod's options override them key by key. */
  configuredRuleOptions?: Readonly<Record<string, Record<string, unknown>>>;
  cwd?: string;
}

/** Runs a prepared codemod on one file. */
export function runPreparedCodemod(prepared: PreparedCodemod, input: FileInput): ApplyRuleSuggestionsResult {
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const id of prepared.definition.ruleIds) {
    ruleOptions[id] = { ...input.configuredRuleOptions?.[id], ...prepared.definition.ruleOverrides?.[id], ...prepared.ruleOptions[id] };
  }
  // A file in which no rule can report is not parsed (most files of a codebase hold no retry and no shared resource).
  if (prepared.prefilter && !prepared.prefilter(input.source, input.settings ?? {}, ruleOptions)) {
    return { output: undefined, rewritten: [], left: [], prefiltered: true };
  }
  return applyPreparedRules(prepared.rules, {
    source: input.source,
    filePath: input.filePath,
    ruleOptions,
    settings: input.settings ?? {},
    ...(input.cwd ? { cwd: input.cwd } : {}),
  });
}

/** Prepares and runs a codemod on one file (for a single file; a run over many prepares once). */
export function runCodemod(definition: CodemodDefinition, input: RunCodemodInput): ApplyRuleSuggestionsResult {
  return runPreparedCodemod(prepareCodemod(definition, input.options, input.rules), input);
}

/** A jscodeshift transform, typed as much of jscodeshift's API as it uses (`api.report` only). */
export type Transform = (file: FileInfo, api: Partial<Pick<API, 'report'>>, options?: Options) => Promise<string | undefined>;

/**
 * A jscodeshift transform for a codemod. Rule options and
 * `settings.resilience` come from the ESLint config of the working directory
 * (as in the editor); jscodeshift's command line overrides them:
 * `--maxAttempts=5`, `--settings=path.json` (or a `settings` object when
 * called in-process); `--eslintConfig=false` ignores the ESLint config. Sites left for a person are
 * reported through jscodeshift's `api.report`. Returns `undefined` when the
 * file is unchanged. The codemod is prepared and a `--settings` file read once
 * per process (jscodeshift passes every file of a worker the same options).
 */
export function makeTransform(definition: CodemodDefinition, rules?: Readonly<Record<string, RuleModule>>): Transform {
  const sources = new Map<string, EslintSettingsSource>();
  const settingsFiles = new Map<string, CodemodSettings>();
  const preparedByOptions = new Map<string, PreparedCodemod>();
  const prepare = (options: Options): PreparedCodemod => {
    const values: Record<string, unknown> = {};
    for (const option of definition.options) values[option.name] = options[option.name];
    const key = JSON.stringify(values);
    let prepared = preparedByOptions.get(key);
    if (!prepared) preparedByOptions.set(key, (prepared = prepareCodemod(definition, values, rules)));
    return prepared;
  };
  const settingsFile = (path: string): CodemodSettings => {
    let settings = settingsFiles.get(path);
    if (!settings) settingsFiles.set(path, (settings = readSettingsFile(path)));
    return settings;
  };
  return async (file, api, options = {}) => {
    const prepared = prepare(options);
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
    if (typeof options.settings === 'string') settings = settingsFile(resolve(cwd, options.settings));
    else if (options.settings && typeof options.settings === 'object') settings = options.settings as CodemodSettings;
    const result = runPreparedCodemod(prepared, { source: file.source, filePath: file.path, settings, configuredRuleOptions, cwd });
    for (const site of result.left) {
      api.report?.(`${site.file}:${site.line}:${site.column} left for a person (${site.ruleId}): ${site.reason}`);
    }
    return result.output;
  };
}
