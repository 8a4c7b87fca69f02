/**
 * The clients that wait forever by default, one check each. Every callee is
 * matched through `ImportTracker` (default, named, namespace, `require`,
 * renamed, instances kept in a `const` or a class field); a check stays silent
 * whenever the file does not show that nothing bounds the wait. The defaults
 * behind this table, and the versions they were read from, are in
 * docs/rules/require-timeout.md.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker, Origin } from '../imports';
import { isFunction } from '../ast/functions';
import { unwrapExpression } from '../ast/unwrap';
import { type VisitorKeys, walkAll } from '../ast/walk';
import { staticKeyName } from '../ast/static';
import { thisOwner } from '../ast/this-owner';
import type { TextEdit } from '../fix/edits';
import { addProperty, insertArgument, replaceProperty } from './edits';
import { declaredBy, instanceSource, isGlobalCall, memberName, methodChain, originOf, raceBounded, variableChains, type MethodCall } from './flow';
import type { TimeoutContext, TimeoutFinding } from './model';
import { nameKey, numberValue } from '../retry/ast';
import { disablesTimeout, type Lookup, lookup, lookupIn, objectLiteral, throughConst } from './options';
import { insideTimer, signalBound } from './signals';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Module names a file must mention (in a string) for the import-based checks to run. */
export const TIMEOUT_MODULES: readonly string[] = ['axios', 'got', 'http', 'https', 'superagent', 'pg', 'node-fetch', 'undici'];
export const AWS_CLIENT_PREFIX = '@aws-sdk/client-';

interface Fix {
  description: string;
  edits: TextEdit[] | null;
}

class Reporter {
  readonly findings: TimeoutFinding[] = [];
  constructor(readonly ctx: TimeoutContext) {}

  get ms(): string {
    return String(this.ctx.options.timeoutMs);
  }

  text(node: Node): string {
    return this.ctx.sourceCode.getText(node);
  }

  missing(
    library: string,
    subject: string,
    option: string,
    node: Node,
    fix: Fix | null,
    noFix = 'the options cannot be changed at this call',
    waits: TimeoutFinding['waits'] = 'forever',
  ): void {
    const edits = fix?.edits ?? null;
    this.findings.push({ library, kind: 'missing', waits, node, subject, option, fix: edits ? { description: fix!.description, edits } : null, noFix: edits ? null : noFix });
  }

  /** `timeout: 0` and friends: reported at the property (or argument), fixed by replacing the value. */
  disabled(library: string, subject: string, at: TSESTree.Property | Node, name: string, value: string): void {
    const property = at.type === 'Property' ? at : null;
    const option = property ? `${name}: ${this.text(property.value)}` : `${name}(${this.text(at)})`;
    const edits: TextEdit[] = property ? replaceProperty(property, name, value) : [{ range: at.range, text: value }];
    this.findings.push({ library, kind: 'disabled', waits: 'forever', node: at, subject, option, fix: { description: `Set ${name} to ${value}.`, edits }, noFix: null });
  }

  /** Whether argument `index` sets option `name` (unknown counts as set); a value that turns the timeout off is reported. */
  optionSet(call: Call, index: number, name: string, library: string, subject: string): boolean {
    const arg = call.arguments[index];
    const found: Lookup = arg ? lookupIn(arg, name, this.ctx.imports) : { state: 'absent' };
    if (found.state === 'set' && disablesTimeout(found.value, this.ctx.imports)) this.disabled(library, subject, found.property, name, this.ms);
    return found.state !== 'absent';
  }

  /** Reports a missing option `name` at `call`, with the suggestion that sets it in argument `index`. */
  missingOption(call: Call, index: number, name: string, value: string, library: string, subject: string): void {
    this.missing(library, subject, name, call, { description: `Add ${name}: ${value}.`, edits: this.setOption(call, index, name, value) });
  }

  /** Adds `name: value` to the object an argument is, or inserts `{ name: value }` as argument `index`. */
  setOption(call: Call, index: number, name: string, value: string): TextEdit[] | null {
    const arg = call.arguments[index];
    if (arg) {
      const object = objectLiteral(arg, this.ctx.imports);
      return object ? addProperty(this.ctx, object, name, value) : null;
    }
    const fill = Array.from({ length: Math.max(0, index - call.arguments.length) }, () => 'undefined, ').join('');
    return insertArgument(this.ctx, call, call.arguments.length, `${fill}{ ${name}: ${value} }`);
  }
}

/** The path inside a module, without a leading `default` (CommonJS interop). */
function modulePath(origin: Origin): readonly string[] {
  return origin.path[0] === 'default' ? origin.path.slice(1) : origin.path;
}

/** An argument that is a URL rather than an options object. */
function isUrl(node: Node | undefined, ctx: TimeoutContext): boolean {
  if (!node || node.type === 'SpreadElement') return false;
  const value = throughConst(node, ctx.imports);
  if (value.type === 'Literal') return typeof value.value === 'string';
  if (value.type === 'TemplateLiteral') return true;
  if (value.type === 'NewExpression') return ctx.imports.globalName(value.callee, 'URL') === 'URL';
  const name = value.type === 'Identifier' ? value.name : memberName(value);
  return !!name && /(?:url|uri|href|endpoint)$/i.test(name);
}

// ---------------------------------------------------------------------------
// fetch

function isFetch(origin: Origin): boolean {
  const path = origin.path;
  // `globalThis.fetch` / `window.fetch` resolve to the global too.
  if (origin.module === null) return path.length === 1 && path[0] === 'fetch';
  if (origin.module === 'undici') return path.length === 1 && path[0] === 'fetch';
  return origin.module === 'node-fetch' && modulePath(origin).length === 0;
}

/**
 * The input may be the caller's `Request`, which carries the caller's signal:
 * a parameter typed `Request` alone (a union with `string`, `URL` or
 * `RequestInfo` is mostly given an address), or the first parameter of a
 * drop-in fetcher whose one-argument call is the branch taken when its second
 * parameter, the init, is missing, and which hands both on otherwise
 * (Speakeasy's `(input, init) => init == null ? fetch(input) : fetch(input, init)`).
 * The timeout belongs to whoever builds the request, as for the init a
 * fetcher passes on. A helper given an address (`get(url)`), a call that
 * drops an init it was given (a fallback, a background refresh), is judged.
 */
