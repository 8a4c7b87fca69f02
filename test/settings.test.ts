import { describe, expect, it } from 'vitest';
import { ResilienceConfigError } from '../src/errors';
import { getSettings, parseSettings } from '../src/settings';
import { badSettingsCases } from './helpers/bad-settings';

function errorOf(raw: unknown): string {
  try {
    parseSettings(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ResilienceConfigError);
    return (error as Error).message;
  }
  throw new Error('expected parseSettings to throw');
}

describe('parseSettings', () => {
  it('returns empty settings when none are given', () => {
    expect(parseSettings(undefined)).toEqual({ sharedResources: [], cloneFunctions: [], hotFunctions: [] });
  });

  it('normalises a full resource', () => {
    const parsed = parseSettings({
      sharedResources: [
        {
          name: 'shared-fs',
          match: {
            modules: ['node:fs', 'fs-extra'],
            paths: ['/mnt/shared'],
            pathIdentifiers: ['SHARED_ROOT', 'config.sharedDir'],
            calls: ['uploadStore.*'],
            globals: ['fetch'],
          },
          guards: ['withOutageFlip', '*.execute'],
          flags: ['outageFlips.sharedFs', 'isSharedFsUp()', "flags.isEnabled('shared-fs')"],
          chokePoints: ['./src/lib/shared-fs.ts', 'lib/**/*.js'],
          fix: { wrap: "withOutageFlip('shared-fs', () => $CALL)", import: { named: 'withOutageFlip', from: './src/lib/outage-flips' } },
        },
      ],
      cloneFunctions: ['utils.deepCopy'],
      hotFunctions: ['handle*'.replace('*', '')],
    });
    const [shared] = parsed.sharedResources;
    expect(shared).toEqual({
      name: 'shared-fs',
      index: 0,
      match: {
        modules: ['fs', 'fs-extra'],
        paths: ['/mnt/shared'],
        pathIdentifiers: [['SHARED_ROOT'], ['config', 'sharedDir']],
        calls: [['uploadStore', '*']],
        globals: ['fetch'],
      },
      guards: [['withOutageFlip'], ['*', 'execute']],
      guardNames: ['withOutageFlip', '*.execute'],
      flags: ['outageFlips.sharedFs', 'isSharedFsUp()', 'flags.isEnabled("shared-fs")'],
      flagNames: ['outageFlips.sharedFs', 'isSharedFsUp()', "flags.isEnabled('shared-fs')"],
      chokePoints: [['src', 'lib', 'shared-fs.ts'], ['lib', '**', '*.js']],
      fix: { wrap: "withOutageFlip('shared-fs', () => $CALL)", import: { named: 'withOutageFlip', from: './src/lib/outage-flips' } },
    });
    expect(parsed.cloneFunctions).toEqual([['utils', 'deepCopy']]);
    expect(parsed.hotFunctions).toEqual([['handle']]);
  });

  it.each(badSettingsCases)('rejects %s with a message naming the key path', (_name, raw, message) => {
    expect(errorOf(raw)).toBe(`eslint-plugin-resilience: ${message}`);
  });

  it('has no stack trace in the error, only the message', () => {
    try {
      parseSettings({ hotFunctions: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).stack).toBe((error as Error).message);
    }
  });

  it('handles a pathological pattern in linear steps (no regular expression from input)', () => {
    const long = `${'a.'.repeat(50_000)}b`;
    expect(parseSettings({ hotFunctions: [long] }).hotFunctions[0]).toHaveLength(50_001);
  });
});

describe('getSettings', () => {
  it('validates once per settings object', () => {
    const raw = { hotFunctions: ['handle'] };
    const first = getSettings({ settings: { resilience: raw } });
    expect(getSettings({ settings: { resilience: raw } })).toBe(first);
  });

  it('throws the clear error for a bad value', () => {
    expect(() => getSettings({ settings: { resilience: { hotFunctions: 5 } } })).toThrow(
      'eslint-plugin-resilience: settings.resilience.hotFunctions must be an array of strings (got number 5).',
    );
  });
});
