import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { sharedValid } from './retry-shared-valid';
import ruleModule, { type MessageIds, type Options } from '../../rules/no-unbounded-retry';

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
const rule = ruleModule as unknown as Parameters<typeof ruleTester.run<MessageIds, [Partial<Options>]>>[1];

ruleTester.run('no-unbounded-retry', rule, {
  valid: [
    // Bounds a final review found taken for none (each reported by the first build of the change): a counter reset on success
    // in a `try` block, a reset on giving up, a time budget declared in the re-run function, a counting parameter passed on
    // through a `const`.
    `import amqp from 'amqplib';
export class Consumer {
  async connect() {
    try {
      this.conn = await amqp.connect(this.url);
      this.attempts = 0;
      this.conn.on('close', () => {
        if (this.attempts++ >= 10) return this.emit('failed');
        setTimeout(() => this.connect(), 1000);
      });
    } catch (e) {
      this.emit('error', e);
    }
  }
}`,
    `export class Client {
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.onclose = () => this.reconnect();
  }
  async fetchOnce() {
    try {
      return await this.api.get();
    } catch (e) {
      if (this.attempts >= 10) {
        this.attempts = 0;
        throw e;
      }
      this.attempts++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return this.fetchOnce();
    }
  }
}`,
    `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function req(url, startedAt = Date.now()) {
  const maxElapsed = 30000;
  try {
    return await fetch(url);
  } catch (e) {
    if (Date.now() - startedAt > maxElapsed) throw e;
    await sleep(1000);
    return req(url, startedAt);
  }
}`,
    `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function run(url, attempt = 0) {
  try {
    return await fetch(url);
  } catch (e) {
    if (attempt >= 3) throw e;
    const next = attempt + 1;
    await sleep(1000);
    return run(url, next);
  }
}`,
    // A deadline set once and passed on to each re-run bounds it.
    `export async function fetchWithRetry(url, start = Date.now()) {
  try {
    return await fetch(url);
  } catch (err) {
    if (Date.now() - start > 30000) throw err;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return fetchWithRetry(url, start);
  }
}`,
    // Trap (real code, steam-user 5's CM-list fetch): the limit is tested where the retry is the `else`
    // (`if (++this._getCmListAttempts >= 10) { give up } else { setTimeout(() => this._doConnection(), 1000) }`),
    // in a ternary, or before `||`; a presence test of the counter beside its limit (steam-user's CDN
    // `(chunk.retries && chunk.retries >= 5)`) adds nothing to the limit.
    `class C {
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
}
module.exports = C;
`,
    `class C {
  async _doConnection() {
    let res;
    try {
      res = await this._apiRequest('GET');
    } catch (ex) {
      if ((this._attempts && this._attempts >= 5) || this._servers.length === 0) {
        this.emit('error', ex);
      } else {
        this._attempts = this._attempts || 0;
        this._attempts++;
        setTimeout(() => this._doConnection(), 1000);
      }
      return;
    }
    this.use(res);
  }
}
module.exports = C;
`,
    `class C {
  async _doConnection() {
    let res;
    try {
      res = await this._apiRequest('GET');
    } catch (ex) {
      return ++this._attempts > 3 ? this.emit('error', ex) : setTimeout(() => this._doConnection(), 1000);
      return;
    }
    this.use(res);
  }
}
module.exports = C;
`,
    `class C {
  async _doConnection() {
    let res;
    try {
      res = await this._apiRequest('GET');
    } catch (ex) {
      (++this._attempts >= 3) || setTimeout(() => this._doConnection(), 1000);
      return;
    }
    this.use(res);
  }
}
module.exports = C;
`,
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.retry,
    // Trap: a limit chosen by a condition that is not a missing-value fallback (\`retries === -1 ? 5 : retries\`) is a limit.
    `async function send(msg, retries) {
  const limit = retries === -1 ? 5 : retries;
  for (let i = 0; i < limit; i++) {
    try {
      return await transport.send(msg);
    } catch (err) {
      await sleep(100 * 2 ** i);
    }
  }
}`,
    // Trap (real code): an \`isRetry = false\` parameter checked before the single re-attempt, which passes true.
    `async function call(req, isRetry = false) {
  try {
    return await send(req);
  } catch (err) {
    if (!isRetry && err.status === 401) {
      await refreshToken();
      return call(req, true);
    }
    throw err;
  }
}`,
    // Trap (real code): a deadline read through a clock helper.
    `async function commit() {
  const deadline = processTimeMS() + 120000;
  while (true) {
    try {
      return await session.commitTransaction();
    } catch (err) {
      if (!err.hasErrorLabel('UnknownTransactionCommitResult')) throw err;
      if (processTimeMS() >= deadline) throw err;
    }
  }
}`,
    `async function commit() {
  const start = clock.now();
  while (true) {
    try {
      return await session.commitTransaction();
    } catch (err) {
      if (clock.now() - start > 60000) throw err;
      await sleep(100);
    }
  }
}`,
    // Trap (real code): an endless reconnect with capped Math.exp backoff is backed off (the same growth classifier as require-retry-backoff).
    `class RedisClient {
  scheduleReconnect() {
    this.reconnectAttempts++;
    const delay = Math.max(Math.min(Math.exp(this.reconnectAttempts) * 100, this.maxReconnectDelay), 1000);
    this.timer = setTimeout(async () => {
      try {
        this.raw = await this.duplicate();
      } catch (err) {
        this.scheduleReconnect();
      }
    }, delay);
  }
}`,
    // Trap (real code): compiled TypeScript waits through \`(0, util_1.delay)(...)\` with a backoff helper inside \`__awaiter\`.
    `function reset() {
  return __awaiter(this, void 0, void 0, function* () {
    const bo = (0, util_1.backoff)([this.opts.expires]);
    for (let i = 0;; i++) {
      try {
        return yield this.api.add(this.stream, config);
      } catch (err) {
        yield (0, util_1.delay)(bo.backoff(i + 1));
      }
    }
  });
}`,
    // Trap (real code): an endless loop that waits a minute or more plus jitter (honouring a rate limit) is not a flood.
    `async function watch() {
  while (true) {
    try {
      return await api.poll();
    } catch (err) {
      await sleep(60000 + Math.random() * 5000);
    }
  }
}`,

    // Bounded: counter compared with a limit in the loop condition.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(500);
    }
  }
}`,
    // Bounded: a check on the failure path that rethrows.
    `async function load(url) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      if (++attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}`,
    // Bounded: a count-down in the condition.
    `async function load(url) {
  let retries = 3;
  while (retries--) {
    try {
      return await fetch(url);
    } catch (err) {
      log(err);
    }
  }
}`,
    // Bounded: a limit we cannot see the value of counts as a limit (precision first).
    `async function load(url, options) {
  let attempt = 0;
  while (attempt < options.maxRetries) {
    attempt++;
    try {
      return await fetch(url);
    } catch (err) {}
  }
}`,
    // Bounded: a deadline in the loop condition.
    `async function load(url) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    try {
      return await fetch(url);
    } catch (err) {}
  }
}`,
    // Bounded: a deadline check on the failure path (performance.now()).
    `async function load(url) {
  const start = performance.now();
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      if (performance.now() - start > 30000) throw err;
    }
  }
}`,
    // Bounded: an abort signal in the condition.
    `async function load(url, signal) {
  while (!signal.aborted) {
    try {
      return await fetch(url, { signal });
    } catch (err) {}
  }
}`,
    // Bounded: signal.throwIfAborted() on every iteration.
    `async function load(url, signal) {
  while (true) {
    signal.throwIfAborted();
    try {
      return await fetch(url, { signal });
    } catch (err) {}
  }
}`,
    // allowUnboundedWithBackoff (default): unbounded, but capped exponential backoff.
    `async function connect() {
  let attempt = 0;
  while (true) {
    try {
      return await open();
    } catch (e) {
      attempt++;
      await sleep(Math.min(30000, 100 * 2 ** attempt));
    }
  }
}`,
    // allowUnboundedWithBackoff: a doubling delay capped with Math.min, plus jitter.
    `async function connect() {
  let delayMs = 100;
  while (true) {
    try {
      return await open();
    } catch (e) {
      await sleep(delayMs + Math.random() * 100);
      delayMs = Math.min(delayMs * 2, 30000);
    }
  }
}`,
    // allowUnboundedWithBackoff: a wait computed by a backoff helper we cannot judge stays silent.
    `async function connect() {
  while (true) {
    try {
      return await open();
    } catch (e) {
      await sleep(backoff.duration());
    }
  }
}`,
    // Bounded recursion: a retries parameter passed decremented, checked with a throw.
    `async function fetchWithRetry(url, retries = 3) {
  try {
    return await fetch(url);
  } catch (e) {
    if (retries <= 0) throw e;
    return fetchWithRetry(url, retries - 1);
  }
}`,
    // Bounded recursion: the timer that retries is guarded by a counter check.
    `let retry = 0;
function connect() {
  db.connect().catch(() => {
    retry++;
    if (retry < 5) setTimeout(connect, 1000);
  });
}`,
    // Bounded recursion: an attempt parameter passed incremented through a timer callback.
    `function connect(attempt = 0) {
  db.connect().catch((err) => {
    if (attempt >= MAX_ATTEMPTS) return reportFailure(err);
    setTimeout(() => connect(attempt + 1), 1000);
  });
}`,
    // allowUnboundedWithBackoff: cockatiel without maxAttempts but with ExponentialBackoff (capped, jittered).
    `import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const reconnect = retry(handleAll, { backoff: new ExponentialBackoff({ maxDelay: 30000 }) });`,
    // allowUnboundedWithBackoff: a wait cap in milliseconds is a cap, however far above unboundedAbove (which counts attempts).
    `import pRetry from 'p-retry';
export const retryForever = (fn) => pRetry((attempt) => fn(attempt), { forever: true, factor: 2, minTimeout: 3000, maxTimeout: 15000 });`,
    `import { backOff } from 'exponential-backoff';
await backOff(run, { numOfAttempts: Infinity, maxDelay: 30000 });`,
    `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 0, delay: 1000, factor: 2, maxDelay: 30000, jitter: true });`,
    // allowUnboundedWithBackoff: socket.io-client reconnects forever with capped, jittered backoff.
    `import { io } from 'socket.io-client';
