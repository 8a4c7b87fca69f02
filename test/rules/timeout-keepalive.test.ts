/**
 * A keepalive beacon is left to `reportBrowserUi` (issue 12's ledger:
 * GrowthBook's tracking plugin). A fetch the rule doubts is Node's (a
 * browser's `window.fetch`, a global fetch where the engines allow Node
 * before 18) whose init sets `keepalive: true`, or sets it whenever the body
 * fits the browser's keepalive quota (`keepalive: body.length < 60000`), and
 * whose answer nobody reads (a statement: `await fetch(...)`,
 * `fetch(...).catch(...)`), is a beacon that outlives the page, in one user's
 * browser: the default leaves it alone, `reportBrowserUi` (on in `strict`)
 * reports it. Twins stay reported by default: an answer that is read or
 * returned, `keepalive` from the caller's options, `keepalive: false`, and a
 * file that loads a polyfill; Node's own fetch stays reported by `reportFetch`.
 */
import { jsRuleTester } from '../rule-tester';
import ruleModule from '../../rules/require-timeout';

const cases = {
  beacon: `export function flush(url, events) {
  const body = JSON.stringify(events);
  window.fetch(url, { method: 'POST', body, keepalive: true }).catch(() => {});
}`,
  quota: `export async function track(endpoint, body) {
  try {
    await window.fetch(endpoint, { method: 'POST', body, keepalive: body.length < 60000 });
  } catch (e) {
    console.error('Failed to track event', e);
  }
}`,
  // GrowthBook's shape (ledger): the global fetch in a package whose engines allow Node before 18.
  engines: `export async function track(endpoint, body) {
  await fetch(endpoint, { method: 'POST', body, keepalive: true });
}`,
  // Twin: the answer is read, so somebody waits on it.
  answerRead: `export async function saveDraft(body) {
  const res = await window.fetch('/api/drafts', { method: 'PUT', body, keepalive: true });
  return res.ok;
}`,
  // Twin: returned to a caller who may read it.
  returned: `export function flush(url, body) {
  return window.fetch(url, { method: 'POST', body, keepalive: true });
}`,
  // Twin: a general request function whose caller chooses keepalive.
  fromOptions: `export function request(url, opts = {}) {
  window.fetch(url, { method: opts.method, keepalive: opts.keepAlive });
}`,
  // Twin: keepalive turned off.
  off: `export function load(url) {
  window.fetch(url, { keepalive: false });
}`,
  // Twin: Node's own fetch (reportFetch), where keepalive does nothing.
  nodeGlobal: `export async function track(endpoint, body) {
  await fetch(endpoint, { method: 'POST', body, keepalive: true });
}`,
  // Twin: a file that loads a polyfill runs on Node, where keepalive does nothing.
  polyfill: `import 'cross-fetch/polyfill';
export async function track(endpoint, body) {
  await fetch(endpoint, { method: 'POST', body, keepalive: true });
}`,
};

/** The doubt a `window.fetch` report states. */
const BROWSER = "`window.fetch` is a browser's fetch, which has no time limit";