function mayBeCallersRequest(call: TSESTree.CallExpression, input: Node, imports: ImportTracker, keys: VisitorKeys): boolean {
  const arg = unwrapExpression(input);
  if (arg.type !== 'Identifier') return false;
  const variable = imports.variableOf(arg);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : null;
  if (def?.type !== 'Parameter' || !isFunction(def.node)) return false;
  const fn = def.node;
  const param = fn.params.find((p) => (p.type === 'AssignmentPattern' ? p.left : p) === def.name);
  if (!param) return false;
  const target = param.type === 'AssignmentPattern' ? param.left : param;
  const annotation = 'typeAnnotation' in target ? target.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name === 'Request' && !annotation.typeArguments) return true;
  if (fn.params[0] !== param) return false;
  // Declared as an address (`url: string`, `string | URL`), or named as one in JavaScript (`url`, `uri`, `href`, `endpoint`).
  if (annotation && !someTypeName(annotation, keys, (name) => /^(Request|RequestInfo)$/.test(name))) return false;
  if (!annotation && /^(url|uri|href|endpoint|link|address)$/i.test(arg.name)) return false;
  const second = fn.params[1];
  const initName = second?.type === 'Identifier' ? second.name : second?.type === 'AssignmentPattern' && second.left.type === 'Identifier' ? second.left.name : null;
  if (initName === null || !takenWhenMissing(call, initName, fn)) return false;
  // The same function hands both on otherwise: `fetch(input, init)`, with the same callee, in its own body.
  const calleeKey = nameKey(unwrapExpression(call.callee));
  let forwards = false;
  walkAll(fn.body, keys, (node) => {
    if (forwards || (node !== fn.body && isFunction(node))) return false;
    if (node.type === 'CallExpression' && calleeKey !== null && nameKey(unwrapExpression(node.callee)) === calleeKey) {
      const [a, b] = node.arguments;
      if (a?.type === 'Identifier' && a.name === arg.name && b?.type === 'Identifier' && b.name === initName) forwards = true;
    }
    return !forwards;
  });
  return forwards;
}

/** Written-out schemes whose fetch reads memory or the URL itself, never a server. */
const LOCAL_SCHEME = /^(?:data|blob):/i;
/** A scheme at the start of an address (`https:`, `ftp:`). */
const ANY_SCHEME = /^[a-z][a-z\d+.-]*:/i;
/** Globals that return an extension's own packaged file for a relative path. */
const PACKAGED_FILE_CALLS = new Set(['chrome.runtime.getURL', 'browser.runtime.getURL', 'chrome.extension.getURL', 'browser.extension.getURL']);
/** Modules whose `browser` is the same extension API (webextension-polyfill, WXT's). */
const EXTENSION_API_MODULES = new Set(['webextension-polyfill', 'wxt/browser', '@wxt-dev/browser']);
/** The globals those addresses come from: a file that writes any of them may have put its own in their place. */
const LOCAL_ADDRESS_GLOBALS = ['chrome', 'browser', 'URL'];

/**
 * An address that no dependency serves, so a fetch of it cannot hang on one:
 * a `data:` or `blob:` URL written out, a blob's object URL
 * (`URL.createObjectURL(blob)`), or a browser extension's own packaged file
 * for a relative path written out (`chrome.runtime.getURL('content.js')`, or
 * webextension-polyfill's or WXT's `browser.runtime.getURL`, read from the
 * installed extension). Not when the callee is somebody's object (a `chrome`
 * the file declares, imports or assigns, `globalThis.chrome = ...`), reached
 * through `?.` (a page where `chrome.runtime` is missing fetches
 * `undefined` from its server), or given a full address or a value
 * (Firefox before 130 returned an absolute URL unchanged).
 */
function localAddress(address: Node, ctx: TimeoutContext): boolean {
  if (address.type === 'Literal') return typeof address.value === 'string' && LOCAL_SCHEME.test(address.value);
  if (address.type === 'TemplateLiteral') return LOCAL_SCHEME.test(address.quasis[0]!.value.cooked ?? '');
  if (address.type !== 'CallExpression' || optionalChain(address)) return false;
  const origin = ctx.imports.originOf(unwrapExpression(address.callee));
  if (!origin) return false;
  const path = origin.path.join('.');
  let packaged: boolean;
  if (origin.module !== null) packaged = EXTENSION_API_MODULES.has(origin.module) && origin.path.slice(-2).join('.') === 'runtime.getURL';
  else if (path === 'URL.createObjectURL') return !writesGlobal(ctx, 'URL');
  else packaged = PACKAGED_FILE_CALLS.has(path) && !writesGlobal(ctx, origin.path[0]!);
  if (!packaged) return false;
  const [relative] = address.arguments;
  if (!relative || relative.type === 'SpreadElement') return false;
  const text = relative.type === 'Literal' && typeof relative.value === 'string' ? relative.value : relative.type === 'TemplateLiteral' ? (relative.quasis[0]!.value.cooked ?? '') : null;
  return text !== null && !ANY_SCHEME.test(text.trimStart());
}

/** `chrome.runtime?.getURL(...)`, `browser?.runtime.getURL(...)`: a link of the call or its callee is optional. */
function optionalChain(call: TSESTree.CallExpression): boolean {
  for (let node: Node = call; ; ) {
    if ((node.type === 'CallExpression' || node.type === 'MemberExpression') && node.optional) return true;
    if (node.type === 'CallExpression') node = unwrapExpression(node.callee);
    else if (node.type === 'MemberExpression') node = unwrapExpression(node.object);
    else return false;
  }
}

/** Per file (keyed by its SourceCode): the globals of LOCAL_ADDRESS_GLOBALS it assigns to or into (`chrome = ...`, `globalThis.chrome = ...`, `chrome.runtime.getURL = ...`). */
const writtenGlobals = new WeakMap<object, Set<string>>();

function writesGlobal(ctx: TimeoutContext, name: string): boolean {
  let written = writtenGlobals.get(ctx.sourceCode);
  if (!written) {
    const found = new Set<string>();
    walkAll(ctx.sourceCode.ast as Node, ctx.keys, (node) => {
      if (node.type !== 'AssignmentExpression') return true;
      // The global the written place hangs from, as the import tracker reads it (through `globalThis`/`window` too).
      const origin = ctx.imports.originOf(unwrapExpression(node.left));
      const root = origin?.module === null ? origin.path[0] : undefined;
      if (root !== undefined && LOCAL_ADDRESS_GLOBALS.includes(root)) found.add(root);
      return true;
    });
    writtenGlobals.set(ctx.sourceCode, (written = found));
  }
  return written.has(name);
}

/** `call` runs only when `name` is missing: under `if (init == null)`, `if (!init)`, `init === undefined ? call : ...` in `fn`. */
function takenWhenMissing(call: Node, name: string, fn: Node): boolean {
  const missing = (test: Node): boolean => {
    const t = unwrapExpression(test);
    if (t.type === 'UnaryExpression' && t.operator === '!') return t.argument.type === 'Identifier' && t.argument.name === name;
    if (t.type !== 'BinaryExpression' || !['==', '==='].includes(t.operator)) return false;
    const [named, other] = t.left.type === 'Identifier' && t.left.name === name ? [t.left, t.right] : [t.right, t.left];
    const nothing = (other.type === 'Literal' && other.value === null) || (other.type === 'Identifier' && other.name === 'undefined') || (other.type === 'UnaryExpression' && other.operator === 'void');
    return named.type === 'Identifier' && named.name === name && nothing;
  };
  for (let child: Node = call, current = call.parent; current && child !== fn; child = current, current = current.parent) {
    if (current.type === 'IfStatement' && current.consequent === child && missing(current.test)) return true;
    if (current.type === 'ConditionalExpression' && current.consequent === child && missing(current.test)) return true;
    if (isFunction(current)) return false;
  }
  return false;
}

