/**
 * The audit's call graph: resolves each file's references across files
 * (imports, re-exports, default exports, CommonJS exports, instances of
 * known classes), links calls to the functions they reach, finds the roots
 * (functions nothing in the project calls, functions handed to frameworks,
 * top-level code) and, per unguarded access, every chain from a root that
 * passes no guard. Guardedness of each call and access comes from the rule's
 * own `GuardAnalysis` (`localVerdict`), per file and resource, decided when
 * the file was collected (src/audit/collect.ts); the graph works on those
 * facts alone, without any syntax tree.
 */
import { classMethod, type CallSite, type ClassFacts, type FileFacts, type GraphFunction, type Ref } from './collect';
import type { ModuleResolver } from './resolve';

type Value =
  | { kind: 'fn'; fn: GraphFunction }
  | { kind: 'class'; cls: ClassFacts }
  | { kind: 'instance'; cls: ClassFacts }
  | { kind: 'object'; members: ReadonlyMap<string, Ref | null> }
  | { kind: 'module'; file: FileFacts }
  | { kind: 'client'; module: string };

export interface Edge {
  from: GraphFunction;
  to: GraphFunction;
  site: CallSite;
  file: FileFacts;
}

export interface Step {
  file: string;
  line: number;
  function: string;
}

export interface AuditFinding {
  resource: string;
  /** `access`: a call that touches the resource; `guardedCall`: a call of a `@guarded` function. */
  kind: 'access' | 'guardedCall';
  access: { file: string; line: number; column: number; callee: string };
  paths: Step[][];
  /** Chains left out past the per-finding limit. */
  omittedPaths: number;
}

export interface GraphStats {
  functions: number;
  edges: number;
  roots: number;
  accesses: number;
  guardedAccesses: number;
  dynamicCalls: number;
  /** Functions passed as arguments to code the audit cannot see (a package, an unresolved callee). */
  callbacksOut: number;
  /** Imports that name project files outside the given paths. */
  importsOutside: number;
}

