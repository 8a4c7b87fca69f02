import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import ruleModule from '../../rules/no-unguarded-shared-resource';
import { jsRuleTester, ruleTester } from '../rule-tester';

// @typescript-eslint/rule-tester (~8.72) and utils (~8.73) ship distinct copies of
// the scope-manager types; the rule object is the same at runtime.
type MessageId = 'unguardedAccess' | 'unguardedHelperCall' | 'wrapInGuard';
const rule = ruleModule as unknown as Parameters<typeof ruleTester.run<MessageId, [{ reportUnknownPaths?: boolean }]>>[1];
const ruleWithSettingsError = ruleModule as unknown as Parameters<typeof ruleTester.run<'invalidSettings', [{ reportUnknownPaths?: boolean }]>>[1];

/** A tester whose ESLint cwd is /project, so relative filenames sit under it. */
const projectTester = new RuleTester({
  languageOptions: { parserOptions: { tsconfigRootDir: '/project' } },
});

const sharedFs = {
  name: 'shared-fs',
  match: { modules: ['fs', 'fs/promises', 'fs-extra'], calls: ['uploadStore.*', 'assets.write'] },
  guards: ['withOutageFlip', 'sharedFsBreaker.fire', '*.execute'],
  flags: ['outageFlips.sharedFs', 'isSharedFsUp()', "flags.isEnabled('shared-fs')"],
  chokePoints: ['src/lib/shared-fs.ts', 'src/guards/**'],
};
const settings = { resilience: { sharedResources: [sharedFs] } };

const withPaths = {
  resilience: {
    sharedResources: [
      { ...sharedFs, match: { modules: ['fs', 'fs/promises'], paths: ['/mnt/shared'], pathIdentifiers: ['SHARED_ROOT', 'config.sharedDir'] } },
    ],
  },
};

const httpApi = {
  resilience: {
    sharedResources: [{ name: 'payments-api', match: { globals: ['fetch'], modules: ['got'] }, guards: ['paymentsBreaker.fire', 'paymentsPolicy.execute'] }],
  },
};

const fix = {
  wrap: "withOutageFlip('shared-fs', () => $CALL)",
  import: { named: 'withOutageFlip', from: './src/lib/outage-flips' },
};
const withFix = { resilience: { sharedResources: [{ ...sharedFs, fix }] } };

const NO_FIX = " No quick fix: no `fix` is configured for 'shared-fs'.";
const REMEDY = 'wrap it in `withOutageFlip` or check `outageFlips.sharedFs` first';

function access(name: string, line: number, column: number, endLine: number, endColumn: number) {
  return {
    messageId: 'unguardedAccess' as const,
    data: { access: name, resource: 'shared-fs', remedy: REMEDY, noFix: NO_FIX },
    line,
    column,
    endLine,
    endColumn,
  };
}

describe('no-unguarded-shared-resource', () => {
  it('has the message of the issue', () => {
    const linter = new Linter();
    const messages = linter.verify("import fs from 'fs';\nfs.readFileSync('/x');", {
      plugins: { resilience: { rules: { 'no-unguarded-shared-resource': rule } } },
      rules: { 'resilience/no-unguarded-shared-resource': 'error' },
      settings,
    } as never);
    expect(messages.map((m) => m.message)).toEqual([
      "`fs.readFileSync` touches shared resource 'shared-fs' outside its outage flip: wrap it in `withOutageFlip` or check `outageFlips.sharedFs` first. No quick fix: no `fix` is configured for 'shared-fs'.",
    ]);
  });

  it('reports invalid settings at 1:1 instead of throwing, and checks nothing else', () => {
    const linter = new Linter();
    const messages = linter.verify("import fs from 'fs';\nfs.readFileSync(p);", {
      plugins: { resilience: { rules: { 'no-unguarded-shared-resource': rule } } },
      rules: { 'resilience/no-unguarded-shared-resource': 'error' },
      settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: 'fs' } }] } },
    } as never);
    // ESLint 9 adds `nodeType: null`; every other field is compared exactly.
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: 'resilience/no-unguarded-shared-resource',
        severity: 2,
        message:
          'eslint-plugin-resilience: settings.resilience.sharedResources[0].match.modules must be an array of strings (got the string "fs"). The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        messageId: 'invalidSettings',
      }),
    ]);
  });
});