/** The type names a type annotation mentions (`RequestInfo | URL` gives `RequestInfo` and `URL`). */
function someTypeName(node: Node, keys: VisitorKeys, test: (name: string) => boolean): boolean {
  let found = false;
  walkAll(node, keys, (inner) => {
    if (found) return false;
    if (inner.type === 'TSTypeReference' && inner.typeName.type === 'Identifier' && test(inner.typeName.name)) found = true;
    return !found;
  });
  return found;
}

function checkFetch(call: TSESTree.CallExpression, origin: Origin, r: Reporter): void {
  const { imports, options } = r.ctx;
  const [input, init] = call.arguments;
  if (!input || input.type === 'SpreadElement' || raceBounded(call, imports)) return;
  const request = throughConst(input, imports);
  // A Request object carries its own signal; a `new URL(...)` is only the address.
  if (request.type === 'NewExpression' && imports.globalName(request.callee, 'URL') !== 'URL') return;
  if (localAddress(request, r.ctx)) return;
  if (!init && mayBeCallersRequest(call, input, imports, r.ctx.keys)) return;
  const library = origin.module === 'node-fetch' ? 'node-fetch' : 'fetch';
  const subject = `This ${library} call`;
  // Node's fetch (global or undici's) gives up on its default dispatcher's
  // 300 s headers and body timeouts; node-fetch, on http.request, never does.
  const waits = library === 'fetch' ? 'undici-defaults' : 'forever';
  // node-fetch 2 (found from the file's directory) gets its own `timeout`
  // option, which runs on every Node it supports; node-fetch 3 (no `timeout`)
  // and the other fetches get a signal. Every signal fix uses
  // AbortSignal.timeout: none where the package's engines.node allows a Node without it.
  const report = (option: string, node: Node, fix: Fix | null, noFix?: string) => {
    if (library === 'node-fetch') {
      const nodeFetch = r.ctx.nodeFetchTimeout();
      if (nodeFetch.kind === 'unknown') {
        r.missing(library, subject, option, node, null, nodeFetch.reason, waits);
        return;
      }
      if (nodeFetch.kind === 'timeout') {
        r.missing(library, subject, option, node, nodeFetchTimeoutFix(call, r), noFix, waits);
        return;
      }
    }
    const blocked = fix ? r.ctx.abortSignalTimeoutBlocked() : null;
    r.missing(library, subject, option, node, blocked ? null : fix, blocked ?? noFix, waits);
  };
  const timeoutSignal = `AbortSignal.timeout(${r.ms})`;
  const fix = (edits: TextEdit[] | null): Fix => ({ description: `Add signal: ${timeoutSignal}.`, edits });
  if (!init) {
    report('signal', call, fix(insertArgument(r.ctx, call, 1, `{ signal: ${timeoutSignal} }`)));
    return;
  }
  // node-fetch 2 honours its own `timeout` option.
  if (library === 'node-fetch' && lookupIn(init, 'timeout', imports).state !== 'absent') return;
  // Node's fetch waits as long as its dispatcher's timeouts allow, and a
  // dispatcher of the caller's (`new Agent({ headersTimeout })`) sets its own.
  if (library === 'fetch' && lookupIn(init, 'dispatcher', imports).state !== 'absent') return;
  const signal = lookupIn(init, 'signal', imports);
  if (signal.state === 'unknown') return;
  // A fixed timeout would also cut an upload of any size off: reported, no rewrite.
  const body = lookupIn(init, 'body', imports);
  const upload = body.state === 'set' ? streamOrForm(body.value, r) : null;
  const withhold = (option: string, node: Node) => r.missing(library, subject, option, node, null, upload!, waits);
  if (signal.state === 'absent') {
    if (upload) {
      withhold('signal', call);
      return;
    }
    const object = objectLiteral(init, imports)!;
    report('signal', call, fix(addProperty(r.ctx, object, 'signal', timeoutSignal)));
    return;
  }
  const bound = signalBound(signal.value, r.ctx);
  if (bound === 'none') {
    if (upload) {
      withhold('signal', signal.property);
      return;
    }
    report('signal', signal.property, fix(replaceProperty(signal.property, 'signal', timeoutSignal)));
  } else if (bound === 'unbounded') {
    if (upload) {
      withhold('timer that aborts its signal', signal.property);
      return;
    }
    const combined = `AbortSignal.any([${r.text(signal.property.value)}, ${timeoutSignal}])`;
    report(
      'timer that aborts its signal',
      signal.property,
      options.abortSignalAny ? { description: `Combine the signal with a timeout: ${combined}.`, edits: replaceProperty(signal.property, 'signal', combined) } : null,
      'combining the signal with a timeout needs AbortSignal.any, which option abortSignalAny turns off',
    );
  }
}

/**
 * node-fetch 2's own `timeout` option, added to the init object (or as a new
 * init argument); an existing signal stays. In node-fetch 2.x the timer
 * starts when the request gets its socket and rejects the call with a
 * FetchError of type 'request-timeout' when no response headers arrived in
 * time; reading the body (`res.json()`, `res.text()`) then has the same time
 * and rejects with type 'body-timeout'.
 */
function nodeFetchTimeoutFix(call: TSESTree.CallExpression, r: Reporter): Fix {
  const init = call.arguments[1];
  const object = init ? objectLiteral(init, r.ctx.imports) : null;
  const edits = !init ? insertArgument(r.ctx, call, 1, `{ timeout: ${r.ms} }`) : object ? addProperty(r.ctx, object, 'timeout', r.ms) : null;
  return {
    description: `Add timeout: ${r.ms} (node-fetch 2's own timeout: the call rejects with a FetchError of type 'request-timeout' when the response headers take longer than ${r.ms} ms, and reading the body rejects with type 'body-timeout' when it takes longer than ${r.ms} ms).`,
    edits,
  };
}

// ---------------------------------------------------------------------------
// axios

/** Which argument holds the request config, by method. */
const AXIOS_CONFIG_INDEX: Readonly<Record<string, number>> = {
  request: 0,
  get: 1,
  delete: 1,
  head: 1,
  options: 1,
  post: 2,
  put: 2,
  patch: 2,
  postForm: 2,
  putForm: 2,
  patchForm: 2,
};

/** `X.defaults.timeout = value` anywhere in the file: the object `X` and the assignment, found once per file. */
class DefaultsAssignments {
  private list: TSESTree.AssignmentExpression[] | null = null;
  constructor(private readonly ctx: TimeoutContext) {}

  all(): readonly TSESTree.AssignmentExpression[] {
    if (this.list) return this.list;
    const list: TSESTree.AssignmentExpression[] = [];
    walkAll(this.ctx.sourceCode.ast, this.ctx.keys, (node) => {
      if (node.type !== 'AssignmentExpression' || node.operator !== '=' || memberName(node.left) !== 'timeout') return;
      const defaults = (node.left as TSESTree.MemberExpression).object;
      if (memberName(defaults) === 'defaults') list.push(node);
    });
    return (this.list = list);
  }

