/**
 * `settings.resilience`: the one typed, validating getter for the plugin's
 * shared settings, with the schema it validates against beside it. ESLint does
 * not validate `settings`, so every rule reads them through `getSettings`,
 * which throws a `ResilienceConfigError` naming the key path and what was
 * expected.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { ResilienceConfigError } from './errors';
import { isReadableRange } from './timeout/engines';
import { parseGlob, type ParsedGlob } from './glob';
import { canonicalExpression, isIdentifierName, parseDottedPattern, type DottedPattern } from './patterns';

type StringFormat = 'text' | 'dotted' | 'glob' | 'flag' | 'wrap' | 'module' | 'identifier' | 'absolute';

export type SettingsSchema =
  | { type: 'string'; format: StringFormat; description: string }
  | { type: 'array'; items: SettingsSchema; description: string }
  | {
      type: 'object';
      properties: Record<string, SettingsSchema>;
      required?: readonly string[];
      oneOf?: readonly (readonly string[])[];
      anyOf?: readonly string[];
      description: string;
    };

const stringList = (format: StringFormat, description: string): SettingsSchema => ({
  type: 'array',
  items: { type: 'string', format, description },
  description,
});

/** The schema of `settings.resilience`; docs/settings.md documents every property here. */
export const settingsSchema = {
  type: 'object',
  description: 'Shared settings of eslint-plugin-resilience.',
  properties: {
    sharedResources: {
      type: 'array',
      description: 'Shared resources (a network filesystem, an HTTP dependency) whose every access must go through a guard.',
      items: {
        type: 'object',
        description: 'One shared resource.',
        required: ['name', 'match'],
        properties: {
          name: { type: 'string', format: 'text', description: 'Unique name of the resource, used in messages and in `@guarded <name>`.' },
          match: {
            type: 'object',
            description: 'Which calls access the resource.',
            anyOf: ['modules', 'calls', 'globals'],
            properties: {
              modules: stringList('module', 'Modules whose imported or required functions, and the clients they make (`new Pool()`, `axios.create()`), access the resource (`fs` also matches `node:fs`).'),
              paths: stringList('text', 'Only calls whose path argument starts with one of these prefixes count.'),
              pathIdentifiers: stringList('dotted', 'Only calls whose path argument is built from one of these names (template, `path.join`, `+`) count.'),
              calls: stringList('dotted', "Member calls by dotted pattern; `*` matches one segment (`uploadStore.*`)."),
              globals: stringList('identifier', 'Global functions that access the resource (`fetch`).'),
            },
          },
          guards: stringList('dotted', 'Calls whose function argument runs guarded (`withOutageFlip`, `breaker.fire`, `*.execute`).'),
          flags: stringList('flag', "Expressions that gate access when truthy (`outageFlips.sharedFs`, `isUp()`, `flags.isEnabled('x')`)."),
          chokePoints: stringList('glob', 'Globs of the files that implement the guard, relative to the settings base (`root`, else the directory of the nearest eslint.config.*).'),
          fix: {
            type: 'object',
            description: 'The rewrite offered as a suggestion (and applied by the codemod).',
            required: ['wrap'],
            properties: {
              wrap: { type: 'string', format: 'wrap', description: 'Expression template; `$CALL` stands for the original call.' },
              import: {
                type: 'object',
                description: 'Import added once per file for the guard used in `wrap`.',
                required: ['from'],
                oneOf: [['named'], ['default']],
                properties: {
                  named: { type: 'string', format: 'identifier', description: 'Named export to import.' },
                  default: { type: 'string', format: 'identifier', description: 'Local name for a default import.' },
                  from: { type: 'string', format: 'text', description: "Module specifier; a path starting with './' is relative to the settings base (`root`, else the directory of the nearest eslint.config.*) and rewritten per file." },
                },
              },
            },
          },
        },
      },
    },
    cloneFunctions: stringList('dotted', 'Extra deep-clone functions by dotted pattern (`utils.deepCopy`).'),
    hotFunctions: stringList('dotted', 'Names of functions that run hot (per request, per event) by dotted pattern.'),
    node: {
      type: 'string',
      format: 'text',
      description:
        "The Node versions the linted code runs on, as an `engines.node` range (`>=12.10.0`); replaces the nearest package.json's `engines.node` where a suggestion needs a recent runtime (require-timeout's `AbortSignal.timeout`).",
    },
    root: {
      type: 'string',
      format: 'absolute',
      description:
        'Absolute directory that `chokePoints` and `fix.import.from` are relative to (`import.meta.dirname` in eslint.config.mjs). Default: the directory of the nearest eslint.config.* above the linted file.',
    },
  },
} as const satisfies SettingsSchema;

