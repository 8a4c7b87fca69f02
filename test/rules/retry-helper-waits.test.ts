/**
 * A retry loop that waits through a helper of the file (`await
 * this.timer(seconds)`, `await hold(ms)`, an attempt that waits first):
 * judged by that wait, the same reading the recursion finder uses. Both retry
 * rules, with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (typesense ApiCall): the loop waits through `this.timer(seconds)`, a method of the file that hands back a
  // timer of `seconds * 1000`: the setting passed, a constant wait in seconds (strict: reportBounded); kept as it is.
  typesenseSeconds: `export class ApiCall {
  constructor(configuration) {
    this.numRetriesPerRequest = configuration.numRetries;
    this.retryIntervalSeconds = configuration.retryIntervalSeconds;
  }

  async performRequest(endpoint) {
    let lastException;
    for (let numTries = 1; numTries <= this.numRetriesPerRequest + 1; numTries++) {
      const node = this.getNextNode();
      try {
        return await axios({ url: this.uriFor(endpoint, node), timeout: 5000 });
      } catch (error) {
        lastException = error;
        if (numTries >= this.numRetriesPerRequest + 1) return Promise.reject(lastException);
        await this.timer(this.retryIntervalSeconds);
      }
    }
  }

  async timer(seconds) {
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}`,
  // An arrow helper that only waits (`hold(1000)`): a constant wait of the retry; the limit goes before it and the wait
  // grows in place.
  arrowHelper: `const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchReport(client, id) {
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      await hold(1000);
    }
  }
}`,
  // Twin: the helper is passed a growing, jittered wait: backoff.
  arrowHelperGrowing: `const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchReport(client, id) {
  let failures = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      failures++;
      await hold(Math.random() * Math.min(30000, 1000 * 2 ** failures));
    }
  }
}`,
  // Twin: a helper that records a metric, then waits: its call stays where it is and the limit goes after it.
  helperDoesMore: `async function recordFailure(error) {
  metrics.increment('report.retry');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

export async function fetchReport(client, id) {
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      await recordFailure(error);
    }
  }
}`,
  // The attempt itself waits 500 ms before it connects: a constant wait between attempts, not "does not wait".
  attemptWaits: `async function connectOnce(url) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return openSocket(url);
}

export async function connect(url) {
  while (true) {
    try {
      return await connectOnce(url);
    } catch (error) {
      console.warn('connect failed', error);
    }
  }
}`,
  // Review: a helper that races the attempt against a timeout makes no wait (a fast failure settles the race at once).
  raceHelper: `const withTimeout = (promise, ms) => Promise.race([promise, timeout(ms)]);

export async function connect(client) {
  while (true) {
    try {
      return await withTimeout(client.connect(), 5000);
    } catch (error) {
      console.warn('connect failed', error);
    }
  }
}`,
  // Review: the attempt helper waits only after its request, which fails first: no wait between attempts.
  waitAfterRequest: `async function fetchPage(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  await sleep(1000);
  return res.text();
}

export async function crawl(url) {
  while (true) {
    try {
      return await fetchPage(url);
    } catch (error) {
      console.warn('fetch failed', error);
    }
  }
}`,
  // Review: a delay taken out of the argument object (`hold({ ms: delay })`, doubled by the catch) is not judged here.
  destructuredDelay: `const hold = ({ ms }) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(client) {
  let delay = 500;
  while (true) {
    try {
      return await client.connect();
    } catch (error) {
      await hold({ ms: delay });
      delay = Math.min(delay * 2, 30000);
    }
  }
}`,
  // Review: the helper waits `this.reconnectDelay`, which the catch doubles up to 30 s: backoff.
  growingProperty: `export class Reconnector {
  constructor() {
    this.reconnectDelay = 1000;
  }

  waitBeforeReconnect() {
    return new Promise((resolve) => setTimeout(resolve, this.reconnectDelay));
  }

  async run() {
    while (true) {
      try {
        return await this.connect();
      } catch (error) {
        await this.waitBeforeReconnect();
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, 30000);
      }
    }
  }
}`,
  // Twin: nothing grows `this.reconnectDelay`: a constant wait, kept as it is (the delay is the helper's own).
  constantProperty: `export class Reconnector {
  constructor() {
    this.reconnectDelay = 1000;
  }

  waitBeforeReconnect() {
    return new Promise((resolve) => setTimeout(resolve, this.reconnectDelay));
  }

  async run() {
    while (true) {
      try {
        return await this.connect();
      } catch (error) {
        await this.waitBeforeReconnect();
      }
    }
  }
}`,
  // Review: a request wrapper whose timer destroys the request (`setTimeout(() => req.destroy(...), ms)`) makes no wait.
  timeoutWrapper: `const https = require('https');
function getJson(url, opts) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    setTimeout(() => req.destroy(new Error('request timed out')), opts.timeout);
  });
}
async function waitForService(url) {
  for (;;) {
    try {
      return await getJson(url, { timeout: 2000 });
    } catch (err) {
      console.error('service not up yet', err.message);
    }
  }
}
module.exports = { waitForService };`,
  // Review: a sleep raced against a close (`Promise.race([sleep(5000), this.closed])`) is a wait of at most 5 s.
  raceSleepOrClose: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Subscriber {
  constructor() {
    this.closed = new Promise((resolve) => { this.close = resolve; });
  }
  async settle() {
    await Promise.race([sleep(5000), this.closed]);
  }
  async subscribe() {
    try {
      return await this.open();
    } catch (err) {
      await this.settle();
      return this.subscribe();
    }
  }
}`,
  // Review: `const ms = seconds * 1000` in the helper: the passed, capped doubling value is the wait (backoff).
  secondsLocal: `async function holdSeconds(seconds) {
  const ms = seconds * 1000;
  await new Promise((resolve) => setTimeout(resolve, ms));
}
export async function connect(client) {
  let failures = 0;
  while (true) {
    try {
      return await client.connect();
    } catch (err) {
      failures++;
      await holdSeconds(Math.min(2 ** failures, 60));
    }
  }
}`,
  // Review: the helper waits one of two ways by a branch (`return sleep(longer)` first): not judged.
  branchWaits: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Client {
  holdOff() {
    if (this.failures > 1) return sleep(Math.min(30000, 500 * 2 ** this.failures));
    return sleep(500);
  }
  async poll(url) {
    for (;;) {
      try {
        const res = await this.get(url);
        this.failures = 0;
        return res;
      } catch (err) {
        this.failures++;
        await this.holdOff();
      }
    }
  }
}`,
  // Review: `if (ms <= 0) return;` before the wait of an async helper leaves only when there is nothing to wait for.
  asyncZeroGuard: `async function hold(ms) {
  if (ms <= 0) return;
  await new Promise((r) => setTimeout(r, ms));
}
async function load(url) {
  try {
    return await fetchIt(url);
  } catch (e) {
    await hold(2000);
    return load(url);
  }
}
export async function poll(client) {
  while (true) {
    try {
      return await client.get();
    } catch (err) {
      await hold(2000);
    }
  }
}`,
  // Review: the helper waits its own `const delay = 1000`; the loop doubling a `delay` of its own does not grow it.
  helperLocalNamesake: `async function hold() {
  const delay = 1000;
  await new Promise((r) => setTimeout(r, delay));
}
export async function connect(client) {
  let delay = 100;
  while (true) {
    try {
      return await client.connect();
    } catch (err) {
      console.log(\`retry, next budget \${delay}\`);
      await hold();
      delay *= 2;
    }
  }
}`,
  // Review: a recursive retry whose failure path waits through `hold(2000)`: the rewrite keeps that wait and adds none.
  recursionHelperWait: `function hold(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
async function load(url) {
  try {
    return await fetchIt(url);
  } catch (e) {
    console.warn('load failed, retrying', e);
    await hold(2000);
    return load(url);
  }
}`,
  // Review: an abortable sleep whose timer removes its listener and then resolves is a wait (a timer that resolves on some path).
  abortableSleep: `export async function poll(client, signal) {
  while (true) {
    try {
      return await client.fetch();
    } catch (err) {
      await new Promise((resolve, reject) => {
        const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
        const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, 1000);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
  }
}`,
  // Review: `timeout(ms)` of the file that resolves, raced against a close on the failure path: a wait of at most 5 s.
  raceSleepNamedTimeout: `const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class Client {
  async connect() {
    while (true) {
      try {
        return await this.open();
      } catch (err) {
        console.error(err);
        await Promise.race([this.closed, timeout(5000)]);
      }
    }
  }
}`,
  // Review: a helper that races the attempt against `delay(ms)`, awaited in the try: the attempt's time limit, no wait.
  raceDeadlineInAttempt: `const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function raceDeadline(promise, ms) {
  return Promise.race([promise, delay(ms)]);
}
export async function connect(client) {
  while (true) {
    try {
      const conn = await raceDeadline(client.open(), 5000);
      if (!conn) throw new Error('connect timed out');
      return conn;
    } catch (err) {
      console.error(err);
    }
  }
}`,
  // Review: `let ms = Math.min(100 * 2 ** attempt, 10000)` written once in the helper: the passed, growing count makes it backoff.
  letLocalGrowing: `import { setTimeout as sleep } from 'node:timers/promises';
export class Client {
  async holdOff(attempt) {
    let ms = Math.min(100 * 2 ** attempt, 10000);
    await sleep(ms);
  }
  async connect() {
    let attempt = 0;
    while (true) {
      try {
        return await this.open();
      } catch (err) {
        attempt++;
        await this.holdOff(attempt);
      }
    }
  }
}`,
  // Review: a helper of the file named `sleep` that waits `seconds * 1000`: read by its body (a constant 60 s kept as it is), not by its name as milliseconds.
  sleepNamedSeconds: `const RETRY_SECONDS = 60;
function sleep(seconds) {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
export async function connect(client) {
  while (true) {
    try {
      return await client.open();
    } catch (err) {
      await sleep(RETRY_SECONDS);
    }
  }
}`,
  // Review: `Math.max(0, ms)` in the helper: it waits the value passed (`this.interval`, constant), judged there and kept as it is.
  clampedParam: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
export class Poller {
  constructor(client, { interval = 5000 } = {}) {
    this.client = client;
    this.interval = interval;
  }
  async start() {
    while (true) {
      try {
        return await this.client.connect();
      } catch (err) {
        console.error('connect failed', err);
        await sleep(this.interval);
      }
    }
  }
}`,
  // Review: `ms + Math.random() * 250`: the value passed plus jitter, a random time that never grows.
  jitteredParam: `function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms + Math.random() * 250));
}
export class Consumer {
  constructor(queue, options = {}) {
    this.queue = queue;
    this.retryDelay = options.retryDelay ?? 1000;
  }
  async run() {
    for (;;) {
      try {
        await this.queue.process();
        return;
      } catch (err) {
        console.error('processing failed', err);
        await delay(this.retryDelay);
      }
    }
  }
}`,
  // Review: an abortable backoff raced against an abort at the top of the attempt is a wait (no work in the race).
  raceAtTopOfAttempt: `import { setTimeout as sleep } from 'timers/promises';
export async function poll(fn, signal) {
  let first = true;
  while (true) {
    try {
      if (!first) await Promise.race([sleep(5000), new Promise((r) => signal.addEventListener('abort', r))]);
      first = false;
      return await fn();
    } catch (err) {
      console.warn('retrying', err);
    }
  }
}`,
  // Review: `const { ms } = opts` in the helper: a value taken out of its argument, not judged (the caller doubles it).
  destructuredLocal: `async function pause(opts) {
  const { ms } = opts;
  await new Promise((r) => setTimeout(r, ms));
}
export async function run(task) {
  let delay = 500;
  for (;;) {
    try {
      return await task();
    } catch (err) {
      console.warn('retrying', err);
      await pause({ ms: delay });
      delay = Math.min(delay * 2, 30000);
    }
  }
}`,
  // Review: `Promise.race([client.quit(), timeout(2000)])` in a try of the catch is a time limit on the cleanup, not a wait.
  cleanupRaceInCatch: `import { setTimeout as sleepMs } from 'node:timers/promises';
function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms));
}
export async function subscribe(createClient, onMessage) {
  for (;;) {
    const client = createClient();
    try {
      await client.connect();
      await client.listen(onMessage);
      return;
    } catch (err) {
      console.error('subscription failed', err);
      try {
        await Promise.race([client.quit(), timeout(2000)]);
      } catch {}
    }
  }
}`,
  // Review: a timer whose callback is a local `finish` that resolves is an abortable sleep: a wait (here a growing one).
  namedResolverCallback: `export async function run(task, emitter) {
  let backoff = 1000;
  for (;;) {
    try {
      return await task();
    } catch (err) {
      console.warn('task failed, retrying', err);
      await new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          emitter.off('wake', finish);
          resolve();
        };
        const timer = setTimeout(finish, backoff);
        emitter.once('wake', finish);
      });
      backoff = Math.min(backoff * 2, 30000);
    }
  }
}`,
  // Review: a sleep raced against a stop event (`this.waitForStop()`) inside a try of the catch is a wait of at most 5 s.
  raceAgainstStopInCatch: `import { setTimeout as sleep } from 'node:timers/promises';
export class Poller {
  async run() {
    while (!this.stopped) {
      try {
        await this.client.connect();
        return;
      } catch (err) {
        this.log(err);
        try {
          await Promise.race([sleep(5000), this.waitForStop()]);
        } catch (e) { this.log(e); }
      }
    }
  }
}`,
  // Review: randomness added through a local of the helper (`const j = Math.random() * 250`): not judged.
  jitterThroughLocal: `export class Reconnector {
  async backoff(ms) {
    const j = Math.random() * 250;
    await new Promise((r) => setTimeout(r, ms + j));
  }
  async run() {
    while (true) {
      try { await this.connect(); return; } catch (e) { await this.backoff(this.retryDelay); }
    }
  }
}`,
  // Review: a helper racing `new Promise((r) => setTimeout(r, ms))` against an abort: a wait of at most that long.
  sleepOrAbortHelper: `function abortPromise(signal) { return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))); }
function sleepOrAbort(ms, signal) {
  return Promise.race([new Promise((r) => setTimeout(r, ms)), abortPromise(signal)]);
}
export async function run(client, signal) {
  while (true) {
    try {
      await client.connect();
      return;
    } catch (e) {
      try { await sleepOrAbort(1000, signal); } catch { }
    }
  }
}`,
  // Review: a sleep raced against a pEvent shutdown on the failure path: a wait (only a call on the object the attempt uses is work there).
  raceAgainstPEvent: `import { pEvent } from 'p-event';
async function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
export async function run(emitter, client) {
  for (;;) {
    try {
      await client.connect();
      return;
    } catch (e) {
      await Promise.race([sleep(5000), pEvent(emitter, 'shutdown')]);
    }
  }
}`,
  // Review: a doubling sleep raced against `this.shutdown()` in the catch: backoff, not a time limit.
  raceAgainstShutdownCall: `async function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
export class Worker {
  async run(client) {
    let delay = 1000;
    for (;;) {
      try {
        await client.connect();
        return;
      } catch (e) {
        await Promise.race([sleep(delay), this.shutdown()]);
        delay *= 2;
      }
    }
  }
}`,
  // Twin: passed a number (`this.timer(2)`), the helper waits a constant 2 s; its `seconds * 1000` serves every caller,
  // so no rewrite edits it.
  get typesenseLiteral() {
    return this.typesenseSeconds.replace(`        await this.timer(this.retryIntervalSeconds);`, `        await this.timer(2);`);
  },
  // Twin: the helper hands back `timers/promises` setTimeout.
  get returnsLibrarySleep() {
    return this.arrowHelper.replace(`const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`, `import { setTimeout as sleep } from 'node:timers/promises';

function hold(ms) {
  return sleep(ms);
}`);
  },
  // Twin: `if (!ms) return Promise.resolve();` leaves early only when there is nothing to wait for: the wait counts.
  get zeroGuard() {
    return this.arrowHelper.replace(`const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`, `function hold(ms) {
  if (!ms) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}`);
  },
  // Twin: an early return on a setting (`settings.throttle`) may skip the wait: like a wait on one branch of a
  // helper the recursion finder reads, it is not taken for the wait of the retry.
  get otherGuard() {
    return this.arrowHelper.replace(`const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`, `function hold(ms) {
  if (!settings.throttle) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}`);
  },
  // Review: a helper that adds `this.failures * 1000` it increments itself: not judged (it may grow).
  get helperGrowsOwnCount() {
    return this.jitterThroughLocal.replace(`    const j = Math.random() * 250;
    await new Promise((r) => setTimeout(r, ms + j));`, `    this.failures++;
    await new Promise((r) => setTimeout(r, ms + this.failures * 1000));`);
  },
};

/** Suggestion outputs expected by both rules. */
const outputs = {
  arrowHelper: `const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchReport(client, id) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      attempt++;
      if (attempt >= 5) throw error;
      await hold(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  returnsLibrarySleep: `import { setTimeout as sleep } from 'node:timers/promises';

function hold(ms) {
  return sleep(ms);
}

export async function fetchReport(client, id) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      attempt++;
      if (attempt >= 5) throw error;
      await hold(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  zeroGuard: `function hold(ms) {
  if (!ms) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function fetchReport(client, id) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      attempt++;
      if (attempt >= 5) throw error;
      await hold(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  otherGuard: `function hold(ms) {
  if (!settings.throttle) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function fetchReport(client, id) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      await hold(1000);
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  attemptWaits: `async function connectOnce(url) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return openSocket(url);
}

export async function connect(url) {
  let attempt = 0;
  while (true) {
    try {
      return await connectOnce(url);
    } catch (error) {
      console.warn('connect failed', error);
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  raceHelper: `const withTimeout = (promise, ms) => Promise.race([promise, timeout(ms)]);

export async function connect(client) {
  let attempt = 0;
  while (true) {
    try {
      return await withTimeout(client.connect(), 5000);
    } catch (error) {
      console.warn('connect failed', error);
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  waitAfterRequest: `async function fetchPage(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  await sleep(1000);
  return res.text();
}

export async function crawl(url) {
  let attempt = 0;
  while (true) {
    try {
      return await fetchPage(url);
    } catch (error) {
      console.warn('fetch failed', error);
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  timeoutWrapper: `const https = require('https');
function getJson(url, opts) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    setTimeout(() => req.destroy(new Error('request timed out')), opts.timeout);
  });
}
async function waitForService(url) {
  let attempt = 0;
  for (;;) {
    try {
      return await getJson(url, { timeout: 2000 });
    } catch (err) {
      console.error('service not up yet', err.message);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}
module.exports = { waitForService };`,
  asyncZeroGuard: `async function hold(ms) {
  if (ms <= 0) return;
  await new Promise((r) => setTimeout(r, ms));
}
async function load(url, attempt = 0) {
  try {
    return await fetchIt(url);
  } catch (e) {
    if (attempt + 1 >= 5) throw e;
    await hold(Math.max(2000, Math.random() * Math.min(10000, 2000 * 2 ** attempt)));
    return load(url, attempt + 1);
  }
}
export async function poll(client) {
  while (true) {
    try {
      return await client.get();
    } catch (err) {
      await hold(2000);
    }
  }
}`,
  asyncZeroGuard1: `async function hold(ms) {
  if (ms <= 0) return;
  await new Promise((r) => setTimeout(r, ms));
}
async function load(url) {
  try {
    return await fetchIt(url);
  } catch (e) {
    await hold(2000);
    return load(url);
  }
}
export async function poll(client) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await hold(Math.max(2000, Math.random() * Math.min(10000, 2000 * 2 ** (attempt - 1))));
    }
  }
}`,
  recursionHelperWait: `function hold(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
async function load(url, attempt = 0) {
  try {
    return await fetchIt(url);
  } catch (e) {
    console.warn('load failed, retrying', e);
    if (attempt + 1 >= 5) throw e;
    await hold(Math.max(2000, Math.random() * Math.min(10000, 2000 * 2 ** attempt)));
    return load(url, attempt + 1);
  }
}`,
  abortableSleep: `export async function poll(client, signal) {
  let attempt = 0;
  while (true) {
    try {
      return await client.fetch();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve, reject) => {
        const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
        const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
  }
}`,
  raceSleepNamedTimeout: `const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class Client {
  async connect() {
    let attempt = 0;
    while (true) {
      try {
        return await this.open();
      } catch (err) {
        console.error(err);
        attempt++;
        if (attempt >= 5) throw err;
        await Promise.race([this.closed, timeout(Math.max(5000, Math.random() * Math.min(10000, 5000 * 2 ** (attempt - 1))))]);
      }
    }
  }
}`,
  raceDeadlineInAttempt: `const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function raceDeadline(promise, ms) {
  return Promise.race([promise, delay(ms)]);
}
export async function connect(client) {
  let attempt = 0;
  while (true) {
    try {
      const conn = await raceDeadline(client.open(), 5000);
      if (!conn) throw new Error('connect timed out');
      return conn;
    } catch (err) {
      console.error(err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  raceAtTopOfAttempt: `import { setTimeout as sleep } from 'timers/promises';
export async function poll(fn, signal) {
  let first = true;
  let attempt = 0;
  while (true) {
    try {
      if (!first) await Promise.race([sleep(5000), new Promise((r) => signal.addEventListener('abort', r))]);
      first = false;
      return await fn();
    } catch (err) {
      console.warn('retrying', err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  cleanupRaceInCatch: `import { setTimeout as sleepMs } from 'node:timers/promises';
function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms));
}
export async function subscribe(createClient, onMessage) {
  let attempt = 0;
  for (;;) {
    const client = createClient();
    try {
      await client.connect();
      await client.listen(onMessage);
      return;
    } catch (err) {
      console.error('subscription failed', err);
      try {
        await Promise.race([client.quit(), timeout(2000)]);
      } catch {}
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  raceAgainstStopInCatch: `import { setTimeout as sleep } from 'node:timers/promises';
export class Poller {
  async run() {
    let attempt = 0;
    while (!this.stopped) {
      try {
        await this.client.connect();
        return;
      } catch (err) {
        this.log(err);
        attempt++;
        if (attempt >= 5) throw err;
        try {
          await Promise.race([sleep(Math.max(5000, Math.random() * Math.min(10000, 5000 * 2 ** (attempt - 1)))), this.waitForStop()]);
        } catch (e) { this.log(e); }
      }
    }
  }
}`,
  sleepOrAbortHelper: `function abortPromise(signal) { return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))); }
function sleepOrAbort(ms, signal) {
  return Promise.race([new Promise((r) => setTimeout(r, ms)), abortPromise(signal)]);
}
export async function run(client, signal) {
  let attempt = 0;
  while (true) {
    try {
      await client.connect();
      return;
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      try { await sleepOrAbort(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))), signal); } catch { }
    }
  }
}`,
  raceAgainstPEvent: `import { pEvent } from 'p-event';
async function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
export async function run(emitter, client) {
  let attempt = 0;
  for (;;) {
    try {
      await client.connect();
      return;
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await Promise.race([sleep(Math.max(5000, Math.random() * Math.min(10000, 5000 * 2 ** (attempt - 1)))), pEvent(emitter, 'shutdown')]);
    }
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: waits in helpers of the file', noUnboundedRetry as never, {
  valid: [
    cases.typesenseSeconds,
    { code: cases.typesenseSeconds, options: STRICT },
    cases.typesenseLiteral,
    { code: cases.typesenseLiteral, options: STRICT },
    cases.arrowHelperGrowing,
    cases.destructuredDelay,
    cases.growingProperty,
    cases.secondsLocal,
    cases.branchWaits,
    cases.letLocalGrowing,
    cases.destructuredLocal,
    cases.namedResolverCallback,
    cases.jitterThroughLocal,
    cases.helperGrowsOwnCount,
  ],
  invalid: [
    ...inBoth(cases.arrowHelper, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.arrowHelper,
            },
          ],
        },
      ]),
    {
      code: cases.arrowHelperGrowing,
      options: STRICT,
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
              data: { description: "Count failures with the existing `failures`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const hold = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchReport(client, id) {
  let failures = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      console.warn('report not ready', error);
      failures++;
      if (failures >= 5) throw error;
      await hold(Math.random() * Math.min(30000, 1000 * 2 ** failures));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.returnsLibrarySleep, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.returnsLibrarySleep,
            },
          ],
        },
      ]),
    ...inBoth(cases.zeroGuard, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.zeroGuard,
            },
          ],
        },
      ]),
    ...inBoth(cases.otherGuard, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.otherGuard,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperDoesMore, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function recordFailure(error) {
  metrics.increment('report.retry');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

export async function fetchReport(client, id) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get(\`/reports/\${id}\`);
    } catch (error) {
      await recordFailure(error);
      attempt++;
      if (attempt >= 5) throw error;
    }
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.attemptWaits, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.attemptWaits,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceHelper, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.raceHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.waitAfterRequest, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.waitAfterRequest,
            },
          ],
        },
      ]),
    {
      code: cases.destructuredDelay,
      options: STRICT,
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
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const hold = ({ ms }) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(client) {
  let delay = 500;
  let attempt = 0;
  while (true) {
    try {
      return await client.connect();
    } catch (error) {
      attempt++;
      if (attempt >= 5) throw error;
      await hold({ ms: delay });
      delay = Math.min(delay * 2, 30000);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: cases.growingProperty,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `export class Reconnector {
  constructor() {
    this.reconnectDelay = 1000;
  }

  waitBeforeReconnect() {
    return new Promise((resolve) => setTimeout(resolve, this.reconnectDelay));
  }

  async run() {
    let attempt = 0;
    while (true) {
      try {
        return await this.connect();
      } catch (error) {
        attempt++;
        if (attempt >= 5) throw error;
        await this.waitBeforeReconnect();
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, 30000);
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.constantProperty, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `export class Reconnector {
  constructor() {
    this.reconnectDelay = 1000;
  }

  waitBeforeReconnect() {
    return new Promise((resolve) => setTimeout(resolve, this.reconnectDelay));
  }

  async run() {
    let attempt = 0;
    while (true) {
      try {
        return await this.connect();
      } catch (error) {
        attempt++;
        if (attempt >= 5) throw error;
        await this.waitBeforeReconnect();
      }
    }
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.timeoutWrapper, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.timeoutWrapper,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceSleepOrClose, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    {
      code: cases.secondsLocal,
      options: STRICT,
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
              data: { description: "Count failures with the existing `failures`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function holdSeconds(seconds) {
  const ms = seconds * 1000;
  await new Promise((resolve) => setTimeout(resolve, ms));
}
export async function connect(client) {
  let failures = 0;
  while (true) {
    try {
      return await client.connect();
    } catch (err) {
      failures++;
      if (failures >= 5) throw err;
      await holdSeconds(Math.min(2 ** failures, 60));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: cases.branchWaits,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Client {
  holdOff() {
    if (this.failures > 1) return sleep(Math.min(30000, 500 * 2 ** this.failures));
    return sleep(500);
  }
  async poll(url) {
    let attempt = 0;
    for (;;) {
      try {
        const res = await this.get(url);
        this.failures = 0;
        return res;
      } catch (err) {
        this.failures++;
        attempt++;
        if (attempt >= 5) throw err;
        await this.holdOff();
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.asyncZeroGuard, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.asyncZeroGuard,
            },
          ],
        },
        {
          messageId: 'unboundedLoop',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.asyncZeroGuard1,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperLocalNamesake, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function hold() {
  const delay = 1000;
  await new Promise((r) => setTimeout(r, delay));
}
export async function connect(client) {
  let delay = 100;
  let attempt = 0;
  while (true) {
    try {
      return await client.connect();
    } catch (err) {
      console.log(\`retry, next budget \${delay}\`);
      attempt++;
      if (attempt >= 5) throw err;
      await hold();
      delay *= 2;
    }
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.recursionHelperWait, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.recursionHelperWait,
            },
          ],
        },
      ]),
    ...inBoth(cases.abortableSleep, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.abortableSleep,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceSleepNamedTimeout, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.raceSleepNamedTimeout,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceDeadlineInAttempt, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.raceDeadlineInAttempt,
            },
          ],
        },
      ]),
    {
      code: cases.letLocalGrowing,
      options: STRICT,
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
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `import { setTimeout as sleep } from 'node:timers/promises';
export class Client {
  async holdOff(attempt) {
    let ms = Math.min(100 * 2 ** attempt, 10000);
    await sleep(ms);
  }
  async connect() {
    let attempt = 0;
    while (true) {
      try {
        return await this.open();
      } catch (err) {
        attempt++;
        await this.holdOff(attempt);
        if (attempt >= 5) throw err;
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.sleepNamedSeconds, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const RETRY_SECONDS = 60;
function sleep(seconds) {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
export async function connect(client) {
  let attempt = 0;
  while (true) {
    try {
      return await client.open();
    } catch (err) {
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(RETRY_SECONDS);
    }
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.clampedParam, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
export class Poller {
  constructor(client, { interval = 5000 } = {}) {
    this.client = client;
    this.interval = interval;
  }
  async start() {
    let attempt = 0;
    while (true) {
      try {
        return await this.client.connect();
      } catch (err) {
        console.error('connect failed', err);
        attempt++;
        if (attempt >= 5) throw err;
        await sleep(this.interval);
      }
    }
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.jitteredParam, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms + Math.random() * 250));
}
export class Consumer {
  constructor(queue, options = {}) {
    this.queue = queue;
    this.retryDelay = options.retryDelay ?? 1000;
  }
  async run() {
    let attempt = 0;
    for (;;) {
      try {
        await this.queue.process();
        return;
      } catch (err) {
        console.error('processing failed', err);
        attempt++;
        if (attempt >= 5) throw err;
        await delay(this.retryDelay);
      }
    }
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceAtTopOfAttempt, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.raceAtTopOfAttempt,
            },
          ],
        },
      ]),
    {
      code: cases.destructuredLocal,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function pause(opts) {
  const { ms } = opts;
  await new Promise((r) => setTimeout(r, ms));
}
export async function run(task) {
  let delay = 500;
  let attempt = 0;
  for (;;) {
    try {
      return await task();
    } catch (err) {
      console.warn('retrying', err);
      attempt++;
      if (attempt >= 5) throw err;
      await pause({ ms: delay });
      delay = Math.min(delay * 2, 30000);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.cleanupRaceInCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.cleanupRaceInCatch,
            },
          ],
        },
      ]),
    {
      code: cases.namedResolverCallback,
      options: STRICT,
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
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `export async function run(task, emitter) {
  let backoff = 1000;
  let attempt = 0;
  for (;;) {
    try {
      return await task();
    } catch (err) {
      console.warn('task failed, retrying', err);
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          emitter.off('wake', finish);
          resolve();
        };
        const timer = setTimeout(finish, backoff);
        emitter.once('wake', finish);
      });
      backoff = Math.min(backoff * 2, 30000);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.raceAgainstStopInCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.raceAgainstStopInCatch,
            },
          ],
        },
      ]),
    {
      code: cases.jitterThroughLocal,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `export class Reconnector {
  async backoff(ms) {
    const j = Math.random() * 250;
    await new Promise((r) => setTimeout(r, ms + j));
  }
  async run() {
    let attempt = 0;
    while (true) {
      try { await this.connect(); return; } catch (e) { await this.backoff(this.retryDelay); attempt++; if (attempt >= 5) throw e; }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: cases.helperGrowsOwnCount,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `export class Reconnector {
  async backoff(ms) {
    this.failures++;
    await new Promise((r) => setTimeout(r, ms + this.failures * 1000));
  }
  async run() {
    let attempt = 0;
    while (true) {
      try { await this.connect(); return; } catch (e) { await this.backoff(this.retryDelay); attempt++; if (attempt >= 5) throw e; }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.sleepOrAbortHelper, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.sleepOrAbortHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceAgainstPEvent, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.raceAgainstPEvent,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceAgainstShutdownCall, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
export class Worker {
  async run(client) {
    let delay = 1000;
    let attempt = 0;
    for (;;) {
      try {
        await client.connect();
        return;
      } catch (e) {
        attempt++;
        if (attempt >= 5) throw e;
        await Promise.race([sleep(delay), this.shutdown()]);
        delay *= 2;
      }
    }
  }
}`,
            },
          ],
        },
      ]),
  ],
});
}

{
  const STRICT = [{ reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: waits in helpers of the file', requireRetryBackoff as never, {
  valid: [
    cases.typesenseSeconds,
    cases.typesenseLiteral,
    cases.arrowHelperGrowing,
    { code: cases.arrowHelperGrowing, options: STRICT },
    cases.destructuredDelay,
    { code: cases.destructuredDelay, options: STRICT },
    cases.growingProperty,
    { code: cases.growingProperty, options: STRICT },
    cases.secondsLocal,
    { code: cases.secondsLocal, options: STRICT },
    cases.branchWaits,
    { code: cases.branchWaits, options: STRICT },
    cases.letLocalGrowing,
    { code: cases.letLocalGrowing, options: STRICT },
    cases.destructuredLocal,
    { code: cases.destructuredLocal, options: STRICT },
    cases.namedResolverCallback,
    { code: cases.namedResolverCallback, options: STRICT },
    cases.jitterThroughLocal,
    { code: cases.jitterThroughLocal, options: STRICT },
    cases.helperGrowsOwnCount,
    { code: cases.helperGrowsOwnCount, options: STRICT },
    cases.raceAgainstShutdownCall,
    { code: cases.raceAgainstShutdownCall, options: STRICT },
  ],
  invalid: [
    {
      code: cases.typesenseSeconds,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ],
    },
    {
      code: cases.typesenseLiteral,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.arrowHelper, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.arrowHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.returnsLibrarySleep, STRICT, [
        {
          messageId: 'constantLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.returnsLibrarySleep,
            },
          ],
        },
      ]),
    ...inBoth(cases.zeroGuard, STRICT, [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.zeroGuard,
            },
          ],
        },
      ]),
    ...inBoth(cases.otherGuard, STRICT, [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.otherGuard,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperDoesMore, STRICT, [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.attemptWaits, STRICT, [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.attemptWaits,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceHelper, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.raceHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.waitAfterRequest, STRICT, [
        {
          messageId: 'constantLoop',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 8,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.waitAfterRequest,
            },
          ],
        },
      ]),
    ...inBoth(cases.constantProperty, STRICT, [
        {
          messageId: 'constantLoop',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 10,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.timeoutWrapper, STRICT, [
        {
          messageId: 'constantLoop',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 6,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.timeoutWrapper,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceSleepOrClose, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.asyncZeroGuard, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.asyncZeroGuard,
            },
          ],
        },
        {
          messageId: 'constantLoop',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.asyncZeroGuard1,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperLocalNamesake, STRICT, [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.recursionHelperWait, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.recursionHelperWait,
            },
          ],
        },
      ]),
    ...inBoth(cases.abortableSleep, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.abortableSleep,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceSleepNamedTimeout, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.raceSleepNamedTimeout,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceDeadlineInAttempt, STRICT, [
        {
          messageId: 'constantLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.raceDeadlineInAttempt,
            },
          ],
        },
      ]),
    ...inBoth(cases.sleepNamedSeconds, STRICT, [
        {
          messageId: 'constantLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampedParam, STRICT, [
        {
          messageId: 'constantLoop',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 10,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.jitteredParam, STRICT, [
        {
          messageId: 'constantLoop',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 8,
          data: {"wait":"waits a random time that never grows","noFix":" No quick fix: the wait is computed from the failure (a Retry-After value, a rate-limit window) or by a helper, and is kept as it is."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.raceAtTopOfAttempt, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.raceAtTopOfAttempt,
            },
          ],
        },
      ]),
    ...inBoth(cases.cleanupRaceInCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 6,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.cleanupRaceInCatch,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceAgainstStopInCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.raceAgainstStopInCatch,
            },
          ],
        },
      ]),
    ...inBoth(cases.sleepOrAbortHelper, STRICT, [
        {
          messageId: 'constantLoop',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.sleepOrAbortHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.raceAgainstPEvent, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 5000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.raceAgainstPEvent,
            },
          ],
        },
      ]),
  ],
});
}
