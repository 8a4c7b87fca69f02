import { describe, expect, it } from 'vitest';
import { matchesGlob, matchSegment, parseGlob } from '../src/glob';
import { matchesAnyDotted, matchesDotted, parseDottedPattern } from '../src/patterns';

describe('dotted patterns', () => {
  it('parses and matches with * as exactly one segment', () => {
    const pattern = parseDottedPattern('uploadStore.*');
    expect(pattern).toEqual(['uploadStore', '*']);
    expect(matchesDotted(pattern as string[], ['uploadStore', 'put'])).toBe(true);
    expect(matchesDotted(pattern as string[], ['uploadStore'])).toBe(false);
    expect(matchesDotted(pattern as string[], ['uploadStore', 'a', 'b'])).toBe(false);
    expect(matchesDotted(pattern as string[], ['other', 'put'])).toBe(false);
  });

  it('matches through a leading this', () => {
    expect(matchesAnyDotted([['uploadStore', '*']], ['this', 'uploadStore', 'put'])).toBe(true);
    expect(matchesAnyDotted([['uploadStore', '*']], ['self', 'uploadStore', 'put'])).toBe(false);
  });
});

describe('globs', () => {
  const glob = (text: string) => parseGlob(text) as string[];

  it.each([
    ['src/lib/shared-fs.ts', 'src/lib/shared-fs.ts', true],
    ['./src/lib/shared-fs.ts', 'src/lib/shared-fs.ts', true],
    ['src/lib/*.ts', 'src/lib/shared-fs.ts', true],
    ['src/lib/*.ts', 'src/lib/deep/shared-fs.ts', false],
    ['src/**/*.ts', 'src/lib/deep/shared-fs.ts', true],
    ['src/**/*.ts', 'src/a.ts', true],
    ['**/shared-?s.ts', 'x/y/shared-fs.ts', true],
    ['src/lib/shared-fs.ts', 'src/lib/shared-fs.tsx', false],
  ])('%s against %s is %s', (pattern, path, expected) => {
    expect(matchesGlob(glob(pattern), path)).toBe(expected);
  });

  it('matches a pathological star pattern in polynomial steps', () => {
    const pattern = `${'*a'.repeat(200)}b`;
    const text = 'a'.repeat(5_000);
    const steps = { count: 0 };
    // The two-pointer matcher is O(pattern x text) at worst; a backtracking regex would not finish.
    expect(matchSegment(pattern, text, steps)).toBe(false);
    expect(steps.count).toBeLessThanOrEqual(pattern.length * text.length);
    expect(steps.count).toBeGreaterThan(0);
  });
});
