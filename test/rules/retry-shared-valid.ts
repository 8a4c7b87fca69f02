/**
 * Code that both retry rules, no-unbounded-retry and require-retry-backoff,
 * must leave alone: traps of the retry analysis they share (src/retry/),
 * written once here and run as valid cases by each rule's tests, grouped as
 * those tests' runs are. A case that one rule alone leaves alone stays in
 * that rule's test.
 */

/** A valid case of either rule: the code alone (no options, so each rule's defaults). */
export type SharedValid = string | { code: string };

export const sharedValid: Record<'retry' | 'lookAlikes' | 'streamingReaders' | 'queryPlans', SharedValid[]> = {
  /** Of the main run of each rule. */
  retry: [
    // Trap: a counter that doubles reaches any finite limit in a few steps (`for (let delay = 100; delay <= 1600; delay *= 2)`
    // runs 5 times), however large the limit is (found in ssh2's generated wasm glue, `for (d = 1; 4 >= d; d *= 2)`).
    `async function fetchWithBackoff(op) {
  for (let delay = 100; delay <= 1600; delay *= 2) {
    try {
      return await op();
    } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
    }
  }
  throw new Error('gave up');
}`,
    // Trap (real code, graphile-worker's migrate): the loop's own counter lets it run at most twice (`attempts < 2` from 0,
    // `i <= 2` from 1, `left > 0` from 2 by -1), one attempt and at most one re-attempt: no stream of retries to bound or back off.
    `async function migrate(client) {
  for (let attempts = 0; attempts < 2; attempts++) {
    try {
      await client.query('select 1');
      break;
    } catch (e) {
      if (attempts !== 0 || e.code !== '42P01') throw e;
      await installSchema(client);
    }
    await sleep(400 + Math.random() * 200);
  }
}`,
    `async function load(url) {
  for (let i = 1; i <= 2; i++) {
    try {
      return await fetch(url);
    } catch (err) {
      console.warn(err);
    }
  }
}`,
    `async function load(url) {
  for (let left = 2; left > 0; left -= 1) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(1000);
    }
  }
}`,
    // Trap (real code, p-retry 7): the failure path hands the error to a helper of the file inside an object
    // (`onAttemptFailure({ error, attemptNumber, options })`) that destructures it, throws it (normalised) when attempts
    // run out and waits before the next one: the helper decides, as when the error is handed on as it is.
    `async function onAttemptFailure({ error, attemptNumber, options }) {
  const normalizedError = error instanceof Error ? error : new TypeError(String(error));
  if (attemptNumber > options.retries) throw normalizedError;
  await new Promise((resolve) => setTimeout(resolve, options.minTimeout * 2 ** attemptNumber));
  return true;
}
export default async function pRetry(input, options = {}) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try {
      return await input(attemptNumber);
    } catch (error) {
      await onAttemptFailure({ error, attemptNumber, options });
    }
  }
}`,
    `async function onAttemptFailure({ error: failure, attemptNumber }) {
  if (attemptNumber > 5) throw failure;
  await sleep(1000 * 2 ** attemptNumber);
}
export async function run(input) {
  let attemptNumber = 0;
  while (true) {
    attemptNumber++;
    try {
      return await input(attemptNumber);
    } catch (err) {
      await onAttemptFailure({ error: err, attemptNumber });
    }
  }
}`,
    // Trap (real code, @discordjs/ws WebSocketShard.send): the re-run only waits for the shard's own 'ready' event again
    // (`once` rejects when the shard emits 'error'); on its way it only logs and tests, so a failure sends nothing.
    `import { once } from 'node:events';
class Shard {
  async send(payload) {
    if (!this.connection) throw new Error("Shard wasn't connected");
    if (IMPORTANT.has(payload.op)) {
      this.connection.send(JSON.stringify(payload));
      return;
    }
    if (this.status !== 'ready') {
      this.debug(['Tried to send before the shard was ready, waiting']);
      try {
        await once(this, 'ready');
      } catch {
        return this.send(payload);
      }
    }
    await this.sendQueue.wait();
    this.connection.send(JSON.stringify(payload));
  }
}`,
    // Trap (real code, ssh2 Client.connect): connect() on a client still connected registers a `once('close')` re-run and
    // closes the client itself, in a branch that leaves: a restart done once, not a reconnect on every close.
    `import net from 'node:net';
class Client {
  connect(cfg) {
    if (this.sock && this.sock.writable) {
      this.once('close', () => {
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
    // Trap (real code, joi and loopback-datasource-juggler): a synchronous function re-run from its own catch with a
    // literal in place of a parameter: one fallback to a fixed input, not the same work again.
    `internals.sortKeys = function (keys, manual = true) {
  const topo = new Topo.Sorter();
  for (const child of keys) topo.add(child, { after: child.refs, group: child.key, manual });
  try {
    return topo.sort();
  } catch {
    return internals.sortKeys(keys, false);
  }
};
function createModelClassCtor(name, ModelBaseClass) {
  try {
    const factory = new Function('ModelBaseClass', 'return function ' + name + '() { ModelBaseClass.apply(this, arguments); };');
    return factory(ModelBaseClass);
  } catch (err) {
    if (err.name === 'SyntaxError') return createModelClassCtor('ModelConstructor', ModelBaseClass);
    throw err;
  }
}`,
    // Trap (real code, socket.io's server Client): a method passed to removeListener is taken off, not run, so the
    // 'close' handler's chain (onclose -> destroy -> removeListener(..., this.ondecoded)) does not reach ondecoded's connect.
    `class Client {
  setup() {
    this.onclose = this.onclose.bind(this);
    this.ondecoded = this.ondecoded.bind(this);
    this.decoder.on('decoded', this.ondecoded);
    this.conn.on('close', this.onclose);
  }
  connect(name, auth) {
    this.server._checkNamespace(name, auth, () => this.doConnect(name, auth));
  }
  ondecoded(packet) {
    if (!this.nsps.get(packet.nsp)) this.connect(packet.nsp, packet.data);
  }
  onclose(reason) {
    this.destroy();
    this.sockets.clear();
  }
  destroy() {
    this.conn.removeListener('close', this.onclose);
    this.decoder.removeListener('decoded', this.ondecoded);
    this.decoder.off('decoded', this.ondecoded);
  }
}`,
    // Trap (real code, imapflow's FETCH): the counter check and an exit share the branch that continues; the wait is a
    // helper named for waiting (`throttleWait`) and grows with the attempt.
    `async function fetchAll(connection, range) {
  const maxRetries = 4;
  const baseDelay = 1000;
  for (let retryCount = 0;; retryCount++) {
    try {
      return await connection.exec('FETCH', range);
    } catch (err) {
      if (err.code === 'ETHROTTLE' && retryCount < maxRetries - 1) {
        const backoffDelay = Math.min(baseDelay * Math.pow(2, retryCount), 30000);
        const delay = Math.max(err.throttleReset || 0, backoffDelay);
        const aborted = await connection.throttleWait(delay);
        if (aborted) throw new Error('connection closed');
        continue;
      }
      throw err;
    }
  }
}`,
    // Trap (real code, imapflow's mailbox locks): a loop that runs while its queue has items and takes one off each
    // pass, not putting a failed one back: each attempt is at another item, not the same operation again.
    `class Locks {
  async processLocks() {
    while (this.locks.length > 0) {
      const lock = this.locks.shift();
      try {
        await this.mailboxOpen(lock.path);
        lock.resolve();
        break;
      } catch (err) {
        lock.reject(err);
      }
    }
  }
}`,
    // Trap: mirrors taken off a list until none is left, with no wait: each attempt is at another mirror.
    `async function download(mirrors) {
  while (true) {
    const url = mirrors.shift();
    if (!url) throw new Error('no mirror left');
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      log(err);
    }
  }
}`,
    // Trap (real code, gaxios): the failure path awaits a retry policy the file cannot see, given the error (or a value
    // made from it), and retries only on its answer: how often and how long it waits are the policy's (gaxios's
    // getRetryConfig counts the attempts and sleeps before it answers). In a loop and in a recursion; the call is named
    // for a retry policy (the function or its object).
    `import { getRetryConfig, retryPolicy } from './retry-policy';
export async function load(url) {
  for (;;) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (e) {
      const answer = await retryPolicy.decide(e);
      if (!answer.retry) throw e;
    }
  }
}
export class Gaxios {
  async _request(opts) {
    try {
      return await this.send(opts);
    } catch (e) {
      const err = e instanceof GaxiosError ? e : new GaxiosError(e.message, opts, undefined, e);
      const { shouldRetry, config } = await getRetryConfig(err);
      if (shouldRetry && config) {
        opts.retryConfig = config.retryConfig;
        return this._request(opts);
      }
      throw err;
    }
  }
}`,
    // Trap (real code): a loop whose failure path uses up the state that guards its only way round (a cached token removed before the one re-attempt).
    `async function authenticate(connection) {
  while (true) {
    try {
      return await connection.auth(this.cache.hasToken ? this.cache.getToken() : await this.fetchToken());
    } catch (err) {
      if (this.cache.hasToken && err.code === 18) {
        this.cache.removeToken();
        continue;
      }
      throw err;
    }
  }
}`,
    // Trap: a poll whose exit depends on the result and that waits on every path (also after a failure) is not a retry.
    `async function waitUntilDone(job) {
  while (true) {
    try {
      const status = await api.status(job);
      if (status.done) break;
    } catch (e) {
      log(e);
    }
    await sleep(1000);
  }
}`,
    // Trap (real code): the attempt limit is checked inside an error-type check; everything else is rethrown.
    `async function send(msg) {
  let attempt = 0;
  while (true) {
    try {
      return await transport.send(msg);
    } catch (err) {
      if (err instanceof TransientError) {
        if (attempt < 5) {
          attempt++;
          await sleep(100 * 2 ** attempt);
          continue;
        }
      }
      throw err;
    }
  }
}`,
    // Trap (real code): an "already retried" flag; the failure path sets it before the one re-attempt.
    `async function query(sql) {
  let refreshed = false;
  while (true) {
    try {
      return await db.query(sql);
    } catch (err) {
      if (!refreshed && err.code === 'AUTH_EXPIRED') {
        refreshed = true;
        await refreshToken();
        continue;
      }
      throw err;
    }
  }
}`,
    // Trap (real code): the failure path hands the error to a helper of the same file that rethrows what it cannot recover from and waits before recovering.
    `class ChangeStream {
  async next() {
    while (true) {
      try {
        return await this.cursor.next();
      } catch (error) {
        await this.processError(error);
      }
    }
  }
  async processError(error) {
    if (!isResumableError(error)) {
      await this.close();
      throw error;
    }
    await this.resume();
  }
}`,
    // Trap (real code): an error used as a control signal: only one specific error class continues, and the loop rebuilds its input each pass.
    `async function start() {
  while (true) {
    fetchers = createFetchers();
    try {
      await Promise.all(fetchers.map((fetcher) => fetcher.start()));
    } catch (error) {
      await stop();
      if (error instanceof FetcherRebalanceError) {
        logger.debug('Rebalancing fetchers...');
        continue;
      }
      throw error;
    }
    break;
  }
}`,

    // Trap: a work / poll loop that runs whether or not the work failed.
    `async function run() {
  while (!closing) {
    try {
      await work();
    } catch (e) {
      log(e);
    }
    await delay(1000);
  }
}`,
    // Trap: a long-poll / event loop that re-subscribes after each success (success never leaves).
    `async function subscribe() {
  while (true) {
    try {
      const msg = await longPoll();
      handle(msg);
    } catch (e) {
      log(e);
    }
  }
}`,
    // Trap: a queue worker whose error path exits the process.
    `async function worker() {
  while (true) {
    const job = await queue.next();
    try {
      await job.run();
      continue;
    } catch (e) {
      log(e);
      process.exit(1);
    }
  }
}`,
    // Trap: the failure path always leaves the loop (break / throw).
    `async function load(url) {
  while (true) {
    try {
      return await fetch(url);
    } catch (e) {
      if (e.code === 'ECONNRESET') break;
      throw e;
    }
  }
}`,
    // Trap: iterating a collection (for-of), not retrying.
    `async function each(items) {
  for (const item of items) {
    try {
      return await send(item);
    } catch (e) {}
  }
}`,
    // Trap: a counted loop that runs the work a fixed number of times whatever happens.
    `async function load(url) {
  for (let i = 0; i < 3; i++) {
    try {
      await fetch(url);
    } catch (e) {}
  }
}`,
    // Trap: the try/catch is inside a callback, not in the loop's own code.
    `async function load(urls) {
  while (true) {
    setTimeout(() => {
      try {
        return run();
      } catch (e) {}
    }, 0);
  }
}`,
    // Trap: a long-poll that re-subscribes after each successful response (.then success path).
    `function poll() {
  return request().then((data) => {
    handle(data);
    return poll();
  });
}`,
    // Trap: a periodic job rescheduling itself regardless of failure.
    `function tick() {
  doWork();
  setTimeout(tick, 1000);
}`,
    // Trap: an error-first callback that re-runs only on success (the else branch).
    `function watch(cb) {
  client.get(key, (err, value) => {
    if (err) {
      cb(err);
    } else {
      cb(null, value);
      watch(cb);
    }
  });
}`,
    // Trap: a handler for an event that is not a failure ('message'), and a 'close' handler that does not reconnect.
    `function connect() {
  const socket = new WebSocket(url);
  socket.on('message', () => connect());
  socket.on('close', () => cleanup());
}`,
    // Trap: a failure path that exits the process.
    `function connect() {
  db.connect().catch((err) => {
    logger.error(err);
    process.exit(1);
  });
}`,
    // Trap: a reconnect with capped exponential backoff and jitter (the browser-client pattern).
    `let attempt = 0;
