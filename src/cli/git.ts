/** The few git questions the CLI asks, through the `git` binary. Every helper degrades to "not a repository". */
import { spawnSync } from 'node:child_process';
import { isAbsolute, relative } from 'node:path';

function git(cwd: string, args: string[], input?: string): { status: number | null; stdout: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) return { status: null, stdout: '' };
  return { status: result.status, stdout: result.stdout };
}

/** The repository's top-level directory, or null when `cwd` is not in a git work tree (or git is missing). */
export function gitRoot(cwd: string): string | null {
  const result = git(cwd, ['rev-parse', '--show-toplevel']);
  return result.status === 0 ? result.stdout.trim() || null : null;
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Uncommitted changes (modified, staged or untracked) under the given paths, as `git status --porcelain` lines. */
export function uncommittedChanges(root: string, paths: readonly string[]): string[] {
  const inside = paths.filter((p) => isInside(root, p));
  if (inside.length === 0) return [];
  const result = git(root, ['status', '--porcelain', '-z', '--', ...inside]);
  if (result.status !== 0) return [];
  // A temporary file or a recovery copy a killed run left behind is not a change of the user's.
  return result.stdout.split('\0').filter((line) => line.length > 0 && !/(^|\/)\.[^/]+\.resilience-\d+-[0-9a-f]{8}\.(tmp|orig)$/.test(line.slice(3)));
}

/** The subset of `files` (absolute) that git ignores. Tracked files are never ignored. */
export function gitIgnored(root: string, files: readonly string[]): Set<string> {
  const inside = files.filter((f) => isInside(root, f));
  if (inside.length === 0) return new Set();
  const result = git(root, ['check-ignore', '--stdin', '-z'], inside.map((f) => `${f}\0`).join(''));
  // 0: some ignored, 1: none ignored, anything else: git could not tell.
  if (result.status !== 0) return new Set();
  return new Set(result.stdout.split('\0').filter((line) => line.length > 0));
}
