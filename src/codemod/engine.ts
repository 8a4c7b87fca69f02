/**
 * The codemod engine: runs plugin rules on one file in-process with ESLint's
 * `Linter` and applies the first suggestion of each report, exactly the
 * rewrite an editor offers as a quick fix. It knows nothing about any rule:
 * which sites are flagged and how they are rewritten is the rules' business.
 *
 * Each pass lints the text, applies the non-overlapping suggestions, and
 * lints again, until nothing applies or the pass limit is reached. Every pass
 * re-parses, so an output that no longer parses is caught and the file left
 * alone. Bytes outside the suggestion ranges are never touched; a BOM is kept
 * and, in a CRLF file, line breaks in inserted text become CRLF.
 */
import type { Linter } from 'eslint';
import * as espree from 'espree';
import { extname, isAbsolute, relative, dirname, resolve } from 'node:path';
import type { TextEdit } from '../fix/edits';
import { noQuickFixReason } from '../fix/no-fix';
import { usesCrlf } from '../fix/style';
import type { RuleModule } from '../rule-module';
import { rules as pluginRules } from '../rules';

// A plain require: the build's node10 module resolution cannot see this package's
// `exports`-only type declarations, and the Linter needs only the parser object.
// Loaded on the first TypeScript file that passes the prefilter: it brings in TypeScript itself.
let tsParserModule: Linter.Parser | undefined;
const tsParser = (): Linter.Parser => (tsParserModule ??= require('@typescript-eslint/parser') as Linter.Parser);

// ESLint's Linter is loaded on the first transform, not with this module: the CLI's main
// thread imports the engine (for its errors and checks) but transforms in workers, and
// need not carry ESLint's memory for that.
let linterClass: typeof Linter | undefined;
const loadLinter = (): typeof Linter => (linterClass ??= (require('eslint') as typeof import('eslint')).Linter);

/** ESLint's own config array class (what `Linter#verify` builds from a plain array), once normalized reusable for many files. */
type ConfigArray = Linter.Config[] & { normalizeSync(): unknown; getConfig(filePath: string): unknown };
type ConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => ConfigArray;
let configArrayClass: ConfigArrayClass | null | undefined;
/**
 * ESLint's `FlatConfigArray`, from the ESLint package the `Linter` comes from, or null when that
 * package has none where ESLint 9 and 10 keep it (then every lint passes a plain array, as before).
 * It is not in ESLint's public exports; `Linter#verify` takes any array with a `getConfig` method as one.
 */
function loadConfigArrayClass(): ConfigArrayClass | null {
  if (configArrayClass !== undefined) return configArrayClass;
  try {
    const api = require.resolve('eslint');
    const loaded = (require(resolve(dirname(api), 'config/flat-config-array.js')) as { FlatConfigArray?: unknown }).FlatConfigArray;
    configArrayClass = typeof loaded === 'function' ? (loaded as ConfigArrayClass) : null;
  } catch {
    configArrayClass = null;
  }
  return configArrayClass;
}

/**
 * Normalized config arrays, reused from file to file: given a plain array, `Linter#verify` builds,
 * normalizes and merges a new one on every call (validating each rule's options again), about 0.5 ms
 * a file. Keyed by the rules, the settings object (its `resilience` value when that is its only key:
 * the CLI hands each file a fresh `{ resilience }` around one shared value; one key for no settings
 * or an empty object) and a text key (working directory, extension, source type, rule options). A
 * reused array hands every file the same settings object, equal in content to the file's own.
 */
const configArrays = new WeakMap<object, WeakMap<object, Map<string, ConfigArray>>>();
const NO_SETTINGS = {};
/** The object that stands for a file's settings, and whether it is their `resilience` value (`{ resilience: key }`) or the settings themselves. */
function settingsKey(settings: Record<string, unknown> | undefined): { key: object; wrapped: boolean } {
  const keys = settings ? Object.keys(settings) : [];
  if (!settings || keys.length === 0) return { key: NO_SETTINGS, wrapped: false };
  const resilience = settings.resilience;
  if (keys.length === 1 && keys[0] === 'resilience' && typeof resilience === 'object' && resilience !== null) return { key: resilience, wrapped: true };
  return { key: settings, wrapped: false };
}

