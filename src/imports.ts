/**
 * Import tracking: where does the value an expression names come from?
 * `fs.promises.readFile`, `readFile` imported from 'fs/promises',
 * `const { readFile: rf } = require('fs')`, `const r = fs.readFile`,
 * `(await import('fs')).readFile`, `import x = require('m')` (TS) all resolve
 * to a module and a property path. One tracker per file, created in a rule's
 * `create` (never module state).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './ast/scope';
import { staticKeyName, staticMemberName, staticString } from './ast/static';
import { isTypeWrapper, unwrapExpression, unwrapIndirect } from './ast/unwrap';

type Variable = TSESLint.Scope.Variable;

export interface Origin {
  /** The module the value was imported or required from (`node:` prefix removed); null for a global. */
  module: string | null;
  /**
   * Property path from the module object, or for a global from the global
   * scope (`['structuredClone']`). A call adds the segment `'()'`:
   * `require('rfdc')()` is `{ module: 'rfdc', path: ['()'] }`. A leading
   * `default` is dropped, so default imports and CommonJS `require` agree.
   */
  path: string[];
}

const MAX_DEPTH = 12;

/** Interop helpers compilers wrap a `require` in (TypeScript, Babel, esbuild), possibly renamed with a numeric suffix. */
const INTEROP_HELPERS = /^(__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM)\d*$/;

export function stripNodePrefix(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}

function withSegment(origin: Origin | null, segment: string): Origin | null {
  if (!origin) return null;
  if (segment === 'default' && origin.path.length === 0 && origin.module !== null) return origin;
  return { module: origin.module, path: [...origin.path, segment] };
}

/** Objects whose properties are the globals: `globalThis.fetch`, `window.structuredClone`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** Finds the property path from the destructured value to `target` inside a pattern. */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Node, path: string[]): string[] | null {
  if (pattern === target) return path;
  switch (pattern.type) {
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (property.type === 'RestElement') continue;
        const key = staticKeyName(property.key, property.computed);
        if (key === null) continue;
        const found = patternPath(property.value, target, [...path, key]);
        if (found) return found;
      }
      return null;
    case 'AssignmentPattern':
      return patternPath(pattern.left, target, path);
    default:
      return null;
  }
}

/**
 * The initialiser of a local bound once to a plain identifier and never
 * assigned again (a `const`, or a `let`/`var` that is never reassigned);
 * null for anything else (parameters, imports, destructuring, reassigned
 * names, names declared twice).
 */
export function constantInit(variable: Variable | null | undefined): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return null;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== 'Identifier') return null;
  if (!declarator.init) return assignedOnce(variable, declarator);
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  return declarator.init;
}

/**
 * A `var` / `let` declared without a value and bound by exactly one plain
 * assignment statement at the top level of the body that declares it
 * (`var clone; ... clone = require('clone');`, the shape CoffeeScript and
 * some Babel output give every module-level require): that statement's value.
 * An assignment inside a nested function, a condition or a loop, or a second
 * write anywhere, gives null (the name could hold something else).
 */
function assignedOnce(variable: Variable, declarator: TSESTree.VariableDeclarator): TSESTree.Expression | null {
  if (declarator.parent.type !== 'VariableDeclaration' || declarator.parent.kind === 'const') return null;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1) return null;
  const write = writes[0]!;
  if (write.from.variableScope !== variable.scope.variableScope) return null;
  const assignment = write.identifier.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== write.identifier) return null;
  const statement = assignment.parent;
  if (statement?.type !== 'ExpressionStatement') return null;
  const body = statement.parent;
  if (body?.type !== 'Program' && body?.type !== 'BlockStatement') return null;
  // Top level of the declaring body: the block is the program or a function's own body.
  if (body.type === 'BlockStatement' && body.parent?.type !== 'FunctionDeclaration' && body.parent?.type !== 'FunctionExpression' && body.parent?.type !== 'ArrowFunctionExpression') {
    return null;
  }
  return assignment.right;
}

/**
 * The variable `identifier` refers to, or null for an undeclared global.
 * `getScope` already gives the innermost scope of the identifier, so the
 * lookup goes by name up the scope chain (src/ast/scope.ts). (eslint-utils'
 * `findVariable` given the node would first search the scope's child scopes
 * for one around it, a scan of every sibling function: a file with n
 * functions in one scope then costs n * n. See test/scaling/*.test.ts.)
 */
export function variableAt(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): Variable | null {
  return findVariable(sourceCode.getScope(identifier), identifier.name) ?? null;
}

export class ImportTracker {
  private readonly variableOrigins = new Map<Variable, Origin | null>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** The variable an identifier refers to, or null when it is an undeclared global. */
  variableOf(identifier: TSESTree.Identifier): Variable | null {
    return variableAt(this.sourceCode, identifier);
  }

