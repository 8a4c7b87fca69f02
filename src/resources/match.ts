/**
 * Which calls access which shared resource. A call matches a resource through
 * `match.modules` (the callee comes from one of the modules, in any import
 * form the `ImportTracker` follows), `match.calls` (its written dotted name)
 * or `match.globals` (a real, undeclared global). With `paths` or
 * `pathIdentifiers`, module and global matches are narrowed by their first
 * argument.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isTypeWrapper } from '../ast/unwrap';
import type { ImportTracker, Origin } from '../imports';
import { dottedName, matchesAnyDotted } from '../patterns';
import type { SharedResource } from '../settings';
import { NON_ACCESS_METHODS, type Client, type ClientResolver } from './clients';

/** How the first argument of an access relates to the resource's paths. */
export type PathClass = 'shared' | 'other' | 'unknown';

export interface Access {
  /** The call; a `new` expression only for a client made by a library that connects at construction. */
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  resource: SharedResource;
  /** The access as shown in messages: `fs.readFileSync`. */
  name: string;
}

/** Options of a client construction that name the address it talks to. */
const ADDRESS_OPTIONS = new Set(['baseURL', 'baseUrl', 'prefixUrl', 'url', 'uri', 'endpoint', 'connectionString', 'host']);
const MAX_DEPTH = 8;

/** True when `module` is one of `modules` or a subpath of one (`fs` covers `fs/promises`). */
export function moduleListed(modules: readonly string[], module: string): boolean {
  for (const listed of modules) {
    if (module === listed || (module.startsWith(listed) && module.charCodeAt(listed.length) === 47 /* / */)) return true;
  }
  return false;
}

/** The module names an origin may be written as: `fs` + `['promises', 'readFile']` is also `fs/promises`. */
function originModules(origin: Origin): string[] {
  if (origin.module === null) return [];
  if (origin.path.length > 1 && origin.path[0] === 'promises') return [origin.module, `${origin.module}/promises`];
  return [origin.module];
}

function originText(origin: Origin): string {
  const parts = origin.module === null ? [...origin.path] : [origin.module, ...origin.path];
  return parts.join('.');
}

/**
 * One matcher per file: knows the resources and the import tracker, and
 * whether the file refers to any listed module at all (so that files which
 * never import `fs` pay no scope look-up per call).
 */
export class AccessMatcher {
  private moduleSeen = false;
  private readonly allModules: string[];

  constructor(
    private readonly resources: readonly SharedResource[],
    private readonly tracker: ImportTracker,
    /** Client instances (`pool.query`); null to match module functions only. */
    private readonly clients: ClientResolver | null = null,
  ) {
    this.allModules = resources.flatMap((resource) => resource.match.modules);
  }

  /** True when `module` is listed by some resource (for client constructions). */
  isListed(module: string): boolean {
    return moduleListed(this.allModules, module);
  }

  /** Call for every module specifier seen (import, require, dynamic import, export from). */
  noteModule(specifier: string): void {
    if (this.moduleSeen) return;
    const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (moduleListed(this.allModules, name)) this.moduleSeen = true;
  }

  /** The accesses this call makes, one per matching resource (usually none). */
  accessesOf(call: TSESTree.CallExpression | TSESTree.NewExpression, reportUnknownPaths: boolean): Access[] {
    const callee = call.callee;
    if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return [];
    // Making a client is not an access, unless the library connects at construction.
    const made = this.moduleSeen && this.clients ? this.clients.construction(call) : null;
    if (made ? !made.eager : call.type === 'NewExpression') return [];
    const written = dottedName(callee);
    let origin: Origin | null | undefined;
    const out: Access[] = [];
    for (const resource of this.resources) {
      const match = resource.match;
      if (written && matchesAnyDotted(match.calls, written)) {
        out.push({ call, resource, name: written.join('.') });
        continue;
      }
      let matched: string | null = null;
      if (match.globals.length > 0) matched = this.globalMatch(callee, written, match.globals);
      if (matched === null && this.moduleSeen && match.modules.length > 0) {
        if (origin === undefined) origin = this.tracker.originOf(callee);
        if (origin && origin.module !== null && !origin.path.includes('()')) {
          if (originModules(origin).some((module) => moduleListed(match.modules, module))) {
            const last = origin.path[origin.path.length - 1];
            matched = written && (last === undefined || written[written.length - 1] === last) ? written.join('.') : originText(origin);
          }
        }
      }
      let client: Client | null = null;
      if (matched === null && match.modules.length > 0 && callee.type === 'MemberExpression') {
        client = this.clientCall(callee, match.modules);
        if (client) matched = written ? written.join('.') : 'client call';
      }
      if (matched === null) continue;
      if (call.type === 'NewExpression') matched = `new ${matched}`;
      if (match.paths.length > 0 || match.pathIdentifiers.length > 0) {
        const kind = client ? this.clientPath(client, call, resource) : classifyPath(call.arguments[0], resource, this.tracker);
        if (kind === 'other' || (kind === 'unknown' && !reportUnknownPaths)) continue;
      }
      out.push({ call, resource, name: matched });
    }
    return out;
  }