function connect() {
  const socket = new WebSocket(url);
  socket.onopen = () => { attempt = 0; };
  socket.onclose = () => {
    attempt++;
    setTimeout(connect, Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random()));
  };
}`,
    // Library defaults that are bounded and back off (p-retry: 10 retries, exponential).
    `import pRetry from 'p-retry';
await pRetry(run);
await pRetry(run, { retries: 5 });`,
    // cockatiel with a limit and ExponentialBackoff.
    `import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });`,
    // axios-retry with exponentialDelay (default-import member and named import) or a growing delay function.
    `import axiosRetry, { exponentialDelay } from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
axiosRetry(other, { retryDelay: exponentialDelay });
axiosRetry(third, { retryDelay: (retryCount) => retryCount * 1000 });`,
    // async.retry with a growing interval function.
    `import async from 'async';
async.retry({ times: 5, interval: (n) => 50 * 2 ** n }, task, done);`,
    // Trap: a local function named retry is not the library.
    `function retry(fn, options) {
  return fn(options);
}
retry(run, {});
retry(run, { maxAttempts: Infinity });`,
    // Trap: retry imported from the project's own module.
    `import { retry } from './utils/retry';
retry(run, {});`,
    // Trap: a spread could set any option; a missing option cannot be decided.
    `import { handleAll, retry } from 'cockatiel';
