/**
 * Invalid `settings.resilience` values and the exact message each must give,
 * shared by the unit tests of the getter and the tests through the real
 * eslint binary.
 */
export const resource = (overrides: Record<string, unknown> = {}) => ({
  name: 'shared-fs',
  match: { modules: ['fs'] },
  ...overrides,
});

export const badSettingsCases: [name: string, raw: unknown, message: string][] = [
    ['a non-object', 'yes', 'settings.resilience must be an object (got the string "yes").'],
    ['an unknown top-level key', { sharedResource: [] }, 'settings.resilience.sharedResource is not a known key (expected one of: sharedResources, cloneFunctions, hotFunctions, node, root).'],
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
    ['an absolute choke point', { sharedResources: [resource({ chokePoints: ['/src/lib.ts'] })] }, 'settings.resilience.sharedResources[0].chokePoints[0] must be a glob relative to the settings base directory (it must be relative, not absolute) (got the string "/src/lib.ts").'],
    ['a glob with braces', { sharedResources: [resource({ chokePoints: ['src/{a,b}.ts'] })] }, 'settings.resilience.sharedResources[0].chokePoints[0] must be a glob relative to the settings base directory (it uses "{", which is not supported (use *, ? and **)) (got the string "src/{a,b}.ts").'],
    ['a wrap template that does not parse', { sharedResources: [resource({ fix: { wrap: 'withOutageFlip(() => $CALL' } })] }, 'settings.resilience.sharedResources[0].fix.wrap must be a JavaScript expression template that parses, such as "withOutageFlip(\'x\', () => $CALL)" (got the string "withOutageFlip(() => $CALL").'],
    ['a wrap template without $CALL', { sharedResources: [resource({ fix: { wrap: 'withOutageFlip(() => CALL)' } })] }, 'settings.resilience.sharedResources[0].fix.wrap must contain $CALL where the original call goes (got the string "withOutageFlip(() => CALL)").'],
    ['a wrap template with $CALL only in a string', { sharedResources: [resource({ fix: { wrap: "guard('$CALL')" } })] }, 'settings.resilience.sharedResources[0].fix.wrap must contain $CALL where the original call goes (got the string "guard(\'$CALL\')").'],
    ['a wrap template whose line comment swallows the rest of the line', { sharedResources: [resource({ fix: { wrap: '$CALL // note' } })] }, 'settings.resilience.sharedResources[0].fix.wrap must not end in an open line comment (`// …`): it would comment out the rest of the line the call is on (got the string "$CALL // note").'],
    ['an import with both named and default', { sharedResources: [resource({ fix: { wrap: 'g($CALL)', import: { named: 'g', default: 'g', from: 'x' } } })] }, 'settings.resilience.sharedResources[0].fix.import must have exactly one of: named, default.'],
    ['an import without from', { sharedResources: [resource({ fix: { wrap: 'g($CALL)', import: { named: 'g' } } })] }, 'settings.resilience.sharedResources[0].fix.import.from is required.'],
    ['cloneFunctions not strings', { cloneFunctions: [null] }, 'settings.resilience.cloneFunctions must be an array of strings (item 0 is null).'],
    ['an empty hot function pattern', { hotFunctions: [''] }, 'settings.resilience.hotFunctions[0] must be a dotted name pattern such as "uploadStore.*" (it must not be empty) (got the string "").'],
];
