/**
 * Bounds the retry analysis finds in real code (matrix-js-sdk 37.5) where the
 * decision to go on lies with something the code hands the attempt to: a flag
 * only another caller sets, a callee given the count, the value the failure
 * allowed; and waits found where the code puts them (an awaited helper of the
 * file). Each trap has a twin that the old reading still reports; both retry
 * rules, with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Trap (matrix-js-sdk decryptionLoop): the flag guarding `continue` is cleared at the top of every pass and set only by another
  // method (a second decryption request): each further pass answers one request from outside; the loop alone never goes round again.
  flagTop: `export class MatrixEvent {
  async decryptionLoop(crypto) {
    while (true) {
      this.retryDecryption = false;
      let err;
      try {
        this.setClearData(await crypto.decryptEvent(this));
      } catch (e) {
        err = e;
        if (this.retryDecryption) {
          continue;
        }
        this.setFailure(e);
      }
      this.decryptionPromise = null;
      this.emit('decrypted', this, err);
      return;
    }
  }

  attemptDecryption(crypto) {
    if (this.decryptionPromise) {
      this.retryDecryption = true;
      return this.decryptionPromise;
    }
    this.decryptionPromise = this.decryptionLoop(crypto);
    return this.decryptionPromise;
  }
}`,
  // Twin: the loop sets the flag itself from the error, so it goes round on its own.
  flagTopRearmed: `export class MatrixEvent {
  async decryptionLoop(crypto) {
    while (true) {
      this.retryDecryption = false;
      let err;
      try {
        this.setClearData(await crypto.decryptEvent(this));
      } catch (e) {
        err = e;
        this.retryDecryption = isTransient(e);
        if (this.retryDecryption) {
          continue;
        }
        this.setFailure(e);
      }
      this.emit('decrypted', this, err);
      return;
    }
  }
}`,
  // Trap (matrix-js-sdk doAuthedRequest): the attempt count is handed to the token refresher, and only its answer lets the
  // request run again: the callee given the count decides (and, awaited, may have waited).
  tokenRefresh: `export class HttpApi {
  async doAuthedRequest(attempt, method, path) {
    const snapshot = await this.tokenRefresher.prepareForRequest();
    try {
      return await this.request(method, path, snapshot.accessToken);
    } catch (error) {
      if (error.errcode === 'M_UNKNOWN_TOKEN') {
        const outcome = await this.tokenRefresher.handleUnknownToken(snapshot, attempt);
        if (outcome === TokenRefreshOutcome.Success) {
          return this.doAuthedRequest(attempt + 1, method, path);
        }
      }
      throw error;
    }
  }
}`,
  // Trap (matrix-js-sdk requestWithRetry): the count goes to a backoff function whose negative answer ends the retry.
  policyDelay: `export async function requestWithRetry(method, path, body) {
  let currentRetryCount = 0;
  while (true) {
    try {
      return await rawJsonRequest(method, path, body);
    } catch (e) {
      currentRetryCount++;
      const backoff = calculateRetryBackoff(e, currentRetryCount, true);
      if (backoff < 0) throw e;
      await sleep(backoff);
    }
  }
}`,
  // Twin: the answer is only waited on, never tested: nothing ends the retry.
  policyDelayUntested: `export async function requestWithRetry(method, path, body) {
  let currentRetryCount = 0;
  while (true) {
    try {
      return await rawJsonRequest(method, path, body);
    } catch (e) {
      currentRetryCount++;
      const backoff = calculateRetryBackoff(e, currentRetryCount, true);
      await sleep(backoff);
    }
  }
}`,
  // Twin: a callee of the same file that never compares the count cannot end the retry.
  policyDelaySameFile: `function delayFor(attempt) {
  return attempt * 1000;
}

export async function requestWithRetry(method, path, body) {
  let currentRetryCount = 0;
  while (true) {
    try {
      return await rawJsonRequest(method, path, body);
    } catch (e) {
      currentRetryCount++;
      const backoff = delayFor(currentRetryCount);
      if (backoff < 0) throw e;
      await sleep(backoff);
    }
  }
}`,
  // Trap (matrix-js-sdk prepareDelayedDisconnection): one more attempt with the value the failure allowed; the getter reads
  // the override first, so the same answer no longer passes `>`.
  clamp: `export class MembershipManager {
  get expiryTimeout() {
    return this.expiryTimeoutOverride ?? this.joinConfig?.expiryTimeout ?? 8000;
  }

  async join() {
    const prepareDelayedDisconnection = async () => {
      try {
        const res = await this.client.sendDelayedStateEvent(this.roomId, { delay: this.expiryTimeout });
        this.disconnectDelayId = res.delay_id;
      } catch (e) {
        if (e.errcode === 'M_MAX_DELAY_EXCEEDED') {
          const maxDelayAllowed = e.data.max_delay;
          if (typeof maxDelayAllowed === 'number' && this.expiryTimeout > maxDelayAllowed) {
            this.expiryTimeoutOverride = maxDelayAllowed;
            return prepareDelayedDisconnection();
          }
        }
        logger.error('Failed to prepare delayed disconnection event:', e);
      }
    };
    await prepareDelayedDisconnection();
  }
}`,
  // Real code (matrix-js-sdk getPushRules): the wait is in an awaited helper of the file (a timer of 2-7 s another helper
  // arms, its promise awaited through a const); the message says how it waits.
  helperWait: `export class SyncApi {
  getPushRules = async () => {
    try {
      this.client.pushRules = await this.client.getPushRules();
    } catch (err) {
      if (this.shouldAbortSync(err)) return;
      await this.recoverFromSyncStartupError(this.savedSyncPromise, err);
      return this.getPushRules();
    }
  };

  async recoverFromSyncStartupError(savedSyncPromise, error) {
    await savedSyncPromise;
    const keepaliveProm = this.startKeepAlives();
    this.updateSyncState('ERROR', { error });
    await keepaliveProm;
  }

  startKeepAlives(delay) {
    if (delay === undefined) {
      delay = 2000 + Math.floor(Math.random() * 5000);
    }
    this.keepAliveTimer = setTimeout(this.pokeKeepAlive.bind(this), delay);
    this.connectionReturned ??= defer();
    return this.connectionReturned.promise;
  }
}`,
  // Twin: the awaited helper does not wait.
  helperNoWait: `export class SyncApi {
  getPushRules = async () => {
    try {
      this.client.pushRules = await this.client.getPushRules();
    } catch (err) {
      if (this.shouldAbortSync(err)) return;
      await this.recoverFromSyncStartupError(this.savedSyncPromise, err);
      return this.getPushRules();
    }
  };

  async recoverFromSyncStartupError(savedSyncPromise, error) {
    await savedSyncPromise;
    this.updateSyncState('ERROR', { error });
  }
}`,
  // Twin: the awaited helper waits a constant time.
  helperConstantWait: `export class SyncApi {
  getPushRules = async () => {
    try {
      this.client.pushRules = await this.client.getPushRules();
    } catch (err) {
      await this.settle();
      return this.getPushRules();
    }
  };

  async settle() {
    await sleep(1000);
  }
}`,
  // Trap (zigbee2mqtt availability): the limit is a choice of two numbers (`available ? 2 : 1`); taken at its largest,
  // the loop runs at most twice: one re-attempt.
  twoAttemptsChoice: `export async function probe(device, available) {
  const attempts = available ? 2 : 1;
  for (let i = 1; i <= attempts; i++) {
    try {
      await device.ping();
      return true;
    } catch (error) {
      if (i !== attempts) await sleep(3000);
    }
  }
  return false;
}`,
  // Real code (zigbee2mqtt, `utils.sleep(3)` counts seconds): a wait under 100 given to a helper whose unit the file
  // does not show gets no rewrite (reportBounded).
  shortHelperWait: `export async function ping(device) {
  for (let i = 1; i <= 3; i++) {
    try {
      await device.ping();
      return true;
    } catch (error) {
      await utils.sleep(3);
    }
  }
  return false;
}`,
  // Real code (matrix-js-sdk libolm_migration): a comment says it retries until it succeeds; no-unbounded-retry offers no
  // limit, require-retry-backoff offers backoff alone.
  untilSucceeds: `export async function migrate(http) {
  let done = false;
  let info = null;
  while (!done) {
    try {
      info = await requestKeyBackupVersion(http);
      done = true;
    } catch (e) {
      // Retry until successful
      await sleep(2000);
    }
  }
  return info;
}`,
  // Real code (matrix-js-sdk PerSessionKeyBackupDownloader): the loop takes the next item after a success; a failure
  // count would need resetting per item, so no rewrite.
  queueLoop: `export class Downloader {
  async downloadKeysLoop() {
    if (this.downloadLoopRunning) return;
    this.downloadLoopRunning = true;
    try {
      while (this.queuedRequests.length > 0) {
        const request = this.queuedRequests[0];
        try {
          const configuration = await this.getOrCreateBackupConfiguration();
          if (!configuration) {
            this.downloadLoopRunning = false;
            return;
          }
          const result = await this.queryKeyBackup(request.roomId, request.megolmSessionId, configuration);
          if (this.stopped) {
            return;
          }
          try {
            await this.decryptAndImport(request, result, configuration);
          } catch (e) {
            this.logger.error('Error while decrypting and importing key backup', e);
          }
          this.queuedRequests.shift();
        } catch (err) {
          if (err instanceof KeyDownloadError) {
            switch (err.code) {
              case 'MISSING_DECRYPTION_KEY':
                this.markAsNotFoundInBackup(request.megolmSessionId);
                this.queuedRequests.shift();
                break;
              case 'NETWORK_ERROR':
                await sleep(KEY_BACKUP_BACKOFF);
                break;
              case 'STOPPED':
                this.downloadLoopRunning = false;
                return;
            }
          } else if (err instanceof KeyDownloadRateLimitError) {
            await sleep(err.retryMillis);
          }
        }
      }
    } finally {
      this.downloadLoopRunning = false;
    }
  }
}`,
  // Twin (review): a method of the file the loop calls sets the flag again: the loop goes round on its own.
  flagSetByHelper: `export class Decryptor {
  async decryptionLoop(crypto) {
    while (true) {
      this.retryDecryption = false;
      try {
        return await crypto.decryptEvent(this);
      } catch (e) {
        this.onDecryptionError(e);
        if (this.retryDecryption) {
          continue;
        }
        throw e;
      }
    }
  }

  onDecryptionError(e) {
    if (e.code === 'ETIMEDOUT' || e.code === 'ECONNRESET') {
      this.retryDecryption = true;
    }
  }
}`,
  // Twin (review): the flag set by destructuring in the loop.
  flagSetByDestructuring: `export class Sync {
  async loop() {
    while (true) {
      this.shouldRetry = false;
      try {
        return await this.api.sync();
      } catch (err) {
        ({ retry: this.shouldRetry } = classify(err));
        if (this.shouldRetry) continue;
        throw err;
      }
    }
  }
}`,
  // Twin (review): the flag set through `self` (`const self = this`).
  flagSetThroughAlias: `export class Sync {
  async loop() {
    const self = this;
    while (true) {
      this.shouldRetry = false;
      try {
        return await this.api.sync();
      } catch (err) {
        if (err.status >= 500) self.shouldRetry = true;
        if (this.shouldRetry) continue;
        throw err;
      }
    }
  }
}`,
  // Twin (review): the callee given the count compares it only for a log line: no limit.
  refreshLogsCount: `async function refreshToken(session, attempt) {
  if (attempt > 0) log.warn(\`refreshing the access token again (attempt \${attempt})\`);
  const res = await post('/oauth/token', { refresh_token: session.refreshToken });
  if (!res.ok) return 'failed';
  session.accessToken = res.body.access_token;
  return 'ok';
}

export async function authedGet(session, url, attempt = 0) {
  try {
    return await get(url, session.accessToken);
  } catch (err) {
    if (err.status === 401) {
      const outcome = await refreshToken(session, attempt);
      if (outcome === 'ok') return authedGet(session, url, attempt + 1);
    }
    throw err;
  }
}`,
  // Twin (review): the callee given the count answers 0 once and 2000 after: no limit (`attempt === 0` is not one).
  delayFirstThenFixed: `function retryDelay(attempt) {
  return attempt === 0 ? 0 : 2000;
}

export class Publisher {
  publish(msg, attempt = 0) {
    this.channel.publish(msg).catch((err) => {
      this.log.warn('publish failed', err);
      const delay = retryDelay(attempt);
      if (delay > 0) {
        setTimeout(() => this.publish(msg, attempt + 1), delay);
      } else {
        this.publish(msg, attempt + 1);
      }
    });
  }
}`,
  // Twin (review): a logger given the count decides nothing.
  countToLogger: `export async function connectForever(url) {
  let attempt = 0;
  while (true) {
    try {
      return await connect(url);
    } catch (err) {
      attempt++;
      const logged = logger.warn('connect failed', attempt, err);
      if (logged === false) throw err;
    }
  }
}`,
  // Twin (review): the clamped value is a local the re-run declares again.
  clampLocal: `export class Scheduler {
  async scheduleDisconnect(roomId) {
    let delay = this.config.disconnectDelay ?? 8000;
    try {
      const res = await this.client.sendDelayedEvent(roomId, { delay });
      this.delayId = res.delay_id;
    } catch (e) {
      const maxAllowed = e.data?.max_delay;
      if (typeof maxAllowed === 'number' && delay > maxAllowed) {
        delay = maxAllowed;
        return this.scheduleDisconnect(roomId);
      }
      throw e;
    }
  }
}`,
  // Twin (review): `!==` lets two values take turns (a redirect between two nodes).
  clampPingPong: `export class ClusterClient {
  async send(command) {
    try {
      return await this.connection.send(command);
    } catch (err) {
      const target = err.movedTo;
      if (err.code === 'MOVED' && this.nodeAddress !== target) {
        this.nodeAddress = target;
        this.connection = this.connect(this.nodeAddress);
        return this.send(command);
      }
      throw err;
    }
  }
}`,
  // Twin (review): the clamp runs only under a further condition; the retry runs either way.
  clampConditional: `export class Scheduler {
  get expiryTimeout() {
    return this.expiryTimeoutOverride ?? this.config.expiryTimeout ?? 8000;
  }
  async prepare() {
    try {
      await this.client.sendDelayed({ delay: this.expiryTimeout });
    } catch (e) {
      const max = e.data.max_delay;
      if (this.expiryTimeout > max) {
        if (this.config.allowOverride) this.expiryTimeoutOverride = max;
        return this.prepare();
      }
      throw e;
    }
  }
}`,
  // Twin (review): the clamped value is a property of an options object made anew for each call.
  clampFreshOptions: `export class Uploader {
  async upload(file) {
    const opts = { chunkSize: this.defaultChunkSize };
    try {
      return await this.api.put(file, opts);
    } catch (e) {
      if (e.code === 'CHUNK_TOO_LARGE' && opts.chunkSize > e.maxChunkSize) {
        opts.chunkSize = e.maxChunkSize;
        return this.upload(file);
      }
      throw e;
    }
  }
}`,
  // Twin (review): a cap equal to the first wait: every wait is the same, so no backoff.
  capEqualsStart: `import pRetry from 'p-retry';

export function keepSyncing(run) {
  return pRetry(run, { forever: true, minTimeout: 5000, maxTimeout: 5000 });
}`,
  // Twin (review): the helper waits on one branch only: not the wait of the retry.
  helperWaitsOnOneBranch: `export class Loader {
  load = async () => {
    try {
      this.data = await this.api.fetchAll();
    } catch (err) {
      await this.handleError(err);
      return this.load();
    }
  };

  async handleError(err) {
    if (err.status === 429) {
      this.rateLimitHits++;
      await sleep(Math.min(1000 * 2 ** this.rateLimitHits, 60000));
    }
    this.emit('error', err);
  }
}`,
  // Twin (review): a timer the helper arms for something else (a banner) is not the wait of the retry.
  helperUnrelatedTimer: `export class Loader {
  load = async () => {
    try {
      this.data = await this.api.fetchAll();
    } catch (err) {
      await this.showError(err);
      return this.load();
    }
  };

  showError(err) {
    this.errorCount++;
    this.bannerTimer = setTimeout(() => this.hideBanner(), 1000 * this.errorCount);
    return this.telemetry.report(err);
  }
}`,
  // Twin (review): a watchdog timer cleared when the work ends is not a wait.
  helperWatchdog: `export class Loader {
  load = async () => {
    try {
      this.data = await this.api.fetchAll();
    } catch (err) {
      await this.flushLogs();
      return this.load();
    }
  };

  flushLogs(limit = 5000) {
    const timer = setTimeout(() => this.logger.abort(), limit);
    return this.logger.flush().finally(() => clearTimeout(timer));
  }
}`,
  // Twin (review): `await sleep(pause)` with `pause = 0` does not wait.
  helperZeroDefault: `export class Loader {
  async load() {
    try {
      this.data = await this.api.fetchAll();
    } catch (err) {
      await this.report(err);
      return this.load();
    }
  }

  async report(err, pause = 0) {
    this.log.error(err);
    await sleep(pause);
  }
}`,
  // Bounded by an abort signal (reportBounded): the message says it goes on until it gives up or is cancelled.
  abortBounded: `export async function watch(url, signal) {
  while (true) {
    signal.throwIfAborted();
    try {
      return await get(url, { signal });
    } catch (err) {
      await sleep(1000);
    }
  }
}`,
  // Real code (@hocuspocus/provider): the close handler re-runs connect(), which starts a run of @lifeomic/attempt's
  // retry; the waits between attempts are the library's (options it cannot read as constant), so recommended leaves it and
  // strict reports only that it never ends.
  pacedLibraryRun: `import { retry } from '@lifeomic/attempt';

export class ProviderWebsocket {
  connect() {
    if (this.cancelRetry) {
      this.cancelRetry();
      this.cancelRetry = undefined;
    }
    const abortableRetry = () => {
      let cancelAttempt = false;
      const retryPromise = retry(this.createWebSocketConnection.bind(this), {
        delay: this.configuration.delay,
        factor: this.configuration.factor,
        maxAttempts: this.configuration.maxAttempts,
        maxDelay: this.configuration.maxDelay,
        jitter: this.configuration.jitter,
        beforeAttempt: (context) => {
          if (!this.shouldConnect || cancelAttempt) context.abort();
        },
      }).catch((error) => this.emit('maxAttemptsFailed', { error }));
      return { retryPromise, cancelFunc: () => { cancelAttempt = true; } };
    };
    const { retryPromise, cancelFunc } = abortableRetry();
    this.cancelRetry = cancelFunc;
    return retryPromise;
  }

  createWebSocketConnection() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.addEventListener('open', resolve);
      ws.addEventListener('close', (event) => this.onClose(event));
      ws.addEventListener('error', reject);
    });
  }

  onClose(event) {
    if (!this.cancelRetry && this.shouldConnect) {
      this.reconnectTimeout = setTimeout(() => {
        this.reconnectTimeout = null;
        this.connect();
      }, this.configuration.delay);
    }
  }
}`,
  // Twin (final review): the re-run sets the clamped value again at its top, so the clamp does not last.
  clampResetAtTop: `class C {
  async send(req) {
    this.timeout = req.timeout;
    try {
      return await this.http.post(req, { timeout: this.timeout });
    } catch (e) {
      if (this.timeout > e.maxAllowed) {
        this.timeout = e.maxAllowed;
        return this.send(req);
      }
      throw e;
    }
  }
}`,
  // Twin (final review): the flag is set by a method that a method the loop calls calls.
  flagSetTwoCallsDeep: `class D {
  markRetry() { this.retryDecryption = true; }
  onError(e) { if (e.code === 'X') this.markRetry(); }
  async run() {
    while (true) {
      this.retryDecryption = false;
      try {
        await this.decrypt();
        return;
      } catch (e) {
        this.onError(e);
        if (this.retryDecryption) continue;
        throw e;
      }
    }
  }
}`,
  // Twin (final review): the flag set by array destructuring.
  flagSetByArrayPattern: `class D {
  async run() {
    while (true) {
      this.retryDecryption = false;
      try {
        await this.decrypt();
        return;
      } catch (e) {
        [this.retryDecryption] = [e.code === 'X'];
        if (this.retryDecryption) continue;
        throw e;
      }
    }
  }
}`,
  // Twin (final review): a local flag an error listener of the function sets while the loop runs.
  localFlagSetOnError: `export async function send(socket, payload) {
  let retry = false;
  socket.on('error', () => { retry = true; });
  while (true) {
    retry = false;
    try {
      await socket.write(payload);
      return;
    } catch (e) {
      await new Promise((r) => setTimeout(r, 100));
      if (retry) continue;
      throw e;
    }
  }
}`,
  // Twin (final review): the callee given the count only caps its answer (`if (a > 5) return 30000`): it never ends the retry.
  calleeCapsDelay: `function nextDelay(attempt) {
  if (attempt > 5) return 30000;
  return 1000 * 2 ** attempt;
}
async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const delay = nextDelay(attempt);
      if (delay === 0) throw e;
      await sleep(1000);
    }
  }
}`,
  // Twin (final review): an imported callee given the count that is no retry policy (`store.saveAttempt`): its answer is no verdict.
  importedNonPolicyCallee: `async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const ok = await store.saveAttempt(jobId, attempt);
      if (!ok) throw e;
    }
  }
}`,
  // Twin (final review): `tracker.decide(attempt)` is not taken for a logger; `policy.decide(attempt)` bounds.
  trackerVersusPolicy: `import { tracker, policy } from './x';
async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const verdict = tracker.decide(attempt);
      if (!verdict) throw e;
    }
  }
}
async function run2() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const verdict = policy.decide(attempt);
      if (!verdict) throw e;
    }
  }
}`,
  // Twin (final review): a library call on other work in the re-run (not a reconnect whose attempt opens the connection).
  libraryRunOnOtherWork: `import pRetry from 'p-retry';
async function sync() {
  try {
    const data = await fetchData();
    await pRetry(() => save(data), { retries: 5 });
  } catch (e) {
    return sync();
  }
}`,
  // Twin (final review): the helper is passed its wait (`this.holdOff(5000)`): a constant 5 s, not an unknown wait.
  helperPassedDelay: `class Sync {
  async holdOff(ms) {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  async recover(err) {
    await this.holdOff(5000);
  }
  async load() {
    try {
      return await this.op();
    } catch (err) {
      await this.recover(err);
      return this.load();
    }
  }
}`,
  // Twin (final review): a TODO asking for a limit is no promise to retry forever: the limit is offered.
  negatedIntent: `async function f() {
  // TODO: don't retry forever, add a limit
  while (true) {
    try {
      return await op();
    } catch (e) {
      await sleep(1000);
    }
  }
}`,
  // Real code shape: the comment above `const load = async () => ...` speaks for the retry: no limit is added.
  intentAboveArrow: `// Retry until successful
const load = async () => {
  try {
    return await op();
  } catch (e) {
    await sleep(1000);
    return load();
  }
};`,
  // Twin (final review): the helper waits only after an early return for most errors: no wait.
  helperEarlyReturn: `async function recover(e) {
  if (e.code !== "ECONNRESET") return;
  await sleep(2000);
}
async function load() {
  try {
    return await op();
  } catch (e) {
    await recover(e);
    return load();
  }
}`,
  // Trap (review): the failure path passes its helper a growing delay (`holdOff(Math.min(30000, 1000 * 2 ** attempt))`): backoff, read as the retry own delay.
  passedGrowingDelay: `async function holdOff(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
export async function load(attempt = 0) {
  try {
    return await op();
  } catch (err) {
    await holdOff(Math.min(30000, 1000 * 2 ** attempt));
    return load(attempt + 1);
  }
}`,
  // Trap (review): the callee of the file answers `Decision.GiveUp` at the limit, and the caller tests that answer.
  enumVerdictAtLimit: `const Decision = { Retry: 'retry', GiveUp: 'give-up' };
const MAX_ATTEMPTS = 5;
function decide(attempt, err) {
  if (attempt >= MAX_ATTEMPTS) return Decision.GiveUp;
  return Decision.Retry;
}
export async function run(op) {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const decision = decide(attempt, e);
      if (decision === Decision.GiveUp) throw e;
      await sleep(1000 * 2 ** attempt);
    }
  }
}`,
  // Trap (review): the paced library run started under an `if`.
  pacedRunUnderIf: `import { retry } from '@lifeomic/attempt';

export class ProviderWebsocket {
  connect() {
    if (this.shouldConnect) {
      return retry(this.createWebSocketConnection.bind(this), {
        delay: this.configuration.delay,
        factor: this.configuration.factor,
        maxAttempts: this.configuration.maxAttempts,
        maxDelay: this.configuration.maxDelay,
        jitter: this.configuration.jitter,
      }).catch((error) => this.emit('maxAttemptsFailed', { error }));
    }
  }
  createWebSocketConnection() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.addEventListener('open', resolve);
      ws.addEventListener('close', (event) => this.onClose(event));
      ws.addEventListener('error', reject);
    });
  }

  onClose(event) {
    if (!this.cancelRetry && this.shouldConnect) {
      this.reconnectTimeout = setTimeout(() => {
        this.reconnectTimeout = null;
        this.connect();
      }, this.configuration.delay);
    }
  }
}`,
  // Trap (review): the paced library run stored (`this.retrying = retry(...)`).
  pacedRunStored: `import { retry } from '@lifeomic/attempt';

export class ProviderWebsocket {
  connect() {
    this.retrying = retry(this.createWebSocketConnection.bind(this), {
        delay: this.configuration.delay,
        factor: this.configuration.factor,
        maxAttempts: this.configuration.maxAttempts,
        maxDelay: this.configuration.maxDelay,
        jitter: this.configuration.jitter,
      }).catch((error) => this.emit('maxAttemptsFailed', { error }));
    return this.retrying;
  }
  createWebSocketConnection() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.addEventListener('open', resolve);
      ws.addEventListener('close', (event) => this.onClose(event));
      ws.addEventListener('error', reject);
    });
  }

  onClose(event) {
    if (!this.cancelRetry && this.shouldConnect) {
      this.reconnectTimeout = setTimeout(() => {
        this.reconnectTimeout = null;
        this.connect();
      }, this.configuration.delay);
    }
  }
}`,
  // Trap (review): an imported callee asked as a question (`limiter.canAttempt(attempt)`) decides.
  predicateCallee: `import { limiter } from './limiter';
export async function run(op) {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const allowed = await limiter.canAttempt(attempt);
      if (!allowed) throw e;
      await sleep(1000 * 2 ** attempt);
    }
  }
}`,
  // Twin (review): an error class of an imported classifier (`ErrorKind.Fatal`) is no verdict on going on.
  classificationIsNoVerdict: `import { classify, ErrorKind } from './errors';
export async function run(op) {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const kind = classify(e, attempt);
      if (kind === ErrorKind.Fatal) throw e;
      await sleep(1000);
    }
  }
}`,
  // Trap (review): `Retries forever and never rejects`: a negation after the words of intent does not undo them.
  intentThenNegation: `/** Retries forever and never rejects. */
