/**
 * Per-file facts for the audit, gathered in one ESLint traversal that drives
 * the rule's own analysis (`SharedResourceCollector`: the same matchers and
 * guard logic as `no-unguarded-shared-resource`) and records what the call
 * graph needs: the functions that are graph nodes, every call that may reach
 * project code and the value it calls (as an unresolved reference), whether
 * it runs guarded, the accesses no guard covers, `@guarded` tags, exports and
 * re-exports, and the functions handed to frameworks (routes, timers, events,
 * jobs). The facts are plain data: each file's syntax tree is dropped once its
 * facts are collected, so the audit's memory is its facts, not its trees.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { languageOptionsFor } from '../codemod/engine';
import { isFunction, type FunctionNode } from '../ast/functions';
import { staticString } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import type { ImportTracker, Origin } from '../imports';
import { SharedResourceCollector, isChokePoint, relativeFilePath } from '../resources/analysis';
import { clientConstruction, fieldValue, onceAssignedValue } from '../resources/clients';
import { canonicalExpression } from '../patterns';
import { memberKey, thisClass, ThisMembers } from '../resources/guard';
import { moduleListed } from '../resources/match';
import type { SharedResource } from '../settings';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A node of the call graph: a named function, a registered callback, or a
 * file's top-level code. Plain data: no syntax tree node is kept.
 */
export interface GraphFunction {
  file: FileFacts;
  name: string;
  line: number;
  /** Why it is a root whatever calls it (`route handler`, `timer`, …), or null. */
  entry: string | null;
  /** The function's offset in its file (it names the function when the file is read again); -1 for top-level code. */
  start: number;
  /** The resources whose `@guarded` tag the function carries. */
  tagged: readonly string[];
}

/** A class of the project: its methods, the values of its fields assigned once, its superclass. */
export interface ClassFacts {
  file: FileFacts;
  methods: { key: string | null; isStatic: boolean; isConstructor: boolean; fn: GraphFunction }[];
  /** Fields holding one value for the instance's life (`this.pool = new Pool()` in the constructor); null when it is not known. */
  fields: Map<string, Ref | null>;
  superClass: Ref | null;
}

/** A value a call or export refers to, resolved across files by the graph. */
export type Ref =
  | { kind: 'fn'; fn: GraphFunction }
  | { kind: 'class'; cls: ClassFacts }
  | { kind: 'instance'; of: Ref }
  | { kind: 'object'; members: ReadonlyMap<string, Ref | null> }
  | { kind: 'import'; file: FileFacts; specifier: string; path: readonly string[] }
  | { kind: 'member'; of: Ref; name: string }
  | { kind: 'client'; module: string };

export interface CallSite {
  owner: GraphFunction;
  /** Where the call is, or for a callback the function reference passed to it (column 1-based). */
  line: number;
  column: number;
  target: Ref;
  /** For a callback: what the call it is passed to calls (is it project code?). */
  callee: Ref | null;
  /** A function passed as an argument (called by the callee), not called here. */
  callback: boolean;
  /** For a function handed to a framework: why its target is a root. */
  entry: string | null;
  /** The resources this call runs guarded for inside its own function (a guard, a dominating flag check, a choke point). */
  guarded: readonly string[];
}

/** An access of a resource that no guard covers inside its own function: the graph looks for chains to it. */
export interface AccessFact {
  resource: string;
  owner: GraphFunction;
  line: number;
  /** 1-based. */
  column: number;
  callee: string;
}

/** The method `name` of a class (instance or static when `isStatic` is not given), or null. */
export function classMethod(cls: ClassFacts, name: string, isStatic?: boolean): GraphFunction | null {
  for (const method of cls.methods) {
    if (isStatic !== undefined && method.isStatic !== isStatic) continue;
    if (name === 'constructor' ? method.isConstructor : !method.isConstructor && method.key === name) return method.fn;
  }
  return null;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);
const EVENT_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'addEventListener']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
const JOB_METHODS = new Set(['process', 'define', 'schedule']);
const JOB_CLASSES = new Set(['Worker', 'CronJob', 'QueueEvents']);
const MAX_DEPTH = 12;

/**
 * When `arg` is handed to a framework by `call` (a route, timer, event or
 * job registration), a label for it: `app.get('/users')`, `setInterval`,
 * `process.on('SIGTERM')`, `queue.process`. Null otherwise.
 */