  /** The assignments to `defaults.timeout` of the object `target` holds (an axios instance's creating call, or the default instance). */
  of(matches: (object: Node) => boolean): TSESTree.AssignmentExpression[] {
    return this.all().filter((assignment) => matches(((assignment.left as TSESTree.MemberExpression).object as TSESTree.MemberExpression).object));
  }
}

function axiosRequestIndex(call: Call, method: string | null, ctx: TimeoutContext): number | null {
  if (method !== null) return AXIOS_CONFIG_INDEX[method] ?? null;
  // `axios(config)` or `axios(url, config)`.
  if (objectLiteral(call.arguments[0], ctx.imports)) return 0;
  return isUrl(call.arguments[0], ctx) ? 1 : null;
}

/** An `axios.defaults.timeout = ...` / `instance.defaults.timeout = ...` that bounds (true), or none (false); reports the ones that disable. */
function axiosDefaultsBound(matches: (object: Node) => boolean, r: Reporter, defaults: DefaultsAssignments): boolean {
  let bound = false;
  for (const assignment of defaults.of(matches)) {
    if (disablesTimeout(assignment.right, r.ctx.imports)) continue;
    bound = true;
  }
  return bound;
}

function checkAxios(call: Call, origin: Origin, r: Reporter, defaults: DefaultsAssignments): void {
  if (call.type !== 'CallExpression') return;
  const { imports } = r.ctx;
  const path = modulePath(origin);
  const isDefaultInstance = (object: Node) => {
    const o = originOf(object, r.ctx);
    return !!o && o.module === 'axios' && modulePath(o).length === 0;
  };
  if (path.length === 1 && path[0] === 'create') {
    checkAxiosCreate(call, r, defaults, isDefaultInstance);
    return;
  }
  const instance = path[0] === 'create' && path[1] === '()';
  const rest = instance ? path.slice(2) : path;
  if (rest.length > 1) return;
  const index = axiosRequestIndex(call, rest[0] ?? null, r.ctx);
  if (index === null || raceBounded(call, imports)) return;
  const config = call.arguments[index];
  const subject = 'This axios request';
  if (r.optionSet(call, index, 'timeout', 'axios', subject)) return;
  if (config && (lookupIn(config, 'signal', imports).state !== 'absent' || lookupIn(config, 'cancelToken', imports).state !== 'absent')) return;
  // An instance is reported at its `create()` call; the default instance may have `axios.defaults.timeout` set.
  if (instance || axiosDefaultsBound(isDefaultInstance, r, defaults)) return;
  const method = rest[0] ?? null;
  const data = method !== null && AXIOS_DATA_METHODS.has(method) ? call.arguments[1] : config ? lookupIn(config, 'data', imports) : undefined;
  const upload = axiosUpload(config, data, r);
  if (upload) {
    r.missing('axios', subject, 'timeout', call, null, upload);
    return;
  }
  r.missingOption(call, index, 'timeout', r.ms, 'axios', subject);
}

/** Methods whose second argument is the request body. */
const AXIOS_DATA_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

function lookupField(config: Node, name: string, r: Reporter): Node | undefined {
  const found = lookupIn(config, name, r.ctx.imports);
  return found.state === 'set' ? found.value : undefined;
}

/** `Infinity`, `Number.POSITIVE_INFINITY` or `-1`: axios's "no size limit". */
function unlimitedSize(value: Node, r: Reporter): boolean {
  const node = throughConst(value, r.ctx.imports);
  if (numberValue(node) === -1) return true;
  if (node.type === 'Identifier') return node.name === 'Infinity' && r.ctx.imports.globalName(node) !== null;
  const origin = node.type === 'MemberExpression' ? r.ctx.imports.originOf(node) : null;
  return origin?.module === null && origin.path.join('.') === 'Number.POSITIVE_INFINITY';
}

/**
 * Why a fixed timeout is no rewrite for this request or instance (null when
 * it is): axios's timeout in Node (through follow-redirects) runs until the
 * response headers arrive, so it also bounds the upload of the body. A config
 * that lifts the size limits (`maxBodyLength: Infinity`, `-1`), or a body
 * that is a stream or a FormData, says the request carries uploads of any
 * size, and 10 s would abort them.
 */
function axiosUpload(config: Node | undefined, data: Node | Lookup | undefined, r: Reporter): string | null {
  // A body: the data argument of post/put/patch, or a `data` key the config has (or may have); an instance's
  // create() config (data undefined) serves requests of every method.
  const body = data === undefined ? undefined : 'state' in data ? (data.state === 'set' ? data.value : data.state === 'unknown' ? null : undefined) : data;
  const maxBodyLength = config ? lookupField(config, 'maxBodyLength', r) : undefined;
  if (maxBodyLength && unlimitedSize(maxBodyLength, r) && (body !== undefined || !isLookup(data))) {
    return `the request carries bodies of any size (maxBodyLength: ${r.text(maxBodyLength)}), so the right timeout depends on the upload; a decision for a person`;
  }
  return body ? streamOrForm(body, r) : null;
}

function isLookup(data: Node | Lookup | undefined): data is Lookup {
  return !!data && 'state' in data;
}

/**
 * Names that say a value is (or may be) an upload: a form, a file, a blob, a
 * stream (`formData`, `multipartBody`, `uploadStream`, `files`, `avatarFile`,
 * and a form by its own name: `form`, `multipartForm`, not `format`).
 */
const UPLOAD_NAME = /form_?data|multipart|upload|blob|stream/i;
/** Case matters here: `form`, `Form`, `buildForm`, `multipartForms`, not `transform`, `platform` or `format`. */
const FORM_NAME = /^[Ff]orms?$|[a-z0-9_]Forms?$/;
const FILE_NAME = /^files?$|Files?$/;
const UPLOAD_CLASS = /^(?:FormData|Blob|File|ReadableStream)$/;
const MAX_UPLOAD_DEPTH = 3;

/**
 * Why a body that is (or may be) a FormData, a file, a blob or a stream rules
 * out a fixed timeout; null otherwise. Only withholds a rewrite (the request
 * is still reported), so a name is evidence enough: a body named `formData`,
 * a `let` body any of whose values is one (`let body = formData; if (json)
 * body = text`), or a value made by a call named for a form
 * (`jsonToFormData(data)`).
 */
