/**
 * Which files a codemod run covers: the given paths, walked without following
 * symbolic links, filtered by extension and by the default and user ignore
 * patterns, minus git-ignored files. Reading checks size, binary content and
 * UTF-8 before anything is transformed; writing is atomic and never leaves
 * the given paths.
 */
import { chmodSync, chownSync, lstatSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, sep } from 'node:path';
import { matchesGlob, matchSegment, parseGlob, type ParsedGlob } from '../glob';
import { gitIgnored, isInside } from './git';

const DEFAULT_IGNORED_DIRECTORIES = ['node_modules', 'dist', 'build', 'coverage', '.git'];
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface Skipped {
  file: string;
  reason: string;
}

export interface Discovery {
  files: string[];
  skipped: Skipped[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Absolute paths the user gave. */
  roots: readonly string[];
  extensions: readonly string[];
  ignorePatterns: readonly ParsedGlob[];
  /** The git repository top-level directory of each root (same order), or null outside a repository. */
  gitRoots: readonly (string | null)[];
}

export function parseIgnorePattern(text: string): ParsedGlob | { error: string } {
  return parseGlob(text.replace(/\/+$/, ''));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function isDeclarationFile(name: string): boolean {
  return /\.d\.(?:ts|mts|cts)$/.test(name) || /\.d\.[^.]+\.(?:ts|mts|cts)$/.test(name);
}

function ignoredByPattern(patterns: readonly ParsedGlob[], cwd: string, path: string): boolean {
  const rel = toPosix(relative(cwd, path));
  const segments = rel.split('/');
  for (const pattern of patterns) {
    if (matchesGlob(pattern, rel)) return true;
    // A one-segment pattern (`*.test.ts`, `fixtures`) matches a file or directory name anywhere.
    if (pattern.length === 1 && segments.some((segment) => matchSegment(pattern[0]!, segment))) return true;
  }
  return false;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Lists the files to transform. Given paths must exist (checked by the caller). */
export function discoverFiles(options: DiscoverOptions): Discovery {
  const { cwd, extensions, ignorePatterns } = options;
  const found: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const display = (path: string) => toPosix(relative(cwd, path)) || '.';

  const fileRepo = new Map<string, string | null>();
  let currentRepo: string | null = null;
  const consider = (file: string, explicit: boolean) => {
    const name = basename(file);
    const ext = extensionOf(name);
    let reason: string | null = null;
    if (!extensions.includes(ext)) reason = `extension .${ext} is not in the extensions list`;
    else if (isDeclarationFile(name)) reason = 'declaration file (*.d.ts)';
    else if (ignoredByPattern(ignorePatterns, cwd, file)) reason = 'matches an ignore pattern';
    if (reason !== null) {
      if (explicit) skipped.push({ file: display(file), reason });
      return;
    }
    if (!seen.has(file)) {
      seen.add(file);
      found.push(file);
      fileRepo.set(file, currentRepo);
    }
  };

  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: display(dir), reason: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        if (extensions.includes(extensionOf(entry.name)) || safeIsDirectory(path)) {
          skipped.push({ file: display(path), reason: 'symbolic link, not followed' });
        }
      } else if (entry.isDirectory()) {
        if (DEFAULT_IGNORED_DIRECTORIES.includes(entry.name) || ignoredByPattern(ignorePatterns, cwd, path)) continue;
        walk(path);
      } else if (entry.isFile()) {
        consider(path, false);
      }
    }
  };

  options.roots.forEach((root, index) => {
    currentRepo = options.gitRoots[index] ?? null;
    const stat = lstatSync(root);
    const segments = toPosix(relative(cwd, root)).split('/');
    if (segments.some((segment) => DEFAULT_IGNORED_DIRECTORIES.includes(segment)) && isInside(cwd, root)) {
      skipped.push({ file: display(root), reason: `inside an ignored directory (${DEFAULT_IGNORED_DIRECTORIES.join(', ')})` });
      return;
    }
    if (stat.isDirectory()) walk(root);
    else if (stat.isFile()) consider(root, true);
    else if (stat.isSymbolicLink()) skipped.push({ file: display(root), reason: 'symbolic link, not followed' });
    else skipped.push({ file: display(root), reason: 'not a regular file or directory' });
  });

