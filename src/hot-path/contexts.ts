/**
 * Hot contexts: the places where a function runs per request, per log line,
 * per event, per render, per action or per item. Each check looks only at a
 * function's own name and neighbours, or at one place a function value is
 * used (an argument, a property), never at a whole body.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type ImportTracker, type Origin } from '../imports';
import type { TypeOwner } from './types';
import { dottedName, matchesAnyDotted, type DottedPattern } from '../patterns';
import { enclosingFunction, type FunctionNode } from '../ast/functions';
import { staticKeyName, staticString } from '../ast/static';
import { unwrapExpression, valueSlot } from '../ast/unwrap';
import { calleeLastName, calleeText, className, targetText, describeFunction, functionName, memberSlot, namingDeclarator, objectName } from './functions';

/** The kinds of hot context; each has its own messageId. */
export type HotKind = 'request' | 'logger' | 'cache' | 'event' | 'render' | 'reducer' | 'loop' | 'marked';

/** Why a function is hot by itself (a root of the propagation). */
export interface Root {
  kind: HotKind;
  /** The end of the message: `a logger method runs on every log line`. */
  reason: string;
  /** Text added after the function's description in the location (`, passed to \`app.get\``). */
  suffix: string;
  /** A store listener's trigger (`subscribe`: state changes, `subscribeAction`: dispatched actions). */
  runsOn?: 'state changes' | 'dispatched actions';
}

/** One place a function value is used. */
export type Use =
  | { type: 'call'; call: TSESTree.CallExpression | TSESTree.NewExpression }
  | { type: 'argument'; call: TSESTree.CallExpression | TSESTree.NewExpression; index: number; inline: boolean }
  | { type: 'property'; property: TSESTree.Property }
  /** `ws.onmessage = fn` (or `fn.bind(this)`): the function is a handler stored in a property. */
  | { type: 'assignment'; assignment: TSESTree.AssignmentExpression; inline: boolean };

export interface HotEnvironment {
  imports: ImportTracker;
  /** The linted file's path (Next.js `route.ts` files). */
  filename: string;
  hotFunctions: readonly DottedPattern[];
  ignoreLoops: boolean;
  /** True when the function returns JSX. */
  returnsJsx(fn: FunctionNode): boolean;
  /** `@hot` / `@cold` JSDoc tag of the function. */
  tagOf(fn: FunctionNode): 'hot' | 'cold' | null;
  /** Declared type names from the type checker; empty without type information. */
  typeNamesOf(node: TypeOwner): string[];
}

const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'verbose']);
/** Per-entry methods of a cache: reads run on every lookup, writes on every store. */
const CACHE_READS = new Set(['get', 'mget', 'getMany', 'take', 'peek']);
const CACHE_WRITES = new Set(['set', 'mset', 'setMany']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);
const HTTP_VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Options', 'Head', 'All', 'Search']);
const ITERATION_METHODS = new Set([
  'map',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'flatMap',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'toSorted',
]);
const EMITTER_METHODS = new Set(['on', 'addListener', 'prependListener']);
const EMITTER_EVENTS = new Set(['data', 'message', 'connection', 'line']);
const DOM_EVENTS = new Set(['scroll', 'mousemove', 'pointermove', 'message', 'resize']);
/** `ws.onmessage = fn`, `window.onscroll = fn`: the DOM's handler properties for the same events. */
const HANDLER_PROPERTIES = new Set([...DOM_EVENTS].map((event) => `on${event}`));
const FASTIFY_REQUEST_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse', 'onError']);
const ROUTE_HANDLER_KEYS = new Set(['handler', ...FASTIFY_REQUEST_HOOKS]);
const WEB_FRAMEWORKS = new Set(['express', 'koa', 'koa-router', '@koa/router', 'fastify', 'restify', 'polka', 'hono', '@hapi/hapi', 'hapi', 'connect', 'router']);
const HTTP_MODULES = new Set(['http', 'https', 'http2']);
const PINO_MODULES = new Set(['pino', 'pino-http', 'express-pino-logger']);
const PINO_OPTION_LABELS: Record<string, string> = {
  serializers: 'a pino serializer runs on every log line',
  formatters: 'a pino formatter runs on every log line',
  hooks: 'a pino hook runs on every log line',
};
const REQUEST_PARAMS = new Set(['req', 'request']);
const RESPONSE_PARAMS = new Set(['res', 'response', 'reply', 'h']);

