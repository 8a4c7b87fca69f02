/**
 * A stale handle is not a failing service (issue 12's ledger: Connect's HTTP/2
 * session manager). A loop whose failure path goes round only when the handle
 * the attempt used is already closed or destroyed
 * (`if (ready.conn.closed || ready.conn.destroyed) continue; throw e;`), which
 * gets the handle before its `try` by an awaited call of a function of the
 * file that checks a handle's state itself (`const ready = await
 * this.gotoReady();`), and uses it at once (no `await` in the `try`), is not a
 * retry for either rule: a service that is down fails that call and ends the
 * loop. Twins stay reported by both rules: a cached getter that never checks
 * the state (the loop would spin on the dead handle), an awaited use, the
 * handle got inside the `try`, a failure path that goes round on an error
 * code, and one handle got before the loop.
 */
import { jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (Connect's HTTP/2 session manager, ledger): the loop goes round only when the session it used was closed
  // between its opening and the request; a connection that cannot be made fails gotoReady and leaves the loop.
  staleSession: `export class SessionManager {
  async gotoReady() {
    if (this.s.conn && !this.s.conn.closed && !this.s.conn.destroyed) return this.s;
    this.s = await this.connect();
    if (this.s.conn.destroyed) throw new Error('connection destroyed');
    return this.s;
  }
  async request(method, path, headers, options) {
    for (;;) {
      const ready = await this.gotoReady();
      try {
        const stream = ready.conn.request({ ...headers, ':method': method, ':path': path }, options);
        ready.registerRequest(stream);
        return stream;
      } catch (e) {
        if (ready.conn.closed || ready.conn.destroyed) {
          continue;
        }
        throw e;
      }
    }
  }
}`,
  // Twin: a cached getter that hands the dead session out again (it never checks its state): the loop would spin.
  cachedGetter: `export class SessionManager {
  async getSession() {
    if (!this.session) this.session = await this.connect();
    return this.session;
  }
  async request(path) {
    for (;;) {
      const session = await this.getSession();
      try {
        return session.request({ ':path': path });
      } catch (e) {
        if (session.closed || session.destroyed) continue;
        throw e;
      }
    }
  }
}`,
  // Twin: the attempt awaits the handle's answer, during which the server can close it.
  awaitedUse: `export class SessionManager {
  async gotoReady() {
    if (this.conn && !this.conn.destroyed) return this.conn;
    this.conn = await this.connect();
    return this.conn;
  }
  async request(frame) {
    for (;;) {
      const conn = await this.gotoReady();
      try {
        return await conn.writeAndWaitAck(frame);
      } catch (e) {
        if (conn.destroyed) continue;
        throw e;
      }
    }
  }
}`,
  // Twin: the handle is got inside the try, so a connection that cannot be made goes round too.
  handleInsideTry: `export class SessionManager {
  async request(path) {
    for (;;) {
      let ready;
      try {
        ready = await this.gotoReady();
        return ready.conn.request({ ':path': path });
      } catch (e) {
        if (ready && ready.conn.closed) continue;
        throw e;
      }
    }
  }
}`,
  // Twin: the failure path goes round on an error code, not on the handle's state.
  errorCode: `export class SessionManager {
  async request(path) {
    for (;;) {
      const ready = await this.gotoReady();
      try {
        return await ready.conn.request({ ':path': path });
      } catch (e) {
        if (e.code === 'ECONNRESET') continue;
        throw e;
      }
    }
  }
}`,
  // Twin: one handle for every pass, got before the loop.
  handleBeforeLoop: `export class SessionManager {
  async request(path) {
    const ready = await this.gotoReady();
    for (;;) {
      try {
        return await ready.conn.request({ ':path': path });
      } catch (e) {
        if (ready.conn.closed) continue;
        throw e;
      }
    }
  }
}`,
};

/** Each twin's suggestion outputs: no-unbounded-retry bounds the loop, require-retry-backoff adds the growing wait. */
const SUGGESTED = {
  cachedGetter: {
    bound: `export class SessionManager {
  async getSession() {
    if (!this.session) this.session = await this.connect();
    return this.session;
  }
  async request(path) {
    let attempt = 0;
    for (;;) {
      const session = await this.getSession();
      try {
        return session.request({ ':path': path });
      } catch (e) {
        if (session.closed || session.destroyed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
    backoff: `export class SessionManager {
  async getSession() {
    if (!this.session) this.session = await this.connect();
    return this.session;
  }
  async request(path) {
    let attempt = 0;
    for (;;) {
      const session = await this.getSession();
      try {
        return session.request({ ':path': path });
      } catch (e) {
        if (session.closed || session.destroyed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  },
  awaitedUse: {
    bound: `export class SessionManager {
  async gotoReady() {
    if (this.conn && !this.conn.destroyed) return this.conn;
    this.conn = await this.connect();
    return this.conn;
  }
  async request(frame) {
    let attempt = 0;
    for (;;) {
      const conn = await this.gotoReady();
      try {
        return await conn.writeAndWaitAck(frame);
      } catch (e) {
        if (conn.destroyed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
    backoff: `export class SessionManager {
  async gotoReady() {
    if (this.conn && !this.conn.destroyed) return this.conn;
    this.conn = await this.connect();
    return this.conn;
  }
  async request(frame) {
    let attempt = 0;
    for (;;) {
      const conn = await this.gotoReady();
      try {
        return await conn.writeAndWaitAck(frame);
      } catch (e) {
        if (conn.destroyed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  },
  handleInsideTry: {
    bound: `export class SessionManager {
  async request(path) {
    let attempt = 0;
    for (;;) {
      let ready;
      try {
        ready = await this.gotoReady();
        return ready.conn.request({ ':path': path });
      } catch (e) {
        if (ready && ready.conn.closed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
    backoff: `export class SessionManager {
  async request(path) {
    let attempt = 0;
    for (;;) {
      let ready;
      try {
        ready = await this.gotoReady();
        return ready.conn.request({ ':path': path });
      } catch (e) {
        if (ready && ready.conn.closed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  },
  errorCode: {
    bound: `export class SessionManager {
  async request(path) {
    let attempt = 0;
    for (;;) {
      const ready = await this.gotoReady();
      try {
        return await ready.conn.request({ ':path': path });
      } catch (e) {
        if (e.code === 'ECONNRESET') { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
    backoff: `export class SessionManager {
  async request(path) {
    let attempt = 0;
    for (;;) {
      const ready = await this.gotoReady();
      try {
        return await ready.conn.request({ ':path': path });
      } catch (e) {
        if (e.code === 'ECONNRESET') { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  },
  handleBeforeLoop: {
    bound: `export class SessionManager {
  async request(path) {
    const ready = await this.gotoReady();
    let attempt = 0;
    for (;;) {
      try {
        return await ready.conn.request({ ':path': path });
      } catch (e) {
        if (ready.conn.closed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
    backoff: `export class SessionManager {
  async request(path) {
    const ready = await this.gotoReady();
    let attempt = 0;
    for (;;) {
      try {
        return await ready.conn.request({ ':path': path });
      } catch (e) {
        if (ready.conn.closed) { attempt++; if (attempt >= 5) throw e; await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1)))); continue; }
        throw e;
      }
    }
  }
}`,
  },
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a loop that goes round only on a stale handle is not a retry', noUnboundedRetry as never, {
    valid: [
      cases.staleSession,
      { code: cases.staleSession, options: STRICT },
    ],
    invalid: [
      { code: cases.cachedGetter, errors: [{ messageId: 'unboundedLoop', line: 7, column: 5, endLine: 7, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.cachedGetter.bound }] }] },
      { code: cases.cachedGetter, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 7, column: 5, endLine: 7, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.cachedGetter.bound }] }] },
      { code: cases.awaitedUse, errors: [{ messageId: 'unboundedLoop', line: 8, column: 5, endLine: 8, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.awaitedUse.bound }] }] },
      { code: cases.awaitedUse, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 8, column: 5, endLine: 8, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.awaitedUse.bound }] }] },
      { code: cases.handleInsideTry, errors: [{ messageId: 'unboundedLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.handleInsideTry.bound }] }] },
      { code: cases.handleInsideTry, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.handleInsideTry.bound }] }] },
      { code: cases.errorCode, errors: [{ messageId: 'unboundedLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.errorCode.bound }] }] },
      { code: cases.errorCode, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.errorCode.bound }] }] },
      { code: cases.handleBeforeLoop, errors: [{ messageId: 'unboundedLoop', line: 4, column: 5, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.handleBeforeLoop.bound }] }] },
      { code: cases.handleBeforeLoop, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 4, column: 5, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'boundRetry', output: SUGGESTED.handleBeforeLoop.bound }] }] },
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a loop that goes round only on a stale handle is not a retry', requireRetryBackoff as never, {
    valid: [
      cases.staleSession,
      { code: cases.staleSession, options: STRICT },
    ],
    invalid: [
      { code: cases.cachedGetter, errors: [{ messageId: 'constantLoop', line: 7, column: 5, endLine: 7, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.cachedGetter.bound }] }] },
      { code: cases.cachedGetter, options: STRICT, errors: [{ messageId: 'constantLoop', line: 7, column: 5, endLine: 7, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.cachedGetter.bound }] }] },
      { code: cases.awaitedUse, errors: [{ messageId: 'constantLoop', line: 8, column: 5, endLine: 8, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.awaitedUse.bound }] }] },
      { code: cases.awaitedUse, options: STRICT, errors: [{ messageId: 'constantLoop', line: 8, column: 5, endLine: 8, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.awaitedUse.bound }] }] },
      { code: cases.handleInsideTry, errors: [{ messageId: 'constantLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.handleInsideTry.bound }] }] },
      { code: cases.handleInsideTry, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.handleInsideTry.bound }] }] },
      { code: cases.errorCode, errors: [{ messageId: 'constantLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.errorCode.bound }] }] },
      { code: cases.errorCode, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 5, endLine: 3, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.errorCode.bound }] }] },
      { code: cases.handleBeforeLoop, errors: [{ messageId: 'constantLoop', line: 4, column: 5, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.handleBeforeLoop.bound }] }] },
      { code: cases.handleBeforeLoop, options: STRICT, errors: [{ messageId: 'constantLoop', line: 4, column: 5, endLine: 4, endColumn: 8, suggestions: [{ messageId: 'useBackoff', output: SUGGESTED.handleBeforeLoop.bound }] }] },
    ],
  });
}