const policy = retry(handleAll, { ...defaults });`,
    // got defaults (limit 2, exponential) and an explicit finite limit.
    `import got from 'got';
await got(url);
await got.post(url, { retry: { limit: 3 } });`,
    // Options through a const, finite.
    `import pRetry from 'p-retry';
const options = { retries: 3 };
await pRetry(run, options);`,
    // ioredis with a finite maxRetriesPerRequest.
    `import Redis from 'ioredis';
const redis = new Redis({ maxRetriesPerRequest: 3 });`,
    // exponential-backoff with a finite limit and a cap.
    `import { backOff } from 'exponential-backoff';
await backOff(run, { numOfAttempts: 5, maxDelay: 10000 });`,
    // ts-retry-promise with exponential backoff.
    `import { retry } from 'ts-retry-promise';
await retry(run, { retries: 5, backoff: 'EXPONENTIAL' });`,
    // @lifeomic/attempt with a factor.
    `import { retry } from '@lifeomic/attempt';
await retry(run, { maxAttempts: 5, factor: 2 });`,
    // Trap: a failure handed on to another call (`invoke('throw', err)`), not retried.
    `function invoke(method, arg) {
  return Promise.resolve(step(method, arg)).then(
    (value) => invoke('next', value),
    (err) => invoke('throw', err),
  );
}`,
    // Trap: a failed status that leaves (`if (!result.ok) break`) is not a success exit: a poll loop.
    `async function waitStable(poll) {
  while (true) {
    try {
      const result = await poll();
      if (!result.ok) break;
      render(result.value);
    } catch (e) {
      lastError = e;
    }
    await sleep(interval);
  }
}`,
    // Trap: a loop that walks up directories (the condition's variable takes new values): each iteration tries something else.
    `function findPackage(dir) {
  while (dir !== '/') {
    try {
      return require(path.join(dir, 'package.json'));
    } catch (error) {}
    dir = path.dirname(dir);
  }
  return null;
}`,
    // Trap: trying alternatives in turn (mirrors[i]), not retrying one operation.
    `async function fetchFromMirrors(mirrors) {
  for (let i = 0; i < mirrors.length; i++) {
    try {
      return await fetch(mirrors[i]);
    } catch (err) {
      log(err);
    }
  }
}`,
    // Trap: recursion that tries the next parser (parsers[index]).
    `function parse(content, parsers, index = 0) {
  return run(content, parsers[index]).catch((err) => {
    index++;
    if (index === parsers.length) throw err;
    return parse(content, parsers, index);
  });
}`,
    // Trap: recursion on another input (create the parent directory, then this one): divide and conquer.
    `function make(dir) {
  return mkdir(dir).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
    return make(path.dirname(dir)).then(() => make(dir));
  });
}`,
    // Trap: the function runs again on success as well (a continuation), not only after failures.
    `function next() {
  const item = stack.pop();
  if (!item) return done();
  return Promise.resolve(item.dispose()).then(next, (e) => {
    fail(e);
    return next();
  });
}`,
    // async-retry (require) with a finite limit and exponential factor.
    `const retry = require('async-retry');