export function registration(call: TSESTree.CallExpression | TSESTree.NewExpression, arg: TSESTree.Node): string | null {
  if (!call.arguments.includes(arg as TSESTree.CallExpressionArgument)) return null;
  const callee = call.callee;
  const text = canonicalExpression(callee) ?? 'callback';
  const first = staticString(call.arguments[0]);
  if (call.type === 'NewExpression') {
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberKey(callee) : null;
    return name !== null && JOB_CLASSES.has(name) ? `new ${text}(${first !== null ? `'${first}'` : ''})` : null;
  }
  if (callee.type === 'Identifier') {
    if (callee.name === 'createServer') return 'createServer';
    return TIMERS.has(callee.name) ? callee.name : null;
  }
  if (callee.type !== 'MemberExpression') return null;
  const method = memberKey(callee);
  if (method === null) return null;
  if (method === 'createServer') return text;
  if (text === 'process.nextTick') return text;
  if (ROUTE_METHODS.has(method) && (method === 'use' || (first !== null && /^[/*]/.test(first)))) {
    return first !== null ? `${text}('${first}')` : text;
  }
  // express `app.route('/x').get(handler)`
  const chained = callee.object.type === 'CallExpression' ? callee.object : null;
  if (ROUTE_METHODS.has(method) && chained?.callee.type === 'MemberExpression' && memberKey(chained.callee) === 'route') {
    const path = staticString(chained.arguments[0]);
    return `${canonicalExpression(chained.callee) ?? 'route'}(${path !== null ? `'${path}'` : ''}).${method}`;
  }
  if (EVENT_METHODS.has(method) && first !== null) return `${text}('${first}')`;
  if (JOB_METHODS.has(method)) return first !== null ? `${text}('${first}')` : text;
  return null;
}

/** `fastify.route({ url, handler })`: the handler is registered. */
function routeOptionHandler(fn: TSESTree.Node): string | null {
  const property = fn.parent;
  if (property?.type !== 'Property' || property.value !== fn || memberKey(property) !== 'handler') return null;
  const object = property.parent;
  const call = object?.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(object as TSESTree.ObjectExpression)) return null;
  if (call.callee.type !== 'MemberExpression' || memberKey(call.callee) !== 'route') return null;
  const url = (object as TSESTree.ObjectExpression).properties.find(
    (p): p is TSESTree.Property => p.type === 'Property' && (memberKey(p) === 'url' || memberKey(p) === 'path'),
  );
  const path = url ? staticString(url.value) : null;
  return `${canonicalExpression(call.callee) ?? 'route'}(${path !== null ? `'${path}'` : ''})`;
}

/** Why a function node is its own graph node (and its name), or null when it is an inline callback of its parent. */
function functionRole(fn: FunctionNode): { name: string; entry: string | null } | null {
  const parent = fn.parent;
  if (fn.type === 'FunctionDeclaration') return { name: fn.id?.name ?? 'default', entry: null };
  if (!parent) return null;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === fn && parent.id.type === 'Identifier' ? { name: parent.id.name, entry: null } : null;
    case 'MethodDefinition': {
      const owner = parent.parent?.parent as ClassNode | undefined;
      const className = owner?.id?.name ?? (owner?.parent?.type === 'VariableDeclarator' && owner.parent.id.type === 'Identifier' ? owner.parent.id.name : 'class');
      return { name: `${className}.${memberKey(parent) ?? '[computed]'}`, entry: null };
    }
    case 'PropertyDefinition': {
      const owner = parent.parent?.parent as ClassNode | undefined;
      return { name: `${owner?.id?.name ?? 'class'}.${memberKey(parent) ?? '[computed]'}`, entry: null };
    }
    case 'Property': {
      if (parent.value !== fn) return null;
      const handler = routeOptionHandler(fn);
      if (handler !== null) return { name: handler, entry: 'route handler' };
      const object = parent.parent;
      const holder = object?.parent;
      const key = memberKey(parent) ?? '[computed]';
      const objectName = holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? `${holder.id.name}.` : '';
      return { name: `${objectName}${key}`, entry: null };
    }
    case 'ExportDefaultDeclaration':
      return { name: 'default', entry: null };
    case 'AssignmentExpression':
      return parent.right === fn ? { name: canonicalExpression(parent.left) ?? 'assigned function', entry: null } : null;
    case 'CallExpression':
    case 'NewExpression': {
      const label = registration(parent, fn);
      if (label === null) return null;
      return { name: label, entry: entryKind(label) };
    }
    default:
      return null;
  }
}

function entryKind(label: string): string {
  if (TIMERS.has(label) || label === 'process.nextTick') return 'timer';
  if (/\.(?:on|once|addListener|prependListener|addEventListener)\(/.test(label)) return 'event handler';
  if (/^new |\.(?:process|define|schedule)\b/.test(label)) return 'job';
  return 'route handler';
}
/** Everything the audit knows about one parsed file: plain data, no syntax tree. */
export class FileFacts {
  readonly top: GraphFunction;
  /** The file's graph nodes other than its top-level code. */
  readonly functions: GraphFunction[] = [];
  /** Calls (and callbacks) whose target may be project code. */
  readonly calls: CallSite[] = [];
  readonly exports = new Map<string, Ref | null>();
  /** `export * from '…'` specifiers. */
  readonly stars: string[] = [];
  /** `obj[name]()` calls: the audit cannot tell what they call. */
  dynamicCalls = 0;
  /** Every access of a resource in the file, and those guarded inside their own function. */
  accessCount = 0;
  guardedAccessCount = 0;
  /** The accesses no guard covers inside their own function. */
  accesses: AccessFact[] = [];
  /**
   * Values imported from project files that the rule's client tracking asked
   * about (`pool.query()` with `pool` imported): once the graph is built, if
   * one is a client made in another file, the file's accesses are collected
   * again with the answer.
   */
  readonly clientOrigins: Origin[] = [];
  private readonly choke: ReadonlySet<string>;

  constructor(
    readonly path: string,
    /** Path relative to the working directory, forward slashes. */
    readonly rel: string,
    readonly resources: readonly SharedResource[],
    /** The settings base that `chokePoints` are relative to (see src/settings-base.ts). */
    base: string,
  ) {
    this.top = { file: this, name: '<module>', line: 1, entry: 'module code', start: -1, tagged: [] };
    const fromBase = relativeFilePath(path, base);
    this.choke = new Set(resources.filter((resource) => isChokePoint(resource, fromBase)).map((resource) => resource.name));
  }

  /** The file is a choke point of the named resource. */
  isChoke(name: string): boolean {
    return this.choke.has(name);
  }

  /** Every graph node of the file (top-level code first). */
  graphFunctions(): GraphFunction[] {
    return [this.top, ...this.functions];
  }

  /** Takes the accesses of the same file collected again (with imported clients known). */
  replaceAccesses(again: FileFacts): void {
    const byStart = new Map<number, GraphFunction>(this.graphFunctions().map((fn) => [fn.start, fn]));
    this.accessCount = again.accessCount;
    this.guardedAccessCount = again.guardedAccessCount;
    this.accesses = again.accesses.map((access) => {
      let owner = byStart.get(access.owner.start);
      if (!owner) {
        owner = { ...access.owner, file: this };
        this.functions.push(owner);
        byStart.set(owner.start, owner);
      }
      return { ...access, owner };
    });
  }
}

const NO_RESOURCES: readonly string[] = [];
const PENDING = Symbol('pending');

interface PendingCall {
  owner: GraphFunction;
  node: TSESTree.Node;
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The callee, or for a callback the function reference passed. */
  value: TSESTree.Node;
  callback: boolean;
  entry: string | null;
}

/**
 * Collects one file's facts while ESLint walks its tree, and computes them
 * all (targets, guard verdicts, accesses, tags) at `Program:exit`; the
 * collector and the tree are dropped afterwards.
 */
class FileCollector {
  private readonly byNode = new Map<FunctionNode, GraphFunction>();
  /** Inline callbacks: part of the function they are written in. */
  private readonly inline = new Set<FunctionNode>();
  private readonly classes = new Map<ClassNode, ClassFacts>();
  private readonly variables = new Map<object, Ref | null | typeof PENDING>();
  private readonly objects = new Map<TSESTree.ObjectExpression, Ref>();
  readonly members = new ThisMembers();
  private readonly thisMembers = new ThisMembers();
  private readonly pending: PendingCall[] = [];
  private program: TSESTree.Program | null = null;
  private readonly tracker: ImportTracker;
  private readonly modules: string[];

  constructor(
    readonly facts: FileFacts,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly collector: SharedResourceCollector,
    /** False when a module specifier names no project file (a package): calls into it are not graph edges. */
    private readonly mayBeProject: (specifier: string) => boolean,
  ) {
    this.tracker = collector.imports;
    this.modules = facts.resources.flatMap((r) => r.match.modules);
  }

  private isListed = (module: string): boolean => moduleListed(this.modules, module);

  isBoundary = (fn: FunctionNode): boolean => this.graphFunction(fn) !== null;

  /** The graph node for a function node, created on first use; null for an inline callback. */
  graphFunction(fn: FunctionNode): GraphFunction | null {
    const known = this.byNode.get(fn);
    if (known) return known;
    if (this.inline.has(fn)) return null;
    const role = functionRole(fn);
    if (!role) {
      this.inline.add(fn);
      return null;
    }
    const graphFn: GraphFunction = { file: this.facts, name: role.name, line: fn.loc.start.line, entry: role.entry, start: fn.range[0], tagged: NO_RESOURCES };
    this.byNode.set(fn, graphFn);
    this.facts.functions.push(graphFn);
    return graphFn;
  }

  /** The graph node whose body `node` runs in. */
  ownerOf(node: TSESTree.Node): GraphFunction {
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current)) {
        const fn = this.graphFunction(current);
        if (fn) return fn;
      }
    }
    return this.facts.top;
  }

  // ---- references ---------------------------------------------------

  /** An import or require with a literal specifier, as the import tracker sees it. */
  private importRef(node: TSESTree.Node): Ref | null {
    const origin = this.tracker.originOf(node);
    if (!origin || origin.module === null || origin.path.includes('()')) return null;
    return { kind: 'import', file: this.facts, specifier: origin.module, path: origin.path };
  }

  /** A class's methods, fields and superclass (one record per class, made on first use). */
  private classFacts(node: ClassNode): ClassFacts {
    const known = this.classes.get(node);
    if (known) return known;
    const cls: ClassFacts = { file: this.facts, methods: [], fields: new Map(), superClass: null };
    this.classes.set(node, cls);
    const names = new Set<string>(this.thisMembers.namesOf(node));
    for (const element of node.body.body) {
      if (element.type === 'MethodDefinition' && element.value.type === 'FunctionExpression' && (element.kind === 'method' || element.kind === 'constructor')) {
        const fn = this.graphFunction(element.value);
        if (fn) cls.methods.push({ key: memberKey(element), isStatic: element.static, isConstructor: element.kind === 'constructor', fn });
      } else if (element.type === 'PropertyDefinition' && !element.static) {
        const key = memberKey(element);
        if (key !== null) names.add(key);
      }
    }
    for (const name of names) {
      const value = fieldValue(node, name, this.members);
      if (value) cls.fields.set(name, this.refOf(value));
    }
    cls.superClass = node.superClass ? this.refOf(node.superClass) : null;
    return cls;
  }

  /** What `node` refers to, as far as this file can tell. */
  refOf(input: TSESTree.Node, depth = 0): Ref | null {
    if (depth > MAX_DEPTH) return null;
    const node = unwrapExpression(input);
    switch (node.type) {
      case 'Identifier': {
        const variable = this.tracker.variableOf(node);
        if (!variable || variable.defs.length === 0) return null;
        const known = this.variables.get(variable);
        if (known !== undefined) return known === PENDING ? null : known;
        this.variables.set(variable, PENDING);
        const ref = this.identifierRef(node, variable, depth);
        this.variables.set(variable, ref);
        return ref;
      }
      case 'MemberExpression': {
        const name = memberKey(node);
        if (name === null) return null;
        if (node.object.type === 'ThisExpression') {
          const classNode = thisClass(node);
          if (!classNode) return null;
          const cls = this.classFacts(classNode);
          const method = classMethod(cls, name);
          if (method) return { kind: 'fn', fn: method };
          if (cls.fields.has(name)) return cls.fields.get(name)!;
          return { kind: 'member', of: { kind: 'instance', of: { kind: 'class', cls } }, name };
        }
        const imported = this.importRef(node);
        if (imported) return imported;
        const of = this.refOf(node.object, depth + 1);
        return of ? { kind: 'member', of, name } : null;
      }
      case 'NewExpression': {
        const made = clientConstruction(node, this.tracker, this.isListed);
        if (made) return { kind: 'client', module: made.module };
        const of = this.refOf(node.callee, depth + 1);
        return of ? { kind: 'instance', of } : null;
      }
      case 'CallExpression': {
        const required = this.tracker.requiredModule(node);
        if (required !== null) return { kind: 'import', file: this.facts, specifier: required, path: [] };
        const made = clientConstruction(node, this.tracker, this.isListed);
        return made ? { kind: 'client', module: made.module } : null;
      }
      case 'AwaitExpression':
        return node.argument.type === 'ImportExpression' ? this.importRef(node) : null;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionDeclaration': {
        const fn = this.graphFunction(node);
        return fn ? { kind: 'fn', fn } : null;
      }
      case 'ClassExpression':
      case 'ClassDeclaration':
        return { kind: 'class', cls: this.classFacts(node) };
      case 'ObjectExpression': {
        const known = this.objects.get(node);
        if (known) return known;
        const members = new Map<string, Ref | null>();
        const ref: Ref = { kind: 'object', members };
        this.objects.set(node, ref);
        for (const property of node.properties) {
          if (property.type !== 'Property') continue;
          const key = memberKey(property);
          if (key !== null) members.set(key, this.refOf(property.value, depth + 1));
        }
        return ref;
      }
      default:
        return null;
    }
  }

  private identifierRef(node: TSESTree.Identifier, variable: NonNullable<ReturnType<ImportTracker['variableOf']>>, depth: number): Ref | null {
    const def = variable.defs.find((d) => d.type !== 'FunctionName' || (d.node as TSESTree.Node).type === 'FunctionDeclaration') ?? variable.defs[0]!;
    if (def.type === 'ImportBinding') return this.importRef(node);
    if (def.type === 'FunctionName') {
      const declaration = variable.defs.map((d) => d.node as TSESTree.Node).find((n): n is TSESTree.FunctionDeclaration => n.type === 'FunctionDeclaration' && !!n.body);
      const fn = declaration ? this.graphFunction(declaration) : null;
      return fn ? { kind: 'fn', fn } : null;
    }
    if (def.type === 'ClassName') return { kind: 'class', cls: this.classFacts(def.node as ClassNode) };
    if (def.type === 'Variable') {
      const value = onceAssignedValue(variable);
      if (value) return this.refOf(value, depth + 1);
      return this.importRef(node);
    }
    return null;
  }

  /** False when the value can only be in a package or a client: no call to it is an edge of the graph. */
  private mayReachProject(ref: Ref): boolean {
    switch (ref.kind) {
      case 'client':
        return false;
      case 'import':
        return this.mayBeProject(ref.specifier);
      case 'member':
      case 'instance':
        return this.mayReachProject(ref.of);
      default:
        return true;
    }
  }

  // ---- traversal ----------------------------------------------------

  onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const owner = this.ownerOf(node);
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'MemberExpression' && callee.computed && memberKey(callee) === null) this.facts.dynamicCalls++;
    if (callee.type === 'Identifier' || callee.type === 'MemberExpression') {
      this.pending.push({ owner, node, call: node, value: callee, callback: false, entry: null });
    }
    for (const arg of node.arguments) {
      const value = unwrapExpression(arg);
      if (value.type !== 'Identifier' && value.type !== 'MemberExpression') continue;
      this.pending.push({ owner, node: arg, call: node, value, callback: true, entry: registration(node, arg) });
    }
  }

  onThisMember(node: TSESTree.MemberExpression): void {
    this.members.add(node);
    this.thisMembers.add(node);
  }

  onProgram(program: TSESTree.Program): void {
    this.program = program;
  }

  /** Computes every fact of the file; afterwards nothing refers to its tree. */
  finish(): void {
    const facts = this.facts;
    if (this.program) this.exportsOf(this.program);
    for (const site of this.pending) {
      let target = this.refOf(site.value);
      if (target && !site.callback && site.call.type === 'NewExpression') target = { kind: 'member', of: target, name: 'constructor' };
      if (!target || !this.mayReachProject(target)) continue;
      const callee = site.callback && site.entry === null ? this.refOf(site.call.callee) : null;
      facts.calls.push({
        owner: site.owner,
        line: site.node.loc.start.line,
        column: site.node.loc.start.column + 1,
        target,
        callee,
        callback: site.callback,
        entry: site.entry,
        guarded: this.guardedFor(site),
      });
    }
    for (const access of this.collector.accesses()) {
      facts.accessCount++;
      const name = access.resource.name;
      if (facts.isChoke(name) || this.collector.analysis(access.resource).localVerdict(access.call, this.isBoundary)) {
        facts.guardedAccessCount++;
        continue;
      }
      const { line, column } = access.call.loc.start;
      facts.accesses.push({ resource: name, owner: this.ownerOf(access.call), line, column: column + 1, callee: access.name });
    }
    if (this.sourceCode.text.includes('@guarded')) {
      for (const [node, fn] of this.byNode) {
        const tagged = facts.resources.filter((resource) => this.collector.analysis(resource).isTagged(node)).map((resource) => resource.name);
        if (tagged.length > 0) fn.tagged = tagged;
      }
    }
  }

  /** The resources for which the call runs guarded inside its own function (the rule's guard logic). */
  private guardedFor(site: PendingCall): readonly string[] {
    let out: string[] | null = null;
    for (const resource of this.facts.resources) {
      if (this.siteGuarded(site, resource)) (out ??= []).push(resource.name);
    }
    return out ?? NO_RESOURCES;
  }

  private siteGuarded(site: PendingCall, resource: SharedResource): boolean {
    if (this.facts.isChoke(resource.name)) return true;
    const analysis = this.collector.analysis(resource);
    if (site.callback) {
      if (site.call.type === 'CallExpression' && analysis.isGuardCall(site.call)) return true;
      if (site.call.type === 'NewExpression' && analysis.isModuleBreaker(site.call)) return true;
    }
    return analysis.localVerdict(site.node, this.isBoundary);
  }

  /** Exports, re-exports and CommonJS `module.exports` / `exports.x` at the top level. */
  private exportsOf(program: TSESTree.Program): void {
    const exports = this.facts.exports;
    for (const statement of program.body) {
      switch (statement.type) {
        case 'ExportNamedDeclaration': {
          const declaration = statement.declaration;
          if (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration' || declaration?.type === 'TSDeclareFunction') {
            if (declaration.id && declaration.type !== 'TSDeclareFunction') exports.set(declaration.id.name, this.refOf(declaration));
          } else if (declaration?.type === 'VariableDeclaration') {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === 'Identifier') exports.set(declarator.id.name, this.refOf(declarator.id));
            }
          }
          for (const specifier of statement.specifiers) {
            if (specifier.type !== 'ExportSpecifier') continue;
            const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
            const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
            const source = statement.source?.value;
            if (source !== undefined) {
              exports.set(exported, { kind: 'import', file: this.facts, specifier: source, path: local === 'default' ? ['default'] : [local] });
            } else if (specifier.local.type === 'Identifier') {
              exports.set(exported, this.refOf(specifier.local));
            }
          }
          break;
        }
        case 'ExportAllDeclaration':
          if (statement.exported) {
            const exported = statement.exported as TSESTree.Identifier | TSESTree.StringLiteral;
            const name = exported.type === 'Identifier' ? exported.name : exported.value;
            exports.set(name, { kind: 'import', file: this.facts, specifier: statement.source.value, path: [] });
          } else {
            this.facts.stars.push(statement.source.value);
          }
          break;
        case 'ExportDefaultDeclaration':
          exports.set('default', this.refOf(statement.declaration));
          break;
        case 'ExpressionStatement':
          this.topLevelAssignment(statement.expression);
          break;
        default:
          break;
      }
    }
  }

  private topLevelAssignment(expression: TSESTree.Expression): void {
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
    const exports = this.facts.exports;
    const left = canonicalExpression(expression.left);
    const right = expression.right;
    if (left === 'module.exports') {
      exports.set('default', this.refOf(right));
      const value = unwrapExpression(right);
      if (value.type === 'ObjectExpression') {
        for (const property of value.properties) {
          const key = property.type === 'Property' ? memberKey(property) : null;
          if (key !== null && key !== 'default' && property.type === 'Property') exports.set(key, this.refOf(property.value));
        }
      }
      return;
    }
    const match = left === null ? null : /^(?:module\.)?exports\.([^.]+)$/.exec(left);
    if (match) exports.set(match[1]!, this.refOf(right));
  }
}