function root(kind: HotKind, reason: string, suffix = ''): Root {
  return { kind, reason, suffix };
}

/** `Logger`, `AppLogger`, `requestLogger`, `logger`, `AuditLog`. */
export function isLoggerName(name: string): boolean {
  return name.endsWith('Logger') || name.endsWith('logger') || name.endsWith('Log') || name.endsWith('LoggerService');
}

/** `store`, `this.store`, `appStore`, `TodoStore`: a state store, whose subscribers run on every change. */
function isStoreName(name: string[] | null): boolean {
  const last = name?.[name.length - 1];
  return last !== undefined && (last === 'store' || last.endsWith('Store'));
}

/** `NodeCache`, `SchemaCache`, `userCache`, `cache`. */
export function isCacheName(name: string): boolean {
  return name.endsWith('Cache') || name.endsWith('cache');
}

/** A cache method's reason, or null when `method` is not a per-entry read or write. */
function cacheReason(method: string): string | null {
  if (CACHE_READS.has(method)) return `a cache \`${method}\` runs on every lookup`;
  if (CACHE_WRITES.has(method)) return `a cache \`${method}\` runs on every store`;
  return null;
}

function typeName(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'TSTypeReference') {
    const name = dottedName(node.typeName as TSESTree.Node);
    return name ? name[name.length - 1]! : null;
  }
  return null;
}

/** A class named like a logger, or declared to extend or implement one (`extends ConsoleLogger`, `implements LoggerService`). */
function isLoggerClass(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, env: HotEnvironment): boolean {
  const name = className(owner);
  if (name !== null && isLoggerName(name)) return true;
  const base = owner.superClass ? dottedName(owner.superClass) : null;
  if (base && isLoggerName(base[base.length - 1]!)) return true;
  for (const clause of owner.implements ?? []) {
    const implemented = dottedName(clause.expression);
    if (implemented && isLoggerName(implemented[implemented.length - 1]!)) return true;
  }
  return env.typeNamesOf(owner).some(isLoggerName);
}

/** A class named like a cache, or extending one (`class LruCache extends BaseCache`). */
function isCacheClass(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const name = className(owner);
  if (name !== null && isCacheName(name)) return true;
  const base = owner.superClass ? dottedName(owner.superClass) : null;
  return base !== null && isCacheName(base[base.length - 1]!);
}

/** An object literal named like a logger, or declared with a logger type (`const log: Logger = {...}`). */
function isLoggerObject(object: TSESTree.ObjectExpression, env: HotEnvironment): boolean {
  const name = objectName(object);
  if (name && isLoggerName(name[name.length - 1]!)) return true;
  const slot = valueSlot(object);
  if (slot !== object && slot.type === 'TSSatisfiesExpression') {
    const satisfied = typeName(slot.typeAnnotation);
    if (satisfied !== null && isLoggerName(satisfied)) return true;
  }
  const declarator = slot.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
    const declared = typeName(declarator.id.typeAnnotation?.typeAnnotation);
    if (declared !== null && isLoggerName(declared)) return true;
  }
  return env.typeNamesOf(object).some(isLoggerName);
}

function isRouteFile(filename: string): boolean {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && base.slice(0, dot) === 'route' && ['.ts', '.js', '.mts', '.mjs', '.cts', '.cjs', '.tsx', '.jsx'].includes(base.slice(dot));
}

function paramName(param: TSESTree.Parameter | undefined): string | null {
  return param?.type === 'Identifier' ? param.name : null;
}