ruleTester.run('no-unguarded-shared-resource: invalid settings', ruleWithSettingsError, {
  valid: [],
  invalid: [
    {
      code: "import fs from 'fs';\nexport const a = () => fs.readFileSync('/mnt/shared/a');",
      settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { globals: ['window.fetch'] } }] } },
      errors: [{ messageId: 'invalidSettings', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: import forms', rule, {
  valid: [
    // No sharedResources: the rule reports nothing.
    "import fs from 'fs';\nfs.readFileSync('/mnt/shared/a');",
    // A local function named like an fs function is not fs.
    { code: 'function readFileSync(p: string) { return p; }\nreadFileSync("/x");', settings },
    // Values derived from a call result (a stream) are not new accesses.
    { code: "import fs from 'fs';\nconst s = fs.createReadStream;\nexport {};", settings },
    // `path` is not the resource.
    { code: "import path from 'path';\npath.join('/mnt/shared', 'a');", settings },
  ],
  invalid: [
    {
      code: "import fs from 'fs';\nfs.readFileSync('/a');",
      settings,
      errors: [access('fs.readFileSync', 2, 1, 2, 22)],
    },
    {
      code: "import * as fs from 'node:fs';\nfs.writeFileSync('/a', 'x');",
      settings,
      errors: [access('fs.writeFileSync', 2, 1, 2, 28)],
    },
    {
      code: "import { readFile as rf } from 'fs/promises';\nawait rf('/a');",
      settings,
      errors: [access('fs/promises.readFile', 2, 7, 2, 15)],
    },
    {
      code: "import { readFileSync } from 'fs';\nreadFileSync('/a');",
      settings,
      errors: [access('readFileSync', 2, 1, 2, 19)],
    },
    {
      code: "const fs = require('fs');\nfs.statSync('/a');",
      settings,
      errors: [access('fs.statSync', 2, 1, 2, 18)],
    },
    {
      code: "const { readFileSync: read } = require('node:fs');\nread('/a');",
      settings,
      errors: [access('fs.readFileSync', 2, 1, 2, 11)],
    },
    {
      code: "import fs from 'fs';\nawait fs.promises.readFile('/a');",
      settings,
      errors: [access('fs.promises.readFile', 2, 7, 2, 33)],
    },
    {
      code: "const fs = await import('fs');\nfs.existsSync('/a');",
      settings,
      errors: [access('fs.existsSync', 2, 1, 2, 20)],
    },
    {
      code: "const { readdir } = await import('node:fs/promises');\nawait readdir('/a');",
      settings,
      errors: [access('readdir', 2, 7, 2, 20)],
    },
    {
      code: "import('fs').then((fs) => fs.readFileSync('/a'));",
      settings,
      errors: [access('fs.readFileSync', 1, 27, 1, 48)],
    },
    {
      code: "import('node:fs/promises').then(({ readFile }) => readFile('/a'));",
      settings,
      errors: [access('readFile', 1, 51, 1, 65)],
    },
    {
      code: "import fs from 'fs';\nconst fsp = fs.promises;\nexport const f = () => fsp.readFile('/a');",
      settings,
      errors: [access('fsp.readFile', 3, 24, 3, 42)],
    },
    {
      code: "import fs from 'fs';\nconst write = fs.writeFileSync;\nwrite('/a', 'x');",
      settings,
      errors: [access('fs.writeFileSync', 3, 1, 3, 17)],
    },
    {
      code: "import fse from 'fs-extra';\nfse.outputFileSync('/a', 'x');",
      settings,
      errors: [access('fse.outputFileSync', 2, 1, 2, 30)],
    },
    {
      code: "import fs = require('fs');\nfs.rmSync('/a');",
      settings,
      errors: [access('fs.rmSync', 2, 1, 2, 16)],
    },
    {
      // match.calls by dotted pattern
      code: 'uploadStore.put(key, body);\nthis.uploadStore.remove(key);\nassets.write(key);\nassets.read(key);',
      settings,
      errors: [access('uploadStore.put', 1, 1, 1, 27), access('this.uploadStore.remove', 2, 1, 2, 29), access('assets.write', 3, 1, 3, 18)],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: guard calls and breakers', rule, {
  valid: [
    { code: "import fs from 'fs';\nawait withOutageFlip('shared-fs', async () => { await fs.promises.readFile('/a'); });", settings },
    // Inline callbacks inside the guarded function are guarded too.
    { code: "import fs from 'fs';\nwithOutageFlip('shared-fs', () => files.map((f) => fs.readFileSync(f)));", settings },
    // A breaker created once at module scope wrapping the function.
    {
      code: "import fs from 'fs';\nimport CircuitBreaker from 'opossum';\nconst sharedFsBreaker = new CircuitBreaker((p: string) => fs.promises.readFile(p), { timeout: 3000 });\nexport const read = (p: string) => sharedFsBreaker.fire(p);",
      settings,
    },
    // ...or wrapping a named function whose only use is the breaker.
    {
      code: "import fs from 'fs';\nimport CircuitBreaker from 'opossum';\nasync function readShared(p: string) { return fs.promises.readFile(p); }\nconst sharedFsBreaker = new CircuitBreaker(readShared);\nexport const read = (p: string) => sharedFsBreaker.fire(p);",
      settings,
    },
    // cockatiel: a module-scope breaker policy, `*.execute`.
    {
      code: "import fs from 'fs';\nimport { circuitBreaker, handleAll, ConsecutiveBreaker } from 'cockatiel';\nconst policy = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });\nexport const read = (p: string) => policy.execute(() => fs.promises.readFile(p));",
      settings,
    },
    // cockatiel: wrap(retry, breaker) still contains a breaker.
    {
      code: "import fs from 'fs';\nimport { circuitBreaker, retry, wrap, handleAll } from 'cockatiel';\nconst guarded = wrap(retry(handleAll, { maxAttempts: 3 }), circuitBreaker(handleAll, {}));\nexport const read = (p: string) => guarded.execute(() => fs.promises.readFile(p));",
      settings,
    },
    // A helper passed by name to the guard.
    { code: "import fs from 'fs';\nfunction load() { return fs.readFileSync('/a'); }\nwithOutageFlip('shared-fs', load);", settings },
  ],
  invalid: [
    {
      // Not a guard: a promise passed where the guard expects a function (the call already ran).
      code: "import fs from 'fs';\nawait withOutageFlip('shared-fs', fs.promises.readFile('/a'));",
      settings,
      errors: [access('fs.promises.readFile', 2, 35, 2, 61)],
    },
    {
      // Not a guard: a breaker constructed inside the function that uses it.
      code: "import fs from 'fs';\nimport CircuitBreaker from 'opossum';\nexport async function handler(p: string) {\n  const sharedFsBreaker = new CircuitBreaker(() => fs.promises.readFile(p));\n  return sharedFsBreaker.fire();\n}",
      settings,
      errors: [access('fs.promises.readFile', 4, 52, 4, 75)],
    },
    {
      // Not a guard: a per-call breaker whose `execute` gets the function.
      code: "import fs from 'fs';\nimport { circuitBreaker, handleAll } from 'cockatiel';\nexport function handler(p: string) {\n  return circuitBreaker(handleAll, {}).execute(() => fs.promises.readFile(p));\n}",
      settings,
      errors: [access('fs.promises.readFile', 4, 54, 4, 77)],
    },
    {
      // Not a guard: a retry policy alone.
      code: "import fs from 'fs';\nimport { retry, handleAll } from 'cockatiel';\nconst policy = retry(handleAll, { maxAttempts: 3 });\nexport const read = (p: string) => policy.execute(() => fs.promises.readFile(p));",
      settings,
      errors: [access('fs.promises.readFile', 4, 57, 4, 80)],
    },
    {
      // Not a guard: a timeout policy alone, inline.
      code: "import fs from 'fs';\nimport { timeout, TimeoutStrategy } from 'cockatiel';\nexport const read = (p: string) => timeout(1000, TimeoutStrategy.Aggressive).execute(() => fs.readFileSync(p));",
      settings,
      errors: [access('fs.readFileSync', 3, 92, 3, 110)],
    },
    {
      // Not a guard: a breaker created with enabled: false.
      code: "import fs from 'fs';\nimport CircuitBreaker from 'opossum';\nconst sharedFsBreaker = new CircuitBreaker((p: string) => fs.promises.readFile(p), { enabled: false });\nexport const read = (p: string) => sharedFsBreaker.fire(p);",
      settings,
      errors: [access('fs.promises.readFile', 3, 59, 3, 82)],
    },
    {
      // A function that is not an argument of the guard call is not guarded.
      code: "import fs from 'fs';\nconst load = () => fs.readFileSync('/a');\nexport { load };\nwithOutageFlip('shared-fs', () => 1);",
      settings,
      errors: [access('fs.readFileSync', 2, 20, 2, 41)],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: flags', rule, {
  valid: [
    { code: "import fs from 'fs';\nif (outageFlips.sharedFs) { fs.readFileSync('/a'); }", settings },
    { code: "import fs from 'fs';\nif (outageFlips.sharedFs && ready) fs.readFileSync('/a');", settings },
    { code: "import fs from 'fs';\nif (!outageFlips.sharedFs) { skip(); } else { fs.readFileSync('/a'); }", settings },
    { code: "import fs from 'fs';\nexport function f() {\n  if (!isSharedFsUp()) return null;\n  return fs.readFileSync('/a');\n}", settings },
    { code: "import fs from 'fs';\nexport async function f() {\n  if (!(await isSharedFsUp())) {\n    throw new Error('down');\n  }\n  return fs.readFileSync('/a');\n}", settings },
    { code: "import fs from 'fs';\nexport const f = () => flags.isEnabled(\"shared-fs\") && fs.readFileSync('/a');", settings },
    { code: "import fs from 'fs';\nexport const f = () => (outageFlips.sharedFs ? fs.readFileSync('/a') : null);", settings },
    { code: "import fs from 'fs';\nexport const f = () => !outageFlips.sharedFs || fs.readFileSync('/a');", settings },
    // The flag read into a const first.
    { code: "import fs from 'fs';\nexport async function f() {\n  const up = await isSharedFsUp();\n  if (up) return fs.readFileSync('/a');\n  return null;\n}", settings },
  ],
  invalid: [
    {
      // The access is in the branch where the flag is off.
      code: "import fs from 'fs';\nif (outageFlips.sharedFs) { ok(); } else { fs.readFileSync('/a'); }",
      settings,
      errors: [access('fs.readFileSync', 2, 44, 2, 65)],
    },
    {
      // The check comes after the access.
      code: "import fs from 'fs';\nexport function f() {\n  const data = fs.readFileSync('/a');\n  if (!isSharedFsUp()) return null;\n  return data;\n}",
      settings,
      errors: [access('fs.readFileSync', 3, 16, 3, 37)],
    },
    {
      // `||` with the flag: the access runs when the flag is off.
      code: "import fs from 'fs';\nexport const f = () => outageFlips.sharedFs || fs.readFileSync('/a');",
      settings,
      errors: [access('fs.readFileSync', 2, 48, 2, 69)],
    },
    {
      // A `let` that may be reassigned is not trusted as the flag.
      code: "import fs from 'fs';\nlet up = outageFlips.sharedFs;\nup = true;\nif (up) fs.readFileSync('/a');",
      settings,
      errors: [access('fs.readFileSync', 4, 9, 4, 30)],
    },
    {
      // A different flag.
      code: "import fs from 'fs';\nif (outageFlips.payments) fs.readFileSync('/a');",
      settings,
      errors: [access('fs.readFileSync', 2, 27, 2, 48)],
    },
  ],
});

projectTester.run('no-unguarded-shared-resource: choke points', rule, {
  valid: [
    { code: "import fs from 'fs';\nexport const read = (p: string) => fs.readFileSync(p);", filename: 'src/lib/shared-fs.ts', settings },
    { code: "import fs from 'fs';\nexport const read = (p: string) => fs.readFileSync(p);", filename: 'src/guards/deep/fs.ts', settings },
  ],
  invalid: [
    {
      code: "import fs from 'fs';\nexport const read = (p: string) => fs.readFileSync(p);",
      filename: 'src/lib/other.ts',
      settings,
      errors: [access('fs.readFileSync', 2, 36, 2, 54)],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: @guarded', rule, {
  valid: [
    { code: "import fs from 'fs';\n/** Callers hold the flip. @guarded shared-fs */\nexport function read(p: string) { return fs.readFileSync(p); }", settings },
    { code: "import fs from 'fs';\n/**\n * @guarded shared-fs\n */\nexport const read = (p: string) => fs.readFileSync(p);", settings },
    { code: "import fs from 'fs';\nclass Store {\n  /** @guarded shared-fs */\n  read(p: string) { return fs.readFileSync(p); }\n}\nexport { Store };", settings },
  ],
  invalid: [
    {
      // @guarded names another resource.
      code: "import fs from 'fs';\n/** @guarded payments-api */\nexport function read(p: string) { return fs.readFileSync(p); }",
      settings,
      errors: [access('fs.readFileSync', 3, 42, 3, 60)],
    },
    {
      // A line comment is not JSDoc.
      code: "import fs from 'fs';\n// @guarded shared-fs\nexport function read(p: string) { return fs.readFileSync(p); }",
      settings,
      errors: [access('fs.readFileSync', 3, 42, 3, 60)],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: in-file propagation', rule, {
  valid: [
    // Every call site of the helper is guarded.
    {
      code: "import fs from 'fs';\nfunction load(p: string) { return fs.readFileSync(p); }\nwithOutageFlip('shared-fs', () => load('/a'));\nif (outageFlips.sharedFs) load('/b');",
      settings,
    },
    // A chain of helpers.
    {
      code: "import fs from 'fs';\nconst inner = (p: string) => fs.readFileSync(p);\nconst outer = (p: string) => inner(p);\nexport const run = () => withOutageFlip('shared-fs', () => outer('/a'));",
      settings,
    },
    // A private method (#m) whose every this-call is guarded.
    {
      code: "import fs from 'fs';\nexport class Store {\n  #read(p: string) { return fs.readFileSync(p); }\n  load(p: string) { return withOutageFlip('shared-fs', () => this.#read(p)); }\n}",
      settings,
    },
    // A TS private method behind a flag early exit.
    {
      code: "import fs from 'fs';\nexport class Store {\n  private read(p: string) { return fs.readFileSync(p); }\n  load(p: string) {\n    if (!outageFlips.sharedFs) return null;\n    return this.read(p);\n  }\n}",
      settings,
    },
    // Recursion under a guard.
    {
      code: "import fs from 'fs';\nfunction walk(d: string): string[] { return fs.readdirSync(d).flatMap((e) => walk(d + '/' + e)); }\nexport const all = () => withOutageFlip('shared-fs', () => walk('/a'));",
      settings,
    },
  ],
  invalid: [
    {
      // An exported helper is called from unknown places.
      code: "import fs from 'fs';\nexport function load(p: string) { return fs.readFileSync(p); }\nwithOutageFlip('shared-fs', () => load('/a'));",
      settings,
      errors: [access('fs.readFileSync', 2, 42, 2, 60)],
    },
    {
      // A helper never called under a guard: the access itself is reported.
      code: "import fs from 'fs';\nfunction load(p: string) { return fs.readFileSync(p); }\nload('/a');\nload('/b');",
      settings,
      errors: [access('fs.readFileSync', 2, 35, 2, 53)],
    },
    {
      // A public method can be called from outside the class: not propagated.
      code: "import fs from 'fs';\nexport class Store {\n  read(p: string) { return fs.readFileSync(p); }\n  load(p: string) { return withOutageFlip('shared-fs', () => this.read(p)); }\n}",
      settings,
      errors: [access('fs.readFileSync', 3, 28, 3, 46)],
    },
    {
      // A private method with one unguarded this-call.
      code: "import fs from 'fs';\nexport class Store {\n  #read(p: string) { return fs.readFileSync(p); }\n  load(p: string) { return withOutageFlip('shared-fs', () => this.#read(p)); }\n  peek(p: string) { return this.#read(p); }\n}",
      settings,
      errors: [
        {
          messageId: 'unguardedHelperCall',
          data: { helper: 'this.#read', access: 'fs.readFileSync', resource: 'shared-fs', remedy: REMEDY, noFix: NO_FIX },
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 41,
        },
      ],
    },
    {
      // A helper passed as a callback escapes.
      code: "import fs from 'fs';\nconst load = (p: string) => fs.readFileSync(p);\nwithOutageFlip('shared-fs', () => load('/a'));\napp.get('/x', load);",
      settings,
      errors: [access('fs.readFileSync', 2, 29, 2, 47)],
    },
    {
      // One unguarded caller among guarded ones: reported at that call site.
      code: "import fs from 'fs';\nfunction load(p: string) { return fs.readFileSync(p); }\nwithOutageFlip('shared-fs', () => load('/a'));\nif (outageFlips.sharedFs) load('/b');\nexport function handler() {\n  return load('/c');\n}",
      settings,
      errors: [
        {
          messageId: 'unguardedHelperCall',
          data: { helper: 'load', access: 'fs.readFileSync', resource: 'shared-fs', remedy: REMEDY, noFix: NO_FIX },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 20,
        },
      ],
    },
    {
      // The unguarded call of a partly-guarded outer helper in a chain.
      code: "import fs from 'fs';\nconst inner = (p: string) => fs.readFileSync(p);\nconst outer = (p: string) => inner(p);\nwithOutageFlip('shared-fs', () => outer('/a'));\nouter('/b');",
      settings,
      errors: [
        {
          messageId: 'unguardedHelperCall',
          data: { helper: 'outer', access: 'fs.readFileSync', resource: 'shared-fs', remedy: REMEDY, noFix: NO_FIX },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 12,
        },
      ],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: paths', rule, {
  valid: [
    // Unknown path: not reported by default (precision first).
    { code: "import fs from 'fs';\nexport const f = (p: string) => fs.readFileSync(p);", settings: withPaths },
    // A path known to be elsewhere.
    { code: "import fs from 'fs';\nfs.readFileSync('/etc/hosts');", settings: withPaths },
    { code: "import fs from 'fs';\nimport path from 'path';\nfs.readFileSync(path.join(__dirname, 'a.json'));", settings: withPaths },
    { code: "import fs from 'fs';\nfs.readFileSync(`/tmp/${name}`);", settings: withPaths },
    { code: "import fs from 'fs';\nfs.readFileSync('/tmp/' + name);", settings: withPaths },
    // A local constant elsewhere.
    { code: "import fs from 'fs';\nconst LOCAL = '/var/cache';\nfs.readFileSync(`${LOCAL}/a`);", settings: withPaths },
  ],
  invalid: [
    {
      code: "import fs from 'fs';\nfs.readFileSync('/mnt/shared/a.txt');",
      settings: withPaths,
      errors: [access('fs.readFileSync', 2, 1, 2, 37)],
    },
    {
      code: "import fs from 'fs';\nfs.readFileSync(`/mnt/shared/${name}`);",
      settings: withPaths,
      errors: [access('fs.readFileSync', 2, 1, 2, 39)],
    },
    {
      code: "import fs from 'fs';\nfs.readFileSync(`${SHARED_ROOT}/${name}`);",
      settings: withPaths,
      errors: [access('fs.readFileSync', 2, 1, 2, 42)],
    },
    {
      code: "import fs from 'fs';\nfs.readFileSync(SHARED_ROOT + '/' + name);",
      settings: withPaths,
      errors: [access('fs.readFileSync', 2, 1, 2, 42)],
    },
    {
      code: "import fs from 'fs';\nimport path from 'node:path';\nfs.readFileSync(path.join(config.sharedDir, name));",
      settings: withPaths,
      errors: [access('fs.readFileSync', 3, 1, 3, 51)],
    },
    {
      code: "import fs from 'fs';\nimport { resolve } from 'path';\nfs.readFileSync(resolve('/mnt/shared', name));",
      settings: withPaths,
      errors: [access('fs.readFileSync', 3, 1, 3, 46)],
    },
    {
      // Through a const.
      code: "import fs from 'fs';\nconst target = `${SHARED_ROOT}/index.json`;\nfs.readFileSync(target);",
      settings: withPaths,
      errors: [access('fs.readFileSync', 3, 1, 3, 24)],
    },
    {
      // reportUnknownPaths: unknown paths are reported too; known-elsewhere ones still not.
      code: "import fs from 'fs';\nexport const f = (p: string) => fs.readFileSync(p);\nfs.readFileSync('/etc/hosts');",
      settings: withPaths,
      options: [{ reportUnknownPaths: true }],
      errors: [access('fs.readFileSync', 2, 33, 2, 51)],
    },
  ],
});

ruleTester.run('no-unguarded-shared-resource: HTTP dependency', rule, {
  valid: [
    // `fetch` declared in the file is not the global.
    { code: 'const fetch = (u: string) => u;\nfetch("/x");', settings: httpApi },
    { code: "import CircuitBreaker from 'opossum';\nconst paymentsBreaker = new CircuitBreaker((id: string) => fetch(`/pay/${id}`));\nexport const pay = (id: string) => paymentsBreaker.fire(id);", settings: httpApi },
  ],
  invalid: [
    {
      code: "export const pay = (id: string) => fetch(`/pay/${id}`);\nexport const g = () => globalThis.fetch('/x');",
      settings: httpApi,
      errors: [
        {
          messageId: 'unguardedAccess',
          data: { access: 'fetch', resource: 'payments-api', remedy: 'wrap it in `paymentsBreaker.fire`', noFix: " No quick fix: no `fix` is configured for 'payments-api'." },
          line: 1,
          column: 36,
          endLine: 1,
          endColumn: 55,
        },
        {
          messageId: 'unguardedAccess',
          data: { access: 'globalThis.fetch', resource: 'payments-api', remedy: 'wrap it in `paymentsBreaker.fire`', noFix: " No quick fix: no `fix` is configured for 'payments-api'." },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 46,
        },
      ],
    },
  ],
});

function fixed(line: number, column: number, endLine: number, endColumn: number, name: string, preview: string, output: string) {
  return {
    messageId: 'unguardedAccess' as const,
    data: { access: name, resource: 'shared-fs', remedy: REMEDY, noFix: '' },
    line,
    column,
    endLine,
    endColumn,
    suggestions: [{ messageId: 'wrapInGuard' as const, data: { preview }, output }],
  };
}

projectTester.run('no-unguarded-shared-resource: suggestions', rule, {
  valid: [],
  invalid: [
    {
      // A file in a nested folder: the import path is computed relative to it; double quotes kept.
      code: 'import fs from "fs";\n\nexport const read = (p: string) => fs.readFileSync(p);\n',
      filename: 'src/routes/files/read.ts',
      settings: withFix,
      errors: [
        fixed(
          3,
          36,
          3,
          54,
          'fs.readFileSync',
          "withOutageFlip('shared-fs', () => fs.readFileSync(…))",
          'import fs from "fs";\nimport { withOutageFlip } from "../../lib/outage-flips";\n\nexport const read = (p: string) => withOutageFlip("shared-fs", () => fs.readFileSync(p));\n',
        ),
      ],
    },
    {
      // A file at the root of the cwd.
      code: "import fs from 'fs';\nexport const read = async (p: string) => await fs.promises.readFile(p);\n",
      filename: 'server.ts',
      settings: withFix,
      errors: [
        fixed(
          2,
          48,
          2,
          71,
          'fs.promises.readFile',
          "withOutageFlip('shared-fs', () => fs.promises.readFile(…))",
          "import fs from 'fs';\nimport { withOutageFlip } from './src/lib/outage-flips';\nexport const read = async (p: string) => await withOutageFlip('shared-fs', () => fs.promises.readFile(p));\n",
        ),
      ],
    },
    {
      // The file already imports the guard: reused, not imported again.
      code: "import fs from 'fs';\nimport { withOutageFlip } from '../lib/outage-flips';\nexport const a = () => withOutageFlip('shared-fs', () => fs.readFileSync('/a'));\nexport const b = () => fs.readFileSync('/b');\n",
      filename: 'src/routes/b.ts',
      settings: withFix,
      errors: [
        fixed(
          4,
          24,
          4,
          45,
          'fs.readFileSync',
          "withOutageFlip('shared-fs', () => fs.readFileSync(…))",
          "import fs from 'fs';\nimport { withOutageFlip } from '../lib/outage-flips';\nexport const a = () => withOutageFlip('shared-fs', () => fs.readFileSync('/a'));\nexport const b = () => withOutageFlip('shared-fs', () => fs.readFileSync('/b'));\n",
        ),
      ],
    },
    {
      // Another import from the same module: a named specifier is added to it.
      code: "import fs from 'fs';\nimport { isSharedFsDown } from '../lib/outage-flips';\nexport const b = () => fs.readFileSync('/b');\n",
      filename: 'src/routes/b.ts',
      settings: withFix,
      errors: [
        fixed(
          3,
          24,
          3,
          45,
          'fs.readFileSync',
          "withOutageFlip('shared-fs', () => fs.readFileSync(…))",
          "import fs from 'fs';\nimport { isSharedFsDown, withOutageFlip } from '../lib/outage-flips';\nexport const b = () => withOutageFlip('shared-fs', () => fs.readFileSync('/b'));\n",
        ),
      ],
    },
    {
      // CommonJS with no imports: a require, after the last require.
      code: "'use strict';\nconst fs = require('fs');\nmodule.exports = (p) => fs.readFileSync(p);\n",
      filename: 'lib/read.js',
      settings: withFix,
      errors: [
        fixed(
          3,
          25,
          3,
          43,
          'fs.readFileSync',
          "withOutageFlip('shared-fs', () => fs.readFileSync(…))",
          "'use strict';\nconst fs = require('fs');\nconst { withOutageFlip } = require('../src/lib/outage-flips');\nmodule.exports = (p) => withOutageFlip('shared-fs', () => fs.readFileSync(p));\n",
        ),
      ],
    },
    {
      // The unguarded call site of a partly-guarded helper gets the same rewrite.
      code: "import fs from 'fs';\nimport { withOutageFlip } from './lib/outage-flips';\nfunction load(p: string) { return fs.readFileSync(p); }\nwithOutageFlip('shared-fs', () => load('/a'));\nload('/b');\n",
      filename: 'src/jobs.ts',
      settings: withFix,
      errors: [
        {
          messageId: 'unguardedHelperCall',
          data: { helper: 'load', access: 'fs.readFileSync', resource: 'shared-fs', remedy: REMEDY, noFix: '' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { preview: "withOutageFlip('shared-fs', () => load(…))" },
              output: "import fs from 'fs';\nimport { withOutageFlip } from './lib/outage-flips';\nfunction load(p: string) { return fs.readFileSync(p); }\nwithOutageFlip('shared-fs', () => load('/a'));\nwithOutageFlip('shared-fs', () => load('/b'));\n",
            },
          ],
        },
      ],
    },
    {
      // A default import from a package specifier (unchanged), in a file without semicolons.
      code: "import fs from 'fs'\nexport const f = () => fs.readFileSync('/a')\n",
      filename: 'src/deep/x.ts',
      settings: { resilience: { sharedResources: [{ ...sharedFs, guards: [...sharedFs.guards, 'guard'], fix: { wrap: 'guard(() => $CALL)', import: { default: 'guard', from: '@acme/outage' } } }] } },
      errors: [
        fixed(2, 24, 2, 45, 'fs.readFileSync', 'guard(() => fs.readFileSync(…))', "import fs from 'fs'\nimport guard from '@acme/outage'\nexport const f = () => guard(() => fs.readFileSync('/a'))\n"),
      ],
    },
    {
      // No imports yet: the import goes first, below a header comment.
      code: "// header\nexport const f = (k: string) => uploadStore.put(k);\n",
      filename: 'src/x.ts',
      settings: withFix,
      errors: [
        fixed(
          2,
          33,
          2,
          51,
          'uploadStore.put',
          "withOutageFlip('shared-fs', () => uploadStore.put(…))",
          "// header\nimport { withOutageFlip } from './lib/outage-flips';\nexport const f = (k: string) => withOutageFlip('shared-fs', () => uploadStore.put(k));\n",
        ),
      ],
    },
    {
      // No suggestion when the call's arguments contain await (it cannot move into a non-async arrow).
      code: "import fs from 'fs';\nexport const f = async () => fs.readFileSync(await where());\n",
      filename: 'src/a.ts',
      settings: withFix,
      errors: [
        {
          messageId: 'unguardedAccess',
          data: {
            access: 'fs.readFileSync',
            resource: 'shared-fs',
            remedy: REMEDY,
            noFix: ' No quick fix: the call contains `await`, which cannot move into a non-async wrapper function.',
          },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 60,
        },
      ],
    },
    {
      // No suggestion when the guard's name is taken by something else in the file.
      code: "import fs from 'fs';\nconst withOutageFlip = 1;\nexport const f = () => fs.readFileSync('/a');\n",
      filename: 'src/a.ts',
      settings: withFix,
      errors: [
        {
          messageId: 'unguardedAccess',
          data: {
            access: 'fs.readFileSync',
            resource: 'shared-fs',
            remedy: REMEDY,
            noFix: ' No quick fix: `withOutageFlip` already names something else in this file.',
          },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 45,
        },
      ],
    },
  ],
});

const docsSettings = {
  resilience: {
    sharedResources: [{ name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'], flags: ['outageFlips.sharedFs'] }],
  },
};

const paymentsSettings = {
  resilience: {
    sharedResources: [
      {
        name: 'payments-api',
        match: { globals: ['fetch'], modules: ['got', 'axios'], paths: ['https://payments.internal'], pathIdentifiers: ['PAYMENTS_URL'], calls: ['paymentsClient.*'] },
        guards: ['paymentsPolicy.execute'],
        flags: ["flags.isEnabled('payments')"],
        chokePoints: ['src/lib/payments-policy.ts'],
        fix: { wrap: 'paymentsPolicy.execute(() => $CALL)', import: { named: 'paymentsPolicy', from: './src/lib/payments-policy' } },
      },
    ],
  },
};

projectTester.run('no-unguarded-shared-resource: docs examples', rule, {
  valid: [
    {
      code: "import fs from 'node:fs';\nimport { withOutageFlip } from './lib/outage-flips';\n\nexport const readAvatar = (id: string) =>\n  withOutageFlip('shared-fs', () => fs.promises.readFile(`/mnt/shared/avatars/${id}.png`));\n\nexport function readIfUp(p: string) {\n  if (!outageFlips.sharedFs) return null;\n  return fs.readFileSync(p);\n}\n\n/** Only called from job runners that hold the flip. @guarded shared-fs */\nexport function compact(dir: string) {\n  for (const f of fs.readdirSync(dir)) fs.rmSync(`${dir}/${f}`);\n}\n",
      filename: 'src/a.ts',
      settings: docsSettings,
    },
    // Payments: a URL elsewhere, and the choke point itself.
    { code: "export const ping = () => fetch('https://status.example.com');", filename: 'src/a.ts', settings: paymentsSettings },
    { code: 'export const raw = (u: string) => fetch(u);', filename: 'src/lib/payments-policy.ts', settings: paymentsSettings },
  ],
  invalid: [
    {
      code: "import fs from 'node:fs';\n\nexport function readAvatar(id: string) {\n  return fs.readFileSync(`/mnt/shared/avatars/${id}.png`);\n}\n\nfunction loadManifest() {\n  return fs.readFileSync('/mnt/shared/manifest.json', 'utf8');\n}\nwithOutageFlip('shared-fs', () => loadManifest());\nexport const refresh = () => loadManifest();\n",
      filename: 'src/a.ts',
      settings: docsSettings,
      errors: [
        {
          messageId: 'unguardedAccess',
          data: { access: 'fs.readFileSync', resource: 'shared-fs', remedy: REMEDY, noFix: NO_FIX },
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 58,
        },
        {
          messageId: 'unguardedHelperCall',
          data: { helper: 'loadManifest', access: 'fs.readFileSync', resource: 'shared-fs', remedy: REMEDY, noFix: NO_FIX },
          line: 11,
          column: 30,
          endLine: 11,
          endColumn: 44,
        },
      ],
    },
    {
      code: "import { PAYMENTS_URL } from '../config';\n\nexport async function charge(body: string) {\n  const res = await fetch(`${PAYMENTS_URL}/charges`, { method: 'POST', body });\n  return res.json();\n}\n",
      filename: 'src/routes/charge.ts',
      settings: paymentsSettings,
      errors: [
        {
          messageId: 'unguardedAccess',
          data: {
            access: 'fetch',
            resource: 'payments-api',
            remedy: "wrap it in `paymentsPolicy.execute` or check `flags.isEnabled('payments')` first",
            noFix: '',
          },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { preview: 'paymentsPolicy.execute(() => fetch(…))' },
              output:
                "import { PAYMENTS_URL } from '../config';\nimport { paymentsPolicy } from '../lib/payments-policy';\n\nexport async function charge(body: string) {\n  const res = await paymentsPolicy.execute(() => fetch(`${PAYMENTS_URL}/charges`, { method: 'POST', body }));\n  return res.json();\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// ESLint's languageOptions.sourceType, missing from the rule tester's TestLanguageOptions type.
const commonJs = { sourceType: 'commonjs' } as never;

// TypeScript's CommonJS output: `fs` through `__importDefault`, the guard and the flag through the module
// objects of their named imports (`(0, guard_1.withOutageFlip)`, `flags_1.outageFlips.sharedFs`).
const COMPILED_HEAD = `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
const fs_1 = __importDefault(require("fs"));
const guard_1 = require("./guard");
const flags_1 = require("./flags");
`;

jsRuleTester.run('no-unguarded-shared-resource: CommonJS with espree', rule, {
  valid: [
    { code: "const fs = require('fs');\nmodule.exports = (p) => withOutageFlip('shared-fs', () => fs.readFileSync(p));", languageOptions: commonJs, settings },
    // Compiled TypeScript, guarded as its source was: the guard and the flag read through their module objects.
    {
      code: `${COMPILED_HEAD}exports.a = (p) => (0, guard_1.withOutageFlip)('shared-fs', () => fs_1.default.readFileSync(p));
exports.b = (p) => guard_1.default.withOutageFlip('shared-fs', () => fs_1.default.readFileSync(p));
exports.c = (p) => { if (flags_1.outageFlips.sharedFs) return fs_1.default.readFileSync(p); return null; };`,
      languageOptions: commonJs,
      settings,
    },
  ],
  invalid: [
    // Twin of the compiled-guard trap (from a second independent review): a default import is not a module object,
    // so `cfg.outageFlips.sharedFs` is not the flag `outageFlips.sharedFs`.
    {
      code: "import fs from 'fs';\nimport cfg from './config';\nexport const d = (p) => { if (cfg.outageFlips.sharedFs) return fs.readFileSync(p); return null; };",
      settings,
      errors: [access('fs.readFileSync', 3, 64, 3, 82)],
    },
    // Compiled TypeScript: the fs call seen through __importDefault, unguarded.
    {
      code: `${COMPILED_HEAD}exports.d = (p) => fs_1.default.readFileSync(p);
exports.e = (p) => (0, other_1.withOutageFlip)('shared-fs', () => fs_1.default.readFileSync(p));`,
      languageOptions: commonJs,
      settings,
      errors: [access('fs_1.default.readFileSync', 6, 20, 6, 48), access('fs_1.default.readFileSync', 7, 67, 7, 95)],
    },
    {
      // The guard is already required: reused; the require stays the only one.
      code: "const fs = require('fs');\nconst { withOutageFlip } = require('../src/lib/outage-flips');\nexports.a = (p) => withOutageFlip('shared-fs', () => fs.readFileSync(p));\nexports.b = (p) => fs.readFileSync(p);\n",
      filename: 'lib/read.js',
      languageOptions: commonJs,
      settings: withFix,
      errors: [
        fixed(
          4,
          20,
          4,
          38,
          'fs.readFileSync',
          "withOutageFlip('shared-fs', () => fs.readFileSync(…))",
          "const fs = require('fs');\nconst { withOutageFlip } = require('../src/lib/outage-flips');\nexports.a = (p) => withOutageFlip('shared-fs', () => fs.readFileSync(p));\nexports.b = (p) => withOutageFlip('shared-fs', () => fs.readFileSync(p));\n",
        ),
      ],
    },
  ],
});

describe('no-unguarded-shared-resource: no wrap whose result the rule would report', () => {
  const linter = new Linter({ configType: 'flat' });
  const run = (wrap: string, code = "import fs from 'fs';\nexport const f = () => fs.readFileSync('/a');\n") =>
    linter.verify(
      code,
      {
        files: ['**/*.ts'],
        plugins: { resilience: { rules: { 'no-unguarded-shared-resource': ruleModule as never } } },
        settings: { resilience: { sharedResources: [{ ...sharedFs, fix: { wrap } }] } },
        rules: { 'resilience/no-unguarded-shared-resource': 'error' },
      },
      { filename: 'src/x.ts' },
    );
  it.each([
    ['withOutageFlip($CALL, $CALL)', 'the fix.wrap template runs the call outside any function handed to a guard, so the wrapped call would still be reported'],
    ['[() => $CALL][0]()', 'the fix.wrap template does not hand the call to a guard call, so the wrapped call would still be reported'],
    [
      'notAGuard(() => $CALL)',
      "`notAGuard` in the fix.wrap template is not one of the resource's guards (settings.resilience.sharedResources[0].guards), so the wrapped call would still be reported",
    ],
  ])('%s: reported with no suggestion, and the reason', (wrap, reason) => {
    const [message] = run(wrap);
    expect(message).toMatchObject({ line: 2, column: 24, endLine: 2, endColumn: 45 });
    expect(message!.suggestions).toBeUndefined();
    expect(message!.message).toBe(
      `\`fs.readFileSync\` touches shared resource 'shared-fs' outside its outage flip: ${REMEDY}. No quick fix: ${reason}.`,
    );
  });
  it('a guard or a flag check in the template is offered', () => {
    expect(run("withOutageFlip('x', () => $CALL)")[0]!.suggestions).toHaveLength(1);
    expect(run('outageFlips.sharedFs ? $CALL : undefined')[0]!.suggestions).toHaveLength(1);
  });
});

// Client instances: one resource per library, the same guard and flag for all.
function clientResource(name: string, modules: string[]) {
  return { name, match: { modules }, guards: ['policy.execute'], flags: ['flags.up'] };
}
const clientSettings = {
  resilience: {
    sharedResources: [
      clientResource('db', ['pg']),
      clientResource('api', ['axios']),
      clientResource('s3', ['@aws-sdk/client-s3']),
      clientResource('cache', ['redis', 'ioredis']),
      clientResource('mongo', ['mongoose']),
      clientResource('mysql', ['mysql2']),
    ],
  },
};

function clientCall(resource: string, name: string, line: number, column: number, endLine: number, endColumn: number) {
  return {
    messageId: 'unguardedAccess' as const,
    data: {
      access: name,
      resource,
      remedy: 'wrap it in `policy.execute` or check `flags.up` first',
      noFix: ` No quick fix: no \`fix\` is configured for '${resource}'.`,
    },
    line,
    column,
    endLine,
    endColumn,
  };
}

ruleTester.run('no-unguarded-shared-resource: client instances', rule, {
  valid: [
    // Making a client opens nothing; listening and releasing are not accesses.
    { code: "import { Pool } from 'pg';\nconst pool = new Pool();\npool.on('error', log);\nexport const stop = () => pool.end();", settings: clientSettings },
    { code: "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://payments' });", settings: clientSettings },
    { code: "import { createClient } from 'redis';\nexport const cache = createClient();", settings: clientSettings },
    { code: "import Redis from 'ioredis';\nexport const cache = new Redis({ lazyConnect: true });", settings: clientSettings },
    { code: "import mongoose from 'mongoose';\nexport const conn = mongoose.createConnection();", settings: clientSettings },
    // Guarded calls on a client.
    {
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const list = () => policy.execute(() => pool.query('SELECT 1'));\nexport function one() {\n  if (!flags.up) return null;\n  return pool.query('SELECT 1');\n}",
      settings: clientSettings,
    },
    // Not a client: a parameter, a let assigned twice, a field assigned outside the constructor, a module not listed.
    { code: "import { Pool } from 'pg';\nexport const list = (pool: Pool) => pool.query('SELECT 1');", settings: clientSettings },
    {
      code: "import { Pool } from 'pg';\nlet pool = new Pool();\nexport function reset() { pool = new Pool(); }\nexport const list = () => pool.query('x');",
      settings: clientSettings,
    },
    {
      code: "import { Pool } from 'pg';\nclass Repo {\n  pool?: Pool;\n  open() { this.pool = new Pool(); }\n  find() { return this.pool!.query('x'); }\n}",
      settings: clientSettings,
    },
    { code: "import { Pool } from 'pg-lite';\nconst pool = new Pool();\nexport const list = () => pool.query('x');", settings: clientSettings },
    // A command object is not a client.
    { code: "import { GetObjectCommand } from '@aws-sdk/client-s3';\nconst command = new GetObjectCommand({});\ncommand.resolveMiddleware(stack);", settings: clientSettings },
  ],
  invalid: [
    {
      // new pg.Pool(): each method call is an access; the construction is not.
      code: "import pg from 'pg';\nconst pool = new pg.Pool();\nexport const list = () => pool.query('SELECT 1');",
      settings: clientSettings,
      errors: [clientCall('db', 'pool.query', 3, 27, 3, 49)],
    },
    {
      // Values derived from an access are not new accesses; release is not an access.
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function tx() {\n  const c = await pool.connect();\n  await c.query('BEGIN');\n  c.release();\n  return (await pool.connect()).query('x');\n}",
      settings: clientSettings,
      errors: [clientCall('db', 'pool.connect', 4, 19, 4, 33), clientCall('db', 'pool.connect', 7, 17, 7, 31)],
    },
    {
      code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://payments' });\nexport const charge = () => api.post('/charges');",
      settings: clientSettings,
      errors: [clientCall('api', 'api.post', 3, 29, 3, 49)],
    },
    {
      code: "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport const get = () => s3.send(new GetObjectCommand({}));",
      settings: clientSettings,
      errors: [clientCall('s3', 's3.send', 3, 26, 3, 59)],
    },
    {
      code: "import { createClient } from 'redis';\nconst cache = createClient();\nexport async function get(k: string) {\n  await cache.connect();\n  return cache.get(k);\n}",
      settings: clientSettings,
      errors: [clientCall('cache', 'cache.connect', 4, 9, 4, 24), clientCall('cache', 'cache.get', 5, 10, 5, 22)],
    },
    {
      // ioredis connects at construction: making the client is the access.
      code: "import Redis from 'ioredis';\nconst cache = new Redis();\nexport const get = (k: string) => cache.get(k);",
      settings: clientSettings,
      errors: [clientCall('cache', 'new Redis', 2, 15, 2, 26), clientCall('cache', 'cache.get', 3, 35, 3, 47)],
    },
    {
      // mongoose.createConnection(uri) connects at once; without a URI it waits for openUri.
      code: "import mongoose from 'mongoose';\nexport const conn = mongoose.createConnection('mongodb://db');",
      settings: clientSettings,
      errors: [clientCall('mongo', 'mongoose.createConnection', 2, 21, 2, 62)],
    },
    {
      // mysql2 connects when the connection is made; a pool waits for its first query.
      code: "import mysql from 'mysql2/promise';\nexport const pool = mysql.createPool({});\nexport const conn = mysql.createConnection({});",
      settings: clientSettings,
      errors: [clientCall('mysql', 'mysql.createConnection', 3, 21, 3, 47)],
    },
    {
      // A class field assigned once in the constructor, and one declared with its value.
      code: "import { Pool } from 'pg';\nclass Repo {\n  private readonly replica = new Pool();\n  constructor() {\n    this.pool = new Pool();\n  }\n  find() {\n    return this.pool.query('x');\n  }\n  read() {\n    return this.replica.query('x');\n  }\n}",
      settings: clientSettings,
      errors: [clientCall('db', 'this.pool.query', 8, 12, 8, 32), clientCall('db', 'this.replica.query', 11, 12, 11, 35)],
    },
    {
      // A module-level let assigned once.
      code: "import { Pool } from 'pg';\nlet pool: Pool;\nexport function init() {\n  pool = new Pool();\n}\nexport const list = () => pool.query('x');",
      settings: clientSettings,
      errors: [clientCall('db', 'pool.query', 6, 27, 6, 42)],
    },
  ],
});
