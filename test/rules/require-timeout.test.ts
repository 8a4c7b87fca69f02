import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { jsRuleTester, ruleTester } from '../rule-tester';
import ruleModule, { type MessageIds, type Options } from '../../rules/require-timeout';

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
const defaultRule = ruleModule as unknown as Parameters<typeof ruleTester.run<MessageIds, [Partial<Options>]>>[1];

/**
 * The rule with `reportFetch` on unless a case sets it: most suites below test
 * how fetch is read (its signals, its init, its suggestions), which the
 * default (`recommended`) leaves to `strict`. The suite "reportFetch" tests the
 * default itself.
 */
const rule: typeof defaultRule = {
  ...defaultRule,
  // ESLint merges meta.defaultOptions into the options it hands the rule, so the default is changed there.
  meta: { ...defaultRule.meta, defaultOptions: [{ ...(defaultRule.meta.defaultOptions as Options[])[0], reportFetch: true }] },
};

type Position = [line: number, column: number, endLine: number, endColumn: number];

/** A report of a missing timeout at `position`, with the one suggestion's output (or none). */
function missing(position: Position, output: string | null) {
  const [line, column, endLine, endColumn] = position;
  return { messageId: 'missingTimeout' as const, line, column, endLine, endColumn, suggestions: output === null ? [] : [{ messageId: 'addTimeout' as const, output }] };
}

/** A report of a Node fetch (global or undici's) without a bound: undici's 5-minute defaults apply. */
function missingFetch(position: Position, output: string | null) {
  return { ...missing(position, output), messageId: 'missingFetchTimeout' as const };
}

/** A report of a fetch that may not be Node's own with its defaults (a polyfill, a browser's, a replaced dispatcher): the doubt is said. */
function unknownFetch(position: Position, output: string | null, doubt: string, noFix = '') {
  return { ...missing(position, output), messageId: 'missingFetchTimeoutUnknown' as const, data: { subject: 'This fetch call', option: 'signal', doubt, noFix } };
}
const enginesDoubt = (range: string, source = "the package's engines.node") =>
  `${source} \`${range}\` allows a Node before 18, whose global fetch is a polyfill (node-fetch and most polyfills set no timeout)`;

/** A report of an option that turns the timeout off, with the suggestion's output. */
function disabled(position: Position, output: string) {
  const [line, column, endLine, endColumn] = position;
  return { messageId: 'disabledTimeout' as const, line, column, endLine, endColumn, suggestions: [{ messageId: 'addTimeout' as const, output }] };
}

/** A file in a package whose installed node-fetch is `v2` (2.7.0) or `v3` (3.3.2); node-fetch suggestions follow that version. */
const nodeFetchFixture = (dir: 'v2' | 'v3') => new URL(`../../fixtures/node-fetch/${dir}/src/client.js`, import.meta.url).pathname;