/** The plugin namespace rules are registered under, as in users' configs. */
const PLUGIN_NAMESPACE = 'resilience';

/** Extensions the engine can parse, and so the codemods' default extensions. */
export const SUPPORTED_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts'] as const;

const DEFAULT_LEFT_REASON = 'the rule offers no rewrite for this site';
const UNFINISHED_REASON = 'the codemod could not apply this rewrite (pass limit reached)';
const DEFAULT_MAX_PASSES = 100;

export { noQuickFixReason };

/** One site a rule reported. */
export interface Site {
  file: string;
  /**
   * 1-based line and column. For a rewritten site: where the report was in the
   * input text. For a site left for a person: where it is in the output (the
   * file as it is after the run; the input when nothing changed).
   */
  line: number;
  column: number;
  /** Full rule id, `resilience/<name>`. */
  ruleId: string;
  message: string;
  /** Why the site was left for a person (from the message's "No quick fix: …"); absent on rewritten sites. */
  reason?: string;
}

export interface ApplyRuleSuggestionsInput {
  source: string;
  /** Path of the file: picks the parser by extension and is the filename rules see. */
  filePath: string;
  /** Rule names without the plugin prefix, e.g. `['no-unbounded-retry']`. */
  ruleIds: readonly string[];
  /** Options object per rule name (the first element of an ESLint options array). */
  ruleOptions?: Readonly<Record<string, Record<string, unknown> | undefined>>;
  /** ESLint shared settings (e.g. `{ resilience: { sharedResources: [...] } }`). */
  settings?: Record<string, unknown>;
  /** Rules to look the ids up in; defaults to the plugin's rules (`src/rules.ts`). */
  rules?: Readonly<Record<string, RuleModule>>;
  /** Directory rules see as `context.cwd` (default `process.cwd()`); the file's own directory when the file is outside it. */
  cwd?: string;
  /** Upper bound on lint-and-apply passes (default 100). */
  maxPasses?: number;
}

export interface ApplyRuleSuggestionsResult {
  /** The rewritten text, or `undefined` when nothing changed. */
  output: string | undefined;
  rewritten: Site[];
  left: Site[];
  /** True when the text prefilter showed no rule can report in the file, so it was not parsed (see ./prefilter). */
  prefiltered?: boolean;
}

