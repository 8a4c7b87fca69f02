/**
 * Which Node versions a file runs on: `engines.node` of its nearest
 * package.json, read only when a suggestion that needs a recent runtime is
 * about to be built, once per file (the caller keeps the answer in its
 * per-file context; nothing is cached across files or runs).
 *
 * A file with no package.json above it, or whose nearest package.json has no
 * `engines.node`, is assumed to run on a current Node. A package.json with
 * neither `name` nor `engines` (a `{ "type": "commonjs" }` marker in a build
 * folder) is skipped for the next one up.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

type Version = readonly [number, number, number];

/** `engines.node` of the nearest package.json above `filename`; null when there is none (or the file has no real path). */
export function nodeEngines(filename: string): string | null {
  if (!filename || !isAbsolute(filename)) return null;
  let dir = dirname(filename);
  for (;;) {
    let text: string | null = null;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      text = null;
    }
    if (text !== null) {
      // The nearest package.json decides; one with neither a name nor engines (a `{ "type": "commonjs" }` marker in
      // dist/cjs) is not the package, so the lookup goes on. One that does not parse says nothing.
      const json = parsePackage(text);
      if (json === undefined) return null;
      const node = json?.engines?.node;
      if (typeof node === 'string' && node.trim() !== '') return node.trim();
      if (json?.name !== undefined || json?.engines !== undefined) return null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** A package.json's fields that matter here; undefined when it does not parse. */
function parsePackage(text: string): { name?: unknown; engines?: { node?: unknown } } | null | undefined {
  try {
    return JSON.parse(text) as { name?: unknown; engines?: { node?: unknown } } | null;
  } catch {
    return undefined;
  }
}

function parseVersion(text: string): Version | null {
  const match = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+].*)?$/.exec(text);
  if (!match) return /^[xX*]$/.test(text) ? [0, 0, 0] : null;
  const part = (value: string | undefined) => (value === undefined || /^[xX*]$/.test(value) ? 0 : Number(value));
  return [Number(match[1]), part(match[2]), part(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The lowest version one alternative of a range allows (`>=12.10.0`,
 * `^14.17`, `16.x`, `>= 18 < 23`, `14.0.0 - 16`); [0, 0, 0] when it sets no
 * lower bound (`<18`, `*`); null when it cannot be read.
 */
function lowestOf(alternative: string): Version | null {
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(alternative);
  if (hyphen) return parseVersion(hyphen[1]!);
  let lowest: Version = [0, 0, 0];
  const comparators = alternative.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
  for (const comparator of comparators) {
    const match = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator)!;
    let version = parseVersion(match[2]!);
    if (!version) return null;
    if (match[1] === '<' || match[1] === '<=') continue;
    if (match[1] === '>') {
      // `>17` is `>=18.0.0`, `>17.5` is `>=17.6.0`, `>17.5.1` is `>=17.5.2`: the next version the written parts allow.
      const parts = match[2]!.replace(/^v/, '').split(/[-+]/)[0]!.split('.').filter((part) => /^\d+$/.test(part)).length;
      version = parts >= 3 ? [version[0], version[1], version[2] + 1] : parts === 2 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0];
    }
    if (compare(version, lowest) > 0) lowest = version;
  }
  return lowest;
}

/** True when every alternative of a range has readable lower bounds (`>=12.10.0`, `^16 || >=18`, `*`). */
export function isReadableRange(range: string): boolean {
  const alternatives = range.split('||').map((a) => a.trim());
  return range.trim() !== '' && alternatives.every((alternative) => alternative === '' || lowestOf(alternative) !== null);
}

/**
 * Whether some alternative of an `engines.node` range starts below Node 18,
 * the first with a global `fetch` (undici's) by default: there a global
 * `fetch` is a polyfill, most often node-fetch, which sets no timeout. A range
 * that cannot be read is taken to allow it.
 */
export function enginesAllowNodeWithoutFetch(range: string): boolean {
  return range.split('||').some((part) => {
    const alternative = part.trim();
    const lowest = alternative === '' ? ([0, 0, 0] as const) : lowestOf(alternative);
    return lowest === null || compare(lowest, [18, 0, 0]) < 0;
  });
}

/** AbortSignal.timeout: Node 17.3, backported to 16.14. */
function hasAbortSignalTimeout(version: Version): boolean {
  return compare(version, [17, 3, 0]) >= 0 || (version[0] === 16 && compare(version, [16, 14, 0]) >= 0);
}

/**
 * Whether every alternative of an `engines.node` range starts at a Node with
 * `AbortSignal.timeout` (its lowest version at 17.3 or above, or 16.14 and
 * above within 16.x). A range that cannot be read does not allow it.
 */
export function enginesAllowAbortSignalTimeout(range: string): boolean {
  const alternatives = range.split('||').map((a) => a.trim());
  return alternatives.every((alternative) => {
    const lowest = alternative === '' ? ([0, 0, 0] as const) : lowestOf(alternative);
    return lowest !== null && hasAbortSignalTimeout(lowest);
  });
}

/**
 * Null when a suggestion may use `AbortSignal.timeout` in `filename`,
 * otherwise the reason there is none (the text after "No quick fix: ").
 * `setting` (`settings.resilience.node`) replaces the package's engines.node.
 */
export function abortSignalTimeoutBlocked(filename: string, setting?: string): string | null {
  const range = setting ?? nodeEngines(filename);
  if (range === null || enginesAllowAbortSignalTimeout(range)) return null;
  const source = setting !== undefined ? 'settings.resilience.node' : "the package's engines.node";
  return `AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and ${source} \`${range}\` allows older versions; a runtime-independent timeout is a decision for a person`;
}
