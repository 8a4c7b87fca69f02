/**
 * Everything checked before the first file is touched: the given paths exist
 * (their real paths bound every write), the git trees under them are clean,
 * which files to transform, and each file's ESLint config (settings and rule
 * options). A problem stops the run with a `PreflightError`.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EslintSettingsSource, type FileConfig } from '../codemod/settings-source';
import type { ParsedGlob } from '../glob';
import { discoverFiles, type Discovery } from './files';
import { gitRoot, uncommittedChanges } from './git';

/** Stops the run before any write; the message is printed as it is. */
export class PreflightError extends Error {}

export interface Targets {
  /** Absolute paths, as given. */
  roots: string[];
  /** Their real paths: no write goes outside them. */
  realRoots: string[];
  /** The git repository of each root (they may differ from the working directory's). */
  repos: (string | null)[];
}

export function resolveTargets(cwd: string, paths: readonly string[]): Targets {
  const roots: string[] = [];
  const realRoots: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    try {
      lstatSync(absolute);
    } catch {
      throw new PreflightError(`${path}: no such file or directory`);
    }
    roots.push(absolute);
    realRoots.push(realpathSync(absolute));
  }
  const repos = roots.map((root) => gitRoot(lstatSync(root).isDirectory() ? root : dirname(root)));
  return { roots, realRoots, repos };
}

/** Refuses to run over uncommitted changes, so that the codemod can be reviewed and undone. */
export function checkCleanTrees(targets: Targets): void {
  const dirty: string[] = [];
  for (const repo of new Set(targets.repos)) {
    if (repo) dirty.push(...uncommittedChanges(repo, targets.roots.filter((_, i) => targets.repos[i] === repo)));
  }
  if (dirty.length === 0) return;
  throw new PreflightError(
    `the git tree has uncommitted changes under the given paths:\n${dirty
      .slice(0, 10)
      .map((line) => `  ${line}`)
      .join('\n')}${dirty.length > 10 ? `\n  … and ${dirty.length - 10} more` : ''}\n` +
      'Commit or stash them first (so the codemod can be reviewed and undone), or pass --force or --dry.',
  );
}

export function findFiles(cwd: string, targets: Targets, extensions: string[], ignorePatterns: ParsedGlob[]): Discovery {
  return discoverFiles({ cwd, roots: targets.roots, extensions, ignorePatterns, gitRoots: targets.repos });
}

/**
 * Per file, from the user's ESLint config (as the editor sees it):
 * `settings.resilience` and the rules' configured options. Bad settings or a
 * config that does not load throw `ResilienceConfigError`, before any write.
 */
export async function loadFileConfigs(
  cwd: string,
  files: readonly string[],
  ruleIds: readonly string[],
  timeoutMs = 60_000,
): Promise<Map<string, FileConfig>> {
  const configByFile = new Map<string, FileConfig>();
  const source = new EslintSettingsSource(cwd);
  const load = async () => {
    for (const file of files) configByFile.set(file, await source.configFor(file, ruleIds));
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PreflightError(
            `loading the ESLint config did not finish within ${timeoutMs / 1000} s (does eslint.config.* wait on something that never settles?). ` +
              'Fix the config, pass --settings <file.json> with --no-eslint-config, or raise RESILIENCE_CONFIG_TIMEOUT_MS.',
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([load(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return configByFile;
}