function streamOrForm(data: Node, r: Reporter, depth = 0): string | null {
  if (data.type === 'SpreadElement' || depth > MAX_UPLOAD_DEPTH) return null;
  const body = unwrapExpression(data);
  const made = body.type === 'NewExpression' ? calleeName(body.callee) : null;
  if (made !== null && UPLOAD_CLASS.test(made)) {
    return `the request sends a ${made} body, so the right timeout depends on the size of the upload; a decision for a person`;
  }
  if (body.type === 'CallExpression') {
    const called = calleeName(body.callee);
    if (called === 'createReadStream') return `the request sends a stream (${r.text(body.callee)}(...)), so the right timeout depends on the size of the upload; a decision for a person`;
    if (called !== null && (UPLOAD_NAME.test(called) || FORM_NAME.test(called))) return `the request sends what ${r.text(body.callee)}(...) makes, a form, a blob or a stream, so the right timeout depends on the size of the upload; a decision for a person`;
    return null;
  }
  const name = body.type === 'Identifier' ? body.name : body.type === 'MemberExpression' ? memberName(body) : null;
  const byName = `the request body (${name}) may be a form, a file or a stream, so the right timeout depends on the size of the upload; a decision for a person`;
  if (name !== null && (UPLOAD_NAME.test(name) || FILE_NAME.test(name))) return byName;
  // A plain `form` is judged by the values the file shows first (`const form = new FormData()`), by its name only without one.
  const formName = name !== null && FORM_NAME.test(name);
  if (body.type !== 'Identifier') return formName ? byName : null;
  // Every value a local takes: its initialiser and each later assignment.
  const variable = r.ctx.imports.variableOf(body);
  let valueShown = false;
  for (const def of variable?.defs ?? []) {
    const init = def.node.type === 'VariableDeclarator' ? def.node.init : null;
    if (init) valueShown = true;
    const why = init ? streamOrForm(init, r, depth + 1) : null;
    if (why) return why;
  }
  for (const reference of variable?.references ?? []) {
    const written = reference.writeExpr as Node | null | undefined;
    if (written && reference.isWrite() && !reference.init) valueShown = true;
    const why = written && reference.isWrite() && !reference.init ? streamOrForm(written, r, depth + 1) : null;
    if (why) return why;
  }
  // A plain `form` the file shows the value of is that value (`const form = new URLSearchParams()`); a parameter is its name.
  return formName && !valueShown ? byName : null;
}

function calleeName(callee: Node): string | null {
  const node = unwrapExpression(callee);
  return node.type === 'Identifier' ? node.name : memberName(node);
}

function checkAxiosCreate(call: TSESTree.CallExpression, r: Reporter, defaults: DefaultsAssignments, isDefaultInstance: (object: Node) => boolean): void {
  const subject = 'This axios instance';
  if (r.optionSet(call, 0, 'timeout', 'axios', subject)) return;
  // `instance.defaults.timeout = n`, or `axios.defaults.timeout = n` (copied into instances).
  if (axiosDefaultsBound((object) => instanceSource(object, r.ctx) === call, r, defaults)) return;
  if (axiosDefaultsBound(isDefaultInstance, r, defaults)) return;
  if (everyInstanceRequestBounded(call, r)) return;
  const upload = axiosUpload(call.arguments[0], undefined, r);
  if (upload) {
    r.missing('axios', subject, 'timeout', call, null, upload.replace('the request', 'the instance'));
    return;
  }
  r.missingOption(call, 0, 'timeout', r.ms, 'axios', subject);
}

/**
 * Does every use of the instance `create` made carry a timeout? twilio's `this.axios = axios.create()` is only
 * called as `this.axios(options)` with `timeout: opts.timeout || this.defaultTimeout` in `options`, configured
 * (`this.axios.defaults.headers...`, `this.axios.interceptors...`), and handed to a function of the file that
 * re-sends a request it made (`axios(res.config)`): the instance needs no default of its own. Each place the
 * instance is named (a `const` or a class field, never reassigned) must be one of those: a request call with a
 * timeout, a signal or a cancel token that is set (not merely unknown); `.defaults` or `.interceptors`; or an
 * argument to a function declared in the file whose parameter is only used that way, or re-sends a request's own
 * `config`. Anything else (exported, returned, stored, put in an object, aliased, handed to a function the file
 * cannot see) may make requests this file cannot see. Needs at least one request.
 */
function everyInstanceRequestBounded(create: TSESTree.CallExpression, r: Reporter): boolean {
  const slot = create.parent;
  let uses: Node[] | null = null;
  if (slot?.type === 'VariableDeclarator' && slot.init === create && slot.id.type === 'Identifier' && slot.parent?.type === 'VariableDeclaration' && slot.parent.kind === 'const') {
    if (slot.parent.parent?.type === 'ExportNamedDeclaration') return false;
    const variable = r.ctx.imports.variableOf(slot.id);
    uses = variable ? variable.references.filter((ref) => !ref.init).map((ref) => ref.identifier as Node) : null;
  } else if (slot?.type === 'AssignmentExpression' && slot.operator === '=' && slot.right === create && slot.left.type === 'MemberExpression' && slot.left.object.type === 'ThisExpression') {
    const field = memberName(slot.left);
    let body: Node | undefined = slot.parent;
    while (body && body.type !== 'ClassBody') body = body.parent;
    if (field === null || !body) return false;
    // Every `.field` of the file must be `this.field` in the class's own methods: no `c.http` from outside or
    // through an alias (`const self = this; self.http`), no `Client.prototype.b = function () { this.http... }`,
    // and no `{ http }` destructured from anything.
    const found: Node[] = [];
    let reachedOtherwise = false;
    walkAll(r.ctx.sourceCode.ast, r.ctx.keys, (n) => {
      if (reachedOtherwise) return false;
      if (n.type === 'MemberExpression' && n !== slot.left && memberName(n) === field) {
        const owner = n.object.type === 'ThisExpression' ? thisOwner(n) : null;
        if (owner && owner.owner === body && !owner.isStatic) found.push(n);
        else reachedOtherwise = true;
      } else if (n.type === 'Property' && n.parent?.type === 'ObjectPattern' && staticKeyName(n.key, n.computed) === field) reachedOtherwise = true;
      return true;
    });
    if (reachedOtherwise) return false;
    uses = found;
  }
  if (!uses) return false;
  const requests = { count: 0 };
  return uses.every((use) => instanceUseBounded(use, r, requests, 0)) && requests.count > 0;
}

