/**
 * Failover is bounded by the source it picks from (issue 12's ledger:
 * mysql2's PoolCluster). A re-run from a failure path that goes on only while
 * a call on another object lists a candidate (a guard
 * `cluster.findNodeIds(pattern).length !== 0`, `> 0`, or an exit before the
 * re-run when it is `=== 0`), where the function re-run takes an element out
 * of the same call (in its own body or in a method of the file it calls
 * there) and hands a candidate it picked back to that object
 * (`cluster.connect(node, cb)`, `cluster.markFailed(host)`), ends when the
 * source has no candidate left: not an unbounded retry (no-unbounded-retry,
 * both option sets), and a bounded one for require-retry-backoff (reported
 * with `reportBounded` only). Twins stay reported by both rules: a method of
 * `this` (a getter of a fixed list), no hand-off, a re-run that only counts
 * (logs) the call, a count of a built-in's result (`Object.keys(subs).length`),
 * a guard counting another list than the pick, a re-run that picks nothing, a
 * list kept in a field with no take, and a count of more than one.
 */
import { jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (mysql2's PoolCluster, ledger): the callback retries while the cluster still lists an online node for the
  // pattern, and getConnection picks its node from that same list through a method of the class.
  failoverCallback: `class PoolNamespace {
  constructor(cluster, pattern) {
    this._cluster = cluster;
    this._pattern = pattern;
  }
  getConnection(cb) {
    const node = this._pickNode();
    if (node === null) return cb(new Error('No online node'));
    return this._cluster.connect(node, (err, connection) => {
      if (err) {
        if (this._cluster.findNodeIds(this._pattern).length !== 0) {
          return this.getConnection(cb);
        }
        return cb(err);
      }
      return cb(null, connection);
    });
  }
  _pickNode() {
    const ids = this._cluster.findNodeIds(this._pattern);
    if (ids.length === 0) return null;
    return this._cluster.node(ids[0]);
  }
}`,
  // The same in an async function, the pick in its own body and the guard a `> 0` count.
  failoverAsync: `export class Router {
  constructor(cluster) {
    this.cluster = cluster;
  }
  async query(sql) {
    const hosts = this.cluster.healthyHosts();
    const host = hosts[Math.floor(Math.random() * hosts.length)];
    try {
      return await host.query(sql);
    } catch (err) {
      this.cluster.markFailed(host);
      if (this.cluster.healthyHosts().length > 0) return this.query(sql);
      throw err;
    }
  }
}`,
  // The same failover with the check as an exit before the re-run.
  failoverExit: `export class Router {
  async query(sql) {
    const [host] = this.cluster.healthyHosts();
    try {
      return await host.query(sql);
    } catch (err) {
      this.cluster.markFailed(host);
      if (this.cluster.healthyHosts().length === 0) throw err;
      return this.query(sql);
    }
  }
}`,
  // Twin: the source is a method of `this` (here a getter of a fixed list): nothing shows a failed server leaves it.
  thisGetter: `export class Client {
  getServers() {
    return this.options.servers;
  }
  async request(path) {
    const server = this.getServers()[0];
    try {
      return await this.send(server, path);
    } catch (err) {
      if (this.getServers().length > 0) return this.request(path);
      throw err;
    }
  }
}`,
  // Twin: the pick is never handed back to the source's object, so nothing shows the source sees the failure.
  noHandOff: `export class Router {
  async query(sql) {
    const [host] = this.cluster.healthyHosts();
    try {
      return await host.query(sql);
    } catch (err) {
      if (this.cluster.healthyHosts().length > 0) return this.query(sql);
      throw err;
    }
  }
}`,
  // Twin: the re-run only counts the same call (a log line), it picks nothing from it.
  countOnly: `export class Router {
  async query(sql) {
    console.debug('%d healthy hosts', this.cluster.healthyHosts().length);
    try {
      return await this.cluster.primary.query(sql);
    } catch (err) {
      this.cluster.markFailed(this.cluster.primary);
      if (this.cluster.healthyHosts().length > 0) return this.query(sql);
      throw err;
    }
  }
}`,
  // Twin: a count of what an object holds (Object.keys), which the re-run also reads: not candidates a source offers.
  builtInCount: `export class Feed {
  async resubscribe() {
    const names = Object.keys(this.subscriptions);
    try {
      await this.socket.send({ subscribe: names });
    } catch (err) {
      if (Object.keys(this.subscriptions).length > 0) return this.resubscribe();
      throw err;
    }
  }
}`,
  // Twin: the guard counts another list (every host) than the one the re-run picks from (the healthy ones).
  otherSource: `export class Router {
  async query(sql) {
    const [host] = this.cluster.healthyHosts();
    try {
      return await host.query(sql);
    } catch (err) {
      this.cluster.markFailed(host);
      if (this.cluster.allHosts().length > 0) return this.query(sql);
      throw err;
    }
  }
}`,
  // Twin: the re-run does not pick from what the guard counts: it goes back to the same host.
  noPick: `export class Router {
  async query(sql) {
    try {
      return await this.host.query(sql);
    } catch (err) {
      if (this.cluster.healthyHosts().length > 0) return this.query(sql);
      throw err;
    }
  }
}`,
  // Twin: a list kept in a field, which nothing the file shows takes failed hosts from.
  namedList: `export class Router {
  async query(sql) {
    const host = this.hosts[0];
    try {
      return await host.query(sql);
    } catch (err) {
      if (this.hosts.length > 0) return this.query(sql);
      throw err;
    }
  }
}`,
  // Twin: a count of more than one candidate is not the "any left" check.
  moreThanOne: `export class Router {
  async query(sql) {
    const [host] = this.cluster.healthyHosts();
    try {
      return await host.query(sql);
    } catch (err) {
      this.cluster.markFailed(host);
      if (this.cluster.healthyHosts().length > 1) return this.query(sql);
      throw err;
    }
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: failover while the source lists a candidate is bounded by it', noUnboundedRetry as never, {
    valid: [
      cases.failoverCallback,
      { code: cases.failoverCallback, options: STRICT },
      cases.failoverAsync,
      { code: cases.failoverAsync, options: STRICT },
      cases.failoverExit,
      { code: cases.failoverExit, options: STRICT },
    ],
    invalid: [
      { code: cases.thisGetter, errors: [{ messageId: 'unboundedRecursion', line: 10, column: 48, endLine: 10, endColumn: 66, suggestions: [] }] },
      { code: cases.thisGetter, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 10, column: 48, endLine: 10, endColumn: 66, suggestions: [] }] },
      { code: cases.noHandOff, errors: [{ messageId: 'unboundedRecursion', line: 7, column: 58, endLine: 7, endColumn: 73, suggestions: [] }] },
      { code: cases.noHandOff, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 7, column: 58, endLine: 7, endColumn: 73, suggestions: [] }] },
      { code: cases.countOnly, errors: [{ messageId: 'unboundedRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
      { code: cases.countOnly, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
      { code: cases.builtInCount, errors: [{ messageId: 'unboundedRecursion', line: 7, column: 62, endLine: 7, endColumn: 80, suggestions: [] }] },
      { code: cases.builtInCount, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 7, column: 62, endLine: 7, endColumn: 80, suggestions: [] }] },
      { code: cases.otherSource, errors: [{ messageId: 'unboundedRecursion', line: 8, column: 54, endLine: 8, endColumn: 69, suggestions: [] }] },
      { code: cases.otherSource, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 8, column: 54, endLine: 8, endColumn: 69, suggestions: [] }] },
      { code: cases.noPick, errors: [{ messageId: 'unboundedRecursion', line: 6, column: 58, endLine: 6, endColumn: 73, suggestions: [] }] },
      { code: cases.noPick, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 6, column: 58, endLine: 6, endColumn: 73, suggestions: [] }] },
      { code: cases.namedList, errors: [{ messageId: 'unboundedRecursion', line: 7, column: 41, endLine: 7, endColumn: 56, suggestions: [] }] },
      { code: cases.namedList, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 7, column: 41, endLine: 7, endColumn: 56, suggestions: [] }] },
      { code: cases.moreThanOne, errors: [{ messageId: 'unboundedRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
      { code: cases.moreThanOne, options: STRICT, errors: [{ messageId: 'unboundedRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: failover while the source lists a candidate is a bounded retry (reportBounded)', requireRetryBackoff as never, {
    valid: [
      cases.failoverCallback,
      cases.failoverAsync,
      cases.failoverExit,
    ],
    invalid: [
      { code: cases.failoverCallback, options: STRICT, errors: [{ messageId: 'constantRecursionBounded', line: 12, column: 18, endLine: 12, endColumn: 40, suggestions: [] }] },
      { code: cases.failoverAsync, options: STRICT, errors: [{ messageId: 'constantRecursionBounded', line: 12, column: 58, endLine: 12, endColumn: 73, suggestions: [] }] },
      { code: cases.failoverExit, options: STRICT, errors: [{ messageId: 'constantRecursionBounded', line: 9, column: 14, endLine: 9, endColumn: 29, suggestions: [] }] },
      { code: cases.thisGetter, errors: [{ messageId: 'constantRecursion', line: 10, column: 48, endLine: 10, endColumn: 66, suggestions: [] }] },
      { code: cases.thisGetter, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 10, column: 48, endLine: 10, endColumn: 66, suggestions: [] }] },
      { code: cases.noHandOff, errors: [{ messageId: 'constantRecursion', line: 7, column: 58, endLine: 7, endColumn: 73, suggestions: [] }] },
      { code: cases.noHandOff, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 7, column: 58, endLine: 7, endColumn: 73, suggestions: [] }] },
      { code: cases.countOnly, errors: [{ messageId: 'constantRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
      { code: cases.countOnly, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
      { code: cases.builtInCount, errors: [{ messageId: 'constantRecursion', line: 7, column: 62, endLine: 7, endColumn: 80, suggestions: [] }] },
      { code: cases.builtInCount, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 7, column: 62, endLine: 7, endColumn: 80, suggestions: [] }] },
      { code: cases.otherSource, errors: [{ messageId: 'constantRecursion', line: 8, column: 54, endLine: 8, endColumn: 69, suggestions: [] }] },
      { code: cases.otherSource, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 8, column: 54, endLine: 8, endColumn: 69, suggestions: [] }] },
      { code: cases.noPick, errors: [{ messageId: 'constantRecursion', line: 6, column: 58, endLine: 6, endColumn: 73, suggestions: [] }] },
      { code: cases.noPick, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 6, column: 58, endLine: 6, endColumn: 73, suggestions: [] }] },
      { code: cases.namedList, errors: [{ messageId: 'constantRecursion', line: 7, column: 41, endLine: 7, endColumn: 56, suggestions: [] }] },
      { code: cases.namedList, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 7, column: 41, endLine: 7, endColumn: 56, suggestions: [] }] },
      { code: cases.moreThanOne, errors: [{ messageId: 'constantRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
      { code: cases.moreThanOne, options: STRICT, errors: [{ messageId: 'constantRecursion', line: 8, column: 58, endLine: 8, endColumn: 73, suggestions: [] }] },
    ],
  });
}
