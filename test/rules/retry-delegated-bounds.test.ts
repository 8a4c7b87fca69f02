/**
 * Bounds the retry analysis finds in real code (matrix-js-sdk 37.5) where the
 * decision to go on lies with something the code hands the attempt to: a flag
 * only another caller sets, a callee given the count, the value the failure
 * allowed; and waits found where the code puts them (an awaited helper of the
 * file). Each trap has a twin that the old reading still reports; both retry
 * rules, with their default and their strict options.
 */
import { jsRuleTester } from '../rule-tester';
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
  // Twin: the refresher is not given the count, so nothing the file shows ends the re-runs.
  tokenRefreshUncounted: `export class HttpApi {
  async doAuthedRequest(attempt, method, path) {
    const snapshot = await this.tokenRefresher.prepareForRequest();
    try {
      return await this.request(method, path, snapshot.accessToken);
    } catch (error) {
      if (error.errcode === 'M_UNKNOWN_TOKEN') {
        const outcome = await this.tokenRefresher.handleUnknownToken(snapshot);
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
  // Twin: with `>=` the clamped value still passes the guard.
  clampGe: `export class MembershipManager {
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
          if (typeof maxDelayAllowed === 'number' && this.expiryTimeout >= maxDelayAllowed) {
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
};

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
jsRuleTester.run('no-unbounded-retry: bounds decided elsewhere', noUnboundedRetry as never, {
  valid: [
    { code: cases.flagTop },
    { code: cases.flagTop, options: [{allowUnboundedWithBackoff: false}] },
    { code: cases.tokenRefresh },
    { code: cases.tokenRefresh, options: [{allowUnboundedWithBackoff: false}] },
    { code: cases.policyDelay },
    { code: cases.policyDelay, options: [{allowUnboundedWithBackoff: false}] },
    { code: cases.policyDelayUntested },
    { code: cases.policyDelaySameFile },
    { code: cases.clamp },
    { code: cases.clamp, options: [{allowUnboundedWithBackoff: false}] },
  ],
  invalid: [
    {
      code: cases.flagTopRearmed,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `export class MatrixEvent {
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
            },
          ],
        },
      ],
    },
    {
      code: cases.flagTopRearmed, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'boundRetry',
              output: `export class MatrixEvent {
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
            },
          ],
        },
      ],
    },
    {
      code: cases.tokenRefreshUncounted,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.tokenRefreshUncounted, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.policyDelayUntested, options: [{allowUnboundedWithBackoff: false}],
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
      code: cases.policyDelaySameFile, options: [{allowUnboundedWithBackoff: false}],
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
    {
      code: cases.clampGe,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.clampGe, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperWait,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperWait, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperNoWait,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperNoWait, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperConstantWait,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperConstantWait, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.keepAlive,
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 110,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.keepAlive, options: [{allowUnboundedWithBackoff: false}],
      errors: [
        {
          messageId: 'unboundedRecursion',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 110,
          suggestions: [],
        },
      ],
    },
  ],
});

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
jsRuleTester.run('require-retry-backoff: bounds decided elsewhere', requireRetryBackoff as never, {
  valid: [
    { code: cases.flagTop },
    { code: cases.flagTop, options: [{reportBounded: true}] },
    { code: cases.tokenRefresh },
    { code: cases.tokenRefresh, options: [{reportBounded: true}] },
    { code: cases.policyDelay },
    { code: cases.policyDelay, options: [{reportBounded: true}] },
    { code: cases.policyDelayUntested },
    { code: cases.policyDelayUntested, options: [{reportBounded: true}] },
    { code: cases.policyDelaySameFile },
    { code: cases.policyDelaySameFile, options: [{reportBounded: true}] },
    { code: cases.clamp },
    { code: cases.clamp, options: [{reportBounded: true}] },
  ],
  invalid: [
    {
      code: cases.flagTopRearmed,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export class MatrixEvent {
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
            },
          ],
        },
      ],
    },
    {
      code: cases.flagTopRearmed, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `export class MatrixEvent {
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
            },
          ],
        },
      ],
    },
    {
      code: cases.tokenRefreshUncounted,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.tokenRefreshUncounted, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.clampGe,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.clampGe, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperWait,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'waits a random time that never grows', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments).' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperWait, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'waits a random time that never grows', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments).' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperNoWait,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments).' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperNoWait, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'does not wait', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments).' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperConstantWait,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'waits a constant time', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments).' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.helperConstantWait, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 33,
          data: { name: 'getPushRules', wait: 'waits a constant time', noFix: ' No quick fix: the function cannot safely take an extra attempt parameter (exported, used as a value, called with more arguments, recursing from several places, or reading arguments).' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.keepAlive,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 110,
          data: { name: 'pokeKeepAlive', wait: 'waits a random time that never grows', noFix: ' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.' },
          suggestions: [],
        },
      ],
    },
    {
      code: cases.keepAlive, options: [{reportBounded: true}],
      errors: [
        {
          messageId: 'constantRecursion',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 110,
          data: { name: 'pokeKeepAlive', wait: 'waits a random time that never grows', noFix: ' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.' },
          suggestions: [],
        },
      ],
    },
  ],
});
