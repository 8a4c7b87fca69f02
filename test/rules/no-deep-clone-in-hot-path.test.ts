import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleModule from '../../rules/no-deep-clone-in-hot-path';
import { mayContainClone } from '../../src/clones/recognise';
import plugin from '../../src/index';
import { jsRuleTester, ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester (~8.72) bundles its own @typescript-eslint/utils,
// whose types differ from the plugin's (~8.73) only by version.
const rule = ruleModule as unknown as Parameters<typeof ruleTester.run>[1];

type MessageId =
  | 'cloneInRequestHandler'
  | 'cloneInLogger'
  | 'cloneInCache'
  | 'cloneInEventHandler'
  | 'cloneInRender'
  | 'cloneInReducer'
  | 'cloneInLoop'
  | 'cloneInMarkedFunction';

interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const at = (line: number, column: number, endLine: number, endColumn: number): Position => ({ line, column, endLine, endColumn });

/** One expected report, with its full message data and suggestions. */
function report(
  messageId: MessageId,
  clone: string,
  location: string,
  reason: string,
  position: Position,
  suggestions: { source: string; output: string }[] = [],
  noFix = '',
) {
  return {
    messageId,
    data: { clone, location, reason, noFix },
    ...position,
    suggestions: suggestions.map(({ source, output }) => ({ messageId: 'replaceWithShallowCopy' as const, data: { source }, output })),
  };
}

/** The "No quick fix" tail for a copy that leaves its function. */
const leaves = (how: string) => ` No quick fix: the copy leaves this function (${how}), where changes below its top level cannot be checked.`;
/** The "No quick fix" tail for a value not known to be a plain object or an array. */
const NOT_PLAIN = ' No quick fix: the value may not be a plain object (a primitive, array, Date or class instance would change shape in an object spread).';

// ---------------------------------------------------------------------------
// Every clone form and import form, inside a function marked `@hot`.
// The clone sits on the `return` line; its expected range is derived from the
// clone text given for the case (the rule must report exactly that call).
// ---------------------------------------------------------------------------

interface CloneCase {
  name: string;
  header: string;
  clone: string;
  label: string;
  /**
   * The copied source when the rewrite would stand on its own (then the copy,
   * returned, leaves the function and the message says so), or undefined when
   * it would not (options, a customizer, a target): no reason.
   */
  shallow?: string;
  settings?: Record<string, unknown>;
  options?: { cloneFunctions?: string[] };
  async?: boolean;
}

const cloneCases: CloneCase[] = [
  { name: 'global structuredClone', header: '', clone: 'structuredClone(x)', label: 'structuredClone', shallow: 'x' },
  { name: 'globalThis.structuredClone', header: '', clone: 'globalThis.structuredClone(x.payload)', label: 'structuredClone', shallow: 'x.payload' },
  { name: 'JSON round trip', header: '', clone: 'JSON.parse(JSON.stringify(x))', label: 'JSON.parse(JSON.stringify(…))', shallow: 'x' },
  { name: 'JSON round trip with a reviver', header: '', clone: 'JSON.parse(JSON.stringify(x), revive)', label: 'JSON.parse(JSON.stringify(…))' },
  { name: 'lodash default import', header: "import _ from 'lodash';", clone: '_.cloneDeep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash named import', header: "import { cloneDeep } from 'lodash';", clone: 'cloneDeep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash-es renamed import', header: "import { cloneDeep as deep } from 'lodash-es';", clone: 'deep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash namespace import', header: "import * as L from 'lodash';", clone: 'L.cloneDeep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash/cloneDeep require', header: "const cloneDeep = require('lodash/cloneDeep');", clone: 'cloneDeep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash.clonedeep default import', header: "import cloneDeep from 'lodash.clonedeep';", clone: 'cloneDeep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash destructured require of cloneDeepWith', header: "const { cloneDeepWith } = require('lodash');", clone: 'cloneDeepWith(x, custom)', label: 'lodash cloneDeepWith' },
  { name: 'lodash method through a const alias', header: "import _ from 'lodash';\nconst copyAll = _.cloneDeep;", clone: 'copyAll(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'global lodash `_`', header: '', clone: '_.cloneDeep(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'lodash by dynamic import', header: '', clone: "(await import('lodash')).cloneDeep(x)", label: 'lodash cloneDeep', shallow: 'x', async: true },
  { name: 'lodash by TS import-equals', header: "import deepCopy = require('lodash.clonedeep');", clone: 'deepCopy(x)', label: 'lodash cloneDeep', shallow: 'x' },
  { name: 'rfdc by require', header: "const copy = require('rfdc')();", clone: 'copy(x)', label: 'rfdc', shallow: 'x' },
  { name: 'rfdc by import with options', header: "import rfdc from 'rfdc';\nconst copy = rfdc({ proto: true });", clone: 'copy(x)', label: 'rfdc', shallow: 'x' },
  { name: 'clone', header: "import clone from 'clone';", clone: 'clone(x)', label: 'clone', shallow: 'x' },
  { name: 'clone with a depth', header: "const clone = require('clone');", clone: 'clone(x, true, 3)', label: 'clone' },
  { name: 'clone-deep', header: "import cloneDeep from 'clone-deep';", clone: 'cloneDeep(x)', label: 'clone-deep', shallow: 'x' },
  { name: 'klona', header: "import { klona } from 'klona';", clone: 'klona(x)', label: 'klona', shallow: 'x' },
  { name: 'klona/json', header: "import { klona } from 'klona/json';", clone: 'klona(x)', label: 'klona/json', shallow: 'x' },
  { name: 'klona/lite', header: "const { klona } = require('klona/lite');", clone: 'klona(x)', label: 'klona/lite', shallow: 'x' },
  { name: 'klona/full', header: "import { klona as k } from 'klona/full';", clone: 'k(x)', label: 'klona/full', shallow: 'x' },
  { name: 'fast-copy default', header: "import copy from 'fast-copy';", clone: 'copy(x)', label: 'fast-copy', shallow: 'x' },
  { name: 'fast-copy copy', header: "import { copy } from 'fast-copy';", clone: 'copy(x)', label: 'fast-copy copy', shallow: 'x' },
  { name: 'fast-copy copyStrict', header: "const { copyStrict } = require('fast-copy');", clone: 'copyStrict(x)', label: 'fast-copy copyStrict', shallow: 'x' },
  { name: 'ramda clone', header: "import { clone } from 'ramda';", clone: 'clone(x)', label: 'ramda clone', shallow: 'x' },
  { name: 'ramda namespace', header: "import * as R from 'ramda';", clone: 'R.clone(x)', label: 'ramda clone', shallow: 'x' },
  { name: 'v8 round trip', header: "import v8 from 'node:v8';", clone: 'v8.deserialize(v8.serialize(x))', label: 'v8.deserialize(v8.serialize(…))', shallow: 'x' },
  { name: 'v8 round trip, destructured', header: "const { serialize, deserialize } = require('v8');", clone: 'deserialize(serialize(x))', label: 'v8.deserialize(v8.serialize(…))', shallow: 'x' },
  { name: 'jQuery $.extend(true, {}, x)', header: '', clone: '$.extend(true, {}, x)', label: 'jQuery.extend(true, …)', shallow: 'x' },
  { name: 'jQuery.extend(true, target, x) mutates target', header: '', clone: 'jQuery.extend(true, target, x)', label: 'jQuery.extend(true, …)' },
  { name: 'angular.copy', header: '', clone: 'angular.copy(x)', label: 'angular.copy', shallow: 'x' },
  {
    name: 'settings.resilience.cloneFunctions',
    header: "import utils from './utils';",
    clone: 'utils.deepCopy(x)',
    label: 'utils.deepCopy',
    settings: { resilience: { cloneFunctions: ['utils.deepCopy'] } },
  },
  { name: 'cloneFunctions option', header: '', clone: 'copyState(x)', label: 'copyState', options: { cloneFunctions: ['copyState'] } },
];

function hotWrapped(c: CloneCase): { code: string; line: number } {
  const headerLines = c.header === '' ? 0 : c.header.split('\n').length;
  const prefix = c.header === '' ? '' : `${c.header}\n`;
  const code = `${prefix}/** @hot */\n${c.async ? 'async ' : ''}function f(x) {\n  return ${c.clone};\n}`;
  return { code, line: headerLines + 3 };
}

ruleTester.run('no-deep-clone-in-hot-path: clone forms', rule, {
  valid: [],
  invalid: cloneCases.map((c) => {
    const { code, line } = hotWrapped(c);
    return {
      name: c.name,
      code,
      ...(c.settings ? { settings: c.settings } : {}),
      ...(c.options ? { options: [c.options] as const } : {}),
      errors: [
        report('cloneInMarkedFunction', c.label, '`f`', '`f` is marked `@hot`', at(line, 10, line, 10 + c.clone.length), [], c.shallow === undefined ? '' : leaves('returned')),
      ],
    };
  }),
});

// ---------------------------------------------------------------------------
// Not deep clones, or not recognised ones: silent even in a hot function.
// ---------------------------------------------------------------------------

const notDeep = (name: string, header: string, expression: string) => ({
  name,
  code: `${header}${header ? '\n' : ''}/** @hot */\nfunction f(x) {\n  return ${expression};\n}`,
});

ruleTester.run('no-deep-clone-in-hot-path: not deep clones', rule, {
  valid: [
    notDeep('Object.assign is shallow', '', 'Object.assign({}, x)'),
    notDeep('object spread is shallow', '', '{ ...x }'),
    notDeep('slice is shallow', '', 'x.slice()'),
    notDeep('Array.from is shallow', '', 'Array.from(x)'),
    notDeep('immer produce shares untouched parts', "import { produce } from 'immer';", 'produce(x, (draft) => { draft.a = 1; })'),
    notDeep('Immutable.js structural sharing', "import { Map } from 'immutable';", 'Map(x).set("a", 1)'),
    notDeep('lodash clone is shallow', "import _ from 'lodash';", '_.clone(x)'),
    notDeep('$.extend without `true` is shallow', '', '$.extend({}, x)'),
    notDeep('JSON.parse of text is not a round trip', '', 'JSON.parse(x)'),
    notDeep('JSON.stringify alone is not a clone', '', 'JSON.stringify(x)'),
    notDeep('calling rfdc() creates the cloner, it does not clone', "import rfdc from 'rfdc';", 'rfdc()'),
    notDeep('a user function named clone, not from a clone library', 'function clone(o) { return { ...o }; }', 'clone(x)'),
    notDeep('a clone imported from a local module', "import clone from './clone';", 'clone(x)'),
    notDeep('a local function named structuredClone', 'function structuredClone(o) { return o; }', 'structuredClone(x)'),
    notDeep('a shadowed JSON', 'const JSON = { parse: (s) => s, stringify: (s) => s };', 'JSON.parse(JSON.stringify(x))'),
    notDeep('`_` from underscore', "const _ = require('underscore');", '_.cloneDeep(x)'),
  ],
  invalid: [],
});

// ---------------------------------------------------------------------------
// Hot contexts.
// ---------------------------------------------------------------------------

const shallowOf = (source: string, output: string) => [{ source, output }];

ruleTester.run('no-deep-clone-in-hot-path: per-request code', rule, {
  valid: [
    {
      name: 'trap: a `cache.get` loader is not a route handler',
      code: "function load(cache, key, x) {\n  return cache.get(key, () => structuredClone(x));\n}",
    },
    {
      name: 'trap: GET exported from a file that is not a Next.js route file',
      code: 'export async function GET(x) {\n  return structuredClone(x);\n}',
      filename: 'src/lib/get.ts',
    },
    {
      name: "trap: a Vue app's use(plugin) is not middleware",
      code: "import { createApp } from 'vue';\nconst app = createApp(Root);\napp.use(function plugin(instance, options) {\n  instance.config.globalProperties.defaults = structuredClone(options);\n});",
    },
    {
      name: 'trap: app.get(setting) has no handler',
      code: "const mode = app.get('env');\nconst copy = structuredClone(mode);",
    },
  ],
  invalid: [
    {
      name: 'express route handler, inline',
      code: "import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => {\n  res.json(structuredClone(req.body));\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', 'the `app.get` callback', 'a route handler runs on every request', at(4, 12, 4, 37), [], leaves('passed to `res.json`')),
      ],
    },
    {
      name: 'router handler passed by name, through an express.Router() origin',
      code: "import express from 'express';\nconst api = express.Router();\nfunction list(q, s) {\n  s.send(JSON.parse(JSON.stringify(q.query)));\n}\napi.post('/list', list);",
      errors: [
        report('cloneInRequestHandler', 'JSON.parse(JSON.stringify(…))', '`list`, passed to `api.post`', 'a route handler runs on every request', at(4, 10, 4, 45), [], leaves('passed to `s.send`')),
      ],
    },
    {
      name: 'middleware registered with app.use, and the route chain app.route(path).get',
      code: "app.use(function audit(a, b, next) {\n  const copy = structuredClone(a.headers);\n  next();\n});\napp.route('/x').get((a, b) => b.send(structuredClone(a.body)));",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`audit`', 'middleware runs on every request', at(2, 16, 2, 42), [], NOT_PLAIN),
        report('cloneInRequestHandler', 'structuredClone', 'the `app.route(…).get` callback', 'a route handler runs on every request', at(5, 38, 5, 61), [], leaves('passed to `b.send`')),
      ],
    },
    {
      name: 'a function shaped like (req, res, next)',
      code: 'export function track(req, res, next) {\n  const body = structuredClone(req.body);\n}',
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`track`', 'a `(req, res, next)` handler runs on every request', at(2, 16, 2, 41), [], NOT_PLAIN),
      ],
    },
    {
      name: 'koa middleware on new Koa(), shaped (ctx, next)',
      code: "import Koa from 'koa';\nconst server = new Koa();\nserver.use(async (context, next) => {\n  context.state.user = structuredClone(context.state.session);\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', 'the `server.use` callback', 'middleware runs on every request', at(4, 24, 4, 62), [], leaves('stored in `context.state.user`')),
      ],
    },
    {
      name: 'NestJS controller method',
      code: "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nclass UsersController {\n  @Get()\n  list() {\n    return structuredClone(this.users);\n  }\n}",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`UsersController.list`', 'a `@Get()` controller method runs on every request', at(6, 12, 6, 39), [], leaves('returned')),
      ],
    },
    {
      name: 'Next.js route handler in route.ts',
      filename: 'app/api/users/route.ts',
      code: 'export async function POST(request) {\n  const data = await request.json();\n  return Response.json(structuredClone(data));\n}\nexport const GET = () => Response.json(structuredClone(cache));',
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`POST`', 'a Next.js route handler runs on every request', at(3, 24, 3, 45), [], leaves('passed to `Response.json`')),
        report('cloneInRequestHandler', 'structuredClone', '`GET`', 'a Next.js route handler runs on every request', at(5, 40, 5, 62), [], leaves('passed to `Response.json`')),
      ],
    },
    {
      name: "http.createServer handler and server.on('request')",
      code: "import http from 'node:http';\nconst s = http.createServer((a, b) => b.end(JSON.stringify(structuredClone(state))));\ns.on('request', (a) => log(structuredClone(a.headers)));",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', 'the `http.createServer` callback', 'an HTTP server handler runs on every request', at(2, 60, 2, 82), [], NOT_PLAIN),
        report('cloneInRequestHandler', 'structuredClone', 'the `s.on` callback', "a `'request'` listener runs on every request", at(3, 28, 3, 54), [], leaves('passed to `log`')),
      ],
    },
    {
      name: 'fastify route({ handler }) and a request hook',
      code: "import Fastify from 'fastify';\nconst f = Fastify();\nf.route({ method: 'GET', url: '/', handler: async (q) => structuredClone(q.params) });\nf.addHook('preHandler', async (q) => { q.copy = structuredClone(q.body); });",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`handler`', 'a route handler runs on every request', at(3, 58, 3, 83), [], leaves('returned')),
        report('cloneInRequestHandler', 'structuredClone', 'the `f.addHook` callback', 'a fastify `preHandler` hook runs on every request', at(4, 49, 4, 72), [], leaves('stored in `q.copy`')),
      ],
    },
    {
      name: 'hapi route array with options.handler; a loop inside a handler reports the handler',
      code: "server.route([{ method: 'GET', path: '/', options: { handler: (request, h) => structuredClone(db.rows) } }]);\napp.get('/', (req, res) => {\n  for (const item of req.body.items) res.write(structuredClone(item));\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`handler`', 'a route handler runs on every request', at(1, 79, 1, 103), [], leaves('returned')),
        report('cloneInRequestHandler', 'structuredClone', 'the `app.get` callback', 'a route handler runs on every request', at(3, 48, 3, 69), [], leaves('passed to `res.write`')),
      ],
    },
  ],
});

