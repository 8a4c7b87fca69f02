/**
 * Counting steps, not time: on a 1 MB single-line file (a minified bundle is
 * one), the work every rule does grows linearly with the input. Steps are
 * rule listener calls plus calls into the shared analysis (import tracking,
 * scope lookups); doubling the input must not more than double them (with 10%
 * slack for fixed costs). One file per bundle shape, so the two heavy runs
 * can go to different workers; no wall-clock limit beyond the suite's hang
 * guard (vitest.config.mts).
 */
import { afterEach, describe, it, vi } from 'vitest';
import { expectLinearSteps } from '../helpers/scaling';

afterEach(() => vi.restoreAllMocks());

describe('a 1 MB single-line file', () => {
  it('costs every rule linear work in its size: unique helper names (a minified bundle)', () => {
    expectLinearSteps(true);
  });
});
