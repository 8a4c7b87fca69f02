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
  ],
});
