/**
 * Deep-clone recognition. A call is a deep clone when its callee comes from a
 * known deep-clone source (checked through `ImportTracker.originOf`, so every
 * import form and alias agrees), or when it matches a configured
 * `cloneFunctions` pattern. A function merely *named* `clone` is never enough:
 * it must come from a clone library, or be configured.
 *
 * Cost: `mayContainClone` is a plain substring test on the file text and
 * lets a rule skip files that cannot contain a clone (proven conservative over
 * the corpus by test/prefilters-corpus.test.ts). During traversal,
 * `collectCall` only looks at the callee's shape; origins are resolved at
 * `Program:exit`, for the few calls that could be clones.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { staticMemberName, staticString } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import type { VisitorKeys } from '../ast/walk';
import { type ImportTracker, type Origin, originIs, stripNodePrefix } from '../imports';
import { dottedName, matchesAnyDotted, type DottedPattern } from '../patterns';
import { LOCAL_COPY_HINT, LocalCopies } from './local-copy';

export interface DeepClone {
  /** The call that clones (for `JSON.parse(JSON.stringify(x))`, the outer `JSON.parse` call). */
  node: TSESTree.CallExpression;
  /** Short name of the clone for messages: `lodash cloneDeep`, `structuredClone`. */
  label: string;
  /**
   * The one value cloned, when the call's result depends on nothing else
   * (no options, customizer or target); null otherwise. Suggestions use it.
   */
  source: TSESTree.Node | null;
  /** Why no shallow copy is offered whatever the copy's use, when that is known from the clone alone. */
  noFix?: string;
}

/** Modules that export a deep clone; seeing one imported makes every plain call in the file worth resolving. */
const CLONE_MODULES = new Set([
  'lodash',
  'lodash-es',
  'lodash/fp',
  'lodash/cloneDeep',
  'lodash/cloneDeepWith',
  'lodash-es/cloneDeep',
  'lodash-es/cloneDeepWith',
  'lodash.clonedeep',
  'lodash.clonedeepwith',
  'rfdc',
  'rfdc/default',
  'clone',
  'clone-deep',
  'klona',
  'klona/json',
  'klona/lite',
  'klona/full',
  'fast-copy',
  'ramda',
  'ramda/src/clone',
  'v8',
  'jquery',
  'angular',
]);

/** Property names of member calls that can be a deep clone (`_.cloneDeep`, `JSON.parse`, `$.extend`). */
const MEMBER_NAMES = new Set(['structuredClone', 'parse', 'deserialize', 'cloneDeep', 'cloneDeepWith', 'extend', 'copy', 'copyStrict', 'clone', 'klona']);

/** Plain callee names worth resolving even when no clone module is imported (globals, `const { cloneDeep } = _`). */
const IDENTIFIER_NAMES = new Set(['structuredClone', 'cloneDeep', 'cloneDeepWith']);

/**
 * Substrings one of which every recognised clone contains (module names
 * included): `clone` / `Clone` (lodash, `clone`, `clone-deep`, ramda,
 * `structuredClone`), `rfdc`, `klona`, `deserialize` (`v8`), the whole word
 * `extend` (`$.extend`, not `extends`).
 */
const TEXT_HINTS = ['clone', 'Clone', 'rfdc', 'klona', 'deserialize'];

/**
 * Pairs of substrings that must both appear: `JSON.parse(JSON.stringify(x))`
 * names `parse` and `stringify` (also through an alias of `JSON` or a
 * destructured `{ parse }`), and a `copy` clone comes from the `fast-copy`
 * module or from `angular` (`angular.copy`, the `angular` module). A file
 * that only logs with `JSON.stringify` or says "copy" in a comment is
 * skipped.
 */
const TEXT_PAIRS: readonly (readonly [string, readonly string[]])[] = [
  ['stringify', ['parse']],
  ['copy', ['fast-copy', 'angular']],
];

/**
 * One pass over the text for every hint and every pair's first substring
 * (`stringify`, `copy`): most files hold none, and one regular expression
 * scans them in two thirds of the time of the separate substring searches.
 */
const ANY_HINT = /[cC]lone|rfdc|klona|deserialize|stringify|copy|\bextend\b/;

/**
 * Every hint of either kind, in one scan of the text: an `ANY_HINT`
 * substring (group 1) or a `LOCAL_COPY_HINT` match (no group). Global: the
 * scan goes on from each `stringify` or `copy` (the hints that need a
 * second substring) and stops at the first hint that passes alone.
 */
const HINT = new RegExp(`(${ANY_HINT.source})|${LOCAL_COPY_HINT.source}`, 'g');

/** Hint substrings that make a file pass by themselves: the `TEXT_HINTS`, and `extend` (matched by `ANY_HINT` as the whole word only). */
const DECISIVE_HINTS = new Set([...TEXT_HINTS, 'extend']);