export interface SharedResourceFix {
  wrap: string;
  import?: { named?: string; default?: string; from: string };
}

export interface SharedResource {
  name: string;
  /** Index in `settings.resilience.sharedResources`, for messages. */
  index: number;
  match: {
    modules: string[];
    paths: string[];
    pathIdentifiers: DottedPattern[];
    calls: DottedPattern[];
    globals: string[];
  };
  guards: DottedPattern[];
  /** The guards as the user wrote them, for messages. */
  guardNames: string[];
  /** Canonical texts of the flag expressions (see `canonicalExpression`). */
  flags: string[];
  /** The flags as the user wrote them, for messages. */
  flagNames: string[];
  chokePoints: ParsedGlob[];
  fix?: SharedResourceFix;
}

export interface ResilienceSettings {
  sharedResources: SharedResource[];
  cloneFunctions: DottedPattern[];
  hotFunctions: DottedPattern[];
  /** The `root` setting: the base of `chokePoints` and `fix.import.from` (see settings-base.ts). */
  root?: string;
  /** The `node` setting: the Node versions the code runs on, an `engines.node` range. */
  node?: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function parseExpression(text: string): TSESTree.Expression | null {
  try {
    const program = espree.parse(`(${text}\n)`, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as TSESTree.Program;
    const statement = program.body[0];
    if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return null;
    return statement.expression;
  } catch {
    return null;
  }
}

/** The template parses with code following it on the same line (no open `//` comment at its end). */
function parsesOnOneLine(text: string): boolean {
  try {
    espree.parse(`(${text}) + 0`, { ecmaVersion: 'latest', sourceType: 'module' });
    return true;
  } catch {
    return false;
  }
}

function containsIdentifier(node: unknown, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record.type === 'Identifier' && record.name === name) return true;
  for (const key of Object.keys(record)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const child = record[key];
    if (Array.isArray(child)) {
      for (const item of child) if (containsIdentifier(item, name)) return true;
    } else if (child && typeof child === 'object' && containsIdentifier(child, name)) {
      return true;
    }
  }
  return false;
}

/** Checks one string against its format; returns what was expected, or null when fine. */
function checkFormat(format: StringFormat, value: string): string | null {
  switch (format) {
    case 'text':
      return value.trim().length === 0 ? 'must be a non-empty string' : null;
    case 'identifier':
      return isIdentifierName(value) ? null : 'must be a JavaScript identifier';
    case 'absolute':
      return value.length > 0 && (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'))
        ? null
        : 'must be an absolute directory path, such as import.meta.dirname in eslint.config.mjs';
    case 'module':
      return value.trim().length === 0 || /\s/.test(value) ? 'must be a module name such as "fs" or "fs/promises"' : null;
    case 'dotted': {
      const parsed = parseDottedPattern(value);
      return 'error' in parsed ? `must be a dotted name pattern such as "uploadStore.*" (it ${parsed.error})` : null;
    }
    case 'glob': {
      const parsed = parseGlob(value);
      return 'error' in parsed ? `must be a glob relative to the settings base directory (it ${parsed.error})` : null;
    }
    case 'flag': {
      const expression = parseExpression(value);
      if (!expression || canonicalExpression(expression) === null) {
        return "must be a simple expression such as \"outageFlips.sharedFs\", \"isUp()\" or \"flags.isEnabled('x')\"";
      }
      return null;
    }
    case 'wrap': {
      const expression = parseExpression(value);
      if (!expression) return 'must be a JavaScript expression template that parses, such as "withOutageFlip(\'x\', () => $CALL)"';
      if (!containsIdentifier(expression, '$CALL')) return 'must contain $CALL where the original call goes';
      // The wrapped call lands inside a line of code: a line comment left open at the template's
      // end (`$CALL // note`) would comment out the rest of that line.
      if (!parsesOnOneLine(value)) {
        return 'must not end in an open line comment (`// …`): it would comment out the rest of the line the call is on';
      }
      return null;
    }
  }
}

function validate(schema: SettingsSchema, value: unknown, path: string): void {
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') throw new ResilienceConfigError(`${path} must be a string (got ${describe(value)}).`);
      const problem = checkFormat(schema.format, value);
      if (problem) throw new ResilienceConfigError(`${path} ${problem} (got ${describe(value)}).`);
      return;
    }
    case 'array': {
      const itemsAreStrings = schema.items.type === 'string';
      if (!Array.isArray(value)) {
        throw new ResilienceConfigError(`${path} must be an array${itemsAreStrings ? ' of strings' : ''} (got ${describe(value)}).`);
      }
      value.forEach((item, index) => {
        if (itemsAreStrings && typeof item !== 'string') {
          throw new ResilienceConfigError(`${path} must be an array of strings (item ${index} is ${describe(item)}).`);
        }
        validate(schema.items, item, `${path}[${index}]`);
      });
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ResilienceConfigError(`${path} must be an object (got ${describe(value)}).`);
      }
      const record = value as Record<string, unknown>;
      const known = Object.keys(schema.properties);
      for (const key of Object.keys(record)) {
        if (!Object.hasOwn(schema.properties, key)) {
          throw new ResilienceConfigError(`${path}.${key} is not a known key (expected one of: ${known.join(', ')}).`);
        }
      }
      for (const key of schema.required ?? []) {
        if (record[key] === undefined) throw new ResilienceConfigError(`${path}.${key} is required.`);
      }
      if (schema.anyOf && !schema.anyOf.some((key) => record[key] !== undefined)) {
        throw new ResilienceConfigError(`${path} must have at least one of: ${schema.anyOf.join(', ')}.`);
      }
      if (schema.oneOf) {
        const present = schema.oneOf.filter((keys) => keys.every((key) => record[key] !== undefined));
        if (present.length !== 1) {
          throw new ResilienceConfigError(`${path} must have exactly one of: ${schema.oneOf.map((k) => k.join(' + ')).join(', ')}.`);
        }
      }
      for (const [key, child] of Object.entries(schema.properties)) {
        if (record[key] !== undefined) validate(child, record[key], `${path}.${key}`);
      }
      return;
    }
  }
}