const MAX_DEPTH = 16;
const NEXT_APP_ROUTE = /(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$/;
const NEXT_PAGES_API = /(?:^|\/)pages\/api\//;
const NEXT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const MAX_PATHS = 20;
/** Chains collected per finding before the shortest MAX_PATHS are kept. */
const MAX_COLLECTED = 1000;
const STEP_BUDGET = 50_000;

export class CallGraph {
  private readonly filesByPath = new Map<string, FileFacts>();
  private readonly incoming = new Map<GraphFunction, Edge[]>();
  private readonly entries = new Map<GraphFunction, string>();
  readonly edges: Edge[] = [];
  readonly stats: GraphStats = { functions: 0, edges: 0, roots: 0, accesses: 0, guardedAccesses: 0, dynamicCalls: 0, callbacksOut: 0, importsOutside: 0 };
  private readonly outsideImports = new Set<string>();
  /** Files whose analysis failed with an error of ours: listed as skipped, never a crash. */
  readonly errors = new Map<FileFacts, string>();

  private guard<T>(file: FileFacts, fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!this.errors.has(file)) this.errors.set(file, `internal error: ${(error as Error).message ?? String(error)}`);
      return fallback;
    }
  }

  constructor(
    private readonly files: readonly FileFacts[],
    private readonly resolver: ModuleResolver,
  ) {
    for (const file of files) this.filesByPath.set(file.path, file);
  }

  // ---- resolution ---------------------------------------------------

  private moduleOf(from: FileFacts, specifier: string): FileFacts | null {
    const resolution = this.resolver.resolve(from.path, specifier);
    // A file among the paths that could not be read or parsed counts like one outside them.
    const file = resolution.kind === 'file' ? this.filesByPath.get(resolution.path) : undefined;
    if (file) return file;
    if (resolution.kind !== 'external') this.outsideImports.add(`${from.path}\0${specifier}`);
    return null;
  }

  resolve(ref: Ref | null, depth = 0): Value | null {
    if (!ref || depth > MAX_DEPTH) return null;
    switch (ref.kind) {
      case 'fn':
        return ref;
      case 'class':
        return ref;
      case 'client':
        return ref;
      case 'object':
        return ref;
      case 'instance': {
        const of = this.resolve(ref.of, depth + 1);
        return of?.kind === 'class' ? { kind: 'instance', cls: of.cls } : null;
      }
      case 'member':
        return this.member(this.resolve(ref.of, depth + 1), ref.name, depth + 1);
      case 'import': {
        const file = this.moduleOf(ref.file, ref.specifier);
        if (!file) return null;
        let value: Value | null = { kind: 'module', file };
        for (const segment of ref.path) value = this.member(value, segment, depth + 1);
        return value;
      }
      default:
        return null;
    }
  }

  /** A module's export by name, through `export *` re-exports. */
  private exportOf(file: FileFacts, name: string, depth: number, seen = new Set<FileFacts>()): Value | null {
    if (depth > MAX_DEPTH || seen.has(file)) return null;
    seen.add(file);
    if (file.exports.has(name)) return this.resolve(file.exports.get(name)!, depth + 1);
    if (name === 'default') return null;
    for (const star of file.stars) {
      const target = this.moduleOf(file, star);
      const found = target ? this.exportOf(target, name, depth + 1, seen) : null;
      if (found) return found;
    }
    return null;
  }

  private member(value: Value | null, name: string, depth: number): Value | null {
    if (!value || depth > MAX_DEPTH) return null;
    switch (value.kind) {
      case 'module': {
        if (name === 'default') return this.exportOf(value.file, 'default', depth + 1);
        const named = this.exportOf(value.file, name, depth + 1);
        if (named) return named;
        // A default import used as a namespace: `import svc from './svc'; svc.list()`.
        return this.member(this.exportOf(value.file, 'default', depth + 1), name, depth + 1);
      }
      case 'object':
        return value.members.has(name) ? this.resolve(value.members.get(name)!, depth + 1) : null;
      case 'instance':
        return this.classMember(value.cls, name, false, depth + 1);
      case 'class':
        return this.classMember(value.cls, name, name === 'constructor' ? false : true, depth + 1);
      default:
        return null;
    }
  }

  /** A method (or a field holding a known value) of a class or its known superclasses. */
  private classMember(cls: ClassFacts, name: string, isStatic: boolean, depth: number): Value | null {
    if (depth > MAX_DEPTH) return null;
    const method = classMethod(cls, name, isStatic);
    if (method) return { kind: 'fn', fn: method };
    if (!isStatic && cls.fields.has(name)) return this.resolve(cls.fields.get(name)!, depth + 1);
    if (name === 'constructor') return null;
    if (cls.superClass) {
      const parent = this.resolve(cls.superClass, depth + 1);
      if (parent?.kind === 'class') return this.classMember(parent.cls, name, isStatic, depth + 1);
    }
    return null;
  }

  /** The graph function a call reaches, or null. */
  private callTarget(site: CallSite): GraphFunction | null {
    let value = this.resolve(site.target);
    if (value?.kind === 'module') value = this.exportOf(value.file, 'default', 0);
    return value?.kind === 'fn' ? value.fn : null;
  }

  /**
   * For a file's clients imported from elsewhere: the library module the
   * imported value was made from (`export const pool = new Pool()`), or null.
   */
  importedClient(file: FileFacts, origin: { module: string | null; path: readonly string[] }): string | null {
    if (origin.module === null) return null;
    const value = this.resolve({ kind: 'import', file, specifier: origin.module, path: origin.path });
    return value?.kind === 'client' ? value.module : null;
  }

  // ---- building -----------------------------------------------------

  /**
   * Marks the exported functions of the given files as entry points: roots
   * even when the project calls them too (they are also called from outside).
   */
  markEntryFiles(isEntry: (file: FileFacts) => boolean): void {
    for (const file of this.files) {
      if (!isEntry(file)) continue;
      for (const name of file.exports.keys()) {
        let value = this.exportOf(file, name, 0);
        if (value?.kind === 'object') value = null;
        if (value?.kind === 'fn' && !this.entries.has(value.fn)) this.entries.set(value.fn, 'entry point');
      }
    }
  }

  build(): void {
    // Next.js route handlers: `app/**/route.ts` method exports and `pages/api/**` default exports.
    for (const file of this.files) {
      const names = NEXT_APP_ROUTE.test(file.rel) ? NEXT_METHODS : NEXT_PAGES_API.test(file.rel) ? ['default'] : [];
      for (const name of names) {
        const value = file.exports.has(name) ? this.guard(file, null, () => this.exportOf(file, name, 0)) : null;
        if (value?.kind === 'fn' && !this.entries.has(value.fn)) this.entries.set(value.fn, `Next.js ${name === 'default' ? 'API route' : name}`);
      }
    }
    for (const file of this.files) {
      this.stats.dynamicCalls += file.dynamicCalls;
      for (const site of file.calls) {
        const to = this.guard(file, null, () => this.callTarget(site));
        if (!to) continue;
        // A project function handed to code the audit cannot see: assumed to run where it is passed.
        if (site.callback && site.entry === null && !this.guard(file, true, () => this.callsProjectCode(site))) this.stats.callbacksOut++;
        if (site.entry !== null) {
          if (!this.entries.has(to)) this.entries.set(to, site.entry);
          continue;
        }
        const edge: Edge = { from: site.owner, to, site, file };
        this.edges.push(edge);
        const list = this.incoming.get(to);
        if (list) list.push(edge);
        else this.incoming.set(to, [edge]);
      }
    }
    const all = new Set<GraphFunction>();
    for (const file of this.files) for (const fn of file.graphFunctions()) all.add(fn);
    for (const edge of this.edges) {
      all.add(edge.from);
      all.add(edge.to);
    }
    this.stats.functions = all.size;
    this.stats.edges = this.edges.length;
    this.stats.roots = [...all].filter((fn) => this.isRoot(fn)).length;
    this.stats.importsOutside = this.outsideImports.size;
  }

  /** The call's callee is a function of the project (so a callback passed to it is followed there). */
  private callsProjectCode(site: CallSite): boolean {
    let value = this.resolve(site.callee);
    if (value?.kind === 'module') value = this.exportOf(value.file, 'default', 0);
    return value?.kind === 'fn' || value?.kind === 'class';
  }

  /** Nothing in the project calls it, or a framework does (routes, timers, events, jobs), or it is top-level code. */
  isRoot(fn: GraphFunction): boolean {
    if (fn.entry !== null || this.entries.has(fn)) return true;
    const callers = this.incoming.get(fn);
    return !callers || callers.every((edge) => edge.from === fn);
  }

  // ---- guards -------------------------------------------------------

  /** The call on this edge runs guarded for `resource` (the rule's guard logic, in the caller's file). */
  edgeGuarded(edge: Edge, resource: string): boolean {
    return edge.site.guarded.includes(resource);
  }

  // ---- findings -----------------------------------------------------

  findings(): AuditFinding[] {
    const out: AuditFinding[] = [];
    for (const file of this.files) {
      this.stats.accesses += file.accessCount;
      this.stats.guardedAccesses += file.guardedAccessCount;
      for (const access of file.accesses) {
        const chains = this.chains(access.owner, access.resource);
        if (chains.paths.length === 0) {
          this.stats.guardedAccesses++;
          continue;
        }
        out.push(this.finding(access.resource, 'access', file, access.owner, access.line, access.column, access.callee, chains));
      }
    }
    // `@guarded` is a contract: each call of such a function from an unguarded chain is reported.
    for (const edge of this.edges) {
      const target = edge.to;
      for (const resource of target.tagged) {
        if (this.edgeGuarded(edge, resource)) continue;
        const chains = this.chains(edge.from, resource);
        if (chains.paths.length === 0) continue;
        out.push(this.finding(resource, 'guardedCall', edge.file, edge.from, edge.site.line, edge.site.column, target.name, chains));
      }
    }
    out.sort(
      (a, b) =>
        compare(a.access.file, b.access.file) ||
        a.access.line - b.access.line ||
        a.access.column - b.access.column ||
        compare(a.resource, b.resource),
    );
    return out;
  }

  private finding(
    resource: string,
    kind: AuditFinding['kind'],
    file: FileFacts,
    owner: GraphFunction,
    line: number,
    column: number,
    callee: string,
    chains: { paths: Edge[][]; omitted: number },
  ): AuditFinding {
    const last: Step = { file: file.rel, line, function: callee };
    const paths = chains.paths.map((edges) => {
      const root = edges.length > 0 ? edges[0]!.from : owner;
      const steps: Step[] = [{ file: root.file.rel, line: root.line, function: root.name }];
      for (const edge of edges) steps.push({ file: edge.file.rel, line: edge.site.line, function: edge.to.name });
      steps.push(last);
      return steps;
    });
    paths.sort((a, b) => a.length - b.length || compare(pathText(a), pathText(b)));
    return { resource, kind, access: { file: file.rel, line, column, callee }, paths, omittedPaths: chains.omitted };
  }

  /** Every chain of unguarded calls from a root to `target` (as edges, root first), shortest first, up to a limit. */
  private chains(target: GraphFunction, resource: string): { paths: Edge[][]; omitted: number } {
    const paths: Edge[][] = [];
    let omitted = 0;
    let steps = 0;
    const stack: Edge[] = [];
    const onPath = new Set<GraphFunction>([target]);
    const visit = (fn: GraphFunction) => {
      if (steps++ > STEP_BUDGET) return;
      if (this.isRoot(fn)) {
        if (paths.length < MAX_COLLECTED) paths.push([...stack].reverse());
        else omitted++;
      }
      if (stack.length >= MAX_DEPTH) return;
      for (const edge of this.incoming.get(fn) ?? []) {
        if (onPath.has(edge.from) || this.edgeGuarded(edge, resource)) continue;
        onPath.add(edge.from);
        stack.push(edge);
        visit(edge.from);
        stack.pop();
        onPath.delete(edge.from);
      }
    };
    visit(target);
    // Collected depth-first; the shortest are kept.
    paths.sort((a, b) => a.length - b.length);
    omitted += Math.max(0, paths.length - MAX_PATHS);
    return { paths: paths.slice(0, MAX_PATHS), omitted };
  }
}

export function pathText(steps: readonly Step[]): string {
  return steps.map((step) => `${step.file}:${step.line} (${step.function})`).join(' -> ');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