  const ignored = new Set<string>();
  for (const repo of new Set(fileRepo.values())) {
    if (!repo) continue;
    for (const file of gitIgnored(repo, found.filter((f) => fileRepo.get(f) === repo))) ignored.add(file);
  }
  return { files: ignored.size > 0 ? found.filter((f) => !ignored.has(f)) : found, skipped };
}

function safeIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export type ReadResult = { kind: 'text'; text: string; bytes: Buffer } | { kind: 'skip'; reason: string };

/** Reads a file as UTF-8 text, or says why it is skipped (too large, binary, not UTF-8). A BOM stays in the text. */
export function readSourceFile(path: string): ReadResult {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return { kind: 'skip', reason: 'symbolic link, not followed' };
  if (stat.size > MAX_FILE_BYTES) return { kind: 'skip', reason: `larger than 2 MB (${stat.size} bytes)` };
  if (stat.nlink > 1) return { kind: 'skip', reason: `${stat.nlink} hard links to this file: rewriting it would split them (rewrite one of the paths by hand)` };
  const bytes = readFileSync(path);
  if (bytes.length > MAX_FILE_BYTES) return { kind: 'skip', reason: `larger than 2 MB (${bytes.length} bytes)` };
  if (bytes.includes(0)) return { kind: 'skip', reason: 'binary file (contains NUL bytes)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { kind: 'text', text, bytes };
  } catch {
    return { kind: 'skip', reason: 'not valid UTF-8' };
  }
}

/** The name of a temporary file of this module: `.<name>.resilience-<pid>-<random>.tmp`. */
export const TEMP_FILE_PATTERN = /^\.(.+)\.resilience-(\d+)-[0-9a-f]{8}\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files a killed run left next to `file` (same name, a
 * process that is gone). They never block a run (the git check ignores them,
 * their names are unique); this only keeps the directory clean.
 */
export function removeStaleTempFiles(file: string): void {
  const dir = dirname(file);
  const name = basename(file);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = TEMP_FILE_PATTERN.exec(entry);
    if (!match || match[1] !== name || processAlive(Number(match[2]))) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/**
 * Replaces a file's content atomically: a temporary file in the same
 * directory, given the original's mode, owner and group, renamed over it.
 * Refuses a read-only file, a symbolic link, a path outside `roots` (by real
 * path), a file whose content changed since it was read, and a file with
 * several hard links, which a rename would split (`readSourceFile` skips those first).
 * Extended attributes are not copied (Node has no API for them): see
 * docs/codemods.md.
 */
export function writeFileAtomically(path: string, content: string, expected: Buffer, roots: readonly string[]): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) throw new Error('refusing to write through a symbolic link');
  const real = realpathSync(path);
  if (!roots.some((root) => isInside(root, real))) throw new Error('refusing to write outside the given paths');
  if ((stat.mode & 0o222) === 0) throw new Error('file is read-only');
  if (stat.nlink > 1) {
    throw new Error(`the file has ${stat.nlink} hard links; replacing it would split them; left as it is`);
  }
  if (!readFileSync(path).equals(expected)) throw new Error('file changed while the codemod ran; left as it is');
  removeStaleTempFiles(real);
  const mode = stat.mode & 0o7777;
  const temp = join(dirname(real), `.${basename(real)}.resilience-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { encoding: 'utf8', mode, flag: 'wx' });
    const uid = typeof process.getuid === 'function' ? process.getuid() : stat.uid;
    const gid = typeof process.getgid === 'function' ? process.getgid() : stat.gid;
    if (stat.uid !== uid || stat.gid !== gid) {
      try {
        chownSync(temp, stat.uid, stat.gid);
      } catch (error) {
        throw new Error(`cannot keep the file's owner and group (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); left as it is`);
      }
    }
    chmodSync(temp, mode);
    renameSync(temp, real);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created, or is already gone
    }
    throw error;
  }
}