ruleTester.run('no-deep-clone-in-hot-path: logging', rule, {
  valid: [
    {
      name: 'trap: `info` on a class whose name ends in lower-case "log" (Catalog) is not a logger',
      code: 'class Catalog {\n  info(item) {\n    return structuredClone(item);\n  }\n}',
    },
    {
      name: 'trap: a method named log on a class that is not a logger',
      code: 'class Ship {\n  log(entry) {\n    this.entries.push(structuredClone(entry));\n  }\n}',
    },
  ],
  invalid: [
    {
      name: 'the incident: a logger method calls a helper that deep-clones',
      code: "import cloneDeep from 'lodash/cloneDeep';\nclass Logger {\n  log(message, data) {\n    this.write(message, zipLogData(data));\n  }\n}\nfunction zipLogData(data) {\n  return cloneDeep(data);\n}",
      errors: [
        report('cloneInLogger', 'lodash cloneDeep', '`zipLogData`, called from `Logger.log`', 'a logger method runs on every log line', at(8, 10, 8, 25), [], leaves('returned')),
      ],
    },
    {
      name: 'object logger, prototype method, and class field arrow',
      code: "const requestLogger = {\n  info(record) { send(structuredClone(record)); },\n};\nAuditLog.prototype.warn = function (r) { send(structuredClone(r)); };\nclass AppLogger {\n  error = (e) => send(structuredClone(e));\n}",
      errors: [
        report('cloneInLogger', 'structuredClone', '`requestLogger.info`', 'a logger method runs on every log line', at(2, 23, 2, 46), [], leaves('passed to `send`')),
        report('cloneInLogger', 'structuredClone', '`AuditLog.warn`', 'a logger method runs on every log line', at(4, 47, 4, 65), [], leaves('passed to `send`')),
        report('cloneInLogger', 'structuredClone', '`AppLogger.error`', 'a logger method runs on every log line', at(6, 23, 6, 41), [], leaves('passed to `send`')),
      ],
    },
    {
      name: 'a logger by its declared type: implements LoggerService, a typed const, satisfies',
      code: "import type { LoggerService } from '@nestjs/common';\nexport class JsonOutput implements LoggerService {\n  log(message) { this.out(structuredClone(message)); }\n}\nconst console2: Logger = { warn(m) { send(structuredClone(m)); } };\nconst sink = { error(m) { send(structuredClone(m)); } } satisfies AppLogger;",
      errors: [
        report('cloneInLogger', 'structuredClone', '`JsonOutput.log`', 'a logger method runs on every log line', at(3, 27, 3, 51), [], leaves('passed to `this.out`')),
        report('cloneInLogger', 'structuredClone', '`console2.warn`', 'a logger method runs on every log line', at(5, 43, 5, 61), [], leaves('passed to `send`')),
        report('cloneInLogger', 'structuredClone', '`sink.error`', 'a logger method runs on every log line', at(6, 32, 6, 50), [], leaves('passed to `send`')),
      ],
    },
    {
      name: 'a logger by its base class',
      code: "class Out extends ConsoleLogger {\n  error(e) { super.error(structuredClone(e)); }\n}",
      errors: [
        report('cloneInLogger', 'structuredClone', '`Out.error`', 'a logger method runs on every log line', at(2, 26, 2, 44), [], leaves('passed to `super.error`')),
      ],
    },
    {
      name: 'winston format and format.printf',
      code: "import { format } from 'winston';\nconst redact = format((info) => structuredClone(info));\nconst line = format.printf((info) => JSON.stringify(structuredClone(info)));",
      errors: [
        report('cloneInLogger', 'structuredClone', 'the `format` callback', 'a winston format runs on every log line', at(2, 33, 2, 54), [], leaves('returned')),
        report('cloneInLogger', 'structuredClone', 'the `format.printf` callback', 'a winston format runs on every log line', at(3, 53, 3, 74), [], NOT_PLAIN),
      ],
    },
    {
      name: 'pino serializers, formatters and hooks',
      code: "const pino = require('pino');\nfunction req(r) { return structuredClone(r); }\nconst log = pino({\n  serializers: { req },\n  formatters: { log(o) { return structuredClone(o); } },\n  hooks: { logMethod(args, method) { method.apply(this, structuredClone(args)); } },\n});",
      errors: [
        report('cloneInLogger', 'structuredClone', '`req`', 'a pino serializer runs on every log line', at(2, 26, 2, 44), [], leaves('returned')),
        report('cloneInLogger', 'structuredClone', '`log`', 'a pino formatter runs on every log line', at(5, 33, 5, 51), [], leaves('returned')),
        report('cloneInLogger', 'structuredClone', '`logMethod`', 'a pino hook runs on every log line', at(6, 57, 6, 78), [], leaves('passed to `method.apply`')),
      ],
    },
  ],
});

const nodeCacheShape =
  "var EventEmitter, clone;\nclone = require('clone');\nclass NodeCache {\n  get(key) {\n    return this._unwrap(this.data[key]);\n  }\n  _unwrap(value) {\n    return clone(value.v);\n  }\n  set(key, value) {\n    this.data[key] = { v: structuredClone(value) };\n  }\n  keys() {\n    return structuredClone(Object.keys(this.data));\n  }\n}";

ruleTester.run('no-deep-clone-in-hot-path: caches', rule, {
  valid: [
    {
      name: 'trap: `get` on a class whose name is not a cache',
      code: 'class Catalog {\n  get(id) {\n    return structuredClone(this.items[id]);\n  }\n}',
    },
    {
      name: 'trap: a cache method that is not a per-entry read or write (a bulk load, a dump)',
      code: 'class UserCache {\n  load(all) {\n    this.items = structuredClone(all);\n  }\n  dump() {\n    return structuredClone(this.items);\n  }\n}',
    },
    {
      name: 'trap: a clone function bound twice is not known to be a clone',
      code: "var clone;\nclone = require('clone');\nclone = (x) => x;\nclass ValueCache {\n  get(key) {\n    return clone(this.data[key]);\n  }\n}",
    },
  ],
  invalid: [
    {
      name: 'the incident: a cache that deep-clones on every get and set (clone bound by one top-level assignment)',
      code: nodeCacheShape,
      errors: [
        report('cloneInCache', 'clone', '`NodeCache._unwrap`, called from `NodeCache.get`', 'a cache `get` runs on every lookup', at(8, 12, 8, 26), [], leaves('returned')),
        report('cloneInCache', 'structuredClone', '`NodeCache.set`', 'a cache `set` runs on every store', at(11, 27, 11, 49), [], leaves('stored in `this.data[key]`')),
      ],
    },
    {
      name: 'an object cache, a prototype method and a subclass of a cache',
      code: 'const sessionCache = {\n  peek(id) { return structuredClone(store.get(id)); },\n};\nTemplateCache.prototype.mget = function (keys) { return structuredClone(pick(this.items, keys)); };\nclass Lru extends BaseCache {\n  take(key) { return structuredClone(this.map.get(key)); }\n}',
      errors: [
        report('cloneInCache', 'structuredClone', '`sessionCache.peek`', 'a cache `peek` runs on every lookup', at(2, 21, 2, 51)),
        report('cloneInCache', 'structuredClone', '`TemplateCache.mget`', 'a cache `mget` runs on every lookup', at(4, 57, 4, 96)),
        report('cloneInCache', 'structuredClone', '`Lru.take`', 'a cache `take` runs on every lookup', at(6, 22, 6, 56)),
      ],
    },
  ],
});