/**
 * Cheapest check first: false when the file text cannot contain a recognised
 * clone (no hint substring or pair, no segment of a configured pattern, no
 * local copy's hint).
 *
 * The scan finds every hint in the text: no alternative of `HINT` can start
 * inside a `stringify` or `copy` match (none starts with one of their letters
 * after the first, but `r`, and `rfdc` is not `ring`), so going on from the
 * end of each match misses none. So when it ends, the text holds no
 * `TEXT_HINTS` substring, no whole word `extend` and no `LOCAL_COPY_HINT` match,
 * and holds `stringify` or `copy` exactly when the scan met one.
 */
export function mayContainClone(text: string, cloneFunctions: readonly DottedPattern[]): boolean {
  /** The first substrings of `TEXT_PAIRS` met (`stringify`, `copy`). */
  let met: Set<string> | null = null;
  HINT.lastIndex = 0;
  for (let match = HINT.exec(text); match !== null; match = HINT.exec(text)) {
    const hint = match[1];
    // A match of LOCAL_COPY_HINT (a deep copy written in the file, src/clones/local-copy.ts, has `copy[key] = copyFn(…)`), or a hint that passes alone.
    if (hint === undefined || DECISIVE_HINTS.has(hint)) {
      HINT.lastIndex = 0;
      return true;
    }
    (met ??= new Set()).add(hint);
  }
  // HINT.lastIndex is 0 again: exec sets it back when it finds nothing.
  for (const [needed, others] of TEXT_PAIRS) {
    if (met?.has(needed) && others.some((other) => text.includes(other))) return true;
  }
  return mayMatchConfigured(text, cloneFunctions);
}

/** A configured pattern all of whose segments are `*`, or one with a named segment in the text. */
function mayMatchConfigured(text: string, cloneFunctions: readonly DottedPattern[]): boolean {
  for (const pattern of cloneFunctions) {
    const named = pattern.filter((segment) => segment !== '*');
    if (named.length === 0 || named.some((segment) => text.includes(segment))) return true;
  }
  return false;
}

interface OriginEntry {
  module: string | null;
  path: readonly string[];
  label: string;
}

/** Callee origins that are a deep clone of their first argument. */
const SIMPLE_CLONES: readonly OriginEntry[] = [
  { module: null, path: ['structuredClone'], label: 'structuredClone' },
  ...['lodash', 'lodash-es', 'lodash/fp'].flatMap((module) => [
    { module, path: ['cloneDeep'], label: 'lodash cloneDeep' },
    { module, path: ['cloneDeepWith'], label: 'lodash cloneDeepWith' },
  ]),
  ...['lodash/cloneDeep', 'lodash-es/cloneDeep', 'lodash.clonedeep'].map((module) => ({ module, path: [], label: 'lodash cloneDeep' })),
  ...['lodash/cloneDeepWith', 'lodash-es/cloneDeepWith', 'lodash.clonedeepwith'].map((module) => ({ module, path: [], label: 'lodash cloneDeepWith' })),
  { module: null, path: ['_', 'cloneDeep'], label: 'lodash cloneDeep' },
  { module: null, path: ['_', 'cloneDeepWith'], label: 'lodash cloneDeepWith' },
  { module: 'rfdc', path: ['()'], label: 'rfdc' },
  { module: 'rfdc/default', path: [], label: 'rfdc' },
  { module: 'clone', path: [], label: 'clone' },
  { module: 'clone-deep', path: [], label: 'clone-deep' },
  { module: 'klona', path: ['klona'], label: 'klona' },
  { module: 'klona/json', path: ['klona'], label: 'klona/json' },
  { module: 'klona/lite', path: ['klona'], label: 'klona/lite' },
  { module: 'klona/full', path: ['klona'], label: 'klona/full' },
  { module: 'fast-copy', path: [], label: 'fast-copy' },
  { module: 'fast-copy', path: ['copy'], label: 'fast-copy copy' },
  { module: 'fast-copy', path: ['copyStrict'], label: 'fast-copy copyStrict' },
  { module: 'fast-copy', path: ['createCopier', '()'], label: 'fast-copy copier' },
  { module: 'fast-copy', path: ['createStrictCopier', '()'], label: 'fast-copy copier' },
  { module: 'ramda', path: ['clone'], label: 'ramda clone' },
  { module: 'ramda/src/clone', path: [], label: 'ramda clone' },
  { module: null, path: ['angular', 'copy'], label: 'angular.copy' },
  { module: 'angular', path: ['copy'], label: 'angular.copy' },
];

/** Labels whose call clones exactly its one argument when given one argument (cloneDeepWith takes a customizer, so no). */
const SINGLE_VALUE_LABELS = new Set([
  'structuredClone',
  'lodash cloneDeep',
  'rfdc',
  'clone',
  'clone-deep',
  'klona',
  'klona/json',
  'klona/lite',
  'klona/full',
  'fast-copy',
  'fast-copy copy',
  'fast-copy copyStrict',
  'fast-copy copier',
  'ramda clone',
  'angular.copy',
]);

/** Collects candidate calls during traversal and resolves the deep clones among them at the end. */
export class CloneDetector {
  private readonly memberCandidates: TSESTree.CallExpression[] = [];
  private readonly plainCalls: TSESTree.CallExpression[] = [];
  private cloneModuleSeen = false;
  private readonly localCopies: LocalCopies;

