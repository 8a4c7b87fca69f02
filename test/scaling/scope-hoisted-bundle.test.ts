/**
 * Counting steps, not time: a 1 MB file that declares n functions and makes n
 * calls in one scope, with a retry library required (a scope-hoisted or
 * concatenated bundle), costs every rule linear work in its size. The steps
 * include reads of child-scope lists: a variable lookup that scanned the
 * sibling scopes of each call made this shape quadratic (a retry rule took
 * 1.6 s, 6.7 s and 35 s on 0.37, 0.75 and 1.5 MB of it).
 */
import { afterEach, describe, it, vi } from 'vitest';
import { expectLinearSteps, flatBundle } from '../helpers/scaling';

afterEach(() => vi.restoreAllMocks());

describe('a 1 MB single-line file', () => {
  it('costs every rule linear work in its size: n functions and n calls in one scope, a retry library required (a scope-hoisted bundle)', () => {
    expectLinearSteps(flatBundle);
  });
});
