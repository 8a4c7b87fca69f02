/**
 * Rules never throw on the real third-party corpus of bench/corpus.mjs, with
 * every option on. The corpus is split over corpus-0 and corpus-1 (every
 * other file) so the two halves run in parallel workers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles, relativeToRoot } from '../../bench/corpus.mjs';
import { lintOrExplain } from '../helpers/crash-safety';
import { lint } from '../helpers/lint';

describe('rules never throw', () => {
  it('on the real third-party corpus (the second of every two files)', () => {
    const all: string[] = corpusFiles();
    expect(all.length).toBeGreaterThanOrEqual(2000);
    const files = all.filter((_, i) => i % 2 === 1);
    // The config really applies to both languages (no "No matching configuration" notice).
    expect(lint('fs.readFileSync(x);', { filename: 'src/probe.ts' }).every((m) => m.ruleId !== null)).toBe(true);
    let parsed = 0;
    for (const file of files) {
      const filename = file.endsWith('.ts') ? 'src/corpus.ts' : 'src/corpus.js';
      const messages = lintOrExplain(readFileSync(file, 'utf8'), filename, relativeToRoot(file));
      if (!messages.some((m) => m.fatal)) parsed++;
    }
    // Nearly every file must parse, or this test would check nothing.
    expect(parsed).toBeGreaterThan(files.length * 0.95);
  });
});