/** One place an axios instance is named (see `everyInstanceRequestBounded`). */
function instanceUseBounded(use: Node, r: Reporter, requests: { count: number }, depth: number): boolean {
  const { imports } = r.ctx;
  const parent = use.parent;
  const bounded = (config: Node | undefined) => {
    if (!config) return false;
    // `axios(res.config)`, `instance.request(error.config)`: a request the instance made, sent again as it was.
    // The response or error a callback was handed: `res.config`, `error.config` (not `this.config`).
    const value = throughConst(config, imports);
    if (value.type === 'MemberExpression' && memberName(value) === 'config' && value.object.type === 'Identifier' && imports.variableOf(value.object)?.defs[0]?.type === 'Parameter') return true;
    const timeout = lookupIn(config, 'timeout', imports);
    if (timeout.state === 'set' && !disablesTimeout(timeout.value, imports)) return true;
    return lookupIn(config, 'signal', imports).state === 'set' || lookupIn(config, 'cancelToken', imports).state === 'set';
  };
  if (parent?.type === 'CallExpression' && parent.callee === use) {
    requests.count++;
    // `instance(config)`, `instance(url, config)`; one argument the file cannot read is taken for the config.
    const index = axiosRequestIndex(parent, null, r.ctx) ?? (parent.arguments.length === 1 ? 0 : null);
    return index !== null && bounded(parent.arguments[index]);
  }
  if (parent?.type === 'MemberExpression' && parent.object === use) {
    const name = memberName(parent);
    if (name === 'defaults' || name === 'interceptors') return true;
    if (name === null || !Object.hasOwn(AXIOS_CONFIG_INDEX, name) || parent.parent?.type !== 'CallExpression' || parent.parent.callee !== parent) return false;
    requests.count++;
    return bounded(parent.parent.arguments[AXIOS_CONFIG_INDEX[name]!]);
  }
  // Handed to a function of the file: each use of its parameter must pass the same test.
  if (parent?.type === 'CallExpression' && depth < 2 && parent.callee.type === 'Identifier') {
    const index = parent.arguments.indexOf(use as TSESTree.CallExpressionArgument);
    const variable = imports.variableOf(parent.callee);
    const def = variable?.defs.length === 1 ? variable.defs[0]!.node : null;
    const fn = def?.type === 'FunctionDeclaration' ? def : def?.type === 'VariableDeclarator' && def.init && isFunction(def.init) ? def.init : null;
    const param = fn?.params[index];
    if (!fn || param?.type !== 'Identifier') return false;
    const paramVariable = imports.variableOf(param);
    if (!paramVariable || paramVariable.references.some((ref) => ref.isWrite())) return false;
    return paramVariable.references.every((ref) => instanceUseBounded(ref.identifier as Node, r, requests, depth + 1));
  }
  return false;
}

/** `axios.defaults.timeout = 0`: reported at the assignment. */
function checkDefaultsAssignment(assignment: TSESTree.AssignmentExpression, r: Reporter): void {
  if (!disablesTimeout(assignment.right, r.ctx.imports)) return;
  const target = ((assignment.left as TSESTree.MemberExpression).object as TSESTree.MemberExpression).object;
  const origin = originOf(target, r.ctx);
  if (!origin || origin.module !== 'axios') return;
  const path = modulePath(origin);
  if (path.length !== 0 && !(path.length === 2 && path[0] === 'create')) return;
  r.findings.push({
    library: 'axios',
    kind: 'disabled',
    waits: 'forever',
    node: assignment,
    subject: path.length === 0 ? 'The default axios instance' : 'This axios instance',
    option: `defaults.timeout = ${r.text(assignment.right)}`,
    fix: { description: `Set timeout to ${r.ms}.`, edits: [{ range: assignment.right.range, text: r.ms }] },
    noFix: null,
  });
}

// ---------------------------------------------------------------------------
// got

const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'stream', 'paginate']);

/** Splits a got path into the number of `extend()` steps and the rest. */
function gotPath(origin: Origin): { extended: boolean; rest: readonly string[] } {
  const path = modulePath(origin);
  let i = 0;
  while (path[i] === 'extend' && path[i + 1] === '()') i += 2;
  return { extended: i > 0, rest: path.slice(i) };
}

function isGotRequest(rest: readonly string[]): boolean {
  if (rest.length === 0) return true;
  if (!GOT_METHODS.has(rest[0]!)) return false;
  if (rest.length === 1) return true;
  return rest.length === 2 && (rest[0] === 'stream' ? GOT_METHODS.has(rest[1]!) : rest[0] === 'paginate' && (rest[1] === 'all' || rest[1] === 'each'));
}

/** got's `timeout` option: bounded unless every phase given is `Infinity` (reported at that phase). */
function gotTimeoutBounds(value: Node, subject: string, r: Reporter): void {
  const object = objectLiteral(value, r.ctx.imports);
  if (!object) {
    // got < 12 took a number.
    if (disablesTimeout(value, r.ctx.imports)) r.disabled('got', subject, value.parent as TSESTree.Property, 'timeout', `{ request: ${r.ms} }`);
    return;
  }
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.key.type !== 'Identifier') continue;
    const phase = throughConst(property.value, r.ctx.imports);
    if (phase.type === 'Identifier' && phase.name === 'Infinity') r.disabled('got', subject, property, property.key.name, r.ms);
  }
}

function checkGot(call: Call, origin: Origin, r: Reporter): void {
  if (call.type !== 'CallExpression') return;
  const { imports } = r.ctx;
  const { extended, rest } = gotPath(origin);
  if (rest.length === 1 && rest[0] === 'extend') {
    checkGotExtend(call, r);
    return;
  }
  if (!isGotRequest(rest) || raceBounded(call, imports)) return;
  const index = objectLiteral(call.arguments[0], imports) ? 0 : isUrl(call.arguments[0], r.ctx) ? 1 : null;
  if (index === null) return;
  const config = call.arguments[index];
  const subject = 'This got request';
  const timeout: Lookup = config ? lookupIn(config, 'timeout', imports) : { state: 'absent' };
  if (timeout.state === 'set') {
    gotTimeoutBounds(timeout.value, subject, r);
    return;
  }
  if (timeout.state === 'unknown' || (config && lookupIn(config, 'signal', imports).state !== 'absent')) return;
  // Calls on an instance are reported at its `extend()` call.
  if (extended) return;
  const value = `{ request: ${r.ms} }`;
  r.missingOption(call, index, 'timeout', value, 'got', subject);
}

/** Does a got instance (the object `.extend` is called on, or an extend call) carry a timeout? */
function gotInstanceBound(node: Node, r: Reporter, depth = 0): 'bounded' | 'absent' | 'unknown' {
  if (depth > 8) return 'unknown';
  const origin = originOf(node, r.ctx);
  if (origin?.module !== 'got') return 'unknown';
  if (modulePath(origin).length === 0) return 'absent';
  const source = instanceSource(node, r.ctx);
  if (source?.type !== 'CallExpression') return 'unknown';
  const callee = unwrapExpression(source.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'extend') return 'unknown';
  for (const arg of source.arguments) {
    const timeout = lookupIn(arg, 'timeout', r.ctx.imports);
    if (timeout.state !== 'absent') return timeout.state === 'set' ? 'bounded' : 'unknown';
  }
  return gotInstanceBound(callee.object, r, depth + 1);
}

function checkGotExtend(call: TSESTree.CallExpression, r: Reporter): void {
  const { imports } = r.ctx;
  const subject = 'This got instance';
  for (const arg of call.arguments) {
    const timeout = lookupIn(arg, 'timeout', imports);
    if (timeout.state === 'set') gotTimeoutBounds(timeout.value, subject, r);
    if (timeout.state !== 'absent') return;
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || gotInstanceBound(callee.object, r) !== 'absent') return;
  // An instance only used as the base of further `extend()` calls is not a client of its own.
  const variable = declaredBy(call, imports);
  const chains = variable ? variableChains(variable) : null;
  if (chains && chains.length > 0 && chains.every((chain) => chain[0]!.name === 'extend')) return;
  const value = `{ request: ${r.ms} }`;
  r.missingOption(call, 0, 'timeout', value, 'got', subject);
}