async function connect() {
  try {
    return await open();
  } catch (e) {
    await sleep(1000);
    return connect();
  }
}
connect();`,
  // Trap (review): a status shown to a person states the wait; a grown wait would make it false.
  statedWaitInStatus: `async function f() {
  while (true) {
    try {
      return await op();
    } catch (e) {
      spinner.text = 'Connection failed, retrying in 2 seconds';
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}`,
  // Twin (last review): the clamped value is set again first in the try, before the attempt: the clamp does not last.
  clampResetInTry: `class Client {
  async send(req) {
    try {
      this.timeout = req.timeout;
      return await this.http(req, this.timeout);
    } catch (e) {
      if (this.timeout > this.maxTimeout) {
        this.timeout = this.maxTimeout;
        return this.send(req);
      }
      throw e;
    }
  }
}`,
  // Twin (last review): the callee returns a named cap at the limit (`MAX_DELAY`): a wait, not a stop.
  capReturnedByName: `const MAX_DELAY = 30000;
function delayFor(attempt) {
  if (attempt >= 8) return MAX_DELAY;
  return 250 * 2 ** attempt;
}
async function connectLoop() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (err) {
      attempt++;
      const delay = delayFor(attempt);
      if (!delay) throw err;
      await sleep(delay);
    }
  }
}`,
  // Twin (last review): `saved.ok` of an imported callee that is no policy is no verdict on retrying.
  weakOkProperty: `async function run(attempt = 0) {
  try {
    return await push();
  } catch (err) {
    const saved = await store.saveAttempt(jobId, attempt);
    if (!saved.ok) throw err;
    await sleep(1000);
    return run(attempt + 1);
  }
}`,
  // Twin (last review): a comment inside another statement of the loop (an inner loop over items) speaks of other work.
  innerLoopComment: `async function f(items) {
  while (true) {
    for (const item of items) {
      // retry each item until it succeeds
      await sendItem(item);
    }
    try {
      return await op();
    } catch (e) {
      await sleep(1000);
    }
  }
}`,
  // Trap (last review): the helper grows its wait with the count it is passed: not judged as constant.
  helperGrowsWithPassedCount: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function holdOff(err, attempt) {
  await sleep(1000 * 2 ** attempt);
}
async function load(attempt = 0) {
  try {
    return await fetchIt();
  } catch (e) {
    await holdOff(e, attempt);
    return load(attempt + 1);
  }
}`,
  // Twin (final check): a helper that turns seconds into milliseconds, passed a number (`sleepSeconds(5)`): a constant wait.
  helperSecondsFixed: `async function sleepSeconds(seconds) {
  await new Promise((r) => setTimeout(r, seconds * 1000));
}
async function load() {
  try {
    return await fetchIt();
  } catch (e) {
    await sleepSeconds(5);
    return load();
  }
}`,
  // Trap (final check): a write at the top that only lowers the value (`if (x > c) x = c`) does not undo the clamp.
  clampLoweredAtTop: `class Client {
  async send(req) {
    if (this.timeout > this.ceiling) this.timeout = this.ceiling;
    try {
      return await this.http(req, this.timeout);
    } catch (e) {
      if (this.timeout > this.minTimeout) {
        this.timeout = this.minTimeout;
        return this.send(req);
      }
      throw e;
    }
  }
}`,
  // Trap (final check): `Retry forever, since giving up would lose queued messages`: the reason after the words is no hypothesis.
  intentWithReason: `async function consume() {
  while (true) {
    try {
      return await queue.connect();
    } catch (err) {
      // Retry forever, since giving up would lose queued messages.
      await sleep(1000);
    }
  }
}`,
  // Trap (final check): an awaited callee named for waiting (`pauseFor(attempt)`) may be the wait.
  waitingCallee: `async function sync() {
  let attempt = 0;
  while (true) {
    try {
      return await push();
    } catch (err) {
      attempt++;
      const waited = await pauseFor(attempt);
      if (waited < 0) throw err;
    }
  }
}`,
  // Real code (matrix-js-sdk pokeKeepAlive): an endless probe whose random wait never grows; the message says so, not "constant".
  keepAlive: `export class SyncApi {
  pokeKeepAlive() {
    if (!this.running) return;
    this.http.request('GET', '/_matrix/client/versions').then(
      () => this.connectionReturned(),
      () => {
        this.keepAliveTimer = setTimeout(() => this.pokeKeepAlive(), 5000 + Math.floor(Math.random() * 5000));
      },
    );
  }
}`,
  // Twin: the refresher is not given the count, so nothing the file shows ends the re-runs.
  get tokenRefreshUncounted() {
    return this.tokenRefresh.replace(`        const outcome = await this.tokenRefresher.handleUnknownToken(snapshot, attempt);`, `        const outcome = await this.tokenRefresher.handleUnknownToken(snapshot);`);
  },
  // Twin: with `>=` the clamped value still passes the guard.
  get clampGe() {
    return this.clamp.replace(`          if (typeof maxDelayAllowed === 'number' && this.expiryTimeout > maxDelayAllowed) {`, `          if (typeof maxDelayAllowed === 'number' && this.expiryTimeout >= maxDelayAllowed) {`);
  },
  // Twin: `available ? 3 : 1` allows two re-attempts (strict options: reportBounded).
  get threeAttemptsChoice() {
    return this.twoAttemptsChoice.replace(`  const attempts = available ? 2 : 1;`, `  const attempts = available ? 3 : 1;`);
  },
  // Twin (review): a cap below the first wait.
  get capBelowStart() {
    return this.capEqualsStart.replace(`  return pRetry(run, { forever: true, minTimeout: 5000, maxTimeout: 5000 });`, `  return pRetry(run, { forever: true, factor: 2, minTimeout: 30000, maxTimeout: 10000 });`);
  },
  // Real code (matrix-js-sdk libolm_migration): the log line states the wait (`retrying in 2 seconds`); a grown wait
  // would make it false, so no rewrite.
  get statedWaitLog() {
    return this.untilSucceeds.replace(`      // Retry until successful`, `      logger.info('Failed to get backup version during migration, retrying in 2 seconds', e);`);
  },
  // Twin: with `factor: 1` the library waits a constant time, and the reconnect is judged by its own wait.
  get constantLibraryRun() {
    return this.pacedLibraryRun.replace(`        factor: this.configuration.factor,`, `        factor: 1,`);
  },
  // Twin (final review): the library run waits a constant time (cap equal to its first wait): the reconnect is judged by its own wait.
  get libraryCapEqualsStart() {
    return this.pacedLibraryRun.replace(`        delay: this.configuration.delay,
        factor: this.configuration.factor,
        maxAttempts: this.configuration.maxAttempts,
        maxDelay: this.configuration.maxDelay,`, `        delay: 1000,
        factor: 2,
        maxAttempts: this.configuration.maxAttempts,
        maxDelay: 1000,`);
  },
  // Trap (review): the override is reset after a success, which does not undo the clamp before the next failure.
  get clampResetOnSuccess() {
    return this.clampGe.replace(`      } catch (e) {
        if (e.errcode === 'M_MAX_DELAY_EXCEEDED') {
          const maxDelayAllowed = e.data.max_delay;
          if (typeof maxDelayAllowed === 'number' && this.expiryTimeout >= maxDelayAllowed) {`, `        this.expiryTimeoutOverride = undefined;
      } catch (e) {
        if (e.errcode === 'M_MAX_DELAY_EXCEEDED') {
          const maxDelayAllowed = e.data.max_delay;
          if (typeof maxDelayAllowed === 'number' && this.expiryTimeout > maxDelayAllowed) {`);
  },
  // Trap (review): a throw before the wait of the helper never reaches the re-run: the wait counts.
  get throwBeforeHelperWait() {
    return this.helperEarlyReturn.replace(`async function recover(e) {
  if (e.code !== "ECONNRESET") return;`, `async function recover(err) {
  if (err.fatal) throw err;`);
  },
  // Twin (last review): `Never retry forever` asks for the opposite: the limit is offered.
  get neverBeforeIntent() {
    return this.negatedIntent.replace(`  // TODO: don't retry forever, add a limit`, `  // Never retry forever: the server decides when we stop.`);
  },
  // Trap (last review): a TODO in another sentence of the comment does not undo the intent.
  get todoAfterIntent() {
    return this.negatedIntent.replace(`  // TODO: don't retry forever, add a limit`, `  // Keep retrying until it succeeds; the queue must not lose jobs. TODO: emit a metric per failure.`);
  },
  // Trap (final check): `must never exit, so keep retrying until it succeeds`: the never governs another verb.
  get intentAfterMustNever() {
    return this.intentWithReason.replace(`      // Retry forever, since giving up would lose queued messages.`, `      // The worker must never exit, so keep retrying until it succeeds.`);
  },
};