  /** `pool.query(…)` on a client of one of `modules`; not a release or a listener. */
  private clientCall(callee: TSESTree.MemberExpression, modules: readonly string[]): Client | null {
    if (!this.clients || callee.computed || callee.property.type !== 'Identifier') return null;
    // A client made in this file needs its library imported here; only the audit follows imported clients.
    if (!this.moduleSeen && !this.clients.followsImports) return null;
    if (NON_ACCESS_METHODS.has(callee.property.name)) return null;
    const client = this.clients.clientOf(callee.object);
    return client && moduleListed(modules, client.module) ? client : null;
  }

  /**
   * With `paths`, a client call counts by the address the client was made
   * for (`axios.create({ baseURL })`, `new Pool({ connectionString })`), or
   * else by the call's own first argument.
   */
  private clientPath(client: Client, call: TSESTree.CallExpression | TSESTree.NewExpression, resource: SharedResource): PathClass {
    const options = client.construction?.arguments[0];
    if (options?.type === 'ObjectExpression') {
      for (const property of options.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        if (!ADDRESS_OPTIONS.has(property.key.name)) continue;
        const kind = classifyPath(property.value, resource, this.tracker);
        if (kind !== 'unknown') return kind;
      }
    } else if (options) {
      const kind = classifyPath(options, resource, this.tracker);
      if (kind !== 'unknown') return kind;
    }
    return classifyPath(call.arguments[0], resource, this.tracker);
  }

  private globalMatch(callee: TSESTree.Node, written: string[] | null, globals: readonly string[]): string | null {
    if (!written) return null;
    const name = this.tracker.globalName(callee, globals);
    return name !== null && globals.includes(name) ? written.join('.') : null;
  }
}

/** A piece of a path expression in order: literal text or an expression. */
type Part = { text: string } | { expression: TSESTree.Node };

function isPathModuleCall(node: TSESTree.CallExpression, tracker: ImportTracker): 'join' | 'resolve' | null {
  const origin = tracker.originOf(node.callee);
  if (!origin || (origin.module !== 'path' && origin.module !== 'path/posix' && origin.module !== 'path/win32')) return null;
  const path = origin.path[0] === 'posix' || origin.path[0] === 'win32' ? origin.path.slice(1) : origin.path;
  if (path.length !== 1) return null;
  return path[0] === 'join' ? 'join' : path[0] === 'resolve' ? 'resolve' : null;
}

/** The parts a path expression is built from, or null when it is not built from parts. */
function partsOf(node: TSESTree.Node, tracker: ImportTracker): Part[] | null {
  switch (node.type) {
    case 'TemplateLiteral': {
      const parts: Part[] = [];
      node.quasis.forEach((quasi, index) => {
        parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
        const expression = node.expressions[index];
        if (expression) parts.push({ expression });
      });
      return parts;
    }
    case 'BinaryExpression':
      if (node.operator !== '+') return null;
      return [{ expression: node.left }, { expression: node.right }];
    case 'CallExpression': {
      const kind = isPathModuleCall(node, tracker);
      if (!kind) return null;
      let args = node.arguments;
      if (kind === 'resolve') {
        // path.resolve starts again at the last absolute literal segment.
        for (let i = args.length - 1; i > 0; i--) {
          const arg = args[i]!;
          if (arg.type === 'Literal' && typeof arg.value === 'string' && arg.value.startsWith('/')) {
            args = args.slice(i);
            break;
          }
        }
      }
      const parts: Part[] = [];
      args.forEach((arg, index) => {
        if (index > 0) parts.push({ text: '/' });
        parts.push({ expression: arg });
      });
      return parts;
    }
    default:
      return null;
  }
}

/**
 * Classifies the path argument of an access: 'shared' when it starts with a
 * listed prefix or is built from a listed identifier, 'other' when it is
 * known not to, 'unknown' otherwise.
 */