const socket = io(url, { reconnectionAttempts: Infinity });`,
    // Bounded: the failure path continues only while a counter is under its limit, otherwise it rethrows.
    `function readSync(fd, buffer) {
  let eagCounter = 0;
  while (true) {
    try {
      return fs.readSync(fd, buffer);
    } catch (er) {
      if (er.code === 'EAGAIN' && eagCounter < 10) {
        eagCounter++;
        continue;
      }
      throw er;
    }
  }
}`,
    // Bounded: a deadline flag set by a timer, checked on the failure path (throw helper).
    `async function poll(fn, timeout) {
  let hasTimedOut = false;
  setTimeout(() => {
    hasTimedOut = true;
  }, timeout);
  while (true) {
    const isLastAttempt = hasTimedOut;
    try {
      return await fn();
    } catch (err) {
      if (isLastAttempt) throwWithCause(err);
    }
  }
}`,
    {
      // unboundedAbove: a limit below the option is a limit.
      code: `async function load(url) {
  for (let i = 0; i < 100; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(100);
    }
  }
}`,
      options: [{ unboundedAbove: 101 }],
    },
  ],
  invalid: [
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
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedLoop',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
    // Twin of the else-branch limit (from the CM-list case): the test is the wrong way round, so the retry runs once the count passes 10, forever.
    {
      code: `class C {
  async _doConnection() {
    let res;
    try {
      res = await this._apiRequest('GET');
    } catch (ex) {
      if (++this._attempts < 10) {
        this.emit('error', ex);
      } else {
        setTimeout(() => this._doConnection(), 1000);
      }
      return;
    }
    this.use(res);
  }
}
module.exports = C;
`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    // Twin of the presence test: with no limit beside it, a counter's presence bounds nothing.
    {
      code: `class C {
  async _doConnection() {
    let res;
    try {
      res = await this._apiRequest('GET');
    } catch (ex) {
      if (this._attempts && this._servers.length === 0) {
        this.emit('error', ex);
      } else {
        this._attempts++;
        setTimeout(() => this._doConnection(), 1000);
      }
      return;
    }
    this.use(res);
  }
}
module.exports = C;
`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    // Twin of the counter bound (from an independent review): `let tries = 0` inside the function that re-runs starts again each time.
    {
      code: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function connect(url) {
  let tries = 0;
  try { return await fetch(url); } catch (e) {
    tries++;
    if (tries >= 5) throw e;
    await sleep(1000);
    return connect(url);
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    // Twin of the counter bound (from an independent review): `connect()` sets the counter back to 0 each time it runs.
    {
      code: `import WebSocket from 'ws';