/** Suggestion outputs expected by both rules. */
const outputs = {
  flagTopRearmed: `export class MatrixEvent {
  async decryptionLoop(crypto) {
    let attempt = 0;
    while (true) {
      this.retryDecryption = false;
      let err;
      try {
        this.setClearData(await crypto.decryptEvent(this));
      } catch (e) {
        err = e;
        this.retryDecryption = isTransient(e);
        if (this.retryDecryption) {
          attempt++;
          if (attempt >= 5) throw e;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
          continue;
        }
        this.setFailure(e);
      }
      this.emit('decrypted', this, err);
      return;
    }
  }
}`,
  flagSetByHelper: `export class Decryptor {
  async decryptionLoop(crypto) {
    let attempt = 0;
    while (true) {
      this.retryDecryption = false;
      try {
        return await crypto.decryptEvent(this);
      } catch (e) {
        this.onDecryptionError(e);
        if (this.retryDecryption) {
          attempt++;
          if (attempt >= 5) throw e;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
          continue;
        }
        throw e;
      }
    }
  }

  onDecryptionError(e) {
    if (e.code === 'ETIMEDOUT' || e.code === 'ECONNRESET') {
      this.retryDecryption = true;
    }
  }
}`,
  flagSetByDestructuring: `export class Sync {
  async loop() {
    let attempt = 0;
    while (true) {
      this.shouldRetry = false;
      try {
        return await this.api.sync();
      } catch (err) {
        ({ retry: this.shouldRetry } = classify(err));
        if (this.shouldRetry) { attempt++; if (attempt >= 5) throw err; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw err;
      }
    }
  }
}`,
  flagSetThroughAlias: `export class Sync {
  async loop() {
    const self = this;
    let attempt = 0;
    while (true) {
      this.shouldRetry = false;
      try {
        return await this.api.sync();
      } catch (err) {
        if (err.status >= 500) self.shouldRetry = true;
        if (this.shouldRetry) { attempt++; if (attempt >= 5) throw err; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw err;
      }
    }
  }
}`,
  countToLogger: `export async function connectForever(url) {
  let attempt = 0;
  while (true) {
    try {
      return await connect(url);
    } catch (err) {
      attempt++;
      const logged = logger.warn('connect failed', attempt, err);
      if (logged === false) throw err;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  flagSetTwoCallsDeep: `class D {
  markRetry() { this.retryDecryption = true; }
  onError(e) { if (e.code === 'X') this.markRetry(); }
  async run() {
    let attempt = 0;
    while (true) {
      this.retryDecryption = false;
      try {
        await this.decrypt();
        return;
      } catch (e) {
        this.onError(e);
        if (this.retryDecryption) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  flagSetByArrayPattern: `class D {
  async run() {
    let attempt = 0;
    while (true) {
      this.retryDecryption = false;
      try {
        await this.decrypt();
        return;
      } catch (e) {
        [this.retryDecryption] = [e.code === 'X'];
        if (this.retryDecryption) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  localFlagSetOnError: `export async function send(socket, payload) {
  let retry = false;
  socket.on('error', () => { retry = true; });
  let attempt = 0;
  while (true) {
    retry = false;
    try {
      await socket.write(payload);
      return;
    } catch (e) {
      await new Promise((r) => setTimeout(r, Math.max(100, Math.random() * Math.min(10000, 100 * 2 ** attempt))));
      if (retry) { attempt++; if (attempt >= 5) throw e; continue; }
      throw e;
    }
  }
}`,
  calleeCapsDelay: `function nextDelay(attempt) {
  if (attempt > 5) return 30000;
  return 1000 * 2 ** attempt;
}
async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const delay = nextDelay(attempt);
      if (delay === 0) throw e;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  importedNonPolicyCallee: `async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const ok = await store.saveAttempt(jobId, attempt);
      if (!ok) throw e;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  trackerVersusPolicy: `import { tracker, policy } from './x';
async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const verdict = tracker.decide(attempt);
      if (!verdict) throw e;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}
async function run2() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const verdict = policy.decide(attempt);
      if (!verdict) throw e;
    }
  }
}`,
  libraryRunOnOtherWork: `import pRetry from 'p-retry';
async function sync(attempt = 0) {
  try {
    const data = await fetchData();
    await pRetry(() => save(data), { retries: 5 });
  } catch (e) {
    if (attempt + 1 >= 5) throw e;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt)));
    return sync(attempt + 1);
  }
}`,
  negatedIntent: `async function f() {
  let attempt = 0;
  // TODO: don't retry forever, add a limit
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  helperEarlyReturn: `async function recover(e) {
  if (e.code !== "ECONNRESET") return;
  await sleep(2000);
}
async function load(attempt = 0) {
  try {
    return await op();
  } catch (e) {
    await recover(e);
    if (attempt + 1 >= 5) throw e;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** attempt)));
    return load(attempt + 1);
  }
}`,
  classificationIsNoVerdict: `import { classify, ErrorKind } from './errors';
export async function run(op) {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const kind = classify(e, attempt);
      if (kind === ErrorKind.Fatal) throw e;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  weakOkProperty: `async function run(attempt = 0, failedAttempts = 0) {
  try {
    return await push();
  } catch (err) {
    const saved = await store.saveAttempt(jobId, attempt);
    if (!saved.ok) throw err;
    if (failedAttempts + 1 >= 5) throw err;
    await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** failedAttempts)));
    return run(attempt + 1, failedAttempts + 1);
  }
}`,
  innerLoopComment: `async function f(items) {
  let attempt = 0;
  while (true) {
    for (const item of items) {
      // retry each item until it succeeds
      await sendItem(item);
    }
    try {
      return await op();
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  untilSucceeds: `export async function migrate(http) {
  let done = false;
  let info = null;
  let attempt = 0;
  while (!done) {
    try {
      info = await requestKeyBackupVersion(http);
      done = true;
    } catch (e) {
      attempt++;
      // Retry until successful
      await sleep(Math.max(2000, Math.random() * Math.min(10000, 2000 * 2 ** (attempt - 1))));
    }
  }
  return info;
}`,
  intentAboveArrow: `// Retry until successful
const load = async (attempt = 0) => {
  try {
    return await op();
  } catch (e) {
    await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** attempt)));
    return load(attempt + 1);
  }
};`,
  intentThenNegation: `/** Retries forever and never rejects. */
async function connect(attempt = 0) {
  try {
    return await open();
  } catch (e) {
    await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** attempt)));
    return connect(attempt + 1);
  }
}
connect();`,
  neverBeforeIntent: `async function f() {
  let attempt = 0;
  // Never retry forever: the server decides when we stop.
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  todoAfterIntent: `async function f() {
  let attempt = 0;
  // Keep retrying until it succeeds; the queue must not lose jobs. TODO: emit a metric per failure.
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  intentWithReason: `async function consume() {
  let attempt = 0;
  while (true) {
    try {
      return await queue.connect();
    } catch (err) {
      attempt++;
      // Retry forever, since giving up would lose queued messages.
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  intentAfterMustNever: `async function consume() {
  let attempt = 0;
  while (true) {
    try {
      return await queue.connect();
    } catch (err) {
      attempt++;
      // The worker must never exit, so keep retrying until it succeeds.
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: bounds decided elsewhere', noUnboundedRetry as never, {
  valid: [
    cases.flagTop,
    { code: cases.flagTop, options: STRICT },
    cases.tokenRefresh,
    { code: cases.tokenRefresh, options: STRICT },
    cases.policyDelay,
    { code: cases.policyDelay, options: STRICT },
    cases.policyDelayUntested,
    cases.policyDelaySameFile,
    cases.clamp,
    { code: cases.clamp, options: STRICT },
    cases.twoAttemptsChoice,
    { code: cases.twoAttemptsChoice, options: STRICT },
    cases.threeAttemptsChoice,
    { code: cases.threeAttemptsChoice, options: STRICT },
    cases.shortHelperWait,
    { code: cases.shortHelperWait, options: STRICT },
    cases.abortBounded,
    { code: cases.abortBounded, options: STRICT },
    cases.pacedLibraryRun,
    cases.passedGrowingDelay,
    cases.enumVerdictAtLimit,
    { code: cases.enumVerdictAtLimit, options: STRICT },
    cases.pacedRunUnderIf,
    cases.pacedRunStored,
    cases.clampResetOnSuccess,
    { code: cases.clampResetOnSuccess, options: STRICT },
    cases.predicateCallee,
    { code: cases.predicateCallee, options: STRICT },
    cases.capReturnedByName,
    cases.helperGrowsWithPassedCount,
    cases.clampLoweredAtTop,
    { code: cases.clampLoweredAtTop, options: STRICT },
    cases.waitingCallee,
  ],
  invalid: [
    ...inBoth(cases.flagTopRearmed, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagTopRearmed,
            },
          ],
        },
      ]),
    ...inBoth(cases.tokenRefreshUncounted, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ]),
    {
      code: cases.policyDelayUntested,
      options: STRICT,
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
              data: { description: "Count failures with the existing `currentRetryCount`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `export async function requestWithRetry(method, path, body) {
  let currentRetryCount = 0;
  while (true) {
    try {
      return await rawJsonRequest(method, path, body);
    } catch (e) {
      currentRetryCount++;
      const backoff = calculateRetryBackoff(e, currentRetryCount, true);
      if (currentRetryCount >= 5) throw e;
      await sleep(backoff);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: cases.policyDelaySameFile,
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
              data: { description: "Count failures with the existing `currentRetryCount`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `function delayFor(attempt) {
  return attempt * 1000;
}

export async function requestWithRetry(method, path, body) {
  let currentRetryCount = 0;
  while (true) {
    try {
      return await rawJsonRequest(method, path, body);
    } catch (e) {
      currentRetryCount++;
      const backoff = delayFor(currentRetryCount);
      if (backoff < 0) throw e;
      if (currentRetryCount >= 5) throw e;
      await sleep(backoff);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.clampGe, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 49,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperWait, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperNoWait, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperConstantWait, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.untilSucceeds, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          data: {"noFix":" No quick fix: the code says it retries until it succeeds (`Retry until successful`), so a limit would change what it promises; a decision for a person."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.queueLoop, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 12,
          data: {"noFix":" No quick fix: the loop goes on to the next item after a success (a queue), so a failure count would have to start again for each item; where to reset it is a decision for a person."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.flagSetByHelper, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetByHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.flagSetByDestructuring, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetByDestructuring,
            },
          ],
        },
      ]),
    ...inBoth(cases.flagSetThroughAlias, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetThroughAlias,
            },
          ],
        },
      ]),
    ...inBoth(cases.refreshLogsCount, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 15,
          column: 36,
          endLine: 15,
          endColumn: 72,
          suggestions: [],
        },
      ]),
    {
      code: cases.delayFirstThenFixed,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.delayFirstThenFixed,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 64,
          suggestions: [],
        },
        {
          messageId: 'unboundedRecursion',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.countToLogger, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.countToLogger,
            },
          ],
        },
      ]),
    ...inBoth(cases.clampLocal, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 11,
          column: 16,
          endLine: 11,
          endColumn: 47,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampPingPong, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 34,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampConditional, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 12,
          column: 16,
          endLine: 12,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampFreshOptions, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 33,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.capEqualsStart, STRICT, [
        {
          messageId: 'unboundedLibraryOption',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              data: { description: "Set forever: false." },
              output: `import pRetry from 'p-retry';

export function keepSyncing(run) {
  return pRetry(run, { forever: false, minTimeout: 5000, maxTimeout: 5000 });
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.capBelowStart, STRICT, [
        {
          messageId: 'unboundedLibraryOption',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'setLibraryLimit',
              data: { description: "Set forever: false." },
              output: `import pRetry from 'p-retry';

export function keepSyncing(run) {
  return pRetry(run, { forever: false, factor: 2, minTimeout: 30000, maxTimeout: 10000 });
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperWaitsOnOneBranch, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperUnrelatedTimer, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperWatchdog, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperZeroDefault, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.statedWaitLog, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          data: {"noFix":" No quick fix: the code states its wait (`Failed to get backup version during migration, retrying i...`), which a growing wait would make false; a decision for a person."},
          suggestions: [],
        },
      ]),
    {
      code: cases.pacedLibraryRun,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 39,
          column: 31,
          endLine: 42,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.constantLibraryRun, STRICT, [
        {
          messageId: 'unboundedReconnect',
          line: 39,
          column: 31,
          endLine: 42,
          endColumn: 35,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampResetAtTop, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.flagSetTwoCallsDeep, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetTwoCallsDeep,
            },
          ],
        },
      ]),
    ...inBoth(cases.flagSetByArrayPattern, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetByArrayPattern,
            },
          ],
        },
      ]),
    ...inBoth(cases.localFlagSetOnError, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 100 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.localFlagSetOnError,
            },
          ],
        },
      ]),
    ...inBoth(cases.calleeCapsDelay, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.calleeCapsDelay,
            },
          ],
        },
      ]),
    ...inBoth(cases.importedNonPolicyCallee, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.importedNonPolicyCallee,
            },
          ],
        },
      ]),
    ...inBoth(cases.trackerVersusPolicy, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.trackerVersusPolicy,
            },
          ],
        },
      ]),
    ...inBoth(cases.libraryRunOnOtherWork, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.libraryRunOnOtherWork,
            },
          ],
        },
      ]),
    ...inBoth(cases.libraryCapEqualsStart, STRICT, [
        {
          messageId: 'unboundedReconnect',
          line: 39,
          column: 31,
          endLine: 42,
          endColumn: 35,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperPassedDelay, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.negatedIntent, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.negatedIntent,
            },
          ],
        },
      ]),
    ...inBoth(cases.intentAboveArrow, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 18,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperEarlyReturn, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.helperEarlyReturn,
            },
          ],
        },
      ]),
    {
      code: cases.passedGrowingDelay,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.pacedRunUnderIf,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 26,
          column: 31,
          endLine: 29,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.pacedRunStored,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedReconnect',
          line: 25,
          column: 31,
          endLine: 28,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.classificationIsNoVerdict, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.classificationIsNoVerdict,
            },
          ],
        },
      ]),
    ...inBoth(cases.throwBeforeHelperWait, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function recover(err) {
  if (err.fatal) throw err;
  await sleep(2000);
}
async function load(attempt = 0) {
  try {
    return await op();
  } catch (e) {
    await recover(e);
    if (attempt + 1 >= 5) throw e;
    return load(attempt + 1);
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.intentThenNegation, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 21,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.statedWaitInStatus, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampResetInTry, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    {
      code: cases.capReturnedByName,
      options: STRICT,
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
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const MAX_DELAY = 30000;
function delayFor(attempt) {
  if (attempt >= 8) return MAX_DELAY;
  return 250 * 2 ** attempt;
}
async function connectLoop() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (err) {
      attempt++;
      const delay = delayFor(attempt);
      if (!delay) throw err;
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
    ...inBoth(cases.weakOkProperty, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `failedAttempts` parameter counting the attempts (the recursive call passes `failedAttempts + 1`); after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.weakOkProperty,
            },
          ],
        },
      ]),
    ...inBoth(cases.neverBeforeIntent, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.todoAfterIntent, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.innerLoopComment, STRICT, [
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
              output: outputs.innerLoopComment,
            },
          ],
        },
      ]),
    {
      code: cases.helperGrowsWithPassedCount,
      options: STRICT,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `failedAttempts` parameter counting the attempts (the recursive call passes `failedAttempts + 1`); after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function holdOff(err, attempt) {
  await sleep(1000 * 2 ** attempt);
}
async function load(attempt = 0, failedAttempts = 0) {
  try {
    return await fetchIt();
  } catch (e) {
    if (failedAttempts + 1 >= 5) throw e;
    await holdOff(e, attempt);
    return load(attempt + 1, failedAttempts + 1);
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.helperSecondsFixed, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'boundRetry',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; keep the existing wait as it is." },
              output: `async function sleepSeconds(seconds) {
  await new Promise((r) => setTimeout(r, seconds * 1000));
}
async function load(attempt = 0) {
  try {
    return await fetchIt();
  } catch (e) {
    if (attempt + 1 >= 5) throw e;
    await sleepSeconds(5);
    return load(attempt + 1);
  }
}`,
            },
          ],
        },
      ]),
    ...inBoth(cases.intentWithReason, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.intentAfterMustNever, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [],
        },
      ]),
    {
      code: cases.waitingCallee,
      options: STRICT,
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
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: `async function sync() {
  let attempt = 0;
  while (true) {
    try {
      return await push();
    } catch (err) {
      attempt++;
      const waited = await pauseFor(attempt);
      if (waited < 0) throw err;
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
    ...inBoth(cases.keepAlive, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 110,
          suggestions: [],
        },
      ]),
  ],
});
}

{
  const STRICT = [{ reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: bounds decided elsewhere', requireRetryBackoff as never, {
  valid: [
    cases.flagTop,
    { code: cases.flagTop, options: STRICT },
    cases.tokenRefresh,
    { code: cases.tokenRefresh, options: STRICT },
    cases.policyDelay,
    { code: cases.policyDelay, options: STRICT },
    cases.policyDelayUntested,
    { code: cases.policyDelayUntested, options: STRICT },
    cases.policyDelaySameFile,
    { code: cases.policyDelaySameFile, options: STRICT },
    cases.clamp,
    { code: cases.clamp, options: STRICT },
    cases.twoAttemptsChoice,
    { code: cases.twoAttemptsChoice, options: STRICT },
    cases.threeAttemptsChoice,
    cases.shortHelperWait,
    cases.capEqualsStart,
    { code: cases.capEqualsStart, options: STRICT },
    cases.capBelowStart,
    { code: cases.capBelowStart, options: STRICT },
    cases.abortBounded,
    cases.pacedLibraryRun,
    { code: cases.pacedLibraryRun, options: STRICT },
    cases.passedGrowingDelay,
    { code: cases.passedGrowingDelay, options: STRICT },
    cases.enumVerdictAtLimit,
    { code: cases.enumVerdictAtLimit, options: STRICT },
    cases.pacedRunUnderIf,
    { code: cases.pacedRunUnderIf, options: STRICT },
    cases.pacedRunStored,
    { code: cases.pacedRunStored, options: STRICT },
    cases.clampResetOnSuccess,
    { code: cases.clampResetOnSuccess, options: STRICT },
    cases.predicateCallee,
    { code: cases.predicateCallee, options: STRICT },
    cases.capReturnedByName,
    { code: cases.capReturnedByName, options: STRICT },
    cases.helperGrowsWithPassedCount,
    { code: cases.helperGrowsWithPassedCount, options: STRICT },
    cases.clampLoweredAtTop,
    { code: cases.clampLoweredAtTop, options: STRICT },
    cases.waitingCallee,
    { code: cases.waitingCallee, options: STRICT },
  ],
  invalid: [
    ...inBoth(cases.flagTopRearmed, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagTopRearmed,
            },
          ],
        },
      ]),
    ...inBoth(cases.tokenRefreshUncounted, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampGe, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 49,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperWait, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'waits a random time that never grows', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.' },
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperNoWait, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.' },
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperConstantWait, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'waits a constant time', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.' },
          suggestions: [],
        },
      ]),
    {
      code: cases.threeAttemptsChoice,
      options: STRICT,
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
              data: { description: "Count failures in a new `attempt`; the existing limit stays; make the existing wait grow exponentially with jitter from 3000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: `export async function probe(device, available) {
  const attempts = available ? 3 : 1;
  let attempt = 0;
  for (let i = 1; i <= attempts; i++) {
    try {
      await device.ping();
      return true;
    } catch (error) {
      attempt++;
      if (i !== attempts) await sleep(Math.max(3000, Math.random() * Math.min(10000, 3000 * 2 ** (attempt - 1))));
    }
  }
  return false;
}`,
            },
          ],
        },
      ],
    },
    {
      code: cases.shortHelperWait,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the existing wait `utils.sleep(3)` is too short to be in milliseconds (a helper that may count seconds), so how long a grown wait should be is a decision for a person."},
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.untilSucceeds, STRICT, [
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
              data: { description: "Count failures in a new `attempt`; no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 2000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.untilSucceeds,
            },
          ],
        },
      ]),
    ...inBoth(cases.queueLoop, STRICT, [
        {
          messageId: 'constantLoop',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 12,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the loop goes on to the next item after a success (a queue), so a failure count would have to start again for each item; where to reset it is a decision for a person."},
          suggestions: [],
        },
      ]),
    ...inBoth(cases.flagSetByHelper, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetByHelper,
            },
          ],
        },
      ]),
    ...inBoth(cases.flagSetByDestructuring, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetByDestructuring,
            },
          ],
        },
      ]),
    ...inBoth(cases.flagSetThroughAlias, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetThroughAlias,
            },
          ],
        },
      ]),
    ...inBoth(cases.refreshLogsCount, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 15,
          column: 36,
          endLine: 15,
          endColumn: 72,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.delayFirstThenFixed, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 39,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.countToLogger, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.countToLogger,
            },
          ],
        },
      ]),
    ...inBoth(cases.clampLocal, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 11,
          column: 16,
          endLine: 11,
          endColumn: 47,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampPingPong, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 34,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampConditional, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 12,
          column: 16,
          endLine: 12,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampFreshOptions, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 33,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperWaitsOnOneBranch, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperUnrelatedTimer, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperWatchdog, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperZeroDefault, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    {
      code: cases.abortBounded,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; the existing limit stays; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: `export async function watch(url, signal) {
  let attempt = 0;
  while (true) {
    signal.throwIfAborted();
    try {
      return await get(url, { signal });
    } catch (err) {
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
    ...inBoth(cases.statedWaitLog, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          data: {"wait":"waits a constant time","noFix":" No quick fix: the code states its wait (`Failed to get backup version during migration, retrying i...`), which a growing wait would make false; a decision for a person."},
          suggestions: [],
        },
      ]),
    // The library run's limit is a setting (`maxAttempts: this.configuration.maxAttempts`): reported with reportBounded only.
    {
      code: cases.constantLibraryRun,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 39,
          column: 31,
          endLine: 42,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.constantLibraryRun,
      options: STRICT,
      errors: [
        {
          messageId: 'libraryConstantOptionBounded',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'setLibraryBackoff',
              data: { description: "Set factor: 2." },
              output: `import { retry } from '@lifeomic/attempt';

export class ProviderWebsocket {
  connect() {
    if (this.cancelRetry) {
      this.cancelRetry();
      this.cancelRetry = undefined;
    }
    const abortableRetry = () => {
      let cancelAttempt = false;
      const retryPromise = retry(this.createWebSocketConnection.bind(this), {
        delay: this.configuration.delay,
        factor: 2,
        maxAttempts: this.configuration.maxAttempts,
        maxDelay: this.configuration.maxDelay,
        jitter: this.configuration.jitter,
        beforeAttempt: (context) => {
          if (!this.shouldConnect || cancelAttempt) context.abort();
        },
      }).catch((error) => this.emit('maxAttemptsFailed', { error }));
      return { retryPromise, cancelFunc: () => { cancelAttempt = true; } };
    };
    const { retryPromise, cancelFunc } = abortableRetry();
    this.cancelRetry = cancelFunc;
    return retryPromise;
  }

  createWebSocketConnection() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.addEventListener('open', resolve);
      ws.addEventListener('close', (event) => this.onClose(event));
      ws.addEventListener('error', reject);
    });
  }

  onClose(event) {
    if (!this.cancelRetry && this.shouldConnect) {
      this.reconnectTimeout = setTimeout(() => {
        this.reconnectTimeout = null;
        this.connect();
      }, this.configuration.delay);
    }
  }
}`,
            },
          ],
        },
        {
          messageId: 'constantReconnect',
          line: 39,
          column: 31,
          endLine: 42,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.clampResetAtTop, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.flagSetTwoCallsDeep, STRICT, [
        {
          messageId: 'constantLoop',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetTwoCallsDeep,
            },
          ],
        },
      ]),
    ...inBoth(cases.flagSetByArrayPattern, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.flagSetByArrayPattern,
            },
          ],
        },
      ]),
    ...inBoth(cases.localFlagSetOnError, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 100 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.localFlagSetOnError,
            },
          ],
        },
      ]),
    ...inBoth(cases.calleeCapsDelay, STRICT, [
        {
          messageId: 'constantLoop',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.calleeCapsDelay,
            },
          ],
        },
      ]),
    ...inBoth(cases.importedNonPolicyCallee, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.importedNonPolicyCallee,
            },
          ],
        },
      ]),
    {
      code: cases.trackerVersusPolicy,
      errors: [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.trackerVersusPolicy,
            },
          ],
        },
      ],
    },
    {
      code: cases.trackerVersusPolicy,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.trackerVersusPolicy,
            },
          ],
        },
        {
          messageId: 'constantLoopBounded',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; the existing limit stays; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: `import { tracker, policy } from './x';
async function run() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const verdict = tracker.decide(attempt);
      if (!verdict) throw e;
    }
  }
}
async function run2() {
  let attempt = 0;
  while (true) {
    try {
      return await op();
    } catch (e) {
      attempt++;
      const verdict = policy.decide(attempt);
      if (!verdict) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    ...inBoth(cases.libraryRunOnOtherWork, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.libraryRunOnOtherWork,
            },
          ],
        },
      ]),
    ...inBoth(cases.libraryCapEqualsStart, STRICT, [
        {
          messageId: 'constantReconnect',
          line: 39,
          column: 31,
          endLine: 42,
          endColumn: 35,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.helperPassedDelay, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 25,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.negatedIntent, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.negatedIntent,
            },
          ],
        },
      ]),
    ...inBoth(cases.intentAboveArrow, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.intentAboveArrow,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperEarlyReturn, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.helperEarlyReturn,
            },
          ],
        },
      ]),
    ...inBoth(cases.classificationIsNoVerdict, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures with the existing `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.classificationIsNoVerdict,
            },
          ],
        },
      ]),
    ...inBoth(cases.throwBeforeHelperWait, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 18,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.intentThenNegation, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `attempt` parameter counting the attempts (the recursive call passes `attempt + 1`); no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.intentThenNegation,
            },
          ],
        },
      ]),
    ...inBoth(cases.statedWaitInStatus, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.clampResetInTry, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.weakOkProperty, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Add an `failedAttempts` parameter counting the attempts (the recursive call passes `failedAttempts + 1`); after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.weakOkProperty,
            },
          ],
        },
      ]),
    ...inBoth(cases.neverBeforeIntent, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.neverBeforeIntent,
            },
          ],
        },
      ]),
    ...inBoth(cases.todoAfterIntent, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.todoAfterIntent,
            },
          ],
        },
      ]),
    ...inBoth(cases.innerLoopComment, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.innerLoopComment,
            },
          ],
        },
      ]),
    ...inBoth(cases.helperSecondsFixed, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.intentWithReason, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.intentWithReason,
            },
          ],
        },
      ]),
    ...inBoth(cases.intentAfterMustNever, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; no limit (the code says it retries until it succeeds); make the existing wait grow exponentially with jitter from 1000 ms (never shorter than before) up to 10000 ms, keeping it where it is." },
              output: outputs.intentAfterMustNever,
            },
          ],
        },
      ]),
    ...inBoth(cases.keepAlive, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 110,
          data: { name: 'pokeKeepAlive', wait: 'waits a random time that never grows', noFix: ' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.' },
          suggestions: [],
        },
      ]),
  ],
});
}
