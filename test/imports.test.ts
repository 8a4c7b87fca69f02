import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ImportTracker } from '../src/imports';

/** Resolves the callee of every call named `probe(...)`'s argument: `probe(x)` reports origin of x. */
function originsIn(code: string, filename = 'file.ts'): (string | null)[] {
  const found: (string | null)[] = [];
  const probe: TSESLint.RuleModule<'x', []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    create(context) {
      const tracker = new ImportTracker(context.sourceCode);
      return {
        'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
          const origin = tracker.originOf(node.arguments[0]!);
          found.push(origin ? `${origin.module ?? '<global>'}:${origin.path.join('.')}` : null);
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
        plugins: { t: { rules: { probe: probe as unknown as Rule.RuleModule } } },
        rules: { 't/probe': 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return found;
}

describe('ImportTracker.originOf', () => {
  it.each([
    ['default import', "import fs from 'fs'; probe(fs.readFile);", 'fs:readFile'],
    ['node: prefix', "import fs from 'node:fs'; probe(fs.readFile);", 'fs:readFile'],
    ['namespace import', "import * as fs from 'fs'; probe(fs.promises.readFile);", 'fs:promises.readFile'],
    ['named import', "import { readFile } from 'fs/promises'; probe(readFile);", 'fs/promises:readFile'],
    ['renamed import', "import { readFile as rf } from 'fs'; probe(rf);", 'fs:readFile'],
    ['import of default by name', "import { default as pRetry } from 'p-retry'; probe(pRetry);", 'p-retry:'],
    ['require', "const fs = require('fs'); probe(fs.writeFileSync);", 'fs:writeFileSync'],
    ['destructured require', "const { readFile: rf, promises: { stat } } = require('fs'); probe(rf); probe(stat);", 'fs:readFile'],
    ['member of require', "const fsp = require('fs').promises; probe(fsp.readFile);", 'fs:promises.readFile'],
    ['require(...).default', "const pRetry = require('p-retry').default; probe(pRetry);", 'p-retry:'],
    ['const alias', "import fs from 'fs'; const read = fs.readFileSync; probe(read);", 'fs:readFileSync'],
    ['dynamic import', "async function f() { const fs = await import('fs'); probe(fs.readFile); }", 'fs:readFile'],
    ['destructured dynamic import', "async function f() { const { readFile } = await import('fs'); probe(readFile); }", 'fs:readFile'],
    ['TS import-equals', "import fs = require('fs'); probe(fs.readFile);", 'fs:readFile'],
    ['call result', "const rfdc = require('rfdc'); const clone = rfdc({ proto: true }); probe(clone);", 'rfdc:()'],
    ['computed string member', "import fs from 'fs'; probe(fs['readFile']);", 'fs:readFile'],
    ['global', 'probe(structuredClone);', '<global>:structuredClone'],
    ['non-null and as', "import fs from 'fs'; probe((fs as any)!.readFile);", 'fs:readFile'],
    ['a var bound by one top-level assignment', "var fs; fs = require('fs'); probe(fs.readFile);", 'fs:readFile'],
    ['a var bound by one assignment at the top of a function body', "(function () { var fs, x; fs = require('fs'); probe(fs.readFile); })();", 'fs:readFile'],
    // Compiled code: the interop wrappers of TypeScript, Babel and esbuild, and the `(0, f)` call without `this`.
    ['TypeScript __importDefault', "const fs_1 = __importDefault(require('node:fs')); probe(fs_1.default.readFileSync);", 'fs:readFileSync'],
    ['TypeScript __importStar', "const fs = __importStar(require('fs')); probe(fs.promises.readFile);", 'fs:promises.readFile'],
    ['Babel _interopRequireDefault', 'var _lodash = _interopRequireDefault(require("lodash")); probe(_lodash.default.cloneDeep);', 'lodash:cloneDeep'],
    ['esbuild __toESM', 'var import_events = __toESM(require("events")); probe(import_events.once);', 'events:once'],
    ['a numbered helper', "const axios_1 = __importDefault2(require('axios')); probe(axios_1.default.create);", 'axios:create'],
    ['an indirect call target', 'var import_node_events2 = require("events"); probe((0, import_node_events2.once));', 'events:once'],
    ['a helper of another name around a require: its result, not the module', "const fs = wrap(require('fs')); probe(fs.readFile);", '<global>:wrap.().readFile'],
  ])('%s', (_name, code, expected) => {
    expect(originsIn(code)[0]).toBe(expected);
  });

  it('resolves every binding of a destructured require', () => {
    expect(originsIn("const { readFile: rf, promises: { stat } } = require('fs'); probe(rf); probe(stat);")).toEqual([
      'fs:readFile',
      'fs:promises.stat',
    ]);
  });

  it.each([
    ['a local function', 'function clone(x) { return x; } probe(clone);'],
    ['a parameter', 'function f(fs) { probe(fs.readFile); }'],
    ['a reassigned let', "let fs = require('fs'); fs = other; probe(fs.readFile);"],
    ['a shadowed require', "function f(require) { const fs = require('fs'); probe(fs.readFile); }"],
    ['a type-only import', "import type fs from 'fs'; probe(fs);"],
    ['a computed dynamic member', "import fs from 'fs'; probe(fs[name]);"],
    ['an alias cycle', 'var a = b; var b = a; probe(a);'],
    ['a var assigned twice', "var fs; fs = require('fs'); fs = other; probe(fs.readFile);"],
    ['a var assigned inside a nested function', "var fs; function init() { fs = require('fs'); } probe(fs.readFile);"],
    ['a var assigned under a condition', "var fs; if (ready) { fs = require('fs'); } probe(fs.readFile);"],
    ['a var assigned inside an expression', "var fs; use(fs = require('fs')); probe(fs.readFile);"],
    ['a sequence that is not an indirect call', "import fs from 'fs'; probe((log(), fs.readFile));"],
  ])('gives null for %s', (_name, code) => {
    expect(originsIn(code)).toEqual([null]);
  });
});

describe('ImportTracker.constInit', () => {
  function initOf(code: string): string | null {
    let found: string | null = null;
    const probe: TSESLint.RuleModule<'x', []> = {
      defaultOptions: [],
      meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
      create(context) {
        const tracker = new ImportTracker(context.sourceCode);
        return {
          'CallExpression[callee.name="probe"] > Identifier.arguments'(node: TSESTree.Identifier) {
            const init = tracker.constInit(node);
            found = init ? context.sourceCode.getText(init) : null;
          },
        };
      },
    };
    new Linter().verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { t: { rules: { probe: probe as unknown as Rule.RuleModule } } }, rules: { 't/probe': 'error' } }], 'file.ts');
    return found;
  }

  it.each([
    ['a const', 'const limit = 5; probe(limit);', '5'],
    ['a let never reassigned', "let base = 'x' + y; probe(base);", "'x' + y"],
    ['a let bound by one top-level assignment', 'let limit; limit = 5; probe(limit);', '5'],
  ])('follows %s', (_name, code, expected) => {
    expect(initOf(code)).toBe(expected);
  });

  it.each([
    ['a reassigned let', 'let limit = 5; limit = 6; probe(limit);'],
    ['a destructured name', 'const { limit } = config; probe(limit);'],
    ['a parameter', 'function f(limit) { probe(limit); }'],
    ['a name declared twice', 'var limit = 5; var limit = 6; probe(limit);'],
    ['a declaration without initialiser', 'let limit; probe(limit);'],
    ['a let assigned in a loop', 'let limit; for (const x of xs) { limit = x; } probe(limit);'],
    ['a compound assignment', 'let limit; limit += 5; probe(limit);'],
  ])('gives null for %s', (_name, code) => {
    expect(initOf(code)).toBeNull();
  });
});
