/**
 * A re-run from a failure path guarded by a flag the way to it uses up
 * (pacote's fallback to the full packument, an "already refreshed" member):
 * one more attempt at most, not a retry for either rule; and the twins where
 * the flag does not last (a local, a clear where the retry runs, a write
 * under a further condition). Both retry rules, with their default and their
 * strict options.
 */
import { inBoth, jsRuleTester } from '../rule-tester';
import noUnboundedRetry from '../../rules/no-unbounded-retry';
import requireRetryBackoff from '../../rules/require-retry-backoff';

const cases = {
  // Real code (pacote RegistryFetcher.packument): the exit check `err.code !== 'E404' || this.fullMetadata` and the
  // way on sets `this.fullMetadata = true`: the re-run's failure leaves, so one fallback at most, not a retry.
  pacote: `export class RegistryFetcher {
  async packument() {
    try {
      const res = await fetch(this.packumentUrl, { signal: AbortSignal.timeout(30000) });
      return await res.json();
    } catch (err) {
      if (err.code !== 'E404' || this.fullMetadata) {
        throw err;
      }
      // possible that corgis are not supported by this registry
      this.fullMetadata = true;
      return this.packument();
    }
  }
}`,
  // Twin: the re-run clears the flag at its top, so every failure goes round again.
  pacoteResetAtTop: `export class RegistryFetcher {
  async packument() {
    this.fullMetadata = false;
    try {
      const res = await fetch(this.packumentUrl, { signal: AbortSignal.timeout(30000) });
      return await res.json();
    } catch (err) {
      if (err.code !== 'E404' || this.fullMetadata) {
        throw err;
      }
      // possible that corgis are not supported by this registry
      this.fullMetadata = true;
      return this.packument();
    }
  }
}`,
  // Twin: a method of the class the re-run calls sets the flag back.
  pacoteResetInCallee: `export class RegistryFetcher {
  async packument() {
    this.prepare();
    try {
      const res = await fetch(this.packumentUrl, { signal: AbortSignal.timeout(30000) });
      return await res.json();
    } catch (err) {
      if (err.code !== 'E404' || this.fullMetadata) {
        throw err;
      }
      // possible that corgis are not supported by this registry
      this.fullMetadata = true;
      return this.packument();
    }
  }

  prepare() {
    this.fullMetadata = this.opts.fullMetadata;
  }
}`,
  // An `if` around the re-run whose branch sets its guard false (`!this.refreshed`): one more attempt at most.
  guarded: `export class Client {
  async send(msg) {
    try {
      return await this.http.post('/messages', msg);
    } catch (err) {
      if (err.status === 401 && !this.refreshed) {
        this.refreshed = true;
        await this.refreshToken();
        return this.send(msg);
      }
      throw err;
    }
  }
}`,
  // Twin: a local flag the re-run declares afresh never ends it.
  local: `export async function send(client, msg) {
  let retried = false;
  try {
    return await client.post(msg);
  } catch (err) {
    if (retried) throw err;
    retried = true;
    return send(client, msg);
  }
}`,
  // Review: a listener the constructor registers clears the flag when the token event fires (emitted on the way).
  guardedRearmedByListener: `export class Client extends EventEmitter {
  constructor() {
    super();
    this.on('token', (token) => {
      this.token = token;
      this.refreshed = false;
    });
  }

  async send(msg) {
    try {
      return await this.http.post('/messages', msg);
    } catch (err) {
      if (err.status === 401 && !this.refreshed) {
        this.refreshed = true;
        await this.refreshToken();
        return this.send(msg);
      }
      throw err;
    }
  }
}`,
  // Review: a method of the class replaces the object holding the flag (`this.auth = { ..., refreshed: false }`).
  guardedHolderReplaced: `export class Client {
  async send(msg) {
    try {
      return await this.http.post('/messages', msg);
    } catch (err) {
      if (err.status === 401 && !this.auth.refreshed) {
        this.auth.refreshed = true;
        await this.refreshToken();
        return this.send(msg);
      }
      throw err;
    }
  }

  async refreshToken() {
    this.auth = { token: await this.fetchToken(), refreshed: false };
  }
}`,
  // Review: `delete this.refreshed` in a method of the class re-arms the guard.
  guardedDeleted: `export class Client {
  async send(msg) {
    try {
      return await this.http.post('/messages', msg);
    } catch (err) {
      if (err.status === 401 && !this.refreshed) {
        this.refreshed = true;
        await this.refreshToken();
        return this.send(msg);
      }
      throw err;
    }
  }

  async refreshToken() {
    this.token = await this.fetchToken();
    delete this.refreshed;
  }
}`,
  // Review: a computed write (`this.flags[name] = false`) may clear the flag.
  guardedComputedReset: `export class Client {
  async send(msg) {
    try {
      return await this.http.post('/messages', msg);
    } catch (err) {
      if (err.status === 401 && !this.flags.refreshed) {
        this.flags.refreshed = true;
        await this.refreshToken();
        return this.send(msg);
      }
      throw err;
    }
  }

  async refreshToken() {
    for (const name of Object.keys(this.flags)) this.flags[name] = false;
  }
}`,
  // A constructor that gives the flag its first value does not re-arm it.
  guardedConstructorStart: `export class Client {
  constructor(options) {
    this.refreshed = !!options.noRefresh;
  }

  async send(msg) {
    try {
      return await this.http.post('/messages', msg);
    } catch (err) {
      if (err.status === 401 && !this.refreshed) {
        this.refreshed = true;
        await this.refreshToken();
        return this.send(msg);
      }
      throw err;
    }
  }
}`,
  // Real code (pacote): `throw Object.assign(new Error(...), { code })` writes to a fresh error, not to the flag.
  pacoteErrorAssign: `export class RegistryFetcher {
  async packument() {
    try {
      const res = await fetch(this.packumentUrl, { signal: AbortSignal.timeout(30000) });
      return await res.json();
    } catch (err) {
      if (err.code !== 'E404' || this.fullMetadata) {
        throw err;
      }
      // possible that corgis are not supported by this registry
      this.fullMetadata = true;
      return this.packument();
    }
  }

  manifest() {
    throw Object.assign(new Error('No matching version'), { code: 'ETARGET' });
  }
}`,
  // Twin: a clear after the request (before `res.json()` is done with) may run between failures: not taken as used up.
  get pacoteResetOnSuccess() {
    return this.pacote.replace(`      return await res.json();`, `      const packument = await res.json();
      this.fullMetadata = false;
      return packument;`);
  },
  // Twin: the flag is set only under a further condition: the way on does not always use it up.
  get pacoteSetUnderCondition() {
    return this.pacote.replace(`      this.fullMetadata = true;`, `      if (err.headers?.['x-corgi'] === 'off') this.fullMetadata = true;`);
  },
  // Twin: the flag is a property of the message handed on, not of `this`: a re-run may be given another object, so
  // it is not read as lasting (still reported).
  get guardedOnOtherObject() {
    return this.guarded.replace(`      if (err.status === 401 && !this.refreshed) {
        this.refreshed = true;`, `      if (err.status === 401 && !msg.refreshed) {
        msg.refreshed = true;`);
  },
  // A flag declared outside the function, set on the way and never cleared: one more attempt at most.
  get moduleFlag() {
    return this.local.replace(`export async function send(client, msg) {
  let retried = false;`, `let retried = false;
export async function send(client, msg) {`);
  },
  // Twin: `Object.assign(this, { refreshed: false }, options)` in a method may clear the flag.
  get guardedAssignThis() {
    return this.guardedDeleted.replace(`  async refreshToken() {
    this.token = await this.fetchToken();
    delete this.refreshed;`, `  reset(options) {
    Object.assign(this, { refreshed: false }, options);`);
  },
};