  /**
   * Is the name declared by the file itself? Not for a global, also one the
   * config lists (a variable with no definition) or a TypeScript `declare var`
   * names (an ambient declaration of the global).
   */
  declaredInFile(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return variable !== null && variable.defs.some((def) => !(def.node.type === 'VariableDeclarator' && (def.node.parent as { declare?: boolean }).declare === true));
  }

  /**
   * Is `identifier` bound to a module object as a whole: `import * as m from 'm'`, `const m = require('m')`,
   * or an interop wrapper around a require (`const m_1 = __importDefault(require('m'))`)? Not a default or
   * named import, and not a destructured require.
   */
  isModuleObject(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    if (!variable || variable.defs.length !== 1) return false;
    const def = variable.defs[0]!;
    if (def.type === 'ImportBinding') return (def.node as TSESTree.Node).type === 'ImportNamespaceSpecifier';
    if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier' || !def.node.init) return false;
    const init = def.node.init;
    if (init.type !== 'CallExpression') return false;
    if (this.requiredModule(init) !== null) return true;
    const wrapped = init.arguments[0];
    return init.callee.type === 'Identifier' && INTEROP_HELPERS.test(init.callee.name) && wrapped?.type === 'CallExpression' && this.requiredModule(wrapped) !== null;
  }

  private readonly constInits = new Map<Variable, TSESTree.Expression | null>();

  /**
   * See `constantInit`: the value a once-bound, never reassigned local was
   * initialised with. Cached per variable: the answer scans every reference,
   * and a much-used constant is asked about from every use.
   */
  constInit(identifier: TSESTree.Identifier): TSESTree.Expression | null {
    const variable = this.variableOf(identifier);
    if (!variable) return null;
    let init = this.constInits.get(variable);
    if (init === undefined) this.constInits.set(variable, (init = constantInit(variable)));
    return init;
  }

