import { ruleTester } from '../rule-tester';
import ruleModule, { type MessageIds, type Options } from '../../rules/require-retry-backoff';

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
const rule = ruleModule as unknown as Parameters<typeof ruleTester.run<MessageIds, [Partial<Options>]>>[1];

ruleTester.run('require-retry-backoff', rule, {
  valid: [

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

    // Exponential: 2 ** counter.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(1000 * 2 ** i);
    }
  }
}`,
    // Exponential: the delay doubles (delay *= 2).
    `async function load(url) {
  let wait = 100;
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await new Promise((r) => setTimeout(r, wait));
      wait *= 2;
    }
  }
}`,
    // A linearly growing wait still grows.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(1000 * (i + 1));
    }
  }
}`,
    // A delay computed by a function of the attempt: we cannot judge it, so we stay silent.
    `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(computeDelay(i));
    }
  }
}`,
    {
      // requireJitter: Math.random() through a local variable.
      code: `async function load(url) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      const cap = Math.min(10000, 100 * 2 ** i);
      await sleep(Math.random() * cap);
    }
  }
}`,
      options: [{ requireJitter: true }],
    },
    // A poll loop with a constant delay is not a retry.
    `async function poll() {
  while (true) {
    const res = await fetch(statusUrl);
    render(await res.json());
    await sleep(5000);
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
  ],
  invalid: [
    {
      code: `async function load(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      log(err);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let failedAttempts = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      failedAttempts++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (failedAttempts - 1))));
      log(err);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  let attempt = 0;
  while (attempt < 5) {
    try {
      return await fetch(url);
    } catch (err) {
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error('gave up');
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let attempt = 0;
  let failedAttempts = 0;
  while (attempt < 5) {
    try {
      return await fetch(url);
    } catch (err) {
      failedAttempts++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (failedAttempts - 1))));
      attempt++;
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(Math.min(10000, 100 * 2 ** attempt));
    }
  }
}`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'noJitter',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let failedAttempts = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      failedAttempts++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (failedAttempts - 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function loadSync(path) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return fs.readFileSync(path);
    } catch (err) {
      sleepSync(100);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: sync function, nothing to await between attempts.','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    {
      code: `async function load(url) {
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      await delay(RETRY_DELAY);
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'useBackoff',
              output: `async function load(url) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (err) {
      attempt++;
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
    {
      code: `async function load(url) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.status === 200) return res;
    await sleep(1000);
  }
}`,
      errors: [
        {
          messageId: 'constantLoop',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          data: {'noFix':' No quick fix: the retry is driven by a status check, so there is no error to rethrow when attempts run out.','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    {
      code: `const mongoose = require('mongoose');
const connectWithRetry = () => {
  return mongoose.connect(uri).catch(() => setTimeout(connectWithRetry, 5000));
};`,
      errors: [
        {
          messageId: 'constantRecursion',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 78,
          data: {'noFix':' No quick fix: the retry is scheduled from a callback, whose last failure has no caller to report to.','name':'connectWithRetry','wait':'waits a constant time'},
          suggestions: [],
        },
      ],
    },
    {
      code: `function connect() {
  const socket = new WebSocket(url);
  socket.addEventListener('error', () => connect());
}`,
      errors: [
        {
          messageId: 'constantReconnect',
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 51,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.','event':'error','wait':'does not wait'},
          suggestions: [],
        },
      ],
    },
    {
      code: `let attempt = 0;
function connect() {
  const socket = new WebSocket(url);
  socket.onopen = () => { attempt = 0; };
  socket.onclose = () => {
    attempt++;
    setTimeout(connect, Math.min(30000, 1000 * 2 ** attempt));
  };
}`,
      options: [{"requireJitter":true}],
      errors: [
        {
          messageId: 'noJitter',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 62,
          data: {'noFix':' No quick fix: a reconnect handler has no caller to report the last failure to.'},
          suggestions: [],
        },
      ],
    },
  ],
});
