import { describe, expect, it } from 'vitest';
import { ResilienceConfigError } from '../src/errors';
import { getSettings, parseSettings } from '../src/settings';

const resource = (overrides: Record<string, unknown> = {}) => ({
  name: 'shared-fs',
  match: { modules: ['fs'] },
  ...overrides,
});

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

  it.each([
    ['a non-object', 'yes', 'settings.resilience must be an object (got the string "yes").'],
    ['an unknown top-level key', { sharedResource: [] }, 'settings.resilience.sharedResource is not a known key (expected one of: sharedResources, cloneFunctions, hotFunctions).'],
    ['sharedResources not an array', { sharedResources: {} }, 'settings.resilience.sharedResources must be an array (got an object).'],
    ['a missing name', { sharedResources: [{ match: { modules: ['fs'] } }] }, 'settings.resilience.sharedResources[0].name is required.'],
    ['an empty name', { sharedResources: [resource({ name: ' ' })] }, 'settings.resilience.sharedResources[0].name must be a non-empty string (got the string " ").'],
    ['a duplicate name', { sharedResources: [resource(), resource()] }, 'settings.resilience.sharedResources[1].name "shared-fs" is used by an earlier resource; names must be unique.'],
    ['guards of the wrong type', { sharedResources: [resource({ guards: 'withOutageFlip' })] }, 'settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip").'],
    ['a guard that is not a string', { sharedResources: [resource({ guards: [3] })] }, 'settings.resilience.sharedResources[0].guards must be an array of strings (item 0 is number 3).'],
    ['a bad dotted guard', { sharedResources: [resource({ guards: ['a..b'] })] }, 'settings.resilience.sharedResources[0].guards[0] must be a dotted name pattern such as "uploadStore.*" (it has an invalid segment "" (each segment between dots must be a name or *)) (got the string "a..b").'],
    ['an unknown resource key', { sharedResources: [resource({ gaurds: [] })] }, 'settings.resilience.sharedResources[0].gaurds is not a known key (expected one of: name, match, guards, flags, chokePoints, fix).'],
    ['a match with nothing to match', { sharedResources: [resource({ match: { paths: ['/mnt'] } })] }, 'settings.resilience.sharedResources[0].match must have at least one of: modules, calls, globals.'],
    ['a global that is not an identifier', { sharedResources: [resource({ match: { globals: ['window.fetch'] } })] }, 'settings.resilience.sharedResources[0].match.globals[0] must be a JavaScript identifier (got the string "window.fetch").'],
    ['a flag that does not parse', { sharedResources: [resource({ flags: ['flags.isEnabled('] })] }, 'settings.resilience.sharedResources[0].flags[0] must be a simple expression such as "outageFlips.sharedFs", "isUp()" or "flags.isEnabled(\'x\')" (got the string "flags.isEnabled(").'],
    ['a flag that is not simple', { sharedResources: [resource({ flags: ['a + b'] })] }, 'settings.resilience.sharedResources[0].flags[0] must be a simple expression such as "outageFlips.sharedFs", "isUp()" or "flags.isEnabled(\'x\')" (got the string "a + b").'],
    ['an absolute choke point', { sharedResources: [resource({ chokePoints: ['/src/lib.ts'] })] }, 'settings.resilience.sharedResources[0].chokePoints[0] must be a glob relative to the ESLint working directory (it must be relative to the ESLint working directory, not absolute) (got the string "/src/lib.ts").'],
    ['a glob with braces', { sharedResources: [resource({ chokePoints: ['src/{a,b}.ts'] })] }, 'settings.resilience.sharedResources[0].chokePoints[0] must be a glob relative to the ESLint working directory (it uses "{", which is not supported (use *, ? and **)) (got the string "src/{a,b}.ts").'],
    ['a wrap template that does not parse', { sharedResources: [resource({ fix: { wrap: 'withOutageFlip(() => $CALL' } })] }, 'settings.resilience.sharedResources[0].fix.wrap must be a JavaScript expression template that parses, such as "withOutageFlip(\'x\', () => $CALL)" (got the string "withOutageFlip(() => $CALL").'],
    ['a wrap template without $CALL', { sharedResources: [resource({ fix: { wrap: 'withOutageFlip(() => CALL)' } })] }, 'settings.resilience.sharedResources[0].fix.wrap must contain $CALL where the original call goes (got the string "withOutageFlip(() => CALL)").'],
    ['a wrap template with $CALL only in a string', { sharedResources: [resource({ fix: { wrap: "guard('$CALL')" } })] }, 'settings.resilience.sharedResources[0].fix.wrap must contain $CALL where the original call goes (got the string "guard(\'$CALL\')").'],
    ['an import with both named and default', { sharedResources: [resource({ fix: { wrap: 'g($CALL)', import: { named: 'g', default: 'g', from: 'x' } } })] }, 'settings.resilience.sharedResources[0].fix.import must have exactly one of: named, default.'],
    ['an import without from', { sharedResources: [resource({ fix: { wrap: 'g($CALL)', import: { named: 'g' } } })] }, 'settings.resilience.sharedResources[0].fix.import.from is required.'],
    ['cloneFunctions not strings', { cloneFunctions: [null] }, 'settings.resilience.cloneFunctions must be an array of strings (item 0 is null).'],
    ['an empty hot function pattern', { hotFunctions: [''] }, 'settings.resilience.hotFunctions[0] must be a dotted name pattern such as "uploadStore.*" (it must not be empty) (got the string "").'],
  ])('rejects %s with a message naming the key path', (_name, raw, message) => {
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
