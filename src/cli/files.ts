/**
 * Which files a codemod run covers: the given paths, walked without following
 * symbolic links, filtered by extension and by the default and user ignore
 * patterns, minus git-ignored files. Reading checks size, binary content and
 * UTF-8 before anything is transformed; writing is in place (the same inode,
 * so owner, group, mode, extended attributes and hard links are kept) behind
 * a recovery copy, and never leaves the given paths.
 */
import { closeSync, fsyncSync, ftruncateSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
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

export function toPosix(path: string): string {
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
  return withoutSecondLinks(ignored.size > 0 ? found.filter((f) => !ignored.has(f)) : found, skipped, display);
}

/** A file reached by two of its hard links is rewritten once, through the first path; the others are skipped with a note. */
function withoutSecondLinks(files: string[], skipped: Skipped[], display: (path: string) => string): Discovery {
  const firstByInode = new Map<string, string>();
  const kept: string[] = [];
  for (const file of files) {
    let key: string | null = null;
    try {
      const stat = statSync(file);
      if (stat.nlink > 1) key = `${stat.dev}:${stat.ino}`;
    } catch {
      // unreadable: reading it later gives the error
    }
    const first = key === null ? undefined : firstByInode.get(key);
    if (first !== undefined) {
      skipped.push({ file: display(file), reason: `a hard link to ${display(first)}, which is rewritten (one file)` });
      continue;
    }
    if (key !== null) firstByInode.set(key, file);
    kept.push(file);
  }
  return { files: kept, skipped };
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
/** The name of the recovery copy of a file being rewritten in place: `.<name>.resilience-<pid>-<random>.orig`. */
export const RECOVERY_FILE_PATTERN = /^\.(.+)\.resilience-(\d+)-[0-9a-f]{8}\.orig$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
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
  for (const entry of listDirectory(dir)) {
    const match = TEMP_FILE_PATTERN.exec(entry);
    if (!match || match[1] !== name || processAlive(Number(match[2]))) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Writes all of `bytes` at `position` of an open file. */
function writeAll(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Makes a directory's entries (a new name, a removed one) durable; a file system that cannot sync a directory is left to do its best. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (some file systems, Windows)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The steps of an in-place write, for tests that stop a process between them. */
export type WriteStep = 'recovery-copy-written' | 'half-written' | 'written';

/**
 * Replaces the content of the file at `real` with `bytes` in place: the same
 * inode, so owner, group, mode, extended attributes and every hard link are
 * kept. The file is opened for update, written from the start, truncated to
 * the new length and synced.
 */
function overwriteInPlace(real: string, bytes: Buffer, onStep?: (step: WriteStep) => void): void {
  const fd = openSync(real, 'r+');
  try {
    if (onStep) {
      // Two writes, so that a test can stop the process with the file half written.
      const half = Math.floor(bytes.length / 2);
      writeAll(fd, bytes.subarray(0, half), 0);
      fsyncSync(fd);
      onStep('half-written');
      writeAll(fd, bytes.subarray(half), half);
    } else {
      writeAll(fd, bytes, 0);
    }
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces a file's content in place, safely:
 * 1. a recovery copy of the original (`.<name>.resilience-<pid>-<random>.orig`
 *    next to it) is written to a temporary name, synced, and renamed, so it
 *    exists only when complete;
 * 2. the file itself is rewritten in place (open for update, write,
 *    truncate, sync): the same inode, so owner, group, mode, extended
 *    attributes and hard links stay as they were; a failed write puts the
 *    original back;
 * 3. the recovery copy is removed.
 * A run killed between 1 and 3 leaves the recovery copy, which the next run
 * puts back before it reads anything (`recoverInterruptedWrites`).
 * Refuses a read-only file, a symbolic link, a path outside `roots` (by real
 * path) and a file whose content changed since it was read.
 */
export function writeFileInPlace(path: string, content: string, expected: Buffer, roots: readonly string[], onStep?: (step: WriteStep) => void): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) throw new Error('refusing to write through a symbolic link');
  const real = realpathSync(path);
  if (!roots.some((root) => isInside(root, real))) throw new Error('refusing to write outside the given paths');
  if ((stat.mode & 0o222) === 0) throw new Error('file is read-only');
  if (!readFileSync(path).equals(expected)) throw new Error('file changed while the codemod ran; left as it is');
  removeStaleTempFiles(real);
  const dir = dirname(real);
  const stem = join(dir, `.${basename(real)}.resilience-${process.pid}-${randomBytes(4).toString('hex')}`);
  const temp = `${stem}.tmp`;
  const recovery = `${stem}.orig`;
  // 1. The recovery copy, complete before its name exists.
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeAll(fd, expected, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, recovery);
    syncDirectory(dir);
  } catch (error) {
    for (const leftover of [temp, recovery]) {
      try {
        unlinkSync(leftover);
      } catch {
        // never created
      }
    }
    throw new Error(`cannot write a recovery copy next to the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); left as it is`);
  }
  onStep?.('recovery-copy-written');
  // 2. The file in place.
  try {
    overwriteInPlace(real, Buffer.from(content, 'utf8'), onStep);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    try {
      overwriteInPlace(real, expected);
    } catch {
      throw new Error(`the write failed (${code}) and the original could not be put back: it is in ${basename(recovery)}`);
    }
    unlinkSync(recovery);
    throw new Error(`the write failed (${code}); the original was put back`);
  }
  onStep?.('written');
  // 3. Done: the recovery copy goes.
  unlinkSync(recovery);
  syncDirectory(dir);
}

export interface Recovery {
  /** The file, absolute. */
  file: string;
  /** The recovery copy's name (in the file's directory). */
  copy: string;
  /** True when the original was put back; false in a dry run, or when putting it back failed (`error`). */
  restored: boolean;
  error?: string;
}

/**
 * Finds the recovery copies a killed run left next to `files` (a process that
 * is gone) and, unless `dry`, puts each original back in place (the file may
 * be half written) and removes the copy. Never throws: a copy that cannot be
 * put back is reported with the reason and the run goes on.
 */
export function recoverInterruptedWrites(files: readonly string[], dry: boolean): Recovery[] {
  const byDir = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = dirname(file);
    let names = byDir.get(dir);
    if (!names) byDir.set(dir, (names = new Set()));
    names.add(basename(file));
  }
  const found: Recovery[] = [];
  for (const [dir, names] of byDir) {
    for (const entry of listDirectory(dir)) {
      const match = RECOVERY_FILE_PATTERN.exec(entry);
      if (!match || !names.has(match[1]!) || processAlive(Number(match[2]))) continue;
      const file = join(dir, match[1]!);
      const copy = join(dir, entry);
      if (dry) {
        found.push({ file, copy: entry, restored: false });
        continue;
      }
      try {
        if (lstatSync(file).isSymbolicLink()) throw new Error('the file is now a symbolic link');
        overwriteInPlace(file, readFileSync(copy));
        unlinkSync(copy);
        syncDirectory(dir);
        found.push({ file, copy: entry, restored: true });
      } catch (error) {
        found.push({ file, copy: entry, restored: false, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      }
    }
  }
  return found;
}
