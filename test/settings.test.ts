import { describe, expect, it } from 'vitest';
import { parseSettings } from '../src/settings';

describe('parseSettings', () => {
  it('returns empty settings when none are given', () => {
    expect(parseSettings(undefined)).toEqual({ sharedResources: [], cloneFunctions: [], hotFunctions: [] });
  });
});