await retry(async () => run(), { retries: 5, factor: 2 });`,
    // promise-retry (namespace import) with a finite limit.
    `import * as promiseRetry from 'promise-retry';
await promiseRetry((again) => run().catch(again), { retries: 3 });`,
    // retry (destructured require) operation with a finite limit.
    `const { operation } = require('retry');
const op = operation({ retries: 5, factor: 2, minTimeout: 100 });`,
    // ky (renamed default) with finite limits, as object and as a bare number.
    `import api from 'ky';
await api.post(url, { retry: { limit: 3 } });
await api(url, { retry: 2 });`,
    // mongodb (destructured, renamed require) with a finite reconnectTries.
    `const { MongoClient: Client } = require('mongodb');
await Client.connect(url, { reconnectTries: 30 });`,
    // nats (namespace import) with a finite maxReconnectAttempts.
    `import * as nats from 'nats';
await nats.connect({ maxReconnectAttempts: 10 });`,
    // socket.io-client (require) with a finite reconnectionAttempts.
    `const { io } = require('socket.io-client');
io(url, { reconnectionAttempts: 5 });`,
    // Trap: the failure path changes what the next attempt reads (more input), not a retry of the same operation.
    `async function readMessage(stream) {
  let buffer = '';
  while (true) {
    try {
      return JSON.parse(buffer);
    } catch {
      buffer += await stream.read();
    }
  }
}`,
    // Trap: failing over to another endpoint.
    `async function load(primary, backup) {
  let url = primary;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      url = backup;
    }
  }
}`,
    // Trap: a worker that swallows a failed fetch with .catch and runs whatever it got (success never leaves).
    `async function work() {
  while (!closing) {
    const job = await queue.next().catch(() => null);
    if (job) await run(job);
  }
}`,
    // Trap: a .catch-to-null whose failure leaves the loop (if (!res) break).
    `async function load(url) {
  while (true) {
    const res = await fetch(url).catch(() => null);
    if (!res) break;
    handle(res);
  }
}`,
    // A wait whose length is not given (`await limiter.wait()`) is not judged, and never removed by a rewrite.
    `async function send(msg) {
  while (true) {
    await limiter.wait();
    try {
      return await transport.send(msg);
    } catch (e) {
      log(e);
    }
  }
}`,
  ],
  /** Of the runs "real-code look-alikes and misses". */
  lookAlikes: [
    // Trap (engine.io-client): an 'error' handler that takes the failed transport off the list and opens the next one; bounded by the list.
    `class Socket extends Emitter {
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
      this.transports.shift();
      return this._open();
    }
    this.emitReserved('error', err);
  }
}`,
    // Trap (mqtt-like): a chain of helpers from a 'close' handler re-runs a method that opens no connection (a child process).
    `class Supervisor extends EventEmitter {
  constructor() {
    super();
    this.on('close', () => this._scheduleRestart());
    this.start();
  }
  start() {
    this.child = spawn('node', ['worker.js']);
    this.child.on('close', () => this.emit('close'));
  }
  _scheduleRestart() {
    setTimeout(() => this._restart(), 1000);
  }
  _restart() {
    this.start();
  }
}`,
  ],
  /** Of the runs "streaming readers and error objects". */
  streamingReaders: [
    // Trap (real code): a streaming parser reads the buffer synchronously and, when the data is incomplete, awaits more
    // input from the object it read (\`await parser.waitForData()\`): the next pass reads a grown buffer, nothing is retried.
    `async function readHeader(parser) {
  while (true) {
    let result;
    try {
      result = decodeHeader(parser.buffer, parser.position);
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
    // Trap: \`this.take()\` written inside an object literal in a method names the class's \`take\` (the plan's
    // next host), not the literal's own \`take\`: hosts tried in turn, no retry.
    `class Client {
  constructor(hosts) {
    this._plan = hosts.values();
  }

  take() {
    const item = this._plan.next();
    if (item.done) throw new Error('no host left');
    return item.value;
  }

  async run(query) {
    const options = { host: this.take(), take() { return 'local'; } };
    try {
      return await send(options, query);
    } catch (err) {
      return this.run(query);
    }
  }
}`,
    // Trap: the same with the buffer read before the \`try\` and the error sorted by its code.
    `async function readFrame(reader) {
  while (true) {
    const buf = reader.buffer;
    try {
      return decodeFrame(buf, reader.offset);
    } catch (err) {
      if (err.code !== 'INCOMPLETE_FRAME') throw err;
      await reader.waitForChunk();
    }
  }
}`,
    // Trap (real code): an 'end' handler of a message stream re-runs a function whose only connection-like call builds an
    // error (\`new ConnectionError(...)\`): it opens no connection, so it is no reconnect.
    `class PacketStream extends Transform {
  processBuffered(callback) {
    while (this.buffer.length >= HEADER_LENGTH) {
      const length = this.buffer.readUInt16BE(2);
      if (length < HEADER_LENGTH) {
        return callback(new ConnectionError('Malformed packet'));
      }
      const message = new Message(this.buffer.slice(0, length));
      this.buffer = this.buffer.slice(length);
      this.push(message);
      message.once('end', () => {
        this.processBuffered(callback);
      });
      return;
    }
    callback();
  }
}`,
  ],
  /** Of the runs "hosts tried in turn from a query plan, a retry policy that says stop". */
  queryPlans: [
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
    },
  ],
};
