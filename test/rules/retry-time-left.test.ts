/**
 * A deadline read through a helper of the file that caps the wait at the time
 * left (issue 12's ledger: @google-cloud/storage's resumable upload, whose
 * catch takes `const retryDelay = this.getRetryDelay()` and throws when it is
 * `<= 0`, getRetryDelay returning `Math.min(wait, maxWait, totalTimeout * 1000 -
 * (Date.now() - this.timeOfFirstRequest))`). Such a test stops the retry at the
 * deadline: no-unbounded-retry's strict option no longer reports it. Twins:
 * no time-left term, a start that moves with each attempt or is read in the
 * helper, a budget of Infinity (also as a fallback), a return that is not
 * capped or an end the helper falls off, an async helper, a test that does not
 * stop, an imported, reassigned, overridden (also by `Object.defineProperty`) or
 * object-literal helper, a helper that resets the start in a callback, a
 * `Math.min` argument that is undefined, a local `Math`, a wait
 * asked once before the loop, a deadline passed in as a parameter: all still
 * reported.
 */
import { jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

// The cases, as written in the ledger's shape and its twins.
const cls = (getDelay: string, retryBranch = `const retryDelay = this.getRetryDelay();
      if (retryDelay <= 0) throw e;
      await new Promise((res) => setTimeout(res, retryDelay));
      return this.checkStatus();`, extra = ''): string => `export class Upload {
  constructor(options) {
    this.options = options;
    this.numRetries = 0;
    this.timeOfFirstRequest = Date.now();
  }
  async checkStatus() {
    ${extra}try {
      return await this.makeRequest();
    } catch (e) {
      ${retryBranch}
    }
  }
  getRetryDelay() {
${getDelay}
  }
}
`;
const capped = `    const waitTime = Math.pow(2, this.numRetries++) * 1000 + Math.round(Math.random() * 1000);
    const maxAllowableDelayMs = this.options.totalTimeout * 1000 - (Date.now() - this.timeOfFirstRequest);
    return Math.min(waitTime, this.options.maxRetryDelay * 1000, maxAllowableDelayMs);`;
const cases = {
  s1_method_capped: cls(capped),
  s2_inline_time_left: cls(`    return Math.min(2 ** this.numRetries++ * 1000, 600000 - (Date.now() - this.timeOfFirstRequest));`),
  s3_loop_deadline: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function fetchWithDeadline(url) {
  const deadline = Date.now() + 30000;
  const nextWait = (attempt) => Math.min(100 * 2 ** attempt, deadline - Date.now());
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      const wait = nextWait(attempt);
      if (wait < 1) throw err;
      await sleep(wait);
    }
  }
}
`,
  r1_no_time_left: cls(`    return Math.min(Math.pow(2, this.numRetries++) * 1000, this.options.maxRetryDelay * 1000);`),
  r2_start_moves: cls(capped, undefined, 'this.timeOfFirstRequest = Date.now();\n    '),
  r3_infinite_budget: cls(`    return Math.min(2 ** this.numRetries++ * 1000, Infinity - (Date.now() - this.timeOfFirstRequest));`),
  r4_uncapped_return: cls(`    if (this.options.fixed) return 1000;
${capped}`),
  r5_wrong_direction: cls(capped, `const retryDelay = this.getRetryDelay();
      if (retryDelay >= 0) throw e;
      await new Promise((res) => setTimeout(res, retryDelay));
      return this.checkStatus();`),
  r6_imported_helper: `import { getRetryDelay } from './delays';