/** The input (or, for a rule bug, an intermediate output) does not parse. */
export class CodemodParseError extends Error {
  override readonly name = 'CodemodParseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A transform was asked for a rule the plugin does not have, or for an option no rule knows. */
export class CodemodSetupError extends Error {
  override readonly name = 'CodemodSetupError';
}

type LanguageOptions = Linter.LanguageOptions;

/** The parser and language options for a file, by extension. */
export function languageOptionsFor(filePath: string, sourceType?: 'module' | 'commonjs'): LanguageOptions {
  const ext = extname(filePath).slice(1).toLowerCase();
  switch (ext) {
    case 'ts':
    case 'mts':
    case 'cts':
    case 'tsx':
      return {
        parser: tsParser(),
        ecmaVersion: 'latest',
        sourceType: 'module',
        // No type information here: the maps between TypeScript's nodes and ESTree's would only cost
        // time and memory on every parse (nothing reads them without a program).
        parserOptions: { ecmaFeatures: { jsx: ext === 'tsx' }, preserveNodeMaps: false },
      };
    case 'js':
    case 'jsx':
    case 'mjs':
    case 'cjs':
      return {
        parser: espree as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: sourceType ?? (ext === 'cjs' ? 'commonjs' : 'module'),
        parserOptions: { ecmaFeatures: { jsx: ext === 'js' || ext === 'jsx' } },
      };
    default:
      throw new CodemodSetupError(
        `cannot parse ${JSON.stringify(filePath)}: unsupported extension (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`,
      );
  }
}

/** Looks up the named rules; throws a clear error naming any that are missing. */
function resolveRules(ruleIds: readonly string[], rules: Readonly<Record<string, RuleModule>> = pluginRules): Record<string, RuleModule> {
  const missing = ruleIds.filter((id) => !Object.hasOwn(rules, id));
  if (missing.length > 0) {
    const known = Object.keys(rules);
    throw new CodemodSetupError(
      `the codemod needs rule${missing.length > 1 ? 's' : ''} ${missing.map((id) => JSON.stringify(id)).join(', ')}, ` +
        `which ${missing.length > 1 ? 'are' : 'is'} not in eslint-plugin-resilience's rules index ` +
        `(it has: ${known.length > 0 ? known.join(', ') : 'no rules'})`,
    );
  }
  const picked: Record<string, RuleModule> = {};
  for (const id of ruleIds) picked[id] = rules[id]!;
  return picked;
}

/** Rules looked up once, ready to lint any number of files. */
export interface PreparedRules {
  /** Rule names without the plugin prefix. */
  ruleIds: readonly string[];
  rules: Readonly<Record<string, RuleModule>>;
}

/** Looks up the named rules (in the plugin's index unless `rules` is given); throws `CodemodSetupError` naming any that are missing. */
export function prepareRules(ruleIds: readonly string[], rules?: Readonly<Record<string, RuleModule>>): PreparedRules {
  return { ruleIds: [...ruleIds], rules: resolveRules(ruleIds, rules) };
}

interface OptionSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** The properties a rule's options object accepts (from its schema), or null when unknown. */
function ruleOptionSchemas(rule: RuleModule): Record<string, OptionSchema> | null {
  const schema = rule.meta.schema as unknown;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, OptionSchema> } | undefined) : undefined;
  if (!first || typeof first !== 'object' || !first.properties) return null;
  return first.properties;
}

/** Why a rule's schema refuses a numeric option value, or null. */
function schemaProblem(schema: OptionSchema, value: unknown): string | null {
  if (typeof value !== 'number') return null;
  if (schema.type === 'integer' && !Number.isInteger(value)) return 'must be an integer';
  if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}`;
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return `must be above ${schema.exclusiveMinimum}`;
  if (schema.maximum !== undefined && value > schema.maximum) {
    return `must be at most ${schema.maximum}${schema.maximum === 2 ** 31 - 1 ? ' (the longest wait a Node timer keeps)' : ''}`;
  }
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return `must be below ${schema.exclusiveMaximum}`;
  return null;
}

/** The default of a rule option (its `defaultOptions`), if any. */
function defaultOption(rule: RuleModule, key: string): unknown {
  const defaults = (rule.meta as { defaultOptions?: unknown[] }).defaultOptions?.[0];
  return defaults && typeof defaults === 'object' ? (defaults as Record<string, unknown>)[key] : undefined;
}

/**
 * Offers one options object to several rules: each rule gets the keys its
 * schema declares. A key that none of the rules declares is an error.
 */
export function shareOptions(
  ruleIds: readonly string[],
  options: Readonly<Record<string, unknown>>,
  rules?: Readonly<Record<string, RuleModule>>,
): Record<string, Record<string, unknown>> {
  const resolved = resolveRules(ruleIds, rules);
  const perRule: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>();
  for (const id of ruleIds) {
    const schemas = ruleOptionSchemas(resolved[id]!) ?? {};
    const picked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined || !Object.hasOwn(schemas, key)) continue;
      const problem = schemaProblem(schemas[key]!, value);
      if (problem) throw new CodemodSetupError(`option ${key} ${problem} for ${id} (got ${JSON.stringify(value)})`);
      picked[key] = value;
      used.add(key);
    }
    // An attempt limit the rule itself counts as none (`unboundedAbove`) would rewrite a loop into one it still reports.
    const limit = defaultOption(resolved[id]!, 'unboundedAbove');
    if (typeof picked.maxAttempts === 'number' && typeof limit === 'number' && picked.maxAttempts >= limit) {
      throw new CodemodSetupError(
        `option maxAttempts ${picked.maxAttempts} is at or above ${id}'s unboundedAbove (${limit}): the rule counts such a limit as no limit`,
      );
    }
    perRule[id] = picked;
  }
  const unknown = Object.keys(options).filter((key) => options[key] !== undefined && !used.has(key));
  if (unknown.length > 0) {
    throw new CodemodSetupError(
      `option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not an option of ${ruleIds.join(' or ')}`,
    );
  }
  return perRule;
}

