/**
 * Where a codemod's settings come from: the user's own ESLint config (the one
 * place they configure `settings.resilience`, resolved per file through
 * ESLint's API), or a JSON file given with `--settings` that overrides it.
 * Only `settings.resilience` is passed on: it is plain data, validated with
 * the plugin's own `parseSettings`, and can cross to worker threads.
 */
import { readFileSync } from 'node:fs';
import type { ESLint } from 'eslint';
import { ResilienceConfigError } from '../errors';
import { dirname, resolve } from 'node:path';
import { parseSettings } from '../settings';

export type CodemodSettings = { resilience?: unknown };

/**
 * Reads a `--settings` JSON file. It holds either the `settings.resilience`
 * value itself (`{ "sharedResources": [...] }`) or a settings object with a
 * `resilience` key. Throws `ResilienceConfigError` with a clear message.
 */
export function readSettingsFile(path: string): CodemodSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ResilienceConfigError(`cannot read settings file ${path}: ${(error as Error).message}`);
  }
  const resilience = raw && typeof raw === 'object' && !Array.isArray(raw) && 'resilience' in raw ? (raw as { resilience: unknown }).resilience : raw;
  parseSettings(resilience, `${path}${resilience === raw ? '' : '.resilience'}`);
  // Paths in the file (`chokePoints`, `fix.import.from`) are relative to `root`, else to the file's own
  // directory (docs/settings.md): the same base `resilience audit --settings` uses.
  if (resilience && typeof resilience === 'object' && (resilience as { root?: unknown }).root === undefined) {
    return { resilience: { ...(resilience as object), root: dirname(resolve(path)) } };
  }
  return { resilience };
}

/**
 * Settings from the user's ESLint config, one `ESLint` instance per working
 * directory. A directory with no config file yields no settings.
 */
export class EslintSettingsSource {
  private readonly eslint: ESLint;
  /** `settings.resilience` values already validated: ESLint hands every file of one config the same object. */
  private readonly validated = new WeakSet<object>();

  constructor(readonly cwd: string) {
    // Loaded here, when a user's config must be read, not when the CLI imports this module.
    this.eslint = new (require('eslint') as typeof import('eslint')).ESLint({ cwd });
  }

  /**
   * `settings.resilience` and the options the config gives the named rules
   * (`'resilience/<id>': ['error', { ... }]`) for one file, so the codemod
   * rewrites with the same options as the editor's quick fix.
   */
  async configFor(filePath: string, ruleIds: readonly string[]): Promise<FileConfig> {
    let config: { settings?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined;
    try {
      config = (await this.eslint.calculateConfigForFile(filePath)) as typeof config;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      if (/Could not find config file/i.test(message)) return { settings: {}, ruleOptions: {} };
      throw new ResilienceConfigError(`cannot load the ESLint config for ${filePath}: ${message.split('\n')[0]}`);
    }
    const ruleOptions: Record<string, Record<string, unknown>> = {};
    for (const id of ruleIds) {
      const entry = config?.rules?.[`resilience/${id}`];
      const options = Array.isArray(entry) ? entry[1] : undefined;
      if (options && typeof options === 'object' && !Array.isArray(options)) ruleOptions[id] = options as Record<string, unknown>;
    }
    const resilience = config?.settings?.resilience;
    if (resilience === undefined) return { settings: {}, ruleOptions };
    if (typeof resilience !== 'object' || resilience === null || !this.validated.has(resilience)) {
      parseSettings(resilience);
      if (typeof resilience === 'object' && resilience !== null) this.validated.add(resilience);
    }
    return { settings: { resilience }, ruleOptions };
  }
}

export interface FileConfig {
  settings: CodemodSettings;
  /** Options per rule name, as configured in the ESLint config. */
  ruleOptions: Record<string, Record<string, unknown>>;
}