  /** True when `identifier` refers to a global (nothing in the file declares it). */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return !variable || variable.defs.length === 0;
  }

  /**
   * The global a callee names as written: `fetch` for `fetch()` and for
   * `window.fetch()` / `globalThis.fetch()` when nothing in the file declares
   * those names; null for anything else, a local alias (`const f = fetch`)
   * included. With `only`, null unless the name is one of those: the name
   * is tested before the scope lookups, which callers asking about one
   * global on every call would otherwise pay for each call.
   */
  globalName(node: TSESTree.Node, only?: string | ReadonlySet<string> | readonly string[]): string | null {
    const target = unwrapExpression(node);
    let written: string | null = null;
    if (target.type === 'Identifier') written = target.name;
    else if (target.type === 'MemberExpression' && unwrapExpression(target.object).type === 'Identifier') written = staticMemberName(target);
    if (written === null) return null;
    if (only !== undefined && (typeof only === 'string' ? only !== written : 'has' in only ? !only.has(written) : !only.includes(written))) return null;
    const origin = this.originOf(target);
    return origin?.module === null && origin.path.length === 1 && origin.path[0] === written ? written : null;
  }

  /** Where the value of `node` comes from, or null when it is local or unknown. */
  originOf(node: TSESTree.Node, depth = 0): Origin | null {
    if (depth > MAX_DEPTH) return null;
    switch (node.type) {
      case 'Identifier': {
        const variable = this.variableOf(node);
        if (!variable || variable.defs.length === 0) return { module: null, path: [node.name] };
        return this.originOfVariable(variable, depth + 1);
      }
      case 'MemberExpression': {
        const name = staticMemberName(node);
        if (name === null) return null;
        const object = this.originOf(node.object, depth + 1);
        // `globalThis.fetch`, `window.JSON.parse`: a global reached through the (undeclared) global object.
        if (object?.module === null && object.path.length === 1 && GLOBAL_OBJECTS.has(object.path[0]!)) return { module: null, path: [name] };
        return withSegment(object, name);
      }
      case 'CallExpression': {
        const required = this.requiredModule(node);
        if (required !== null) return { module: required, path: [] };
        // Compilers' interop wrappers around a require: `__importDefault(require('m'))` (TypeScript), `_interopRequireDefault(...)`
        // and `_interopRequireWildcard(...)` (Babel), `__toESM(require('m'))` (esbuild); their `default` is the module.
        const wrapped = node.arguments[0];
        if (node.callee.type === 'Identifier' && INTEROP_HELPERS.test(node.callee.name) && wrapped?.type === 'CallExpression') {
          const module = this.requiredModule(wrapped);
          if (module !== null) return { module, path: [] };
        }
        return withSegment(this.originOf(node.callee, depth + 1), '()');
      }
      case 'SequenceExpression': {
        // `(0, _events.once)(...)`: compilers call an imported function without its module object as `this`.
        const called = unwrapIndirect(node);
        return called === node ? null : this.originOf(called, depth + 1);
      }
      case 'AwaitExpression':
        if (node.argument.type === 'ImportExpression') {
          const name = staticString(node.argument.source);
          return name === null ? null : { module: stripNodePrefix(name), path: [] };
        }
        return null;
      case 'ChainExpression':
        return this.originOf(node.expression, depth + 1);
      default:
        return isTypeWrapper(node) ? this.originOf(node.expression, depth + 1) : null;
    }
  }

  /** `require('m')` with a global `require` and a static string: the module name. */
  requiredModule(call: TSESTree.CallExpression): string | null {
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'require' || call.arguments.length !== 1) return null;
    const name = staticString(call.arguments[0]);
    if (name === null || !this.isGlobal(call.callee)) return null;
    return stripNodePrefix(name);
  }

  private originOfVariable(variable: Variable, depth: number): Origin | null {
    if (this.variableOrigins.has(variable)) return this.variableOrigins.get(variable)!;
    this.variableOrigins.set(variable, null); // cycles resolve to "unknown"
    const origin = this.computeVariableOrigin(variable, depth);
    this.variableOrigins.set(variable, origin);
    return origin;
  }

  private computeVariableOrigin(variable: Variable, depth: number): Origin | null {
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    if (def.type === 'ImportBinding') {
      const node = def.node as TSESTree.Node;
      if (node.type === 'TSImportEqualsDeclaration') {
        if (node.moduleReference.type !== 'TSExternalModuleReference') return null;
        const name = staticString(node.moduleReference.expression);
        return name === null ? null : { module: stripNodePrefix(name), path: [] };
      }
      const declaration = def.parent as TSESTree.ImportDeclaration;
      if (declaration.importKind === 'type') return null;
      const module = stripNodePrefix(declaration.source.value);
      if (node.type === 'ImportSpecifier') {
        if (node.importKind === 'type') return null;
        const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
        return imported === 'default' ? { module, path: [] } : { module, path: [imported] };
      }
      return { module, path: [] };
    }
    if (def.type === 'Parameter') return this.thenParameterOrigin(variable, def.node as TSESTree.Node, def.name as TSESTree.Node);
    if (def.type !== 'Variable') return null;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (!declarator.init) {
      // `var clone; clone = require('clone');`: bound once by one top-level assignment.
      const assigned = declarator.id.type === 'Identifier' ? assignedOnce(variable, declarator) : null;
      return assigned ? this.originOf(assigned, depth + 1) : null;
    }
    // A `let` or `var` that is assigned again could hold anything.
    const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
    if (reassigned) return null;
    const initOrigin = this.originOf(declarator.init, depth + 1);
    if (!initOrigin) return null;
    if (declarator.id.type === 'Identifier') return initOrigin;
    const path = patternPath(declarator.id, def.name as TSESTree.Node, []);
    if (!path) return null;
    let origin: Origin | null = initOrigin;
    for (const segment of path) origin = withSegment(origin, segment);
    return origin;
  }

  /**
   * The first parameter of a callback given to `import('m').then(...)` is the
   * module namespace: `import('fs').then((fs) => fs.readFile(...))`, also
   * destructured: `.then(({ readFile }) => ...)`.
   */
  private thenParameterOrigin(variable: Variable, fn: TSESTree.Node, name: TSESTree.Node): Origin | null {
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return null;
    const param = fn.params[0];
    if (!param) return null;
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return null;
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || staticMemberName(callee) !== 'then' || callee.object.type !== 'ImportExpression') return null;
    const source = staticString(callee.object.source);
    if (source === null) return null;
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
    const path = patternPath(param, name, []);
    if (!path) return null;
    let origin: Origin | null = { module: stripNodePrefix(source), path: [] };
    for (const segment of path) origin = withSegment(origin, segment);
    return origin;
  }
}

/** True when an origin is `module` itself or a path inside it (`fs` matches `fs` with any path). */
export function originIsModule(origin: Origin | null, modules: readonly string[]): boolean {
  return !!origin && origin.module !== null && modules.includes(origin.module);
}

/** True when an origin equals the given module and exact path. */
export function originIs(origin: Origin | null, module: string | null, ...path: string[]): boolean {
  if (!origin || origin.module !== module || origin.path.length !== path.length) return false;
  for (let i = 0; i < path.length; i++) if (origin.path[i] !== path[i]) return false;
  return true;
}
