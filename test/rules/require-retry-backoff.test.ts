import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { sharedValid } from './retry-shared-valid';
import ruleModule, { type MessageIds, type Options } from '../../rules/require-retry-backoff';

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
const rule = ruleModule as unknown as Parameters<typeof ruleTester.run<MessageIds, [Partial<Options>]>>[1];

ruleTester.run('require-retry-backoff', rule, {
  valid: [
    // A retry library's run that gives up (axios-retry's default 3 retries, async.retry(3), cockatiel's `maxAttempts: 3`, also
    // called as compiled TypeScript calls it) with a constant or no wait: reported only with reportBounded, like a
    // hand-written retry with a limit (etcd3's global policy in the ledger: three immediate re-runs behind a breaker).
    `const axiosRetry = require('axios-retry').default;
axiosRetry(client);`,
    `const { retry } = require('async');
retry(3, task, done);`,
    `const cockatiel_1 = require("cockatiel");
this.globalPolicy = (0, cockatiel_1.retry)((0, cockatiel_1.handleWhen)(isRecoverableError), { maxAttempts: 3 });`,
    // Trap (real code): a retry that gives up (a limit or a deadline) does not keep coming during a lasting failure;
    // recommended leaves its wait alone, strict (reportBounded) reports it. Every bounded report on the real-code ledger
    // was judged harmless (steam-user's 10 logon lookups a second apart, rabbitmq-client's opt-in publish retries paced
    // by the reconnect they await, a failover to the next server, 10 re-tries of a local Kerberos step).
    `async function load(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}`,
    `class Client {
  async _doConnection() {
    let res;
    try {
      res = await this._apiRequest('GET');
    } catch (ex) {
      if (++this._attempts >= 10) {
        this.emit('error', ex);
      } else {
        setTimeout(() => this._doConnection(), 1000);
      }
      return;
    }
    this.use(res);
  }
}`,
    // Trap (real code, @slack/socket-mode): the 'close' handler hands `this.start` to a helper that runs it from
    // `setTimeout(..., 5000 * failures)`: the helper's timer is the reconnect's wait, and it grows.
    `import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
export class SocketModeClient extends EventEmitter {
  constructor(webClient) {
    super();
    this.webClient = webClient;
    this.failures = 0;
    this.on('close', () => {
      if (!this.shuttingDown) this.delayReconnectAttempt(this.start);
    });
  }
  async start() {
    this.websocket = new WebSocket(await this.retrieveUrl());
    this.websocket.on('close', () => this.emit('close'));
  }
  async retrieveUrl() {
    const resp = await this.webClient.apps.connections.open({});
    this.failures = 0;
    return resp.url;
  }
  delayReconnectAttempt(cb) {
    this.failures += 1;
    const ms = 5000 * this.failures;
    this.reconnectionTimer = setTimeout(() => {
      this.reconnectionTimer = undefined;
      cb.apply(this);
    }, ms);
  }
}`,
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.retry,
    // Trap (real code, requireJitter): missing jitter in a retry that gives up after a few attempts cannot form lasting synchronised waves.
    {
      code: `async function load(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(Math.min(10000, 100 * 2 ** attempt));
    }
  }
}`,
      options: [{ requireJitter: true }],
    },
    { code: `const pRetry = require('p-retry');\nawait pRetry(run, { retries: 5 });`, options: [{ requireJitter: true }] },
    { code: `import { retry } from '@lifeomic/attempt';\nawait retry(run, { maxAttempts: 5, factor: 2 });`, options: [{ requireJitter: true }] },
    { code: `import { backOff } from "exponential-backoff";\nawait backOff(run, { numOfAttempts: 5 });`, options: [{ requireJitter: true }] },
    // Trap (real code): compiled TypeScript races a backoff wait made first with the connection closing.
    `function watch() {
  return __awaiter(this, void 0, void 0, function* () {
    let attempt = 0;
    while (true) {
      try {
        return yield this.consumer.info();
      } catch (err) {
        const to = bo.backoff(attempt);
        const de = (0, util_1.delay)(to);
        yield Promise.race([de, this.nc.closed()]);
        attempt++;
      }
    }
  });
}`,
    // Trap (real code): a stepped schedule by attempt count grows (branches).
    `let reconnectAttempts = 0;
function connectWS() {
  const ws = new WebSocket(url);
  ws.onclose = function () {
    reconnectAttempts++;
    if (reconnectAttempts < 10) {
      setTimeout(connectWS, 1000);
    } else if (reconnectAttempts < 20) {
      setTimeout(connectWS, 2000);
    } else {
      setTimeout(connectWS, 60000);
    }
  };
}`,
    // Trap (real code): a stepped schedule by attempt count grows (a conditional).
    `async function load(url) {
  for (let n = 0; n < 30; n++) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(n < 10 ? 1000 : n < 20 ? 2000 : 60000);
    }
  }
}`,
    // Trap (real code): a wait computed from the failure (Retry-After) is deliberate, not constant.
    `async function load(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await client.get(url);
    } catch (err) {
      const retryAfter = Number(err.response.headers['retry-after']) * 1000;
      await sleep(retryAfter);
    }
  }
}`,
    // Trap (real code): a long randomised wait (a minute or more plus jitter) is not hammering.
    `async function load(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await client.get(url);
    } catch (err) {
      await sleep(60000 + Math.random() * 10000);
    }
  }
}`,
    // Trap (real code): compiled TypeScript waits through \`(0, util_1.delay)(...)\` inside \`__awaiter\` with nats' backoff helper.
    `function request(subj, data, opts) {
  return __awaiter(this, void 0, void 0, function* () {
    const bo = (0, util_1.backoff)();
    for (let i = 0; i < opts.retries; i++) {
      try {
        return yield this.nc.request(subj, data, opts);
      } catch (err) {
        yield (0, util_1.delay)(bo.backoff(i));
      }
    }
  });
}`,

    // Exponential: 2 ** counter.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(1000 * 2 ** i);
    }
  }
}`,
    // Exponential: the delay doubles (delay *= 2).
    `async function load(url) {
  let wait = 100;
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await new Promise((r) => setTimeout(r, wait));
      wait *= 2;
    }
  }
}`,
    // A linearly growing wait still grows.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(1000 * (i + 1));
    }
  }
}`,
    // A delay computed by a function of the attempt: we cannot judge it, so we stay silent.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(computeDelay(i));
    }
  }
}`,
    {
      // requireJitter: Math.random() through a local variable.
      code: `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      const cap = Math.min(10000, 100 * 2 ** i);
      await sleep(Math.random() * cap);
    }
  }
}`,
      options: [{ requireJitter: true }],
    },
    // A poll loop with a constant delay is not a retry.
    `async function poll() {
  while (true) {
    const res = await fetch(statusUrl);
    render(await res.json());
    await sleep(5000);
  }
}`,
    // promise-retry retrying forever still waits with node-retry's exponential default (no-unbounded-retry's business).
    `import promiseRetry from 'promise-retry';