export class Client {
  constructor(url) { this.url = url; this.attempts = 0; }
  connect() {
    this.attempts = 0;
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      this.attempts++;
      if (this.attempts > 5) return;
      setTimeout(() => this.connect(), 1000);
    });
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    // Twin of the else-branch limit (from an independent review): the retry branch sets the counter back to 0 on its way to the re-run.
    {
      code: `import WebSocket from 'ws';
export class Client {
  constructor(url) { this.url = url; this.attempts = 0; }
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      if (++this.attempts >= 10) { this.emit('giveup'); }
      else { this.attempts = 0; setTimeout(() => this.connect(), 1000); }
    });
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 8,
          column: 33,
          endLine: 8,
          endColumn: 71,
          suggestions: [],
        },
      ],
    },
    // Twin of the counter bound (from an independent review): the re-run passes a literal 0 for the counting parameter.
    {
      code: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function connect(url, tries = 0) {
  try { return await fetch(url); } catch (e) {
    if (tries >= 5) throw e;
    await sleep(1000);
    return connect(url, 0);
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    // Twin of the counter bound (from an independent review): `let tries = 0` inside the loop body starts again each pass.
    {
      code: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u) {
  while (true) {
    let tries = 0;
    try { return await fetch(u); } catch (e) {
      tries++;
      if (tries > 3) throw e;
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u) {
  let attempt = 0;
  while (true) {
    let tries = 0;
    try { return await fetch(u); } catch (e) {
      tries++;
      if (tries > 3) throw e;
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the else-branch limit (from an independent review): the counter counts down, so `--n >= 10` never stops it.
    {
      code: `import WebSocket from 'ws';
export class Client {
  constructor(url) { this.url = url; this.attempts = 0; }
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      if (--this.attempts >= 10) { this.emit('giveup'); }
      else { setTimeout(() => this.connect(), 1000); }
    });
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    // Twin of the else-branch limit (from an independent review): the limit is an option that defaults to Infinity; only a number the file shows counts there.
    {
      code: `import WebSocket from 'ws';
export class Client {
  constructor(url, options = {}) { this.url = url; this.attempts = 0; this.options = { maxAttempts: Infinity, ...options }; }
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      if (++this.attempts >= this.options.maxAttempts) { this.emit('giveup'); }
      else { setTimeout(() => this.connect(), 1000); }
    });
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    // Twin of the deadline bound (from an independent review): the catch moves the deadline forward on every failure.
    {
      code: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u) {
  let deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try { return await fetch(u); } catch (e) {
      deadline = Date.now() + 5000;
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u) {
  let deadline = Date.now() + 5000;
  let attempt = 0;
  while (Date.now() < deadline) {
    try { return await fetch(u); } catch (e) {
      deadline = Date.now() + 5000;
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the deadline bound (from an independent review): `connect()` restarts the clock the 'close' handler reads each time it runs.
    {
      code: `import WebSocket from 'ws';
export class Client {
  constructor(url) { this.url = url; }
  connect() {
    this.startedAt = Date.now();
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => {
      if (Date.now() - this.startedAt > 60000) return;
      setTimeout(() => this.connect(), 1000);
    });
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    // Twin of the deadline bound: the start time is a local of the function that re-runs, so each run starts it again.
    {
      code: `export async function fetchWithRetry(url) {
  const start = Date.now();
  try {
    return await fetch(url);
  } catch (err) {
    if (Date.now() - start > 30000) throw err;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return fetchWithRetry(url);
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
    // Twin of the limit (from an independent review): the limit falls back to Infinity when the option is missing, written as `x === undefined ? Infinity : x`.
    {
      code: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u, opts = {}) {
  const max = opts.max === undefined ? Infinity : opts.max;
  let attempts = 0;
  while (attempts < max) {
    attempts++;
    try { return await fetch(u); } catch (e) { await sleep(1000); }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
          suggestions: [],
        },
      ],
    },
    // Twin of the limit (from an independent review): the limit is a defaults object's `retries: Infinity`, which the options spread after it may or may not replace.
    {
      code: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u, options) {
  const opts = { retries: Infinity, delay: 1000, ...options };
  for (let i = 0; i < opts.retries; i++) {
    try { return await fetch(u); } catch (e) { await sleep(opts.delay); }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function get(u, options) {
  const opts = { retries: Infinity, delay: 1000, ...options };
  for (let i = 0; i < opts.retries; i++) {
    try { return await fetch(u); } catch (e) { if (i + 1 >= 5) throw e; await sleep(Math.max(opts.delay, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, opts.delay * 16)), opts.delay * 2 ** i))); }
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
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
    // Twin of the limit (from a final review): `max === null || max === undefined ? Infinity : max` falls back to Infinity too.
    {
      code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(u, opts = {}) {
  const max = opts.max === null || opts.max === undefined ? Infinity : opts.max;
  for (let i = 0; i < max; i++) {
    try {
      return await fetch(u);
    } catch (e) {
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [],
        },
      ],
    },
    // Twin of the destructured-helper trap: the helper throws the `cause` it destructures, not the caught error (handed as
    // `error`). The helper's sleep is the retry's wait: the bound goes after the helper (it does more than wait) and no
    // second wait is added.
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
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function onAttemptFailure({ cause, attemptNumber }) {
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
      if (attemptNumber >= 5) throw error;
    }
  }
}`,
            },
          ],
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
          messageId: 'unboundedRecursion',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    // Twin of the doubling-counter trap (from a second independent review): a factor of 1.01 needs about 1,400 passes to reach 1e6, more than unboundedAbove.
    {
      code: `import { setTimeout as sleep } from 'node:timers/promises';
export async function load(url) {
  for (let d = 1; d < 1e6; d *= 1.01) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (e) {
      await sleep(100);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
export async function load(url) {
  let attempt = 0;
  for (let d = 1; d < 1e6; d *= 1.01) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(100, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
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
          messageId: 'unboundedRecursion',
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
          messageId: 'unboundedReconnect',
          line: 13,
          column: 12,
          endLine: 13,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // Twin of the doubling-counter trap (from an independent review): the counter starts where the file cannot see (`initialDelay`, 0 by default, which never grows) and grows by a factor it cannot read.
    {
      code: `import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(op, { initialDelay = 0, factor = 2, maxDelay = 60000 } = {}) {
  let delay = initialDelay;
  while (delay <= maxDelay) {
    try {
      return await op();
    } catch (err) {
      await sleep(delay);
      delay *= factor;
    }
  }
  throw new Error('gave up');
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(op, { initialDelay = 0, factor = 2, maxDelay = 60000 } = {}) {
  let delay = initialDelay;
  let attempt = 0;
  while (delay <= maxDelay) {
    try {
      return await op();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(delay);
      delay *= factor;
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
      ],
    },
    // Twin of the doubling-counter trap (from an independent review): the test goes on while the doubling counter is above 0, which it always is.
    {
      code: `import { setTimeout as sleep } from 'node:timers/promises';
export async function connect(open) {
  for (let delay = 250; delay > 0; delay *= 2) {
    try {
      return await open();
    } catch (err) {
      await sleep(delay);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `import { setTimeout as sleep } from 'node:timers/promises';
export async function connect(open) {
  let attempt = 0;
  for (let delay = 250; delay > 0; delay *= 2) {
    try {
      return await open();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(delay);
    }
  }
}`,
            },
          ],
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
          messageId: 'unboundedRecursion',
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
          messageId: 'unboundedRecursion',
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
          messageId: 'unboundedReconnect',
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
          messageId: 'unboundedReconnect',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // Twin of the doubling-counter trap: a doubling counter compared with Infinity never stops.
    {
      code: `async function poll(op) {
  for (let delay = 100; delay <= Infinity; delay *= 2) {
    try {
      return await op();
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function poll(op) {
  let attempt = 0;
  for (let delay = 100; delay <= Infinity; delay *= 2) {
    try {
      return await op();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Twin of the queue-drain trap: the failed job goes back on the queue inside a new object (`queue.push({ ...job, attempts: ... })`).
    {
      code: `export async function work(queue) {
  while (queue.length > 0) {
    const job = queue.shift();
    try {
      await job.run();
      return;
    } catch (err) {
      queue.push({ ...job, attempts: job.attempts + 1 });
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: `export async function work(queue) {
  let attempt = 0;
  while (queue.length > 0) {
    const job = queue.shift();
    try {
      await job.run();
      return;
    } catch (err) {
      queue.push({ ...job, attempts: job.attempts + 1 });
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
    // Twin of the synchronous-fallback trap: the literal goes to a flag read only in the catch (a log line), and the call is a synchronous HTTP request.
    {
      code: `import request from 'sync-request';
export function fetchConfig(url, retried = false) {
  try {
    const res = request('GET', url, { timeout: 5000 });
    return JSON.parse(res.getBody('utf8'));
  } catch (err) {
    console.warn(\`config fetch failed\${retried ? ' again' : ''}: \${err.message}\`);
    return fetchConfig(url, true);
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    // Twin of the synchronous-fallback trap: the literal equals the parameter's default (the same input), and the read is blocking I/O on a shared filesystem.
    {
      code: `import fs from 'fs';
export function readShared(path, encoding = 'utf8') {
  try {
    return fs.readFileSync(path, encoding);
  } catch (err) {
    if (err.code === 'ESTALE' || err.code === 'EIO' || err.code === 'ETIMEDOUT') return readShared(path, 'utf8');
    throw err;
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 6,
          column: 89,
          endLine: 6,
          endColumn: 113,
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
          messageId: 'unboundedRecursion',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 64,
          suggestions: [],
        },
      ],
    },
    // Twin of the synchronous-fallback trap: an asynchronous fallback to a fixed backup keeps reconnecting to it.
    {
      code: `export async function connect(url) {
  try {
    return await openSocket(url);
  } catch (err) {
    return connect('wss://backup.example.com');
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    // Twin of the removeListener trap: `unsubscribe(topic, cb)` runs its callback when done, so the 'close' handler's chain reaches the reconnect.
    {
      code: `import net from 'net';
class Feed {
  start() {
    this.onclose = this.onclose.bind(this);
    this.restart = this.restart.bind(this);
    this.sock = net.connect(1883, 'broker.internal');
    this.sock.on('close', this.onclose);
  }
  onclose() { this.bus.unsubscribe('feed', this.restart); }
  restart() { this.start(); }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    // Twin of the bounded-branch trap: the branch's other exit is `continue outer`, which starts the counted loop (and its counter) again.
    {
      code: `async function load(client) {
  outer: for (;;) {
    for (let n = 0;; n++) {
      try {
        return await client.get('/x');
      } catch (err) {
        if (n < 3) {
          if (err.code === 'ECONNRESET') continue outer;
          continue;
        }
        throw err;
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: `async function load(client) {
  outer: for (;;) {
    for (let n = 0;; n++) {
      try {
        return await client.get('/x');
      } catch (err) {
        if (n < 3) {
          if (err.code === 'ECONNRESET') continue outer;
          if (n + 1 >= 5) throw err;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** n)));
          continue;
        }
        throw err;
      }
    }
  }
}` },
          ],
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            { messageId: 'boundRetry', output: `async function publish(producer, msg) {
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
    // Twin of the queue-drain trap: the failed message is put back by rebuilding the list.
    {
      code: `class Outbox {
  async flush() {
    while (this.pending.length > 0) {
      const msg = this.pending.shift();
      try {
        await this.socket.send(msg);
        return;
      } catch (err) {
        this.pending = [msg, ...this.pending];
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'boundRetry', output: `class Outbox {
  async flush() {
    let attempt = 0;
    while (this.pending.length > 0) {
      const msg = this.pending.shift();
      try {
        await this.socket.send(msg);
        return;
      } catch (err) {
        this.pending = [msg, ...this.pending];
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
    // Twin of the queue-drain trap: the failed job is handed back with its queue (`requeue(queue, job)`).
    {
      code: `async function work(queue) {
  while (queue.length) {
    const job = queue.shift();
    try {
      await job.run();
      return;
    } catch (err) {
      requeue(queue, job);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: `async function work(queue) {
  let attempt = 0;
  while (queue.length) {
    const job = queue.shift();
    try {
      await job.run();
      return;
    } catch (err) {
      requeue(queue, job);
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
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'boundRetry', output: `class Sender {
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
          messageId: 'unboundedRecursion',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    // Twin of the retry-policy trap: an awaited token refresh is no retry policy (a server that keeps answering 401 loops forever).
    {
      code: `import { refreshAccessToken } from './auth';
export async function call(opts) {
  try {
    return await send(opts);
  } catch (err) {
    if (err.status !== 401) throw err;
    const { accessToken } = await refreshAccessToken(err.config);
    if (accessToken) {
      opts.headers.authorization = \`Bearer \${accessToken}\`;
      return call(opts);
    }
    throw err;
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 24,
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
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'boundRetry', output: `class Locks {
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
          messageId: 'unboundedRecursion',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 34,
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
      console.warn('retrying', err);
      await sleep(500);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      console.warn('retrying', err);
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function readForever() {
  for (;;) {
    try {
      return readConfig();
    } catch {
      log('again');
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: sync function, nothing to await between attempts.'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function proxy(req) {
  let retried;
  do {
    retried = false;
    try {
      await forward(req);
    } catch {
      retried = true;
    }
  } while (retried);
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function proxy(req) {
  let retried;
  let attempt = 0;
  do {
    retried = false;
    try {
      await forward(req);
    } catch (error) {
      retried = true;
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  } while (retried);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  let retries = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (e) {
      retries++;
      if (retries > 4) console.log('many retries');
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  let retries = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (e) {
      retries++;
      if (retries > 4) console.log('many retries');
      if (retries >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (retries - 1))));
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
  for (let i = 0; i < Infinity; i++) {
    try {
      return await fetch(url);
    } catch (e) {}
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  for (let i = 0; i < Infinity; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      if (i + 1 >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** i)));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const MAX = Number.MAX_SAFE_INTEGER;
async function load(url) {
  let attempt = 0;
  while (attempt < MAX) {
    attempt++;
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(100);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `const MAX = Number.MAX_SAFE_INTEGER;
async function load(url) {
  let attempt = 0;
  while (attempt < MAX) {
    attempt++;
    try {
      return await fetch(url);
    } catch (e) {
      if (attempt >= 5) throw e;
      await sleep(Math.max(100, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
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
  for (let i = 0; i < 1000; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch (e) {
      if (isFatal(e)) throw e;
      log(e);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  for (let i = 0; i < 1000; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch (e) {
      if (isFatal(e)) throw e;
      log(e);
      if (i + 1 >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** i)));
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
  outer: while (true) {
    let res;
    try {
      res = await fetch(url);
    } catch (e) {
      await new Promise((r) => setTimeout(r, 250));
      continue outer;
    }
    return res;
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  let attempt = 0;
  outer: while (true) {
    let res;
    try {
      res = await fetch(url);
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, Math.max(250, Math.random() * Math.min(10000, 250 * 2 ** (attempt - 1)))));
      continue outer;
    }
    return res;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function connect() {
  let attempt = 0;
  while (true) {
    try {
      return await open();
    } catch (e) {
      attempt++;
      await sleep(Math.min(30000, 100 * 2 ** attempt));
    }
  }
}`,
      options: [{"allowUnboundedWithBackoff":false}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function connect() {
  let attempt = 0;
  while (true) {
    try {
      return await open();
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.min(30000, 100 * 2 ** attempt));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function connect() {
  let delayMs = 100;
  while (true) {
    try {
      return await open();
    } catch (e) {
      await sleep(delayMs);
      delayMs *= 2;
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function connect() {
  let delayMs = 100;
  let attempt = 0;
  while (true) {
    try {
      return await open();
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(delayMs);
      delayMs *= 2;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { setTimeout } from 'node:timers/promises'

while (true) {
\ttry {
\t\tawait connect()
\t\tbreak
\t} catch (error) {
\t\tawait setTimeout(1000)
\t}
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `import { setTimeout } from 'node:timers/promises'

let attempt = 0
while (true) {
\ttry {
\t\tawait connect()
\t\tbreak
\t} catch (error) {
\t\tattempt++
\t\tif (attempt >= 5) throw error
\t\tawait setTimeout(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))))
\t}
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `class Client {
    async send(msg) {
        while (true) {
            try { return await this.transport.send(msg); } catch (e) { this.log(e); }
        }
    }
}`,
      options: [{"maxAttempts":3,"baseDelayMs":200,"maxDelayMs":5000}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `class Client {
    async send(msg) {
        let attempt = 0;
        while (true) {
            try { return await this.transport.send(msg); } catch (e) { this.log(e); attempt++; if (attempt >= 3) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(5000, 200 * 2 ** (attempt - 1)))); }
        }
    }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url, attempt) {
  if (attempt) while (true) {
    try {
      return await fetch(url);
    } catch (e) {}
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 21,
          data: {'noFix':' No quick fix: the loop is the body of another statement.'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
  let done = false;
  while (!done) {
    try {
      await fetch(url);
      done = true;
    } catch ({ message }) {
      log(message);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          data: {'noFix':' No quick fix: the caught error is destructured, so the last error cannot be rethrown.'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
  while (true) {
    const res = await fetch(url);
    if (!res.ok) continue;
    return res.json();
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          data: {'noFix':' No quick fix: the retry is driven by a status check, so there is no error to rethrow when attempts run out.'},
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
          messageId: 'unboundedRecursion',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 78,
          data: {'noFix':' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.','name':'connectWithRetry'},
          suggestions: [],
        },
      ],
    },
    {
      code: `let retry = 0;
function connect() {
  db.connect().catch((err) => {
    retry++;
    if (retry > 4) console.log('still failing', err);
    connect();
  });
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          data: {'noFix':' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.','name':'connect'},
          suggestions: [],
        },
      ],
    },
    {
      code: `function readRemote(path, cb) {
  client.get(path, (err, data) => {
    if (err) {
      setImmediate(() => readRemote(path, cb));
      return;
    }
    cb(null, data);
  });
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 47,
          data: {'noFix':' No quick fix: the retry runs in an error-first callback, so the last error must be handed to its callback by hand.','name':'readRemote'},
          suggestions: [],
        },
      ],
    },
    {
      code: `function connect() {
  const socket = new WebSocket(url);
  socket.on('close', () => {
    setTimeout(connect, 1000);
  });
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 30,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close'},
          suggestions: [],
        },
      ],
    },
    {
      code: `class Client {
  connect() {
    this.socket = net.connect(port);
    this.socket.on('end', () => this.connect());
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 47,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'end'},
          suggestions: [],
        },
      ],
    },
    {
      code: `function start() {
  const ws = new WebSocket(url);
  ws.onclose = () => setTimeout(start, 2000);
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 45,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close'},
          suggestions: [],
        },
      ],
    },
    {
      code: `import pRetry = require('p-retry');
await pRetry(run, { retries: Infinity });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import pRetry = require('p-retry');
await pRetry(run, { retries: 4 });`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url: string): Promise<Response> {
  for (let i = 0; ; i++) {
    try {
      return await fetch(url);
    } catch (e: unknown) {
      log(e as Error);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url: string): Promise<Response> {
  for (let i = 0; ; i++) {
    try {
      return await fetch(url);
    } catch (e: unknown) {
      log(e as Error);
      if (i + 1 >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** i)));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A catch block holding only a comment: the comment stays, the bound goes after it.
      code: `async function callApi(operation: () => Promise<string>): Promise<string> {
  while (true) {
    try {
      return await operation();
    } catch (error) {
      // try again
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function callApi(operation: () => Promise<string>): Promise<string> {
  let attempt = 0;
  while (true) {
    try {
      return await operation();
    } catch (error) {
      // try again
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
    // Real code: \`maxRetries ?? Infinity\` is no limit when the option is not given.
    {
      code: `async function retryIfFailed(fn, opts) {
  let retry = 0;
  const maxRetries = opts.maxRetries ?? Infinity;
  do {
    try {
      return await fn();
    } catch (err) {
      await sleep(1000);
    }
  } while (++retry < maxRetries);
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 5,
          data: {'noFix':' No quick fix: the loop already counts its attempts against `maxRetries`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and a second counter would override the callers who pass one.'},
          suggestions: [],
        },
      ],
    },
    // Real code: a guard flag that the scheduled reconnect re-arms is not used up.
    {
      code: `let reconnecting = false;
function connect() {
  const ws = new WebSocket(url);
  ws.onclose = () => {
    if (!reconnecting) {
      reconnecting = true;
      setTimeout(() => {
        reconnecting = false;
        connect();
      }, 1000);
    }
  };
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 7,
          column: 7,
          endLine: 10,
          endColumn: 15,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'close'},
          suggestions: [],
        },
      ],
    },
    // Real code: a log line that reads what the failure path wrote does not make the next attempt different.
    {
      code: `async function load(url) {
  let lastError;
  while (true) {
    try {
      console.log('attempt after', lastError);
      return await fetch(url);
    } catch (err) {
      lastError = err;
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  let lastError;
  let attempt = 0;
  while (true) {
    try {
      console.log('attempt after', lastError);
      return await fetch(url);
    } catch (err) {
      lastError = err;
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
    // Real code: an outer loop that retries around a retry (here one bounded as the codemod bounds it) is an unbounded retry of its own.
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
    // Real code: the success exit depends on the result (\`if (ok) break\` inside \`try\`) and the failure path waits and goes round again: a retry, not a poll.
    {
      code: `async function send(cmd) {
  while (true) {
    try {
      const result = await client.send(cmd);
      if (result.acknowledged) break;
    } catch (e) {
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function send(cmd) {
  let attempt = 0;
  while (true) {
    try {
      const result = await client.send(cmd);
      if (result.acknowledged) break;
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Real code: the compiled form of \`maxRetries ?? Infinity\` is no limit either.
    {
      code: `async function retryIfFailed(fn, opts) {
  var _a;
  let retry = 0;
  const maxRetries = (_a = opts.maxRetries) !== null && _a !== void 0 ? _a : Infinity;
  do {
    try {
      return await fn();
    } catch (err) {
      await sleep(1000);
    }
  } while (++retry < maxRetries);
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 5,
          data: {'noFix':' No quick fix: the loop already counts its attempts against `maxRetries`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and a second counter would override the callers who pass one.'},
          suggestions: [],
        },
      ],
    },
    // Real code: compiled TypeScript (a generator run by \`__awaiter\`): the wait is seen, and the "No quick fix" reason says why truly.
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
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          data: {'noFix':' No quick fix: compiled code (a generator run by __awaiter), where the rewrite cannot await; fix the source it was compiled from.'},
          suggestions: [],
        },
      ],
    },
  ],
});

// The same analysis on espree's AST (plain JavaScript).
jsRuleTester.run('no-unbounded-retry (espree)', rule, {
  valid: [
    // Trap: a poll loop, in plain JavaScript.
    `export async function run() {
  while (!closing) {
    try {
      await work();
    } catch (e) {
      log(e);
    }
    await delay(1000);
  }
}`,
  ],
  invalid: [
    {
      code: `export async function load(url) {
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `export async function load(url) {
  let attempt = 0;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1)))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import pRetry from 'p-retry';
await pRetry(run, { retries: Infinity, factor: 1 });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import pRetry from 'p-retry';
await pRetry(run, { retries: 4, factor: 2 });`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import retry from 'async-retry';
await retry(async (bail) => run(), { forever: false, minTimeout: 100 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import promiseRetry from 'promise-retry';
promiseRetry({ retries: Number.MAX_SAFE_INTEGER }, (retry) => run().catch(retry));`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import promiseRetry from 'promise-retry';
promiseRetry({ retries: 4 }, (retry) => run().catch(retry));`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 4, retryDelay: axiosRetry.exponentialDelay });`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
const client = got.extend({ retry: { limit: Infinity } });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import got from 'got';
const client = got.extend({ retry: { limit: 4 } });`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import ky from 'ky';
await ky.get(url, { retry: { limit: 4, delay: (attemptCount) => Math.random() * Math.min(10000, 100 * 2 ** (attemptCount - 1)) } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import ky from 'ky';
const api = ky.create({ retry: Infinity });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import ky from 'ky';
const api = ky.create({ retry: 4 });`,
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
          messageId: 'unboundedLibraryDefault',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 41,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { ExponentialBackoff, handleAll, retry as retryPolicy } from 'cockatiel';
const policy = retryPolicy(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import async from 'async';
async.retry({ times: 5, interval: (retryCount) => Math.random() * Math.min(10000, 100 * 2 ** retryCount) }, task, done);`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 5, delay: 200, factor: 2 });`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { backOff } from 'exponential-backoff';
await backOff(run, { numOfAttempts: 5, timeMultiple: 2 });`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { retry } from 'ts-retry-promise';
await retry(run, { retries: 5, backoff: 'EXPONENTIAL' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb';
const client = await MongoClient.connect(url, { reconnectTries: Number.MAX_VALUE, reconnectInterval: 1000 });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { MongoClient } from 'mongodb';
const client = await MongoClient.connect(url, { reconnectTries: 5, reconnectInterval: 1000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import Redis from 'ioredis';
const redis = new Redis({ maxRetriesPerRequest: null });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 53,
          // Never rewritten: BullMQ requires maxRetriesPerRequest: null of the connections it is given.
          data: {
            library: 'ioredis',
            option: 'maxRetriesPerRequest: null',
            attempts: 'retries',
            noFix: ' No quick fix: maxRetriesPerRequest: null is what BullMQ requires of the connections it is given, so a limit is a decision for a person.',
          },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { connect } from 'nats';
const nc = await connect({ servers, maxReconnectAttempts: -1 });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { connect } from 'nats';
const nc = await connect({ servers, maxReconnectAttempts: 5 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { io } from 'socket.io-client';
const socket = io(url, { reconnectionAttempts: Infinity });`,
      options: [{"allowUnboundedWithBackoff":false}],
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { io } from 'socket.io-client';
const socket = io(url, { reconnectionAttempts: 5 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import pRetry from 'p-retry';
const options = { retries: Infinity };
await pRetry(run, options);`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import pRetry from 'p-retry';
const options = { retries: 4 };
await pRetry(run, options);`,
            },
          ],
        },
      ],
    },
    {
      code: `async function fetchData(url) {
  try {
    return await fetch(url);
  } catch (err) {
    console.warn(err);
    await sleep(1000);
    return fetchData(url);
  }
}
export async function main() {
  return fetchData('https://example.com');
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function fetchData(url, attempt = 0) {
  try {
    return await fetch(url);
  } catch (err) {
    console.warn(err);
    if (attempt + 1 >= 5) throw err;
    await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** attempt)));
    return fetchData(url, attempt + 1);
  }
}
export async function main() {
  return fetchData('https://example.com');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function fetchData(url) {
  try {
    return await fetch(url);
  } catch (err) {
    return fetchData(url);
  }
}
urls.map(fetchData);`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 26,
          data: {'noFix':' No quick fix: the function cannot safely take an extra attempt parameter: it is used as a value, not only called.','name':'fetchData'},
          suggestions: [],
        },
      ],
    },
    {
      code: `function readConfig(path) {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (err) {
    return readConfig(path);
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 28,
          data: {'noFix':' No quick fix: sync function, nothing to await between attempts.','name':'readConfig'},
          suggestions: [],
        },
      ],
    },
    {
      code: `const mod = await import('p-retry');
await mod.default(run, { retries: Infinity });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `const mod = await import('p-retry');
await mod.default(run, { retries: 4 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const reconnect = retry(handleAll, { backoff: new ExponentialBackoff() });`,
      options: [{"allowUnboundedWithBackoff":false}],
      errors: [
        {
          messageId: 'unboundedLibraryDefault',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const reconnect = retry(handleAll, { backoff: new ExponentialBackoff(), maxAttempts: 5 });`,
            },
          ],
        },
      ],
    },
    {
      code: `const { backOff: withBackoff } = require('exponential-backoff');
await withBackoff(run, { numOfAttempts: Number.POSITIVE_INFINITY });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `const { backOff: withBackoff } = require('exponential-backoff');
await withBackoff(run, { numOfAttempts: 5 });`,
            },
          ],
        },
      ],
    },
    {
      code: `const got = require('got');
const client = got.extend({
  retry: {
    limit: 1e6,
  },
});`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `const got = require('got');
const client = got.extend({
  retry: {
    limit: 4,
  },
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import Redis from 'ioredis';
const redis = new Redis({
  reconnectOnError: (err) => 'READONLY',
});`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 40,
          data: { library: 'ioredis', option: "reconnectOnError (always 'READONLY')", attempts: 'reconnects', noFix: ' No quick fix: which error replies should reconnect is a decision for a person.' },
          suggestions: [],
        },
      ],
    },
    {
      code: `export async function load(url) {
  try {
    return await fetch(url);
  } catch (err) {
    return load(url);
  }
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 21,
          data: {'noFix':' No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.','name':'load'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
    for (;;) {
        try {
            return await fetch(url);
        } catch (e) {}
    }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
    let attempt = 0;
    for (;;) {
        try {
            return await fetch(url);
        } catch (e) {
            attempt++;
            if (attempt >= 5) throw e;
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
      code: `async function load(url) {
\twhile (true) {
\t\ttry {
\t\t\treturn await fetch(url)
\t\t} catch {}
\t}
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 2,
          endLine: 2,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
\tlet attempt = 0
\twhile (true) {
\t\ttry {
\t\t\treturn await fetch(url)
\t\t} catch (error) {
\t\t\tattempt++
\t\t\tif (attempt >= 5) throw error
\t\t\tawait new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))))
\t\t}
\t}
}`,
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
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `const retry = require('bluebird-retry');
retry(connect, { max_tries: 5, interval: 500, backoff: 2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `function load() {
  return request().then(parse, () => load());
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `function load(attempt = 0) {
  return request().then(parse, (error) => (attempt + 1 >= 5 ? Promise.reject(error) : new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt))).then(() => load(attempt + 1))));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const connectWithRetry = (uri) => {
  mongoose.connect(uri).catch(() => connectWithRetry(uri));
};`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 58,
          data: {'noFix':' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.','name':'connectWithRetry'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
  for (let i = 0; i < 100; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(100);
    }
  }
}`,
      options: [{"unboundedAbove":50}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  for (let i = 0; i < 100; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      if (i + 1 >= 5) throw e;
      await sleep(Math.max(100, Math.random() * Math.min(10000, 100 * 2 ** i)));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `while (true) {
  try {
    connectSync();
    break;
  } catch (e) {
    log(e);
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          data: {'noFix':' No quick fix: not inside an async function, nothing to await between attempts.'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function f(u) { while (true) { try { return await fetch(u) } catch (e) { await sleep(500) } } }`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function f(u) { let attempt = 0; while (true) { try { return await fetch(u) } catch (e) { attempt++; if (attempt >= 5) throw e; await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** (attempt - 1)))) } } }`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  while (true) {
    const res = await fetch(url).catch(() => null);
    if (res) return res;
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          data: {'noFix':' No quick fix: a .catch handler turns the failure into a value, so there is no error to rethrow when attempts run out.'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
  while (true) {
    try {
      const res = await fetch(url);
      await sleep(100);
      return res;
    } catch (err) {
      log(err);
    }
    await sleep(500);
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function load(url) {
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(url);
      await sleep(100);
      return res;
    } catch (err) {
      log(err);
      attempt++;
      if (attempt >= 5) throw err;
    }
    await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** (attempt - 1))));
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

// The rewrite principle (docs/codemods.md, "What a rewrite keeps"): exact outputs and the suggestion's own words.
const loopAt = (line: number, column: number, keyword = 'while') => ({ line, column, endLine: line, endColumn: column + keyword.length });

jsRuleTester.run('no-unbounded-retry: rewrites keep what the code says', rule, {
  valid: [],
  invalid: [
    {
      // Twin of the valid p-retry case: strict reports the endless retry however it waits.
      options: [{ allowUnboundedWithBackoff: false }],
      code: `import pRetry from 'p-retry';
export const retryForever = (fn) => pRetry((attempt) => fn(attempt), { forever: true, factor: 2, minTimeout: 3000, maxTimeout: 15000 });`,
      errors: [{ messageId: 'unboundedLibraryOption', line: 2, column: 72, endLine: 2, endColumn: 85, suggestions: [{ messageId: 'setLibraryLimit', output: `import pRetry from 'p-retry';
export const retryForever = (fn) => pRetry((attempt) => fn(attempt), { forever: false, factor: 2, minTimeout: 3000, maxTimeout: 15000 });` }] }],
    },
    {
      // Twin: with maxTimeout: Infinity nothing caps the wait, so recommended reports it too.
      code: `import pRetry from 'p-retry';
export const retryForever = (fn) => pRetry((attempt) => fn(attempt), { forever: true, factor: 2, maxTimeout: Infinity });`,
      errors: [{ messageId: 'unboundedLibraryOption', line: 2, column: 72, endLine: 2, endColumn: 85, suggestions: [{ messageId: 'setLibraryLimit', output: `import pRetry from 'p-retry';
export const retryForever = (fn) => pRetry((attempt) => fn(attempt), { forever: false, factor: 2, maxTimeout: Infinity });` }] }],
    },
    {
      // Errors that are not retried are rethrown before any counting or waiting; the 1 s wait stays and grows from 1 s.
      // (Strict options: with allowUnboundedWithBackoff, a sorted retry that waits is allowed; see the sorted-retry tests.)
      options: [{ allowUnboundedWithBackoff: false }],
      code: `async function query(sql) {
  while (true) {
    try {
      return await pool.query(sql);
    } catch (err) {
      if (isNotConnectionError(err)) throw err;
      await sleep(1000);
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function query(sql) {
  let attempt = 0;
  while (true) {
    try {
      return await pool.query(sql);
    } catch (err) {
      if (isNotConnectionError(err)) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}` }] }],
    },
    {
      // A Retry-After wait is computed from the failure: kept as it is; the count goes before it, after the 429 check.
      // (Strict options, as above.)
      options: [{ allowUnboundedWithBackoff: false }],
      code: `async function send(req) {
  while (true) {
    try {
      return await client.send(req);
    } catch (err) {
      if (err.status !== 429) throw err;
      await sleep(err.retryAfter * 1000);
      continue;
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is.' }, output: `async function send(req) {
  let attempt = 0;
  while (true) {
    try {
      return await client.send(req);
    } catch (err) {
      if (err.status !== 429) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(err.retryAfter * 1000);
      continue;
    }
  }
}` }] }],
    },
    {
      // An abortable wait keeps its helper, \`this\` and abort controller; only the duration grows.
      code: `class Consumer {
  async connect() {
    while (true) {
      try {
        return await this.open();
      } catch (err) {
        this.emit('warn', err);
        await this.delay(5000, this.abortController);
      }
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(3, 5), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `class Consumer {
  async connect() {
    let attempt = 0;
    while (true) {
      try {
        return await this.open();
      } catch (err) {
        this.emit('warn', err);
        attempt++;
        if (attempt >= 5) throw err;
        await this.delay(Math.max(5000, Math.random() * Math.min(10000, 5000 * 2 ** (attempt - 1))), this.abortController);
      }
    }
  }
}` }] }],
    },
    {
      // oxlint's disable comment stays on the line it disables too.
      code: `async function connect() {
  // oxlint-disable-next-line no-constant-condition
  for (;;) {
    try {
      return await open();
    } catch (err) {
      await sleep(200);
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(3, 3, 'for'), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 200 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function connect() {
  let attempt = 0;
  // oxlint-disable-next-line no-constant-condition
  for (;;) {
    try {
      return await open();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(200, Math.random() * Math.min(10000, 200 * 2 ** (attempt - 1))));
    }
  }
}` }] }],
    },
    {
      // Two retry loops in one function get two counters (the codemod applies both suggestions in one pass).
      code: `async function start() {
  while (true) {
    try {
      await db.connect();
      break;
    } catch (err) {
      await sleep(1000);
    }
  }
  while (true) {
    try {
      return await queue.connect();
    } catch (err) {
      await sleep(1000);
    }
  }
}`,
      errors: [
        { messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function start() {
  let attempt = 0;
  while (true) {
    try {
      await db.connect();
      break;
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
  while (true) {
    try {
      return await queue.connect();
    } catch (err) {
      await sleep(1000);
    }
  }
}` }] },
        { messageId: 'unboundedLoop', ...loopAt(10, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `failedAttempts`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function start() {
  while (true) {
    try {
      await db.connect();
      break;
    } catch (err) {
      await sleep(1000);
    }
  }
  let failedAttempts = 0;
  while (true) {
    try {
      return await queue.connect();
    } catch (err) {
      failedAttempts++;
      if (failedAttempts >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (failedAttempts - 1))));
    }
  }
}` }] },
      ],
    },
    {
      // An event handler: nobody awaits it, so the last failure is not rethrown (an unhandled rejection would end the
      // process); the retry stops and the catch's own log reports the failure.
      code: `emitter.on('job', async (job) => {
  while (true) {
    try {
      await handle(job);
      return;
    } catch (err) {
      logger.error(err);
      await sleep(1000);
    }
  }
});`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts stop retrying (return; the catch already reports the failure); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `emitter.on('job', async (job) => {
  let attempt = 0;
  while (true) {
    try {
      await handle(job);
      return;
    } catch (err) {
      logger.error(err);
      attempt++;
      if (attempt >= 5) return;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
});` }] }],
    },
    {
      // A timer callback whose catch does not report the error: no rethrow, no silent stop, no suggestion.
      code: `setTimeout(async () => {
  while (true) {
    try {
      await flush();
      return;
    } catch {
      await sleep(1000);
    }
  }
}, 0);`,
      errors: [
        {
          messageId: 'unboundedLoop',
          ...loopAt(2, 3),
          data: {
            noFix: ' No quick fix: nobody awaits this function (an event handler, a timer callback or an unawaited promise), so rethrowing the last error would crash the process, and its catch does not report the error so it could stop quietly.',
          },
          suggestions: [],
        },
      ],
    },
    {
      // An existing counter counted after the wait: the limit goes after its increment, so 5 attempts stay 5.
      code: `async function load(url) {
  let retries = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(500);
      retries++;
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(3, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures with the existing `retries`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 500 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function load(url) {
  let retries = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** retries)));
      retries++;
      if (retries >= 5) throw err;
    }
  }
}` }] }],
    },
    {
      // A long constant pause (a 60 s rate-limit window) still grows: the cap is the pause x 2^(maxAttempts-1), not maxDelayMs.
      code: `async function sync() {
  while (true) {
    try {
      return await api.sync();
    } catch (err) {
      await sleep(60000);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          ...loopAt(2, 3),
          suggestions: [
            {
              messageId: 'boundRetry',
              data: {
                description:
                  'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 60000 ms (never shorter than before) up to 960000 ms, keeping it where it is.',
              },
              output: `async function sync() {
  let attempt = 0;
  while (true) {
    try {
      return await api.sync();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(60000, Math.random() * Math.min(960000, 60000 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A test of the error is not a report of it: inside a promise executor nobody awaits, no suggestion.
      code: `function connect() {
  return new Promise(async (resolve) => {
    while (true) {
      try {
        resolve(await open());
        return;
      } catch (err) {
        if (isFatal(err)) return;
        await sleep(1000);
      }
    }
  });
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          ...loopAt(3, 5),
          data: {
            noFix: ' No quick fix: nobody awaits this function (an event handler, a timer callback or an unawaited promise), so rethrowing the last error would crash the process, and its catch does not report the error so it could stop quietly.',
          },
          suggestions: [],
        },
      ],
    },
    {
      // No semicolons: the last inserted statement ends with one where the next line starts with \`(\`.
      code: `async function connect() {
  while (true) {
    try {
      return await open()
    } catch (err) {
      log(err)
      ;(await sleep(1000))
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function connect() {
  let attempt = 0
  while (true) {
    try {
      return await open()
    } catch (err) {
      log(err)
      attempt++
      if (attempt >= 5) throw err
      ;(await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1)))))
    }
  }
}` }] }],
    },
    {
      // No semicolons, and a line starting with \`(\` right after the insertion: the inserted throw ends with \`;\`.
      code: `async function connect() {
  while (true) {
    try {
      return await open()
    } catch (err) {
      (await sleep(1000))
    }
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function connect() {
  let attempt = 0
  while (true) {
    try {
      return await open()
    } catch (err) {
      attempt++
      if (attempt >= 5) throw err;
      (await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1)))))
    }
  }
}` }] }],
    },
    {
      // A wait after the try that also paces a result that is not ready is kept (and grows from its old length).
      code: `async function waitReady(url) {
  while (true) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch (err) {
      log(err);
    }
    await sleep(2000);
  }
}`,
      errors: [{ messageId: 'unboundedLoop', ...loopAt(2, 3), suggestions: [{ messageId: 'boundRetry', data: { description: 'Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is.' }, output: `async function waitReady(url) {
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch (err) {
      log(err);
      attempt++;
      if (attempt >= 5) throw err;
    }
    await sleep(Math.max(2000, Math.random() * Math.min(10000, 2000 * 2 ** (attempt - 1))));
  }
}` }] }],
    },
    {
      // cockatiel: an explicit Infinity becomes the limit, and the backoff comes in the same edit.
      code: `import { handleAll, retry } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: Infinity });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 63,
          suggestions: [{ messageId: 'setLibraryLimit', data: { description: 'Set maxAttempts: 5 and backoff: new ExponentialBackoff().' }, output: `import { handleAll, retry, ExponentialBackoff } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });` }],
        },
      ],
    },
  ],
});

describe('no-unbounded-retry options', () => {
  const lint = (options: Record<string, unknown>) =>
    new Linter({ configType: 'flat' }).verify('while (true) {}', [
      { plugins: { resilience: { rules: { 'no-unbounded-retry': ruleModule as never } } }, rules: { 'resilience/no-unbounded-retry': ['error', options] } },
    ]);
  it('rejects delays above the timer limit (2^31-1 ms)', () => {
    expect(() => lint({ maxDelayMs: 2 ** 31 })).toThrow('Value 2147483648 should be <= 2147483647');
    expect(() => lint({ baseDelayMs: 2 ** 31 })).toThrow('Value 2147483648 should be <= 2147483647');
    expect(() => lint({ maxDelayMs: 2 ** 31 - 1 })).not.toThrow();
  });
  it('rejects an attempt limit the rule itself calls unbounded', () => {
    expect(() => lint({ maxAttempts: 1000 })).toThrow('no-unbounded-retry: maxAttempts (1000) must be below unboundedAbove (1000)');
    expect(() => lint({ maxAttempts: 20, unboundedAbove: 10 })).toThrow('maxAttempts (20) must be below unboundedAbove (10)');
    expect(() => lint({ maxAttempts: 999 })).not.toThrow();
  });
});

describe('no-unbounded-retry: a disable comment stays on the line it disables', () => {
  it('the counter goes above `// eslint-disable-next-line`', () => {
    const code = `async function connect() {
  // eslint-disable-next-line no-constant-condition
  while (true) {
    try {
      return await open();
    } catch (err) {
      await sleep(200);
    }
  }
}`;
    const messages = new Linter({ configType: 'flat' }).verify(code, [
      {
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { resilience: { rules: { 'no-unbounded-retry': ruleModule as never } } },
        rules: { 'resilience/no-unbounded-retry': 'error' },
      },
    ]);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['resilience/no-unbounded-retry', 3, 3]]);
    const fix = messages[0]!.suggestions![0]!.fix;
    expect(code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])).toBe(`async function connect() {
  let attempt = 0;
  // eslint-disable-next-line no-constant-condition
  while (true) {
    try {
      return await open();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(200, Math.random() * Math.min(10000, 200 * 2 ** (attempt - 1))));
    }
  }
}`);
  });
});

// Issue 12, causes of false positives seen on real code (recursion, reconnects, the library table, messages).
ruleTester.run('no-unbounded-retry: real-code look-alikes and misses', rule, {
  valid: [
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.lookAlikes,
    // Trap (graphql-ws): the failure path hands the error to a helper that throws it once an attempt counter (moved in connect) reaches the limit.
    `function createClient(url, retryAttempts) {
  let retries = 0;
  function connect() {
    retries++;
    return openSync(url);
  }
  function shouldRetryConnectOrThrow(err) {
    if (!retryAttempts || retries >= retryAttempts) throw err;
    return true;
  }
  function subscribe() {
    for (;;) {
      try {
        return connect();
      } catch (err) {
        if (!shouldRetryConnectOrThrow(err)) return;
      }
    }
  }
  return { subscribe };
}`,
    // Bounded: an attempt limit in a helper of the chain.
    `class Client extends EventEmitter {
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
    // allowUnboundedWithBackoff: the chain's wait doubles up to a cap.
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
    // Trap (pino): a local `const stringify` inside `function stringify` is another function, not recursion.
    `function stringify(obj, stringifySafeFn) {
  try {
    return JSON.stringify(obj);
  } catch (_) {
    const stringify = stringifySafeFn || this[stringifySafeSym];
    return stringify(obj);
  }
}`,
    // Trap: the same with a \`var\` of the function's name in its body.
    `function load(url) {
  var load = fallbackLoader;
  try {
    return fetch(url);
  } catch (_) {
    return load(url);
  }
}`,
    // Trap (mongoose): a function that drains a queue moves on to the next item from its catch.
    `function create() {
  const index = indexes.shift();
  if (!index) return done();
  try {
    model.collection.createIndex(index);
  } catch (err) {
    indexError = err;
    create();
    return;
  }
}`,
    // Trap (mqtt): 'end' of a readable stream; the function opens no connection.
    `function startStreamProcess() {
  const outStore = store.createStream();
  outStore.on('end', () => {
    if (!allProcessed) startStreamProcess();
  });
  deliver(outStore);
}`,
    // Trap: \`disconnect\`, \`onconnect\`, \`_handleConnected\` open no connection.
    `function watch() {
  client.disconnect();
  client.onconnect = () => handleConnected();
  client.on('end', () => setTimeout(watch, 1000));
}`,
    // Trap: restarting a child process on 'close' is not a reconnect.
    `function startWorker() {
  const child = spawn('node', ['worker.js']);
  child.on('close', () => setTimeout(startWorker, 1000));
}`,
    // Trap (mongodb OIDC): the failure path removes the cached token that guards the branch: one re-attempt.
    `class Workflow {
  async execute(connection) {
    if (this.cache.hasAccessToken) {
      try {
        return await this.finish(connection, this.cache.getAccessToken());
      } catch (error) {
        if (error.code === 18) {
          this.cache.removeAccessToken();
          return await this.execute(connection);
        }
        throw error;
      }
    }
    const token = await this.fetchAccessToken();
    this.cache.put(token);
    await this.finish(connection, token);
  }
}`,
    // Trap: the same with a keyed cache (\`has(key)\` used up by \`delete(key)\`).
    `function load(key) {
  if (tokens.has(key)) {
    return send(tokens.get(key)).catch(() => {
      tokens.delete(key);
      return load(key);
    });
  }
  return login().then((token) => send(token));
}`,
    // Trap (@node-red/runtime): one fallback with a different, checked argument.
    `function getEntry(type, path) {
  return readEntry(path).catch(function (err) {
    if (type === 'flows' && !/\\.json$/.test(path)) {
      return getEntry(type, path + '.json');
    }
    throw err;
  });
}`,
    // Trap (bullmq): an ioredis connection handed to a BullMQ Worker must have maxRetriesPerRequest: null.
    `import IORedis from 'ioredis';
import { Worker } from 'bullmq';
const connection = new IORedis({ maxRetriesPerRequest: null });
const worker = new Worker('q', processJob, { connection });`,
    // Trap (bull): connections made in Bull's createClient hook.
    `const Redis = require('ioredis');
const Queue = require('bull');
const queue = new Queue('q', {
  createClient(type, config) {
    return new Redis({ ...config, maxRetriesPerRequest: null });
  },
});`,
    // Trap (bull's own code): the default createClient.
    `const Redis = require('ioredis');
const createClient = typeof options.createClient === 'function' ? options.createClient : function (type, config) {
  return new Redis({ ...config, maxRetriesPerRequest: null });
};`,
  ],
  invalid: [
    // The same helper with no limit: it throws only fatal errors, the loop retries the rest forever.
    {
      code: `function createClient(url, retryAttempts) {
  let retries = 0;
  function connect() {
    retries++;
    return openSync(url);
  }
  function shouldRetryConnectOrThrow(err) {
    if (err.fatal) throw err;
    return true;
  }
  function subscribe() {
    for (;;) {
      try {
        return connect();
      } catch (err) {
        if (!shouldRetryConnectOrThrow(err)) return;
      }
    }
  }
  return { subscribe };
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 8,
          data: { noFix: ' No quick fix: sync function, nothing to await between attempts.' },
        },
      ],
    },
    // The same chain that keeps the failed transport: the 'error' handler re-opens forever.
    {
      code: `class Socket extends Emitter {
  _open() {
    const transport = this.createTransport(this.transports[0]);
    transport.open();
    this.setTransport(transport);
  }
  setTransport(transport) {
    this.transport = transport;
    transport.on('error', this._onError.bind(this));
  }
  _onError(err) {
    if (this.transports.length > 1 && this.readyState === 'opening') {
      return this._open();
    }
    this.emitReserved('error', err);
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 26,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'error' },
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
          messageId: 'unboundedReconnect',
          line: 22,
          column: 29,
          endLine: 24,
          endColumn: 39,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // Miss closed: a 'close' handler in connect() reaches the timer through two helpers, the last passing connect itself.
    {
      code: `class Client {
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => this.onClose());
  }
  onClose() {
    this.ready = false;
    this.scheduleReconnect();
  }
  scheduleReconnect() {
    setTimeout(this.connect.bind(this), 3000);
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 46,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // The fast branch uses up its flag; the other branch reconnects forever.
    {
      code: `function setupClient() {
  const client = net.connect(port, host);
  client.on('data', () => { end = true; });
  client.on('close', () => {
    if (end) {
      end = false;
      setTimeout(setupClient, 20);
    } else {
      setTimeout(setupClient, reconnectTime);
    }
  });
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 45,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // A flag re-armed on every run is not used up.
    {
      code: `function connect() {
  retrying = true;
  const socket = net.connect(port);
  socket.on('close', () => {
    if (retrying) {
      retrying = false;
      setTimeout(connect, 1000);
    }
  });
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 32,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // A queue item put back on failure is retried.
    {
      code: `function send() {
  const msg = pending.shift();
  if (!msg) return;
  post(msg).catch(() => {
    pending.unshift(msg);
    setTimeout(send, 1000);
  });
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 27,
          data: { noFix: ' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.', name: 'send' },
          suggestions: [],
        },
      ],
    },
    // Miss closed: a function assigned to a member reconnects like a declared one.
    {
      code: `function TcpNode(config) {
  const node = this;
  node.connect = function () {
    const client = net.connect(config.port, config.host);
    client.on('close', () => {
      setTimeout(() => node.connect(), 3000);
    });
  };
  node.connect();
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 45,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // Miss closed: a reconnect reached through a helper method.
    {
      code: `class Client {
  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('close', () => this.scheduleReconnect());
  }
  scheduleReconnect() {
    setTimeout(() => this.connect(), 1000);
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 43,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // A review found it: the re-run function is a named function expression called by its variable's name (connect, not openSocket).
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
          messageId: 'unboundedReconnect',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 36,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // Miss closed: the helper is the handler itself (\`on('close', this.onClose.bind(this))\`).
    {
      code: `class Client {
  connect() {
    this.socket = net.connect(this.port);
    this.socket.on('close', this.onClose.bind(this));
  }
  onClose() {
    setTimeout(() => this.connect(), 1000);
  }
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 43,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // Miss closed: a reconnect by setInterval.
    {
      code: `function connect() {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => clearInterval(retryTimer));
  socket.addEventListener('close', () => {
    retryTimer = setInterval(connect, 5000);
  });
}`,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 44,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
    // A promise chain the function returns does have a caller: the no-fix reason says why there is no rewrite instead.
    {
      code: `export function load(url) {
  return fetch(url).catch(() => load(url));
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 42,
          data: { noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.', name: 'load' },
          suggestions: [],
        },
      ],
    },
    {
      code: `function load(url) {
  return fetch(url).catch(async (err) => {
    await log(err);
    return load(url);
  });
}`,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 21,
          data: { noFix: ' No quick fix: the .catch handler is async or does not simply return the retry, which the rewrite needs.', name: 'load' },
          suggestions: [],
        },
      ],
    },
    // `?? Infinity` is no limit.
    {
      code: `import pRetry from 'p-retry';
await pRetry(run, { retries: options.retries ?? Infinity });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 57,
          data: { library: 'p-retry', option: 'retries (falling back to Infinity)', attempts: 'retries', noFix: '' },
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              output: `import pRetry from 'p-retry';
await pRetry(run, { retries: 4 });`,
            },
          ],
        },
      ],
    },
    // ioredis on its own: maxRetriesPerRequest: null is still reported, with the option named (never rewritten: it may be handed to BullMQ elsewhere).
    {
      code: `import Redis from 'ioredis';
import { Queue } from 'bullmq';
const cache = new Redis({ maxRetriesPerRequest: null });
const queue = new Queue('q', { connection: other });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 53,
          data: { library: 'ioredis', option: 'maxRetriesPerRequest: null', attempts: 'retries', noFix: ' No quick fix: maxRetriesPerRequest: null is what BullMQ requires of the connections it is given, so a limit is a decision for a person.' },
          suggestions: [],
        },
      ],
    },
    // Used inside a job processor is not handed to BullMQ.
    {
      code: `import Redis from 'ioredis';
import { Worker } from 'bullmq';
const cache = new Redis({ maxRetriesPerRequest: null });
new Worker('q', async (job) => cache.get(job.id), { connection });`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 53,
          data: { library: 'ioredis', option: 'maxRetriesPerRequest: null', attempts: 'retries', noFix: ' No quick fix: maxRetriesPerRequest: null is what BullMQ requires of the connections it is given, so a limit is a decision for a person.' },
          suggestions: [],
        },
      ],
    },
    // A whole function is named, not pasted.
    {
      code: `import Redis from 'ioredis';
const redis = new Redis({
  reconnectOnError(err) {
    if (err.message.includes('READONLY')) {
      return true;
    }
    return 1;
  },
});`,
      errors: [
        {
          messageId: 'unboundedLibraryOption',
          line: 3,
          column: 3,
          endLine: 8,
          endColumn: 4,
          data: { library: 'ioredis', option: 'reconnectOnError', attempts: 'reconnects', noFix: ' No quick fix: which error replies should reconnect is a decision for a person.' },
          suggestions: [],
        },
      ],
    },
  ],
});

// Precision on the real-code ledger (issue 12): error sorting, stored waits, exhaustion, local targets; each silence with a twin that is still reported.
ruleTester.run('no-unbounded-retry: sorted errors, stored waits, exhaustion, local targets', rule, {
  valid: [
    {
      // Trap (real code): with allowUnboundedWithBackoff (recommended), a retry that continues only for connection errors and waits between attempts.
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
      // Trap (real code): bounded by exhaustion: each pass takes a server, the loop throws when none is left, and failures remove servers.
      code: `async function dialLoop() {
  let lastError;
  while (true) {
    const srv = this.selectServer();
    if (!srv || this.abortReconnect) {
      throw lastError;
    }
    if (srv.lastConnect === 0) {
      try {
        await this.dial(srv);
        break;
      } catch (err) {
        lastError = err;
        srv.reconnects++;
        if (srv.reconnects >= max) this.servers.removeCurrentServer();
      }
    } else {
      await delay(wait);
    }
  }
}`,
      options: [{"allowUnboundedWithBackoff": false}],
    },
    {
      // Trap: trying mirrors taken off a list until none is left.
      code: `async function download(mirrors) {
  while (true) {
    const url = mirrors.shift();
    if (!url) throw new Error('no mirror left');
    try {
      return await fetch(url);
    } catch (err) {
      log(err);
    }
  }
}`,
    },
    {
      // Trap (real code): a reconnect to the local machine (a literal loopback URL).
      code: `function connect() {
  const ws = new WebSocket('ws://127.0.0.1:8080/feed');
  ws.onclose = () => setTimeout(connect, 1000);
}`,
      options: [{"allowUnboundedWithBackoff": false}],
    },
  ],
  invalid: [
    {
      // Twin: strict (allowUnboundedWithBackoff: false) reports any endless retry.
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
      options: [{"allowUnboundedWithBackoff": false}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 5,
          data: {'noFix':' No quick fix: the loop already counts its attempts against `maxRetries`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and a second counter would override the callers who pass one.'},
          suggestions: [],
        },
      ],
    },
    {
      // The bound goes on the retrying branch of the error sorting, before its wait: the last failure is rethrown without waiting.
      code: `async function retryIfFailed(fn, opts) {
  while (true) {
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
  }
}`,
      options: [{"allowUnboundedWithBackoff": false}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function retryIfFailed(fn, opts) {
  let attempt = 0;
  while (true) {
    try {
      return await fn();
    } catch (err) {
      if (isNotConnectionError(err)) {
        this.emit('error', err);
        throw err;
      } else {
        attempt++;
        if (attempt >= 5) throw err;
        await this.delay(Math.max(opts.delayInMs, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, opts.delayInMs * 16)), opts.delayInMs * 2 ** (attempt - 1))));
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
      // \`|| Infinity\` inline in the loop condition: the existing counter is not doubled by a second one.
      code: `async function poll(fn, max) {
  for (let i = 0; i < (max || Infinity); i++) {
    try {
      return await fn();
    } catch (err) {
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: the loop already counts its attempts against `max || Infinity`, which is unbounded when the option is not given (it falls back to Infinity); choosing a finite default is a decision for a person, and a second counter would override the callers who pass one.'},
          suggestions: [],
        },
      ],
    },
    {
      // Twin: a sorted retry that never waits is the incident: reported.
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
      // Twin: a server that is never removed keeps being selected: reported.
      code: `async function dialLoop() {
  let lastError;
  while (true) {
    const srv = this.selectServer();
    if (!srv || this.abortReconnect) {
      throw lastError;
    }
    if (srv.lastConnect === 0) {
      try {
        await this.dial(srv);
        break;
      } catch (err) {
        lastError = err;
        srv.reconnects++;
      }
    } else {
      await delay(wait);
    }
  }
}`,
      options: [{"allowUnboundedWithBackoff": false}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function dialLoop() {
  let lastError;
  let attempt = 0;
  while (true) {
    const srv = this.selectServer();
    if (!srv || this.abortReconnect) {
      throw lastError;
    }
    if (srv.lastConnect === 0) {
      try {
        await this.dial(srv);
        break;
      } catch (err) {
        lastError = err;
        srv.reconnects++;
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    } else {
      await delay(wait);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: the failed mirror is put back: reported.
      code: `async function download(mirrors) {
  while (true) {
    const url = mirrors.shift();
    if (!url) throw new Error('no mirror left');
    try {
      return await fetch(url);
    } catch (err) {
      mirrors.push(url);
    }
  }
}`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `async function download(mirrors) {
  let attempt = 0;
  while (true) {
    const url = mirrors.shift();
    if (!url) throw new Error('no mirror left');
    try {
      return await fetch(url);
    } catch (err) {
      mirrors.push(url);
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
      // Twin: the same reconnect to a remote URL is reported.
      code: `function connect() {
  const ws = new WebSocket('wss://feed.example.com/feed');
  ws.onclose = () => setTimeout(connect, 1000);
}`,
      options: [{"allowUnboundedWithBackoff": false}],
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
  ],
});

jsRuleTester.run('no-unbounded-retry: this aliases, global timers, response callbacks (not followed)', rule, {
  valid: [
    // Trap: \`self.connect()\` through an alias is the re-run itself, not a call that opens a connection; connect() opens none.
    `class Client {
  connect() {
    const self = this;
    this.sock.on('error', function () { global.setTimeout(function () { self.connect(); }, 5000); });
  }
}`,
    // A response callback's failure branch is not followed (see the trap below), bounded or not.
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
          messageId: 'unboundedReconnect',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 68,
          data: { noFix: ' No quick fix: a reconnect handler has no caller to report the last failure to.', event: 'close' },
          suggestions: [],
        },
      ],
    },
  ],
});

// Issue #12, second ledger batch (tedious): a streaming reader that waits for more input is not a retry, and an error
// object named for a connection (`new ConnectionError(...)`) opens no connection.
ruleTester.run('no-unbounded-retry: streaming readers and error objects', rule, {
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'boundRetry', output: `async function readFrame(reader) {
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'boundRetry', output: `async function readFrame(reader) {
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'boundRetry', output: `async function readFrame(reader) {
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'boundRetry', output: `async function readHeader(parser) {
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
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'boundRetry', output: `async function readClaims(session) {
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
          messageId: 'unboundedReconnect',
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
ruleTester.run('no-unbounded-retry: hosts tried in turn from a query plan, a retry policy that says stop', rule, {
  valid: [
    // The cases both retry rules leave alone: test/rules/retry-shared-valid.ts.
    ...sharedValid.queryPlans,
    {
      // Trap (real code): hosts tried in turn: each pass takes the next host of a query plan made before the loop (`iterator.next()`), and the loop throws when the plan is done.
      code: `function nextConnection(plan, tried) {
  const iterator = plan.hosts();
  while (true) {
    const item = iterator.next();
    if (item.done) {
      throw new NoHostAvailableError(tried);
    }
    const host = item.value;
    try {
      return host.borrowConnection();
    } catch (err) {
      tried[host.address] = err;
    }
  }
}`,
      options: [{ allowUnboundedWithBackoff: false }],
    },
    {
      // Trap (real code): hosts tried in turn through a static helper of the class that steps the query plan and returns null when it is done; the loop throws on null.
      code: `class Preparer {
  static nextHost(iterator) {
    while (true) {
      const item = iterator.next();
      if (item.done) return null;
      if (item.value.isUp()) return item.value;
    }
  }

  async prepare(iterator, query) {
    const tried = {};
    while (true) {
      const host = Preparer.nextHost(iterator);
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
      options: [{ allowUnboundedWithBackoff: false }],
    },
    {
      // Trap (real code): contact points tried in turn: a method of the class takes the next one from an iterator made before the loop and throws when none is left.
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
    const contactPoints = shuffle(this.contactPoints)[Symbol.iterator]();
    while (true) {
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
      options: [{ allowUnboundedWithBackoff: false }],
    },
    {
      // Trap (real code): a re-run that takes the next host of the query plan it keeps (`this.hostIterator`, through a method that throws when the plan is done, outside the try that re-runs): hosts tried in turn, as is the helper's own loop.
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
    } catch (err) {
      return this.fail(err);
    }
    try {
      await connection.changeKeyspace(this.keyspace);
    } catch (err) {
      this.tried[host.address] = err;
      return this.startExecution();
    }
    connection.send(this.request);
  }
}`,
      options: [{ allowUnboundedWithBackoff: false }],
    },
    {
      // Trap (real code): a re-run that passes its query plan on (`this.refresh(hostIterator)`), each run taking the next host through a method that throws when the plan is done.
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
      return this.refresh(hostIterator);
    }
  }
}`,
      options: [{ allowUnboundedWithBackoff: false }],
    },
    {
      // Trap (real code, strict): a reconnect whose every attempt asks a retry policy, ended when the policy answers null (`while (nextDelay !== null)`): how long it goes on is the policy's decision.
      code: `class HubConnection {
  constructor(private connection: Connection, private reconnectPolicy?: RetryPolicy) {
    this.connection.onclose = (error?: Error) => this.connectionClosed(error);
  }

  private connectionClosed(error?: Error) {
    if (this.state === 'connected' && this.reconnectPolicy) {
      this.reconnect(error);
    }
  }

  private async reconnect(error?: Error) {
    const started = Date.now();
    let attempts = 0;
    let nextDelay = this.reconnectPolicy!.nextRetryDelayInMilliseconds({ attempts, error });
    if (nextDelay === null) {
      this.completeClose(error);
      return;
    }
    this.state = 'reconnecting';
    while (nextDelay !== null) {
      await new Promise((resolve) => setTimeout(resolve, nextDelay!));
      try {
        await this.connection.start();
        this.state = 'connected';
        return;
      } catch (e) {
        attempts++;
        nextDelay = this.reconnectPolicy!.nextRetryDelayInMilliseconds({ attempts, elapsed: Date.now() - started, error: e as Error });
      }
    }
    this.completeClose();
  }
}`,
      options: [{ allowUnboundedWithBackoff: false }],
    },
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
      options: [{ allowUnboundedWithBackoff: false }],
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
      options: [{ allowUnboundedWithBackoff: false }],
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
      options: [{ allowUnboundedWithBackoff: false }],
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
      options: [{ allowUnboundedWithBackoff: false }],
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
      options: [{ allowUnboundedWithBackoff: false }],
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
          messageId: 'unboundedLoop',
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
          messageId: 'unboundedLoop',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedLoop',
          line: 19,
          column: 5,
          endLine: 19,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedRecursion',
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
          messageId: 'unboundedRecursion',
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
          messageId: 'unboundedRecursion',
          line: 24,
          column: 14,
          endLine: 24,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      // Twin (strict): a schedule read as `schedule.next().value`, whose end is never checked, keeps the reconnect going: reported.
      code: `class ControlConnection {
  constructor(private connection: Connection, private reconnectionPolicy: ReconnectionPolicy) {
    this.connection.onclose = (error?: Error) => this.connectionClosed(error);
    this.schedule = this.reconnectionPolicy.newSchedule();
  }

  private connectionClosed(error?: Error) {
    if (this.state === 'connected') {
      this.reconnect(error);
    }
  }

  private async reconnect(error?: Error) {
    let nextDelay = this.schedule.next().value;
    this.state = 'reconnecting';
    while (this.state === 'reconnecting') {
      await new Promise((resolve) => setTimeout(resolve, nextDelay));
      try {
        await this.connection.start();
        this.state = 'connected';
        return;
      } catch (e) {
        nextDelay = this.schedule.next().value;
      }
    }
  }
}`,
      options: [{ allowUnboundedWithBackoff: false }],
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          suggestions: [],
        },
        {
          messageId: 'unboundedLoop',
          line: 16,
          column: 5,
          endLine: 16,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `class ControlConnection {
  constructor(private connection: Connection, private reconnectionPolicy: ReconnectionPolicy) {
    this.connection.onclose = (error?: Error) => this.connectionClosed(error);
    this.schedule = this.reconnectionPolicy.newSchedule();
  }

  private connectionClosed(error?: Error) {
    if (this.state === 'connected') {
      this.reconnect(error);
    }
  }

  private async reconnect(error?: Error) {
    let nextDelay = this.schedule.next().value;
    this.state = 'reconnecting';
    let attempt = 0;
    while (this.state === 'reconnecting') {
      await new Promise((resolve) => setTimeout(resolve, nextDelay));
      try {
        await this.connection.start();
        this.state = 'connected';
        return;
      } catch (e) {
        nextDelay = this.schedule.next().value;
        attempt++;
        if (attempt >= 5) throw e;
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
          messageId: 'unboundedLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
      options: [{ allowUnboundedWithBackoff: false }],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
      options: [{ allowUnboundedWithBackoff: false }],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
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
          messageId: 'unboundedRecursion',
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
      options: [{ allowUnboundedWithBackoff: false }],
      errors: [
        {
          messageId: 'unboundedRecursion',
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
          messageId: 'unboundedRecursion',
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
      options: [{ allowUnboundedWithBackoff: false }],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 26,
          column: 14,
          endLine: 26,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // Twin (strict): the policy is a method of the class that never answers null (`return 1000;`), so `while (nextDelay !== null)` never ends the reconnect: reported.
      code: `class HubConnection {
  constructor(private connection: Connection) {
    this.connection.onclose = (error?: Error) => this.connectionClosed(error);
  }

  private getNextRetryDelay(attempts: number): number | null {
    return 1000;
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
    while (nextDelay !== null) {
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
      options: [{ allowUnboundedWithBackoff: false }],
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
  ],
});
