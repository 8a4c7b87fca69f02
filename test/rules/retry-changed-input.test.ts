/**
 * Retries that are not the same operation again, read from real code (issue
 * 12's twentieth ledger batch, AI model API clients), and their twins that
 * stay reports: a deadline tested through a const holding the time since the
 * first attempt (Speakeasy's retries.ts); a failure path after the catch that
 * steps to the parent folder in a walk that ends at the root; a status-driven
 * re-send, taken once, whose branch changes what the next request is built
 * from; a catch that asks the object the next attempt's arguments are built
 * from to recover. The twins include the counter-examples of two adversarial
 * review rounds. Both retry rules, with their default and their strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (Speakeasy's retries.ts, in @mistralai/mistralai and @google/genai): the deadline is tested through a
  // const that holds the time since the first attempt (`start` is read once, before the loop).
  elapsedConst: `async function retryBackoff(fn, strategy) {
  const { maxElapsedTime, initialInterval, exponent, maxInterval } = strategy;
  const start = Date.now();
  let x = 0;
  while (true) {
    try {
      const res = await fn();
      return res;
    } catch (err) {
      if (err instanceof PermanentError) {
        throw err.cause;
      }
      const elapsed = Date.now() - start;
      if (elapsed > maxElapsedTime) {
        throw err;
      }
      const d = Math.min(initialInterval * Math.pow(x, exponent) + Math.random() * 1000, maxInterval);
      await delay(d);
      x++;
    }
  }
}`,
  // Twin: \`start\` is read again at each attempt, so \`elapsed\` is the time of one attempt and bounds nothing.
  elapsedPerAttempt: `async function retryBackoff(fn, maxElapsedTime) {
  let x = 0;
  while (true) {
    const start = Date.now();
    try {
      return await fn();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxElapsedTime) {
        throw err;
      }
      await delay(1000);
      x++;
    }
  }
}`,
  // Real code (@anthropic-ai/sdk file-store.ts makeDirAndAncestors): a miss moves to the parent folder after the catch;
  // each pass stats another path, up to the root.
  parentAfterCatch: `async function makeDirAndAncestors(dir) {
  const missing = [];
  let current = dir;
  for (;;) {
    try {
      await fsp.stat(current);
      break;
    } catch (e) {
      const code = e.code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing;
}`,
  // Twin: what the statements after the catch write is not what the next attempt reads: the same path again.
  sameAfterCatch: `async function waitForDir(dir) {
  const missing = [];
  let last = dir;
  for (;;) {
    try {
      await fsp.stat(dir);
      break;
    } catch (e) {
      const code = e.code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    }
    missing.push(dir);
    last = path.dirname(dir);
  }
  return last;
}`,
  // Real code (@anthropic-ai/sdk middleware.ts, each fallback model in turn): a 400 on the first form makes the one
  // re-send leave out the rejected part (\`continuation = base\`), which the next pass builds its request from.
  fallbackBody: `async function sendFallback(next, ctx, fallbacks, request, base, partial, controller) {
  for (let hop = 0; hop < fallbacks.length; hop++) {
  const entry = fallbacks[hop];
  const { model } = entry;
  let { speed } = entry;
  let continuation = [...base, ...partial];
  let res = null;
  let failure = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const req = buildFallbackRequest(request, { model, speed, continuation });
    req.signal = controller.signal;
    try {
      const sent = await sendHop(next, ctx, entry, req);
      res = sent.response;
      if (sent.droppedSpeed) speed = null;
    } catch (err) {
      if (isAbortError(err)) throw err;
      failure = { kind: 'request_failed', model, detail: err };
      break;
    }
    if (res.ok) break;
    const errBody = await ctx.parse(res).catch(() => null);
    if (attempt === 0 && res.status === 400 && partial.length) {
      ctx.logger.warn('fallback request rejected; retrying without the partial output');
      continuation = base;
      res = null;
      continue;
    }
    failure = { kind: 'request_failed', model, status: res.status, detail: errBody };
    break;
  }
  if (res) return { res, failure };
  }
}`,
  // Twin: the failure path writes a name the request is not built from: the same request is sent again at once.
  sameBody: `async function sendFallback(next, ctx, fallbacks, request, base, partial, controller) {
  for (let hop = 0; hop < fallbacks.length; hop++) {
  const entry = fallbacks[hop];
  const { model } = entry;
  let { speed } = entry;
  let continuation = [...base, ...partial];
  let res = null;
  let failure = null;
  let lastRejected = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const req = buildFallbackRequest(request, { model, speed, continuation });
    req.signal = controller.signal;
    try {
      const sent = await sendHop(next, ctx, entry, req);
      res = sent.response;
      if (sent.droppedSpeed) speed = null;
    } catch (err) {
      if (isAbortError(err)) throw err;
      failure = { kind: 'request_failed', model, detail: err };
      break;
    }
    if (res.ok) break;
    const errBody = await ctx.parse(res).catch(() => null);
    if (attempt === 0 && res.status === 400 && partial.length) {
      ctx.logger.warn('fallback request rejected; retrying without the partial output');
      lastRejected = base;
      res = null;
      continue;
    }
    failure = { kind: 'request_failed', model, status: res.status, detail: errBody };
    break;
  }
  if (res) return { res, failure };
  }
}`,
  // Real code (@anthropic-ai/sdk BetaMessageThread.ts): the catch asks the thread state to recover from the rejection
  // (it starts a new thread or stops threading) and the next pass builds its request from that state.
  stateRecovers: `class MessageThread {
  async createWithRecovery(turn, turnOptions) {
    for (;;) {
      const { params, options } = this._state.buildCreateArguments(turn, turnOptions);
      const request = this._client.messages.create(params, options);
      try {
        return { request, props: await request.responseProps() };
      } catch (error) {
        if (!this._state.recoversFrom(error)) throw error;
      }
    }
  }
}`,
  // Twin: a test of the error's kind on the same object changes nothing: the same request again, at once.
  stateIsRetryable: `class MessageThread {
  async createWithRecovery(turn, turnOptions) {
    for (;;) {
      const { params, options } = this._state.buildCreateArguments(turn, turnOptions);
      const request = this._client.messages.create(params, options);
      try {
        return { request, props: await request.responseProps() };
      } catch (error) {
        if (!this._state.isRetryable(error)) throw error;
      }
    }
  }
}`,
  // Twin: the object that "recovers" is not the one the request is built from.
  otherState: `class MessageThread {
  async createWithRecovery(turn, turnOptions) {
    for (;;) {
      const { params, options } = this._builder.buildCreateArguments(turn, turnOptions);
      const request = this._client.messages.create(params, options);
      try {
        return { request, props: await request.responseProps() };
      } catch (error) {
        if (!this._state.recoversFrom(error)) throw error;
      }
    }
  }
}`,
  // Twins from an adversarial review:
  // a one-time refresh on 401, but a 5xx falls through to the next pass: the same request again, at once, forever.
  refreshThen5xx: `export async function apiGet(url, auth) {
  let token = await auth.getToken();
  let refreshed = false;
  while (true) {
    const res = await fetch(url, { headers: { authorization: \`Bearer \${token}\` } });
    if (res.ok) return res.json();
    if (res.status === 401 && !refreshed) {
      token = await auth.refresh();
      refreshed = true;
      continue;
    }
    if (res.status < 500) throw new Error(\`HTTP \${res.status}\`);
  }
}`,
  // a client rebuilt after the catch from the same config is the same attempt again (not a step from the old value).
  rebuiltAfterCatch: `import { Client } from 'pg';
export async function connectWithRetry(config, logger) {
  let client = new Client(config);
  while (true) {
    try {
      await client.connect();
      return client;
    } catch (err) {
      logger.warn({ err }, 'database not ready, retrying');
      await client.end().catch(() => {});
    }
    client = new Client(config);
  }
}`,
  // the catch goes round by itself on EBUSY, before the walk to the parent: that path retries the same folder.
  continueInCatch: `import fsp from 'node:fs/promises';
import path from 'node:path';
export async function findPackageRoot(dir) {
  for (;;) {
    try {
      await fsp.access(path.join(dir, 'package.json'));
      return dir;
    } catch (e) {
      if (e.code === 'EBUSY' || e.code === 'EMFILE') continue;
      if (e.code !== 'ENOENT') throw e;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}`,
  // a hook that only answers whether to go on (\`onError\`) is not a recovery of the object the input comes from.
  errorHook: `export async function request(options) {
  while (true) {
    const headers = await options.headers();
    try {
      return await fetch(options.url, { headers });
    } catch (err) {
      if (!options.onError(err)) throw err;
    }
  }
}`,
  // a count written as \`attempt = attempt + 1\` is not another input.
  countAsInput: `export async function postEvent(url, event) {
  let attempt = 0;
  while (true) {
    const res = await fetch(url, { method: 'POST', headers: { 'x-attempt': String(attempt) }, body: JSON.stringify(event) });
    if (res.ok) return;
    attempt = attempt + 1;
  }
}`,
  // Twins from a second adversarial round:
  // a walk with no end (no root check: \`path.dirname('/')\` is \`/\`) may come back to the same path forever.
  walkWithoutEnd: `import fsp from 'node:fs/promises';
import path from 'node:path';
export async function findUp(name, cwd = process.cwd()) {
  let dir = path.resolve(cwd);
  for (;;) {
    try {
      await fsp.access(path.join(dir, name));
      return path.join(dir, name);
    } catch {
      // not here, look in the parent
    }
    dir = path.dirname(dir);
  }
}`,
  // a "first attempt" counter declared in the loop body is 0 on every pass: the refresh branch is taken every time.
  counterResetEachPass: `export async function apiGet(url, auth) {
  let token = await auth.getToken();
  while (true) {
    let attempt = 0;
    const res = await fetch(url, { headers: { authorization: \`Bearer \${token}\` } });
    if (res.ok) return res.json();
    if (attempt === 0 && res.status === 401) {
      token = await auth.refresh();
      attempt++;
      continue;
    }
    throw new Error(\`HTTP \${res.status}\`);
  }
}`,
  // what is rebuilt from the recovering object is a handle (headers), not what the request sends: the same call again.
  recoverHandle: `class ApiClient {
  async get(path) {
    while (true) {
      const headers = await this.session.authHeaders();
      try {
        const res = await fetch(this.base + path, { headers, signal: AbortSignal.timeout(10000) });
        if (res.status === 401) throw Object.assign(new Error('unauthorized'), { status: 401 });
        return await res.json();
      } catch (err) {
        // re-authenticates on 401, drops the cached connection on ECONNRESET
        if (!(await this.session.recover(err))) throw err;
      }
    }
  }
}`,
  // an elapsed time computed once, before the loop, never moves: no deadline.
  elapsedBeforeLoop: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function retry(fn, { startedAt = Date.now(), maxElapsedMs = 30000 } = {}) {
  const elapsed = Date.now() - startedAt;
  while (true) {
    try {
      return await fn();
    } catch (err) {
      if (elapsed > maxElapsedMs) throw err;
      await sleep(1000);
    }
  }
}`,
  // a value fetched afresh after the catch, ended only by a null check, is no walk: a 401 that keeps coming back
  // refreshes and re-sends forever (from a third adversarial round).
  refreshAfterCatch: `export async function fetchProfile(client, session) {
  while (true) {
    try {
      return await client.get('/me', { headers: { authorization: \`Bearer \${session.accessToken}\` } });
    } catch (err) {
      if (err.response?.status !== 401) throw err;
      console.warn('access token rejected, refreshing');
    }
    session = await client.refreshSession(session);
    if (!session) throw new Error('session expired');
  }
}`,
};

/** The suggestion outputs, shared by both rules (the same rewrite) and both option sets. */
const outputs = {
  elapsedPerAttempt: `async function retryBackoff(fn, maxElapsedTime) {
  let x = 0;
  while (true) {
    const start = Date.now();
    try {
      return await fn();
    } catch (err) {
      const elapsed = Date.now() - start;
      if (elapsed > maxElapsedTime) {
        throw err;
      }
      await delay(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** x)));
      x++;
      if (x >= 5) throw err;
    }
  }
}`,
  sameAfterCatch: `async function waitForDir(dir) {
  const missing = [];
  let last = dir;
  let attempt = 0;
  for (;;) {
    try {
      await fsp.stat(dir);
      break;
    } catch (e) {
      const code = e.code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      attempt++;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
    missing.push(dir);
    last = path.dirname(dir);
  }
  return last;
}`,
  stateIsRetryable: `class MessageThread {
  async createWithRecovery(turn, turnOptions) {
    let attempt = 0;
    for (;;) {
      const { params, options } = this._state.buildCreateArguments(turn, turnOptions);
      const request = this._client.messages.create(params, options);
      try {
        return { request, props: await request.responseProps() };
      } catch (error) {
        if (!this._state.isRetryable(error)) throw error;
        attempt++;
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}`,
  otherState: `class MessageThread {
  async createWithRecovery(turn, turnOptions) {
    let attempt = 0;
    for (;;) {
      const { params, options } = this._builder.buildCreateArguments(turn, turnOptions);
      const request = this._client.messages.create(params, options);
      try {
        return { request, props: await request.responseProps() };
      } catch (error) {
        if (!this._state.recoversFrom(error)) throw error;
        attempt++;
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}`,
  rebuiltAfterCatch: `import { Client } from 'pg';
export async function connectWithRetry(config, logger) {
  let client = new Client(config);
  let attempt = 0;
  while (true) {
    try {
      await client.connect();
      return client;
    } catch (err) {
      logger.warn({ err }, 'database not ready, retrying');
      await client.end().catch(() => {});
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
    client = new Client(config);
  }
}`,
  errorHook: `export async function request(options) {
  let attempt = 0;
  while (true) {
    const headers = await options.headers();
    try {
      return await fetch(options.url, { headers });
    } catch (err) {
      if (!options.onError(err)) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}`,
  walkWithoutEnd: `import fsp from 'node:fs/promises';
import path from 'node:path';
export async function findUp(name, cwd = process.cwd()) {
  let dir = path.resolve(cwd);
  let attempt = 0;
  for (;;) {
    try {
      await fsp.access(path.join(dir, name));
      return path.join(dir, name);
    } catch (error) {
      // not here, look in the parent
      attempt++;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
    dir = path.dirname(dir);
  }
}`,
  recoverHandle: `class ApiClient {
  async get(path) {
    let attempt = 0;
    while (true) {
      const headers = await this.session.authHeaders();
      try {
        const res = await fetch(this.base + path, { headers, signal: AbortSignal.timeout(10000) });
        if (res.status === 401) throw Object.assign(new Error('unauthorized'), { status: 401 });
        return await res.json();
      } catch (err) {
        // re-authenticates on 401, drops the cached connection on ECONNRESET
        if (!(await this.session.recover(err))) throw err;
        attempt++;
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
      }
    }
  }
}`,
  elapsedBeforeLoop: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function retry(fn, { startedAt = Date.now(), maxElapsedMs = 30000 } = {}) {
  const elapsed = Date.now() - startedAt;
  let attempt = 0;
  while (true) {
    try {
      return await fn();
    } catch (err) {
      if (elapsed > maxElapsedMs) throw err;
      attempt++;
      if (attempt >= 5) throw err;
      await sleep(Math.max(1000, Math.random() * Math.min(10000, 1000 * 2 ** (attempt - 1))));
    }
  }
}`,
  refreshAfterCatch: `export async function fetchProfile(client, session) {
  let attempt = 0;
  while (true) {
    try {
      return await client.get('/me', { headers: { authorization: \`Bearer \${session.accessToken}\` } });
    } catch (err) {
      if (err.response?.status !== 401) throw err;
      console.warn('access token rejected, refreshing');
      attempt++;
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
    session = await client.refreshSession(session);
    if (!session) throw new Error('session expired');
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: what the next attempt is built from changes', noUnboundedRetry as never, {
    valid: [
    cases.elapsedConst,
    { code: cases.elapsedConst, options: STRICT },
    cases.parentAfterCatch,
    { code: cases.parentAfterCatch, options: STRICT },
    cases.fallbackBody,
    { code: cases.fallbackBody, options: STRICT },
    cases.sameBody,
    { code: cases.sameBody, options: STRICT },
    cases.stateRecovers,
    { code: cases.stateRecovers, options: STRICT },
    ],
    invalid: [
    ...inBoth(cases.elapsedPerAttempt, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.elapsedPerAttempt },
          ],
        },
    ]),
    ...inBoth(cases.sameAfterCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.sameAfterCatch },
          ],
        },
    ]),
    ...inBoth(cases.stateIsRetryable, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.stateIsRetryable },
          ],
        },
    ]),
    ...inBoth(cases.otherState, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.otherState },
          ],
        },
    ]),
    ...inBoth(cases.refreshThen5xx, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.rebuiltAfterCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.rebuiltAfterCatch },
          ],
        },
    ]),
    ...inBoth(cases.continueInCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.errorHook, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.errorHook },
          ],
        },
    ]),
    ...inBoth(cases.countAsInput, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.walkWithoutEnd, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 6,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.walkWithoutEnd },
          ],
        },
    ]),
    ...inBoth(cases.counterResetEachPass, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.recoverHandle, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.recoverHandle },
          ],
        },
    ]),
    ...inBoth(cases.elapsedBeforeLoop, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.elapsedBeforeLoop },
          ],
        },
    ]),
    ...inBoth(cases.refreshAfterCatch, STRICT, [
        {
          messageId: 'unboundedLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'boundRetry', output: outputs.refreshAfterCatch },
          ],
        },
    ]),
    ],
  });
}

{
  const STRICT = [{ reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: what the next attempt is built from changes', requireRetryBackoff as never, {
    valid: [
    cases.elapsedConst,
    { code: cases.elapsedConst, options: STRICT },
    cases.parentAfterCatch,
    { code: cases.parentAfterCatch, options: STRICT },
    cases.fallbackBody,
    { code: cases.fallbackBody, options: STRICT },
    cases.sameBody,
    cases.stateRecovers,
    { code: cases.stateRecovers, options: STRICT },
    ],
    invalid: [
    ...inBoth(cases.elapsedPerAttempt, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.elapsedPerAttempt },
          ],
        },
    ]),
    ...inBoth(cases.sameAfterCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.sameAfterCatch },
          ],
        },
    ]),
    {
      code: cases.sameBody,
      options: STRICT,
      errors: [
        {
          messageId: 'constantLoopBounded',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 6,
          suggestions: [],
        },
      ],
    },
    ...inBoth(cases.stateIsRetryable, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.stateIsRetryable },
          ],
        },
    ]),
    ...inBoth(cases.otherState, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.otherState },
          ],
        },
    ]),
    ...inBoth(cases.refreshThen5xx, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.rebuiltAfterCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.rebuiltAfterCatch },
          ],
        },
    ]),
    ...inBoth(cases.continueInCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 6,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.errorHook, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.errorHook },
          ],
        },
    ]),
    ...inBoth(cases.countAsInput, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.walkWithoutEnd, STRICT, [
        {
          messageId: 'constantLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 6,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.walkWithoutEnd },
          ],
        },
    ]),
    ...inBoth(cases.counterResetEachPass, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [],
        },
    ]),
    ...inBoth(cases.recoverHandle, STRICT, [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.recoverHandle },
          ],
        },
    ]),
    ...inBoth(cases.elapsedBeforeLoop, STRICT, [
        {
          messageId: 'constantLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.elapsedBeforeLoop },
          ],
        },
    ]),
    ...inBoth(cases.refreshAfterCatch, STRICT, [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            { messageId: 'useBackoff', output: outputs.refreshAfterCatch },
          ],
        },
    ]),
    ],
  });
}