/** `(req, res, next)`, `(err, req, res, next)`, `(request, reply)`, Koa's `(ctx, next)`. */
function requestHandlerParams(fn: FunctionNode): string | null {
  const names = fn.params.map(paramName);
  const offset = names.length >= 4 && (names[0] === 'err' || names[0] === 'error') ? 1 : 0;
  const first = names[offset];
  const second = names[offset + 1];
  if (first && second && REQUEST_PARAMS.has(first) && RESPONSE_PARAMS.has(second)) return `(${names.filter(Boolean).join(', ')})`;
  if (names.length === 2 && first === 'ctx' && second === 'next') return '(ctx, next)';
  return null;
}

function isReactComponentClass(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  if (!owner.superClass) return false;
  const name = dottedName(owner.superClass);
  const last = name?.[name.length - 1];
  return last === 'Component' || last === 'PureComponent';
}

function nestRouteDecorator(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  for (const decorator of member.decorators ?? []) {
    const expression = decorator.expression;
    if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier' && NEST_ROUTE_DECORATORS.has(expression.callee.name)) {
      return expression.callee.name;
    }
  }
  return null;
}

function isExported(declaration: TSESTree.Node): boolean {
  return declaration.parent?.type === 'ExportNamedDeclaration';
}

/** Roots that follow from the function itself: its marks, name, parameters, class or object. */
export function functionRoot(fn: FunctionNode, env: HotEnvironment): Root | null {
  const display = describeFunction(fn);
  if (env.tagOf(fn) === 'hot') return root('marked', `${display} is marked \`@hot\``);
  const name = functionName(fn);
  if (name && env.hotFunctions.length > 0 && matchesAnyDotted(env.hotFunctions, name)) {
    return root('marked', `${display} matches \`hotFunctions\``);
  }

  const member = memberSlot(fn);
  if (member?.type === 'class') {
    const decorator = member.member.type === 'MethodDefinition' ? nestRouteDecorator(member.member) : null;
    if (decorator) return root('request', `a \`@${decorator}()\` controller method runs on every request`);
    if (LOG_METHODS.has(member.key) && isLoggerClass(member.owner, env)) return root('logger', 'a logger method runs on every log line');
    const cache = cacheReason(member.key);
    if (cache && isCacheClass(member.owner)) return root('cache', cache);
    if (member.key === 'render' && isReactComponentClass(member.owner)) return root('render', 'a class component `render` runs on every render');
  }

  const slot = valueSlot(fn);
  if (slot.parent?.type === 'AssignmentExpression' && slot.parent.right === slot && name && name.length >= 2) {
    // Logger.prototype.info = function () {...}; logger.info = (...) => {...}
    const method = name[name.length - 1]!;
    if (LOG_METHODS.has(method) && isLoggerName(name[name.length - 2]!)) return root('logger', 'a logger method runs on every log line');
    // NodeCache.prototype.get = function () {...}
    const cache = cacheReason(method);
    if (cache && isCacheName(name[name.length - 2]!)) return root('cache', cache);
  }

  const declaration = fn.type === 'FunctionDeclaration' ? fn : namingDeclarator(fn)?.parent ?? null;
  const bindingName = fn.type === 'FunctionDeclaration' ? fn.id?.name : (namingDeclarator(fn)?.id as TSESTree.Identifier | undefined)?.name;
  if (bindingName && declaration) {
    if (HTTP_VERBS.has(bindingName) && isExported(declaration) && isRouteFile(env.filename)) {
      return root('request', 'a Next.js route handler runs on every request');
    }
    const firstCode = bindingName.charCodeAt(0);
    if (firstCode >= 65 && firstCode <= 90 && env.returnsJsx(fn)) return root('render', 'a React component body runs on every render');
    if (/^use[A-Z0-9]/.test(bindingName)) return root('render', 'a hook body runs on every render');
    if (bindingName === 'reducer' || bindingName.endsWith('Reducer')) return root('reducer', 'a reducer runs on every dispatched action');
  }

  return null;
}

