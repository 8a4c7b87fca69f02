/**
 * Which Node versions a file runs on: `engines.node` of its nearest
 * package.json, read only when a suggestion that needs a recent runtime is
 * about to be built, once per file (the caller keeps the answer in its
 * per-file context; nothing is cached across files or runs).
 *
 * A file with no package.json above it, or whose nearest package.json has no
 * `engines.node`, is assumed to run on a current Node.
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
      // The nearest package.json decides, like Node's own lookup of "type"; one that does not parse says nothing.
      try {
        const json = JSON.parse(text) as { engines?: { node?: unknown } } | null;
        const node = json?.engines?.node;
        return typeof node === 'string' && node.trim() !== '' ? node.trim() : null;
      } catch {
        return null;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
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
    const version = parseVersion(match[2]!);
    if (!version) return null;
    if (match[1] === '<' || match[1] === '<=') continue;
    if (compare(version, lowest) > 0) lowest = version;
  }
  return lowest;
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
 */
export function abortSignalTimeoutBlocked(filename: string): string | null {
  const range = nodeEngines(filename);
  if (range === null || enginesAllowAbortSignalTimeout(range)) return null;
  return `AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and the package's engines.node \`${range}\` allows older versions; a runtime-independent timeout is a decision for a person`;
}