/** No rule here uses type information: the TypeScript node maps are not built. */
function lighter(options: Linter.LanguageOptions): Linter.LanguageOptions {
  if (options.parser !== undefined && (options.parser as { meta?: { name?: string } }).meta?.name === 'typescript-eslint/parser') {
    return { ...options, parserOptions: { ...(options.parserOptions as object), preserveNodeMaps: false } };
  }
  return options;
}

export type ParseOutcome = { ok: true; facts: FileFacts } | { ok: false; error: string };

/**
 * Parses files with the parser the codemod uses for each extension and runs
 * the rule's analysis on each, keeping the facts for the graph. One ESLint
 * config per extension, built once (ESLint normalises a config on every
 * `verify`); the one internal rule reads the file in hand.
 */
export class FileParser {
  private readonly configs = new Map<string, Linter.Config[]>();
  private current: ((context: TSESLint.RuleContext<string, []>) => TSESLint.RuleListener) | null = null;
  private readonly rule = {
    meta: { type: 'problem', schema: [] },
    create: (context: TSESLint.RuleContext<string, []>) => (this.current ? this.current(context) : {}),
  };

  constructor(private readonly linter: Linter) {}

  private config(path: string, sourceType?: 'module' | 'commonjs'): Linter.Config[] {
    const ext = path.slice(path.lastIndexOf('.') + 1);
    const key = `${ext}\0${sourceType ?? ''}`;
    let config = this.configs.get(key);
    if (!config) {
      config = [
        { ignores: ['!**/node_modules/', '!.git/'] },
        {
          files: [`**/*.${ext}`],
          plugins: { audit: { rules: { collect: this.rule as unknown as import('eslint').Rule.RuleModule } } },
          languageOptions: lighter(languageOptionsFor(path, sourceType)),
          linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
          rules: { 'audit/collect': 'error' },
        },
      ];
      this.configs.set(key, config);
    }
    return config;
  }