/** The weakest request root, checked after the others: a function shaped like `(req, res, next)`. */
export function parameterRoot(fn: FunctionNode): Root | null {
  const params = requestHandlerParams(fn);
  return params ? root('request', `a \`${params}\` handler runs on every request`) : null;
}

function originOfNew(imports: ImportTracker, node: TSESTree.Node): Origin | null {
  // `const app = new Koa()`: the instance's origin is its constructor's.
  if (node.type === 'Identifier') {
    const init = imports.constInit(node);
    if (init?.type === 'NewExpression') return imports.originOf(init.callee);
  }
  if (node.type === 'NewExpression') return imports.originOf(node.callee);
  return null;
}

/** `app.route('/users')`: the route object whose methods take handlers only. */
function isRouteChain(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  return target.type === 'CallExpression' && target.callee.type === 'MemberExpression' && calleeLastName(target) === 'route';
}

const APP_NAMES = new Set(['app', 'router', 'server', 'fastify', 'routes', 'route']);

/** An express / koa / fastify / hapi app or router, by origin or by its conventional name. */
function isAppLike(node: TSESTree.Node, imports: ImportTracker, depth = 0): boolean {
  const target = unwrapExpression(node);
  if (depth > 4) return false;
  // app.route('/users').get(handler)
  if (isRouteChain(target)) {
    return isAppLike(((target as TSESTree.CallExpression).callee as TSESTree.MemberExpression).object, imports, depth + 1);
  }
  const origin = imports.originOf(target) ?? originOfNew(imports, target);
  if (origin?.module != null) {
    if (WEB_FRAMEWORKS.has(origin.module)) return true;
    // Made by another package's factory (`createApp()` from vue): an `app`, but not a web server.
    if (origin.path.includes('()') && !origin.module.startsWith('.') && !origin.module.startsWith('/')) return false;
  }
  const name = dottedName(target);
  const last = name?.[name.length - 1];
  if (!last) return false;
  return APP_NAMES.has(last) || last.endsWith('Router') || last.endsWith('router') || last.endsWith('Routes') || last.endsWith('App');
}

function isPathArgument(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string' || 'regex' in node;
  return node.type === 'TemplateLiteral' || node.type === 'ArrayExpression';
}

function globalCallee(imports: ImportTracker, call: TSESTree.CallExpression | TSESTree.NewExpression, name: string): boolean {
  return imports.globalName(call.callee, name) === name;
}

function stringArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): string | null {
  return staticString(call.arguments[index]);
}

/** Is this call a React hook (`useMemo`, `React.useCallback`)? Their callbacks run on their own schedule. */
export function isHookCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeLastName(call);
  return name !== null && /^use[A-Z]/.test(name);
}

