/**
 * no-deep-clone-in-hot-path: a deep copy of a private copy (src/clones/private-copy.ts). A clone of a
 * local that only ever holds deep copies the rule reports, made as often as they are, is the same cost
 * again: one report, at the first copy. Each silenced case has a twin that is reported, where the
 * local may hold something else, a write from elsewhere reaches the read, or the second copy runs
 * more often than the first. Every case runs with the default options and with `loops: 'async'`
 * (strict), which give the same reports here.
 */
import ruleModule from '../../rules/no-deep-clone-in-hot-path';
import { jsRuleTester, ruleTester } from '../rule-tester';

const rule = ruleModule as unknown as Parameters<typeof ruleTester.run>[1];

const cases = [
    {
      name: "a copy of the per-event copy on a rare branch: reported once, at the copies of the event (Parse LiveQuery's 'leave' shape); a later write (`original = null`) does not reach the read",
      code: "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nbus.on('message', (event) => {\n  let current = JSON.parse(JSON.stringify(event.current));\n  let original = event.original ? JSON.parse(JSON.stringify(event.original)) : null;\n  if (event.type === 'leave' && !event.readable) {\n    current = JSON.parse(JSON.stringify(original));\n  }\n  original = null;\n  send(current, original);\n});\n",
      errors: [
        { messageId: 'cloneInEventHandler', data: {"clone": "JSON.parse(JSON.stringify(\u2026))", "location": "the `bus.on` callback", "reason": "a `'message'` listener runs on every event", "noFix": " No quick fix: the copy leaves this function (passed to `send`), where changes below its top level cannot be checked."}, line: 4, column: 17, endLine: 4, endColumn: 58 },
        { messageId: 'cloneInEventHandler', data: {"clone": "JSON.parse(JSON.stringify(\u2026))", "location": "the `bus.on` callback", "reason": "a `'message'` listener runs on every event; the copy is deep-copied again on line 7", "noFix": " No quick fix: the copy leaves this function (passed to `send`), where changes below its top level cannot be checked."}, line: 5, column: 35, endLine: 5, endColumn: 77 },
      ] as never,
    },
    {
      name: "a const copy of the request copy: reported at the first copy",
      code: "app.get('/a', (req, res) => {\n  const copy = structuredClone(req.body);\n  const snapshot = structuredClone(copy);\n  copy.seen = true;\n  res.json([copy, snapshot]);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request; the copy is deep-copied again on line 3", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 16, endLine: 2, endColumn: 41 },
      ] as never,
    },
    {
      name: "a local copied again into itself: reported at the first copy",
      code: "app.get('/a', (req, res) => {\n  let copy = structuredClone(req.body);\n  copy = structuredClone(copy);\n  res.json(copy);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request; the copy is deep-copied again on line 3", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 14, endLine: 2, endColumn: 39 },
      ] as never,
    },
    {
      name: "one copy of the private copy per item (a callback the first copy is not in) is a cost of its own: both reported",
      code: "app.get('/a', (req, res) => {\n  const base = structuredClone(req.body);\n  const out = req.query.ids.map((id) => {\n    const item = structuredClone(base);\n    item.id = id;\n    return item;\n  });\n  res.json(out);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 16, endLine: 2, endColumn: 41 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `req.query.ids.map` callback in the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (returned), where changes below its top level cannot be checked."}, line: 4, column: 18, endLine: 4, endColumn: 39 },
      ] as never,
    },
    {
      name: "the local may hold the request itself (`copy = req.query`): both reported",
      code: "app.get('/a', (req, res) => {\n  let copy = structuredClone(req.body);\n  if (req.query.raw) copy = req.query;\n  const snapshot = structuredClone(copy);\n  res.json(snapshot);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 14, endLine: 2, endColumn: 39 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 20, endLine: 4, endColumn: 41 },
      ] as never,
    },
    {
      name: "the local holds a copy made once at start-up, not a reported one: reported",
      code: "const base = structuredClone(config);\napp.get('/a', (req, res) => {\n  const copy = structuredClone(base);\n  res.json(copy);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 3, column: 16, endLine: 3, endColumn: 37 },
      ] as never,
    },
    {
      name: "a variable the listener shares between calls (vuex's logger: the previous state): its later write is read by the next event, so both copies are reported",
      code: "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nlet last = null;\nbus.on('message', (event) => {\n  const prev = structuredClone(last);\n  last = structuredClone(event);\n  log(prev, last);\n});\n",
      errors: [
        { messageId: 'cloneInEventHandler', data: {"clone": "structuredClone", "location": "the `bus.on` callback", "reason": "a `'message'` listener runs on every event", "noFix": " No quick fix: the copy leaves this function (passed to `log`), where changes below its top level cannot be checked."}, line: 5, column: 16, endLine: 5, endColumn: 37 },
        { messageId: 'cloneInEventHandler', data: {"clone": "structuredClone", "location": "the `bus.on` callback", "reason": "a `'message'` listener runs on every event", "noFix": " No quick fix: the copy leaves this function (stored in `last`), where changes below its top level cannot be checked."}, line: 6, column: 10, endLine: 6, endColumn: 32 },
      ] as never,
    },
    {
      name: "a loop goes round: the later write (`local = structuredClone(event)`) reaches the read, a copy per event of the loop: all reported",
      code: "app.post('/a', (req, res) => {\n  let local = structuredClone(req.body);\n  let other;\n  for (const event of req.body.events) {\n    if (event.keep) other = structuredClone(local);\n    local = structuredClone(event);\n  }\n  res.json(other);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 15, endLine: 2, endColumn: 40 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 5, column: 29, endLine: 5, endColumn: 51 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 6, column: 13, endLine: 6, endColumn: 35 },
      ] as never,
    },
    {
      name: "the local may be the request body itself (`cond ? structuredClone(req.body) : req.body`): both reported",
      code: "app.post('/a', (req, res) => {\n  const a = req.query.copy ? structuredClone(req.body) : req.body;\n  const b = structuredClone(a);\n  res.json(b);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 30, endLine: 2, endColumn: 55 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 3, column: 13, endLine: 3, endColumn: 31 },
      ] as never,
    },
    {
      name: "the local is only tested and logged before it is copied again: reported once, at the copies of the event, whose message names line 8",
      code: "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nbus.on('message', (event) => {\n  let current = structuredClone(event.current);\n  let original = event.original ? structuredClone(event.original) : null;\n  if (original && !event.readable) logger.verbose('replacing %j with %j', current, original);\n  if (event.type === 'leave' && original) {\n    current = structuredClone(original);\n  }\n  send(current);\n});\n",
      errors: [
        { messageId: 'cloneInEventHandler', data: {"clone": "structuredClone", "location": "the `bus.on` callback", "reason": "a `'message'` listener runs on every event", "noFix": " No quick fix: the copy leaves this function (passed to `logger.verbose`), where changes below its top level cannot be checked."}, line: 4, column: 17, endLine: 4, endColumn: 47 },
        { messageId: 'cloneInEventHandler', data: {"clone": "structuredClone", "location": "the `bus.on` callback", "reason": "a `'message'` listener runs on every event; the copy is deep-copied again on line 8", "noFix": " No quick fix: the copy leaves this function (passed to `logger.verbose`), where changes below its top level cannot be checked."}, line: 5, column: 35, endLine: 5, endColumn: 66 },
      ] as never,
    },
    {
      name: "a copy in a `for` head runs once, the copy in the body once a pass: both reported",
      code: "import cloneDeep from 'lodash/cloneDeep';\napp.post('/batch', async (req, res) => {\n  const results = [];\n  for (let template = cloneDeep(req.body.template), i = 0; i < req.body.count; i++) {\n    const doc = cloneDeep(template);\n    doc.index = i;\n    results.push(await db.insert(doc));\n  }\n  res.json(results);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "lodash cloneDeep", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `cloneDeep`), where changes below its top level cannot be checked."}, line: 4, column: 23, endLine: 4, endColumn: 51 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "lodash cloneDeep", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `db.insert`), where changes below its top level cannot be checked."}, line: 5, column: 17, endLine: 5, endColumn: 36 },
      ] as never,
    },
    {
      name: "the local grows before it is copied again (`report.rows = await \u2026`): the second copy costs more, both reported",
      code: "app.get('/report', async (req, res) => {\n  const report = structuredClone(req.body.meta);\n  report.rows = await db.query(req.query.sql);\n  reportCache.set(req.url, structuredClone(report));\n  res.json(report);\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 18, endLine: 2, endColumn: 48 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `reportCache.set`), where changes below its top level cannot be checked."}, line: 4, column: 28, endLine: 4, endColumn: 51 },
      ] as never,
    },
    {
      name: "the local is handed to a function before it is copied again: both reported",
      code: "app.get('/report', async (req, res) => {\n  const report = structuredClone(req.body.meta);\n  await addRows(report);\n  res.json(structuredClone(report));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `addRows`), where changes below its top level cannot be checked."}, line: 2, column: 18, endLine: 2, endColumn: 48 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 12, endLine: 4, endColumn: 35 },
      ] as never,
    },
    {
      name: "a local named `undefined` is not the value undefined (`c` may hold `req.query`): both reported",
      code: "app.get('/a', (req, res) => {\n  const undefined = req.query;\n  let c = req.query.x ? structuredClone(req.body) : undefined;\n  res.json(structuredClone(c));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 3, column: 25, endLine: 3, endColumn: 50 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 12, endLine: 4, endColumn: 30 },
      ] as never,
    },
    {
      name: "the local's only copy is the second clone of a hook's initial argument, not reported apart: the copy of it is reported",
      code: "import { useRef } from 'react';\nfunction Form({ a, b }) {\n  let v;\n  const r = useRef({ p: structuredClone(a), q: (v = structuredClone(b)) });\n  const w = structuredClone(v);\n  return <div r={r} w={w} />;\n}\n",
      errors: [
        { messageId: 'cloneInRender', data: {"clone": "structuredClone", "location": "`Form`", "reason": "a React component body runs on every render; the initial value passed to `useRef` holds 2 deep clones, all made on every render and kept only on the first", "noFix": " No quick fix: the copy leaves this function (passed to `useRef`), where changes below its top level cannot be checked."}, line: 4, column: 25, endLine: 4, endColumn: 43 },
        { messageId: 'cloneInRender', data: {"clone": "structuredClone", "location": "`Form`", "reason": "a React component body runs on every render", "noFix": " No quick fix: the copy leaves this function (passed to a JSX element), where changes below its top level cannot be checked."}, line: 5, column: 13, endLine: 5, endColumn: 31 },
      ] as never,
    },
    {
      name: "`cloneDeepWith` with a customizer is not a whole copy: the copy of its result is reported",
      code: "import { cloneDeepWith, cloneDeep } from 'lodash';\napp.get('/a', (req, res) => {\n  const c = cloneDeepWith(req.body, (v, k) => (k === 'rows' ? v : undefined));\n  res.json(cloneDeep(c));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "lodash cloneDeepWith", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": ""}, line: 3, column: 13, endLine: 3, endColumn: 78 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "lodash cloneDeep", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 12, endLine: 4, endColumn: 24 },
      ] as never,
    },
    {
      name: "a module variable, kept between requests: both reported",
      code: "let last = null;\napp.get('/a', (req, res) => {\n  if (req.query.x) last = structuredClone(req.body);\n  res.json(structuredClone(last));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (stored in `last`), where changes below its top level cannot be checked."}, line: 3, column: 27, endLine: 3, endColumn: 52 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.get` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 12, endLine: 4, endColumn: 33 },
      ] as never,
    },
    {
      name: "an object logged as the first argument may be changed by the logger (winston writes `level` and its default meta into it): both reported",
      code: "app.post('/a', (req, res) => {\n  const msg = structuredClone(req.body);\n  logger.info(msg);\n  res.json(structuredClone(msg));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `logger.info`), where changes below its top level cannot be checked."}, line: 2, column: 15, endLine: 2, endColumn: 40 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 12, endLine: 4, endColumn: 32 },
      ] as never,
    },
    {
      name: "a local object named `console` is not the console: both reported",
      code: "app.post('/a', (req, res) => {\n  const console = { log(label, o) { o.rows = db.allRows(); } };\n  const c = structuredClone(req.body);\n  console.log('got %j', c);\n  res.json(structuredClone(c));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `console.log`), where changes below its top level cannot be checked."}, line: 3, column: 13, endLine: 3, endColumn: 38 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 5, column: 12, endLine: 5, endColumn: 30 },
      ] as never,
    },
    {
      name: "a direct `eval` can change any local: both reported",
      code: "app.post('/a', (req, res) => {\n  const c = structuredClone(req.body.meta);\n  eval('c.rows = req.body.rows');\n  res.json(structuredClone(c));\n});\n",
      errors: [
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked."}, line: 2, column: 13, endLine: 2, endColumn: 43 },
        { messageId: 'cloneInRequestHandler', data: {"clone": "structuredClone", "location": "the `app.post` callback", "reason": "a route handler runs on every request", "noFix": " No quick fix: the copy leaves this function (passed to `res.json`), where changes below its top level cannot be checked."}, line: 4, column: 12, endLine: 4, endColumn: 30 },
      ] as never,
    },

  {
    name: 'with `console` and `undefined` configured as globals (a global has no definition): still the global console and the value undefined, so the copy of the copy is reported once, at the first',
    code: "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nbus.on('message', (event) => {\n  let current = structuredClone(event.current);\n  let original = event.original ? structuredClone(event.original) : undefined;\n  console.log('replacing %j with %j', current, original);\n  if (event.type === 'leave' && original) current = structuredClone(original);\n  send(current);\n});\n",
    languageOptions: { globals: { console: 'readonly' as const, undefined: 'readonly' as const } },
    errors: [
      { messageId: 'cloneInEventHandler', data: { clone: 'structuredClone', location: 'the `bus.on` callback', reason: "a `'message'` listener runs on every event", noFix: ' No quick fix: the copy leaves this function (passed to `send`), where changes below its top level cannot be checked.' }, line: 4, column: 17, endLine: 4, endColumn: 47 },
      { messageId: 'cloneInEventHandler', data: { clone: 'structuredClone', location: 'the `bus.on` callback', reason: "a `'message'` listener runs on every event; the copy is deep-copied again on line 7", noFix: ' No quick fix: the copy leaves this function (passed to `structuredClone`), where changes below its top level cannot be checked.' }, line: 5, column: 35, endLine: 5, endColumn: 66 },
    ] as never,
  },
];

for (const [label, options] of [
  ['default options', {}],
  ["loops: 'async'", { loops: 'async' }],
] as const) {
  jsRuleTester.run(`no-deep-clone-in-hot-path: a copy of a private copy (${label})`, rule, {
    valid: [],
    invalid: cases.map((test) => ({ ...test, options: [options] as never })),
  });
}
