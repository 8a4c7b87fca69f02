/**
 * Per-file facts for the audit, gathered in one ESLint traversal that drives
 * the rule's own analysis (`SharedResourceCollector`: the same matchers and
 * guard logic as `no-unguarded-shared-resource`) and records what the call
 * graph needs: the functions that are graph nodes, every call and the value
 * it calls (as an unresolved reference), exports and re-exports, and the
 * functions handed to frameworks (routes, timers, events, jobs).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { languageOptionsFor } from '../codemod/engine';
import { isFunction, type FunctionNode } from '../ast/functions';
import { staticString } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import type { ImportTracker } from '../imports';
import { SharedResourceCollector, isChokePoint, relativeFilePath } from '../resources/analysis';
import { clientConstruction, fieldValue, onceAssignedValue } from '../resources/clients';
import { canonicalExpression } from '../patterns';
import { memberKey, thisClass, ThisMembers } from '../resources/guard';
import { moduleListed } from '../resources/match';
import type { SharedResource } from '../settings';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A node of the call graph: a named function, a registered callback, or a file's top-level code. */
export interface GraphFunction {
  file: FileFacts;
  /** Null for the file's top-level code. */
  node: FunctionNode | null;
  name: string;
  line: number;
  /** Why it is a root whatever calls it (`route handler`, `timer`, …), or null. */
  entry: string | null;
}

/** A value a call or export refers to, resolved across files by the graph. */
export type Ref =
  | { kind: 'fn'; fn: GraphFunction }
  | { kind: 'class'; file: FileFacts; node: ClassNode }
  | { kind: 'instance'; of: Ref }
  | { kind: 'object'; file: FileFacts; members: Map<string, () => Ref | null> }
  | { kind: 'import'; file: FileFacts; specifier: string; path: readonly string[] }
  | { kind: 'member'; of: Ref; name: string }
  | { kind: 'client'; module: string };

export interface CallSite {
  owner: GraphFunction;
  /** The call, or for a callback the function reference passed to it. */
  node: TSESTree.Node;
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  target: () => Ref | null;
  /** A function passed as an argument (called by the callee), not called here. */
  callback: boolean;
  /** For a function handed to a framework: why its target is a root. */
  entry: string | null;
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

/** Everything the audit knows about one parsed file. */
export class FileFacts {
  readonly functions = new Map<FunctionNode, GraphFunction>();
  /** Inline callbacks: part of the function they are written in. */
  private readonly inline = new Set<FunctionNode>();
  readonly top: GraphFunction;
  readonly calls: CallSite[] = [];
  readonly exports = new Map<string, () => Ref | null>();
  /** `export * from '…'` specifiers. */
  readonly stars: string[] = [];
  /** `obj[name]()` calls: the audit cannot tell what they call. */
  dynamicCalls = 0;
  readonly members = new ThisMembers();
  collector!: SharedResourceCollector;
  private readonly resourceByName = new Map<string, SharedResource>();
  private readonly chokeByName = new Map<string, boolean>();

  constructor(
    readonly path: string,
    /** Path relative to the working directory, forward slashes. */
    readonly rel: string,
    readonly resources: readonly SharedResource[],
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    /** The settings base that `chokePoints` are relative to (see src/settings-base.ts). */
    base: string,
  ) {
    const fromBase = relativeFilePath(path, base);
    this.top = { file: this, node: null, name: '<module>', line: 1, entry: 'module code' };
    for (const resource of resources) {
      this.resourceByName.set(resource.name, resource);
      this.chokeByName.set(resource.name, isChokePoint(resource, fromBase));
    }
  }

  get tracker(): ImportTracker {
    return this.collector.imports;
  }

  resource(name: string): SharedResource | undefined {
    return this.resourceByName.get(name);
  }

  /** The file is a choke point of the named resource. */
  isChoke(name: string): boolean {
    return this.chokeByName.get(name) === true;
  }

  isBoundary = (fn: FunctionNode): boolean => this.graphFunction(fn) !== null;

  /** The graph node for a function node, created on first use; null for an inline callback. */
  graphFunction(fn: FunctionNode): GraphFunction | null {
    const known = this.functions.get(fn);
    if (known) return known;
    if (this.inline.has(fn)) return null;
    const role = functionRole(fn);
    if (!role) {
      this.inline.add(fn);
      return null;
    }
    const graphFn: GraphFunction = { file: this, node: fn, name: role.name, line: fn.loc.start.line, entry: role.entry };
    this.functions.set(fn, graphFn);
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
    return this.top;
  }

