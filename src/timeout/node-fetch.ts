/**
 * Which node-fetch a file imports: the installed version it resolves to from
 * its own directory, read only when a node-fetch suggestion is about to be
 * built, once per file (the caller keeps the answer in its per-file context;
 * nothing is cached across files or runs).
 *
 * node-fetch 2 has its own `timeout` option and runs on Node versions without
 * `AbortSignal.timeout`; node-fetch 3 removed `timeout` and takes a signal.
 * Importing node-fetch is itself a sign the code targets runtimes without a
 * global fetch, so a missing `engines.node` says nothing here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';

/** The `version` of the node-fetch `filename` resolves to (Node's lookup of `node_modules` folders), or null. */
export function nodeFetchVersion(filename: string): string | null {
  if (!filename || !isAbsolute(filename)) return null;
  let paths: string[] | null;
  try {
    // The folders Node searches for a bare `node-fetch` from this file; the
    // package.json is read directly, so an `exports` map that does not list it does not hide it.
    paths = createRequire(filename).resolve.paths('node-fetch');
  } catch {
    return null;
  }
  for (const dir of paths ?? []) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'node-fetch', 'package.json'), 'utf8');
    } catch {
      continue;
    }
    try {
      const version = (JSON.parse(text) as { version?: unknown } | null)?.version;
      return typeof version === 'string' && parseMajor(version) !== null ? version.trim() : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The major version of `2.7.0`, `v3.3.2`, `3.0.0-beta.9`; null when it cannot be read. */
export function parseMajor(version: string): number | null {
  const match = /^\s*v?(\d+)\.\d+\.\d+(?:[-+][\w.+-]*)?\s*$/.exec(version);
  return match ? Number(match[1]) : null;
}

/**
 * What a node-fetch suggestion can use in `filename`: `timeout` (node-fetch 1
 * and 2), `signal` (3 and later), or `unknown` with the reason (the text after
 * "No quick fix: "). `setting` (`settings.resilience.nodeFetch`) replaces the
 * installed version.
 */
export function nodeFetchTimeout(filename: string, setting?: string): { kind: 'timeout' | 'signal'; version: string } | { kind: 'unknown'; reason: string } {
  const version = setting ?? nodeFetchVersion(filename);
  const major = version === null ? null : parseMajor(version);
  if (version === null || major === null) {
    return {
      kind: 'unknown',
      reason:
        "node-fetch cannot be found from this file's directory, so whether the call takes node-fetch 2's `timeout` option or needs node-fetch 3's abort signal is unknown (settings.resilience.nodeFetch names the version)",
    };
  }
  return { kind: major <= 2 ? 'timeout' : 'signal', version };
}