export async function checkStatus(client) {
  try {
    return await client.makeRequest();
  } catch (e) {
    const retryDelay = getRetryDelay();
    if (retryDelay <= 0) throw e;
    await new Promise((res) => setTimeout(res, retryDelay));
    return checkStatus(client);
  }
}
`,
  r7_frozen_wait: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function fetchWithDeadline(url) {
  const deadline = Date.now() + 30000;
  const nextWait = () => Math.min(1000, deadline - Date.now());
  const wait = nextWait();
  for (;;) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      if (wait <= 0) throw err;
      await sleep(wait);
    }
  }
}
`,
  r8_start_read_in_helper: cls(`    const start = Date.now();
    return Math.min(2 ** this.numRetries++ * 1000, this.options.totalTimeout * 1000 - (Date.now() - start));`),
  r9_deadline_parameter: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nextWait = (attempt, deadline) => Math.min(100 * 2 ** attempt, deadline - Date.now());
export async function fetchIt(url, attempt = 0) {
  try {
    return await fetch(url);
  } catch (err) {
    const wait = nextWait(attempt, Date.now() + 30000);
    if (wait <= 0) throw err;
    await sleep(wait);
    return fetchIt(url, attempt + 1);
  }
}
`,
  r10_falls_off_the_end: cls(`    if (this.options.totalTimeout) {
${capped}
    }`),
  r11_async_helper: cls(capped).replace('  getRetryDelay() {', '  async getRetryDelay() {'),
  r12_reassigned_helper: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = Date.now() + 30000;
let nextWait = (attempt) => Math.min(100 * 2 ** attempt, deadline - Date.now());
export function configure(fn) {
  nextWait = fn;
}
export async function fetchIt(url, attempt = 0) {
  try {
    return await fetch(url);
  } catch (err) {
    const wait = nextWait(attempt);
    if (wait <= 0) throw err;
    await sleep(wait);
    return fetchIt(url, attempt + 1);
  }
}
`,
  r13_overridden: cls(capped) + `export class FixedUpload extends Upload {
  getRetryDelay() {
    return 1000;
  }
}
`,
  r14_local_math: `const Math = { min: (a) => a };
` + cls(capped),
  r15_fallback_infinity: cls(`    return Math.min(2 ** this.numRetries++ * 1000, (this.options.totalTimeout ?? Infinity) * 1000 - (Date.now() - this.timeOfFirstRequest));`),
  r16_reset_in_helper_callback: cls(`    [0].forEach(() => {
      this.timeOfFirstRequest = Date.now();
    });
${capped}`),
  r17_object_method: `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const start = Date.now();
export const client = {
  getRetryDelay() {
    return Math.min(1000, 30000 - (Date.now() - start));
  },
  async send(url) {
    try {
      return await fetch(url);
    } catch (err) {
      const wait = this.getRetryDelay();
      if (wait <= 0) throw err;
      await sleep(wait);
      return this.send(url);
    }
  },
};
`,
  r18_define_property: cls(capped) + `Object.defineProperty(Upload.prototype, 'getRetryDelay', { value: () => 1000 });
`,
  r19_undefined_argument: cls(`    return Math.min(undefined, this.options.totalTimeout * 1000 - (Date.now() - this.timeOfFirstRequest));`),
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a wait capped at the time left before a deadline', noUnboundedRetry as never, {
    valid: [
      { code: cases.s1_method_capped },
      { code: cases.s1_method_capped, options: STRICT },
      { code: cases.s2_inline_time_left },
      { code: cases.s2_inline_time_left, options: STRICT },
      { code: cases.s3_loop_deadline },
      { code: cases.s3_loop_deadline, options: STRICT },
      { code: cases.r1_no_time_left },
      { code: cases.r2_start_moves },
      { code: cases.r3_infinite_budget },
      { code: cases.r4_uncapped_return },
      { code: cases.r5_wrong_direction },
      { code: cases.r6_imported_helper },
      { code: cases.r8_start_read_in_helper },
      { code: cases.r9_deadline_parameter },
      { code: cases.r10_falls_off_the_end },
      { code: cases.r11_async_helper },
      { code: cases.r12_reassigned_helper },
      { code: cases.r13_overridden },
      { code: cases.r14_local_math },
      { code: cases.r15_fallback_infinity },
      { code: cases.r16_reset_in_helper_callback },
      { code: cases.r17_object_method },
      { code: cases.r18_define_property },
      { code: cases.r19_undefined_argument },
    ],
    invalid: [
      { code: cases.r1_no_time_left, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r2_start_moves, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 15, column: 14, endLine: 15, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r3_infinite_budget, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r4_uncapped_return, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r5_wrong_direction, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r6_imported_helper, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.", line: 9, column: 12, endLine: 9, endColumn: 31, suggestions: [] }] as never },
      { code: cases.r7_frozen_wait, errors: [{ message: "This loop retries failed attempts with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries.", line: 6, column: 3, endLine: 6, endColumn: 6, suggestions: [{ messageId: "boundRetry", output: "const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nexport async function fetchWithDeadline(url) {\n  const deadline = Date.now() + 30000;\n  const nextWait = () => Math.min(1000, deadline - Date.now());\n  const wait = nextWait();\n  let attempt = 0;\n  for (;;) {\n    try {\n      return await fetch(url, { signal: AbortSignal.timeout(5000) });\n    } catch (err) {\n      if (wait <= 0) throw err;\n      attempt++;\n      if (attempt >= 5) throw err;\n      await sleep(Math.max(wait, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, wait * 16)), wait * 2 ** (attempt - 1))));\n    }\n  }\n}\n" }] }] as never },
      { code: cases.r7_frozen_wait, options: STRICT, errors: [{ message: "This loop retries failed attempts with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries.", line: 6, column: 3, endLine: 6, endColumn: 6, suggestions: [{ messageId: "boundRetry", output: "const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nexport async function fetchWithDeadline(url) {\n  const deadline = Date.now() + 30000;\n  const nextWait = () => Math.min(1000, deadline - Date.now());\n  const wait = nextWait();\n  let attempt = 0;\n  for (;;) {\n    try {\n      return await fetch(url, { signal: AbortSignal.timeout(5000) });\n    } catch (err) {\n      if (wait <= 0) throw err;\n      attempt++;\n      if (attempt >= 5) throw err;\n      await sleep(Math.max(wait, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, wait * 16)), wait * 2 ** (attempt - 1))));\n    }\n  }\n}\n" }] }] as never },
      { code: cases.r8_start_read_in_helper, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r9_deadline_parameter, options: STRICT, errors: [{ message: "This call retries 'fetchIt' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.", line: 10, column: 12, endLine: 10, endColumn: 37, suggestions: [] }] as never },
      { code: cases.r10_falls_off_the_end, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r11_async_helper, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r12_reassigned_helper, options: STRICT, errors: [{ message: "This call retries 'fetchIt' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is exported, and callers elsewhere may pass more arguments.", line: 14, column: 12, endLine: 14, endColumn: 37, suggestions: [] }] as never },
      { code: cases.r13_overridden, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r14_local_math, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 15, column: 14, endLine: 15, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r15_fallback_infinity, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r16_reset_in_helper_callback, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r17_object_method, options: STRICT, errors: [{ message: "This call retries 'send' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 28, suggestions: [] }] as never },
      { code: cases.r18_define_property, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
      { code: cases.r19_undefined_argument, options: STRICT, errors: [{ message: "This call retries 'checkStatus' from a failure path with no attempt limit or deadline, so a lasting failure becomes an endless flood of retries. No quick fix: the function cannot safely take an extra attempt parameter: it is a method, whose callers the file may not all show.", line: 14, column: 14, endLine: 14, endColumn: 32, suggestions: [] }] as never },
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a wait capped at the time left before a deadline', requireRetryBackoff as never, {
    valid: [
      { code: cases.s1_method_capped },
      { code: cases.s1_method_capped, options: STRICT },
      { code: cases.s2_inline_time_left },
      { code: cases.s2_inline_time_left, options: STRICT },
      { code: cases.s3_loop_deadline },
      { code: cases.s3_loop_deadline, options: STRICT },
      { code: cases.r1_no_time_left },
      { code: cases.r1_no_time_left, options: STRICT },
      { code: cases.r2_start_moves },
      { code: cases.r2_start_moves, options: STRICT },
      { code: cases.r3_infinite_budget },
      { code: cases.r3_infinite_budget, options: STRICT },
      { code: cases.r4_uncapped_return },
      { code: cases.r4_uncapped_return, options: STRICT },
      { code: cases.r5_wrong_direction },
      { code: cases.r5_wrong_direction, options: STRICT },
      { code: cases.r6_imported_helper },
      { code: cases.r6_imported_helper, options: STRICT },
      { code: cases.r8_start_read_in_helper },
      { code: cases.r8_start_read_in_helper, options: STRICT },
      { code: cases.r9_deadline_parameter },
      { code: cases.r9_deadline_parameter, options: STRICT },
      { code: cases.r10_falls_off_the_end },
      { code: cases.r10_falls_off_the_end, options: STRICT },
      { code: cases.r11_async_helper },
      { code: cases.r11_async_helper, options: STRICT },
      { code: cases.r12_reassigned_helper },
      { code: cases.r12_reassigned_helper, options: STRICT },
      { code: cases.r13_overridden },
      { code: cases.r13_overridden, options: STRICT },
      { code: cases.r14_local_math },
      { code: cases.r14_local_math, options: STRICT },
      { code: cases.r15_fallback_infinity },
      { code: cases.r15_fallback_infinity, options: STRICT },
      { code: cases.r16_reset_in_helper_callback },
      { code: cases.r16_reset_in_helper_callback, options: STRICT },
      { code: cases.r17_object_method },
      { code: cases.r17_object_method, options: STRICT },
      { code: cases.r18_define_property },
      { code: cases.r18_define_property, options: STRICT },
      { code: cases.r19_undefined_argument },
      { code: cases.r19_undefined_argument, options: STRICT },
    ],
    invalid: [
      { code: cases.r7_frozen_wait, errors: [{ message: "This loop waits a constant time between retries, so during a lasting failure the retries keep coming at a steady rate instead of backing off.", line: 6, column: 3, endLine: 6, endColumn: 6, suggestions: [{ messageId: "useBackoff", output: "const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nexport async function fetchWithDeadline(url) {\n  const deadline = Date.now() + 30000;\n  const nextWait = () => Math.min(1000, deadline - Date.now());\n  const wait = nextWait();\n  let attempt = 0;\n  for (;;) {\n    try {\n      return await fetch(url, { signal: AbortSignal.timeout(5000) });\n    } catch (err) {\n      if (wait <= 0) throw err;\n      attempt++;\n      if (attempt >= 5) throw err;\n      await sleep(Math.max(wait, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, wait * 16)), wait * 2 ** (attempt - 1))));\n    }\n  }\n}\n" }] }] as never },
      { code: cases.r7_frozen_wait, options: STRICT, errors: [{ message: "This loop waits a constant time between retries, so during a lasting failure the retries keep coming at a steady rate instead of backing off.", line: 6, column: 3, endLine: 6, endColumn: 6, suggestions: [{ messageId: "useBackoff", output: "const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\nexport async function fetchWithDeadline(url) {\n  const deadline = Date.now() + 30000;\n  const nextWait = () => Math.min(1000, deadline - Date.now());\n  const wait = nextWait();\n  let attempt = 0;\n  for (;;) {\n    try {\n      return await fetch(url, { signal: AbortSignal.timeout(5000) });\n    } catch (err) {\n      if (wait <= 0) throw err;\n      attempt++;\n      if (attempt >= 5) throw err;\n      await sleep(Math.max(wait, Math.random() * Math.min(Math.max(10000, Math.min(2147483647, wait * 16)), wait * 2 ** (attempt - 1))));\n    }\n  }\n}\n" }] }] as never },
    ],
  });
}