/** Suggestion outputs expected by both rules. */
const outputs = {

};

{
  const STRICT = [{ allowUnboundedWithBackoff: false }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('no-unbounded-retry: flags the way to a re-run uses up', noUnboundedRetry as never, {
  valid: [
    cases.pacote,
    { code: cases.pacote, options: STRICT },
    cases.guarded,
    { code: cases.guarded, options: STRICT },
    cases.moduleFlag,
    { code: cases.moduleFlag, options: STRICT },
    cases.guardedConstructorStart,
    { code: cases.guardedConstructorStart, options: STRICT },
    cases.pacoteErrorAssign,
    { code: cases.pacoteErrorAssign, options: STRICT },
  ],
  invalid: [
    ...inBoth(cases.pacoteResetAtTop, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.pacoteResetOnSuccess, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.pacoteResetInCallee, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.pacoteSetUnderCondition, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 12,
          column: 14,
          endLine: 12,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedOnOtherObject, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.local, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 29,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedRearmedByListener, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 17,
          column: 16,
          endLine: 17,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedHolderReplaced, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedDeleted, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedComputedReset, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedAssignThis, STRICT, [
        {
          messageId: 'unboundedRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
  ],
});
}

{
  const STRICT = [{ reportBounded: true }];
  // The rule tester's own copy of @typescript-eslint/utils differs in version; the rule is the same object.
  jsRuleTester.run('require-retry-backoff: flags the way to a re-run uses up', requireRetryBackoff as never, {
  valid: [
    cases.pacote,
    { code: cases.pacote, options: STRICT },
    cases.guarded,
    { code: cases.guarded, options: STRICT },
    cases.moduleFlag,
    { code: cases.moduleFlag, options: STRICT },
    cases.guardedConstructorStart,
    { code: cases.guardedConstructorStart, options: STRICT },
    cases.pacoteErrorAssign,
    { code: cases.pacoteErrorAssign, options: STRICT },
  ],
  invalid: [
    ...inBoth(cases.pacoteResetAtTop, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.pacoteResetOnSuccess, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.pacoteResetInCallee, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.pacoteSetUnderCondition, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 12,
          column: 14,
          endLine: 12,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedOnOtherObject, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.local, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 29,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedRearmedByListener, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 17,
          column: 16,
          endLine: 17,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedHolderReplaced, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedDeleted, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedComputedReset, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
    ...inBoth(cases.guardedAssignThis, STRICT, [
        {
          messageId: 'constantRecursion',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 30,
          suggestions: [],
        },
      ]),
  ],
});
}