  constructor(
    private readonly imports: ImportTracker,
    private readonly cloneFunctions: readonly DottedPattern[],
    keys: VisitorKeys,
  ) {
    this.localCopies = new LocalCopies(imports, keys);
  }

  /** Notes a module specifier (import, `require`, `import()`): clone modules make plain calls worth resolving. */
  collectModuleSource(specifier: TSESTree.Node | null | undefined): void {
    if (this.cloneModuleSeen || !specifier) return;
    const name = staticString(specifier);
    if (name !== null && CLONE_MODULES.has(stripNodePrefix(name))) this.cloneModuleSeen = true;
  }

  /** Syntactic only; called for every `CallExpression`. */
  collectCall(call: TSESTree.CallExpression): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'Identifier') {
      if (callee.name === 'require') this.collectModuleSource(call.arguments[0]);
      this.plainCalls.push(call);
      this.localCopies.collectCall(call);
    } else if (callee.type === 'MemberExpression') {
      const name = staticMemberName(callee);
      if ((name !== null && MEMBER_NAMES.has(name)) || this.matchesConfigured(callee)) this.memberCandidates.push(call);
    } else if (callee.type === 'CallExpression') {
      this.plainCalls.push(call); // require('rfdc')()(x)
    }
  }

  /** The deep clones among the collected calls, in source order. */
  resolve(): DeepClone[] {
    const found: DeepClone[] = [];
    for (const call of this.plainCalls) {
      const callee = unwrapExpression(call.callee);
      const worth =
        this.cloneModuleSeen ||
        (callee.type === 'Identifier' && IDENTIFIER_NAMES.has(callee.name)) ||
        (this.cloneFunctions.length > 0 && this.matchesConfigured(callee));
      if (!worth) continue;
      const clone = this.recognise(call);
      if (clone) found.push(clone);
    }
    for (const call of this.memberCandidates) {
      const clone = this.recognise(call);
      if (clone) found.push(clone);
    }
    // Calls of a deep copy written in this file (recognised by its shape, not its name).
    const known = new Set(found.map((clone) => clone.node));
    for (const { call, name } of this.localCopies.resolve()) {
      if (!known.has(call)) {
        const noFix = `\`${name}\` is written in this file and may do more than copy (skip, convert or share some values), so no shallow copy is offered for it`;
        found.push({ node: call, label: `\`${name}\`, a recursive copy`, source: null, noFix });
      }
    }
    return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** The deep clone `call` performs, or null. */
  recognise(call: TSESTree.CallExpression): DeepClone | null {
    const origin = this.imports.originOf(call.callee);
    const args = call.arguments;
    const first = args[0];
    if (origin) {
      for (const entry of SIMPLE_CLONES) {
        if (!originIs(origin, entry.module, ...entry.path)) continue;
        const single = SINGLE_VALUE_LABELS.has(entry.label) && args.length === 1 && first?.type !== 'SpreadElement';
        return { node: call, label: entry.label, source: single ? first! : null };
      }
      // JSON.parse(JSON.stringify(x)) and v8.deserialize(v8.serialize(x)): a round trip through a serialisation.
      const roundTrip = this.roundTrip(origin, first);
      if (roundTrip) {
        return { node: call, label: roundTrip.label, source: args.length === 1 ? roundTrip.source : null };
      }
      if (
        (originIs(origin, null, '$', 'extend') || originIs(origin, null, 'jQuery', 'extend') || originIs(origin, 'jquery', 'extend')) &&
        first?.type === 'Literal' &&
        first.value === true &&
        args.length >= 3
      ) {
        // $.extend(true, {}, x) copies x into a fresh object; any other target is mutated.
        const target = args[1];
        const fresh = args.length === 3 && target?.type === 'ObjectExpression' && target.properties.length === 0 && args[2]?.type !== 'SpreadElement';
        return { node: call, label: 'jQuery.extend(true, …)', source: fresh ? args[2]! : null };
      }
    }
    const callee = unwrapExpression(call.callee);
    if (this.matchesConfigured(callee)) {
      return { node: call, label: dottedName(callee)!.join('.'), source: null };
    }
    return null;
  }

  private roundTrip(origin: Origin, first: TSESTree.Node | undefined): { label: string; source: TSESTree.Node | null } | null {
    if (first?.type !== 'CallExpression') return null;
    const inner = first.arguments;
    const single = inner.length === 1 && inner[0]!.type !== 'SpreadElement' ? inner[0]! : null;
    if (originIs(origin, null, 'JSON', 'parse')) {
      if (inner.length >= 1 && originIs(this.imports.originOf(first.callee), null, 'JSON', 'stringify')) {
        return { label: 'JSON.parse(JSON.stringify(…))', source: single };
      }
    } else if (originIs(origin, 'v8', 'deserialize')) {
      if (inner.length === 1 && originIs(this.imports.originOf(first.callee), 'v8', 'serialize')) {
        return { label: 'v8.deserialize(v8.serialize(…))', source: single };
      }
    }
    return null;
  }

  private matchesConfigured(callee: TSESTree.Node): boolean {
    if (this.cloneFunctions.length === 0) return false;
    return matchesAnyDotted(this.cloneFunctions, dottedName(callee));
  }
}
