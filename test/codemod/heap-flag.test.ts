import { describe, expect, it } from 'vitest';
import { codemodHeapFlag } from '../../src/cli/main';

// The `resilience` binary sets V8's heap growing factor for codemod runs (issue 17, peak memory):
// the run's live heap is small and stable, and the default 4x growth lets dead per-file ASTs pile up.
describe('codemodHeapFlag', () => {
  it('a codemod run grows the heap by 2x (heap growing percent 100)', () => {
    expect(codemodHeapFlag(['codemod', 'add-retry-backoff', 'src'], [], {})).toBe('--heap-growing-percent=100');
  });

  it('other commands keep V8 defaults (the audit holds the whole program; help and version do nothing)', () => {
    expect(codemodHeapFlag(['audit', 'src'], [], {})).toBeNull();
    expect(codemodHeapFlag(['--help'], [], {})).toBeNull();
    expect(codemodHeapFlag([], [], {})).toBeNull();
  });

  it("a growing factor the user gives node wins, on node's command line or in NODE_OPTIONS", () => {
    const argv = ['codemod', 'add-retry-backoff', 'src'];
    expect(codemodHeapFlag(argv, ['--heap-growing-percent=0'], {})).toBeNull();
    expect(codemodHeapFlag(argv, ['--heap_growing_percent=30'], {})).toBeNull();
    expect(codemodHeapFlag(argv, [], { NODE_OPTIONS: '--max-old-space-size=8192 --heap-growing-percent=50' })).toBeNull();
    // Other flags do not count as the user's choice.
    expect(codemodHeapFlag(argv, ['--max-old-space-size=8192'], { NODE_OPTIONS: '--enable-source-maps' })).toBe('--heap-growing-percent=100');
  });
});