ruleTester.run('no-deep-clone-in-hot-path: high-frequency events', rule, {
  valid: [
    { name: "trap: a 'close' listener runs once", code: "stream.on('close', () => save(structuredClone(state)));" },
    { name: "trap: once('data') runs once", code: "stream.once('data', (d) => save(structuredClone(d)));" },
    { name: "trap: a 'click' listener is not high-frequency", code: "button.addEventListener('click', () => save(structuredClone(state)));" },
    { name: 'trap: setTimeout runs once', code: 'setTimeout(() => save(structuredClone(state)), 10);' },
    { name: 'trap: a local setInterval is not the timer', code: 'function setInterval(fn) { fn(); }\nsetInterval(() => save(structuredClone(state)));' },
    { name: 'trap: an onopen handler runs once per connection', code: 'ws.onopen = () => save(structuredClone(state));' },
    { name: 'trap: a handler set only if none is set (||=) is not known to be the one that runs', code: 'ws.onmessage ||= (e) => save(structuredClone(e.data));' },
    {
      name: 'trap: a method, export or self-bound method that only carries a handler name registers nothing',
      code: "function Layout() {}\nLayout.prototype.onresize = function (size) { this.saved = structuredClone(size); };\nexports.onmessage = function (config) { return structuredClone(config); };\nclass Chart {\n  constructor() { this.onresize = this.onresize.bind(this); }\n  onresize(size) { this.last = structuredClone(size); }\n}",
    },
    {
      name: 'trap: the same through a variable bound to a prototype or to this (Babel loose output, var self = this)',
      code: "function Layout() {}\nvar proto = Layout.prototype;\nproto.onresize = function (size) { this.saved = structuredClone(size); };\nfunction View() {\n  var self = this;\n  self.onresize = function (size) { self.last = structuredClone(size); };\n}",
    },
    {
      name: 'trap: a constructor name bound twice or reassigned may stand for two constructors, whose methods are not linked',
      code: "var Logger = function () {};\nLogger.prototype.info = function (m) { this.write(m); };\nLogger.prototype.write = function (m) { out(m); };\nvar First = Logger;\nLogger = function () {};\nLogger.prototype.write = function (m) { this.last = structuredClone(m); };",
    },
    {
      name: "trap: `this.handle()` in one constructor's code does not reach another constructor's prototype method",
      code: "function Client() { this.ws.on('message', (m) => this.handle(m)); }\nfunction Other() {}\nOther.prototype.handle = function (m) { save(structuredClone(m)); };",
    },
  ],
  invalid: [
    {
      name: "'data', 'message', 'connection' and 'line' listeners",
      code: "socket.on('data', (d) => use(structuredClone(d)));\nws.addListener('message', (m) => use(structuredClone(m)));\nserver.prependListener('connection', (c) => use(structuredClone(c)));\nrl.on('line', (l) => use(structuredClone(l)));",
      errors: [
        report('cloneInEventHandler', 'structuredClone', 'the `socket.on` callback', "a `'data'` listener runs on every event", at(1, 30, 1, 48), [], leaves('passed to `use`')),
        report('cloneInEventHandler', 'structuredClone', 'the `ws.addListener` callback', "a `'message'` listener runs on every event", at(2, 38, 2, 56), [], leaves('passed to `use`')),
        report('cloneInEventHandler', 'structuredClone', 'the `server.prependListener` callback', "a `'connection'` listener runs on every event", at(3, 49, 3, 67), [], leaves('passed to `use`')),
        report('cloneInEventHandler', 'structuredClone', 'the `rl.on` callback', "a `'line'` listener runs on every event", at(4, 26, 4, 44), [], leaves('passed to `use`')),
      ],
    },
    {
      name: "'pointermove' and 'resize' listeners, and a const named reducer",
      code: "el.addEventListener('pointermove', (e) => draw(structuredClone(e.data)));\nwindow.addEventListener('resize', () => draw(structuredClone(layout)));\nexport const reducer = (state, action) => ({ ...structuredClone(state), last: action });",
      errors: [
        report('cloneInEventHandler', 'structuredClone', 'the `el.addEventListener` callback', "a `'pointermove'` listener runs on every event", at(1, 48, 1, 71), [], leaves('passed to `draw`')),
        report('cloneInEventHandler', 'structuredClone', 'the `window.addEventListener` callback', "a `'resize'` listener runs on every event", at(2, 46, 2, 69), [], leaves('passed to `draw`')),
        report('cloneInReducer', 'structuredClone', '`reducer`', 'a reducer runs on every dispatched action', at(3, 49, 3, 71), [], leaves('returned')),
      ],
    },
    {
      name: 'DOM listeners, requestAnimationFrame and setInterval (a handler passed by name)',
      code: "function onScroll() { paint(structuredClone(layout)); }\nwindow.addEventListener('scroll', onScroll);\naddEventListener('mousemove', (e) => paint(structuredClone(e.detail)));\nrequestAnimationFrame(() => paint(structuredClone(layout)));\nsetInterval(() => poll(structuredClone(state)), 1000);",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`onScroll`, passed to `window.addEventListener`', "a `'scroll'` listener runs on every event", at(1, 29, 1, 52), [], leaves('passed to `paint`')),
        report('cloneInEventHandler', 'structuredClone', 'the `addEventListener` callback', "a `'mousemove'` listener runs on every event", at(3, 44, 3, 69), [], leaves('passed to `paint`')),
        report('cloneInEventHandler', 'structuredClone', 'the `requestAnimationFrame` callback', 'a `requestAnimationFrame` callback runs on every frame', at(4, 35, 4, 58), [], leaves('passed to `paint`')),
        report('cloneInEventHandler', 'structuredClone', 'the `setInterval` callback', 'a `setInterval` callback runs on every tick', at(5, 24, 5, 46), [], leaves('passed to `poll`')),
      ],
    },
    {
      name: 'handler properties (onmessage, onscroll) and methods handed over with bind(this)',
      code: "worker.onmessage = (e) => use(structuredClone(e.data));\nfunction onScroll() { paint(structuredClone(layout)); }\nwindow.onscroll = onScroll.bind(window);\nclass Feed {\n  open() { this.ws.onmessage = this.onMessage.bind(this); this.ws.on('message', this.onData.bind(this)); }\n  onMessage(e) { use(structuredClone(e.data)); }\n  onData(d) { use(structuredClone(d)); }\n}",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`worker.onmessage`', 'an `onmessage` handler runs on every event', at(1, 31, 1, 54), [], leaves('passed to `use`')),
        report('cloneInEventHandler', 'structuredClone', '`onScroll`, assigned to `window.onscroll`', 'an `onscroll` handler runs on every event', at(2, 29, 2, 52), [], leaves('passed to `paint`')),
        report('cloneInEventHandler', 'structuredClone', '`Feed.onMessage`, assigned to `this.ws.onmessage`', 'an `onmessage` handler runs on every event', at(6, 22, 6, 45), [], leaves('passed to `use`')),
        report('cloneInEventHandler', 'structuredClone', '`Feed.onData`, passed to `this.ws.on`', "a `'message'` listener runs on every event", at(7, 19, 7, 37), [], leaves('passed to `use`')),
      ],
    },
    {
      name: "a worker script's global onmessage, a bound inline handler, and a bound function invoked in place",
      code: "onmessage = function (e) { postMessage(structuredClone(e.data)); };\nws.onmessage = function (e) { use(structuredClone(e.data)); }.bind(this);\napp.get('/y', (req, res) => {\n  (function () { keep(structuredClone(req.body)); }).bind(this)();\n});",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`onmessage`', 'an `onmessage` handler runs on every event', at(1, 40, 1, 63), [], leaves('passed to `postMessage`')),
        report('cloneInEventHandler', 'structuredClone', '`ws.onmessage`', 'an `onmessage` handler runs on every event', at(2, 35, 2, 58), [], leaves('passed to `use`')),
        report('cloneInRequestHandler', 'structuredClone', 'an immediately invoked function in the `app.get` callback', 'a route handler runs on every request', at(4, 23, 4, 48), [], leaves('passed to `keep`')),
      ],
    },
    {
      name: 'a handler set on an object destructured from this (a property of this, not this)',
      code: "class Feed {\n  start() {\n    const { socket } = this;\n    socket.onmessage = (event) => { this.last = structuredClone(event.data); };\n  }\n}",
      errors: [report('cloneInEventHandler', 'structuredClone', '`socket.onmessage`', 'an `onmessage` handler runs on every event', at(4, 49, 4, 76), [], ' No quick fix: the copy leaves this function (stored in `this.last`), where changes below its top level cannot be checked.')],
    },
    {
      name: "a worker's global onmessage declared as a global by the config",
      code: 'onmessage = function (e) { postMessage(structuredClone(e.data)); };',
      languageOptions: { globals: { onmessage: 'writable', postMessage: 'readonly' } },
      errors: [report('cloneInEventHandler', 'structuredClone', '`onmessage`', 'an `onmessage` handler runs on every event', at(1, 40, 1, 63), [], leaves('passed to `postMessage`'))],
    },
    {
      name: "an ES5 constructor typed by an interface of the same name (TypeScript) links its prototype methods",
      code: "interface Client { ws: { onmessage: unknown }; handle(line: string): void }\nfunction Client(this: Client) { this.ws.onmessage = this._onMessage.bind(this); }\nClient.prototype._onMessage = function (this: Client, event: { data: string }) { this.handle(event.data); };\nClient.prototype.handle = function (this: Client, line: string) { keep(structuredClone(line)); };",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`Client.handle`, called from `Client._onMessage`, assigned to `this.ws.onmessage`', 'an `onmessage` handler runs on every event', at(4, 72, 4, 93), [], leaves('passed to `keep`')),
      ],
    },
    {
      name: 'ES5 prototype methods reached through this.method() (the tmi.js client shape)',
      code: "function Client() { this.ws.onmessage = this._onMessage.bind(this); }\nClient.prototype._onMessage = function (event) { event.data.split('\\n').forEach((line) => this.handle(line)); };\nClient.prototype.handle = function (line) { this.emit('raw', structuredClone(line)); };",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`Client.handle`, called from the `event.data.split(…).forEach` callback in `Client._onMessage`, assigned to `this.ws.onmessage`', 'an `onmessage` handler runs on every event', at(3, 62, 3, 83), [], leaves('passed to `this.emit`')),
      ],
    },
  ],
});

