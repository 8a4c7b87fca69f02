/**
 * A `try` inside the catch of another that only stops the work is part of
 * that failure path, not an attempt of its own (issue 12's twenty-first
 * ledger batch: @azure/event-hubs' partition pump, a receive loop whose catch
 * stops the pump inside a try): going round runs the loop body again, not the
 * call that inner try holds. Its twins: an outer attempt that leaves on
 * success is still a retry, and so is a loop whose inner try makes the real
 * attempt (a reconnect). Both retry rules, with their default and their
 * strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (@azure/event-hubs partitionPump.js, twenty-first ledger batch): a receive loop that runs whether or not a
  // batch failed; the catch stops the pump on a non-retryable error inside a try of its own. That inner try is part
  // of the failure path: going round receives again, it does not re-run \`stop()\`.
  pump: `class PartitionPump {
  async receiveEvents(partitionId) {
    let receiver = this.createReceiver(partitionId);
    while (this.isReceiving) {
      try {
        const events = await receiver.receiveBatch(10, 60, this.abortController.signal);
        if (!this.isReceiving) {
          return;
        }
        await this.processor.processEvents(events);
      } catch (err) {
        if (!this.isReceiving) {
          return;
        }
        try {
          await this.processor.processError(err);
        } catch (errorFromUser) {
          logger.verbose('processError threw', errorFromUser);
        }
        if (typeof err !== 'object' || !err.retryable) {
          try {
            return await this.stop();
          } catch (errorFromStop) {
            logger.verbose('stop failed', errorFromStop);
          }
        }
      }
    }
  }
}`,
  // Twin: the outer attempt leaves on success, so the loop retries it; a fallback tried in its catch changes nothing.
  primaryThenFallback: `export async function load(key) {
  while (true) {
    try {
      return await primary.get(key);
    } catch (err) {
      try {
        return await replica.get(key);
      } catch (replicaError) {
        logger.warn('both stores failed', replicaError);
      }
    }
  }
}`,
  // Twin (from a third adversarial round): the try inside the catch makes the real attempt (a reconnect that returns
  // on success), not a stop: the loop retries it, with no limit and no wait.
  reconnectInCatch: `export class Store {
  async ensureConnected() {
    while (true) {
      try {
        await this.conn.query('SELECT 1');
        if (this.conn.state === 'ready') return this.conn;
      } catch (err) {
        this.logger.warn('connection lost, reconnecting', err);
        try {
          this.conn = await createConnection(this.options);
          return this.conn;
        } catch (connectErr) {
          this.logger.error('reconnect failed', connectErr);
        }
      }
    }
  }
}`,
};

/** The suggestion outputs, shared by both rules (the same rewrite) and both option sets. */
const outputs = {
  primaryThenFallback: `export async function load(key) {
  let attempt = 0;
  while (true) {
    try {
      return await primary.get(key);
    } catch (err) {
      try {
        return await replica.get(key);
      } catch (replicaError) {
        logger.warn('both stores failed', replicaError);
      }
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  reconnectInCatch: `export class Store {
  async ensureConnected() {
    let attempt = 0;
    while (true) {
      try {
        await this.conn.query('SELECT 1');
        if (this.conn.state === 'ready') return this.conn;
      } catch (err) {
        this.logger.warn('connection lost, reconnecting', err);
        try {
          this.conn = await createConnection(this.options);
          return this.conn;
        } catch (connectErr) {
          this.logger.error('reconnect failed', connectErr);
          attempt++;
          if (attempt >= 5) throw connectErr;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
        }
      }
    }
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a try in a catch is no attempt of its own', noUnboundedRetry as never, {
    valid: [
    cases.pump,
    { code: cases.pump, options: STRICT },
    ],
    invalid: [
    ...inBoth(cases.primaryThenFallback, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.primaryThenFallback },
          ],
        },
    ]),
    ...inBoth(cases.reconnectInCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.reconnectInCatch },
          ],
        },
    ]),
    ],
  });
}

{
  const STRICT = [{ reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a try in a catch is no attempt of its own', requireRetryBackoff as never, {
    valid: [
    cases.pump,
    { code: cases.pump, options: STRICT },
    ],
    invalid: [
    ...inBoth(cases.primaryThenFallback, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.primaryThenFallback },
          ],
        },
    ]),
    ...inBoth(cases.reconnectInCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.reconnectInCatch },
          ],
        },
    ]),
    ],
  });
}