/** One reported site, followed from pass to pass (offsets in the current text). */
interface Tracked {
  message: Linter.LintMessage;
  offset: number;
  endOffset: number;
  /** Where it was in the input (rewritten sites are reported there). */
  inputOffset: number;
  /** pending: reported, not yet handled; blocked: its rewrite was refused; vanished: gone without its own rewrite. */
  state: 'pending' | 'rewritten' | 'blocked' | 'vanished';
  reason?: string;
}

/**
 * Maps an offset in a pass's input to its output. An offset at the start of a
 * replaced range maps before the new text (`before`) or after it (`after`:
 * a node that an insertion at its start pushes along).
 */
function mapForward(offset: number, edits: readonly TextEdit[], side: 'before' | 'after'): number {
  let delta = 0;
  for (const { range: [start, end], text } of edits) {
    if (offset < start || (offset === start && side === 'before')) break;
    if (offset < end) return start + delta + (side === 'before' ? 0 : text.length);
    delta += text.length - (end - start);
  }
  return offset + delta;
}

/** Maps offsets in a pass's output back to the pass's input. */
function mapBack(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const { range: [start, end], text } of edits) {
    const newStart = start + delta;
    const newEnd = newStart + text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return start;
    delta += text.length - (end - start);
  }
  return offset - delta;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    else if (c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

function offsetOf(starts: readonly number[], line: number, column: number): number {
  return (starts[line - 1] ?? 0) + column - 1;
}

function locationOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

function toCrlf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' && (i === 0 || text[i - 1] !== '\r')) out += '\r\n';
    else out += c;
  }
  return out;
}

/**
 * Runs the named plugin rules on `source` and applies their suggestions until
 * nothing more applies. Throws `CodemodParseError` when the input does not
 * parse (or a rewrite produced code that does not), `CodemodSetupError` for
 * a missing rule or bad option, and lets a rule's own exception through.
 */
export function applyRuleSuggestions(input: ApplyRuleSuggestionsInput): ApplyRuleSuggestionsResult {
  return applyPreparedRules(prepareRules(input.ruleIds, input.rules), input);
}

