/**
 * A bounded loop that goes round only for attempts a policy turned away
 * before they ran (etcd3's failover past hosts whose circuit breaker is
 * open): not a retry; and the twins where a failure of the operation itself
 * goes round. Both retry rules, with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (etcd3 ConnectionPool.withConnection): the catch rethrows whenever the operation ran (`didCallThrough`, set as
  // the first statement of the callback handed to the host's policy); the loop only moves to the next host when an open
  // circuit breaker turned the call away: no request failed, nothing to back off from (strict: reportBounded).
  etcd3: `export class ConnectionPool {
  async withConnection(service, fn, shuffleGenerator = this.shuffledHosts()) {
    let lastError;
    for (let i = 0; i < this.hosts.length; i++) {
      const host = shuffleGenerator.next().value;
      let didCallThrough = false;
      try {
        return await host.faultHandling.execute(() => {
          didCallThrough = true;
          return fn({ resource: host, client: host.getServiceClient(service) });
        });
      } catch (e) {
        if (isRecoverableError(e)) {
          host.resetAllServices();
        }
        // Check if the call was blocked by some circuit breaker/bulkhead policy
        if (didCallThrough) {
          throw castGrpcError(e);
        }
        lastError = e;
      }
    }
    throw lastError;
  }
}`,
  // Twin: the catch sets the flag itself: not only unrun attempts go round.
  setOnFailure: `export class ConnectionPool {
  async withConnection(service, fn, shuffleGenerator = this.shuffledHosts()) {
    let lastError;
    while (true) {
      const host = shuffleGenerator.next().value;
      let didCallThrough = false;
      try {
        return await host.faultHandling.execute(() => {
          didCallThrough = true;
          return fn({ resource: host, client: host.getServiceClient(service) });
        });
      } catch (e) {
        if (isRecoverableError(e)) {
          host.resetAllServices();
        }
        // Check if the call was blocked by some circuit breaker/bulkhead policy
        if (didCallThrough) {
          throw castGrpcError(e);
        }
        lastError = e;
        didCallThrough = e.retryable;
      }
    }
    throw lastError;
  }
}`,
  // Real code shape (typesense ApiCall): the flag the catch leaves on is set by an abort listener kept aside, not by
  // the operation: every failure that is not an abort goes round (strict: reportBounded).
  abortListenerFlag: `export async function performRequest(endpoint, numRetries, abortSignal) {
  let wasAborted = false;
  for (let numTries = 1; numTries <= numRetries + 1; numTries++) {
    let abortListener;
    try {
      const source = axios.CancelToken.source();
      abortListener = () => {
        wasAborted = true;
        source.cancel();
      };
      abortSignal.addEventListener('abort', abortListener);
      return await axios({ url: endpoint, timeout: 5000, cancelToken: source.token });
    } catch (error) {
      if (wasAborted) {
        return Promise.reject(new Error('Request aborted by caller.'));
      }
    } finally {
      abortSignal.removeEventListener('abort', abortListener);
    }
  }
}`,
  // Twin: an endless loop would spin on calls turned away each time: reported.
  get etcd3Endless() {
    return this.etcd3.replace(`    for (let i = 0; i < this.hosts.length; i++) {`, `    while (true) {`);
  },
  // Twin: the flag is set after the operation, so a failure of the operation itself goes round.
  get setAfterWork() {
    return this.etcd3Endless.replace(`          didCallThrough = true;
          return fn({ resource: host, client: host.getServiceClient(service) });`, `          const out = fn({ resource: host, client: host.getServiceClient(service) });
          didCallThrough = true;
          return out;`);
  },
};

/** Suggestion outputs expected by both rules. */
const outputs = {
  etcd3Endless: `export class ConnectionPool {
  async withConnection(service, fn, shuffleGenerator = this.shuffledHosts()) {
    let lastError;
    let attempt = 0;
    while (true) {
      const host = shuffleGenerator.next().value;
      let didCallThrough = false;
      try {
        return await host.faultHandling.execute(() => {
          didCallThrough = true;
          return fn({ resource: host, client: host.getServiceClient(service) });
        });
      } catch (e) {
        if (isRecoverableError(e)) {
          host.resetAllServices();
        }
        // Check if the call was blocked by some circuit breaker/bulkhead policy
        if (didCallThrough) {
          throw castGrpcError(e);
        }
        lastError = e;
        attempt++;
        if (attempt >= 5) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
    throw lastError;
  }
}`,
  setAfterWork: `export class ConnectionPool {
  async withConnection(service, fn, shuffleGenerator = this.shuffledHosts()) {
    let lastError;
    let attempt = 0;
    while (true) {
      const host = shuffleGenerator.next().value;
      let didCallThrough = false;
      try {
        return await host.faultHandling.execute(() => {
          const out = fn({ resource: host, client: host.getServiceClient(service) });
          didCallThrough = true;
          return out;
        });
      } catch (e) {
        if (isRecoverableError(e)) {
          host.resetAllServices();
        }
        // Check if the call was blocked by some circuit breaker/bulkhead policy
        if (didCallThrough) {
          throw castGrpcError(e);
        }
        lastError = e;
        attempt++;
        if (attempt >= 5) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
    throw lastError;
  }
}`,
  setOnFailure: `export class ConnectionPool {
  async withConnection(service, fn, shuffleGenerator = this.shuffledHosts()) {
    let lastError;
    let attempt = 0;
    while (true) {
      const host = shuffleGenerator.next().value;
      let didCallThrough = false;
      try {
        return await host.faultHandling.execute(() => {
          didCallThrough = true;
          return fn({ resource: host, client: host.getServiceClient(service) });
        });
      } catch (e) {
        if (isRecoverableError(e)) {
          host.resetAllServices();
        }
        // Check if the call was blocked by some circuit breaker/bulkhead policy
        if (didCallThrough) {
          throw castGrpcError(e);
        }
        lastError = e;
        didCallThrough = e.retryable;
        attempt++;
        if (attempt >= 5) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
    throw lastError;
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: attempts turned away before they ran', noUnboundedRetry as never, {
  valid: [
    cases.etcd3,
    { code: cases.etcd3, options: STRICT },
    cases.abortListenerFlag,
    { code: cases.abortListenerFlag, options: STRICT },
  ],
  invalid: [
    ...inBoth(cases.etcd3Endless, STRICT, [
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
              output: outputs.etcd3Endless,
            },
          ],
        },
      ]),
    ...inBoth(cases.setAfterWork, STRICT, [
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
              output: outputs.setAfterWork,
            },
          ],
        },
      ]),
    ...inBoth(cases.setOnFailure, STRICT, [
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
              output: outputs.setOnFailure,
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
  jsRuleTester.run('require-retry-backoff: attempts turned away before they ran', requireRetryBackoff as never, {
  valid: [
    cases.etcd3,
    { code: cases.etcd3, options: STRICT },
    cases.abortListenerFlag,
  ],
  invalid: [
    ...inBoth(cases.etcd3Endless, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.etcd3Endless,
            },
          ],
        },
      ]),
    ...inBoth(cases.setAfterWork, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.setAfterWork,
            },
          ],
        },
      ]),
    ...inBoth(cases.setOnFailure, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; after 5 failed attempts rethrow the last error; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: outputs.setOnFailure,
            },
          ],
        },
      ]),
    {
      code: cases.abortListenerFlag,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          data: {"wait":"does not wait","noFix":""},
          suggestions: [
            {
              messageId: 'useBackoff',
              data: { description: "Count failures in a new `attempt`; the existing limit stays; wait with capped exponential backoff and full jitter (up to 100 ms, doubling per failure, at most 10000 ms) before each retry." },
              output: `export async function performRequest(endpoint, numRetries, abortSignal) {
  let wasAborted = false;
  let attempt = 0;
  for (let numTries = 1; numTries <= numRetries + 1; numTries++) {
    let abortListener;
    try {
      const source = axios.CancelToken.source();
      abortListener = () => {
        wasAborted = true;
        source.cancel();
      };
      abortSignal.addEventListener('abort', abortListener);
      return await axios({ url: endpoint, timeout: 5000, cancelToken: source.token });
    } catch (error) {
      if (wasAborted) {
        return Promise.reject(new Error('Request aborted by caller.'));
      }
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    } finally {
      abortSignal.removeEventListener('abort', abortListener);
    }
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
}