function dotted(list: readonly string[] | undefined): DottedPattern[] {
  return (list ?? []).map((text) => parseDottedPattern(text) as DottedPattern);
}

function canonicalFlag(text: string): string {
  return canonicalExpression(parseExpression(text)!)!;
}

function stripNodePrefix(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}

interface RawResource {
  name: string;
  match: { modules?: string[]; paths?: string[]; pathIdentifiers?: string[]; calls?: string[]; globals?: string[] };
  guards?: string[];
  flags?: string[];
  chokePoints?: string[];
  fix?: SharedResourceFix;
}

interface RawSettings {
  sharedResources?: RawResource[];
  cloneFunctions?: string[];
  hotFunctions?: string[];
  root?: string;
  node?: string;
}

/** An `engines.node` range whose lower bounds can be read. */
function nodeRange(range: string, path: string): string {
  if (!isReadableRange(range)) {
    throw new ResilienceConfigError(`${path} must be a Node version range like ">=18" or "^16.14.0 || >=18" (got ${JSON.stringify(range)}).`);
  }
  return range.trim();
}

/** Validates and normalises a raw `settings.resilience` value. Throws `ResilienceConfigError`. */
export function parseSettings(raw: unknown, path = 'settings.resilience'): ResilienceSettings {
  if (raw === undefined || raw === null) return { sharedResources: [], cloneFunctions: [], hotFunctions: [] };
  validate(settingsSchema, raw, path);
  const settings = raw as RawSettings;
  const seen = new Set<string>();
  const sharedResources = (settings.sharedResources ?? []).map((resource, index): SharedResource => {
    if (seen.has(resource.name)) {
      throw new ResilienceConfigError(`${path}.sharedResources[${index}].name ${JSON.stringify(resource.name)} is used by an earlier resource; names must be unique.`);
    }
    seen.add(resource.name);
    return {
      name: resource.name,
      index,
      match: {
        modules: (resource.match.modules ?? []).map(stripNodePrefix),
        paths: resource.match.paths ?? [],
        pathIdentifiers: dotted(resource.match.pathIdentifiers),
        calls: dotted(resource.match.calls),
        globals: resource.match.globals ?? [],
      },
      guards: dotted(resource.guards),
      guardNames: resource.guards ?? [],
      flags: (resource.flags ?? []).map(canonicalFlag),
      flagNames: resource.flags ?? [],
      chokePoints: (resource.chokePoints ?? []).map((glob) => parseGlob(glob) as ParsedGlob),
      ...(resource.fix ? { fix: resource.fix } : {}),
    };
  });
  return {
    sharedResources,
    cloneFunctions: dotted(settings.cloneFunctions),
    hotFunctions: dotted(settings.hotFunctions),
    ...(settings.root !== undefined ? { root: settings.root } : {}),
    ...(settings.node !== undefined ? { node: nodeRange(settings.node, `${path}.node`) } : {}),
  };
}