/** `applyRuleSuggestions` with the rules already looked up (a codemod run looks them up once). */
export function applyPreparedRules(
  prepared: PreparedRules,
  input: Omit<ApplyRuleSuggestionsInput, 'ruleIds' | 'rules'>,
): ApplyRuleSuggestionsResult {
  const { source, filePath } = input;
  const { ruleIds, rules } = prepared;
  const maxPasses = input.maxPasses ?? DEFAULT_MAX_PASSES;
  const absolute = resolve(input.cwd ?? process.cwd(), filePath);
  let cwd = resolve(input.cwd ?? process.cwd());
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) cwd = dirname(absolute);

  const hasBom = source.charCodeAt(0) === 0xfeff;
  const original = hasBom ? source.slice(1) : source;
  const crlf = usesCrlf(original);

  const ruleEntries: Linter.RulesRecord = {};
  for (const id of ruleIds) {
    const options = input.ruleOptions?.[id];
    ruleEntries[`${PLUGIN_NAMESPACE}/${id}`] = options && Object.keys(options).length > 0 ? ['error', options] : 'error';
  }
  const rawExt = extname(absolute).slice(1);
  const ext = rawExt.toLowerCase();
  const makeConfig = (sourceType?: 'module' | 'commonjs'): Linter.Config[] => [
    // ESLint ignores node_modules and .git by default; the caller decides which files to transform.
    { ignores: ['!**/node_modules/', '!.git/'] },
    {
      files: [`**/*.${rawExt}`],
      plugins: { [PLUGIN_NAMESPACE]: { rules: rules as unknown as Record<string, import('eslint').Rule.RuleModule> } },
      languageOptions: languageOptionsFor(absolute, sourceType),
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      settings: input.settings ?? {},
      rules: ruleEntries,
    },
  ];
  const ConfigArrayClass = loadConfigArrayClass();
  const configFor = (sourceType?: 'module' | 'commonjs'): Linter.Config[] => {
    if (!ConfigArrayClass) return makeConfig(sourceType);
    let bySettings = configArrays.get(rules);
    if (!bySettings) configArrays.set(rules, (bySettings = new WeakMap()));
    const settings = settingsKey(input.settings);
    let byText = bySettings.get(settings.key);
    if (!byText) bySettings.set(settings.key, (byText = new Map()));
    const key = JSON.stringify([settings.wrapped, cwd, rawExt, sourceType ?? null, ruleEntries]);
    let array = byText.get(key);
    if (!array) {
      array = new ConfigArrayClass(makeConfig(sourceType), { basePath: cwd });
      array.normalizeSync();
      byText.set(key, array);
    }
    return array;
  };
  const linter = new (loadLinter())({ cwd });
  let config = configFor();
  const lint = (text: string): Linter.LintMessage[] => linter.verify(text, config, { filename: absolute });

  let messages = lint(original);
  let fatal = messages.find((m) => m.fatal);
  if (fatal && ext === 'js') {
    // A .js file may be a CommonJS script (top-level return, legacy octal): try that before giving up.
    const commonjs = configFor('commonjs');
    const retry = linter.verify(original, commonjs, { filename: absolute });
    if (!retry.some((m) => m.fatal)) {
      config = commonjs;
      messages = retry;
      fatal = undefined;
    }
  }
  if (fatal) throw new CodemodParseError(fatal.message, fatal.line, fatal.column);
  const unmatched = messages.find((m) => m.ruleId === null && m.message.startsWith('No matching configuration'));
  if (unmatched) throw new CodemodSetupError(`cannot lint ${filePath}: ${unmatched.message}`);

  const prefixes = new Set(ruleIds.map((id) => `${PLUGIN_NAMESPACE}/${id}`));
  const ours = (list: Linter.LintMessage[]) => list.filter((m) => m.ruleId !== null && prefixes.has(m.ruleId));

  let text = original;
  // Applied edits of each pass, in that pass's input coordinates, to map sites back to the input.
  const passes: TextEdit[][] = [];
  // Every site seen, from the first lint to the last: each ends rewritten or left with a reason.
  const sites: Tracked[] = [];
  const track = (message: Linter.LintMessage, starts: readonly number[], initial: boolean): Tracked => {
    const offset = offsetOf(starts, message.line, message.column);
    const endOffset = message.endLine !== undefined && message.endColumn !== undefined ? offsetOf(starts, message.endLine, message.endColumn) : offset;
    let inputOffset = offset;
    if (!initial) for (let p = passes.length - 1; p >= 0; p--) inputOffset = mapBack(inputOffset, passes[p]!);
    const site: Tracked = { message, offset, endOffset, inputOffset, state: 'pending' };
    sites.push(site);
    return site;
  };
  const initial = ours(messages);
  if (initial.length > 0) {
    const starts = lineStarts(text);
    for (const message of initial) track(message, starts, true);
  }
  let current = initial.length;
  for (let pass = 0; ; pass++) {
    const candidates = sites
      .filter((site) => site.state === 'pending' && site.message.suggestions && site.message.suggestions.length > 0)
      .map((site) => ({ site, fix: site.message.suggestions![0]!.fix }))
      .sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
    if (candidates.length === 0) break;
    if (pass >= maxPasses) {
      break;
    }
    let attempt: typeof candidates = [];
    let lastEnd = -1;
    for (const candidate of candidates) {
      const [start, end] = candidate.fix.range;
      // Touching ranges count as overlapping (as in ESLint's own fixer): two inserts at one point have no order.
      if (start <= lastEnd) continue;
      attempt.push(candidate);
      lastEnd = end;
    }
    // Apply the chosen rewrites; drop (and leave for a person) any whose output still reports its
    // site, and never keep a pass that does not shrink the set of reports: no rewrite is applied twice.
    let accepted: { next: string; edits: TextEdit[]; relinted: Linter.LintMessage[] } | null = null;
    while (attempt.length > 0) {
      const edits: TextEdit[] = [];
      let next = '';
      let cursor = 0;
      for (const { fix } of attempt) {
        const [start, end] = fix.range;
        const replacement = crlf ? toCrlf(fix.text) : fix.text;
        next += text.slice(cursor, start) + replacement;
        cursor = end;
        edits.push({ range: [start, end], text: replacement });
      }
      next += text.slice(cursor);
      if (next === text) {
        for (const { site } of attempt) block(site, 'the rewrite changes nothing');
        break;
      }
      const relinted = lint(next);
      const broken = relinted.find((m) => m.fatal);
      if (broken) {
        const names = [...new Set(attempt.map((a) => a.site.message.ruleId))].join(', ');
        throw new CodemodParseError(
          `the rewrite by ${names} produced code that does not parse (${broken.message}); the file was left unchanged`,
          broken.line,
          broken.column,
        );
      }
      const after = ours(relinted);
      const nextStarts = lineStarts(next);
      const afterOffsets = after.map((m) => ({ ruleId: m.ruleId, offset: offsetOf(nextStarts, m.line, m.column), message: m.message }));
      const failing: { site: Tracked; still: string }[] = [];
      for (const { site, fix } of attempt) {
        const low = Math.min(site.offset, fix.range[0]);
        const high = Math.max(site.endOffset, fix.range[1]);
        const before = sites.filter((s) => s.state !== 'rewritten' && s.state !== 'vanished' && s.message.ruleId === site.message.ruleId && s.offset >= low && s.offset <= high).length;
        const newLow = mapForward(low, edits, 'before');
        const newHigh = mapForward(high, edits, 'after');
        const still = afterOffsets.filter((m) => m.ruleId === site.message.ruleId && m.offset >= newLow && m.offset <= newHigh);
        if (still.length >= before) failing.push({ site, still: still[0]?.message ?? site.message.message });
      }
      if (failing.length === 0 && after.length >= current) {
        if (attempt.length === 1) failing.push({ site: attempt[0]!.site, still: `${after.length} reports after it, ${current} before` });
        else {
          // Some rewrite of the pass adds reports elsewhere: try them one at a time.
          attempt = attempt.slice(0, 1);
          continue;
        }
      }
      if (failing.length > 0) {
        for (const { site, still } of failing) block(site, `the rewrite does not satisfy the rule: ${still}`);
        attempt = attempt.filter((a) => !failing.some((f) => f.site === a.site));
        continue;
      }
      accepted = { next, edits, relinted: after };
      break;
    }
    if (!accepted) continue;

    const { next, edits, relinted } = accepted;
    const applied = new Set(attempt.map((a) => a.site));
    for (const site of applied) site.state = 'rewritten';
    passes.push(edits);
    const nextStarts = lineStarts(next);
    const unclaimed = relinted.map((message) => ({ message, offset: offsetOf(nextStarts, message.line, message.column), claimed: false }));
    for (const site of sites) {
      if (site.state === 'rewritten') continue;
      const inside = edits.find(({ range: [start, end] }) => start <= site.offset && site.offset < end);
      if (inside) {
        // The site was inside replaced text: find it in the replacement by rule and message.
        const newStart = mapForward(inside.range[0], edits, 'before');
        const newEnd = newStart + inside.text.length;
        site.offset = newStart;
        site.endOffset = newEnd;
        if (site.state === 'vanished') continue;
        const match = unclaimed.find((u) => !u.claimed && u.message.ruleId === site.message.ruleId && u.message.message === site.message.message && u.offset >= newStart && u.offset <= newEnd);
        if (match) claim(site, match, nextStarts);
        else vanish(site, attempt);
        continue;
      }
      const length = site.endOffset - site.offset;
      site.offset = mapForward(site.offset, edits, 'after');
      site.endOffset = site.offset + length;
      if (site.state === 'vanished') continue;
      const match = unclaimed.find((u) => !u.claimed && u.message.ruleId === site.message.ruleId && u.offset === site.offset);
      if (match) claim(site, match, nextStarts);
      else vanish(site, attempt);
    }
    // Reports the rewrites brought in: new sites, rewritten or left like the others.
    for (const u of unclaimed) if (!u.claimed) track(u.message, nextStarts, false);
    text = next;
    current = relinted.length;
  }

  function block(site: Tracked, reason: string): void {
    site.state = 'blocked';
    site.reason = reason;
  }
  function claim(site: Tracked, match: { message: Linter.LintMessage; offset: number; claimed: boolean }, starts: readonly number[]): void {
    match.claimed = true;
    site.message = match.message;
    site.offset = match.offset;
    site.endOffset = match.message.endLine !== undefined && match.message.endColumn !== undefined ? offsetOf(starts, match.message.endLine, match.message.endColumn) : match.offset;
  }
  function vanish(site: Tracked, attempt: readonly { site: Tracked; fix: { range: [number, number]; text: string } }[]): void {
    // No longer reported, though its own rewrite was not applied. When another rule's rewrite is
    // its very suggestion (one edit that satisfies both), it was rewritten by its own suggestion.
    const own = site.message.suggestions?.[0]?.fix;
    const same = own && attempt.find(({ fix }) => fix.range[0] === own.range[0] && fix.range[1] === own.range[1] && fix.text === own.text);
    if (same) {
      site.state = 'rewritten';
      return;
    }
    const by = attempt.map((a) => a.site.message.ruleId).filter((id, i, all) => all.indexOf(id) === i).join(', ');
    site.state = 'vanished';
    site.reason =
      `no longer reported after the rewrite by ${by} changed code this rule reads, ` +
      'but its own rewrite was not applied: check that the site is really fixed';
  }

  // Most parsed files have no site: no line table for them.
  if (sites.length === 0 && text === original) return { output: undefined, rewritten: [], left: [] };
  const inputStarts = lineStarts(original);
  const outputStarts = text === original ? inputStarts : lineStarts(text);
  const rewritten: Site[] = sites
    .filter((site) => site.state === 'rewritten')
    .sort((a, b) => a.inputOffset - b.inputOffset)
    .map((site) => ({ file: filePath, ...locationOf(inputStarts, site.inputOffset), ruleId: site.message.ruleId!, message: site.message.message }));
  const left: Site[] = sites
    .filter((site) => site.state !== 'rewritten')
    .sort((a, b) => a.offset - b.offset)
    .map((site) => {
      const m = site.message;
      const hasSuggestion = !!(m.suggestions && m.suggestions.length > 0);
      const reason = site.reason ?? noQuickFixReason(m.message) ?? (hasSuggestion ? UNFINISHED_REASON : DEFAULT_LEFT_REASON);
      return { file: filePath, ...locationOf(outputStarts, site.offset), ruleId: m.ruleId!, message: m.message, reason };
    });

  if (text === original) return { output: undefined, rewritten, left };
  return { output: hasBom ? `\uFEFF${text}` : text, rewritten, left };
}
