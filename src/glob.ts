/**
 * A small glob matcher for `chokePoints`: `*` and `?` within one path
 * segment, `**` for any number of segments. It never builds a regular
 * expression; matching is dynamic programming over segments and characters,
 * so its cost is bounded by (pattern length x path length) whatever the input.
 */
export type ParsedGlob = readonly string[];

export function parseGlob(text: string): ParsedGlob | { error: string } {
  if (text.trim().length === 0) return { error: 'must not be empty' };
  if (text.includes('\\')) return { error: 'must use forward slashes' };
  for (const unsupported of ['[', ']', '{', '}', '!(', '+(', '@(']) {
    if (text.includes(unsupported)) {
      return { error: `uses ${JSON.stringify(unsupported)}, which is not supported (use *, ? and **)` };
    }
  }
  if (text.startsWith('/')) return { error: 'must be relative, not absolute' };
  const segments = text.replace(/^\.\//, '').split('/').filter((s) => s.length > 0 && s !== '.');
  if (segments.includes('..')) return { error: 'must not contain ".." segments' };
  for (const segment of segments) {
    if (segment.includes('**') && segment !== '**') return { error: '"**" must be a whole path segment' };
  }
  if (segments.length === 0) return { error: 'must name at least one path segment' };
  return segments;
}

/** `*` any run of characters, `?` one character; iterative two-pointer match, O(p x s). */
export function matchSegment(pattern: string, text: string, steps?: { count: number }): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (steps) steps.count++;
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (starP !== -1) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Matches a relative, forward-slash path against a parsed glob. */
export function matchesGlob(glob: ParsedGlob, path: string): boolean {
  const parts = path.split('/').filter((s) => s.length > 0 && s !== '.');
  // reachable[j]: the first i glob segments can match the first j path parts.
  let reachable = new Array<boolean>(parts.length + 1).fill(false);
  reachable[0] = true;
  for (const segment of glob) {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    if (segment === '**') {
      let any = false;
      for (let j = 0; j <= parts.length; j++) {
        any = any || reachable[j]!;
        next[j] = any;
      }
    } else {
      for (let j = 0; j < parts.length; j++) {
        if (reachable[j] && matchSegment(segment, parts[j]!)) next[j + 1] = true;
      }
    }
    reachable = next;
  }
  return reachable[parts.length]!;
}
