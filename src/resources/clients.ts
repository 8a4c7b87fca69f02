/**
 * Client instances of a shared resource: a value made by a matched module's
 * constructor or factory (`new Pool()` from `pg`, `axios.create()`,
 * `new S3Client()`, `createClient()` from `redis`, `new Redis()` from
 * `ioredis`, `mongoose.createConnection()`), bound to a `const`, a
 * module-level `let` assigned once, or a class field assigned once (in its
 * declaration or in the constructor). Each method call on such a client is an
 * access; making the client is not, except for the libraries that connect at
 * construction (`eagerConstruction`). Values derived from an access
 * (`(await pool.connect()).query()`) are not clients, and releasing or
 * listening (`client.release()`, `pool.on('error', …)`) is not an access.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import type { ImportTracker, Origin } from '../imports';
import { hasBooleanOption, memberKey, thisClass, type ThisMembers } from './guard';

/** The library module a client was made from. */
export interface Client {
  module: string;
  /** The construction (`new Pool(…)`, `axios.create(…)`), when it is in this file. */
  construction: TSESTree.NewExpression | TSESTree.CallExpression | null;
}

/**
 * The module a client imported from another file of the project was made
 * from (the audit resolves it across files); null when it is not a client.
 */
export type ImportedClientLookup = (origin: Origin) => string | null;

/** Factories that return a client: `axios.create`, `createClient`, `createPool`, `got.extend`. */
const FACTORY_NAMES = new Set(['create', 'createClient', 'createCluster', 'createConnection', 'createPool', 'extend']);
/** Constructed classes that are clients: `Pool`, `Client`, `S3Client`, `Redis`, `Cluster`; a default export. */
const CLIENT_CLASS = /(?:Client|Pool|Cluster|Connection|Redis|Sequelize)$/;
/** Methods on a client that release it or listen to it: not accesses. */
export const NON_ACCESS_METHODS = new Set([
  'release',
  'end',
  'quit',
  'disconnect',
  'destroy',
  'close',
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'listenerCount',
]);

/**
 * A client construction from one of `modules`: `new <Client class>(…)` or a
 * factory call. Returns the module, or null.
 */
export function clientConstruction(
  node: TSESTree.Node,
  tracker: ImportTracker,
  isListed: (module: string) => boolean,
): { module: string; eager: boolean } | null {
  if (node.type !== 'NewExpression' && node.type !== 'CallExpression') return null;
  const origin = tracker.originOf(node.callee);
  if (!origin || origin.module === null || origin.path.includes('()') || !isListed(origin.module)) return null;
  const last = origin.path[origin.path.length - 1];
  if (node.type === 'NewExpression') {
    if (last !== undefined && !CLIENT_CLASS.test(last)) return null;
  } else if (last === undefined || !FACTORY_NAMES.has(last)) {
    return null;
  }
  return { module: origin.module, eager: eagerConstruction(origin, node) };
}

/**
 * Libraries that connect when the client is made, so the construction itself
 * is an access: `ioredis` (`new Redis()`, `new Cluster()`, unless
 * `lazyConnect: true`), `mongoose.createConnection(uri)` with a URI, and
 * mysql2's `createConnection()`.
 */
function eagerConstruction(origin: Origin, node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  if (origin.module === 'ioredis' && node.type === 'NewExpression') return !hasBooleanOption(node, 'lazyConnect', true);
  const last = origin.path[origin.path.length - 1];
  if (origin.module === 'mongoose' && node.type === 'CallExpression') return last === 'createConnection' && node.arguments.length > 0;
  // mysql2 opens the socket when the connection is made (a pool only on its first query).
  if ((origin.module === 'mysql2' || origin.module === 'mysql2/promise') && node.type === 'CallExpression') return last === 'createConnection';
  return false;
}

/**
 * The value a class field holds for the whole life of the instance: its
 * declaration's initialiser when nothing assigns it again, or the one
 * assignment `this.x = …` written directly in the constructor.
 */