// ---------------------------------------------------------------------------
// http.request / https.request / http.get / https.get

/** A response callback: a function, or a name that says so (`cb`, `callback`, `onResponse`, `handleResponse`). */
function isCallback(node: Node, ctx: TimeoutContext): boolean {
  if (node.type === 'SpreadElement') return false;
  const value = throughConst(node, ctx.imports);
  if (isFunction(value)) return true;
  return value.type === 'Identifier' && /^(?:cb|callback|done|next|on[A-Z]\w*|handle[A-Z]?\w*)$/.test(value.name);
}

function calledIn(chains: readonly (readonly MethodCall[])[], test: (call: MethodCall) => boolean): boolean {
  return chains.some((chain) => chain.some(test));
}

function checkHttp(call: Call, origin: Origin, r: Reporter): void {
  if (call.type !== 'CallExpression') return;
  const path = modulePath(origin);
  if (path.length !== 1 || (path[0] !== 'request' && path[0] !== 'get')) return;
  const { imports } = r.ctx;
  const library = origin.module!;
  const [first, second] = call.arguments;
  let index: number | null;
  if (objectLiteral(first, imports)) index = 0;
  else if (!isUrl(first, r.ctx)) return;
  else if (!second || isCallback(second, r.ctx)) index = null;
  else if (objectLiteral(second, imports)) index = 1;
  else return;
  const subject = `This ${library}.${path[0]} call`;
  if (index !== null) {
    const options = call.arguments[index];
    if (r.optionSet(call, index, 'timeout', library, subject)) return;
    for (const other of ['signal', 'agent', 'createConnection']) if (lookupIn(options, other, imports).state !== 'absent') return;
  }
  // `.setTimeout(...)` on the returned request, or a timer that destroys it.
  const { calls, end } = methodChain(call);
  const chains: MethodCall[][] = [calls];
  if (end.parent?.type !== 'ExpressionStatement') {
    const variable = declaredBy(end, imports);
    const uses = variable ? variableChains(variable) : null;
    if (!uses) return;
    chains.push(...uses);
  }
  const timed = (c: MethodCall) => c.name === 'setTimeout' || ((c.name === 'destroy' || c.name === 'abort') && insideTimer(c.call, r.ctx));
  if (calledIn(chains, timed)) return;
  // The fix is an abort signal, not Node's `timeout` option: that option only
  // emits 'timeout' and leaves the request open unless a handler destroys it,
  // while `signal` (http.request since Node 15.3) aborts the request and its
  // response with an AbortError when the time is up.
  const signal = `AbortSignal.timeout(${r.ms})`;
  const description = `Add signal: ${signal}.`;
  // Not where the package's engines.node allows a Node without AbortSignal.timeout: the `timeout` option alone
  // does not abort, and a timer that destroys the request needs the request's variable.
  const blocked = r.ctx.abortSignalTimeoutBlocked();
  if (blocked) {
    r.missing(library, subject, 'timeout', call, null, blocked);
    return;
  }
  if (index !== null) {
    r.missing(library, subject, 'timeout', call, { description, edits: r.setOption(call, index, 'signal', signal) });
    return;
  }
  // No options object: one goes in before the callback (or after the URL).
  r.missing(library, subject, 'timeout', call, { description, edits: insertArgument(r.ctx, call, 1, `{ signal: ${signal} }`) });
}

// ---------------------------------------------------------------------------
// superagent

const SUPERAGENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options']);

function checkSuperagent(call: Call, origin: Origin, r: Reporter): void {
  if (call.type !== 'CallExpression') return;
  const path = modulePath(origin);
  if (path.length > 1 || (path.length === 1 && !SUPERAGENT_METHODS.has(path[0]!)) || call.arguments.length === 0) return;
  const { imports } = r.ctx;
  const subject = 'This superagent request';
  const { calls, end } = methodChain(call);
  const chains: MethodCall[][] = [calls];
  const variable = declaredBy(end, imports);
  if (variable) {
    const uses = variableChains(variable);
    if (!uses) return;
    chains.push(...uses);
  } else {
    const parent = end.parent;
    if (parent?.type === 'CallExpression' && parent.callee !== end) {
      // Handed to another call: only `Promise.all`-like collections keep it in view.
      if (!isGlobalCall(parent, imports, 'Promise', 'all') && !isGlobalCall(parent, imports, 'Promise', 'allSettled')) return;
    }
    if (parent?.type === 'ArrayExpression' || parent?.type === 'Property' || parent?.type === 'AssignmentExpression') return;
  }
  if (raceBounded(end, imports)) return;
  const steps = chains.flat();
  if (steps.some((step) => step.name === 'use')) return;
  const timeouts = steps.filter((step) => step.name === 'timeout');
  for (const step of timeouts) {
    const arg = step.call.arguments[0];
    if (!arg || arg.type === 'SpreadElement') continue;
    // `.timeout(0)`, or `.timeout({ response: 0, deadline: 0 })`: every limit off.
    const limits = objectLiteral(arg, imports);
    const values = limits?.properties.map((p) => (p.type === 'Property' ? p.value : null)) ?? [arg];
    if (values.length > 0 && values.every((value) => !!value && disablesTimeout(value, imports, true))) r.disabled('superagent', subject, arg, 'timeout', r.ms);
  }
  if (timeouts.length > 0) return;
  r.missing('superagent', subject, '.timeout(...)', call, {
    description: `Add .timeout(${r.ms}).`,
    edits: [{ range: [call.range[1], call.range[1]], text: `.timeout(${r.ms})` }],
  });
}

// ---------------------------------------------------------------------------
// pg

function checkPg(call: Call, origin: Origin, r: Reporter): void {
  if (call.type !== 'NewExpression') return;
  const path = modulePath(origin);
  const name = path.at(-1);
  if ((name !== 'Pool' && name !== 'Client') || !(path.length === 1 || (path.length === 2 && path[0] === 'native'))) return;
  const { imports } = r.ctx;
  const subject = `This pg ${name === 'Pool' ? 'pool' : 'client'}`;
  const option = 'connectionTimeoutMillis';
  const fix = (edits: TextEdit[] | null): Fix => ({ description: `Add ${option}: ${r.ms}.`, edits });
  const config = call.arguments[0];
  if (!config) {
    r.missing('pg', subject, option, call, fix(insertArgument(r.ctx, call, 0, `{ ${option}: ${r.ms} }`)));
    return;
  }
  if (config.type === 'SpreadElement') return;
  const literal = throughConst(config, imports);
  if (literal.type === 'TemplateLiteral' || (literal.type === 'Literal' && typeof literal.value === 'string')) {
    r.missing('pg', subject, option, call, fix([{ range: config.range, text: `{ connectionString: ${r.text(config)}, ${option}: ${r.ms} }` }]));
    return;
  }
  if (!r.optionSet(call, 0, option, 'pg', subject)) r.missingOption(call, 0, option, r.ms, 'pg', subject);
}