  /** Every graph node of the file (top-level code first). */
  graphFunctions(): GraphFunction[] {
    return [this.top, ...this.functions.values()];
  }

  // ---- references ---------------------------------------------------

  /** An import or require with a literal specifier, as the import tracker sees it. */
  private importRef(node: TSESTree.Node): Ref | null {
    const origin = this.tracker.originOf(node);
    if (!origin || origin.module === null || origin.path.includes('()')) return null;
    return { kind: 'import', file: this, specifier: origin.module, path: origin.path };
  }

  private modules: string[] | null = null;
  private isListed = (module: string): boolean => moduleListed((this.modules ??= this.resources.flatMap((r) => r.match.modules)), module);

  /** What `node` refers to, as far as this file can tell. */
  refOf(input: TSESTree.Node, depth = 0): Ref | null {
    if (depth > MAX_DEPTH) return null;
    const node = unwrapExpression(input);
    switch (node.type) {
      case 'Identifier': {
        const variable = this.tracker.variableOf(node);
        if (!variable || variable.defs.length === 0) return null;
        const def = variable.defs.find((d) => d.type !== 'FunctionName' || (d.node as TSESTree.Node).type === 'FunctionDeclaration') ?? variable.defs[0]!;
        if (def.type === 'ImportBinding') return this.importRef(node);
        if (def.type === 'FunctionName') {
          const declaration = variable.defs.map((d) => d.node as TSESTree.Node).find((n): n is TSESTree.FunctionDeclaration => n.type === 'FunctionDeclaration' && !!n.body);
          const fn = declaration ? this.graphFunction(declaration) : null;
          return fn ? { kind: 'fn', fn } : null;
        }
        if (def.type === 'ClassName') return { kind: 'class', file: this, node: def.node as ClassNode };
        if (def.type === 'Variable') {
          const value = onceAssignedValue(variable);
          if (value) return this.refOf(value, depth + 1);
          return this.importRef(node);
        }
        return null;
      }
      case 'MemberExpression': {
        const name = memberKey(node);
        if (name === null) return null;
        if (node.object.type === 'ThisExpression') {
          const classNode = thisClass(node);
          if (!classNode) return null;
          const method = methodOf(classNode, name);
          if (method) {
            const fn = this.graphFunction(method);
            return fn ? { kind: 'fn', fn } : null;
          }
          const value = fieldValue(classNode, name, this.members);
          if (value) return this.refOf(value, depth + 1);
          return { kind: 'member', of: { kind: 'instance', of: { kind: 'class', file: this, node: classNode } }, name };
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
        if (required !== null) return { kind: 'import', file: this, specifier: required, path: [] };
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
        return { kind: 'class', file: this, node };
      case 'ObjectExpression': {
        const members = new Map<string, () => Ref | null>();
        for (const property of node.properties) {
          if (property.type !== 'Property') continue;
          const key = memberKey(property);
          if (key !== null) members.set(key, () => this.refOf(property.value, depth + 1));
        }
        return { kind: 'object', file: this, members };
      }
      default:
        return null;
    }
  }

  // ---- traversal ----------------------------------------------------

  onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const owner = this.ownerOf(node);
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'MemberExpression' && callee.computed && memberKey(callee) === null) this.dynamicCalls++;
    if (callee.type === 'Identifier' || callee.type === 'MemberExpression') {
      const target =
        node.type === 'NewExpression'
          ? () => {
              const of = this.refOf(callee);
              return of ? ({ kind: 'member', of, name: 'constructor' } as Ref) : null;
            }
          : () => this.refOf(callee);
      this.calls.push({ owner, node, call: node, target, callback: false, entry: null });
    }
    for (const arg of node.arguments) {
      const value = unwrapExpression(arg);
      if (value.type !== 'Identifier' && value.type !== 'MemberExpression') continue;
      const entry = registration(node, arg);
      this.calls.push({ owner, node: arg, call: node, target: () => this.refOf(value), callback: true, entry });
    }
  }

