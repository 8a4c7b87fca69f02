/** Runs one codemod on one file's text and returns plain, cloneable data (used in-process and in worker threads). */
import type { RuleModule } from '../rule-module';
import { runCodemod, type CodemodDefinition } from '../codemod/codemod';
import { CodemodParseError, type Site } from '../codemod/engine';
import type { CodemodSettings } from '../codemod/settings-source';

export interface TransformTask {
  /** Plain data, so a task can cross to a worker thread. */
  definition: CodemodDefinition;
  /** Test hook: a CommonJS module exporting `rules`, used instead of the plugin's rules. */
  rulesModule?: string;
  /** Absolute path. */
  file: string;
  source: string;
  options: Record<string, unknown>;
  settings: CodemodSettings;
  /** Options per rule from the user's ESLint config (command-line options override them). */
  configuredRuleOptions: Record<string, Record<string, unknown>>;
  cwd: string;
}

export type TransformOutcome =
  | { ok: true; output: string | undefined; rewritten: Site[]; left: Site[] }
  | { ok: false; error: string };

export function transformFile(task: TransformTask, rules?: Readonly<Record<string, RuleModule>>): TransformOutcome {
  const definition = task.definition;
  try {
    if (!rules && task.rulesModule) rules = (require(task.rulesModule) as { rules: Record<string, RuleModule> }).rules;
    const result = runCodemod(definition, {
      source: task.source,
      filePath: task.file,
      options: task.options,
      settings: task.settings,
      configuredRuleOptions: task.configuredRuleOptions,
      cwd: task.cwd,
      ...(rules ? { rules } : {}),
    });
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof CodemodParseError) return { ok: false, error: `${error.message} (${error.line}:${error.column})` };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.split('\n').slice(0, 3).join(' ') };
  }
}