export function fieldValue(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, members: ThisMembers): TSESTree.Expression | null {
  let declared: TSESTree.Expression | null = null;
  for (const element of classNode.body.body) {
    if (element.type === 'PropertyDefinition' && !element.static && memberKey(element) === name && element.value) declared = element.value;
  }
  const writes = members.usesOf(classNode, name).filter((member) => {
    const parent = member.parent;
    return (
      (parent?.type === 'AssignmentExpression' && parent.left === member) ||
      (parent?.type === 'UpdateExpression' && parent.argument === member)
    );
  });
  if (declared) return writes.length === 0 ? declared : null;
  if (writes.length !== 1) return null;
  const assignment = writes[0]!.parent as TSESTree.Node;
  if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=') return null;
  if (assignment.parent?.type !== 'ExpressionStatement') return null;
  const fn = enclosingFunction(assignment);
  const method = fn?.parent;
  if (fn?.type !== 'FunctionExpression' || method?.type !== 'MethodDefinition' || method.kind !== 'constructor') return null;
  if (method.parent?.parent !== classNode) return null;
  return assignment.right;
}

/**
 * The value a variable holds for its whole life: the initialiser of a
 * never-reassigned binding, or the one assignment of a module-level `let`
 * declared without one (`let pool; … pool = new Pool();`).
 */
export function onceAssignedValue(variable: TSESLint.Scope.Variable | null): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return null;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== 'Identifier') return null;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (declarator.init) return writes.length === 1 && writes[0]!.init ? declarator.init : null;
  const scope = variable.scope?.type;
  if (scope !== 'module' && scope !== 'global') return null;
  if (writes.length !== 1) return null;
  const assignment = writes[0]!.identifier.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== writes[0]!.identifier) return null;
  return assignment.right;
}

/** Finds the clients of the listed modules in one file. */
export class ClientResolver {
  private readonly memo = new Map<TSESTree.Node, Client | null>();

  constructor(
    private readonly tracker: ImportTracker,
    private readonly members: ThisMembers,
    private readonly isListed: (module: string) => boolean,
    private readonly importedClient: ImportedClientLookup | null = null,
  ) {}

  /** True when clients may come from other files (the audit), so a file need not import the library itself. */
  get followsImports(): boolean {
    return this.importedClient !== null;
  }

  /** The client construction `node` is, or null. */
  construction(node: TSESTree.Node): { module: string; eager: boolean } | null {
    return clientConstruction(node, this.tracker, this.isListed);
  }

  /** The client `node` (the object of a method call) refers to, or null. */
  clientOf(node: TSESTree.Node): Client | null {
    const target = unwrapExpression(node);
    if (target.type === 'MemberExpression' && target.object.type !== 'ThisExpression') return this.importedMember(target);
    if (target.type !== 'Identifier' && target.type !== 'MemberExpression') return null;
    const key = target.type === 'Identifier' ? (this.tracker.variableOf(target)?.identifiers[0] ?? target) : target;
    if (target.type === 'Identifier' && this.memo.has(key)) return this.memo.get(key)!;
    const client = this.compute(target);
    if (target.type === 'Identifier') this.memo.set(key, client);
    return client;
  }

  /** `db.pool` where `db` is a project module (`const db = require('./db')`): only the audit knows. */
  private importedMember(target: TSESTree.MemberExpression): Client | null {
    if (!this.importedClient) return null;
    const origin = this.tracker.originOf(target);
    if (!origin || origin.module === null || origin.path.length === 0 || origin.path.includes('()')) return null;
    const module = this.importedClient(origin);
    return module !== null && this.isListed(module) ? { module, construction: null } : null;
  }

  private compute(target: TSESTree.Identifier | TSESTree.MemberExpression): Client | null {
    let value: TSESTree.Node | null = null;
    if (target.type === 'Identifier') {
      const variable = this.tracker.variableOf(target);
      if (!variable) return null;
      value = onceAssignedValue(variable);
      if (!value && this.importedClient) {
        const origin = this.tracker.originOf(target);
        if (origin && origin.module !== null && !origin.path.includes('()')) {
          const module = this.importedClient(origin);
          if (module !== null && this.isListed(module)) return { module, construction: null };
        }
      }
    } else {
      const classNode = thisClass(target);
      const name = memberKey(target);
      if (classNode && name !== null) value = fieldValue(classNode, name, this.members);
    }
    if (!value) return null;
    value = unwrapExpression(value);
    const made = this.construction(value);
    return made ? { module: made.module, construction: value as TSESTree.NewExpression | TSESTree.CallExpression } : null;
  }
}