  /** Exports, re-exports and CommonJS `module.exports` / `exports.x` at the top level. */
  onProgram(program: TSESTree.Program): void {
    for (const statement of program.body) {
      switch (statement.type) {
        case 'ExportNamedDeclaration': {
          const declaration = statement.declaration;
          if (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration' || declaration?.type === 'TSDeclareFunction') {
            if (declaration.id && declaration.type !== 'TSDeclareFunction') this.exports.set(declaration.id.name, () => this.refOf(declaration));
          } else if (declaration?.type === 'VariableDeclaration') {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === 'Identifier') {
                const id = declarator.id;
                this.exports.set(id.name, () => this.refOf(id));
              }
            }
          }
          for (const specifier of statement.specifiers) {
            if (specifier.type !== 'ExportSpecifier') continue;
            const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
            const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
            const source = statement.source?.value;
            if (source !== undefined) {
              this.exports.set(exported, () => ({ kind: 'import', file: this, specifier: source, path: local === 'default' ? ['default'] : [local] }));
            } else if (specifier.local.type === 'Identifier') {
              const localId = specifier.local;
              this.exports.set(exported, () => this.refOf(localId));
            }
          }
          break;
        }
        case 'ExportAllDeclaration':
          if (statement.exported) {
            const exported = statement.exported as TSESTree.Identifier | TSESTree.StringLiteral;
            const name = exported.type === 'Identifier' ? exported.name : exported.value;
            const source = statement.source.value;
            this.exports.set(name, () => ({ kind: 'import', file: this, specifier: source, path: [] }));
          } else {
            this.stars.push(statement.source.value);
          }
          break;
        case 'ExportDefaultDeclaration': {
          const declaration = statement.declaration;
          this.exports.set('default', () => this.refOf(declaration));
          break;
        }
        case 'ExpressionStatement':
          this.onTopLevelAssignment(statement.expression);
          break;
        default:
          break;
      }
    }
  }

  private onTopLevelAssignment(expression: TSESTree.Expression): void {
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
    const left = canonicalExpression(expression.left);
    const right = expression.right;
    if (left === 'module.exports') {
      this.exports.set('default', () => this.refOf(right));
      const value = unwrapExpression(right);
      if (value.type === 'ObjectExpression') {
        for (const property of value.properties) {
          const key = property.type === 'Property' ? memberKey(property) : null;
          if (key !== null && key !== 'default' && property.type === 'Property') this.exports.set(key, () => this.refOf(property.value));
        }
      }
      return;
    }
    const match = left === null ? null : /^(?:module\.)?exports\.([^.]+)$/.exec(left);
    if (match) this.exports.set(match[1]!, () => this.refOf(right));
  }
}

/** The method `name` declared in a class body (instance or static), or null. */
export function methodOf(classNode: ClassNode, name: string, isStatic?: boolean): TSESTree.FunctionExpression | null {
  for (const element of classNode.body.body) {
    if (element.type !== 'MethodDefinition' || element.value.type !== 'FunctionExpression') continue;
    if (isStatic !== undefined && element.static !== isStatic) continue;
    if (name === 'constructor' ? element.kind === 'constructor' : element.kind === 'method' && memberKey(element) === name) return element.value;
  }
  return null;
}

/**
 * The audit keeps every file's tree until the graph is done: without the
 * TypeScript node maps (no rule here uses type information) a file costs
 * about half the memory.
 */
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
    makeCollector: (facts: FileFacts, sourceCode: Readonly<TSESLint.SourceCode>) => SharedResourceCollector,
  ): ParseOutcome {
    let facts: FileFacts | null = null;
    this.current = (context) => {
      const sourceCode = context.sourceCode;
      const current = new FileFacts(file.path, file.rel, resources, sourceCode, file.base);
      const collector = makeCollector(current, sourceCode);
      current.collector = collector;
      facts = current;
      // The rule's own listeners feed the collector; the audit adds what the call graph needs.
      const listeners = collector.listeners() as Record<string, (node: never) => void>;
      const onCall = listeners.CallExpression!;
      const onNew = listeners.NewExpression!;
      const onThisMember = listeners['MemberExpression[object.type="ThisExpression"]']!;
      return {
        ...listeners,
        Program: (node: TSESTree.Program) => current.onProgram(node),
        CallExpression: (node: TSESTree.CallExpression) => {
          onCall(node as never);
          current.onCall(node);
        },
        NewExpression: (node: TSESTree.NewExpression) => {
          onNew(node as never);
          current.onCall(node);
        },
        'MemberExpression[object.type="ThisExpression"]': (node: TSESTree.MemberExpression) => {
          onThisMember(node as never);
          current.members.add(node);
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