// Memoised by the settings object ESLint hands every rule of a config: the
// same object for every file, so validation runs once per config. A WeakMap
// keyed by that object holds no state that could differ between threads.
const parsedBySettingsObject = new WeakMap<object, ResilienceSettings>();

/** The one getter every rule uses for `settings.resilience`. */
export function getSettings(context: { settings?: Record<string, unknown> }): ResilienceSettings {
  const raw = context.settings?.resilience;
  if (raw === undefined || raw === null) return parseSettings(undefined);
  if (typeof raw !== 'object') return parseSettings(raw);
  let parsed = parsedBySettingsObject.get(raw);
  if (!parsed) {
    parsed = parseSettings(raw);
    parsedBySettingsObject.set(raw, parsed);
  }
  return parsed;
}

/**
 * A rule option that adds dotted patterns to a `settings.resilience` list
 * (`hotFunctions`, `cloneFunctions`): validated like the settings, with the
 * same clear error naming the option.
 */
function parsePatternOption(list: readonly string[] | undefined, path: string): DottedPattern[] {
  return (list ?? []).map((text, index) => {
    const parsed = parseDottedPattern(text);
    if ('error' in parsed) {
      throw new ResilienceConfigError(`${path}[${index}] must be a dotted name pattern such as "utils.deepCopy" (it ${parsed.error}).`);
    }
    return parsed;
  });
}

/**
 * `settings.resilience.cloneFunctions` and `.hotFunctions` with a rule's
 * options of the same names added (eslint-plugin-n style: options merge over
 * the settings here, beside the getter, not in the rule). `ruleName` names the
 * options in errors.
 */
export function getPatternLists(
  context: { settings?: Record<string, unknown> },
  options: { cloneFunctions?: readonly string[]; hotFunctions?: readonly string[] },
  ruleName: string,
): { cloneFunctions: DottedPattern[]; hotFunctions: DottedPattern[] } {
  const settings = getSettings(context);
  const path = `options of resilience/${ruleName}`;
  return {
    cloneFunctions: [...settings.cloneFunctions, ...parsePatternOption(options.cloneFunctions, `${path}.cloneFunctions`)],
    hotFunctions: [...settings.hotFunctions, ...parsePatternOption(options.hotFunctions, `${path}.hotFunctions`)],
  };
}
