/**
 * A counter that picks what each pass reads walks through candidates; it does
 * not count attempts at one operation (issue 12's ledger: @fastify/http-proxy
 * decodes a percent-encoded character from a longer slice after each failure,
 * Solana's findProgramAddressSync tries the next bump seed). Besides an index
 * (`mirrors[i]`), in synchronous passes (no `await`, `yield`, promise callback
 * or timer) a bound of the part the attempt cuts out of its input, the counter
 * alone or in a sum (`path.slice(index, index + length)`), or the one element
 * of an array built for the attempt (`Buffer.from([nonce])`) is not a retry,
 * for either rule, in loops and in recursion. Twins stay reported by both
 * rules: the counter handed on as it is (`requestSync(url, attempt)`), in a
 * log line's array, in a slice the failure path builds, among the other
 * arguments of the attempt (`[url, attempt]`), under `%` in a slice (a round
 * robin), and `[attempt]` as a query parameter of an asynchronous retry.
 */
import { jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (@fastify/http-proxy's getRawPrefixLength, ledger): a percent-encoded character is decoded from a longer slice
  // after each failure; the length is both the bound and what the next pass reads.
  decodeLonger: `export function decodeAt(path, index) {
  let length = 3;
  while (true) {
    try {
      return decodeURI(path.slice(index, index + length));
    } catch (error) {
      if (length === 12 || path[index + length] !== '%') throw error;
      length += 3;
    }
  }
}`,
  // Real code (Solana's findProgramAddressSync, ledger): each pass tries the next bump seed.
  bumpSeed: `export function findAddress(seeds, derive) {
  let nonce = 255;
  while (nonce != 0) {
    try {
      const seedsWithNonce = seeds.concat(Buffer.from([nonce]));
      return [derive(seedsWithNonce), nonce];
    } catch (err) {
      if (err instanceof TypeError) throw err;
      nonce--;
      continue;
    }
  }
  throw new Error('Unable to find a viable program address nonce');
}`,
  // The same walk by recursion: the re-run passes a longer length.
  decodeRecursive: `export function decodeFrom(path, length = 3) {
  try {
    return decodeURI(path.slice(0, length));
  } catch (error) {
    if (length >= 12) throw error;
    return decodeFrom(path, length + 3);
  }
}`,
  // Twin: the counter handed on as it is (an attempt number for the request): a retry.
  counterHandedOn: `export function load(url, requestSync) {
  let attempt = 0;
  while (true) {
    try {
      return requestSync(url, attempt);
    } catch (err) {
      attempt++;
    }
  }
}`,
  // Twin: the counter in a log line's array.
  counterLogged: `export function load(url, requestSync, logger) {
  let attempt = 0;
  while (true) {
    try {
      return requestSync(url);
    } catch (err) {
      attempt++;
      logger.warn([attempt]);
    }
  }
}`,
  // Twin: a slice built on the failure path, not read by the attempt.
  sliceInCatch: `export function load(url, requestSync, log) {
  let attempt = 0;
  while (true) {
    try {
      return requestSync(url);
    } catch (err) {
      attempt++;
      log(err.message.slice(0, attempt + 80));
    }
  }
}`,
  // Twin: in an asynchronous retry, the counter as the one query parameter (a Postgres serialization-failure retry).
  queryParameter: `export async function bump(pool, id) {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return await pool.query('UPDATE jobs SET attempts = $1 WHERE id = 7', [attempt]);
    } catch (e) {
      if (e.code !== '40001') throw e;
    }
  }
}`,
  // Twin: a synchronous round robin through a slice (the counter under %, not a bound of the part read).
  roundRobinSlice: `export function connectAny(hosts, connectSync) {
  let attempt = 0;
  while (true) {
    const [host] = hosts.slice(attempt % hosts.length);
    try {
      return connectSync(host);
    } catch (err) {
      attempt++;
    }
  }
}`,
  // Twin: the counter with the other arguments the attempt gets, not one element built for it.
  counterInArguments: `export function load(url, requestSync) {
  let attempt = 0;
  while (true) {
    try {
      return requestSync.apply(null, [url, attempt]);
    } catch (err) {
      attempt++;
    }
  }
}`,
};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: a counter that picks what each pass reads is not a retry', noUnboundedRetry as never, {
    valid: [
      cases.decodeLonger,
      { code: cases.decodeLonger, options: STRICT },
      cases.bumpSeed,
      { code: cases.bumpSeed, options: STRICT },
      cases.decodeRecursive,
      { code: cases.decodeRecursive, options: STRICT },
    ],
    invalid: [
      { code: cases.counterHandedOn, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterHandedOn, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterLogged, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterLogged, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.sliceInCatch, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.sliceInCatch, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.queryParameter, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: `export async function bump(pool, id) {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return await pool.query('UPDATE jobs SET attempts = $1 WHERE id = 7', [attempt]);
    } catch (e) {
      if (e.code !== '40001') throw e;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` }] }] },
      { code: cases.queryParameter, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [{ messageId: 'boundRetry', output: `export async function bump(pool, id) {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return await pool.query('UPDATE jobs SET attempts = $1 WHERE id = 7', [attempt]);
    } catch (e) {
      if (e.code !== '40001') throw e;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` }] }] },
      { code: cases.roundRobinSlice, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.roundRobinSlice, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterInArguments, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterInArguments, options: STRICT, errors: [{ messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
    ],
  });
}

{
  const STRICT = [{ requireJitter: true, reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: a counter that picks what each pass reads is not a retry', requireRetryBackoff as never, {
    valid: [
      cases.decodeLonger,
      { code: cases.decodeLonger, options: STRICT },
      cases.bumpSeed,
      { code: cases.bumpSeed, options: STRICT },
      cases.decodeRecursive,
      { code: cases.decodeRecursive, options: STRICT },
    ],
    invalid: [
      { code: cases.counterHandedOn, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterHandedOn, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterLogged, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterLogged, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.sliceInCatch, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.sliceInCatch, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.queryParameter, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [{ messageId: 'useBackoff', output: `export async function bump(pool, id) {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return await pool.query('UPDATE jobs SET attempts = $1 WHERE id = 7', [attempt]);
    } catch (e) {
      if (e.code !== '40001') throw e;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` }] }] },
      { code: cases.queryParameter, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 6, suggestions: [{ messageId: 'useBackoff', output: `export async function bump(pool, id) {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return await pool.query('UPDATE jobs SET attempts = $1 WHERE id = 7', [attempt]);
    } catch (e) {
      if (e.code !== '40001') throw e;
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10000, 100 * 2 ** (attempt - 1))));
    }
  }
}` }] }] },
      { code: cases.roundRobinSlice, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.roundRobinSlice, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterInArguments, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
      { code: cases.counterInArguments, options: STRICT, errors: [{ messageId: 'constantLoop', line: 3, column: 3, endLine: 3, endColumn: 8, suggestions: [] }] },
    ],
  });
}