ruleTester.run('no-deep-clone-in-hot-path: render and state', rule, {
  valid: [
    {
      name: 'trap: a clone in a useMemo factory runs when its inputs change, not per render',
      code: 'function Table({ rows }) {\n  const copy = useMemo(() => structuredClone(rows), [rows]);\n  return <div>{copy.length}</div>;\n}',
    },
    {
      name: 'trap: useCallback, useEffect and a lazy useState initialiser',
      code: 'function Form({ initial }) {\n  const [state] = useState(() => structuredClone(initial));\n  const reset = useCallback(() => structuredClone(initial), [initial]);\n  useEffect(() => { save(structuredClone(state)); });\n  return <form />;\n}',
    },
    {
      name: 'trap: a click handler runs per click, not per render',
      code: 'function Button({ data }) {\n  const onClick = () => send(structuredClone(data));\n  return <button onClick={onClick}>go</button>;\n}',
    },
    {
      name: 'trap: a capitalised function that returns no JSX is not a component',
      code: 'function Config(raw) {\n  return structuredClone(raw);\n}',
    },
  ],
  invalid: [
    {
      name: 'function component body, and a non-lazy useState initialiser',
      code: 'export function Table({ rows }) {\n  const [sorted] = useState(structuredClone(rows));\n  return <div>{sorted.length}</div>;\n}',
      errors: [
        report('cloneInRender', 'structuredClone', '`Table`', 'a React component body runs on every render', at(2, 29, 2, 50), [], leaves('passed to `useState`')),
      ],
    },
    {
      name: 'arrow component in memo(), custom hook, and class component render',
      code: "const Row = memo((props) => {\n  const data = structuredClone(props.data);\n  return cond ? <tr /> : null;\n});\nfunction useSnapshot(v) {\n  return structuredClone(v);\n}\nclass Chart extends React.Component {\n  render() {\n    return <svg data={structuredClone(this.props)} />;\n  }\n}",
      errors: [
        report('cloneInRender', 'structuredClone', '`Row`', 'a React component body runs on every render', at(2, 16, 2, 43), [], NOT_PLAIN),
        report('cloneInRender', 'structuredClone', '`useSnapshot`', 'a hook body runs on every render', at(6, 10, 6, 28), [], leaves('returned')),
        report('cloneInRender', 'structuredClone', '`Chart.render`', 'a class component `render` runs on every render', at(10, 23, 10, 50), [], leaves('passed to a JSX element')),
      ],
    },
    {
      name: 'reducers: named *Reducer, useReducer argument, createSlice reducers',
      code: "function todosReducer(state, action) {\n  return JSON.parse(JSON.stringify(state));\n}\nfunction Counter() {\n  const [s] = useReducer((st) => structuredClone(st), 0);\n  return <b>{s}</b>;\n}\nconst slice = createSlice({ name: 'a', initialState, reducers: { add(state) { return structuredClone(state); } } });",
      errors: [
        report('cloneInReducer', 'JSON.parse(JSON.stringify(…))', '`todosReducer`', 'a reducer runs on every dispatched action', at(2, 10, 2, 43), [], leaves('returned')),
        report('cloneInReducer', 'structuredClone', 'the `useReducer` callback', 'a reducer runs on every dispatched action', at(5, 34, 5, 53), [], leaves('returned')),
        report('cloneInReducer', 'structuredClone', '`add`', 'a `createSlice` reducer runs on every dispatched action', at(8, 86, 8, 108), [], leaves('returned')),
      ],
    },
  ],
});