ruleTester.run('require-timeout', rule, {
  valid: [
    // fetch bounded by AbortSignal.timeout, by AbortSignal.any with a timeout, by a controller a timer aborts.
    `export const a = (url) => fetch(url, { signal: AbortSignal.timeout(5000) });`,
    `export const a = (url, shutdown) => fetch(url, { signal: AbortSignal.any([shutdown.signal, AbortSignal.timeout(5000)]) });`,
    `export async function a(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}`,
    `export async function a(url) {
  const signal = AbortSignal.timeout(5000);
  return fetch(url, { signal });
}`,
    // Trap: a signal from a parameter is the caller's to bound.
    `export const a = (url, signal) => fetch(url, { signal });`,
    `export const a = (url, options) => fetch(url, { method: 'GET', signal: options.signal });`,
    // Trap: raced against a timer, or handed to a timeout wrapper.
    `export const a = (url) => Promise.race([fetch(url), new Promise((_, reject) => setTimeout(reject, 5000))]);`,
    `export async function a(url) {
  const request = fetch(url).then((res) => res.json());
  return Promise.race([request, timeout(5000)]);
}`,
    `import pTimeout from 'p-timeout';
export const a = (url) => pTimeout(fetch(url), { milliseconds: 5000 });`,
    // Trap: a local function that shadows fetch.
    `function fetch(key) { return cache.get(key); }
export const a = () => fetch('user');`,
    `export function a(fetch) { return fetch('/x'); }`,
    // Trap: init the file does not show (a parameter), a spread of a const that sets a signal, a Request with its own signal.
    `export const a = (url, init) => fetch(url, init);`,
    `const defaults = { signal: AbortSignal.timeout(5000) };
export const a = (url) => fetch(url, { ...defaults, method: 'POST' });`,
    `export const a = (url) => fetch(new Request(url, { signal: AbortSignal.timeout(5000) }));`,
    // Trap (Speakeasy's DEFAULT_FETCHER, @mistralai/mistralai, from a ledger batch): a drop-in fetcher hands on the
    // caller's Request, which carries the caller's signal, with or without an init.
    `const DEFAULT_FETCHER = (input, init) => {
  if (init == null) {
    return fetch(input);
  } else {
    return fetch(input, init);
  }
};`,
    // Trap: a parameter typed as a Request carries the caller's signal.
    `export const send = (request: Request) => fetch(request);`,
    // Trap (Crawlee's browser-pool extension, from a ledger batch): an address no dependency serves. A browser
    // extension's own packaged file (the global \`chrome\`/\`browser\`, or webextension-polyfill's), a blob's
    // object URL, a \`data:\` or \`blob:\` URL written out.
    `export const load = async () => (await fetch(chrome.runtime.getURL('content.js'))).text();`,
    `const page = browser.runtime.getURL('page.html');
export const load = () => fetch(page, { method: 'GET' });`,
    `import browser from 'webextension-polyfill';
export const load = () => fetch(browser.runtime.getURL('rules.json'));`,
    `export const read = (blob) => fetch(URL.createObjectURL(blob)).then((r) => r.arrayBuffer());
export const pixel = () => fetch('data:image/gif;base64,R0lGODlhAQABAAAAACw=');
export const bytes = (id) => fetch(\`blob:\${location.origin}/\${id}\`);`,
    `import { browser } from 'wxt/browser';
export const load = () => fetch(browser.runtime.getURL('/icons.json'), { cache: 'no-store' });`,
    // Trap: a `new` of a class the file imports may be a Request of its own; only the global `URL` is known to be an address.
    `import { URL } from './url-like.js';
export const get = (path) => fetch(new URL(path));`,
    // Trap: a dispatcher of the caller's sets Node's fetch timeouts (headersTimeout, bodyTimeout).
    `import { Agent, fetch } from 'undici';
const agent = new Agent({ headersTimeout: 5000, bodyTimeout: 5000 });
export const a = (url) => fetch(url, { dispatcher: agent });
export const b = (url, dispatcher) => globalThis.fetch(url, { method: 'GET', dispatcher });`,
    // Trap: a controller passed elsewhere may be aborted by a timer we do not see.
    `export function a(url) {
  const controller = new AbortController();
  watchdog(controller);
  return fetch(url, { signal: controller.signal });
}`,
    // Trap: node-fetch 2 honours its own timeout option.
    `import fetch from 'node-fetch';
export const a = (url) => fetch(url, { timeout: 5000 });`,
    // Not fetch: a method named fetch on some object.
    `export const a = (repo) => repo.fetch('x');`,

    // axios with a timeout in the request, on the instance, or on the defaults.
    `import axios from 'axios';
export const a = (url) => axios.get(url, { timeout: 5000 });
export const b = (url, body) => axios.post(url, body, { timeout: 5000 });
export const c = (url) => axios({ url, timeout: 5000 });`,
    `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
export const a = () => api.get('/users');`,
    `import axios from 'axios';
axios.defaults.timeout = 5000;
export const a = (url) => axios.get(url);
const api = axios.create({ baseURL: 'https://api.example.com' });`,
    `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
api.defaults.timeout = 5000;
export const a = () => api.get('/users');`,
    `import axios from 'axios';
export class Client {
  constructor() {
    this.http = axios.create({ timeout: 5000 });
  }
  users() {
    return this.http.get('/users');
  }
}`,
    // Trap (real code, twilio's RequestClient): an instance made with no timeout whose every request in the file sets its
    // own (`this.axios(options)` with `timeout: opts.timeout || this.defaultTimeout`); the instance is kept in a class field.
    `import axios from 'axios';
export class RequestClient {
  constructor(opts = {}) {
    this.defaultTimeout = opts.timeout || 30000;
    this.axios = axios.create();
    this.axios.defaults.headers.post['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  async request(opts) {
    const options = {
      timeout: opts.timeout || this.defaultTimeout,
      url: opts.uri,
      method: opts.method,
    };
    return this.axios(options);
  }
  get(uri) {
    return this.axios.get(uri, { timeout: this.defaultTimeout });
  }
}`,
    // Trap: a spread of a const options object that sets one; a wrapper in the same file that always passes one.
    `import axios from 'axios';
const base = { timeout: 5000 };
export const a = (url) => axios.get(url, { ...base, params: { q: 1 } });`,
    `import axios from 'axios';
const withTimeout = (config) => ({ ...config, timeout: 5000 });
export const a = (url) => axios.get(url, withTimeout({ params: { q: 1 } }));`,
    // Trap: config the file does not show; a signal or cancel token bounds it; an instance made in another file.
    `import axios from 'axios';
export const a = (url, config) => axios.get(url, config);
export const b = (url) => axios.get(url, { signal: AbortSignal.timeout(5000) });`,
    `import api from './api';
export const a = () => api.get('/users');`,
    `import axios from 'axios';
export const a = (e) => axios.isAxiosError(e) || axios.isCancel(e);`,

    // got with a timeout, through extend, and an extend only used as a base.
    `import got from 'got';
export const a = (url) => got(url, { timeout: { request: 5000 } });
export const b = (url) => got.post(url, { json: {}, timeout: { response: 2000 } });`,
    `import got from 'got';
const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 5000 } });
export const a = () => client.get('users');
const scoped = client.extend({ headers: { a: 'b' } });
export const b = () => scoped.get('users');`,
    `import got from 'got';
const base = got.extend({ prefixUrl: 'https://api.example.com' });
const client = base.extend({ timeout: { request: 5000 } });
export const a = () => client.get('users');`,

    // http / https with a timeout option, .setTimeout on the returned request, or a timer that destroys it.
    `import http from 'node:http';
export const a = (url, cb) => http.get(url, { timeout: 5000 }, cb);`,
    `import https from 'https';
export function a(options, cb) {
  const req = https.request({ host: 'example.com', path: '/' }, cb);
  req.setTimeout(5000, () => req.destroy());
  req.end();
}`,
    `import http from 'http';
export function a(cb) {
  http.get('http://example.com', cb).setTimeout(5000, function () { this.destroy(); });
}`,
    `import http from 'http';
export function a(cb) {
  const req = http.get('http://example.com', cb);
  setTimeout(() => req.destroy(), 5000);
}`,
    // Trap: options the file does not show; a request handed to the caller.
    `import http from 'http';
export const a = (options, cb) => http.request(options, cb);
export const b = (cb) => http.request({ host: 'example.com' }, cb);`,

    // Trap: a const options object that gets its timeout (or any key) assigned later.
    `import http from 'http';
export function a(host, cb) {
  const options = { host, path: '/' };
  options.timeout = 5000;
  return http.request(options, cb).end();
}`,
    `export function a(url, extra) {
  const init = { method: 'GET' };
  Object.assign(init, extra);
  return fetch(url, init);
}`,
    // superagent with .timeout, or a plugin that may set one.
    `import request from 'superagent';
export const a = () => request.get('/users').timeout({ response: 5000, deadline: 60000 });
export const b = () => request.post('/users').use(withTimeouts).send({});`,
    `import request from 'superagent';
export async function a() {
  const req = request.get('/users');
  req.timeout(5000);
  return req;
}`,

    // Trap: a superagent request handed to a call the file does not show may get its timeout there.
    `import request from 'superagent';
export const a = () => withRetries(request.get('/users'));`,
    // Trap: a spread argument may carry any option.
    `import axios from 'axios';
export const a = (args) => axios.get(...args);`,
    // pg with connectionTimeoutMillis, or config the file does not show.
    `import { Pool } from 'pg';
export const pool = new Pool({ max: 10, connectionTimeoutMillis: 5000 });`,
    `import pg from 'pg';
export const make = (config) => new pg.Client(config);
export const pool = new pg.Pool({ ...settings });`,

    // AWS SDK v3 clients with a request timeout, a handler the file does not show, and commands.
    `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ requestTimeout: 5000 }) });
export const ddb = new S3Client({ region: 'eu-west-1', requestHandler: { requestTimeout: 5000 } });
export const command = new GetObjectCommand({ Bucket: 'b', Key: 'k' });`,
    `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ requestHandler: { socketTimeout: 30000 } });
export const s3b = new S3Client({ requestHandler: { requestTimeout: 5000, throwOnRequestTimeout: true } });`,
    `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ requestHandler: handler });
export const make = (config) => new S3Client(config);`,

    // Not reported: clients bounded by default (ky, undici.request, mysql2, mongodb, redis 4) and ioredis's commandTimeout.
    `import ky from 'ky';
import { request } from 'undici';
import mysql from 'mysql2/promise';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import Redis from 'ioredis';
export const a = (url) => ky.get(url).json();
export const b = (url) => request(url);
export const c = mysql.createPool({ host: 'db' });
export const d = mongoose.connect('mongodb://db/app');
export const e = createClient({ url: 'redis://cache' });
export const f = new Redis();`,
  ],
  invalid: [
    // Twins of the local address: a \`chrome\` the file declares is somebody's client, and an address that only
    // mentions a scheme later is a server's.
    {
      code: `import { chrome } from './clients.js';
export const load = () => fetch(chrome.runtime.getURL('content.js'));`,
      errors: [missingFetch([2, 27, 2, 69], `import { chrome } from './clients.js';
export const load = () => fetch(chrome.runtime.getURL('content.js'), { signal: AbortSignal.timeout(10000) });`)],
    },
    // A file that puts its own object in the global's place (a dev harness) may answer a server's address.
    {
      code: `if (!globalThis.chrome?.runtime?.id) globalThis.chrome = { runtime: { getURL: (p) => \`https://cdn.example.com/ext/\${p}\` } };
export const load = async () => (await fetch(chrome.runtime.getURL('rules.json'))).json();`,
      errors: [missingFetch([2, 40, 2, 82], `if (!globalThis.chrome?.runtime?.id) globalThis.chrome = { runtime: { getURL: (p) => \`https://cdn.example.com/ext/\${p}\` } };
export const load = async () => (await fetch(chrome.runtime.getURL('rules.json'), { signal: AbortSignal.timeout(10000) })).json();`)],
    },
    {
      code: `chrome.runtime.getURL = (p) => 'https://cdn.example.com/' + p;
export const load = () => fetch(chrome.runtime.getURL('rules.json'));`,
      errors: [missingFetch([2, 27, 2, 69], `chrome.runtime.getURL = (p) => 'https://cdn.example.com/' + p;
export const load = () => fetch(chrome.runtime.getURL('rules.json'), { signal: AbortSignal.timeout(10000) });`)],
    },
    {
      code: `URL.createObjectURL = (b) => 'https://files.example.com/' + b.name;
export const load = (blob) => fetch(URL.createObjectURL(blob));`,
      errors: [missingFetch([2, 31, 2, 63], `URL.createObjectURL = (b) => 'https://files.example.com/' + b.name;
export const load = (blob) => fetch(URL.createObjectURL(blob), { signal: AbortSignal.timeout(10000) });`)],
    },
    // A full address or a value: Firefox before 130 returned an absolute URL from getURL unchanged.
    {
      code: `import browser from 'webextension-polyfill';
export const load = () => fetch(browser.runtime.getURL('https://api.example.com/rules.json'));`,
      errors: [missingFetch([2, 27, 2, 94], `import browser from 'webextension-polyfill';
export const load = () => fetch(browser.runtime.getURL('https://api.example.com/rules.json'), { signal: AbortSignal.timeout(10000) });`)],
    },
    {
      code: `export const load = (pathOrUrl) => fetch(chrome.runtime.getURL(pathOrUrl));`,
      errors: [missingFetch([1, 36, 1, 75], `export const load = (pathOrUrl) => fetch(chrome.runtime.getURL(pathOrUrl), { signal: AbortSignal.timeout(10000) });`)],
    },
    // Reached through `?.`: on a web page without chrome.runtime, the fetch asks the page's server for `undefined`.
    {
      code: `export const load = () => fetch(chrome.runtime?.getURL('rules.json'));`,
      errors: [missingFetch([1, 27, 1, 70], `export const load = () => fetch(chrome.runtime?.getURL('rules.json'), { signal: AbortSignal.timeout(10000) });`)],
    },
    {
      code: `export const get = (id) => fetch(\`https://api.example.com/data:\${id}\`);`,
      errors: [missingFetch([1, 28, 1, 71], `export const get = (id) => fetch(\`https://api.example.com/data:\${id}\`, { signal: AbortSignal.timeout(10000) });`)],
    },
    // Twins of the drop-in fetcher: a helper given an address (a string, a URL), and a fetcher whose other call hands on
    // a different init (its own), so the caller's init is not what it forwards.
    {
      code: `export const get = (url: string | URL) => fetch(url);`,
      errors: [missingFetch([1, 43, 1, 53], `export const get = (url: string | URL) => fetch(url, { signal: AbortSignal.timeout(10000) });`)],
    },
    // A union with an address is mostly given one (SWR's fetcher): the function is the place for the timeout.
    {
      code: `export const fetcher = (url: RequestInfo) => fetch(url).then((r) => r.json());`,
      errors: [missingFetch([1, 46, 1, 56], `export const fetcher = (url: RequestInfo) => fetch(url, { signal: AbortSignal.timeout(10000) }).then((r) => r.json());`)],
    },
    // A first parameter declared as an address (\`url: string\`) is no caller's Request, even in the missing-init branch.
    {
      code: `export async function downloadFile(url: string, init?: RequestInit): Promise<ArrayBuffer> {
  if (!init) {
    const res = await fetch(url);
    return res.arrayBuffer();
  }
  const res = await fetch(url, init);
  return res.arrayBuffer();
}`,
      errors: [
        missingFetch(
          [3, 23, 3, 33],
          `export async function downloadFile(url: string, init?: RequestInit): Promise<ArrayBuffer> {
  if (!init) {
    const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
    return res.arrayBuffer();
  }
  const res = await fetch(url, init);
  return res.arrayBuffer();
}`,
        ),
      ],
    },
    // A fallback that drops the init it was given (its signal with it) is not the drop-in fetcher's missing-init branch.
    {
      code: `export async function fetchWithFallback(url, init) {
  try {
    return await fetch(url, init);
  } catch (err) {
    return await fetch(url);
  }
}`,
      errors: [
        missingFetch(
          [5, 18, 5, 28],
          `export async function fetchWithFallback(url, init) {
  try {
    return await fetch(url, init);
  } catch (err) {
    return await fetch(url, { signal: AbortSignal.timeout(10000) });
  }
}`,
        ),
      ],
    },
    {
      code: `export const fetcher = (input, init) => {
  if (init == null) return fetch(input);
  return fetch(input, { ...defaults, method: init.method });
};`,
      errors: [
        missingFetch(
          [2, 28, 2, 40],
          `export const fetcher = (input, init) => {
  if (init == null) return fetch(input, { signal: AbortSignal.timeout(10000) });
  return fetch(input, { ...defaults, method: init.method });
};`,
        ),
      ],
    },
    // A `new URL(...)` is the address, not a Request that carries a signal (line-bot-sdk 11's HTTPFetchClient, from a ledger batch).
    {
      code: `export class Api {
  async get(path) {
    const requestUrl = new URL(path, this.baseURL);
    return fetch(requestUrl, { headers: this.headers });
  }
}`,
      errors: [
        missingFetch(
          [4, 12, 4, 56],
          `export class Api {
  async get(path) {
    const requestUrl = new URL(path, this.baseURL);
    return fetch(requestUrl, { headers: this.headers, signal: AbortSignal.timeout(10000) });
  }
}`,
        ),
      ],
    },
    {
      code: `export const get = (path) => fetch(new URL(path, 'https://api.example.com'));`,
      errors: [missingFetch([1, 30, 1, 77], `export const get = (path) => fetch(new URL(path, 'https://api.example.com'), { signal: AbortSignal.timeout(10000) });`)],
    },
    // Twin of the every-request-bounded trap (from a second independent review): `this.config` is the client's own config, not a request the instance made and re-sends.
    {
      code: `import axios from 'axios';
export class Client {
  constructor(config) { this.config = config; this.http = axios.create({ baseURL: config.url }); }
  send() { return this.http.request(this.config); }
}`,
      errors: [missing([3, 59, 3, 96], `import axios from 'axios';
export class Client {
  constructor(config) { this.config = config; this.http = axios.create({ baseURL: config.url, timeout: 10000 }); }
  send() { return this.http.request(this.config); }
}`)],
    },
    // Twin of the every-request-bounded trap (from a second independent review): a method destructures the field (`const { http } = this`) and requests through it with no timeout.
    {
      code: `import axios from 'axios';
export class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://x' }); }
  a(u) { return this.http.get(u, { timeout: 5000 }); }
  b(u) { const { http } = this; return http.get(u); }
}`,
      errors: [missing([3, 31, 3, 69], `import axios from 'axios';
export class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://x', timeout: 10000 }); }
  a(u) { return this.http.get(u, { timeout: 5000 }); }
  b(u) { const { http } = this; return http.get(u); }
}`)],
    },
    // Twin of the every-request-bounded trap (from a second independent review): the field is read from outside the class (`c.http.get(u)`).
    {
      code: `import axios from 'axios';
export class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://x' }); }
  a(u) { return this.http.get(u, { timeout: 5000 }); }
}
export const c = new Client();
export const b = (u) => c.http.get(u);`,
      errors: [missing([3, 31, 3, 69], `import axios from 'axios';
export class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://x', timeout: 10000 }); }
  a(u) { return this.http.get(u, { timeout: 5000 }); }
}
export const c = new Client();
export const b = (u) => c.http.get(u);`)],
    },
    // Twin of the every-request-bounded trap (from a second independent review): a method added through `Client.prototype` requests through the field.
    {
      code: `import axios from 'axios';
export class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://x' }); }
  a(u) { return this.http.get(u, { timeout: 5000 }); }
}
Client.prototype.b = function (u) { return this.http.get(u); };`,
      errors: [missing([3, 31, 3, 69], `import axios from 'axios';
export class Client {
  constructor() { this.http = axios.create({ baseURL: 'https://x', timeout: 10000 }); }
  a(u) { return this.http.get(u, { timeout: 5000 }); }
}
Client.prototype.b = function (u) { return this.http.get(u); };`)],
    },
    // Twin of the every-request-bounded trap (from an independent review): the class hands its instance to another class (`new UsersApi(this.http)`), whose requests this file cannot see.
    {
      code: `import axios from 'axios';
import { UsersApi } from './users.js';
export class Client {
  constructor(opts) {
    this.http = axios.create({ baseURL: opts.baseURL });
    this.users = new UsersApi(this.http);
  }
  ping() {
    return this.http.get('/ping', { timeout: 2000 });
  }
}`,
      errors: [missing([5, 17, 5, 56], `import axios from 'axios';
import { UsersApi } from './users.js';
export class Client {
  constructor(opts) {
    this.http = axios.create({ baseURL: opts.baseURL, timeout: 10000 });
    this.users = new UsersApi(this.http);
  }
  ping() {
    return this.http.get('/ping', { timeout: 2000 });
  }
}`)],
    },
    // Twin of the every-request-bounded trap (from an independent review): a function of the file makes requests through the instance it is handed, with no timeout.
    {
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
async function fetchAll(client, ids) {
  return Promise.all(ids.map((id) => client.get(\`/items/\${id}\`)));
}
export async function health() {
  return api.get('/health', { timeout: 1000 });
}
export async function items(ids) {
  return fetchAll(api, ids);
}`,
      errors: [missing([2, 13, 2, 65], `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 10000 });
async function fetchAll(client, ids) {
  return Promise.all(ids.map((id) => client.get(\`/items/\${id}\`)));
}
export async function health() {
  return api.get('/health', { timeout: 1000 });
}
export async function items(ids) {
  return fetchAll(api, ids);
}`)],
    },
    // Twin of the every-request-bounded trap (from an independent review): the request passes on options the file cannot read.
    {
      code: `import axios from 'axios';
export class Client {
  constructor() {
    this.http = axios.create({ baseURL: 'https://api.example.com' });
  }
  request(url, options) {
    return this.http.get(url, options);
  }
}`,
      errors: [missing([4, 17, 4, 69], `import axios from 'axios';
export class Client {
  constructor() {
    this.http = axios.create({ baseURL: 'https://api.example.com', timeout: 10000 });
  }
  request(url, options) {
    return this.http.get(url, options);
  }
}`)],
    },
    // Twin of the every-request-bounded trap (from an independent review): the instance leaves the file inside an exported object.
    {
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
export const getMe = () => api.get('/me', { timeout: 5000 });
export const client = { api };`,
      errors: [missing([2, 13, 2, 65], `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 10000 });
export const getMe = () => api.get('/me', { timeout: 5000 });
export const client = { api };`)],
    },
    // Twin of the every-request-bounded trap: one request through the instance (`this.axios.get(uri)`) has no timeout.
    {
      code: `import axios from 'axios';
export class RequestClient {
  constructor(opts = {}) {
    this.defaultTimeout = opts.timeout || 30000;
    this.axios = axios.create();
  }
  async request(opts) {
    const options = { timeout: opts.timeout || this.defaultTimeout, url: opts.uri };
    return this.axios(options);
  }
  get(uri) {
    return this.axios.get(uri);
  }
}`,
      errors: [missing([5, 18, 5, 32], `import axios from 'axios';
export class RequestClient {
  constructor(opts = {}) {
    this.defaultTimeout = opts.timeout || 30000;
    this.axios = axios.create({ timeout: 10000 });
  }
  async request(opts) {
    const options = { timeout: opts.timeout || this.defaultTimeout, url: opts.uri };
    return this.axios(options);
  }
  get(uri) {
    return this.axios.get(uri);
  }
}`)],
    },
    // Twin of the every-request-bounded trap: the instance is exported, so requests the file cannot see use it.
    {
      code: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com' });
export function me() {
  return api.get('/me', { timeout: 5000 });
}`,
      errors: [missing([2, 20, 2, 72], `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', timeout: 10000 });
export function me() {
  return api.get('/me', { timeout: 5000 });
}`)],
    },
    // Twin of the every-request-bounded trap: no request in the file says what the instance's requests set.
    {
      code: `import axios from 'axios';
export class RequestClient {
  constructor() {
    this.axios = axios.create();
  }
}`,
      errors: [missing([4, 18, 4, 32], `import axios from 'axios';
export class RequestClient {
  constructor() {
    this.axios = axios.create({ timeout: 10000 });
  }
}`)],
    },
    // fetch: the global, reported at the call; the suggestion adds an init argument.
    {
      code: `export const load = (url) => fetch(url);`,
      errors: [
        {
          ...missingFetch([1, 30, 1, 40], `export const load = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`),
          data: { library: 'fetch', subject: 'This fetch call', option: 'signal', noFix: '' },
        },
      ],
    },
    // The timeoutMs option sets the suggested timeout.
    {
      code: `export const load = (url) => fetch(url);`,
      options: [{ timeoutMs: 2500 }],
      errors: [missingFetch([1, 30, 1, 40], `export const load = (url) => fetch(url, { signal: AbortSignal.timeout(2500) });`)],
    },
    // An init object gains a signal; a multi-line one on its own line, indented like its neighbours, trailing comma kept.
    {
      code: `export async function save(url, body) {
  return fetch(url, { method: 'POST', body });
}`,
      errors: [
        missingFetch(
          [2, 10, 2, 46],
          `export async function save(url, body) {
  return fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(10000) });
}`,
        ),
      ],
    },
    {
      code: `const base = { headers: { accept: 'application/json' } };
export async function save(url) {
\tconst res = await fetch(url, {
\t\tmethod: 'POST',
\t\t...base,
\t});
\treturn res;
}`,
      errors: [
        missingFetch(
          [3, 20, 6, 4],
          `const base = { headers: { accept: 'application/json' } };
export async function save(url) {
\tconst res = await fetch(url, {
\t\tmethod: 'POST',
\t\t...base,
\t\tsignal: AbortSignal.timeout(10000),
\t});
\treturn res;
}`,
        ),
      ],
    },
    // An init kept in a const: the suggestion sets the signal where the object is written.
    {
      code: `const init = { method: 'GET' };
export const load = (url) => fetch(url, init);`,
      errors: [
        missingFetch(
          [2, 30, 2, 46],
          `const init = { method: 'GET', signal: AbortSignal.timeout(10000) };
export const load = (url) => fetch(url, init);`,
        ),
      ],
    },
    // Every import form: undici's named fetch, node-fetch default and require, a namespace, globalThis.
    {
      code: `import { fetch } from 'undici';
import nodeFetch from 'node-fetch';
const legacyFetch = require('node-fetch');
import * as undici from 'undici';
export async function load(url) {
  await fetch(url);
  await nodeFetch(url, { headers: {} });
  await legacyFetch(url);
  await undici.fetch(url);
  await globalThis.fetch(url);
}`,
      filename: nodeFetchFixture('v3'),
      errors: [
        missingFetch([6, 9, 6, 19], `import { fetch } from 'undici';
import nodeFetch from 'node-fetch';
const legacyFetch = require('node-fetch');
import * as undici from 'undici';
export async function load(url) {
  await fetch(url, { signal: AbortSignal.timeout(10000) });
  await nodeFetch(url, { headers: {} });
  await legacyFetch(url);
  await undici.fetch(url);
  await globalThis.fetch(url);
}`),
        {
          ...missing([7, 9, 7, 40], `import { fetch } from 'undici';
import nodeFetch from 'node-fetch';
const legacyFetch = require('node-fetch');
import * as undici from 'undici';
export async function load(url) {
  await fetch(url);
  await nodeFetch(url, { headers: {}, signal: AbortSignal.timeout(10000) });
  await legacyFetch(url);
  await undici.fetch(url);
  await globalThis.fetch(url);
}`),
          data: { library: 'node-fetch', subject: 'This node-fetch call', option: 'signal', noFix: '' },
        },
        missing([8, 9, 8, 25], `import { fetch } from 'undici';
import nodeFetch from 'node-fetch';
const legacyFetch = require('node-fetch');
import * as undici from 'undici';
export async function load(url) {
  await fetch(url);
  await nodeFetch(url, { headers: {} });
  await legacyFetch(url, { signal: AbortSignal.timeout(10000) });
  await undici.fetch(url);
  await globalThis.fetch(url);
}`),
        missingFetch([9, 9, 9, 26], `import { fetch } from 'undici';
import nodeFetch from 'node-fetch';
const legacyFetch = require('node-fetch');
import * as undici from 'undici';
export async function load(url) {
  await fetch(url);
  await nodeFetch(url, { headers: {} });
  await legacyFetch(url);
  await undici.fetch(url, { signal: AbortSignal.timeout(10000) });
  await globalThis.fetch(url);
}`),
        missingFetch([10, 9, 10, 30], `import { fetch } from 'undici';
import nodeFetch from 'node-fetch';
const legacyFetch = require('node-fetch');
import * as undici from 'undici';
export async function load(url) {
  await fetch(url);
  await nodeFetch(url, { headers: {} });
  await legacyFetch(url);
  await undici.fetch(url);
  await globalThis.fetch(url, { signal: AbortSignal.timeout(10000) });
}`),
      ],
    },
    // node-fetch has no dispatcher option: the key does not bound it.
    {
      code: `import nodeFetch from 'node-fetch';
export const load = (url, dispatcher) => nodeFetch(url, { dispatcher });`,
      filename: nodeFetchFixture('v3'),
      errors: [
        missing(
          [2, 42, 2, 72],
          `import nodeFetch from 'node-fetch';
export const load = (url, dispatcher) => nodeFetch(url, { dispatcher, signal: AbortSignal.timeout(10000) });`,
        ),
      ],
    },
    // The timeout key fetch ignores does not bound it (only node-fetch 2 read it).
    {
      code: `export const load = (url) => fetch(url, { timeout: 5000 });`,
      errors: [missingFetch([1, 30, 1, 59], `export const load = (url) => fetch(url, { timeout: 5000, signal: AbortSignal.timeout(10000) });`)],
    },
    // A controller nothing aborts on a timer: reported at the signal; combined through AbortSignal.any.
    {
      code: `export function load(url, res) {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}`,
      errors: [
        {
          ...missingFetch(
            [4, 23, 4, 48],
            `export function load(url, res) {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });
}`,
          ),
          data: { library: 'fetch', subject: 'This fetch call', option: 'timer that aborts its signal', noFix: '' },
        },
      ],
    },
    // ...and with abortSignalAny off, no suggestion, and the message says why.
    {
      code: `export function load(url) {
  const controller = new AbortController();
  return fetch(url, { signal: controller.signal });
}`,
      options: [{ abortSignalAny: false }],
      errors: [
        {
          ...missingFetch([3, 23, 3, 48], null),
          data: {
            library: 'fetch',
            subject: 'This fetch call',
            option: 'timer that aborts its signal',
            noFix: ' No quick fix: combining the signal with a timeout needs AbortSignal.any, which option abortSignalAny turns off.',
          },
        },
      ],
    },
    // An explicit "no signal".
    {
      code: `export const load = (url) => fetch(url, { signal: undefined });`,
      errors: [missingFetch([1, 43, 1, 60], `export const load = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`)],
    },

    // axios: every request method, config index by method, reported at the call.
    {
      code: `import axios from 'axios';
axios.get('/a');
axios.post('/a', data);
axios.post('/a');
axios('/a');
axios.request({ url: '/a' });`,
      errors: [
        {
          ...missing([2, 1, 2, 16], `import axios from 'axios';
axios.get('/a', { timeout: 10000 });
axios.post('/a', data);
axios.post('/a');
axios('/a');
axios.request({ url: '/a' });`),
          data: { library: 'axios', subject: 'This axios request', option: 'timeout', noFix: '' },
        },
        missing([3, 1, 3, 23], `import axios from 'axios';
axios.get('/a');
axios.post('/a', data, { timeout: 10000 });
axios.post('/a');
axios('/a');
axios.request({ url: '/a' });`),
        missing([4, 1, 4, 17], `import axios from 'axios';
axios.get('/a');
axios.post('/a', data);
axios.post('/a', undefined, { timeout: 10000 });
axios('/a');
axios.request({ url: '/a' });`),
        missing([5, 1, 5, 12], `import axios from 'axios';
axios.get('/a');
axios.post('/a', data);
axios.post('/a');
axios('/a', { timeout: 10000 });
axios.request({ url: '/a' });`),
        missing([6, 1, 6, 29], `import axios from 'axios';
axios.get('/a');
axios.post('/a', data);
axios.post('/a');
axios('/a');
axios.request({ url: '/a', timeout: 10000 });`),
      ],
    },
    // require, a namespace import through .default, and timeout: 0 / Infinity at the property.
    {
      code: `const axios = require('axios');
import * as ax from 'axios';
ax.default.get('/a');
axios.get('/a', { timeout: 0 });
axios({ url: '/a', timeout: Infinity });`,
      errors: [
        missing([3, 1, 3, 21], `const axios = require('axios');
import * as ax from 'axios';
ax.default.get('/a', { timeout: 10000 });
axios.get('/a', { timeout: 0 });
axios({ url: '/a', timeout: Infinity });`),
        {
          ...disabled([4, 19, 4, 29], `const axios = require('axios');
import * as ax from 'axios';
ax.default.get('/a');
axios.get('/a', { timeout: 10000 });
axios({ url: '/a', timeout: Infinity });`),
          data: { library: 'axios', subject: 'this axios request', option: 'timeout: 0', noFix: '' },
        },
        disabled([5, 20, 5, 37], `const axios = require('axios');
import * as ax from 'axios';
ax.default.get('/a');
axios.get('/a', { timeout: 0 });
axios({ url: '/a', timeout: 10000 });`),
      ],
    },
    // An instance made without a timeout: reported at create(), not at each call; timeout: 0 on a call still is.
    {
      code: `import axios from 'axios';
const api = axios.create({
  baseURL: 'https://api.example.com',
});
export const users = () => api.get('/users');
export const slow = () => api.get('/report', { timeout: 0 });`,
      errors: [
        {
          ...missing([2, 13, 4, 3], `import axios from 'axios';
const api = axios.create({
  baseURL: 'https://api.example.com',
  timeout: 10000,
});
export const users = () => api.get('/users');
export const slow = () => api.get('/report', { timeout: 0 });`),
          data: { library: 'axios', subject: 'This axios instance', option: 'timeout', noFix: '' },
        },
        disabled([6, 48, 6, 58], `import axios from 'axios';
const api = axios.create({
  baseURL: 'https://api.example.com',
});
export const users = () => api.get('/users');
export const slow = () => api.get('/report', { timeout: 10000 });`),
      ],
    },
    // An instance in a class field; create() with no config.
    {
      code: `import axios from 'axios';
export class Users {
  http = axios.create();
  list() {
    return this.http.get('/users');
  }
}`,
      errors: [
        missing([3, 10, 3, 24], `import axios from 'axios';
export class Users {
  http = axios.create({ timeout: 10000 });
  list() {
    return this.http.get('/users');
  }
}`),
      ],
    },
    // axios.defaults.timeout = 0 turns the default off (and bounds nothing).
    {
      code: `import axios from 'axios';
axios.defaults.timeout = 0;`,
      errors: [
        {
          ...disabled([2, 1, 2, 27], `import axios from 'axios';
axios.defaults.timeout = 10000;`),
          data: { library: 'axios', subject: 'the default axios instance', option: 'defaults.timeout = 0', noFix: '' },
        },
      ],
    },
    // A spread of a const object that does not set a timeout bounds nothing.
    {
      code: `import axios from 'axios';
const base = { headers: { accept: 'application/json' } };
export const load = (url) => axios.get(url, { ...base });`,
      errors: [
        missing([3, 30, 3, 57], `import axios from 'axios';
const base = { headers: { accept: 'application/json' } };
export const load = (url) => axios.get(url, { ...base, timeout: 10000 });`),
      ],
    },

    // got: the function and its methods, options added or extended; Infinity at the phase.
    {
      code: `import got from 'got';
export const a = (url) => got(url);
export const b = (url) => got.post(url, { json: {} });
export const c = (url) => got(url, { timeout: { request: Infinity } });`,
      errors: [
        {
          ...missing([2, 27, 2, 35], `import got from 'got';
export const a = (url) => got(url, { timeout: { request: 10000 } });
export const b = (url) => got.post(url, { json: {} });
export const c = (url) => got(url, { timeout: { request: Infinity } });`),
          data: { library: 'got', subject: 'This got request', option: 'timeout', noFix: '' },
        },
        missing([3, 27, 3, 54], `import got from 'got';
export const a = (url) => got(url);
export const b = (url) => got.post(url, { json: {}, timeout: { request: 10000 } });
export const c = (url) => got(url, { timeout: { request: Infinity } });`),
        disabled([4, 49, 4, 66], `import got from 'got';
export const a = (url) => got(url);
export const b = (url) => got.post(url, { json: {} });
export const c = (url) => got(url, { timeout: { request: 10000 } });`),
      ],
    },
    // got.extend without a timeout (required): reported at the extend call, not at the instance's calls.
    {
      code: `const got = require('got');
const client = got.extend({ prefixUrl: 'https://api.example.com' });
export const users = () => client.get('users').json();`,
      errors: [
        {
          ...missing([2, 16, 2, 68], `const got = require('got');
const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 10000 } });
export const users = () => client.get('users').json();`),
          data: { library: 'got', subject: 'This got instance', option: 'timeout', noFix: '' },
        },
      ],
    },

    // http / https: get with a callback gains an options argument; request options gain an abort signal
    // (Node's timeout option only emits 'timeout'; a signal aborts the request).
    {
      code: `import http from 'node:http';
import { request } from 'node:https';
export function call(cb) {
  http.get('http://example.com', cb);
  const req = request({ host: 'example.com', path: '/' }, cb);
  req.on('error', cb);
  req.end();
}`,
      errors: [
        {
          ...missing([4, 3, 4, 37], `import http from 'node:http';
import { request } from 'node:https';
export function call(cb) {
  http.get('http://example.com', { signal: AbortSignal.timeout(10000) }, cb);
  const req = request({ host: 'example.com', path: '/' }, cb);
  req.on('error', cb);
  req.end();
}`),
          data: { library: 'http', subject: 'This http.get call', option: 'timeout', noFix: '' },
        },
        missing([5, 15, 5, 62], `import http from 'node:http';
import { request } from 'node:https';
export function call(cb) {
  http.get('http://example.com', cb);
  const req = request({ host: 'example.com', path: '/', signal: AbortSignal.timeout(10000) }, cb);
  req.on('error', cb);
  req.end();
}`),
      ],
    },
    {
      code: `const https = require('https');
https.get('https://example.com', { timeout: 0 }, (res) => res.resume());`,
      errors: [
        disabled([2, 36, 2, 46], `const https = require('https');
https.get('https://example.com', { timeout: 10000 }, (res) => res.resume());`),
      ],
    },

    // superagent: a chain without .timeout gains one right after the request call; .timeout(0) turns it off.
    {
      code: `const request = require('superagent');
export async function users() {
  const res = await request.get('/users').set('accept', 'json');
  await request.post('/audit').timeout(0);
  return res.body;
}`,
      errors: [
        {
          ...missing([3, 21, 3, 42], `const request = require('superagent');
export async function users() {
  const res = await request.get('/users').timeout(10000).set('accept', 'json');
  await request.post('/audit').timeout(0);
  return res.body;
}`),
          data: { library: 'superagent', subject: 'This superagent request', option: '.timeout(...)', noFix: '' },
        },
        disabled([4, 40, 4, 41], `const request = require('superagent');
export async function users() {
  const res = await request.get('/users').set('accept', 'json');
  await request.post('/audit').timeout(10000);
  return res.body;
}`),
      ],
    },

    {
      code: `import request from 'superagent';
export const a = () => request.get('/x').timeout({ response: 0, deadline: 0 });
export const b = () => request.get('/x').timeout({ response: 5000, deadline: 0 });`,
      errors: [
        disabled([2, 50, 2, 78], `import request from 'superagent';
export const a = () => request.get('/x').timeout(10000);
export const b = () => request.get('/x').timeout({ response: 5000, deadline: 0 });`),
      ],
    },

    // pg: Pool / Client through every import form, reported at the constructor.
    {
      code: `const { Pool } = require('pg');
import pg from 'pg';
export const pool = new Pool({
  max: 10,
});
export const client = new pg.Client(\`postgres://db/app\`);
export const other = new pg.Pool;`,
      errors: [
        {
          ...missing([3, 21, 5, 3], `const { Pool } = require('pg');
import pg from 'pg';
export const pool = new Pool({
  max: 10,
  connectionTimeoutMillis: 10000,
});
export const client = new pg.Client(\`postgres://db/app\`);
export const other = new pg.Pool;`),
          data: { library: 'pg', subject: 'This pg pool', option: 'connectionTimeoutMillis', noFix: '' },
        },
        missing([6, 23, 6, 57], `const { Pool } = require('pg');
import pg from 'pg';
export const pool = new Pool({
  max: 10,
});
export const client = new pg.Client({ connectionString: \`postgres://db/app\`, connectionTimeoutMillis: 10000 });
export const other = new pg.Pool;`),
        missing([7, 22, 7, 33], `const { Pool } = require('pg');
import pg from 'pg';
export const pool = new Pool({
  max: 10,
});
export const client = new pg.Client(\`postgres://db/app\`);
export const other = new pg.Pool({ connectionTimeoutMillis: 10000 });`),
      ],
    },
    // statement_timeout does not bound waiting for a connection; connectionTimeoutMillis: 0 is reported at the property.
    {
      code: `import * as pg from 'pg';
export const a = new pg.Pool({ statement_timeout: 5000 });
export const b = new pg.Client({ connectionTimeoutMillis: 0 });`,
      errors: [
        missing([2, 18, 2, 58], `import * as pg from 'pg';
export const a = new pg.Pool({ statement_timeout: 5000, connectionTimeoutMillis: 10000 });
export const b = new pg.Client({ connectionTimeoutMillis: 0 });`),
        disabled([3, 34, 3, 60], `import * as pg from 'pg';
export const a = new pg.Pool({ statement_timeout: 5000 });
export const b = new pg.Client({ connectionTimeoutMillis: 10000 });`),
      ],
    },

    // AWS SDK v3: a client without a request timeout, at the constructor; the suggestion sets it where the handler is.
    {
      code: `import * as s3 from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
new s3.S3Client({ region: 'eu-west-1' });
new DynamoDBClient({ requestHandler: new NodeHttpHandler() });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000 }) });
new DynamoDBClient();`,
      errors: [
        {
          ...missing([4, 1, 4, 41], `import * as s3 from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
new s3.S3Client({ region: 'eu-west-1', requestHandler: { requestTimeout: 10000, throwOnRequestTimeout: true } });
new DynamoDBClient({ requestHandler: new NodeHttpHandler() });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000 }) });
new DynamoDBClient();`),
          data: { library: 'the AWS SDK', subject: 'This S3Client', option: 'requestTimeout in its requestHandler', noFix: '' },
        },
        missing([5, 1, 5, 62], `import * as s3 from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
new s3.S3Client({ region: 'eu-west-1' });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ requestTimeout: 10000, throwOnRequestTimeout: true }) });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000 }) });
new DynamoDBClient();`),
        missing([6, 1, 6, 89], `import * as s3 from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
new s3.S3Client({ region: 'eu-west-1' });
new DynamoDBClient({ requestHandler: new NodeHttpHandler() });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 10000, throwOnRequestTimeout: true }) });
new DynamoDBClient();`),
        missing([7, 1, 7, 21], `import * as s3 from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
new s3.S3Client({ region: 'eu-west-1' });
new DynamoDBClient({ requestHandler: new NodeHttpHandler() });
new DynamoDBClient({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000 }) });
new DynamoDBClient({ requestHandler: { requestTimeout: 10000, throwOnRequestTimeout: true } });`),
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ requestHandler: { requestTimeout: 0 } });`,
      errors: [
        disabled([2, 52, 2, 69], `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ requestHandler: { requestTimeout: 10000, throwOnRequestTimeout: true } });`),
      ],
    },
    // Renamed and dynamic imports.
    {
      code: `import { get as httpGet } from 'node:http';
export async function probe(url) {
  const { default: client } = await import('axios');
  httpGet(url, { headers: {} }, (res) => res.resume());
  return client.head(url);
}`,
      errors: [
        missing([4, 3, 4, 55], `import { get as httpGet } from 'node:http';
export async function probe(url) {
  const { default: client } = await import('axios');
  httpGet(url, { headers: {}, signal: AbortSignal.timeout(10000) }, (res) => res.resume());
  return client.head(url);
}`),
        missing([5, 10, 5, 26], `import { get as httpGet } from 'node:http';
export async function probe(url) {
  const { default: client } = await import('axios');
  httpGet(url, { headers: {} }, (res) => res.resume());
  return client.head(url, { timeout: 10000 });
}`),
      ],
    },
    // A handler written one option a line: each added option on its own line; throwOnRequestTimeout kept when set.
    // An SQS client's timeout allows SQS's 20 s long-poll hold on top of timeoutMs: 30000 by default.
    {
      code: `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({
  requestHandler: {
    connectionTimeout: 1000,
  },
});
export const other = new SQSClient({ requestHandler: { throwOnRequestTimeout: true } });`,
      errors: [
        {
          ...missing([2, 20, 6, 3], `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({
  requestHandler: {
    connectionTimeout: 1000,
    requestTimeout: 30000,
    throwOnRequestTimeout: true,
  },
});
export const other = new SQSClient({ requestHandler: { throwOnRequestTimeout: true } });`),
          suggestions: [
            {
              messageId: 'addTimeout' as const,
              data: { description: 'Add requestTimeout: 30000, throwOnRequestTimeout: true (SQS holds a ReceiveMessage long poll for up to 20 s: the timeout allows that hold plus 10000 ms).' },
              output: `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({
  requestHandler: {
    connectionTimeout: 1000,
    requestTimeout: 30000,
    throwOnRequestTimeout: true,
  },
});
export const other = new SQSClient({ requestHandler: { throwOnRequestTimeout: true } });`,
            },
          ],
        },
        missing([7, 22, 7, 88], `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({
  requestHandler: {
    connectionTimeout: 1000,
  },
});
export const other = new SQSClient({ requestHandler: { throwOnRequestTimeout: true, requestTimeout: 30000 } });`),
      ],
    },
    // The same allowance with another timeoutMs, for a disabled timeout, and for a client made with no options.
    {
      code: `import * as sqs from '@aws-sdk/client-sqs';
export const a = new sqs.SQSClient({ requestHandler: { requestTimeout: 0 } });
export const b = new sqs.SQSClient();`,
      options: [{ timeoutMs: 5000 }],
      errors: [
        {
          ...disabled([2, 56, 2, 73], `import * as sqs from '@aws-sdk/client-sqs';
export const a = new sqs.SQSClient({ requestHandler: { requestTimeout: 25000, throwOnRequestTimeout: true } });
export const b = new sqs.SQSClient();`),
          suggestions: [
            {
              messageId: 'addTimeout' as const,
              data: { description: 'Set requestTimeout to 25000 (SQS holds a ReceiveMessage long poll for up to 20 s: the timeout allows that hold plus 5000 ms).' },
              output: `import * as sqs from '@aws-sdk/client-sqs';
export const a = new sqs.SQSClient({ requestHandler: { requestTimeout: 25000, throwOnRequestTimeout: true } });
export const b = new sqs.SQSClient();`,
            },
          ],
        },
        missing([3, 18, 3, 37], `import * as sqs from '@aws-sdk/client-sqs';
export const a = new sqs.SQSClient({ requestHandler: { requestTimeout: 0 } });
export const b = new sqs.SQSClient({ requestHandler: { requestTimeout: 25000, throwOnRequestTimeout: true } });`),
      ],
    },
    // An SQS client with options but no handler, with a NodeHttpHandler made with no options, and the allowance capped at the longest timer.
    {
      code: `import { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const a = new SQSClient({ region: 'eu-west-1' });
export const b = new SQSClient({ requestHandler: new NodeHttpHandler() });`,
      errors: [
        missing([3, 18, 3, 56], `import { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const a = new SQSClient({ region: 'eu-west-1', requestHandler: { requestTimeout: 30000, throwOnRequestTimeout: true } });
export const b = new SQSClient({ requestHandler: new NodeHttpHandler() });`),
        missing([4, 18, 4, 74], `import { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export const a = new SQSClient({ region: 'eu-west-1' });
export const b = new SQSClient({ requestHandler: new NodeHttpHandler({ requestTimeout: 30000, throwOnRequestTimeout: true }) });`),
      ],
    },
    {
      code: `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({ region: 'eu-west-1' });`,
      options: [{ timeoutMs: 2147480000 }],
      errors: [
        {
          ...missing([2, 20, 2, 58], `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({ region: 'eu-west-1', requestHandler: { requestTimeout: 2147483647, throwOnRequestTimeout: true } });`),
          suggestions: [
            {
              messageId: 'addTimeout' as const,
              data: { description: 'Add requestHandler: { requestTimeout: 2147483647, throwOnRequestTimeout: true } (SQS holds a ReceiveMessage long poll for up to 20 s: the longest timer Node runs).' },
              output: `import { SQSClient } from '@aws-sdk/client-sqs';
export const sqs = new SQSClient({ region: 'eu-west-1', requestHandler: { requestTimeout: 2147483647, throwOnRequestTimeout: true } });`,
            },
          ],
        },
      ],
    },
    // Keys assigned to the options object later are seen; others do not bound the wait.
    {
      code: `import http from 'http';
export function connect(host, cb) {
  const options = { method: 'CONNECT' };
  options.host = host;
  const req = http.request(options);
  req.once('connect', cb);
  req.end();
}`,
      errors: [
        missing([5, 15, 5, 36], `import http from 'http';
export function connect(host, cb) {
  const options = { method: 'CONNECT', signal: AbortSignal.timeout(10000) };
  options.host = host;
  const req = http.request(options);
  req.once('connect', cb);
  req.end();
}`),
      ],
    },
    // TypeScript: see through \`as\` and \`!\`.
    {
      code: `import axios, { type AxiosInstance } from 'axios';
const api = axios.create({ baseURL: 'x' }) as AxiosInstance;
export const load = (url: string) => fetch(url!, { method: 'GET' } as RequestInit);`,
      errors: [
        missing([2, 13, 2, 43], `import axios, { type AxiosInstance } from 'axios';
const api = axios.create({ baseURL: 'x', timeout: 10000 }) as AxiosInstance;
export const load = (url: string) => fetch(url!, { method: 'GET' } as RequestInit);`),
        missingFetch([3, 38, 3, 83], `import axios, { type AxiosInstance } from 'axios';
const api = axios.create({ baseURL: 'x' }) as AxiosInstance;
export const load = (url: string) => fetch(url!, { method: 'GET', signal: AbortSignal.timeout(10000) } as RequestInit);`),
      ],
    },
  ],
});

// The same rule under espree (plain JavaScript, no type information).
jsRuleTester.run('require-timeout (espree)', rule, {
  valid: [`import got from 'got';\nexport const a = (url) => got(url, { timeout: { request: 5000 } });`],
  invalid: [
    {
      code: `import got from 'got';\nexport const a = (url) => got.get(url);`,
      errors: [missing([2, 27, 2, 39], `import got from 'got';\nexport const a = (url) => got.get(url, { timeout: { request: 10000 } });`)],
    },
  ],
});

// The words a person reads: each client's consequence as the installed
// package's source states it (docs/rules/require-timeout.md, "Clients and
// their defaults").
describe('require-timeout messages', () => {
  it('states each client\'s real consequence', () => {
    const code = `import axios from 'axios';
import got from 'got';
import http from 'node:http';
import request from 'superagent';
import { Pool, Client } from 'pg';
import { S3Client } from '@aws-sdk/client-s3';
import { fetch as undiciFetch } from 'undici';
import nodeFetch from 'node-fetch';
export const a = (url) => fetch(url);
export const b = (url) => undiciFetch(url);
export const c = (url) => nodeFetch(url);
export const d = (url) => axios.get(url);
export const e = (url) => axios.get(url, { timeout: 0 });
export const f = (url) => got(url);
export function g(url) { http.get(url, (res) => res.resume()); }
export const h = (url) => request.get(url);
export const i = new Pool();
export const j = new Client();
export const k = new S3Client({});
`;
    const messages = new Linter({ configType: 'flat' }).verify(code, {
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { resilience: { rules: { 'require-timeout': ruleModule as never } } },
      rules: { 'resilience/require-timeout': ['warn', { reportFetch: true }] },
    }, nodeFetchFixture('v2'));
    const forever = (subject: string, option: string, library: string) =>
      `${subject} has no ${option} and ${library} sets no timeout by default, so it waits forever on a dependency that stops answering.`;
    const undiciWait =
      'has no signal, so on Node it can wait up to 5 minutes for the headers, and again for each pause in the body, on a dependency that stops answering.';
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [9, `This fetch call ${undiciWait}`],
      [10, `This fetch call ${undiciWait}`],
      [11, forever('This node-fetch call', 'signal', 'node-fetch')],
      [12, forever('This axios request', 'timeout', 'axios')],
      [13, "timeout: 0 turns off axios's timeout, so this axios request waits forever on a dependency that stops answering."],
      [14, forever('This got request', 'timeout', 'got')],
      [15, forever('This http.get call', 'timeout', 'http')],
      [16, forever('This superagent request', '.timeout(...)', 'superagent')],
      [17, forever('This pg pool', 'connectionTimeoutMillis', 'pg')],
      [18, forever('This pg client', 'connectionTimeoutMillis', 'pg')],
      [19, forever('This S3Client', 'requestTimeout in its requestHandler', 'the AWS SDK')],
    ]);
  });
});

// AbortSignal.timeout exists from Node 16.14 (17.3 on 17.x): suggestions that use it follow the nearest package.json's engines.node.
const enginesFixture = (dir: string) => new URL(`../../fixtures/engines/${dir}/src/client.js`, import.meta.url).pathname;
const ENGINES_SOURCE = `import http from 'http';
export function a(url) { return fetch(url); }
export function b(cb) { http.request('http://example.com/', cb).end(); }`;
const enginesNoFix = (range: string) =>
  ` No quick fix: AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and the package's engines.node \`${range}\` allows older versions; a runtime-independent timeout is a decision for a person.`;

ruleTester.run('require-timeout: engines.node', rule, {
  valid: [],
  invalid: [
    {
      // @grpc/grpc-js declares >=12.10.0: no AbortSignal.timeout, and the http.request `timeout` option alone would not abort.
      code: ENGINES_SOURCE,
      filename: enginesFixture('node-12'),
      errors: [
        unknownFetch([2, 33, 2, 43], null, enginesDoubt('>=12.10.0'), enginesNoFix('>=12.10.0')),
        { ...missing([3, 25, 3, 64], null), data: { subject: 'This http.request call', option: 'timeout', library: 'http', noFix: enginesNoFix('>=12.10.0') } },
      ],
    },
    {
      // One alternative starts at 16.0: not every Node the package allows has AbortSignal.timeout.
      code: ENGINES_SOURCE,
      filename: enginesFixture('node-16-or-18'),
      errors: [
        unknownFetch([2, 33, 2, 43], null, enginesDoubt('^16.0.0 || >=18'), enginesNoFix('^16.0.0 || >=18')),
        { ...missing([3, 25, 3, 64], null), data: { subject: 'This http.request call', option: 'timeout', library: 'http', noFix: enginesNoFix('^16.0.0 || >=18') } },
      ],
    },
    {
      // settings.resilience.node replaces the package's engines.node (here: a package with none).
      code: ENGINES_SOURCE,
      filename: enginesFixture('no-engines'),
      settings: { resilience: { node: '>=14' } },
      errors: [
        unknownFetch(
          [2, 33, 2, 43],
          null,
          enginesDoubt('>=14', 'settings.resilience.node'),
          ' No quick fix: AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and settings.resilience.node `>=14` allows older versions; a runtime-independent timeout is a decision for a person.',
        ),
        {
          ...missing([3, 25, 3, 64], null),
          data: {
            subject: 'This http.request call',
            option: 'timeout',
            library: 'http',
            noFix: ' No quick fix: AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and settings.resilience.node `>=14` allows older versions; a runtime-independent timeout is a decision for a person.',
          },
        },
      ],
    },
    {
      // ... and allows it in a package whose engines.node does not.
      code: `export function a(url) { return fetch(url); }`,
      filename: enginesFixture('node-12'),
      settings: { resilience: { node: '>=20' } },
      errors: [missingFetch([1, 33, 1, 43], `export function a(url) { return fetch(url, { signal: AbortSignal.timeout(10000) }); }`)],
    },
    {
      // Invalid settings (reported by the rules that own them) withhold the suggestion; the rule does not crash.
      code: `export function a(url) { return fetch(url); }`,
      filename: enginesFixture('no-engines'),
      settings: { resilience: { node: 'lts' } },
      errors: [
        {
          ...missingFetch([1, 33, 1, 43], null),
          data: {
            subject: 'This fetch call',
            option: 'signal',
            library: 'fetch',
            noFix: ' No quick fix: settings.resilience is invalid, so the Node versions the code runs on are unknown (see the settings error).',
          },
        },
      ],
    },
    ...['node-16-14', 'no-engines'].map((dir) => ({
      // From 16.14, or with no engines.node (a current Node is assumed): the suggestions are offered. From 16.14 a
      // Node before 18 is allowed, whose global fetch is a polyfill: the message says so.
      code: ENGINES_SOURCE,
      filename: enginesFixture(dir),
      errors: [
        (dir === 'no-engines' ? missingFetch : (position: Position, output: string) => unknownFetch(position, output, enginesDoubt('>=16.14.0')))([2, 33, 2, 43], `import http from 'http';
export function a(url) { return fetch(url, { signal: AbortSignal.timeout(10000) }); }
export function b(cb) { http.request('http://example.com/', cb).end(); }`),
        missing([3, 25, 3, 64], `import http from 'http';
export function a(url) { return fetch(url); }
export function b(cb) { http.request('http://example.com/', { signal: AbortSignal.timeout(10000) }, cb).end(); }`),
      ],
    })),
  ],
});

describe('require-timeout: reading engines.node', () => {
  it('reads the lowest version of every alternative', async () => {
    const { enginesAllowAbortSignalTimeout, nodeEngines } = await import('../../src/timeout/engines');
    const cases: [string, boolean][] = [
      ['>=12.10.0', false],
      ['>=16.14.0', true],
      ['>= 16.14', true],
      ['^16.13.0', false],
      ['16.x', false],
      ['>=17.0.0', false],
      ['>=17.3.0', true],
      ['^18 || ^20 || >=22', true],
      ['^16.0.0 || >=18', false],
      ['<18', false],
      ['*', false],
      ['18.0.0 - 22', true],
      ['>=18 <23', true],
      ['not a range', false],
    ];
    expect(cases.map(([range]) => [range, enginesAllowAbortSignalTimeout(range)])).toEqual(cases);
    expect(nodeEngines(enginesFixture('node-12'))).toBe('>=12.10.0');
    expect(nodeEngines(enginesFixture('no-engines'))).toBeNull();
    // A `{ "type": "commonjs" }` marker in a build folder is not the package: the lookup goes on up.
    expect(nodeEngines(new URL('../../fixtures/engines/node-12/lib/cjs/client.js', import.meta.url).pathname)).toBe('>=12.10.0');
    expect(nodeEngines('client.js')).toBeNull();
    const { parseSettings } = await import('../../src/settings');
    expect(parseSettings({ node: ' ^16.14.0 || >=18 ' }).node).toBe('^16.14.0 || >=18');
    expect(() => parseSettings({ node: 'lts' })).toThrow('settings.resilience.node must be a Node version range like ">=18" or "^16.14.0 || >=18" (got "lts").');
  });
});

// node-fetch: the suggestion follows the node-fetch the file resolves to (node-fetch 2 has its own timeout option and
// runs on Node versions without AbortSignal.timeout; node-fetch 3 removed it).
const NODE_FETCH_SOURCE = `import fetch from 'node-fetch';
export const a = (url) => fetch(url);
export const b = (url, res) => {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return fetch(url, { method: 'GET', signal: controller.signal });
};`;
const nodeFetchV2Description =
  "Add timeout: 10000 (node-fetch 2's own timeout: the call rejects with a FetchError of type 'request-timeout' when the response headers take longer than 10000 ms, and reading the body rejects with type 'body-timeout' when it takes longer than 10000 ms).";
const nodeFetchV2Errors = [
  {
    ...missing([2, 27, 2, 37], NODE_FETCH_SOURCE.replace('fetch(url);', 'fetch(url, { timeout: 10000 });')),
    suggestions: [{ messageId: 'addTimeout' as const, data: { description: nodeFetchV2Description }, output: NODE_FETCH_SOURCE.replace('fetch(url);', 'fetch(url, { timeout: 10000 });') }],
  },
  {
    ...missing([6, 38, 6, 63], null),
    messageId: 'missingTimeout' as const,
    data: { library: 'node-fetch', subject: 'This node-fetch call', option: 'timer that aborts its signal', noFix: '' },
    suggestions: [
      {
        messageId: 'addTimeout' as const,
        data: { description: nodeFetchV2Description },
        output: NODE_FETCH_SOURCE.replace('signal: controller.signal });', 'signal: controller.signal, timeout: 10000 });'),
      },
    ],
  },
];
const nodeFetchUnknown =
  " No quick fix: node-fetch cannot be found from this file's directory, so whether the call takes node-fetch 2's `timeout` option or needs node-fetch 3's abort signal is unknown (settings.resilience.nodeFetch names the version).";

ruleTester.run('require-timeout: node-fetch version', rule, {
  valid: [],
  invalid: [
    // node-fetch 2, in a package without engines.node: its own timeout option, an existing signal kept.
    { code: NODE_FETCH_SOURCE, filename: nodeFetchFixture('v2'), errors: nodeFetchV2Errors },
    // ... also where the Node versions allowed have no AbortSignal.timeout.
    { code: NODE_FETCH_SOURCE, filename: nodeFetchFixture('v2'), settings: { resilience: { node: '>=12' } }, errors: nodeFetchV2Errors },
    // settings.resilience.nodeFetch names the version where node-fetch cannot be resolved from the file.
    { code: NODE_FETCH_SOURCE, filename: '/nonexistent-project/src/client.js', settings: { resilience: { nodeFetch: '2.6.1' } }, errors: nodeFetchV2Errors },
    // node-fetch 3 (no timeout option): a signal, combined through AbortSignal.any with an existing one.
    {
      code: NODE_FETCH_SOURCE,
      filename: nodeFetchFixture('v3'),
      errors: [
        missing([2, 27, 2, 37], NODE_FETCH_SOURCE.replace('fetch(url);', 'fetch(url, { signal: AbortSignal.timeout(10000) });')),
        missing(
          [6, 38, 6, 63],
          NODE_FETCH_SOURCE.replace('signal: controller.signal });', 'signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });'),
        ),
      ],
    },
    // node-fetch 3 where engines allow a Node without AbortSignal.timeout: no suggestion, as for fetch.
    {
      code: `import fetch from 'node-fetch';
export const a = (url) => fetch(url);`,
      filename: nodeFetchFixture('v3'),
      settings: { resilience: { node: '>=14' } },
      errors: [
        {
          ...missing([2, 27, 2, 37], null),
          data: {
            library: 'node-fetch',
            subject: 'This node-fetch call',
            option: 'signal',
            noFix: ' No quick fix: AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and settings.resilience.node `>=14` allows older versions; a runtime-independent timeout is a decision for a person.',
          },
        },
      ],
    },
    // node-fetch not found from the file (and no setting): no suggestion, and why.
    {
      code: `import fetch from 'node-fetch';
export const a = (url) => fetch(url);`,
      filename: '/nonexistent-project/src/client.js',
      errors: [{ ...missing([2, 27, 2, 37], null), data: { library: 'node-fetch', subject: 'This node-fetch call', option: 'signal', noFix: nodeFetchUnknown } }],
    },
    // An invalid setting withholds the suggestion; the rule does not crash.
    {
      code: `import fetch from 'node-fetch';
export const a = (url) => fetch(url);`,
      filename: nodeFetchFixture('v2'),
      settings: { resilience: { nodeFetch: 'two' } },
      errors: [
        {
          ...missing([2, 27, 2, 37], null),
          data: {
            library: 'node-fetch',
            subject: 'This node-fetch call',
            option: 'signal',
            noFix: ' No quick fix: settings.resilience is invalid, so the node-fetch version the code uses is unknown (see the settings error).',
          },
        },
      ],
    },
  ],
});

// axios: a request or instance that carries uploads of any size gets no fixed timeout (axios's timeout in Node runs
// until the response headers arrive, so it bounds the upload too).
const uploadNoFix = (reason: string) => ` No quick fix: ${reason}; a decision for a person.`;
ruleTester.run('require-timeout: axios uploads', rule, {
  valid: [],
  invalid: [
    {
      code: `import axios from 'axios';
export const send = ({ url, method, data }) => axios({
  url,
  method,
  data,
  maxContentLength: Infinity,
  maxBodyLength: Infinity,
});`,
      errors: [
        {
          ...missing([2, 48, 8, 3], null),
          data: {
            library: 'axios',
            subject: 'This axios request',
            option: 'timeout',
            noFix: uploadNoFix('the request carries bodies of any size (maxBodyLength: Infinity), so the right timeout depends on the upload'),
          },
        },
      ],
    },
    // No body in the config (the maxBodyLength: Infinity that API tools generate for every GET), or only
    // maxContentLength (the size of the response, which axios's timeout does not cover: it stops at the headers):
    // the suggestion stays.
    {
      code: `import axios from 'axios';
export const find = (url) => axios({ method: 'get', maxBodyLength: Infinity, url });
export const get = (url) => axios.get(url, { maxContentLength: -1 });`,
      errors: [
        missing(
          [2, 30, 2, 84],
          `import axios from 'axios';
export const find = (url) => axios({ method: 'get', maxBodyLength: Infinity, url, timeout: 10000 });
export const get = (url) => axios.get(url, { maxContentLength: -1 });`,
        ),
        missing(
          [3, 29, 3, 69],
          `import axios from 'axios';
export const find = (url) => axios({ method: 'get', maxBodyLength: Infinity, url });
export const get = (url) => axios.get(url, { maxContentLength: -1, timeout: 10000 });`,
        ),
      ],
    },
    {
      code: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', maxBodyLength: Number.POSITIVE_INFINITY });`,
      errors: [
        {
          ...missing([2, 20, 2, 113], null),
          data: {
            library: 'axios',
            subject: 'This axios instance',
            option: 'timeout',
            noFix: uploadNoFix('the instance carries bodies of any size (maxBodyLength: Number.POSITIVE_INFINITY), so the right timeout depends on the upload'),
          },
        },
      ],
    },
    {
      code: `import axios from 'axios';
import fs from 'node:fs';
export async function upload(url, file) {
  const form = new FormData();
  form.append('file', file);
  await axios.post(url, form);
  await axios.put(url, fs.createReadStream(file));
}`,
      errors: [
        {
          ...missing([6, 9, 6, 30], null),
          data: {
            library: 'axios',
            subject: 'This axios request',
            option: 'timeout',
            noFix: uploadNoFix('the request sends a FormData body, so the right timeout depends on the size of the upload'),
          },
        },
        {
          ...missing([7, 9, 7, 50], null),
          data: {
            library: 'axios',
            subject: 'This axios request',
            option: 'timeout',
            noFix: uploadNoFix('the request sends a stream (fs.createReadStream(...)), so the right timeout depends on the size of the upload'),
          },
        },
      ],
    },
    // A size limit that is finite leaves the suggestion.
    {
      code: `import axios from 'axios';
export const send = (url, data) => axios.post(url, data, { maxBodyLength: 10_000_000 });`,
      errors: [
        missing(
          [2, 36, 2, 88],
          `import axios from 'axios';
export const send = (url, data) => axios.post(url, data, { maxBodyLength: 10_000_000, timeout: 10000 });`,
        ),
      ],
    },
  ],
});

// fetch uploads: a body that is (or may be) a form, a file, a blob or a stream is reported without a fixed timeout.
const fetchUpload = (position: Position, option: string, reason: string) => ({
  ...missingFetch(position, null),
  data: { library: 'fetch', subject: 'This fetch call', option, noFix: uploadNoFix(reason) },
});
ruleTester.run('require-timeout: fetch uploads', rule, {
  valid: [],
  invalid: [
    {
      // A form helper's result, through a `let` the other branches overwrite with text (react-hook-form's <Form> shape).
      code: `export async function submit(action, data, json) {
  const formData = jsonToFormData(data);
  let body = formData;
  if (json) body = JSON.stringify(data);
  return fetch(action, { method: 'POST', body });
}`,
      errors: [fetchUpload([5, 10, 5, 49], 'signal', 'the request body (formData) may be a form, a file or a stream, so the right timeout depends on the size of the upload')],
    },
    {
      code: `export async function send(url, file, signal) {
  await fetch(url, { method: 'PUT', body: new Blob([file]) });
  await fetch(url, { method: 'PUT', body: file.stream() });
  await fetch(url, { method: 'POST', body: uploadFiles });
}`,
      errors: [
        fetchUpload([2, 9, 2, 62], 'signal', 'the request sends a Blob body, so the right timeout depends on the size of the upload'),
        fetchUpload([3, 9, 3, 59], 'signal', 'the request sends what file.stream(...) makes, a form, a blob or a stream, so the right timeout depends on the size of the upload'),
        fetchUpload([4, 9, 4, 58], 'signal', 'the request body (uploadFiles) may be a form, a file or a stream, so the right timeout depends on the size of the upload'),
      ],
    },
    // A body named for a form (line-bot-sdk 11's `postFormMultipart(url, form)`, from a ledger batch); `transform`, `platform` and `format` are not.
    {
      code: `export async function send(url, form, transform) {
  await fetch(url, { method: 'POST', body: form });
  await fetch(url, { method: 'POST', body: buildForm(transform) });
}`,
      errors: [
        fetchUpload([2, 9, 2, 51], 'signal', 'the request body (form) may be a form, a file or a stream, so the right timeout depends on the size of the upload'),
        fetchUpload([3, 9, 3, 67], 'signal', 'the request sends what buildForm(...) makes, a form, a blob or a stream, so the right timeout depends on the size of the upload'),
      ],
    },
    {
      code: `export const save = (url, transform) => fetch(url, { method: 'POST', body: transform });`,
      errors: [
        {
          ...missingFetch([1, 41, 1, 88], `export const save = (url, transform) => fetch(url, { method: 'POST', body: transform, signal: AbortSignal.timeout(10000) });`),
          data: { library: 'fetch', subject: 'This fetch call', option: 'signal', noFix: '' },
        },
      ],
    },
    // A `form` whose value the file shows is judged by that value (an OAuth token request's URLSearchParams), from a final review.
    {
      code: `export async function token(tokenUrl, code) {
  const form = new URLSearchParams();
  form.append('grant_type', 'authorization_code');
  form.append('code', code);
  return fetch(tokenUrl, { method: 'POST', body: form });
}`,
      errors: [
        {
          ...missingFetch([5, 10, 5, 57], `export async function token(tokenUrl, code) {
  const form = new URLSearchParams();
  form.append('grant_type', 'authorization_code');
  form.append('code', code);
  return fetch(tokenUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(10000) });
}`),
          data: { library: 'fetch', subject: 'This fetch call', option: 'signal', noFix: '' },
        },
      ],
    },
    // A JSON or text body keeps the suggestion.
    {
      code: `export const save = (url, data) => fetch(url, { method: 'POST', body: JSON.stringify(data) });`,
      errors: [
        {
          ...missingFetch([1, 36, 1, 94], `export const save = (url, data) => fetch(url, { method: 'POST', body: JSON.stringify(data), signal: AbortSignal.timeout(10000) });`),
          data: { library: 'fetch', subject: 'This fetch call', option: 'signal', noFix: '' },
        },
      ],
    },
  ],
});

// Browser UI: a request from a callback the browser runs (an effect, an event handler) in a React or Preact component
// or hook waits in one user's browser; recommended leaves it alone, strict (reportBrowserUi) reports it. A component's
// render body, and the callbacks the render itself runs, run on the server too (server rendering); a function that
// calls no client-only hook of React or Preact is not known to be a client component.
ruleTester.run('require-timeout: browser UI', rule, {
  valid: [
    `import { useEffect, useState } from 'react';
export function Prices() {
  const [prices, setPrices] = useState();
  useEffect(() => {
    fetch('/api/prices').then((r) => r.json()).then(setPrices);
  }, []);
  const onRefresh = () => fetch('/api/prices/refresh', { method: 'POST' });
  return <button onClick={onRefresh}>{prices}</button>;
}`,
    `import { useEffect, useState } from 'react';
export function useUser(id) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    fetch(\`/api/users/\${id}\`).then((r) => r.json()).then(setUser);
  }, [id]);
  return user;
}`,
    `import { useState } from 'preact/hooks';
export const Save = ({ url }) => {
  const [busy, setBusy] = useState(false);
  return <button onClick={async () => { setBusy(true); await fetch(url, { method: 'PUT' }); }}>{busy}</button>;
};`,
  ],
  invalid: [
    // Trap narrowed (real code, react-hook-form 7's <Form>): the submit callback is handed to `control.handleSubmit` in a `useMemo` factory, which runs during the render (server rendering too); nothing shows the browser runs it.
    {
      code: `import React from 'react';
export function Form(props) {
  const [mounted, setMounted] = React.useState(false);
  const handleSubmit = React.useMemo(() => {
    return props.control.handleSubmit(async (data) => {
      await fetch(props.action, { method: 'POST', body: JSON.stringify(data) });
    });
  }, [props.action]);
  return mounted ? handleSubmit : null;
}`,
      errors: [
        missingFetch([6, 13, 6, 80], `import React from 'react';
export function Form(props) {
  const [mounted, setMounted] = React.useState(false);
  const handleSubmit = React.useMemo(() => {
    return props.control.handleSubmit(async (data) => {
      await fetch(props.action, { method: 'POST', body: JSON.stringify(data), signal: AbortSignal.timeout(10000) });
    });
  }, [props.action]);
  return mounted ? handleSubmit : null;
}`),
      ],
    },
    // Twin (from an independent review): a server action (`'use server'`) runs on the server for every form post, even as a form's `action`.
    {
      code: `import { useState } from 'react';
export function Subscribe() {
  const [sent] = useState(false);
  const subscribe = async (form) => {
    'use server';
    await fetch('https://mailer.example.com/subscribe', { method: 'POST', body: JSON.stringify({ email: form.get('email') }) });
  };
  return <form action={subscribe}>{sent}</form>;
}`,
      errors: [
        missingFetch([6, 11, 6, 128], `import { useState } from 'react';
export function Subscribe() {
  const [sent] = useState(false);
  const subscribe = async (form) => {
    'use server';
    await fetch('https://mailer.example.com/subscribe', { method: 'POST', body: JSON.stringify({ email: form.get('email') }), signal: AbortSignal.timeout(10000) });
  };
  return <form action={subscribe}>{sent}</form>;
}`),
      ],
    },
    // Twin (from an independent review): a `useMemo` factory runs during the render, on the server too.
    {
      code: `import { use, useMemo, useRef } from 'react';
export function Prices({ id }) {
  const seen = useRef(0);
  const prices = useMemo(() => fetch(\`https://api.example.com/prices/\${id}\`).then((r) => r.json()), [id]);
  return use(prices) + seen.current;
}`,
      errors: [
        missingFetch([4, 32, 4, 77], `import { use, useMemo, useRef } from 'react';
export function Prices({ id }) {
  const seen = useRef(0);
  const prices = useMemo(() => fetch(\`https://api.example.com/prices/\${id}\`, { signal: AbortSignal.timeout(10000) }).then((r) => r.json()), [id]);
  return use(prices) + seen.current;
}`),
      ],
    },
    // Twin (from an independent review): so does a `useState` initialiser.
    {
      code: `import { useState } from 'react';
export function Prices() {
  const [prices] = useState(() => fetch('https://api.example.com/prices'));
  return prices;
}`,
      errors: [
        missingFetch([3, 35, 3, 74], `import { useState } from 'react';
export function Prices() {
  const [prices] = useState(() => fetch('https://api.example.com/prices', { signal: AbortSignal.timeout(10000) }));
  return prices;
}`),
      ],
    },
    // Twin (from an independent review): `useCallback` and `use` are server-component hooks too, and the callback is called during the render.
    {
      code: `import { use, useCallback } from 'react';
export function Report({ url }) {
  const load = useCallback(() => fetch(url), [url]);
  return use(load());
}`,
      errors: [
        missingFetch([3, 34, 3, 44], `import { use, useCallback } from 'react';
export function Report({ url }) {
  const load = useCallback(() => fetch(url, { signal: AbortSignal.timeout(10000) }), [url]);
  return use(load());
}`),
      ],
    },
    // The render body runs on the server too (server rendering).
    {
      code: `import { useState } from 'react';
export function Page() {
  const [x] = useState(0);
  fetch('/api/ping');
  return x;
}`,
      errors: [
        missingFetch([4, 3, 4, 21], `import { useState } from 'react';
export function Page() {
  const [x] = useState(0);
  fetch('/api/ping', { signal: AbortSignal.timeout(10000) });
  return x;
}`),
      ],
    },
    // Capitalised, but calls no hook: not known to be a component.
    {
      code: `export function Form(props) {
  const onSubmit = async () => { await fetch(props.action); };
  return <form onSubmit={onSubmit} />;
}`,
      errors: [
        missingFetch([2, 40, 2, 59], `export function Form(props) {
  const onSubmit = async () => { await fetch(props.action, { signal: AbortSignal.timeout(10000) }); };
  return <form onSubmit={onSubmit} />;
}`),
      ],
    },
    // A hook of the file's own, not React's.
    {
      code: `import { useQuery } from './query';
export function Page() {
  useQuery();
  const go = () => fetch('/api/x');
  return <a onClick={go} />;
}`,
      errors: [
        missingFetch([4, 20, 4, 35], `import { useQuery } from './query';
export function Page() {
  useQuery();
  const go = () => fetch('/api/x', { signal: AbortSignal.timeout(10000) });
  return <a onClick={go} />;
}`),
      ],
    },
    // Calls React's hook but is named like neither a component nor a hook.
    {
      code: `import { useState } from 'react';
export function helper() {
  useState();
  const go = () => fetch('/api/x');
  return <a onClick={go} />;
}`,
      errors: [
        missingFetch([4, 20, 4, 35], `import { useState } from 'react';
export function helper() {
  useState();
  const go = () => fetch('/api/x', { signal: AbortSignal.timeout(10000) });
  return <a onClick={go} />;
}`),
      ],
    },
    // reportBrowserUi (strict) reports them.
    {
      code: `import { useEffect, useState } from 'react';
export function Prices() {
  const [prices, setPrices] = useState();
  useEffect(() => {
    fetch('/api/prices').then((r) => r.json()).then(setPrices);
  }, []);
  const onRefresh = () => fetch('/api/prices/refresh', { method: 'POST' });
  return <button onClick={onRefresh}>{prices}</button>;
}`,
      options: [{ reportBrowserUi: true }],
      errors: [
        missingFetch([5, 5, 5, 25], `import { useEffect, useState } from 'react';
export function Prices() {
  const [prices, setPrices] = useState();
  useEffect(() => {
    fetch('/api/prices', { signal: AbortSignal.timeout(10000) }).then((r) => r.json()).then(setPrices);
  }, []);
  const onRefresh = () => fetch('/api/prices/refresh', { method: 'POST' });
  return <button onClick={onRefresh}>{prices}</button>;
}`),
        missingFetch([7, 27, 7, 75], `import { useEffect, useState } from 'react';
export function Prices() {
  const [prices, setPrices] = useState();
  useEffect(() => {
    fetch('/api/prices').then((r) => r.json()).then(setPrices);
  }, []);
  const onRefresh = () => fetch('/api/prices/refresh', { method: 'POST', signal: AbortSignal.timeout(10000) });
  return <button onClick={onRefresh}>{prices}</button>;
}`),
      ],
    },
    {
      code: `import { useEffect, useState } from 'react';
export function useUser(id) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    fetch(\`/api/users/\${id}\`).then((r) => r.json()).then(setUser);
  }, [id]);
  return user;
}`,
      options: [{ reportBrowserUi: true }],
      errors: [
        missingFetch([5, 5, 5, 30], `import { useEffect, useState } from 'react';
export function useUser(id) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    fetch(\`/api/users/\${id}\`, { signal: AbortSignal.timeout(10000) }).then((r) => r.json()).then(setUser);
  }, [id]);
  return user;
}`),
      ],
    },
    {
      code: `import { useState } from 'preact/hooks';
export const Save = ({ url }) => {
  const [busy, setBusy] = useState(false);
  return <button onClick={async () => { setBusy(true); await fetch(url, { method: 'PUT' }); }}>{busy}</button>;
};`,
      options: [{ reportBrowserUi: true }],
      errors: [
        missingFetch([4, 62, 4, 91], `import { useState } from 'preact/hooks';
export const Save = ({ url }) => {
  const [busy, setBusy] = useState(false);
  return <button onClick={async () => { setBusy(true); await fetch(url, { method: 'PUT', signal: AbortSignal.timeout(10000) }); }}>{busy}</button>;
};`),
      ],
    },
  ],
});

const REPLACED = "this file puts `node-fetch`'s fetch in the global's place, and it may set no timeout";

// reportFetch: by default (recommended) a fetch with no signal is not reported, since Node's default dispatcher bounds
// it (300 s for the headers, 300 s per pause in the body), as undici.request is not; clients that wait forever still
// are. With reportFetch (strict) the same fetch is reported with its 5-minute message and its suggestion.
ruleTester.run('require-timeout: reportFetch', defaultRule, {
  valid: [
    `export const load = (url) => fetch(url);`,
    `import { fetch } from 'undici';
export const load = (url) => fetch(url, { method: 'POST' });`,
    `export const load = (url) => globalThis.fetch(url);`,
    { code: `export const load = (url) => fetch(url);`, options: [{ reportFetch: false }] },
    // A package that declares Node 18 or later (its fetch is Node's own), or no engines at all.
    { code: `export const load = (url) => fetch(url);`, filename: enginesFixture('node-18') },
    { code: `export const load = (url) => fetch(url);`, filename: enginesFixture('no-engines') },
    // Comparing (not assigning) the global, another property, a local named self, comments and strings change nothing.
    `export const native = globalThis.fetch === undefined;\nexport const load = (url) => fetch(url);`,
    `window.fetchSomething = 1;\nwindow.api.fetch = (u) => u;\nexport const load = (url) => fetch(url);`,
    `// Unlike the old global.fetch = nodeFetch hack and 'isomorphic-fetch', no setGlobalDispatcher here.\nexport const note = "we no longer need 'isomorphic-fetch'";\nexport const load = (url) => fetch(url);`,
    `export function wrap() { const self = {}; self.fetch = (u) => u; return self; }\nexport const load = (url) => fetch(url);`,
    // undici's own fetch put on the global, a test double, a type-only import: Node's fetch with its defaults still.
    `import { fetch as undiciFetch } from 'undici';\nglobalThis.fetch = undiciFetch;\nexport const load = (url) => globalThis.fetch(url);`,
    `beforeEach(() => { global.fetch = jest.fn(() => Promise.resolve({ json: () => ({}) })); });\nexport const load = (url) => fetch(url);`,
    `import type {} from 'whatwg-fetch';\nexport async function load(u: string) { return fetch(u); }`,
    // engines.node read as semver reads it: \`>17\` is 18 or later; undici's own fetch is undici's whatever the engines.
    { code: `export const load = (url) => fetch(url);`, settings: { resilience: { node: '>17' } } },
    { code: `import { fetch } from 'undici';\nexport const load = (url) => fetch(url);`, settings: { resilience: { node: '>=16' } } },
  ],
  invalid: [
    {
      // node-fetch sets no timeout at all: reported by default; an axios from a parameter is not known to be axios.
      code: `import fetch from 'node-fetch';
export const load = (url) => fetch(url);
export const viaAxios = (axios) => axios.get('/x');`,
      filename: nodeFetchFixture('v3'),
      errors: [missing([2, 30, 2, 40], `import fetch from 'node-fetch';
export const load = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });
export const viaAxios = (axios) => axios.get('/x');`)],
    },
    // Where undici's defaults are not known to hold, the default reports fetch too: a browser's global by name...
    {
      code: `export const a = (url) => window.fetch(url);\nexport const b = (url) => self.fetch(url);\nexport const c = (url) => fetch(url);`,
      errors: [
        unknownFetch([1, 27, 1, 44], `export const a = (url) => window.fetch(url, { signal: AbortSignal.timeout(10000) });\nexport const b = (url) => self.fetch(url);\nexport const c = (url) => fetch(url);`, "`window.fetch` is a browser's fetch, which has no time limit"),
        unknownFetch([2, 27, 2, 42], `export const a = (url) => window.fetch(url);\nexport const b = (url) => self.fetch(url, { signal: AbortSignal.timeout(10000) });\nexport const c = (url) => fetch(url);`, "`self.fetch` is a browser's fetch, which has no time limit"),
      ],
    },
    // ...a file that puts node-fetch in the global's place, or loads a polyfill...
    {
      code: `import nodeFetch from 'node-fetch';\nglobalThis.fetch = nodeFetch;\nexport const get = (url) => fetch(url);`,
      errors: [unknownFetch([3, 29, 3, 39], `import nodeFetch from 'node-fetch';\nglobalThis.fetch = nodeFetch;\nexport const get = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`, REPLACED)],
    },
    {
      code: `const nodeFetch = require('node-fetch');\n(globalThis as any).fetch = nodeFetch;\nexport const get = (url: string) => fetch(url);`,
      errors: [unknownFetch([3, 37, 3, 47], `const nodeFetch = require('node-fetch');\n(globalThis as any).fetch = nodeFetch;\nexport const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000) });`, REPLACED)],
    },
    {
      code: `import 'cross-fetch/polyfill';\nexport const get = (url) => fetch(url);`,
      errors: [unknownFetch([2, 29, 2, 39], `import 'cross-fetch/polyfill';\nexport const get = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`, "this file loads `cross-fetch/polyfill`, which may put a fetch with no timeout in the global's place")],
    },
    {
      code: `import nodeFetch from 'node-fetch';\nglobalThis.fetch ??= nodeFetch;\nexport const get = (url) => fetch(url);`,
      errors: [unknownFetch([3, 29, 3, 39], `import nodeFetch from 'node-fetch';\nglobalThis.fetch ??= nodeFetch;\nexport const get = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`, REPLACED)],
    },
    {
      code: `import nodeFetch from 'node-fetch';\nObject.assign(globalThis, { fetch: nodeFetch });\nexport const get = (url) => fetch(url);`,
      errors: [unknownFetch([3, 29, 3, 39], `import nodeFetch from 'node-fetch';\nObject.assign(globalThis, { fetch: nodeFetch });\nexport const get = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`, REPLACED)],
    },
    {
      code: `export const a = (url: string) => (window as any).fetch(url);`,
      errors: [unknownFetch([1, 35, 1, 61], `export const a = (url: string) => (window as any).fetch(url, { signal: AbortSignal.timeout(10000) });`, "\`window.fetch\` is a browser's fetch, which has no time limit")],
    },
    {
      code: `import polyfill = require('isomorphic-fetch');\nexport const get = (url: string) => fetch(url);`,
      errors: [unknownFetch([2, 37, 2, 47], `import polyfill = require('isomorphic-fetch');\nexport const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000) });`, "this file loads \`isomorphic-fetch\`, which may put a fetch with no timeout in the global's place")],
    },
    // ...a file that sets the global dispatcher (here turning its timeouts off)...
    {
      code: `import { setGlobalDispatcher, Agent } from 'undici';\nsetGlobalDispatcher(new Agent({ headersTimeout: 0, bodyTimeout: 0 }));\nexport const get = (url) => fetch(url);`,
      errors: [
        unknownFetch(
          [3, 29, 3, 39],
          `import { setGlobalDispatcher, Agent } from 'undici';\nsetGlobalDispatcher(new Agent({ headersTimeout: 0, bodyTimeout: 0 }));\nexport const get = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`,
          'this file calls `setGlobalDispatcher`, whose dispatcher may turn the default timeouts off',
        ),
      ],
    },
    // ...and a package whose engines.node allows a Node before 18 (no fetch of its own: a polyfill).
    {
      code: ENGINES_SOURCE,
      filename: enginesFixture('node-16-or-18'),
      errors: [
        unknownFetch([2, 33, 2, 43], null, enginesDoubt('^16.0.0 || >=18'), enginesNoFix('^16.0.0 || >=18')),
        { ...missing([3, 25, 3, 64], null), data: { subject: 'This http.request call', option: 'timeout', library: 'http', noFix: enginesNoFix('^16.0.0 || >=18') } },
      ],
    },
    {
      code: `export const load = (url) => fetch(url);`,
      options: [{ reportFetch: true }],
      errors: [missingFetch([1, 30, 1, 40], `export const load = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });`)],
    },
  ],
});