export function classifyPath(node: TSESTree.Node | undefined, resource: SharedResource, tracker: ImportTracker, depth = 0): PathClass {
  if (!node || depth > MAX_DEPTH) return 'unknown';
  const { paths, pathIdentifiers } = resource.match;
  if (node.type === 'Literal') {
    if (typeof node.value !== 'string') return 'unknown';
    return paths.some((prefix) => node.value.startsWith(prefix)) ? 'shared' : 'other';
  }
  if (node.type === 'Identifier' || node.type === 'MemberExpression') {
    if (matchesAnyDotted(pathIdentifiers, dottedName(node))) return 'shared';
    if (node.type === 'Identifier') {
      const init = tracker.constInit(node);
      if (init) return classifyPath(init, resource, tracker, depth + 1);
    }
    return 'unknown';
  }
  if (isTypeWrapper(node)) return classifyPath(node.expression, resource, tracker, depth + 1);
  const parts = partsOf(node, tracker);
  if (!parts) return 'unknown';
  // Leading literal text decides when it is long enough to; an expression in
  // the lead position decides by itself.
  let text = '';
  let leading: PathClass | null = null;
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    const expression = part.expression;
    if (expression.type === 'Literal' && typeof expression.value === 'string') {
      text += expression.value;
      continue;
    }
    if (text.length === 0) {
      const inner = classifyPath(expression, resource, tracker, depth + 1);
      if (inner === 'shared') return 'shared';
      leading = inner === 'other' ? 'other' : 'unknown';
    }
    break;
  }
  if (leading === null) {
    if (paths.some((prefix) => text.startsWith(prefix))) return 'shared';
    const couldStillMatch = paths.some((prefix) => prefix.startsWith(text)) && parts.some((part) => 'expression' in part);
    leading = couldStillMatch ? 'unknown' : 'other';
  }
  // Built from a listed identifier anywhere (`path.join(base, SHARED_ROOT, f)`).
  for (const part of parts) {
    if ('expression' in part && builtFromIdentifier(part.expression, resource, tracker, depth + 1)) return 'shared';
  }
  return leading;
}

function builtFromIdentifier(node: TSESTree.Node, resource: SharedResource, tracker: ImportTracker, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === 'Identifier' || node.type === 'MemberExpression') {
    return matchesAnyDotted(resource.match.pathIdentifiers, dottedName(node));
  }
  const parts = partsOf(node, tracker);
  if (!parts) return false;
  return parts.some((part) => 'expression' in part && builtFromIdentifier(part.expression, resource, tracker, depth + 1));
}

/**
 * A cheap, conservative text test run before any AST work: false only when
 * no call in `text` can match the resource, because none of its module
 * specifiers or their parents (quoted, with or without `node:`, or with a
 * subpath: `fs/promises` is also reached as `fs` + `.promises`), none of
 * its call patterns' names and none of its globals occurs in the text. The
 * rule returns no listeners for such a file, so it costs nothing there.
 */
export function mayTouchResource(resource: SharedResource, text: string): boolean {
  const modules = resource.match.modules;
  if (modules.length > 0 && quotesSpecifier(text, modules)) return true;
  for (const pattern of resource.match.calls) {
    const names = pattern.filter((segment) => segment !== '*');
    if (names.every((name) => text.includes(name))) return true;
  }
  return resource.match.globals.some((name) => text.includes(name));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

interface SpecifierTest {
  /**
   * Substrings one of which every match of `pattern` contains: the
   * candidates that extend no other candidate (a match holds a candidate,
   * and each candidate starts with one of these: `fs/promises` with `fs`).
   */
  roots: string[];
  /**
   * Any candidate (each listed module and its parents) right after a quote,
   * or after a quote and `node:`, and right before the same quote or a `/`.
   */
  pattern: RegExp;
}

/**
 * Compiled specifier tests, keyed by the module list's content (not by the
 * array, which settings code could change in place): a few entries per
 * configuration, never anything from a file.
 */
const specifierTests = new Map<string, SpecifierTest>();

function specifierTest(modules: readonly string[]): SpecifierTest {
  const key = JSON.stringify(modules);
  let test = specifierTests.get(key);
  if (!test) {
    if (specifierTests.size >= 64) specifierTests.clear();
    const candidates = specifierCandidates(modules);
    const roots = candidates.filter((candidate) => !candidates.some((other) => other !== candidate && candidate.startsWith(other)));
    const pattern = new RegExp(`(['"\`])(?:node:)?(?:${candidates.map(escapeRegExp).join('|')})(?:\\/|\\1)`);
    specifierTests.set(key, (test = { roots, pattern }));
  }
  return test;
}

/**
 * True when `text` holds one of the modules or a parent of one right after
 * a quote, or after a quote and `node:`, and right before the same quote or
 * a `/`. Plain substring searches for the roots first (most files name
 * none), then one regular-expression scan rather than one `indexOf` walk
 * per candidate.
 */
function quotesSpecifier(text: string, modules: readonly string[]): boolean {
  const { roots, pattern } = specifierTest(modules);
  return roots.some((root) => text.includes(root)) && pattern.test(text);
}

/** Each listed module and its parent specifiers: `fs/promises` gives `fs/promises` and `fs`. */
function specifierCandidates(modules: readonly string[]): string[] {
  const out = new Set<string>();
  for (const module of modules) {
    const parts = module.split('/');
    for (let i = parts.length; i >= 1; i--) {
      const candidate = parts.slice(0, i).join('/');
      if (!(i === 1 && candidate.startsWith('@') && parts.length > 1)) out.add(candidate);
    }
  }
  return [...out];
}
