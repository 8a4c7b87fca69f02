/** Runs one codemod on one file's text and returns plain, cloneable data (used in-process and in worker threads). */
import type { RuleModule } from '../rule-module';
import { prepareCodemod, runPreparedCodemod, type CodemodDefinition, type PreparedCodemod } from '../codemod/codemod';
import { CodemodParseError, type Site } from '../codemod/engine';
import type { CodemodSettings } from '../codemod/settings-source';

/** What a run shares by every file; plain data, handed to each worker once, at start-up. */
export interface TransformSetup {
  definition: CodemodDefinition;
  /** Codemod option values by name (checked again, once, by `prepareTransform`). */
  options: Record<string, unknown>;
  /** Test hook: absolute path of a CommonJS module exporting `rules`, used instead of the plugin's rules. */
  rulesModule?: string;
}

/** One file; plain data, so it can cross to a worker thread. */
export interface TransformTask {
  /** Absolute path. */
  file: string;
  source: string;
  settings: CodemodSettings;
  /** Options per rule from the user's ESLint config (command-line options override them). */
  configuredRuleOptions: Record<string, Record<string, unknown>>;
  cwd: string;
}

export type TransformOutcome =
  | { ok: true; output: string | undefined; rewritten: Site[]; left: Site[]; prefiltered?: boolean }
  | { ok: false; error: string };

/** The codemod of a run, prepared once; throws `CodemodSetupError` for a missing rule or a bad option. */
export function prepareTransform(setup: TransformSetup, rules?: Readonly<Record<string, RuleModule>>): PreparedCodemod {
  if (!rules && setup.rulesModule) rules = (require(setup.rulesModule) as { rules: Record<string, RuleModule> }).rules;
  return prepareCodemod(setup.definition, setup.options, rules);
}

export function transformFile(prepared: PreparedCodemod, task: TransformTask): TransformOutcome {
  try {
    const result = runPreparedCodemod(prepared, {
      source: task.source,
      filePath: task.file,
      settings: task.settings,
      configuredRuleOptions: task.configuredRuleOptions,
      cwd: task.cwd,
    });
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/** One line (at most three) for the report: a parse error with its position, otherwise the message. */
export function errorText(error: unknown): string {
  if (error instanceof CodemodParseError) return `${error.message} (${error.line}:${error.column})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').slice(0, 3).join(' ');
}