function argumentRoot(use: Extract<Use, { type: 'argument' }>, env: HotEnvironment): Root | null {
  const { call, index } = use;
  if (call.type !== 'CallExpression') return null;
  const { imports } = env;
  const method = calleeLastName(call);
  const callee = unwrapExpression(call.callee);
  const passed = use.inline ? '' : `, passed to \`${calleeText(call)}\``;

  if (callee.type === 'MemberExpression' && method !== null) {
    if (ITERATION_METHODS.has(method) && index === 0) {
      if (env.ignoreLoops) return null;
      const outer = enclosingFunction(call);
      if (!outer) return null; // module level: runs once at start-up
      return root('loop', 'an iteration callback runs once per item', `${use.inline ? '' : `, passed to \`${calleeText(call)}\``} in ${describeFunction(outer)}`);
    }
    if (
      ROUTE_METHODS.has(method) &&
      (method === 'use' || (index > 0 && isPathArgument(call.arguments[0])) || isRouteChain(callee.object)) &&
      isAppLike(callee.object, imports)
    ) {
      return root('request', method === 'use' ? 'middleware runs on every request' : 'a route handler runs on every request', passed);
    }
    if (method === 'addHook' && index > 0 && FASTIFY_REQUEST_HOOKS.has(stringArgument(call, 0) ?? '')) {
      return root('request', `a fastify \`${stringArgument(call, 0)}\` hook runs on every request`, passed);
    }
    if (index === 0 && (method === 'subscribe' || method === 'subscribeAction') && isStoreName(dottedName(callee.object))) {
      // Redux, Vuex, Zustand and Svelte stores call their subscribers on every state change.
      const subscribe = method === 'subscribe';
      return {
        ...root('event', subscribe ? 'a store `subscribe` listener runs on every state change' : 'a store `subscribeAction` listener runs on every dispatched action', passed),
        runsOn: subscribe ? 'state changes' : 'dispatched actions',
      };
    }
    if (EMITTER_METHODS.has(method) && index > 0) {
      const event = stringArgument(call, 0);
      if (event === 'request') return root('request', "a `'request'` listener runs on every request", passed);
      if (event !== null && EMITTER_EVENTS.has(event)) return root('event', `a \`'${event}'\` listener runs on every event`, passed);
    }
  }
  if (method === 'addEventListener' && index > 0) {
    const event = stringArgument(call, 0);
    if (event !== null && DOM_EVENTS.has(event)) return root('event', `a \`'${event}'\` listener runs on every event`, passed);
  }
  if (index === 0 && method === 'requestAnimationFrame' && globalCallee(imports, call, 'requestAnimationFrame')) {
    return root('event', 'a `requestAnimationFrame` callback runs on every frame', passed);
  }
  if (index === 0 && method === 'setInterval') {
    const origin = imports.originOf(call.callee);
    if (globalCallee(imports, call, 'setInterval') || (origin?.module === 'timers' && origin.path.length === 1 && origin.path[0] === 'setInterval')) {
      return root('event', 'a `setInterval` callback runs on every tick', passed);
    }
  }
  if (method === 'createServer' || method === 'createSecureServer') {
    const origin = imports.originOf(call.callee);
    if (origin?.module != null && HTTP_MODULES.has(origin.module)) return root('request', 'an HTTP server handler runs on every request', passed);
  }
  if (index === 0 && (method === 'format' || method === 'printf')) {
    const origin = imports.originOf(call.callee);
    if (origin && (origin.module === 'winston' || origin.module === 'logform')) {
      const path = origin.path.join('.');
      if (path === 'format' || path === 'format.printf' || path === 'printf') return root('logger', 'a winston format runs on every log line', passed);
    }
  }
  if (index === 0 && method === 'useReducer') return root('reducer', 'a reducer runs on every dispatched action', passed);
  return null;
}

/** The call an object literal is passed to, directly or as an element of an array argument. */
function callTakingObject(object: TSESTree.ObjectExpression): TSESTree.CallExpression | null {
  let slot: TSESTree.Node = valueSlot(object);
  if (slot.parent?.type === 'ArrayExpression') slot = valueSlot(slot.parent);
  const parent = slot.parent;
  if (parent?.type === 'CallExpression' && parent.arguments.includes(slot as TSESTree.CallExpressionArgument)) return parent;
  return null;
}

/** The object that holds `object` as the value of a property, and that property's key. */
function outerProperty(object: TSESTree.ObjectExpression): { key: string; outer: TSESTree.ObjectExpression } | null {
  const slot = valueSlot(object);
  const parent = slot.parent;
  if (parent?.type !== 'Property' || parent.value !== slot || parent.parent.type !== 'ObjectExpression') return null;
  const key = staticKeyName(parent.key, parent.computed);
  return key === null ? null : { key, outer: parent.parent };
}

