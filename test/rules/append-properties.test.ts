/**
 * Properties added to an object literal by a suggestion (src/fix/properties.ts,
 * one helper for the retry libraries' options and require-timeout's): on an
 * object written one property a line, the last property's trailing comma and
 * the comment on its line stay with it.
 */
import { jsRuleTester } from '../rule-tester';
import requireRetryBackoff from '../../rules/require-retry-backoff';
import requireTimeout from '../../rules/require-timeout';

// The rule tester's own copy of @typescript-eslint/utils differs in version; the rules are the same objects.
jsRuleTester.run('require-retry-backoff: a property added after the last one keeps its comment', requireRetryBackoff as never, {
  valid: [],
  invalid: [
    // A trailing comma and a comment after the last property: the new one goes on the next line, with its own comma.
    {
      code: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    factor: 2,
    minTimeout: 3000, // ms
    maxTimeout: 15000, // ms
  });
}
`,
      options: [{requireJitter: true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 3,
          column: 10,
          endLine: 8,
          endColumn: 5,
          suggestions: [
            { messageId: 'setLibraryBackoff', output: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    factor: 2,
    minTimeout: 3000, // ms
    maxTimeout: 15000, // ms
    randomize: true,
  });
}
` },
          ],
        },
      ],
    },
    // A comment and no trailing comma: the comma goes before the comment, the new property after it.
    {
      code: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    maxTimeout: 15000 // ms
  });
}
`,
      options: [{requireJitter: true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'setLibraryBackoff', output: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    maxTimeout: 15000, // ms
    randomize: true
  });
}
` },
          ],
        },
      ],
    },
    // A trailing comma and no comment.
    {
      code: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    maxTimeout: 15000,
  });
}
`,
      options: [{requireJitter: true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'setLibraryBackoff', output: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    maxTimeout: 15000,
    randomize: true,
  });
}
` },
          ],
        },
      ],
    },
    // Neither.
    {
      code: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    maxTimeout: 15000
  });
}
`,
      options: [{requireJitter: true}],
      errors: [
        {
          messageId: 'libraryNoJitter',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'setLibraryBackoff', output: `import promiseRetry from 'p-retry';
export function f(fn) {
  return promiseRetry((attempt) => fn(attempt), {
    forever: true,
    maxTimeout: 15000,
    randomize: true
  });
}
` },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('require-timeout: a property added after the last one keeps its comment', requireTimeout as never, {
  valid: [],
  invalid: [
    // The same for require-timeout (an axios config).
    {
      code: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', // body
  });
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', // body
    timeout: 10000,
  });
}
` },
          ],
        },
      ],
    },
    // The same without a trailing comma.
    {
      code: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json' // body
  });
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', // body
    timeout: 10000
  });
}
` },
          ],
        },
      ],
    },
    // CRLF line endings: the new line ends as the others do.
    {
      code: `import axios from 'axios';\r
export async function get(url) {\r
  return axios.get(url, {\r
    headers: { a: 1 },\r
    responseType: 'json', // body\r
  });\r
}\r
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';\r
export async function get(url) {\r
  return axios.get(url, {\r
    headers: { a: 1 },\r
    responseType: 'json', // body\r
    timeout: 10000,\r
  });\r
}\r
` },
          ],
        },
      ],
    },
    // CRLF, no comment.
    {
      code: `import axios from 'axios';\r
export async function get(url) {\r
  return axios.get(url, {\r
    headers: { a: 1 },\r
    responseType: 'json'\r
  });\r
}\r
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';\r
export async function get(url) {\r
  return axios.get(url, {\r
    headers: { a: 1 },\r
    responseType: 'json',\r
    timeout: 10000\r
  });\r
}\r
` },
          ],
        },
      ],
    },
    // Two comments after the last property stay with it.
    {
      code: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', /* a */ // b
  });
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 6,
          endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', /* a */ // b
    timeout: 10000,
  });
}
` },
          ],
        },
      ],
    },
    // A comment that goes on to the next line: the property goes on the same line, before it.
    {
      code: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', /* a
    b */
  });
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 10,
          endLine: 7,
          endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, {
    headers: { a: 1 },
    responseType: 'json', timeout: 10000, /* a
    b */
  });
}
` },
          ],
        },
      ],
    },
  ],
});