const DEFAULT = [{}];
const REPORT_UI = [{ reportBrowserUi: true }];
const REPORT_FETCH = [{ reportFetch: true }];
const ALL_OPTIONS = [DEFAULT, REPORT_UI, REPORT_FETCH];

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
jsRuleTester.run('require-timeout: a keepalive beacon is reported only with reportBrowserUi', ruleModule as never, {
  valid: [
    { code: cases.beacon, options: DEFAULT },
    { code: cases.beacon, options: REPORT_FETCH },
    { code: cases.quota, options: DEFAULT },
    { code: cases.quota, options: REPORT_FETCH },
    { code: cases.engines, options: DEFAULT, settings: { resilience: { node: '>=10' } } },
    { code: cases.engines, options: REPORT_FETCH, settings: { resilience: { node: '>=10' } } },
    { code: cases.nodeGlobal, options: DEFAULT },
    { code: cases.nodeGlobal, options: REPORT_UI },
  ],
  invalid: [
    {
      code: cases.beacon,
      options: REPORT_UI,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: BROWSER, noFix: '' }, line: 3, column: 3, endLine: 3, endColumn: 63, suggestions: [{ messageId: 'addTimeout', output: `export function flush(url, events) {
  const body = JSON.stringify(events);
  window.fetch(url, { method: 'POST', body, keepalive: true, signal: AbortSignal.timeout(10000) }).catch(() => {});
}` }] },
      ],
    },
    {
      code: cases.quota,
      options: REPORT_UI,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: BROWSER, noFix: '' }, line: 3, column: 11, endLine: 3, endColumn: 91, suggestions: [{ messageId: 'addTimeout', output: `export async function track(endpoint, body) {
  try {
    await window.fetch(endpoint, { method: 'POST', body, keepalive: body.length < 60000, signal: AbortSignal.timeout(10000) });
  } catch (e) {
    console.error('Failed to track event', e);
  }
}` }] },
      ],
    },
    {
      code: cases.engines,
      options: REPORT_UI,
      settings: { resilience: { node: '>=10' } },
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: `settings.resilience.node \`>=10\` allows a Node before 18, whose global fetch is a polyfill (node-fetch and most polyfills set no timeout)`, noFix: ` No quick fix: AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and settings.resilience.node \`>=10\` allows older versions; a runtime-independent timeout is a decision for a person.` }, line: 2, column: 9, endLine: 2, endColumn: 67, suggestions: [] },
      ],
    },
    // The same report with every option set.
    ...ALL_OPTIONS.map((options) => ({
      code: cases.answerRead,
      options,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: BROWSER, noFix: '' }, line: 2, column: 21, endLine: 2, endColumn: 90, suggestions: [{ messageId: 'addTimeout', output: `export async function saveDraft(body) {
  const res = await window.fetch('/api/drafts', { method: 'PUT', body, keepalive: true, signal: AbortSignal.timeout(10000) });
  return res.ok;
}` }] },
      ],
    })),
    // The same report with every option set.
    ...ALL_OPTIONS.map((options) => ({
      code: cases.returned,
      options,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: BROWSER, noFix: '' }, line: 2, column: 10, endLine: 2, endColumn: 70, suggestions: [{ messageId: 'addTimeout', output: `export function flush(url, body) {
  return window.fetch(url, { method: 'POST', body, keepalive: true, signal: AbortSignal.timeout(10000) });
}` }] },
      ],
    })),
    // The same report with every option set.
    ...ALL_OPTIONS.map((options) => ({
      code: cases.fromOptions,
      options,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: BROWSER, noFix: '' }, line: 2, column: 3, endLine: 2, endColumn: 72, suggestions: [{ messageId: 'addTimeout', output: `export function request(url, opts = {}) {
  window.fetch(url, { method: opts.method, keepalive: opts.keepAlive, signal: AbortSignal.timeout(10000) });
}` }] },
      ],
    })),
    // The same report with every option set.
    ...ALL_OPTIONS.map((options) => ({
      code: cases.off,
      options,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: BROWSER, noFix: '' }, line: 2, column: 3, endLine: 2, endColumn: 42, suggestions: [{ messageId: 'addTimeout', output: `export function load(url) {
  window.fetch(url, { keepalive: false, signal: AbortSignal.timeout(10000) });
}` }] },
      ],
    })),
    {
      code: cases.nodeGlobal,
      options: REPORT_FETCH,
      errors: [
        { messageId: 'missingFetchTimeout', data: { subject: 'This fetch call', option: 'signal', noFix: '' }, line: 2, column: 9, endLine: 2, endColumn: 67, suggestions: [{ messageId: 'addTimeout', output: `export async function track(endpoint, body) {
  await fetch(endpoint, { method: 'POST', body, keepalive: true, signal: AbortSignal.timeout(10000) });
}` }] },
      ],
    },
    // The same report with every option set.
    ...ALL_OPTIONS.map((options) => ({
      code: cases.polyfill,
      options,
      errors: [
        { messageId: 'missingFetchTimeoutUnknown', data: { subject: 'This fetch call', option: 'signal', doubt: `this file loads \`cross-fetch/polyfill\`, which may put a fetch with no timeout in the global's place`, noFix: '' }, line: 3, column: 9, endLine: 3, endColumn: 67, suggestions: [{ messageId: 'addTimeout', output: `import 'cross-fetch/polyfill';
export async function track(endpoint, body) {
  await fetch(endpoint, { method: 'POST', body, keepalive: true, signal: AbortSignal.timeout(10000) });
}` }] },
      ],
    })),
  ],
});