ruleTester.run('no-deep-clone-in-hot-path: loops and iteration callbacks', rule, {
  valid: [
    {
      name: 'trap: a loop at module top level runs once at start-up',
      code: 'for (const c of configs) {\n  registry.set(c.id, structuredClone(c));\n}\nconst copies = configs.map((c) => structuredClone(c));',
    },
    {
      name: 'trap: the iterable of a for…of and the init of a for run once',
      code: 'function f(list) {\n  for (const x of structuredClone(list)) use(x);\n  for (let copy = structuredClone(list), i = 0; i < 3; i++) use(copy);\n}',
    },
    {
      name: 'trap: by default a loop or iteration callback alone is not hot (start-up, deploy, a one-off action)',
      code: "async function f(list, n) {\n  for (const x of list) use(structuredClone(x));\n  for (let i = 0; i < n; i++) await use(structuredClone(list));\n  while (n--) use(structuredClone(list));\n  list.forEach((x) => use(structuredClone(x)));\n  return list.map(copy);\n}\nfunction copy(x) {\n  return JSON.parse(JSON.stringify(x));\n}\nfunction g(list) {\n  for (const x of list) copy(x);\n}",
    },
    {
      name: "trap: loops: 'async' leaves loops over collections alone, even when they await",
      options: [{ loops: 'async' }],
      code: 'async function f(list, n) {\n  for (const x of list) await use(structuredClone(x));\n  for (let i = 0; i < n; i++) await use(structuredClone(list));\n  list.forEach((x) => use(structuredClone(x)));\n  while (n--) use(structuredClone(list));\n  while (n--) list.forEach(async (x) => await use(structuredClone(x)));\n}',
    },
    {
      name: 'ignoreLoops: loops and iteration callbacks are not hot by themselves',
      code: 'function f(list) {\n  for (const x of list) use(structuredClone(x));\n  return list.map((x) => structuredClone(x));\n}',
      options: [{ ignoreLoops: true }],
    },
  ],
  invalid: [
    {
      name: "loops: 'async' (strict): a consumer loop that awaits runs per message",
      options: [{ loops: 'async' }],
      code: 'async function consume(stream, queue) {\n  for await (const m of stream) handle(structuredClone(m));\n  while (true) {\n    const job = await queue.next();\n    handle(structuredClone(job));\n  }\n  for (;;) take(await queue.next());\n}\nfunction take(job) {\n  return structuredClone(job);\n}',
      errors: [
        report('cloneInLoop', 'structuredClone', 'a `for await` loop in `consume`', 'a loop that awaits runs its body once per message or result it waits for', at(2, 40, 2, 58), [], leaves('passed to `handle`')),
        report('cloneInLoop', 'structuredClone', 'a `while` loop in `consume`', 'a loop that awaits runs its body once per message or result it waits for', at(5, 12, 5, 32), [], leaves('passed to `handle`')),
        report('cloneInLoop', 'structuredClone', '`take`, called in a `for` loop in `consume`', 'a loop that awaits runs its body once per message or result it waits for', at(10, 10, 10, 30), [], leaves('returned')),
      ],
    },
    {
      // Changed deliberately (issue 12): a loop alone was every false positive of the real-world
      // ledger (start-up, deploy, one-off UI actions); it now needs `loops: 'all'`.
      name: "loops: 'all': every loop statement inside a function",
      options: [{ loops: 'all' }],
      code: 'async function f(list, n) {\n  for (const x of list) use(structuredClone(x));\n  for await (const x of list) use(structuredClone(x));\n  for (const k in list) use(structuredClone(list[k]));\n  for (let i = 0; i < n; i++) use(structuredClone(list));\n  while (n--) use(structuredClone(list));\n  do use(structuredClone(list)); while (n++ < 3);\n}',
      errors: [
        report('cloneInLoop', 'structuredClone', 'a `for…of` loop in `f`', 'a loop body runs on every iteration', at(2, 29, 2, 47), [], leaves('passed to `use`')),
        report('cloneInLoop', 'structuredClone', 'a `for await` loop in `f`', 'a loop body runs on every iteration', at(3, 35, 3, 53), [], leaves('passed to `use`')),
        report('cloneInLoop', 'structuredClone', 'a `for…in` loop in `f`', 'a loop body runs on every iteration', at(4, 29, 4, 53)),
        report('cloneInLoop', 'structuredClone', 'a `for` loop in `f`', 'a loop body runs on every iteration', at(5, 35, 5, 56), [], leaves('passed to `use`')),
        report('cloneInLoop', 'structuredClone', 'a `while` loop in `f`', 'a loop body runs on every iteration', at(6, 19, 6, 40), [], leaves('passed to `use`')),
        report('cloneInLoop', 'structuredClone', 'a `do…while` loop in `f`', 'a loop body runs on every iteration', at(7, 10, 7, 31), [], leaves('passed to `use`')),
      ],
    },
    {
      name: "loops: 'all': iteration callbacks inside a function, inline and passed by name",
      options: [{ loops: 'all' }],
      code: "function f(list) {\n  const a = list.map((x) => structuredClone(x));\n  list.sort((p, q) => score(structuredClone(p)) - score(q));\n  return list.reduce(merge, {});\n}\nfunction merge(acc, x) {\n  return Object.assign(acc, JSON.parse(JSON.stringify(x)));\n}",
      errors: [
        report('cloneInLoop', 'structuredClone', 'the `list.map` callback in `f`', 'an iteration callback runs once per item', at(2, 29, 2, 47), [], leaves('returned')),
        report('cloneInLoop', 'structuredClone', 'the `list.sort` callback in `f`', 'an iteration callback runs once per item', at(3, 29, 3, 47), [], leaves('passed to `score`')),
        report('cloneInLoop', 'JSON.parse(JSON.stringify(…))', '`merge`, passed to `list.reduce` in `f`', 'an iteration callback runs once per item', at(7, 29, 7, 58), [], leaves('passed to `Object.assign`')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Marks and settings.
// ---------------------------------------------------------------------------

ruleTester.run('no-deep-clone-in-hot-path: @hot, @cold, hotFunctions', rule, {
  valid: [
    {
      name: '@cold silences a function, its loops and its callbacks',
      code: "/** Runs once at start-up. @cold */\nfunction warmUp(list) {\n  for (const x of list) cache.add(structuredClone(x));\n  socket.on('data', (d) => structuredClone(d));\n}",
    },
    {
      name: '@cold stops propagation: a helper only a cold function calls is not hot',
      code: "app.get('/', (req, res) => {\n  boot();\n});\n/** @cold */\nfunction boot() {\n  load();\n}\nfunction load() {\n  return structuredClone(defaults);\n}",
    },
    {
      name: 'a @hot word inside other text is not the tag',
      code: '/** see docs@hot-path and @hotkey */\nfunction f(x) {\n  return structuredClone(x);\n}',
    },
    {
      name: 'hotFunctions that match nothing',
      code: 'function handle(x) {\n  return structuredClone(x);\n}',
      settings: { resilience: { hotFunctions: ['process'] } },
    },
  ],
  invalid: [
    {
      name: '@hot on an exported const arrow and on a method',
      code: "/** @hot */\nexport const route = (x) => structuredClone(x);\nclass Q {\n  /**\n   * Called per message.\n   * @hot\n   */\n  take(m) { return structuredClone(m); }\n}",
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`route`', '`route` is marked `@hot`', at(2, 29, 2, 47), [], leaves('returned')),
        report('cloneInMarkedFunction', 'structuredClone', '`Q.take`', '`Q.take` is marked `@hot`', at(8, 20, 8, 38), [], leaves('returned')),
      ],
    },
    {
      name: '@hot on an object property and on an inline callback',
      code: "const handlers = {\n  /** @hot */\n  onEvent(e) { return structuredClone(e); },\n};\nbus.subscribe(/** @hot */ (m) => structuredClone(m));",
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`handlers.onEvent`', '`handlers.onEvent` is marked `@hot`', at(3, 23, 3, 41), [], leaves('returned')),
        report('cloneInMarkedFunction', 'structuredClone', 'the `bus.subscribe` callback', 'the `bus.subscribe` callback is marked `@hot`', at(5, 34, 5, 52), [], leaves('returned')),
      ],
    },
    {
      name: 'settings.resilience.hotFunctions with a wildcard, plus the hotFunctions option',
      code: 'class Worker {\n  process(job) { return structuredClone(job); }\n}\nfunction onTick(t) { return structuredClone(t); }',
      settings: { resilience: { hotFunctions: ['*.process'] } },
      options: [{ hotFunctions: ['onTick'] }],
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`Worker.process`', '`Worker.process` matches `hotFunctions`', at(2, 25, 2, 45), [], leaves('returned')),
        report('cloneInMarkedFunction', 'structuredClone', '`onTick`', '`onTick` matches `hotFunctions`', at(4, 29, 4, 47), [], leaves('returned')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Propagation over the file's call graph.
// ---------------------------------------------------------------------------

ruleTester.run('no-deep-clone-in-hot-path: propagation', rule, {
  valid: [
    {
      name: 'trap: a cycle with no hot root is not hot',
      code: 'function a(n) { return n > 0 ? b(n - 1) : 0; }\nfunction b(n) { a(n); return structuredClone(n); }\na(3);',
    },
    {
      name: 'trap: a helper called only from module-level start-up code',
      code: "function loadDefaults() {\n  return structuredClone(base);\n}\nconst defaults = loadDefaults();\napp.get('/', (req, res) => res.send(defaults));",
    },
    {
      name: 'trap: a function defined in a handler but never called is not hot',
      code: "app.get('/', (req, res) => {\n  const later = () => structuredClone(req.body);\n  jobs.next = later;\n});",
    },
  ],
  invalid: [
    {
      name: 'through several functions: handler -> a -> b -> c',
      code: "function c(x) {\n  return structuredClone(x);\n}\nconst b = (x) => c(x);\nfunction a(x) {\n  return b(x);\n}\napp.post('/orders', (req, res) => res.json(a(req.body)));",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`c`, called from `b`, called from `a`, called from the `app.post` callback', 'a route handler runs on every request', at(2, 10, 2, 28), [], leaves('returned')),
      ],
    },
    {
      name: 'a long chain shows its first functions and its root',
      code: "function f1(x) { return structuredClone(x); }\nfunction f2(x) { return f1(x); }\nfunction f3(x) { return f2(x); }\nfunction f4(x) { return f3(x); }\nfunction f5(x) { return f4(x); }\nfunction f6(x) { return f5(x); }\nfunction f7(x) { return f6(x); }\napp.get('/', (req, res) => f7(req.body));",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`f1`, called from `f2`, called from `f3`, called from `f4`, … 3 more …, called from the `app.get` callback', 'a route handler runs on every request', at(1, 25, 1, 43), [], leaves('returned')),
      ],
    },
    {
      name: 'through a cycle that a hot function enters',
      code: "function even(n) {\n  return n === 0 ? structuredClone(seed) : odd(n - 1);\n}\nfunction odd(n) {\n  return even(n - 1);\n}\nsocket.on('message', (m) => odd(m.n));",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`even`, called from `odd`, called from the `socket.on` callback', "a `'message'` listener runs on every event", at(2, 20, 2, 41), [], leaves('returned')),
      ],
    },
    {
      name: 'through this.method() in a class and Static.method()',
      code: "class Logger {\n  info(msg, meta) {\n    this.emit(Formatter.format(meta));\n  }\n  emit(r) {\n    return structuredClone(r);\n  }\n}\nclass Formatter {\n  static format(m) {\n    return JSON.parse(JSON.stringify(m));\n  }\n}",
      errors: [
        report('cloneInLogger', 'structuredClone', '`Logger.emit`, called from `Logger.info`', 'a logger method runs on every log line', at(6, 12, 6, 30), [], leaves('returned')),
        report('cloneInLogger', 'JSON.parse(JSON.stringify(…))', '`Formatter.format`, called from `Logger.info`', 'a logger method runs on every log line', at(11, 12, 11, 41), [], leaves('returned')),
      ],
    },
    {
      name: 'a callback created in a hot function, and a helper called in its loop',
      code: "function copy(x) {\n  return structuredClone(x);\n}\napp.get('/', async (req, res) => {\n  for (const id of req.query.ids) copy(id);\n  load().then((rows) => res.json(structuredClone(rows)));\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`copy`, called in a `for…of` loop in the `app.get` callback', 'a route handler runs on every request', at(2, 10, 2, 28), [], leaves('returned')),
        report('cloneInRequestHandler', 'structuredClone', 'the `load(…).then` callback in the `app.get` callback', 'a route handler runs on every request', at(6, 34, 6, 55), [], leaves('passed to `res.json`')),
      ],
    },
    {
      name: 'ignoreLoops: a call in a loop of a hot function still propagates, without the loop',
      code: "function copy(x) {\n  return structuredClone(x);\n}\napp.get('/', (req, res) => {\n  for (const id of req.query.ids) copy(id);\n});",
      options: [{ ignoreLoops: true }],
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`copy`, called from the `app.get` callback', 'a route handler runs on every request', at(2, 10, 2, 28), [], leaves('returned')),
      ],
    },
    {
      name: 'an instance method through `new`, from an iteration callback inside a handler (the handler is the stronger reason)',
      code: "class Cache {\n  get(k) { return structuredClone(this.map.get(k)); }\n}\nconst cache = new Cache();\napp.get('/', (req, res) => res.json(req.body.ids.map((id) => cache.get(id))));",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', '`Cache.get`, called from the `req.body.ids.map` callback in the `app.get` callback', 'a route handler runs on every request', at(2, 19, 2, 51)),
      ],
    },
    {
      name: 'methods of an object assigned to a prototype are named after the class',
      code: "function Logger() {}\nLogger.prototype = {\n  log(m) { return structuredClone(m); },\n};",
      errors: [
        report('cloneInLogger', 'structuredClone', '`Logger.log`', 'a logger method runs on every log line', at(3, 19, 3, 37), [], leaves('returned')),
      ],
    },
    {
      name: 'an object literal method called through the object',
      code: "const util = {\n  snapshot(s) { return structuredClone(s); },\n};\nsetInterval(() => util.snapshot(state), 100);",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`util.snapshot`, called from the `setInterval` callback', 'a `setInterval` callback runs on every tick', at(2, 24, 2, 42), [], leaves('returned')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Suggestions: only for one plain value, with the result used.
// ---------------------------------------------------------------------------

ruleTester.run('no-deep-clone-in-hot-path: suggestions', rule, {
  valid: [],
  invalid: [
    {
      name: 'no suggestion: the clone of a call result, with options, unused, or with a comment',
      code: '/** @hot */\nfunction f(x) {\n  const a = structuredClone(load());\n  const b = structuredClone(x, { transfer: [] });\n  structuredClone(x);\n  return structuredClone(/* keep */ x);\n}',
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(3, 13, 3, 36)),
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(4, 13, 4, 49)),
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(5, 3, 5, 21)),
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(6, 10, 6, 39)),
      ],
    },
    {
      name: 'no suggestion where a leading `(` would continue an unterminated line, or after a function expression',
      code: '/** @hot */\nfunction f(x) {\n  const a = x\n  structuredClone(x).ready = true\n  const g = function () {}\n  structuredClone(x).ready = true\n}',
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(4, 3, 4, 21)),
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(6, 3, 6, 21)),
      ],
    },
    {
      name: 'a statement after a block may start with `(`',
      code: '/** @hot */\nfunction f(x) {\n  if (x) {}\n  structuredClone(x).ready = true\n}',
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(4, 3, 4, 21), [], NOT_PLAIN),
      ],
    },
    {
      name: 'parenthesised where an object literal would start a statement or an arrow body; optional calls replaced whole',
      code: '/** @hot */\nfunction f(x) {\n  structuredClone(x).ready = true;\n  const g = () => structuredClone?.(x.a);\n  g();\n}',
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(3, 3, 3, 21), [], NOT_PLAIN),
        report('cloneInMarkedFunction', 'structuredClone', '`g`, called from `f`', '`f` is marked `@hot`', at(4, 19, 4, 41), [], leaves('returned')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Plain JavaScript (espree), no type information.
// ---------------------------------------------------------------------------

jsRuleTester.run('no-deep-clone-in-hot-path: JavaScript', rule, {
  valid: [
    { name: 'trap: a clone in module-level start-up code', code: "const config = structuredClone(require('./defaults.json'));" },
    { name: 'trap: a shallow copy in a hot path', code: "app.get('/', (req, res) => res.json({ ...req.body, at: Date.now() }));" },
  ],
  invalid: [
    {
      name: 'CommonJS express app and rfdc',
      code: "const express = require('express');\nconst clone = require('rfdc')();\nconst app = express();\napp.get('/', (req, res) => res.json(clone(req.body)));",
      errors: [
        report('cloneInRequestHandler', 'rfdc', 'the `app.get` callback', 'a route handler runs on every request', at(4, 37, 4, 52), [], leaves('passed to `res.json`')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Type information sharpens (loggers through inheritance, aliases and
// contextual types) but is never required: the same code without it is silent.
// ---------------------------------------------------------------------------

const typedCode = "declare class ConsoleLogger { error(m: unknown): void; }\nclass Base extends ConsoleLogger {}\nclass Out extends Base {\n  error(e: unknown) { super.error(structuredClone(e)); }\n}\ninterface AuditLogger { info(m: unknown): void; }\ntype Sink = AuditLogger;\nclass Audit implements Sink {\n  info(m: unknown) { send(structuredClone(m)); }\n}\ndeclare function makeLogger(l: AuditLogger): void;\nmakeLogger({ info(m) { send(structuredClone(m)); } });\ndeclare function send(v: unknown): void;";

ruleTester.run('no-deep-clone-in-hot-path: without type information', rule, {
  valid: [{ name: 'loggers only the type checker can see stay silent without it', code: typedCode }],
  invalid: [],
});

const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: path.join(__dirname, '../fixtures/typed') },
  },
});

typedRuleTester.run('no-deep-clone-in-hot-path: with type information', rule, {
  valid: [],
  invalid: [
    {
      name: 'a logger by inherited base class, by implemented alias, by contextual type',
      code: typedCode,
      errors: [
        report('cloneInLogger', 'structuredClone', '`Out.error`', 'a logger method runs on every log line', at(4, 35, 4, 53), [], leaves('passed to `super.error`')),
        report('cloneInLogger', 'structuredClone', '`Audit.info`', 'a logger method runs on every log line', at(9, 27, 9, 45), [], leaves('passed to `send`')),
        report('cloneInLogger', 'structuredClone', '`info`', 'a logger method runs on every log line', at(12, 29, 12, 47), [], leaves('passed to `send`')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Meta, configuration errors, the cheap first check.
// ---------------------------------------------------------------------------

describe('no-deep-clone-in-hot-path: meta and configuration', () => {
  it('is a problem rule with suggestions and no autofix, in recommended (warn) and strict (error)', () => {
    expect(ruleModule.meta.type).toBe('problem');
    expect(ruleModule.meta.hasSuggestions).toBe(true);
    expect(ruleModule.meta.fixable).toBeUndefined();
    expect(ruleModule.meta.docs?.recommended).toBe('warn');
    expect(ruleModule.meta.docs?.strict).toBe('error');
    expect(ruleModule.meta.docs?.strictOptions).toEqual({ loops: 'async' });
    expect(ruleModule.meta.defaultOptions).toEqual([{ loops: 'hot-code', ignoreLoops: false, hotFunctions: [], cloneFunctions: [] }]);
  });

  it('is in the plugin and its recommended, strict and all configs', () => {
    expect(plugin.rules['no-deep-clone-in-hot-path']).toBe(ruleModule);
    expect(plugin.configs.recommended.rules?.['resilience/no-deep-clone-in-hot-path']).toBe('warn');
    expect(plugin.configs.strict.rules?.['resilience/no-deep-clone-in-hot-path']).toEqual(['error', { loops: 'async' }]);
    expect(plugin.configs.all.rules?.['resilience/no-deep-clone-in-hot-path']).toEqual(['error', { loops: 'async' }]);
  });

  it('describes every option property', () => {
    const schema = (ruleModule.meta.schema as unknown as { properties: Record<string, { description?: string }>; additionalProperties: boolean }[])[0]!;
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(['cloneFunctions', 'hotFunctions', 'ignoreLoops', 'loops']);
    for (const property of Object.values(schema.properties)) expect(property.description).toMatch(/\S/);
  });

  it('names the option when a pattern is invalid', () => {
    const linter = new Linter({ configType: 'flat' });
    const lint = () =>
      linter.verify('structuredClone(x);', {
        plugins: { resilience: { rules: { 'no-deep-clone-in-hot-path': ruleModule as never } } },
        rules: { 'resilience/no-deep-clone-in-hot-path': ['warn', { hotFunctions: ['a..b'] }] },
      });
    expect(lint).toThrow(/options of resilience\/no-deep-clone-in-hot-path\.hotFunctions\[0\] must be a dotted name pattern/);
  });

  it('reports invalid settings once at 1:1 and checks nothing else on the file', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify("app.get('/a', (req, res) => res.json(structuredClone(req.body)));", {
      plugins: { resilience: { rules: { 'no-deep-clone-in-hot-path': ruleModule as never } } },
      rules: { 'resilience/no-deep-clone-in-hot-path': 'warn' },
      settings: { resilience: { hotFunctions: 'handle' } },
    });
    // ESLint 9 adds `nodeType: null`; every other field is compared exactly.
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: 'resilience/no-deep-clone-in-hot-path',
        severity: 1,
        message:
          'eslint-plugin-resilience: settings.resilience.hotFunctions must be an array of strings (got the string "handle"). The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        messageId: 'invalidSettings',
      }),
    ]);
  });

  it('skips files that cannot contain a clone, unless a configured name appears', () => {
    expect(mayContainClone('const a = 1;\nfunction f() { return a; }', [])).toBe(false);
    expect(mayContainClone('const a = structuredClone(b);', [])).toBe(true);
    expect(mayContainClone('deepCopyOf(x)', [['utils', 'deepCopyOf']])).toBe(true);
    expect(mayContainClone('deepCopyOf(x)', [['*']])).toBe(true);
    expect(mayContainClone('other(x)', [['utils', 'deepCopyOf']])).toBe(false);
    // Pairs: a round trip needs both names, a `copy` clone its module or `angular`.
    expect(mayContainClone('log(JSON.stringify(event));', [])).toBe(false);
    expect(mayContainClone('const { parse, stringify } = JSON;\nconst c = parse(stringify(x));', [])).toBe(true);
    expect(mayContainClone('// copy the buffer\nbuf.set(src);', [])).toBe(false);
    expect(mayContainClone("import copy from 'fast-copy';", [])).toBe(true);
    expect(mayContainClone('const c = angular.copy(x);', [])).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Causes of false positives on real code (issue 12): run-once guards, copies
// of default values, reasons that travel through timers.
// ---------------------------------------------------------------------------

ruleTester.run('no-deep-clone-in-hot-path: run-once guards, defaults, timers', rule, {
  valid: [
    {
      name: 'trap: a run-once guard on a property, a module variable, ??= and x = x || …',
      code: "let initial;\nlet shared;\napp.get('/', (req, res) => {\n  if (!this.original) this.original = structuredClone(req.body);\n  if (!initial) {\n    first = true;\n    initial = JSON.parse(JSON.stringify(req.body));\n  }\n  if (req.node._wires === undefined && ready) req.node._wires = structuredClone(req.node.wires);\n  res.locals.copy ??= structuredClone(req.body);\n  shared = shared || structuredClone(req.body);\n});",
    },
    {
      name: 'trap: a guard on a property of something from outside the hot function (a parameter of the installing function) or below a per-request object still runs once',
      code: "export function install(app, cache) {\n  app.use((req, res, next) => {\n    if (!cache.snapshot) cache.snapshot = { body: structuredClone(defaults) };\n    if (!req.app.settingsCopy) req.app.settingsCopy = structuredClone(req.app.settings);\n    next();\n  });\n}",
    },
    {
      name: 'trap: each created object gets its own copy of a mutable default value',
      code: "app.post('/nodes', (req, res) => {\n  const node = {};\n  for (const d in def.defaults) node[d] = JSON.parse(JSON.stringify(def.defaults[d].value));\n  node.options = structuredClone(DEFAULT_OPTIONS);\n  node.style = structuredClone(this.defaultStyle);\n  res.json(node);\n});",
    },
    {
      name: 'trap: a reason does not travel through two timer callbacks',
      code: "function save(x) {\n  return structuredClone(x);\n}\nfunction later(x) {\n  setTimeout(() => save(x), 1000);\n}\nsocket.on('message', (m) => setImmediate(() => later(m)));",
    },
  ],
  invalid: [
    {
      name: 'a guard on a local variable guards nothing: the clone runs on every call',
      code: "app.get('/', (req, res) => {\n  let copy;\n  if (!copy) copy = structuredClone(req.body);\n  res.json(copy);\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', 'the `app.get` callback', 'a route handler runs on every request', at(3, 21, 3, 46), [], leaves('passed to `res.json`')),
      ],
    },
    {
      name: 'a guard on another value, and a value that is not a default, are still hot',
      code: "app.get('/', (req, res) => {\n  if (!ready) this.original = structuredClone(req.body);\n  res.json(structuredClone(def.values));\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', 'the `app.get` callback', 'a route handler runs on every request', at(2, 31, 2, 56), [], leaves('stored in `this.original`')),
        report('cloneInRequestHandler', 'structuredClone', 'the `app.get` callback', 'a route handler runs on every request', at(3, 12, 3, 39), [], leaves('passed to `res.json`')),
      ],
    },
    {
      name: "a guard on a property of the hot function's parameter or loop variable runs once per request or item, not once",
      code: "app.use((req, res, next) => {\n  if (!req.snapshot) req.snapshot = { body: structuredClone(req.body), query: structuredClone(req.query) };\n  if (!req.copy) req.copy = structuredClone(req.body);\n  next();\n});\napp.post('/items', (req, res) => {\n  for (const item of req.body.items) {\n    if (!item.orig) item.orig = { data: structuredClone(item.data) };\n  }\n  res.end();\n});",
      errors: [
        report('cloneInRequestHandler', 'structuredClone', 'the `app.use` callback', 'middleware runs on every request', at(2, 45, 2, 70), [], leaves('stored in `req.snapshot`')),
        report('cloneInRequestHandler', 'structuredClone', 'the `app.use` callback', 'middleware runs on every request', at(2, 79, 2, 105), [], leaves('stored in `req.snapshot`')),
        report('cloneInRequestHandler', 'structuredClone', 'the `app.use` callback', 'middleware runs on every request', at(3, 29, 3, 54), [], leaves('stored in `req.copy`')),
        report('cloneInRequestHandler', 'structuredClone', 'the `app.post` callback', 'a route handler runs on every request', at(8, 41, 8, 67), [], leaves('stored in `item.orig`')),
      ],
    },
    {
      name: 'one timer hop is followed, and shown even in a long chain',
      code: "function f1(x) { return structuredClone(x); }\nfunction f2(x) { return f1(x); }\nfunction f3(x) { return f2(x); }\nfunction f4(x) { return f3(x); }\nfunction f5(x) { setTimeout(f4, 0, x); }\nfunction f6(x) { return f5(x); }\nfunction f7(x) { return f6(x); }\nsocket.on('data', (d) => f7(d));",
      errors: [
        report('cloneInEventHandler', 'structuredClone', '`f1`, called from `f2`, called from `f3`, called from `f4`, passed to `setTimeout` in `f5`, … 2 more …, called from the `socket.on` callback', "a `'data'` listener runs on every event", at(1, 25, 1, 43), [], leaves('returned')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// A hook's initial argument (`useRef(init)`, `useState(init)`,
// `useReducer(reducer, init)`) is built on every render and kept only on the
// first: all the clones in it are one problem with one fix (issue 12).
// ---------------------------------------------------------------------------

const groupedReason = (hook: string, count: number) =>
  `a hook body runs on every render; the initial value passed to \`${hook}\` holds ${count} deep clones, all made on every render and kept only on the first`;

ruleTester.run('no-deep-clone-in-hot-path: the clones of one hook initial argument', rule, {
  valid: [
    {
      name: 'trap: a ref filled once (the fix) is a run-once guard, also for clones inside the value it builds',
      code: 'function useForm(props) {\n  const ref = useRef(null);\n  if (ref.current === null) ref.current = { values: structuredClone(props.initialValues), errors: structuredClone(props.initialErrors) || {} };\n  return ref.current;\n}',
    },
  ],
  invalid: [
    {
      name: 'the clones in one useRef initial argument are one report, at the first, naming how many',
      code: 'function useForm(props) {\n  const ref = useRef({\n    values: structuredClone(props.initialValues),\n    errors: structuredClone(props.initialErrors) || {},\n    touched: structuredClone(props.initialTouched),\n    submitCount: 0,\n  });\n  return ref.current;\n}',
      errors: [report('cloneInRender', 'structuredClone', '`useForm`', groupedReason('useRef', 3), at(3, 13, 3, 49), [], leaves('passed to `useRef`'))],
    },
    {
      name: 'useState and useReducer initial arguments group the same way; a lazy initialiser inside does not count',
      code: 'function useDraft(props) {\n  const [draft] = useState([structuredClone(props.a), structuredClone(props.b)]);\n  const [s] = useReducer(reduce, { x: structuredClone(props.x), y: structuredClone(props.y) });\n  const [t] = useState(() => structuredClone(props.t));\n  return [draft, s, t];\n}',
      errors: [
        report('cloneInRender', 'structuredClone', '`useDraft`', groupedReason('useState', 2), at(2, 29, 2, 53), [], leaves('passed to `useState`')),
        report('cloneInRender', 'structuredClone', '`useDraft`', groupedReason('useReducer', 2), at(3, 39, 3, 63), [], leaves('passed to `useReducer`')),
      ],
    },
    {
      name: 'twin: one clone per hook argument, and a clone outside any initial argument, are each reported as before',
      code: 'function useForm(props) {\n  const ref = useRef(structuredClone(props.initialValues));\n  const [errors] = useState(structuredClone(props.initialErrors));\n  const seen = structuredClone(props.seen);\n  return [ref, errors, seen];\n}',
      errors: [
        report('cloneInRender', 'structuredClone', '`useForm`', 'a hook body runs on every render', at(2, 22, 2, 58), [], leaves('passed to `useRef`')),
        report('cloneInRender', 'structuredClone', '`useForm`', 'a hook body runs on every render', at(3, 29, 3, 65), [], leaves('passed to `useState`')),
        report('cloneInRender', 'structuredClone', '`useForm`', 'a hook body runs on every render', at(4, 16, 4, 43), [], leaves('returned')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// A deep copy written in the file (recognised by its shape: a fresh container
// filled by calling itself on the argument's members), and a store's
// subscribers, which run on every state change (issue 12: vuex's logger).
// ---------------------------------------------------------------------------

const localCopy = (name: string) => ` No quick fix: \`${name}\` is written in this file and may do more than copy (skip, convert or share some values), so no shallow copy is offered for it.`;

const LOGGER_PLUGIN =
  "function deepCopy(obj) {\n  if (obj === null || typeof obj !== 'object') return obj;\n  const copy = Array.isArray(obj) ? [] : {};\n  Object.keys(obj).forEach((key) => {\n    copy[key] = deepCopy(obj[key]);\n  });\n  return copy;\n}\nexport function createLogger() {\n  return (store) => {\n    let prevState = deepCopy(store.state);\n    store.subscribe((mutation, state) => {\n      const nextState = deepCopy(state);\n      console.log(mutation.type, prevState, nextState);\n      prevState = nextState;\n    });\n  };\n}";

ruleTester.run('no-deep-clone-in-hot-path: local recursive copies and store subscribers', rule, {
  valid: [
    {
      name: 'trap: a local function named deepCopy that copies one level, and a merge into its own parameter, are not deep clones',
      code: "function deepCopy(o) {\n  const c = {};\n  for (const k in o) c[k] = o[k];\n  return c;\n}\nfunction merge(target, source) {\n  for (const k in source) target[k] = typeof source[k] === 'object' ? merge(target[k] || {}, source[k]) : source[k];\n  return target;\n}\napp.post('/', (req, res) => {\n  res.json(merge(deepCopy(req.body), req.query));\n});",
    },
    {
      name: 'trap: subscribe on something not named a store, and the copy made once when the plugin is installed',
      code: "function deepCopy(obj) {\n  const copy = {};\n  for (const k in obj) copy[k] = typeof obj[k] === 'object' ? deepCopy(obj[k]) : obj[k];\n  return copy;\n}\nexport function plugin(store, channel) {\n  const initial = deepCopy(store.state);\n  channel.subscribe((message) => handle(deepCopy(message), initial));\n}",
    },
    {
      name: 'trap: a path copy (pre-filled, one key), a key transform, a depth limit, a key filter and a pre-filled spread are not whole deep copies',
      code: [
        'function setIn(obj, path, v) {',
        '  const [k, ...rest] = path;',
        '  const copy = Array.isArray(obj) ? [] : {};',
        '  Object.assign(copy, obj);',
        '  copy[k] = rest.length ? setIn(obj[k], rest, v) : v;',
        '  return copy;',
        '}',
        'function todosReducer(state, action) {',
        '  return setIn(state, action.path, action.value);',
        '}',
        'function camelizeKeys(obj) {',
        "  if (obj === null || typeof obj !== 'object') return obj;",
        '  const out = {};',
        '  for (const k of Object.keys(obj)) out[camelCase(k)] = camelizeKeys(obj[k]);',
        '  return out;',
        '}',
        "app.get('/users', (req, res) => res.json(camelizeKeys(rows)));",
        'function redact(obj, depth) {',
        "  if (obj === null || typeof obj !== 'object') return obj;",
        '  const out = {};',
        "  for (const k in obj) out[k] = depth < 3 ? redact(obj[k], depth + 1) : '[…]';",
        '  return out;',
        '}',
        'function hideSecrets(obj) {',
        '  const out = {};',
        '  for (const k in obj) {',
        "    if (k === 'password') continue;",
        "    out[k] = typeof obj[k] === 'object' ? hideSecrets(obj[k]) : obj[k];",
        '  }',
        '  return out;',
        '}',
        'function overlay(obj) {',
        '  const out = { ...obj };',
        "  Object.keys(obj).forEach((k) => { out[k] = typeof obj[k] === 'object' ? overlay(obj[k]) : obj[k]; });",
        '  return out;',
        '}',
        'class AppLogger {',
        '  info(msg, meta) {',
        '    console.log(msg, redact(meta, 0), hideSecrets(meta), overlay(meta));',
        '  }',
        '}',
      ].join('\n'),
    },
    {
      name: 'trap: a recursion under a test of something besides the member (a variable of the file, a call other than Array.isArray, a function) is not a whole deep copy',
      code: [
        'let depthLeft = 3;',
        'function limited(obj) {',
        '  const out = {};',
        '  for (const k in obj) out[k] = depthLeft > 0 ? limited(obj[k]) : obj[k];',
        '  return out;',
        '}',
        'function plainOnly(obj) {',
        '  const out = {};',
        '  for (const k in obj) out[k] = isPlainObject(obj[k]) ? plainOnly(obj[k]) : obj[k];',
        '  return out;',
        '}',
        'function guarded(obj) {',
        '  const out = {};',
        "  for (const k in obj) out[k] = typeof obj[k] === 'object' && typeof (() => obj[k]) === 'function' ? guarded(obj[k]) : obj[k];",
        '  return out;',
        '}',
        'class AppLogger {',
        '  info(msg, meta) {',
        '    console.log(msg, limited(meta), plainOnly(meta), guarded(meta));',
        '  }',
        '}',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: "a logger plugin's store subscriber deep-copies the whole state through a local recursive copy on every mutation",
      code: LOGGER_PLUGIN,
      errors: [report('cloneInEventHandler', '`deepCopy`, a recursive copy', 'the `store.subscribe` callback', 'a store `subscribe` listener runs on every state change', at(13, 25, 13, 40), [], localCopy('deepCopy'))],
    },
    {
      name: 'twin: a recursive copy through a conditional, called per request and per dispatched action',
      code: "function clone(o) {\n  var out = {};\n  for (var k in o) out[k] = typeof o[k] === 'object' ? clone(o[k]) : o[k];\n  return out;\n}\napp.post('/', (req, res) => res.json(clone(req.body)));\nappStore.subscribeAction((action) => audit(clone(action)));",
      errors: [
        report('cloneInRequestHandler', '`clone`, a recursive copy', 'the `app.post` callback', 'a route handler runs on every request', at(6, 38, 6, 53), [], localCopy('clone')),
        report('cloneInEventHandler', '`clone`, a recursive copy', 'the `appStore.subscribeAction` callback', 'a store `subscribeAction` listener runs on every dispatched action', at(7, 44, 7, 57), [], localCopy('clone')),
      ],
    },
    {
      name: 'a store listener that clones only under a test of the mutation or action type is still reported, and the reason says so; another test does not narrow it',
      code: "store.subscribe((mutation, state) => {\n  if (mutation.type === 'SAVE') persist(structuredClone(state));\n  if (state.dirty) persist(structuredClone(state));\n});\nstore.subscribeAction((action) => {\n  if ('cart/add' === action.type && ready) audit(structuredClone(action.payload));\n});",
      errors: [
        report('cloneInEventHandler', 'structuredClone', 'the `store.subscribe` callback', 'a store `subscribe` listener runs on every state change; this clone runs only on state changes of the type `mutation.type` is tested for', at(2, 41, 2, 63), [], leaves('passed to `persist`')),
        report('cloneInEventHandler', 'structuredClone', 'the `store.subscribe` callback', 'a store `subscribe` listener runs on every state change', at(3, 28, 3, 50), [], leaves('passed to `persist`')),
        report('cloneInEventHandler', 'structuredClone', 'the `store.subscribeAction` callback', 'a store `subscribeAction` listener runs on every dispatched action; this clone runs only on dispatched actions of the type `action.type` is tested for', at(6, 50, 6, 81), [], leaves('passed to `audit`')),
      ],
    },
    {
      name: 'twin: whole copies keyed by every key of the parameter (an index loop, an own-key filter, Object.keys in for…of, a cache passed on unchanged) are recognised',
      code: [
        'function cloneList(list) {',
        '  const out = [];',
        '  for (let i = 0; i < list.length; i++) out[i] = Array.isArray(list[i]) ? cloneList(list[i]) : list[i];',
        '  return out;',
        '}',
        'function copyOwn(obj, seen = new WeakMap()) {',
        '  const copy = {};',
        '  seen.set(obj, copy);',
        '  for (var k in obj) {',
        "    if (Object.prototype.hasOwnProperty.call(obj, k)) copy[k] = obj[k] && typeof obj[k] === 'object' ? copyOwn(obj[k], seen) : obj[k];",
        '  }',
        '  return copy;',
        '}',
        'function copyKeys(obj) {',
        '  const copy = {};',
        "  for (const k of Object.keys(obj)) copy[k] = typeof obj[k] === 'object' ? copyKeys(obj[k]) : obj[k];",
        '  return copy;',
        '}',
        'class AppLogger {',
        '  info(msg, meta) {',
        '    console.log(msg, cloneList(meta.tags), copyOwn(meta), copyKeys(meta.extra));',
        '  }',
        '}',
      ].join('\n'),
      errors: [
        report('cloneInLogger', '`cloneList`, a recursive copy', '`AppLogger.info`', 'a logger method runs on every log line', at(21, 22, 21, 42), [], localCopy('cloneList')),
        report('cloneInLogger', '`copyOwn`, a recursive copy', '`AppLogger.info`', 'a logger method runs on every log line', at(21, 44, 21, 57), [], localCopy('copyOwn')),
        report('cloneInLogger', '`copyKeys`, a recursive copy', '`AppLogger.info`', 'a logger method runs on every log line', at(21, 59, 21, 79), [], localCopy('copyKeys')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// The shallow copy is offered only when the copy is not changed below its
// top level in the same function (issue 13).
// ---------------------------------------------------------------------------

const changed = (text: string) => ` No quick fix: the copy is changed below its top level (\`${text}\`), so a shallow copy would change the original too.`;

ruleTester.run('no-deep-clone-in-hot-path: no shallow copy of a copy changed below its top level', rule, {
  valid: [],
  invalid: [
    {
      name: 'a reducer that pushes to a nested array, deletes a nested key, or assigns below the top level',
      code: "function todosReducer(state, action) {\n  const next = JSON.parse(JSON.stringify(state));\n  next.items.push(action.item);\n  return next;\n}\nfunction schemaReducer(state) {\n  const copy = structuredClone(state);\n  delete copy.properties.x;\n  return copy;\n}\nfunction deepReducer(state) {\n  let copy;\n  copy = structuredClone(state);\n  copy.a.b[0] = 1;\n  return copy;\n}",
      errors: [
        report('cloneInReducer', 'JSON.parse(JSON.stringify(…))', '`todosReducer`', 'a reducer runs on every dispatched action', at(2, 16, 2, 49), [], changed('next.items.push(…)')),
        report('cloneInReducer', 'structuredClone', '`schemaReducer`', 'a reducer runs on every dispatched action', at(7, 16, 7, 38), [], changed('delete copy.properties.x')),
        report('cloneInReducer', 'structuredClone', '`deepReducer`', 'a reducer runs on every dispatched action', at(13, 10, 13, 32), [], changed('copy.a.b[0] = …')),
      ],
    },
    {
      name: 'a nested part changed through a mutating call or an alias',
      code: "function aReducer(state, action) {\n  const copy = structuredClone(state);\n  Object.assign(copy.meta, action.meta);\n  return copy;\n}\nfunction bReducer(state, action) {\n  const copy = structuredClone(state);\n  const { items } = copy;\n  items.splice(0, 1);\n  return copy;\n}\nfunction cReducer(state, action) {\n  const copy = structuredClone(state);\n  const list = copy.lists.open;\n  list.sort();\n  return copy;\n}",
      errors: [
        report('cloneInReducer', 'structuredClone', '`aReducer`', 'a reducer runs on every dispatched action', at(2, 16, 2, 38), [], changed('Object.assign(copy.meta, …)')),
        report('cloneInReducer', 'structuredClone', '`bReducer`', 'a reducer runs on every dispatched action', at(7, 16, 7, 38), [], changed('items.splice(…)')),
        report('cloneInReducer', 'structuredClone', '`cReducer`', 'a reducer runs on every dispatched action', at(13, 16, 13, 38), [], changed('list.sort(…)')),
      ],
    },
    {
      name: 'changes at the top level are not changes below it; the returned copy still leaves the function',
      code: "function todosReducer(state, action) {\n  const next = structuredClone(state);\n  next.items = [...next.items, action.item];\n  delete next.draft;\n  Object.assign(next, action.patch);\n  return next;\n}",
      errors: [
        report('cloneInReducer', 'structuredClone', '`todosReducer`', 'a reducer runs on every dispatched action', at(2, 16, 2, 38), [], leaves('returned')),
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// The shallow-copy suggestion is offered only when the copy's nested objects are not changed in the same function.
// ---------------------------------------------------------------------------

const handler = (body: string) => `export function track(req, res, next) {\n  const copy = structuredClone(req.body);\n${body}\n}`;
const handlerReport = (suggestions: { source: string; output: string }[], noFix?: string) =>
  report('cloneInRequestHandler', 'structuredClone', '`track`', 'a `(req, res, next)` handler runs on every request', at(2, 16, 2, 41), suggestions, noFix);

ruleTester.run('no-deep-clone-in-hot-path: shallow copy keeps nested objects unshared', rule, {
  valid: [],
  invalid: [
    { name: 'a nested array of the copy gets a push', code: handler('  copy.items.push(1);'), errors: [handlerReport([], changed('copy.items.push(…)'))] },
    { name: 'a nested property is deleted', code: handler('  delete copy.properties.x;'), errors: [handlerReport([], changed('delete copy.properties.x'))] },
    { name: 'a nested property is assigned', code: handler('  copy.a.b = 1;'), errors: [handlerReport([], changed('copy.a.b = …'))] },
    { name: 'a nested counter is updated', code: handler('  copy.stats.count++;'), errors: [handlerReport([], changed('copy.stats.count++'))] },
    { name: 'an alias of a nested array is sorted', code: handler('  const items = copy.items;\n  items.sort();'), errors: [handlerReport([], changed('items.sort(…)'))] },
    // These three were refused without a reason before the two checks became one (issue 13): now the message says why.
    { name: 'an alias of the copy changes a nested object', code: handler('  const same = copy;\n  same.meta.seen = true;'), errors: [handlerReport([], changed('same.meta.seen = …'))] },
    { name: 'for...of over a nested array changes its elements', code: handler('  for (const item of copy.list) item.done = true;'), errors: [handlerReport([], changed('item.done = …'))] },
    { name: 'a forEach callback changes the elements', code: handler('  copy.list.forEach((item) => {\n    item.done = true;\n  });'), errors: [handlerReport([], changed('item.done = …'))] },
    // Cases only one of the two former checks saw.
    { name: 'an alias of the copy pushes to a nested array', code: handler('  let same;\n  same = copy;\n  same.items.push(1);'), errors: [handlerReport([], changed('same.items.push(…)'))] },
    { name: 'a reduce callback changes the elements', code: handler('  copy.list.reduce((n, item) => {\n    item.seen = true;\n    return n + 1;\n  }, 0);'), errors: [handlerReport([], changed('item.seen = …'))] },
    { name: 'a for...of over the copy changes a nested array', code: handler('  for (const row of copy.rows) row.cells.push(0);'), errors: [handlerReport([], changed('row.cells.push(…)'))] },
    { name: 'a nested Date is changed by a setter', code: handler('  copy.createdAt.setHours(0);'), errors: [handlerReport([], changed('copy.createdAt.setHours(…)'))] },
    { name: 'a destructured nested array is changed', code: handler('  const { items } = copy;\n  items.splice(0, 1);'), errors: [handlerReport([], changed('items.splice(…)'))] },
    { name: 'a renamed destructured nested object is assigned', code: handler('  const { meta: m } = copy;\n  m.seen = true;'), errors: [handlerReport([], changed('m.seen = …'))] },
    { name: 'an alias two levels deep is changed', code: handler('  const lists = copy.lists;\n  const open = lists.open;\n  open.reverse();'), errors: [handlerReport([], changed('open.reverse(…)'))] },
    { name: 'a nested change after `as` and `await` around the clone', code: 'export async function track(req, res, next) {\n  const copy = (await structuredClone(req.body)) as Body;\n  copy.meta.seen = true;\n}', errors: [report('cloneInRequestHandler', 'structuredClone', '`track`', 'a `(req, res, next)` handler runs on every request', at(2, 23, 2, 48), [], changed('copy.meta.seen = …'))] },
    { name: 'a long change is named generically', code: handler('  copy.aVeryLongPropertyName.anotherVeryLongPropertyName.x = 1;'), errors: [handlerReport([], changed('a nested property'))] },
    { name: 'Object.assign into a nested object', code: handler('  Object.assign(copy.meta, { seen: true });'), errors: [handlerReport([], changed('Object.assign(copy.meta, …)'))] },
    {
      name: 'a destructured rest object and an alias of the copy changed only at their own top level: no nested change, but a part is passed on',
      code: handler('  const { a, ...rest } = copy;\n  rest.b = 1;\n  const same = copy;\n  same.c = 2;\n  const first = copy.items;\n  res.json([a, first.length]);'),
      errors: [handlerReport([], leaves('passed to `res.json`'))],
    },
    {
      name: 'a destructured rest object changed below its own top level',
      code: handler('  const { a, ...rest } = copy;\n  rest.b.c = 1;'),
      errors: [handlerReport([], changed('rest.b.c = …'))],
    },
    {
      name: 'only the top level changes, but a part of the copy is passed on',
      code: handler('  copy.a = 1;\n  delete copy.b;\n  res.json(copy.items.map((item) => item.id));'),
      errors: [handlerReport([], leaves('passed to `res.json`'))],
    },
  ],
});

// ---------------------------------------------------------------------------
// The shallow copy is offered only for a value known to be a plain object or
// an array, and only when the copy stays in its function (issue 13: a cache's
// `get`/`set`, a query matcher and a form's state had it wrongly).
// ---------------------------------------------------------------------------

const hot = (body: string) => `/** @hot */\nfunction f(a, rows, state, text) {\n${body}\n}`;
const originalChanged = (text: string) => ` No quick fix: the original is changed below its top level (\`${text}\`), and a shallow copy would see that change.`;
const originalLeaves = (how: string) => ` No quick fix: the original leaves its function (${how}), where changes below its top level that a shallow copy would see cannot be checked.`;
const hotReport = (line: number, column: number, clone: string, suggestions: { source: string; output: string }[] = [], noFix = '') =>
  report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(line, column, line, column + clone.length), suggestions, noFix);

ruleTester.run('no-deep-clone-in-hot-path: shallow copy only of a known plain value that stays in its function', rule, {
  valid: [],
  invalid: [
    {
      name: 'an object literal copied, changed at its top level and only read (JSON.stringify, console.log): `{ ...base }`',
      code: hot('  const base = { id: a, tags: [] };\n  const copy = structuredClone(base);\n  copy.id = 2;\n  console.log(JSON.stringify(copy), copy.tags.length);'),
      errors: [
        hotReport(4, 16, 'structuredClone(base)', [
          { source: 'base', output: hot('  const base = { id: a, tags: [] };\n  const copy = { ...base };\n  copy.id = 2;\n  console.log(JSON.stringify(copy), copy.tags.length);') },
        ]),
      ],
    },
    {
      name: 'Object.assign({}, …) and a `let` only ever assigned object literals are plain objects; a local map over the copy stays local',
      code: hot('  let base = Object.assign({}, state);\n  if (a) base = { id: a };\n  const copy = structuredClone(base);\n  const ids = Object.values(copy).map((v) => v.id);\n  console.log(ids.length);'),
      errors: [
        hotReport(5, 16, 'structuredClone(base)', [
          {
            source: 'base',
            output: hot('  let base = Object.assign({}, state);\n  if (a) base = { id: a };\n  const copy = { ...base };\n  const ids = Object.values(copy).map((v) => v.id);\n  console.log(ids.length);'),
          },
        ]),
      ],
    },
    {
      name: 'unknown values: a parameter, a JSON.parse result (JSON can be an array or a primitive), a `let` assigned a call result, a property path',
      code: hot('  const c1 = structuredClone(state);\n  c1.seen = true;\n  const data = JSON.parse(text);\n  const c2 = structuredClone(data);\n  c2.seen = true;\n  let base = {};\n  base = load();\n  const c3 = structuredClone(base);\n  c3.seen = true;\n  const c4 = structuredClone(state.user);\n  c4.seen = true;'),
      errors: [
        hotReport(3, 14, 'structuredClone(state)', [], NOT_PLAIN),
        hotReport(6, 14, 'structuredClone(data)', [], NOT_PLAIN),
        hotReport(10, 14, 'structuredClone(base)', [], NOT_PLAIN),
        hotReport(12, 14, 'structuredClone(state.user)', [], NOT_PLAIN),
      ],
    },
    {
      name: 'an object literal whose prototype is set, or with an accessor or a `__proto__` key, is not a plain object',
      code: hot('  const base = { id: a };\n  base.__proto__ = state;\n  const c1 = structuredClone(base);\n  c1.seen = true;\n  const lazy = { get id() { return a; } };\n  const c2 = structuredClone(lazy);\n  c2.seen = true;\n  const proto = { __proto__: state };\n  const c3 = structuredClone(proto);\n  c3.seen = true;'),
      errors: [hotReport(5, 14, 'structuredClone(base)', [], NOT_PLAIN), hotReport(8, 14, 'structuredClone(lazy)', [], NOT_PLAIN), hotReport(11, 14, 'structuredClone(proto)', [], NOT_PLAIN)],
    },
    {
      name: 'a returned copy, and a part of it returned in a new object or from a closure',
      code: hot('  const base = { id: a, tags: [] };\n  const c1 = structuredClone(base);\n  if (a) return c1;\n  const c2 = structuredClone(base);\n  if (rows) return { tags: c2.tags };\n  const c3 = structuredClone(base);\n  return () => c3;'),
      errors: [
        hotReport(4, 14, 'structuredClone(base)', [], leaves('returned')),
        hotReport(6, 14, 'structuredClone(base)', [], leaves('returned')),
        hotReport(8, 14, 'structuredClone(base)', [], leaves('returned')),
      ],
    },
    {
      name: 'a stored copy: in a member, in an outer variable, through a local alias',
      code: `let latest;\n${hot('  const base = { id: a, tags: [] };\n  this.last = structuredClone(base);\n  latest = structuredClone(base);\n  const c3 = structuredClone(base);\n  const alias = c3;\n  state.tags = alias.tags;')}`,
      errors: [
        hotReport(5, 15, 'structuredClone(base)', [], leaves('stored in `this.last`')),
        hotReport(6, 12, 'structuredClone(base)', [], leaves('stored in `latest`')),
        hotReport(7, 14, 'structuredClone(base)', [], leaves('stored in `state.tags`')),
      ],
    },
    {
      name: 'a passed copy: to a function, to a logger method (it may keep it), from a timer callback, as a spread argument',
      code: hot('  const base = { id: a, tags: [] };\n  save(structuredClone(base));\n  logger.info(structuredClone(base));\n  const c3 = structuredClone(base);\n  setTimeout(() => send(c3.tags));\n  const c4 = structuredClone(base);\n  emit(...Object.values(c4));'),
      errors: [
        hotReport(4, 8, 'structuredClone(base)', [], leaves('passed to `save`')),
        hotReport(5, 15, 'structuredClone(base)', [], leaves('passed to `logger.info`')),
        hotReport(6, 14, 'structuredClone(base)', [], leaves('passed to `send`')),
        hotReport(8, 14, 'structuredClone(base)', [], leaves('passed to `emit`')),
      ],
    },
    {
      name: 'the original changed below its top level or passed on: the deep clone was also a snapshot',
      code: hot('  const base = { id: a, tags: [] };\n  const c1 = structuredClone(base);\n  base.tags.push(a);\n  console.log(c1.tags.length);\n  const other = { id: a, tags: [] };\n  const c2 = structuredClone(other);\n  save(other);\n  console.log(c2.tags.length);'),
      errors: [
        hotReport(4, 14, 'structuredClone(base)', [], originalChanged('base.tags.push(…)')),
        hotReport(8, 14, 'structuredClone(other)', [], originalLeaves('passed to `save`')),
      ],
    },
    {
      name: 'a yielded and a thrown copy',
      code: '/** @hot */\nfunction* f(a) {\n  const base = { id: a };\n  yield structuredClone(base);\n  throw structuredClone(base);\n}',
      errors: [
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(4, 9, 4, 30), [], leaves('yielded')),
        report('cloneInMarkedFunction', 'structuredClone', '`f`', '`f` is marked `@hot`', at(5, 9, 5, 30), [], leaves('thrown')),
      ],
    },
  ],
});

ruleTester.run('no-deep-clone-in-hot-path: an array copy is `[...x]`', rule, {
  valid: [],
  invalid: [
    {
      name: 'an array literal and an Array.from result, sorted and read locally: `[...ids]`',
      code: hot('  const ids = Array.from(rows, (r) => r.id);\n  const copy = structuredClone(ids);\n  copy.sort();\n  console.log(copy.join(","));\n  const list = [a, state];\n  const second = structuredClone(list);\n  second.reverse();\n  console.log(second.length);'),
      errors: [
        {
          ...hotReport(4, 16, 'structuredClone(ids)'),
          suggestions: [
            {
              messageId: 'replaceWithArrayCopy' as const,
              data: { source: 'ids' },
              output: hot('  const ids = Array.from(rows, (r) => r.id);\n  const copy = [...ids];\n  copy.sort();\n  console.log(copy.join(","));\n  const list = [a, state];\n  const second = structuredClone(list);\n  second.reverse();\n  console.log(second.length);'),
            },
          ],
        },
        {
          ...hotReport(8, 18, 'structuredClone(list)'),
          suggestions: [
            {
              messageId: 'replaceWithArrayCopy' as const,
              data: { source: 'list' },
              output: hot('  const ids = Array.from(rows, (r) => r.id);\n  const copy = structuredClone(ids);\n  copy.sort();\n  console.log(copy.join(","));\n  const list = [a, state];\n  const second = [...list];\n  second.reverse();\n  console.log(second.length);'),
            },
          ],
        },
      ],
    },
    {
      name: 'an array copy whose element is changed, or that is returned, gets no suggestion',
      code: hot('  const list = [{ done: false }];\n  const c1 = structuredClone(list);\n  c1[0].done = true;\n  const c2 = structuredClone(list);\n  return c2;'),
      errors: [hotReport(4, 14, 'structuredClone(list)', [], changed('c1[0].done = …')), hotReport(6, 14, 'structuredClone(list)', [], leaves('returned'))],
    },
  ],
});