// ---------------------------------------------------------------------------
// AWS SDK v3 clients

const HTTP_HANDLER_MODULES = new Set(['@smithy/node-http-handler', '@aws-sdk/node-http-handler']);
/** The longest SQS holds a ReceiveMessage long poll (WaitTimeSeconds at most 20). */
const SQS_LONG_POLL_MS = 20_000;
/** The longest a Node timer waits (a longer one fires after 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * `requestTimeout` bounds a request; since @smithy/node-http-handler 4 it only
 * logs a warning unless `throwOnRequestTimeout: true` (before, it was a socket
 * idle timeout), so the suggestions set both. `socketTimeout` also bounds it.
 */
function checkAwsClient(call: Call, origin: Origin, r: Reporter): void {
  if (call.type !== 'NewExpression') return;
  const path = modulePath(origin);
  if (path.length !== 1 || !path[0]!.endsWith('Client')) return;
  const { imports } = r.ctx;
  const library = 'the AWS SDK';
  const subject = `This ${path[0]}`;
  const option = 'requestTimeout';
  const missing = `${option} in its requestHandler`;
  // An SQS client may long-poll: SQS holds a ReceiveMessage for up to 20 s (WaitTimeSeconds is at
  // most 20) before it answers, and requestTimeout runs until the response headers arrive (for a
  // long poll, the whole hold), so a timeout of `timeoutMs` alone would cut healthy polls. The
  // suggestion allows the hold on top of it (capped at the longest timer Node runs).
  const longPoll = origin.module === '@aws-sdk/client-sqs' && path[0] === 'SQSClient';
  const capped = Number(r.ms) + SQS_LONG_POLL_MS > MAX_TIMER_MS;
  const ms = longPoll ? String(capped ? MAX_TIMER_MS : Number(r.ms) + SQS_LONG_POLL_MS) : r.ms;
  const allowance = capped ? 'the longest timer Node runs' : `the timeout allows that hold plus ${r.ms} ms`;
  const why = longPoll ? ` (SQS holds a ReceiveMessage long poll for up to 20 s: ${allowance})` : '';
  const settingsText = `${option}: ${ms}, throwOnRequestTimeout: true`;
  const fix = (edits: TextEdit[] | null, text: string): Fix => ({ description: `Add ${text}${why}.`, edits });
  const config = call.arguments[0];
  if (!config) {
    r.missing(library, subject, missing, call, fix(insertArgument(r.ctx, call, 0, `{ requestHandler: { ${settingsText} } }`), `requestHandler: { ${settingsText} }`));
    return;
  }
  const handler = lookupIn(config, 'requestHandler', imports);
  if (handler.state === 'unknown') return;
  if (handler.state === 'absent') {
    r.missing(library, subject, missing, call, fix(r.setOption(call, 0, 'requestHandler', `{ ${settingsText} }`), `requestHandler: { ${settingsText} }`));
    return;
  }
  const value = throughConst(handler.value, imports);
  let settings: TSESTree.ObjectExpression | null = null;
  if (value.type === 'ObjectExpression') settings = value;
  else if (value.type === 'NewExpression') {
    const made = originOf(value.callee, r.ctx);
    if (!made || !HTTP_HANDLER_MODULES.has(made.module ?? '') || modulePath(made).join('.') !== 'NodeHttpHandler') return;
    if (value.arguments.length === 0) {
      r.missing(library, subject, missing, call, fix(insertArgument(r.ctx, value, 0, `{ ${settingsText} }`), settingsText));
      return;
    }
    settings = objectLiteral(value.arguments[0], imports);
  }
  if (!settings) return;
  const timeout = lookup(settings, option, imports);
  const throws = lookup(settings, 'throwOnRequestTimeout', imports).state !== 'absent';
  const alsoThrow: [string, string][] = throws ? [] : [['throwOnRequestTimeout', 'true']];
  if (timeout.state === 'set' && disablesTimeout(timeout.value, imports)) {
    const edits = [...replaceProperty(timeout.property, option, ms), ...(throws ? [] : addProperty(r.ctx, settings, 'throwOnRequestTimeout', 'true'))];
    r.findings.push({ library, kind: 'disabled', waits: 'forever', node: timeout.property, subject, option: `${option}: ${r.text(timeout.value)}`, fix: { description: `Set ${option} to ${ms}${why}.`, edits }, noFix: null });
    return;
  }
  if (timeout.state !== 'absent') return;
  const socket = lookup(settings, 'socketTimeout', imports);
  if (socket.state === 'unknown' || (socket.state === 'set' && !disablesTimeout(socket.value, imports))) return;
  r.missing(library, subject, missing, call, fix(addProperty(r.ctx, settings, option, ms, ...alsoThrow), throws ? `${option}: ${ms}` : settingsText));
}

// ---------------------------------------------------------------------------

/** The checks of one file: a call or `new` in, findings out. */
/** What call() and assignment() return for most nodes: one shared empty list, not a new one per node. */
const NO_FINDINGS: readonly TimeoutFinding[] = Object.freeze([]);

export class TimeoutChecks {
  private readonly defaults: DefaultsAssignments;

  constructor(private readonly ctx: TimeoutContext) {
    this.defaults = new DefaultsAssignments(ctx);
  }

  call(call: Call): readonly TimeoutFinding[] {
    // A spread argument may carry any option.
    for (const arg of call.arguments) if (arg.type === 'SpreadElement') return NO_FINDINGS;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression' && callee.type !== 'CallExpression') return NO_FINDINGS;
    const origin = originOf(callee, this.ctx);
    if (!origin) return NO_FINDINGS;
    const r = new Reporter(this.ctx);
    if (isFetch(origin)) {
      if (call.type === 'CallExpression') checkFetch(call, origin, r);
      return r.findings;
    }
    switch (origin.module) {
      case 'axios':
        checkAxios(call, origin, r, this.defaults);
        break;
      case 'got':
        checkGot(call, origin, r);
        break;
      case 'http':
      case 'https':
        checkHttp(call, origin, r);
        break;
      case 'superagent':
        checkSuperagent(call, origin, r);
        break;
      case 'pg':
        checkPg(call, origin, r);
        break;
      default:
        if (origin.module?.startsWith(AWS_CLIENT_PREFIX)) checkAwsClient(call, origin, r);
    }
    return r.findings;
  }

  assignment(assignment: TSESTree.AssignmentExpression): readonly TimeoutFinding[] {
    if (assignment.operator !== '=' || memberName(assignment.left) !== 'timeout') return NO_FINDINGS;
    if (memberName((assignment.left as TSESTree.MemberExpression).object) !== 'defaults') return NO_FINDINGS;
    const r = new Reporter(this.ctx);
    checkDefaultsAssignment(assignment, r);
    return r.findings;
  }
}