function propertyRoot(property: TSESTree.Property, env: HotEnvironment): Root | null {
  if (property.parent.type !== 'ObjectExpression') return null;
  const key = staticKeyName(property.key, property.computed);
  if (key === null) return null;
  const object = property.parent;

  if (LOG_METHODS.has(key) && isLoggerObject(object, env)) return root('logger', 'a logger method runs on every log line');
  const cache = cacheReason(key);
  if (cache) {
    const name = objectName(object);
    if (name && isCacheName(name[name.length - 1]!)) return root('cache', cache);
  }

  if (ROUTE_HANDLER_KEYS.has(key)) {
    // fastify.route({ handler }), server.route({ method, path, handler }), hapi's options: { handler }
    let routeObject: TSESTree.ObjectExpression = object;
    const holder = outerProperty(object);
    if (holder && (holder.key === 'options' || holder.key === 'config')) routeObject = holder.outer;
    const call = callTakingObject(routeObject);
    if (call && calleeLastName(call) === 'route' && call.callee.type === 'MemberExpression' && isAppLike(call.callee.object, env.imports)) {
      return root('request', key === 'handler' ? 'a route handler runs on every request' : `a \`${key}\` route hook runs on every request`);
    }
  }

  const holder = outerProperty(object);
  if (holder) {
    const call = callTakingObject(holder.outer);
    if (holder.key === 'reducers' && call && calleeLastName(call) === 'createSlice') {
      return root('reducer', 'a `createSlice` reducer runs on every dispatched action');
    }
    const pino = PINO_OPTION_LABELS[holder.key];
    if (pino && call) {
      const origin = env.imports.originOf(call.callee);
      if (origin?.module != null && PINO_MODULES.has(origin.module) && (origin.path.length === 0 || (origin.path.length === 1 && origin.path[0] === 'pino'))) {
        return root('logger', pino);
      }
    }
  }
  return null;
}

/**
 * Whether the object a handler property is set on may be an event target:
 * not `this`, a prototype or `exports` (a method or export that only carries
 * the name), also through a variable bound to one (`var proto =
 * Client.prototype`, `var self = this`).
 */
function mayBeEventTarget(node: TSESTree.Node, imports: ImportTracker): boolean {
  let owner = unwrapExpression(node);
  if (owner.type === 'Identifier') {
    const variable = imports.variableOf(owner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // `var self = this`, `var proto = Client.prototype`; not `const { socket } = this` (a property of it).
    if (def?.node.type === 'VariableDeclarator' && def.node.id === def.name && def.node.init) owner = unwrapExpression(def.node.init);
  }
  if (owner.type === 'ThisExpression') return false;
  const ownerName = dottedName(owner);
  const last = ownerName?.[ownerName.length - 1];
  return last !== 'prototype' && last !== 'exports';
}

/**
 * `socket.onmessage = handler`: a handler property of a WebSocket, worker,
 * EventSource or window, or a worker script's global `onmessage = handler`.
 * Not a method or export that only carries the name: `Layout.prototype.onresize
 * = ...`, `exports.onmessage = ...`, `this.onresize = this.onresize.bind(this)`.
 */
function assignmentRoot(use: Extract<Use, { type: 'assignment' }>, env: HotEnvironment): Root | null {
  const target = use.assignment.left;
  if (use.assignment.operator !== '=') return null;
  let key: string | null;
  if (target.type === 'Identifier') {
    key = target.name;
    if (env.imports.declaredInFile(target)) return null; // a variable of the file, not the worker's global handler
  } else if (target.type === 'MemberExpression') {
    key = staticKeyName(target.property, target.computed);
    if (!mayBeEventTarget(target.object, env.imports)) return null;
  } else {
    return null;
  }
  if (key === null || !HANDLER_PROPERTIES.has(key)) return null;
  const assigned = use.inline ? '' : `, assigned to \`${targetText(target)}\``;
  return root('event', `an \`${key}\` handler runs on every event`, assigned);
}

/** Roots that follow from one place the function value is used. */
export function useRoot(use: Use, env: HotEnvironment): Root | null {
  if (use.type === 'argument') return argumentRoot(use, env);
  if (use.type === 'property') return propertyRoot(use.property, env);
  if (use.type === 'assignment') return assignmentRoot(use, env);
  return null;
}