  parse(
    file: { path: string; rel: string; base: string; text: string },
    resources: readonly SharedResource[],
    options: {
      /** The rule's client tracking asks about values imported from other files. */
      importedClient: (facts: FileFacts, origin: Origin) => string | null;
      /** False when a module specifier names no project file. */
      mayBeProject: (from: string, specifier: string) => boolean;
    },
  ): ParseOutcome {
    let facts: FileFacts | null = null;
    this.current = (context) => {
      const sourceCode = context.sourceCode;
      const current = new FileFacts(file.path, file.rel, resources, file.base);
      const collector = new SharedResourceCollector(resources, sourceCode, {
        reportUnknownPaths: false,
        importedClient: (origin) => options.importedClient(current, origin),
      });
      const files = new FileCollector(current, sourceCode, collector, (specifier) => options.mayBeProject(file.path, specifier));
      facts = current;
      // The rule's own listeners feed the collector; the audit adds what the call graph needs.
      const listeners = collector.listeners() as Record<string, (node: never) => void>;
      const onCall = listeners.CallExpression!;
      const onNew = listeners.NewExpression!;
      const onThisMember = listeners['MemberExpression[object.type="ThisExpression"]']!;
      return {
        ...listeners,
        Program: (node: TSESTree.Program) => files.onProgram(node),
        'Program:exit': () => files.finish(),
        CallExpression: (node: TSESTree.CallExpression) => {
          onCall(node as never);
          files.onCall(node);
        },
        NewExpression: (node: TSESTree.NewExpression) => {
          onNew(node as never);
          files.onCall(node);
        },
        'MemberExpression[object.type="ThisExpression"]': (node: TSESTree.MemberExpression) => {
          onThisMember(node as never);
          files.onThisMember(node);
        },
      };
    };
    let messages: Linter.LintMessage[];
    try {
      messages = this.linter.verify(file.text, this.config(file.path), { filename: file.path });
      if (messages.some((m) => m.fatal) && file.path.toLowerCase().endsWith('.js')) {
        messages = this.linter.verify(file.text, this.config(file.path, 'commonjs'), { filename: file.path });
      }
    } catch (error) {
      // A bug of ours must not stop the audit of the other files: the file is listed as skipped with the reason.
      return { ok: false, error: `internal error: ${(error as Error).message ?? String(error)}` };
    } finally {
      this.current = null;
    }
    const fatal = messages.find((m) => m.fatal);
    if (fatal) return { ok: false, error: `${fatal.message} (line ${fatal.line}, column ${fatal.column})` };
    const unmatched = messages.find((m) => m.ruleId === null);
    if (unmatched || !facts) return { ok: false, error: unmatched?.message ?? 'not parsed' };
    return { ok: true, facts };
  }
}
