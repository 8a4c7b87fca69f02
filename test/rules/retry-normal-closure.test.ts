/**
 * A reopen after a normal closure is not a reconnect after a failure (issue
 * 12's twenty-fourth ledger batch: Solana's web3.js 1.x Connection). A
 * 'close' handler's branch that holds only for the normal-closure code
 * (RFC 6455's 1000, `code === 1000` or `event.code === 1000`, also as one side
 * of `&&`, the code being the handler's parameter) reopens after a close both
 * sides agreed on, which needs a connection that opened; a server that cannot
 * be reached closes with 1006, so an outage never takes that branch. Twins:
 * the reconnect on any other code (`!== 1000`, an `else` branch, 1001 going
 * away) and a code the file keeps elsewhere stay reported. Both retry rules,
 * with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (Solana's web3.js 1.x Connection, twenty-fourth ledger batch): the 'close' handler reopens at once only after a
  // normal closure (code 1000) and only for subscriptions added meanwhile; failed connects are the client library's business.
  normalClosureHelper: `import { Client } from 'rpc-websockets';
export class Connection {
  constructor(url) {
    this._subscriptions = {};
    this._ws = new Client(url, { autoconnect: false });
    this._ws.on('close', this._wsOnClose.bind(this));
  }
  _wsOnClose(code) {
    this._connected = false;
    if (code === 1000) {
      // explicit close, check if any subscriptions have been made since close
      this._updateSubscriptions();
      return;
    }
    for (const subscription of Object.values(this._subscriptions)) subscription.state = 'pending';
  }
  _updateSubscriptions() {
    if (Object.keys(this._subscriptions).length === 0) return;
    if (!this._connected) this._ws.connect();
  }
}`,
  // A reopen on a normal closure written inline, as one side of `&&`, with the event object's code.
  normalClosureInline: `function connect(url, pending) {
  const ws = new WebSocket(url);
  ws.onclose = (event) => {
    if (event.code === 1000 && pending.length > 0) connect(url, pending);
  };
}`,
  // Twin: the usual reconnect on an abnormal close stays reported.
  abnormalClosure: `function connect(url) {
  const ws = new WebSocket(url);
  ws.onclose = (event) => {
    if (event.code !== 1000) connect(url);
  };
}`,
  // Twin: the normal closure reopens, and every other close reconnects at once in the else branch: that one is reported.
  elseBranch: `function connect(url, pending) {
  const ws = new WebSocket(url);
  ws.onclose = (event) => {
    if (event.code === 1000) {
      if (pending.length > 0) connect(url, pending);
    } else {
      connect(url, pending);
    }
  };
}`,
  // Twin: the code tested is not the handler's (a variable the file keeps), so the guard says nothing of this close.
  otherCode: `let lastCode = 1000;
function connect(url) {
  const ws = new WebSocket(url);
  ws.onmessage = (event) => { lastCode = event.data.code; };
  ws.onclose = () => {
    if (lastCode === 1000) connect(url);
  };
}`,
  // Twin: a different code (1001, going away: a server restarting) is not a normal closure.
  goingAway: `function connect(url) {
  const ws = new WebSocket(url);
  ws.onclose = (event) => {
    if (event.code === 1001) connect(url);
  };
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a reopen after a normal closure (code 1000) is not a reconnect after a failure', noUnboundedRetry as never, {
    valid: [
      cases.normalClosureHelper,
      { code: cases.normalClosureHelper, options: STRICT },
      cases.normalClosureInline,
      { code: cases.normalClosureInline, options: STRICT },
    ],
    invalid: [
      ...inBoth(cases.abnormalClosure, STRICT, [{ messageId: 'unboundedReconnect', line: 4, column: 30, endLine: 4, endColumn: 42, suggestions: [] }]),
      ...inBoth(cases.elseBranch, STRICT, [{ messageId: 'unboundedReconnect', line: 7, column: 7, endLine: 7, endColumn: 28, suggestions: [] }]),
      ...inBoth(cases.otherCode, STRICT, [{ messageId: 'unboundedReconnect', line: 6, column: 28, endLine: 6, endColumn: 40, suggestions: [] }]),
      ...inBoth(cases.goingAway, STRICT, [{ messageId: 'unboundedReconnect', line: 4, column: 30, endLine: 4, endColumn: 42, suggestions: [] }]),
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a reopen after a normal closure (code 1000) is not a reconnect after a failure', requireRetryBackoff as never, {
    valid: [
      cases.normalClosureHelper,
      { code: cases.normalClosureHelper, options: STRICT },
      cases.normalClosureInline,
      { code: cases.normalClosureInline, options: STRICT },
    ],
    invalid: [
      ...inBoth(cases.abnormalClosure, STRICT, [{ messageId: 'constantReconnect', line: 4, column: 30, endLine: 4, endColumn: 42, suggestions: [] }]),
      ...inBoth(cases.elseBranch, STRICT, [{ messageId: 'constantReconnect', line: 7, column: 7, endLine: 7, endColumn: 28, suggestions: [] }]),
      ...inBoth(cases.otherCode, STRICT, [{ messageId: 'constantReconnect', line: 6, column: 28, endLine: 6, endColumn: 40, suggestions: [] }]),
      ...inBoth(cases.goingAway, STRICT, [{ messageId: 'constantReconnect', line: 4, column: 30, endLine: 4, endColumn: 42, suggestions: [] }]),
    ],
  });
}