promiseRetry({ retries: Number.MAX_SAFE_INTEGER }, (retry) => run().catch(retry));`,
  ],
  invalid: [
    // Twin of the one-re-attempt trap: the body also moves the loop's counter back (`i--` on EBUSY), so the loop may run any number of times.
    {
      code: `async function load(url) {
  for (let i = 0; i < 2; i++) {
    try {
      return await fetch(url);
    } catch (err) {
      if (err.code === 'EBUSY') i--;
      await sleep(1000);
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let attempt = 0;
  for (let i = 0; i < 2; i++) {
    try {
      return await fetch(url);
    } catch (err) {
      if (err.code === 'EBUSY') i--;
      attempt++;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the one-re-attempt trap: `i <= 3` from 1 runs three times, two re-attempts without a wait.
    {
      code: `async function load(url) {
  for (let i = 1; i <= 3; i++) {
    try {
      return await fetch(url);
    } catch (err) {
      console.warn(err);
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let attempt = 0;
  for (let i = 1; i <= 3; i++) {
    try {
      return await fetch(url);
    } catch (err) {
      console.warn(err);
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the one-re-attempt trap (from an independent review): the two-pass loop sits in an endless loop, which runs it again and again.
    {
      code: `export async function connectForever() {
  while (true) {
    for (let attempt = 0; attempt < 2; attempt++) {
      try { return await openSocket(); } catch (err) { console.warn('connect failed', err); }
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export async function connectForever() {
  while (true) {
    for (let attempt = 0; attempt < 2; attempt++) {
      try { return await openSocket(); } catch (err) { console.warn('connect failed', err); await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt))); }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the one-re-attempt trap (from an independent review): the function calls itself after the loop, so the loop runs again.
    {
      code: `export async function connect() {
  for (let attempt = 0; attempt < 2; attempt++) {
    try { return await openSocket(); } catch (err) { console.warn('connect failed', err); }
  }
  return connect();
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export async function connect() {
  for (let attempt = 0; attempt < 2; attempt++) {
    try { return await openSocket(); } catch (err) { console.warn('connect failed', err); await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt))); }
  }
  return connect();
}`,
            },
          ],
        },
      ],
    },
    // Twin of the one-re-attempt trap (from an independent review): a closure writes the `var` counter back, so the loop may run any number of times.
    {
      code: `export async function send(msg) {
  const again = () => { attempt = -1; };
  for (var attempt = 0; attempt < 2; attempt++) {
    try { await post(msg); break; } catch (err) { if (isTransient(err)) again(); }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export async function send(msg) {
  const again = () => { attempt = -1; };
  let failedAttempts = 0;
  for (var attempt = 0; attempt < 2; attempt++) {
    try { await post(msg); break; } catch (err) { if (isTransient(err)) again(); failedAttempts++; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (failedAttempts - 1)))); }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the one-re-attempt trap (from an independent review): the loop is a 'close' handler, which the next close runs again.
    {
      code: `export function start(client) {
  client.on('close', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try { await client.reconnect(); break; } catch (err) { console.warn('reconnect failed', err); }
    }
  });
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export function start(client) {
  client.on('close', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try { await client.reconnect(); break; } catch (err) { console.warn('reconnect failed', err); await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt))); }
    }
  });
}`,
            },
          ],
        },
      ],
    },
    // Twin of the destructured-helper trap (from an independent review): the helper only logs before it throws what it cannot retry; nothing waits after.
    {
      code: `async function onAttemptFailure({ error, attemptNumber }) {
  await logger.info(\`attempt \${attemptNumber} failed\`, error);
  if (!(error instanceof NetworkError)) throw error;
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try { return await fn(); } catch (error) { await onAttemptFailure({ error, attemptNumber }); }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function onAttemptFailure({ error, attemptNumber }) {
  await logger.info(\`attempt \${attemptNumber} failed\`, error);
  if (!(error instanceof NetworkError)) throw error;
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try { return await fn(); } catch (error) { await onAttemptFailure({ error, attemptNumber }); if (attemptNumber >= 5) throw error; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attemptNumber - 1)))); }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the destructured-helper trap (from an independent review): a `try` around the attempt's in the loop catches what the helper rethrows and goes round again.
    {
      code: `async function onAttemptFailure({ error, attemptNumber }) {
  if (attemptNumber > 5) throw error;
  await delay(1000 * 2 ** attemptNumber);
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try {
      try { return await fn(); } catch (error) { await onAttemptFailure({ error, attemptNumber }); }
    } catch (e) { console.warn('giving up on this round', e); }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function onAttemptFailure({ error, attemptNumber }) {
  if (attemptNumber > 5) throw error;
  await delay(1000 * 2 ** attemptNumber);
}
export async function run(fn) {
  let attemptNumber = 0;
  let attempt = 0;
  while (true) {
    attemptNumber++;
    try {
      try { return await fn(); } catch (error) { await onAttemptFailure({ error, attemptNumber }); attempt++; if (attempt >= 5) throw error; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); }
    } catch (e) { console.warn('giving up on this round', e); }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the destructured-helper trap (from an independent review): the helper throws a summary made from the error, not the error.
    {
      code: `async function onAttemptFailure({ error, attemptNumber }) {
  const summary = \`attempt \${attemptNumber}: \${error.message}\`;
  if (summary.length > 100000) throw summary;
  await metrics.record(summary);
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try { return await fn(); } catch (error) { await onAttemptFailure({ error, attemptNumber }); }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function onAttemptFailure({ error, attemptNumber }) {
  const summary = \`attempt \${attemptNumber}: \${error.message}\`;
  if (summary.length > 100000) throw summary;
  await metrics.record(summary);
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try { return await fn(); } catch (error) { await onAttemptFailure({ error, attemptNumber }); if (attemptNumber >= 5) throw error; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attemptNumber - 1)))); }
  }
}`,
            },
          ],
        },
      ],
    },
    // The recovering-helper trap (from an independent review): a helper that only logs before it throws what it cannot retry does not wait for the retry; reported since the trap was narrowed.
    {
      code: `async function onAttemptFailure(error) {
  await logger.info(\`attempt failed\`, error);
  if (!(error instanceof NetworkError)) throw error;
}
export async function run(fn) {
  while (true) {
    try { return await fn(); } catch (error) { await onAttemptFailure(error); }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function onAttemptFailure(error) {
  await logger.info(\`attempt failed\`, error);
  if (!(error instanceof NetworkError)) throw error;
}
export async function run(fn) {
  let attempt = 0;
  while (true) {
    try { return await fn(); } catch (error) { await onAttemptFailure(error); attempt++; if (attempt >= 5) throw error; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); }
  }
}`,
            },
          ],
        },
      ],
    },
    // The recovering-helper trap (from an independent review): the helper's own `try` catches its throw, so nothing stops the loop.
    {
      code: `async function onAttemptFailure(error) {
  try {
    if (!isRetryable(error)) throw error;
  } catch (e) {
    console.warn('not retryable', e);
  }
  await reportAttempt(attemptNumber);
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try { return await fn(); } catch (error) { await onAttemptFailure(error); }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function onAttemptFailure(error) {
  try {
    if (!isRetryable(error)) throw error;
  } catch (e) {
    console.warn('not retryable', e);
  }
  await reportAttempt(attemptNumber);
}
export async function run(fn) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try { return await fn(); } catch (error) { await onAttemptFailure(error); if (attemptNumber >= 5) throw error; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attemptNumber - 1)))); }
  }
}`,
            },
          ],
        },
      ],
    },
    // The rewrite counts with the counter a limit check already increments (`if (++attempts >= maxAttempts)`, rabbitmq-client's publisher) instead of adding a second one.
    {
      code: `export async function send(publish, maxAttempts) {
  let attempts = 0;
  while (true) {
    try {
      return await publish();
    } catch (err) {
      if (++attempts >= maxAttempts) {
        throw err;
      } else {
        console.warn('retrying', err);
      }
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export async function send(publish, maxAttempts) {
  let attempts = 0;
  while (true) {
    try {
      return await publish();
    } catch (err) {
      if (++attempts >= maxAttempts) {
        throw err;
      } else {
        console.warn('retrying', err);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempts - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the recovering-helper trap (from a final review): the helper's only await is the test that chooses to throw, which runs before the throw on every way to it.
    {
      code: `async function onFailure(error) {
  if (await isFatal(error)) throw error;
}
export async function run(fn) {
  while (true) {
    try {
      return await fn();
    } catch (error) {
      await onFailure(error);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function onFailure(error) {
  if (await isFatal(error)) throw error;
}
export async function run(fn) {
  let attempt = 0;
  while (true) {
    try {
      return await fn();
    } catch (error) {
      await onFailure(error);
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the destructured-helper trap: the helper throws the `cause` it destructures, not the caught error (handed as
    // `error`). The helper's `sleep(1000)` is the retry's constant wait: it is the helper's, so no rewrite grows it, and
    // none adds a second wait.
    {
      code: `async function onAttemptFailure({ cause, attemptNumber }) {
  if (attemptNumber > 5) throw cause;
  await sleep(1000);
}
export default async function pRetry(input, lastError) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try {
      return await input(attemptNumber);
    } catch (error) {
      await onAttemptFailure({ error, cause: lastError, attemptNumber });
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          data: { wait: 'waits a constant time', noFix: ' No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is.' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [],
        },
      ],
    },
    // Twin of the event re-wait trap (from a second independent review): the catch reconnects inside an `if` before it re-runs.
    {
      code: `import { once } from 'node:events';
import WebSocket from 'ws';
export class Shard {
  async send(payload) {
    try {
      await once(this.ws, 'open');
    } catch (e) {
      if (!this.closed) {
        this.ws = new WebSocket(this.url);
        return this.send(payload);
      }
    }
    this.ws.send(payload);
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    // Twin of the event re-wait trap (from an independent review): the catch opens a new connection before it re-runs, so each failure connects again at once.
    {
      code: `import { once } from 'node:events';
import WebSocket from 'ws';
export class Feed {
  async waitOpen(url) {
    try {
      await once(this.ws, 'open');
    } catch {
      this.ws = new WebSocket(url);
      return this.waitOpen(url);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    // Twin of the wait-before-re-run change (from an independent review): `await sleep()` is given no length, so it is no wait to judge.
    {
      code: `import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
class Shard {
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      void this.destroy();
    });
  }
  async destroy() {
    this.ws.removeAllListeners();
    await sleep();
    return this.connect();
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 13,
          column: 12,
          endLine: 13,
          endColumn: 26,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'does not wait'},
          suggestions: [],
        },
      ],
    },
    // Twin of the delayed-run trap: the helper runs the reconnect from a timer of a constant 5 s, a constant wait.
    {
      code: `import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
export class SocketModeClient extends EventEmitter {
  constructor(webClient) {
    super();
    this.webClient = webClient;
    this.failures = 0;
    this.on('close', () => {
      if (!this.shuttingDown) this.delayReconnectAttempt(this.start);
    });
  }
  async start() {
    this.websocket = new WebSocket(await this.retrieveUrl());
    this.websocket.on('close', () => this.emit('close'));
  }
  async retrieveUrl() {
    const resp = await this.webClient.apps.connections.open({});
    this.failures = 0;
    return resp.url;
  }
  delayReconnectAttempt(cb) {
    this.reconnectionTimer = setTimeout(() => {
      this.reconnectionTimer = undefined;
      cb.apply(this);
    }, 5000);
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 13,
          column: 42,
          endLine: 13,
          endColumn: 60,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    // Twin of the delayed-run trap: past three failures the helper runs the reconnect at once, so its timer is not the only way.
    {
      code: `import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
export class SocketModeClient extends EventEmitter {
  constructor(webClient) {
    super();
    this.webClient = webClient;
    this.failures = 0;
    this.on('close', () => {
      if (!this.shuttingDown) this.delayReconnectAttempt(this.start);
    });
  }
  async start() {
    this.websocket = new WebSocket(await this.retrieveUrl());
    this.websocket.on('close', () => this.emit('close'));
  }
  async retrieveUrl() {
    const resp = await this.webClient.apps.connections.open({});
    this.failures = 0;
    return resp.url;
  }
  delayReconnectAttempt(cb) {
    this.failures += 1;
    const ms = 5000 * this.failures;
    if (this.failures > 3) return cb.apply(this);
    this.reconnectionTimer = setTimeout(() => cb.apply(this), ms);
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 13,
          column: 42,
          endLine: 13,
          endColumn: 60,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'does not wait'},
          suggestions: [],
        },
      ],
    },
    // Twin of the event re-wait trap: the re-run opens a new connection before it waits for 'open', so each failure connects again at once.
    {
      code: `import { once } from 'node:events';
import WebSocket from 'ws';
class Feed {
  async open(url) {
    this.ws = new WebSocket(url);
    try {
      await once(this.ws, 'open');
    } catch {
      return this.open(url);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // Twin of the event re-wait trap: `once` is given an abort signal, which, once aborted, rejects every re-wait at once.
    {
      code: `import { once } from 'node:events';
class Shard {
  async whenReady(signal) {
    try {
      await once(this, 'ready', { signal });
    } catch {
      return this.whenReady(signal);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    // Twin of the restart trap: the handler is added with `on`, so every later close of the client reconnects too.
    {
      code: `import net from 'node:net';
class Client {
  connect(cfg) {
    if (this.sock && this.sock.writable) {
      this.on('close', () => {
        this.connect(cfg);
      });
      this.end();
      return this;
    }
    this.sock = net.connect(cfg.port, cfg.host);
    this.sock.on('close', () => this.emit('close'));
    return this;
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // Twin of the restart trap: the branch closes the socket, not the client whose 'close' the handler waits for.
    {
      code: `import net from 'node:net';
class Client {
  connect(cfg) {
    if (this.sock && this.sock.writable) {
      this.once('close', () => {
        this.connect(cfg);
      });
      this.sock.end();
      return this;
    }
    this.sock = net.connect(cfg.port, cfg.host);
    this.sock.on('close', () => this.emit('close'));
    return this;
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // The wait right before the re-run in the helper the 'close' handler reaches (`await sleep(500); return this.connect();`) is a constant wait, not none.
    {
      code: `import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
class Shard {
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      void this.destroy();
    });
  }
  async destroy() {
    this.ws.removeAllListeners();
    await sleep(500);
    return this.connect();
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 13,
          column: 12,
          endLine: 13,
          endColumn: 26,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    // Twin of the synchronous-fallback trap: a synchronous HTTP client falls back to a fixed backup URL and keeps hitting it.
    {
      code: `const request = require('sync-request');
function getToken(url) {
  try {
    return JSON.parse(request('POST', url + '/oauth/token', { timeout: 2000 }).getBody('utf8')).access_token;
  } catch (e) {
    return getToken('https://auth-backup.internal.example.com');
  }
}
module.exports = { getToken };`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 64,
          suggestions: [],
        },
      ],
    },
    // Twin of the ...Wait trap: `reconnectAndWait()` reconnects and waits for that, it is no wait between attempts.
    {
      code: `async function publish(producer, msg) {
  for (;;) {
    try {
      return await producer.send(msg);
    } catch (err) {
      if (err.code !== 'ECONNRESET') throw err;
      await producer.reconnectAndWait();
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            { messageId: 'useBackoff', output: `async function publish(producer, msg) {
  let attempt = 0;
  for (;;) {
    try {
      return await producer.send(msg);
    } catch (err) {
      if (err.code !== 'ECONNRESET') throw err;
      await producer.reconnectAndWait();
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` },
          ],
        },
      ],
    },
    // Twin of the queue-drain trap: the loop also runs while its queue is empty (`|| this.mustPing`).
    {
      code: `class Sender {
  async flushOne() {
    while (this.buffer.length > 0 || this.mustPing) {
      const batch = this.buffer.shift();
      try {
        await this.client.post('/ingest', batch ?? this.heartbeat());
        return;
      } catch (err) {
        this.log(err);
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'useBackoff', output: `class Sender {
  async flushOne() {
    let attempt = 0;
    while (this.buffer.length > 0 || this.mustPing) {
      const batch = this.buffer.shift();
      try {
        await this.client.post('/ingest', batch ?? this.heartbeat());
        return;
      } catch (err) {
        this.log(err);
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}` },
          ],
        },
      ],
    },
    // Twin of the retry-policy trap: an awaited predicate (`isTransient`) classifies; it neither counts nor waits.
    {
      code: `import { isTransient } from './errors';
export class Api {
  async request(opts) {
    try {
      return await this.http.send(opts);
    } catch (err) {
      const transient = await isTransient(err);
      if (transient) return this.request(opts);
      throw err;
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    // Twin of the queue-drain trap: the failed item is put back on the queue, so the same lock is tried again: reported.
    {
      code: `class Locks {
  async processLocks() {
    while (this.locks.length > 0) {
      const lock = this.locks.shift();
      try {
        await this.mailboxOpen(lock.path);
        lock.resolve();
        break;
      } catch (err) {
        this.locks.unshift(lock);
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'useBackoff', output: `class Locks {
  async processLocks() {
    let attempt = 0;
    while (this.locks.length > 0) {
      const lock = this.locks.shift();
      try {
        await this.mailboxOpen(lock.path);
        lock.resolve();
        break;
      } catch (err) {
        this.locks.unshift(lock);
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}` },
          ],
        },
      ],
    },
    // Twin of the retry-policy trap: a synchronous classifier decides whether to retry, and nothing counts or waits: reported.
    {
      code: `export async function again(opts) {
  try {
    return await send(opts);
  } catch (e) {
    const retry = isRetryable(e);
    if (retry) return again(opts);
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    // Twin of the throttleWait trap: a wait helper named for waiting, with a constant delay: a constant wait.
    {
      code: `async function fetchAll(connection, range) {
  for (let retryCount = 0; retryCount < 3; retryCount++) {
    try {
      return await connection.exec('FETCH', range);
    } catch (err) {
      await connection.throttleWait(1000);
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            { messageId: 'useBackoff', output: `async function fetchAll(connection, range) {
  for (let retryCount = 0; retryCount < 3; retryCount++) {
    try {
      return await connection.exec('FETCH', range);
    } catch (err) {
      await connection.throttleWait(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** retryCount)));
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      log(err);
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      log(err);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt)));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  let attempt = 0;
  while (attempt < 5) {
    try {
      return await fetch(url);
    } catch (err) {
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error('gave up');
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let attempt = 0;
  while (attempt < 5) {
    try {
      return await fetch(url);
    } catch (err) {
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** (attempt - 1)))));
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
      ],
    },
    {
      // requireJitter: a retry that never gives up (the bounded twin is valid: see the jitter traps).
      code: `async function load(url) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(Math.min(10000, 100 * 2 ** attempt));
    }
  }
}`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'noJitter',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      if (attempt + 1 >= 5) throw err;
      await sleep(Math.min(10000, 100 * 2 ** attempt) * (1 + Math.random()));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function loadSync(path) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return fs.readFileSync(path);
    } catch (err) {
      sleepSync(100);
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: sync function, nothing to await between attempts.','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      await delay(RETRY_DELAY);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await delay(Math.max(RETRY_DELAY, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, RETRY_DELAY * 16)), RETRY_DELAY * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.status === 200) return res;
    await sleep(1000);
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: the retry is driven by a status check, so there is no error to rethrow when attempts run out.','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    {
      code: `const mongoose = require('mongoose');
const connectWithRetry = () => {
  return mongoose.connect(uri).catch(() => setTimeout(connectWithRetry, 5000));
};`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 78,
          data: {'noFix':' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.','name':'connectWithRetry','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    {
      code: `function connect() {
  const socket = new WebSocket(url);
  socket.addEventListener('error', () => connect());
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 51,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'error','wait':'does not wait'},
          suggestions: [],
        },
      ],
    },
    {
      code: `let attempt = 0;
function connect() {
  const socket = new WebSocket(url);
  socket.onopen = () => { attempt = 0; };
  socket.onclose = () => {
    attempt++;
    setTimeout(connect, Math.min(30000, 1000 * 2 ** attempt));
  };
}`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'noJitter',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 62,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.'},
          suggestions: [],
        },
      ],
    },
    {
      code: `import pRetry from 'p-retry';
await pRetry(run, { retries: Infinity, factor: 1 });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import pRetry from 'p-retry';
await pRetry(run, { retries: 4, factor: 2 });`,
            },
          ],
        },
      ],
    },
    {
      // requireJitter: a library that retries forever (the bounded twin is valid).
      code: `const pRetry = require('p-retry');
await pRetry(run, { forever: true });`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `const pRetry = require('p-retry');
await pRetry(run, { forever: true, randomize: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import retry from 'async-retry';
await retry(async (bail) => run(), { forever: true, minTimeout: 0 });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import retry from 'async-retry';
await retry(async (bail) => run(), { forever: false, minTimeout: 100 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as retry from 'retry';
const operation = retry.operation({ retries: 5000, factor: 1 });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import * as retry from 'retry';
const operation = retry.operation({ retries: 4, factor: 2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: Infinity });`,
      errors: [
        {
          messageId: 'libraryConstantDefault',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 4, retryDelay: axiosRetry.exponentialDelay });`,
            },
          ],
        },
      ],
    },
    {
      code: `const axiosRetry = require('axios-retry').default;
axiosRetry(client);`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `const axiosRetry = require('axios-retry').default;
axiosRetry(client, { retryDelay: axiosRetry.exponentialDelay });`,
            },
          ],
        },
      ],
    },
    {
      code: `import retryPlugin from 'axios-retry';
retryPlugin(axios, {
  retries: 3,
  retryDelay: () => 1000,
});`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantOptionBounded',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import retryPlugin from 'axios-retry';
retryPlugin(axios, {
  retries: 3,
  retryDelay: retryPlugin.exponentialDelay,
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
await got(url, { retry: { limit: 3, calculateDelay: () => 500 } });`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantOptionBounded',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import got from 'got';
await got(url, { retry: { limit: 3, calculateDelay: ({ computedValue }) => computedValue } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import ky from 'ky';
await ky.get(url, { retry: { limit: Infinity, delay: () => 1000 } });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import ky from 'ky';
await ky.get(url, { retry: { limit: 4, delay: (attemptCount) => Math.random() * Math.min(10000, 100 * 2 ** (attemptCount - 1)) } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { handleAll, retry } from 'cockatiel';
const policy = retry(handleAll, {});`,
      errors: [
        {
          messageId: 'libraryConstantDefault',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { handleAll, retry, ExponentialBackoff } from 'cockatiel';
const policy = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ConstantBackoff, handleAll, retry as retryPolicy } from 'cockatiel';
const policy = retryPolicy(handleAll, { maxAttempts: Infinity, backoff: new ConstantBackoff(50) });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 64,
          endLine: 2,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { ExponentialBackoff, handleAll, retry as retryPolicy } from 'cockatiel';
const policy = retryPolicy(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as cockatiel from 'cockatiel';
const policy = cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3 });`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import * as cockatiel from 'cockatiel';
const policy = cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3, backoff: new cockatiel.ExponentialBackoff() });`,
            },
          ],
        },
      ],
    },
    {
      code: `const { retry, handleAll } = require('cockatiel');
const policy = retry(handleAll, { maxAttempts: 3 });`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `const { retry, handleAll, ExponentialBackoff } = require('cockatiel');
const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });`,
            },
          ],
        },
      ],
    },
    // Compiled TypeScript (etcd3's connection pool): the call goes through `(0, cockatiel_1.retry)(...)`, and the
    // backoff is added through the same module object.
    {
      code: `const cockatiel_1 = require("cockatiel");
this.globalPolicy = (0, cockatiel_1.retry)((0, cockatiel_1.handleWhen)(isRecoverableError), { maxAttempts: 3 });`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 112,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `const cockatiel_1 = require("cockatiel");
this.globalPolicy = (0, cockatiel_1.retry)((0, cockatiel_1.handleWhen)(isRecoverableError), { maxAttempts: 3, backoff: new cockatiel_1.ExponentialBackoff() });`,
            },
          ],
        },
      ],
    },
    {
      code: `import async from 'async';
async.retry({ times: Infinity, interval: 200 }, task, done);`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import async from 'async';
async.retry({ times: 5, interval: (retryCount) => Math.random() * Math.min(10000, 100 * 2 ** retryCount) }, task, done);`,
            },
          ],
        },
      ],
    },
    {
      code: `const { retry } = require('async');
retry(3, task, done);`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `const { retry } = require('async');
retry({ times: 3, interval: (retryCount) => Math.random() * Math.min(10000, 100 * 2 ** retryCount) }, task, done);`,
            },
          ],
        },
      ],
    },
    {
      code: `import retry from 'async/retry';
retry(async () => run(), done);`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import retry from 'async/retry';
retry({ times: 5, interval: (retryCount) => Math.random() * Math.min(10000, 100 * 2 ** retryCount) }, async () => run(), done);`,
            },
          ],
        },
      ],
    },
    {
      code: `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 0, delay: 200 });`,
      errors: [
        {
          messageId: 'libraryConstantDefault',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 5, delay: 200, factor: 2 });`,
            },
          ],
        },
      ],
    },
    {
      // maxAttempts: 0 is @lifeomic/attempt's "forever".
      code: `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 0, factor: 2 });`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 0, factor: 2, jitter: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { backOff } from 'exponential-backoff';
await backOff(run, { numOfAttempts: Infinity, timeMultiple: 1 });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { backOff } from 'exponential-backoff';
await backOff(run, { numOfAttempts: 5, timeMultiple: 2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { backOff } from "exponential-backoff";
await backOff(run, { numOfAttempts: Infinity });`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { backOff } from "exponential-backoff";
await backOff(run, { numOfAttempts: Infinity, jitter: "full" });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { retry } from 'ts-retry-promise';
await retry(run, { retries: 'INFINITELY', backoff: 'FIXED' });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { retry } from 'ts-retry-promise';
await retry(run, { retries: 5, backoff: 'EXPONENTIAL' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { retry } from "ts-retry-promise";
await retry(run);`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import { retry } from "ts-retry-promise";
await retry(run, { backoff: "EXPONENTIAL" });`,
            },
          ],
        },
      ],
    },
    {
      code: `const connect = async () => {
  try {
    return await db.connect();
  } catch {
    return await connect();
  }
};`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `const connect = async (attempt = 0) => {
  try {
    return await db.connect();
  } catch (error) {
    if (attempt + 1 >= 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt)));
    return await connect(attempt + 1);
  }
};`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ConstantBackoff, retry, handleAll } from 'cockatiel';
const makePolicy = retry;
makePolicy(handleAll, { maxAttempts: 2, backoff: new ConstantBackoff(10) });`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantOptionBounded',
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 73,
          data: { library: 'cockatiel', option: 'backoff: new ConstantBackoff(10)', attempts: 'retries', noFix: " No quick fix: ExponentialBackoff cannot be imported beside this call's import of cockatiel." },
          suggestions: [],
        },
      ],
    },
    {
      code: `import * as attempt from '@lifeomic/attempt';
await attempt.retry(run, { factor: 1 });`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantOptionBounded',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import * as attempt from '@lifeomic/attempt';
await attempt.retry(run, { factor: 2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import Redis from 'ioredis';
const redis = new Redis({ retryStrategy: () => 2000 });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import Redis from 'ioredis';
const redis = new Redis({ retryStrategy: (times) => Math.random() * Math.min(10000, 100 * 2 ** times) });`,
            },
          ],
        },
      ],
    },
    {
      code: `const load = async (url: string, init?: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, init);
  } catch (error: unknown) {
    return load(url, init);
  }
};`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `const load = async (url: string, init?: RequestInit, attempt = 0): Promise<Response> => {
  try {
    return await fetch(url, init);
  } catch (error: unknown) {
    if (attempt + 1 >= 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt)));
    return load(url, init, attempt + 1);
  }
};`,
            },
          ],
        },
      ],
    },
    {
      code: `const retry = require('bluebird-retry');
retry(connect, { max_tries: -1, interval: 500 });`,
      errors: [
        {
          messageId: 'libraryConstantDefault',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `const retry = require('bluebird-retry');
retry(connect, { max_tries: 5, interval: 500, backoff: 2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import retry from 'bluebird-retry';
retry(connect);`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'libraryConstantDefaultBounded',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import retry from 'bluebird-retry';
retry(connect, { backoff: 2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `const connectWithRetry = (uri) =>
  mongoose.connect(uri).catch(function (err) {
    logger.warn(err);
    return connectWithRetry(uri);
  });`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `const connectWithRetry = (uri, attempt = 0) =>
  mongoose.connect(uri).catch(function (err) {
    logger.warn(err);
    return (attempt + 1 >= 5 ? Promise.reject(err) : new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt))).then(() => connectWithRetry(uri, attempt + 1)));
  });`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url).catch((err) => {
      log(err);
    });
    if (!res) continue;
    return res;
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: a .catch handler turns the failure into a value, so there is no error to rethrow when attempts run out.','wait':'does not wait'},
          suggestions: [],
        },
      ],
    },
    // Real code: continuing on a transient error class is a retry even when the loop rebuilds its input (not a control signal).
    {
      code: `async function send(msg) {
  while (true) {
    const conn = createConnection();
    try {
      return await conn.send(msg);
    } catch (err) {
      if (err instanceof ConnectionError) continue;
      throw err;
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function send(msg) {
  let attempt = 0;
  while (true) {
    const conn = createConnection();
    try {
      return await conn.send(msg);
    } catch (err) {
      if (err instanceof ConnectionError) { attempt++; if (attempt >= 5) throw err; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
      throw err;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // A review found it: the re-run function is a named function expression called by its variable's name (connect, not openSocket), through a helper.
    {
      code: `const connect = function openSocket() {
  const ws = new WebSocket('wss://example.com/feed');
  ws.on('close', () => scheduleReconnect());
};
function scheduleReconnect() {
  setTimeout(() => connect(), 1000);
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 36,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    // Real code: branches on a flag (not an attempt count) are no stepped schedule: each branch reconnects at a constant interval.
    {
      code: `function setupClient() {
  const client = net.connect(port, host);
  client.on('close', () => {
    if (node.fast) {
      setTimeout(setupClient, 20);
    } else {
      setTimeout(setupClient, reconnectTime);
    }
  });
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 34,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'waits a constant time'},
          suggestions: [],
        },
        {
          messageId: 'constantReconnect',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 45,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    // Real code: an outer retry around an inner retry does not wait between its own attempts (the inner loop's wait is the inner loop's).
    {
      code: `async function main(url) {
  while (true) {
    try {
      let attempt = 0;
      while (true) {
        try {
          return await fetch(url);
        } catch (err) {
          attempt++;
          if (attempt >= 5) throw err;
          await sleep(100 * 2 ** attempt);
        }
      }
    } catch (e) {
      log(e);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          data: {'noFix':'','name':'','event':'','wait':'does not wait'},
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function main(url) {
  let retryAttempt = 0;
  while (true) {
    try {
      let attempt = 0;
      while (true) {
        try {
          return await fetch(url);
        } catch (err) {
          attempt++;
          if (attempt >= 5) throw err;
          await sleep(100 * 2 ** attempt);
        }
      }
    } catch (e) {
      log(e);
      retryAttempt++;
      if (retryAttempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (retryAttempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Real code: compiled TypeScript (a generator run by \`__awaiter\`) waiting a constant \`(0, util_1.delay)(250)\`.
    {
      code: `function publish(subj, data) {
  return __awaiter(this, void 0, void 0, function* () {
    while (true) {
      try {
        return yield this.nc.request(subj, data);
      } catch (err) {
        yield (0, util_1.delay)(250);
      }
    }
  });
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          data: {'noFix':' No quick fix: compiled code (a generator run by __awaiter), where the rewrite cannot await; fix the source it was compiled from.','name':'','event':'','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
  ],
});

// The rewrite principle (docs/codemods.md, "What a rewrite keeps").
jsRuleTester.run('require-retry-backoff: rewrites keep what the code says', rule, {
  valid: [
    // A wait read from the failure (Retry-After) is what the server asked for: not reported, and never rewritten.
    `async function send(req) {
  for (let i = 0; i < 5; i++) {
    try {
      return await client.send(req);
    } catch (err) {
      await sleep(err.retryAfterMs);
    }
  }
}`,
  ],
  invalid: [
    {
      // A bounded loop gets only the backoff: its own counter is the exponent, and \`catch {\` gets no unused binding.
      code: `async function load(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(500);
    }
  }
  throw new Error('gave up');
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [{ messageId: 'useBackoff', data: { description: 'Count failures with the existing `i`; the existing limit stays; make the existing wait grow exponentially with jitter from 500 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function load(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** i)));
    }
  }
  throw new Error('gave up');
}` }],
        },
      ],
    },
  ],
});

describe('require-retry-backoff options', () => {
  const lint = (options: Record<string, unknown>) =>
    new Linter({ configType: 'flat' }).verify('while (true) {}', [
      { plugins: { resilience: { rules: { 'require-retry-backoff': ruleModule as never } } }, rules: { 'resilience/require-retry-backoff': ['error', options] } },
    ]);
  it('rejects delays above the timer limit and attempt limits that count as none', () => {
    expect(() => lint({ maxDelayMs: 2 ** 31 })).toThrow('Value 2147483648 should be <= 2147483647');
    expect(() => lint({ baseDelayMs: 2 ** 31 })).toThrow('Value 2147483648 should be <= 2147483647');
    expect(() => lint({ maxAttempts: 1000 })).toThrow('Value 1000 should be <= 999');
    expect(() => lint({ maxAttempts: 999, maxDelayMs: 2 ** 31 - 1 })).not.toThrow();
  });
});

// Issue 12, causes of false positives seen on real code (recursion, reconnects, the library table, messages).
ruleTester.run('require-retry-backoff: real-code look-alikes and misses', rule, {
  valid: [
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.lookAlikes,
    // Trap (reconnecting-websocket): the connect method waits (a helper's growing delay) before it opens the socket.
    `class ReconnectingWebSocket {
  _connect() {
    if (this._connectLock) return;
    this._connectLock = true;
    this._retryCount++;
    this._wait().then(() => {
      this._ws = new WebSocket(this._url);
      this._connectLock = false;
      this._addListeners();
    });
  }
  _wait() {
    return new Promise((resolve) => setTimeout(resolve, this._getNextDelay()));
  }
  _addListeners() {
    this._ws.addEventListener('close', this._handleClose);
  }
  _handleClose = () => {
    this._connect();
  };
}`,
    // The chain's wait doubles up to a cap.
    `class Client extends EventEmitter {
  constructor(options) {
    super();
    this.delay = 1000;
    this.on('close', () => this._setupReconnect());
    this.connect();
  }
  connect() {
    this.stream = net.connect(this.options.port, this.options.host);
    this.stream.on('close', () => this.emit('close'));
  }
  _reconnect() {
    this.connect();
  }
  _setupReconnect() {
    this.delay = Math.min(this.delay * 2, 30000);
    setTimeout(() => this._reconnect(), this.delay);
  }
}`,
    // Trap (pino): a local `const stringify` shadows the enclosing `function stringify`.
    `function stringify(obj, stringifySafeFn) {
  try {
    return JSON.stringify(obj);
  } catch (_) {
    const stringify = stringifySafeFn || this[stringifySafeSym];
    return stringify(obj);
  }
}`,
    // Trap (mongoose): draining a queue, not retrying.
    `function create() {
  const index = indexes.shift();
  if (!index) return done();
  try {
    model.collection.createIndex(index);
  } catch (err) {
    create();
  }
}`,
    // Trap (mqtt): 'end' of a readable stream, not a connection.
    `function startStreamProcess() {
  const outStore = store.createStream();
  outStore.on('end', () => startStreamProcess());
}`,
    // Trap (mongodb OIDC): one re-attempt after the cached token is removed.
    `class Workflow {
  async execute(connection) {
    if (this.cache.hasRefreshToken) {
      const token = await this.refresh(this.cache.getRefreshToken());
      try {
        return await this.finish(connection, token);
      } catch (error) {
        if (error.code === 18) {
          this.cache.removeRefreshToken();
          return await this.execute(connection);
        }
        throw error;
      }
    }
    return this.startConversation(connection);
  }
}`,
    // Trap (@node-red/runtime): one fallback with a different, checked argument.
    `function getEntry(type, path) {
  return readEntry(path).catch(function (err) {
    if (!/\\.json$/.test(path)) {
      return getEntry(type, path + '.json');
    }
    throw err;
  });
}`,
    // Trap (@node-red/editor-client): a setInterval that counts down and reconnects once at 0 ticks every second, but that tick is not the wait.
    `function connect() {
  const ws = new WebSocket(url);
  ws.onclose = () => {
    let countdown = 60;
    const timer = setInterval(() => {
      countdown--;
      if (countdown === 0) {
        clearInterval(timer);
        connect();
      }
    }, 1000);
  };
}`,
    // The legacy driver's reconnects switched off.
    `import { MongoClient } from 'mongodb';
await MongoClient.connect(url, { autoReconnect: false, reconnectInterval: 1000 });`,
  ],
  invalid: [
    // The same reconnect whose connect method opens the socket at once.
    {
      code: `class ReconnectingWebSocket {
  _connect() {
    if (this._connectLock) return;
    this._connectLock = true;
    this._retryCount++;
    this._ws = new WebSocket(this._url);
    this._connectLock = false;
    this._addListeners();
  }
  _wait() {
    return new Promise((resolve) => setTimeout(resolve, this._getNextDelay()));
  }
  _addListeners() {
    this._ws.addEventListener('close', this._handleClose);
  }
  _handleClose = () => {
    this._connect();
  };
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 17,
          column: 5,
          endLine: 17,
          endColumn: 20,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close', wait: 'does not wait' },
          suggestions: [],
        },
      ],
    },
    // Miss closed (mqtt 5): the client's own 'close' handler, registered in the constructor, reconnects through two helper methods and setInterval.
    {
      code: `class Client extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.on('close', () => {
      this.connected = false;
      this._setupReconnect();
    });
    this.connect();
  }
  connect() {
    this._clearReconnect();
    this.stream = this.streamBuilder(this);
    this.stream.on('close', () => this.emit('close'));
  }
  _reconnect() {
    this.emit('reconnect');
    this.connect();
  }
  _setupReconnect() {
    if (!this.disconnecting && !this.reconnectTimer && this.options.reconnectPeriod > 0) {
      this.reconnectTimer = setInterval(() => {
        this._reconnect();
      }, this.options.reconnectPeriod);
    }
  }
  _clearReconnect() {
    clearInterval(this.reconnectTimer);
    this.reconnectTimer = null;
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 22,
          column: 29,
          endLine: 24,
          endColumn: 39,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close', wait: 'waits a constant time' },
          suggestions: [],
        },
      ],
    },
    // A limit does not make a constant wait a backoff: the bounded chain is still reported.
    {
      code: `class Client extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.attempts = 0;
    this.on('close', () => this._setupReconnect());
    this.connect();
  }
  connect() {
    this.stream = net.connect(this.options.port, this.options.host);
    this.stream.on('connect', () => { this.attempts = 0; });
    this.stream.on('close', () => this.emit('close'));
  }
  _reconnect() {
    this.connect();
  }
  _setupReconnect() {
    if (this.attempts >= this.options.maxReconnectAttempts) return;
    this.attempts++;
    setTimeout(() => this._reconnect(), 1000);
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantReconnectBounded',
          line: 20,
          column: 5,
          endLine: 20,
          endColumn: 46,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close', wait: 'waits a constant time' },
          suggestions: [],
        },
      ],
    },
    // (@node-red/nodes) The quick reconnect uses up its flag; the 10 s one repeats for ever at a constant interval.
    {
      code: `function setupClient() {
  const client = net.connect(port, host);
  client.on('end', () => { if (buffer.length) end = true; });
  client.on('close', () => {
    if (end) {
      end = false;
      setTimeout(setupClient, 20);
    } else {
      setTimeout(setupClient, 10000);
    }
  });
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 37,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close', wait: 'waits a constant time' },
          suggestions: [],
        },
      ],
    },
    // The legacy MongoDB driver reconnects every reconnectInterval ms.
    {
      code: `import { MongoClient } from 'mongodb';
await MongoClient.connect(url, { reconnectTries: 30, reconnectInterval: 1000 });`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 2,
          column: 54,
          endLine: 2,
          endColumn: 77,
          data: {
            library: 'mongodb',
            option: 'reconnectInterval: 1000',
            attempts: 'reconnects',
            noFix: ' No quick fix: the legacy MongoDB driver has no growing reconnect wait; the unified topology (the only one from driver 4.0) replaces reconnectTries and reconnectInterval.',
          },
          suggestions: [],
        },
      ],
    },
    // A constant retryStrategy is named by what it returns, and its attempts are reconnects.
    {
      code: `import Redis from 'ioredis';
const redis = new Redis({
  retryStrategy() {
    return 2000;
  },
});`,
      errors: [
        {
          messageId: 'libraryConstantOption',
          line: 3,
          column: 3,
          endLine: 5,
          endColumn: 4,
          data: { library: 'ioredis', option: 'retryStrategy (always 2000)', attempts: 'reconnects', noFix: '' },
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              output: `import Redis from 'ioredis';
const redis = new Redis({
  retryStrategy: (times) => Math.random() * Math.min(10000, 100 * 2 ** times),
});`,
            },
          ],
        },
      ],
    },
  ],
});

// Precision on the real-code ledger (issue 12): error sorting, stored waits, exhaustion, local targets; each silence with a twin that is still reported.
ruleTester.run('require-retry-backoff: sorted errors, stored waits, exhaustion, local targets', rule, {
  valid: [
    {
      // Trap (real code): a wait stored before it is awaited (`retry.wait = delay(ms); await retry.wait`) is the wait; this one grows.
      code: `async function start(attempts) {
  const retry = { wait: null };
  for (let attempt = 1; ; attempt++) {
    try {
      return await doStart();
    } catch (err) {
      if (attempt >= attempts) throw err;
      retry.wait = delay(Math.min(2 ** attempt, 30) * 1000);
      await retry.wait;
      retry.wait = null;
    }
  }
}`,
    },
    {
      // Trap (real code): a bounded retry that continues only for one named error (a serialization failure) and rethrows the rest is a deliberate retry policy.
      code: `async function upsert(opts) {
  let result;
  for (let attempts = 1; ; attempts++) {
    try {
      result = await attempt();
      break;
    } catch (err) {
      if (opts.db || err?.code !== SERIALIZATION_FAILURE || attempts === 3) throw err;
    }
  }
  return result;
}`,
    },
    {
      // Trap (real code): a retry that continues only for connection errors (a classifying predicate) and waits between attempts.
      code: `async function retryIfFailed(fn, opts) {
  let retry = 0;
  const maxRetries = opts.maxRetries ?? Infinity;
  do {
    try {
      return await fn();
    } catch (err) {
      if (isNotConnectionError(err)) {
        this.emit('error', err);
        throw err;
      } else {
        await this.delay(opts.delayInMs);
      }
    }
  } while (++retry < maxRetries);
}`,
    },
    {
      // Trap (real code): the error copied to a local (`const ne = err`) and checked for one code, with a deadline-free bound.
      code: `async function publish(subj, retries) {
  let r;
  for (let i = 0; i < retries; i++) {
    try {
      r = await nc.request(subj);
      break;
    } catch (err) {
      const ne = err;
      if (ne.code === '503' && i + 1 < retries) {
        await delay(250);
      } else {
        throw err;
      }
    }
  }
  return r;
}`,
    },
    {
      // Trap (real code): a labelled commit retry that continues only for an error label, bounded by a deadline read through a clock helper.
      code: `async function commit(deadline) {
  let committed = false;
  retryCommit: while (!committed) {
    try {
      await this.commitTransaction();
      committed = true;
    } catch (commitError) {
      if (commitError.hasErrorLabel('UnknownTransactionCommitResult') && !isMaxTimeMSExpiredError(commitError)) {
        if (processTimeMS() >= deadline) throw makeTimeoutError(commitError);
        continue retryCommit;
      }
      throw commitError;
    }
  }
}`,
    },
    {
      // Trap: a bounded recursive retry taken only for one error code.
      code: `async function get(url, n = 0) {
  try {
    return await fetch(url);
  } catch (e) {
    if (e.code === 'ECONNRESET' && n < 3) return get(url, n + 1);
    throw e;
  }
}`,
    },
    {
      // Trap (real code): a reconnect to the developer's own local server (a host that falls back to 'localhost' under an option named as local).
      code: `const net = require('net');
function open(opt) {
  const localHost = opt.local_host || 'localhost';
  const connLocal = () => {
    const local = net.connect({ host: localHost, port: opt.local_port });
    local.once('error', (err) => {
      local.end();
      if (err.code !== 'ECONNREFUSED') return;
      setTimeout(connLocal, 1000);
    });
  };
  connLocal();
}`,
    },
  ],
  invalid: [
    {
      // Twin: an error-first callback that reconnects on one connection error is never sorted: the reconnect storm.
      code: `function connect() {
  client.connect((err) => {
    if (err && err.code === 'ECONNREFUSED') setTimeout(connect, 1000);
  });
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 70,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a stored wait that is constant is still reported.
      code: `async function start(attempts) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await doStart();
    } catch (err) {
      if (attempt >= attempts) throw err;
      const pause = delay(1000);
      await pause;
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function start(attempts) {
  let failedAttempts = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await doStart();
    } catch (err) {
      if (attempt >= attempts) throw err;
      failedAttempts++;
      const pause = delay(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (failedAttempts - 1))));
      await pause;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: the same bounded retry continuing on every error is still reported.
      code: `async function upsert(opts) {
  let result;
  for (let attempts = 1; ; attempts++) {
    try {
      result = await attempt();
      break;
    } catch (err) {
      if (attempts === 3) throw err;
    }
  }
  return result;
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function upsert(opts) {
  let result;
  let failedAttempts = 0;
  for (let attempts = 1; ; attempts++) {
    try {
      result = await attempt();
      break;
    } catch (err) {
      if (attempts === 3) throw err;
      failedAttempts++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (failedAttempts - 1))));
    }
  }
  return result;
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: rethrowing one error class and retrying the rest is not sorting.
      code: `async function start(attempts) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await doStart();
    } catch (err) {
      if (attempt >= attempts || err instanceof AssertionError) throw err;
    }
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function start(attempts) {
  let failedAttempts = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await doStart();
    } catch (err) {
      if (attempt >= attempts || err instanceof AssertionError) throw err;
      failedAttempts++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (failedAttempts - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: a sorted retry that never gives up and never waits is the incident: still reported.
      code: `async function get(url) {
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      if (err.status >= 500) continue;
      throw err;
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function get(url) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      if (err.status >= 500) { attempt++; if (attempt >= 5) throw err; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
      throw err;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: the same recursion on any error is still reported.
      code: `async function get(url, n = 0) {
  try {
    return await fetch(url);
  } catch (e) {
    if (n < 3) return get(url, n + 1);
    throw e;
  }
}`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantRecursionBounded',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      // Real code (flagsmith-nodejs's retryFetch, twenty-third ledger batch): the re-call sits in a branch of the catch,
      // so the rewrite has no one place for the count and the wait; the "No quick fix" reason says that, not the
      // reasons a function cannot take a parameter.
      code: `const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const retryFetch = (url, options, retries = 3, retryDelayMs = 1000) => {
  const retryWrapper = async (n) => {
    try {
      return await fetch(url, { ...options, signal: AbortSignal.timeout(10000) });
    } catch (e) {
      if (n > 0) {
        await delay(retryDelayMs);
        return await retryWrapper(n - 1);
      }
      throw e;
    }
  };
  return retryWrapper(retries);
};`,
      options: [{ reportBounded: true }],
      errors: [
        {
          messageId: 'constantRecursionBounded',
          data: {
            name: 'retryWrapper',
            wait: 'waits a constant time',
            noFix:
              ' No quick fix: the retrying call is not a `return` of its own in the catch block (it sits in a branch or inside another statement), so there is no one place for the attempt count and the wait.',
          },
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a client's generic `host || 'localhost'` default is a placeholder for a real server: still reported.
      code: `const net = require('net');
function open(opt) {
  const host = opt.host || 'localhost';
  const connect = () => {
    const socket = net.connect({ host, port: opt.port });
    socket.once('error', () => {
      setTimeout(connect, 1000);
    });
  };
  connect();
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
  ],
});

jsRuleTester.run('require-retry-backoff: this aliases, global timers, response callbacks (not followed)', rule, {
  valid: [
    // A response callback's failure branch is not followed (see the trap below), whatever its wait.
    `const Client = {
  handshake: function (callback) {
    var self = this;
    this._send({ channel: '/meta/handshake' }, function (response) {
      if (response.successful) {
        this._state = 'connected';
      } else {
        self._delay = Math.min(60000, self._delay * 2);
        global.setTimeout(function () { self.handshake(callback); }, self._delay);
      }
    }, this);
  },
};`,
    // Trap: a failure branch that re-runs at once, with no timer, may be a state machine's next step: silent.
    `const Client = {
  handshake: function (callback) {
    var self = this;
    this._send({ channel: '/meta/handshake' }, function (response) {
      if (response.successful) {
        this._state = 'connected';
      } else {
        self.handshake(callback);
      }
    }, this);
  },
};`,
    // Trap: an alias that is reassigned (\`self = other\`) may not hold \`this\` when the timer fires: not the same method.
    `class Client {
  connect() {
    let self = this;
    this.ws = new WebSocket(this.url);
    this.ws.onclose = function () { setTimeout(function () { self.connect(); }, 5000); };
    self = other;
  }
}`,
    // Trap: a response callback's failure branch (a success flag, not an error) is not followed as a retry: on the one real example (faye 1.4's handshake) it runs only on a server's rejection, whose pacing the server's advice sets elsewhere.
    `const Client = {
  handshake: function (callback) {
    var self = this;
    this._send({ channel: '/meta/handshake' }, function (response) {
      if (response.successful) {
        this._state = 'connected';
      } else {
        global.setTimeout(function () { self.handshake(callback); }, this.retry * 1000);
      }
    }, this);
  },
};`,
    // Trap, bounded too: a response callback's failure branch (a success flag, not an error) is not followed as a retry: on the one real example (faye 1.4's handshake) it runs only on a server's rejection, whose pacing the server's advice sets elsewhere.
    `const Client = {
  handshake: function (callback) {
    var self = this;
    this._send({ channel: '/meta/handshake' }, function (response) {
      if (response.successful) {
        this._state = 'connected';
      } else {
        if (self._attempts++ < 5) global.setTimeout(function () { self.handshake(callback); }, this.retry * 1000);
      }
    }, this);
  },
};`,
  ],
  invalid: [
    // Miss closed: \`const that = this\` and \`globalThis.setInterval\` in a reconnect handler.
    {
      code: `class Client {
  connect() {
    const that = this;
    this.ws = new WebSocket(this.url);
    this.ws.onclose = function () {
      globalThis.setInterval(function () { that.connect(); }, 5000);
    };
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 68,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close', wait: 'waits a constant time' },
          suggestions: [],
        },
      ],
    },
  ],
});

// Issue #12, second ledger batch (tedious): a streaming reader that waits for more input is not a retry, and an error
// object named for a connection (`new ConnectionError(...)`) opens no connection.
ruleTester.run('require-retry-backoff: streaming readers and error objects', rule, {
  valid: [
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.streamingReaders,
  ],
  invalid: [
    // A pass that awaits before the statement holding the \`try\` (here an \`if\`) is an attempt that awaits, not a
    // synchronous read of buffered data: the streaming-reader trap does not apply.
    {
      code: `async function readFrame(reader) {
  while (true) {
    const buf = await reader.read();
    if (buf) {
      try {
        return decodeFrame(reader.buffer);
      } catch (err) {
        if (err.code !== 'INCOMPLETE_FRAME') throw err;
        await reader.waitForChunk();
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'useBackoff', output: `async function readFrame(reader) {
  let attempt = 0;
  while (true) {
    const buf = await reader.read();
    if (buf) {
      try {
        return decodeFrame(reader.buffer);
      } catch (err) {
        if (err.code !== 'INCOMPLETE_FRAME') throw err;
        await reader.waitForChunk();
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}` }],
        },
      ],
    },
    // Waiting for input on ANY error is not the streaming-reader trap: without error sorting the wait may be a poll of
    // something that keeps failing (\`await job.waitForUpdate()\`), so the loop stays a retry.
    {
      code: `async function readFrame(reader) {
  while (true) {
    const buf = reader.buffer;
    try {
      return decodeFrame(buf, reader.offset);
    } catch (err) {
      await reader.waitForChunk();
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'useBackoff', output: `async function readFrame(reader) {
  let attempt = 0;
  while (true) {
    const buf = reader.buffer;
    try {
      return decodeFrame(buf, reader.offset);
    } catch (err) {
      await reader.waitForChunk();
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` }],
        },
      ],
    },
    // A synchronous attempt retried after a constant sleep is a retry (not a wait for input).
    {
      code: `async function readFrame(reader) {
  while (true) {
    const buf = reader.buffer;
    try {
      return decodeFrame(buf, reader.offset);
    } catch (err) {
      await sleep(100);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'useBackoff', output: `async function readFrame(reader) {
  let attempt = 0;
  while (true) {
    const buf = reader.buffer;
    try {
      return decodeFrame(buf, reader.offset);
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(100, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` }],
        },
      ],
    },
    // An attempt that awaits is retried even when the failure path waits for input.
    {
      code: `async function readHeader(parser) {
  while (true) {
    let result;
    try {
      result = await decodeHeader(parser.buffer, parser.position);
    } catch (err) {
      if (err instanceof IncompleteFrameError) {
        await parser.waitForData();
        continue;
      }
      throw err;
    }
    parser.position = result.offset;
    return result.value;
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'useBackoff', output: `async function readHeader(parser) {
  let attempt = 0;
  while (true) {
    let result;
    try {
      result = await decodeHeader(parser.buffer, parser.position);
    } catch (err) {
      if (err instanceof IncompleteFrameError) {
        await parser.waitForData();
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
        continue;
      }
      throw err;
    }
    parser.position = result.offset;
    return result.value;
  }
}` }],
        },
      ],
    },
    // A failure path that awaits a method not named for waiting on input (a token refresh) is a retry.
    {
      code: `async function readClaims(session) {
  while (true) {
    try {
      return verifyToken(session.token);
    } catch (err) {
      if (err instanceof ExpiredTokenError) {
        await session.refresh();
        continue;
      }
      throw err;
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'useBackoff', output: `async function readClaims(session) {
  let attempt = 0;
  while (true) {
    try {
      return verifyToken(session.token);
    } catch (err) {
      if (err instanceof ExpiredTokenError) {
        await session.refresh();
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
        continue;
      }
      throw err;
    }
  }
}` }],
        },
      ],
    },
    // An 'end' handler that re-runs a function building a connection (\`new Connection(...)\`) is a reconnect.
    {
      code: `class PacketStream extends Transform {
  processBuffered(callback) {
    while (this.buffer.length >= HEADER_LENGTH) {
      const length = this.buffer.readUInt16BE(2);
      if (length < HEADER_LENGTH) {
        return callback(new ConnectionError('Malformed packet'));
      }
      const connection = new Connection(this.buffer.slice(0, length));
      this.buffer = this.buffer.slice(length);
      this.push(connection);
      connection.once('end', () => {
        this.processBuffered(callback);
      });
      return;
    }
    callback();
  }
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
  ],
});

// Precision on the real-code ledger (issue 12): candidates taken in turn from an iterator (a query plan, contact points) until it is done,
// and a retry whose policy ends it by answering null; each silence with a twin that is still reported.
ruleTester.run('require-retry-backoff: hosts tried in turn from a query plan, a retry policy that says stop', rule, {
  valid: [
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.queryPlans,
    {
      // Trap: hosts tried in turn from a generator of the file that ends (its loop returns once every host was tried): the `done` exit comes.
      code: `function* inTurn(hosts) {
  let i = 0;
  while (true) {
    if (i >= hosts.length) return;
    yield hosts[i++];
  }
}

async function send(hosts, request) {
  const plan = inTurn(hosts);
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
    }
  }
}`,
      options: [{ requireJitter: true }],
    },
    {
      // Trap: an array iterator (`hosts.values()`) ends with the list.
      code: `async function send(hosts, request) {
  const plan = hosts.values();
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
    }
  }
}`,
      options: [{ requireJitter: true }],
    },
    {
      // Trap: the same re-run on a kept plan that is an array iterator (`hosts[Symbol.iterator]()`): hosts tried in turn until none is left.
      code: `class Client {
  constructor(hosts) {
    this._plan = hosts[Symbol.iterator]();
  }

  take() {
    const item = this._plan.next();
    if (item.done) throw new Error('no host left');
    return item.value;
  }

  async run(query) {
    const host = this.take();
    try {
      return await host.execute(query);
    } catch (err) {
      return this.run(query);
    }
  }
}`,
      options: [{ requireJitter: true }],
    },
    {
      // Trap (strict): a policy of the class that answers null once its schedule is used up (`delays[n] ?? null`), with `!= null`: the policy ends it.
      code: `class HubConnection {
  constructor(private connection: Connection) {
    this.connection.onclose = (error?: Error) => this.connectionClosed(error);
  }

  private getNextRetryDelay(attempts: number): number | null {
    return this.delays[attempts] ?? null;
  }

  private connectionClosed(error?: Error) {
    if (this.state === 'connected') {
      this.reconnect(error);
    }
  }

  private async reconnect(error?: Error) {
    let attempts = 0;
    let nextDelay = this.getNextRetryDelay(attempts);
    this.state = 'reconnecting';
    while (nextDelay != null) {
      await new Promise((resolve) => setTimeout(resolve, nextDelay!));
      try {
        await this.connection.start();
        this.state = 'connected';
        return;
      } catch (e) {
        attempts++;
        nextDelay = this.getNextRetryDelay(attempts);
      }
    }
    this.completeClose();
  }
}`,
      options: [{ requireJitter: true }],
    },
    {
      // Trap (strict): a policy of the class that answers nothing after five attempts (bare `return`), checked with `!== undefined`: the policy ends it.
      code: `class HubConnection {
  constructor(private connection: Connection) {
    this.connection.onclose = (error?: Error) => this.connectionClosed(error);
  }

  private getNextRetryDelay(attempts: number): number | undefined {
    if (attempts >= 5) return;
    return 1000 * 2 ** attempts;
  }

  private connectionClosed(error?: Error) {
    if (this.state === 'connected') {
      this.reconnect(error);
    }
  }

  private async reconnect(error?: Error) {
    let attempts = 0;
    let nextDelay = this.getNextRetryDelay(attempts);
    this.state = 'reconnecting';
    while (nextDelay !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, nextDelay!));
      try {
        await this.connection.start();
        this.state = 'connected';
        return;
      } catch (e) {
        attempts++;
        nextDelay = this.getNextRetryDelay(attempts);
      }
    }
    this.completeClose();
  }
}`,
      options: [{ requireJitter: true }],
    },
  ],
  invalid: [
    {
      // Twin: the same loop without the `item.done` check: once the plan is done it keeps failing on an undefined host, reported.
      code: `function nextConnection(plan, tried) {
  const iterator = plan.hosts();
  while (true) {
    const item = iterator.next();
    const host = item.value;
    try {
      return host.borrowConnection();
    } catch (err) {
      tried[host.address] = err;
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a helper that picks a random host from the same list never runs out: reported.
      code: `class Preparer {
  static pickHost(hosts) {
    const up = hosts.filter((host) => host.isUp());
    return up.length === 0 ? null : up[Math.floor(Math.random() * up.length)];
  }

  async prepare(hosts, query) {
    const tried = {};
    while (true) {
      const host = Preparer.pickHost(hosts);
      if (host === null) {
        throw new NoHostAvailableError(tried);
      }
      try {
        return await host.prepare(query);
      } catch (err) {
        tried[host.address] = err;
        if (!err.isSocketError) throw err;
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `class Preparer {
  static pickHost(hosts) {
    const up = hosts.filter((host) => host.isUp());
    return up.length === 0 ? null : up[Math.floor(Math.random() * up.length)];
  }

  async prepare(hosts, query) {
    const tried = {};
    let attempt = 0;
    while (true) {
      const host = Preparer.pickHost(hosts);
      if (host === null) {
        throw new NoHostAvailableError(tried);
      }
      try {
        return await host.prepare(query);
      } catch (err) {
        tried[host.address] = err;
        if (!err.isSocketError) throw err;
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: the iterator is made afresh on every pass, so the candidates never run out: reported.
      code: `class ControlConnection {
  async borrowFirstConnection(contactPoints) {
    let connection = null;
    while (!connection) {
      const item = contactPoints.next();
      if (item.done) {
        throw new NoHostAvailableError(this.tried);
      }
      try {
        connection = await this.createConnection(item.value);
      } catch (err) {
        this.tried[item.value] = err;
      }
    }
    this.connection = connection;
  }

  async initialize() {
    while (true) {
      const contactPoints = shuffle(this.contactPoints)[Symbol.iterator]();
      await this.borrowFirstConnection(contactPoints);
      try {
        await this.refreshHosts();
        break;
      } catch (err) {
        this.tried[this.connection.endpoint] = err;
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 19,
          column: 5,
          endLine: 19,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `class ControlConnection {
  async borrowFirstConnection(contactPoints) {
    let connection = null;
    while (!connection) {
      const item = contactPoints.next();
      if (item.done) {
        throw new NoHostAvailableError(this.tried);
      }
      try {
        connection = await this.createConnection(item.value);
      } catch (err) {
        this.tried[item.value] = err;
      }
    }
    this.connection = connection;
  }

  async initialize() {
    let attempt = 0;
    while (true) {
      const contactPoints = shuffle(this.contactPoints)[Symbol.iterator]();
      await this.borrowFirstConnection(contactPoints);
      try {
        await this.refreshHosts();
        break;
      } catch (err) {
        this.tried[this.connection.endpoint] = err;
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: the host is taken inside the try whose catch re-runs, so the end of the plan leads to the re-run: reported.
      code: `class RequestHandler {
  nextConnection() {
    const iterator = this.hostIterator;
    while (true) {
      const item = iterator.next();
      if (item.done) {
        throw new NoHostAvailableError(this.tried);
      }
      try {
        return { host: item.value, connection: item.value.borrowConnection() };
      } catch (err) {
        this.tried[item.value.address] = err;
      }
    }
  }

  async startExecution() {
    let host;
    let connection;
    try {
      ({ host, connection } = this.nextConnection());
      await connection.changeKeyspace(this.keyspace);
    } catch (err) {
      this.tried[host.address] = err;
      return this.startExecution();
    }
    connection.send(this.request);
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 25,
          column: 14,
          endLine: 25,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: the failure path calls a method of the class that makes the plan afresh (`this.resetPlan()`) before the re-run: reported.
      code: `class RequestHandler {
  nextConnection() {
    const iterator = this.hostIterator;
    while (true) {
      const item = iterator.next();
      if (item.done) {
        throw new NoHostAvailableError(this.tried);
      }
      try {
        return { host: item.value, connection: item.value.borrowConnection() };
      } catch (err) {
        this.tried[item.value.address] = err;
      }
    }
  }

  resetPlan() {
    this.hostIterator = this.hosts[Symbol.iterator]();
  }

  async startExecution() {
    let host;
    let connection;
    try {
      ({ host, connection } = this.nextConnection());
    } catch (err) {
      return this.fail(err);
    }
    try {
      await connection.changeKeyspace(this.keyspace);
    } catch (err) {
      this.tried[host.address] = err;
      this.resetPlan();
      return this.startExecution();
    }
    connection.send(this.request);
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 34,
          column: 14,
          endLine: 34,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: the re-run starts a new query plan (`this.refresh()`): reported.
      code: `class ControlConnection {
  borrowConnection(hostIterator) {
    while (true) {
      const item = hostIterator.next();
      if (item.done) {
        throw new NoHostAvailableError(this.tried);
      }
      if (item.value.isUp()) return item.value.borrowConnection();
    }
  }

  async refresh(hostIterator) {
    try {
      if (!hostIterator) hostIterator = await this.newQueryPlan();
      this.connection = this.borrowConnection(hostIterator);
    } catch (err) {
      this.emit('error', err);
      return;
    }
    try {
      await this.refreshHosts();
    } catch (err) {
      this.tried[this.connection.endpoint] = err;
      return this.refresh();
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 24,
          column: 14,
          endLine: 24,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a round-robin generator (`while (true) yield ...`, no return or break) never runs out, so the `done` exit never comes: reported.
      code: `function* roundRobin(hosts) {
  let i = 0;
  while (true) yield hosts[i++ % hosts.length];
}

async function send(hosts, request) {
  const plan = roundRobin(hosts);
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `function* roundRobin(hosts) {
  let i = 0;
  while (true) yield hosts[i++ % hosts.length];
}

async function send(hosts, request) {
  const plan = roundRobin(hosts);
  let attempt = 0;
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: a round-robin generator (`while (true) yield ...`, no return or break) never runs out, so the `done` exit never comes: reported, by strict too.
      code: `function* roundRobin(hosts) {
  let i = 0;
  while (true) yield hosts[i++ % hosts.length];
}

async function send(hosts, request) {
  const plan = roundRobin(hosts);
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
    }
  }
}`,
      options: [{ requireJitter: true }],
      errors: [
        {
          messageId: 'constantLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `function* roundRobin(hosts) {
  let i = 0;
  while (true) yield hosts[i++ % hosts.length];
}

async function send(hosts, request) {
  const plan = roundRobin(hosts);
  let attempt = 0;
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: an iterator object whose `next` never answers `done: true` (the same host forever): reported.
      code: `async function send(host, request) {
  const plan = { next: () => ({ value: host, done: false }) };
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function send(host, request) {
  const plan = { next: () => ({ value: host, done: false }) };
  let attempt = 0;
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: an iterator object whose `next` never answers `done: true` (the same host forever): reported, by strict too.
      code: `async function send(host, request) {
  const plan = { next: () => ({ value: host, done: false }) };
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
    }
  }
}`,
      options: [{ requireJitter: true }],
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function send(host, request) {
  const plan = { next: () => ({ value: host, done: false }) };
  let attempt = 0;
  while (true) {
    const item = plan.next();
    if (item.done) throw new Error('no host left');
    try {
      return await item.value.send(request);
    } catch (err) {
      log(err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: a re-run through `take()` on a kept plan that is an endless generator of the file: reported.
      code: `function* roundRobin(hosts) {
  let i = 0;
  while (true) yield hosts[i++ % hosts.length];
}

class Client {
  constructor(hosts) {
    this._plan = roundRobin(hosts);
  }

  take() {
    const item = this._plan.next();
    if (item.done) throw new Error('no host left');
    return item.value;
  }

  async run(query) {
    const host = this.take();
    try {
      return await host.execute(query);
    } catch (err) {
      return this.run(query);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 22,
          column: 14,
          endLine: 22,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a re-run through `take()` on a kept plan that is an endless generator of the file: reported, by strict too.
      code: `function* roundRobin(hosts) {
  let i = 0;
  while (true) yield hosts[i++ % hosts.length];
}

class Client {
  constructor(hosts) {
    this._plan = roundRobin(hosts);
  }

  take() {
    const item = this._plan.next();
    if (item.done) throw new Error('no host left');
    return item.value;
  }

  async run(query) {
    const host = this.take();
    try {
      return await host.execute(query);
    } catch (err) {
      return this.run(query);
    }
  }
}`,
      options: [{ requireJitter: true }],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 22,
          column: 14,
          endLine: 22,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a helper between the re-run and the take catches the end of the plan itself (falls back to the first host), so the end of the plan does not end the retry: reported.
      code: `class Client {
  constructor(hosts) {
    this.hosts = hosts;
    this._plan = hosts[Symbol.iterator]();
  }

  take() {
    const item = this._plan.next();
    if (item.done) throw new Error('no host left');
    return item.value;
  }

  pick() {
    try {
      return this.take();
    } catch {
      return this.hosts[0];
    }
  }

  async run(query) {
    const host = this.pick();
    try {
      return await host.execute(query);
    } catch (err) {
      return this.run(query);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 26,
          column: 14,
          endLine: 26,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a helper between the re-run and the take catches the end of the plan itself (falls back to the first host), so the end of the plan does not end the retry: reported, by strict too.
      code: `class Client {
  constructor(hosts) {
    this.hosts = hosts;
    this._plan = hosts[Symbol.iterator]();
  }

  take() {
    const item = this._plan.next();
    if (item.done) throw new Error('no host left');
    return item.value;
  }

  pick() {
    try {
      return this.take();
    } catch {
      return this.hosts[0];
    }
  }

  async run(query) {
    const host = this.pick();
    try {
      return await host.execute(query);
    } catch (err) {
      return this.run(query);
    }
  }
}`,
      options: [{ requireJitter: true }],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 26,
          column: 14,
          endLine: 26,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
  ],
});
