/**
 * The audit's prefilter (src/audit/prefilter.ts): the module specifier scan
 * finds every specifier the import tracker can see (and may find more), the
 * selection keeps the sources, their importers and what those import, and on
 * a small program the audit reports exactly what it reports with every file
 * parsed, without parsing the unrelated file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSelection, maySourceFinding, moduleSpecifiers, readString } from '../../src/audit/prefilter';
import { ModuleResolver } from '../../src/audit/resolve';
import { runAudit } from '../../src/audit/run';
import { parseSettings } from '../../src/settings';

describe('moduleSpecifiers', () => {
  it('reads every import, re-export, require and import() form, past comments, parentheses and line breaks', () => {
    const text = [
      "import a from './a';",
      'import type { B } from "./b";',
      'import {',
      '  c,',
      '  d, // the d',
      '} from',
      "  './c';",
      "export * from './e';",
      "export * as f from './f';",
      "export { g, type G } from './g';",
      "import './side-effect';",
      "const h = require(/* why */ './h');",
      'const i = await import(',
      '  `./i`',
      ');',
      "import j = require('./j');",
      "const k = require ( ( './k' ) );",
      "import('./l').then((m) => m.run());",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(moduleSpecifiers(text)).toEqual(['./a', './b', './c', './e', './f', './g', './side-effect', './h', './i', './j', './k', './l', 'node:fs', 'fs']);
  });

  it('decodes escapes, also in a keyword, and skips templates with expressions and strings broken by a line end', () => {
    expect(moduleSpecifiers("const a = require('.\\u002fa');\nconst b = require('.\\x2fb');")).toEqual(['./a', './b']);
    expect(moduleSpecifiers("const m = \\u0072equire('./m');")).toEqual(['./m']);
    expect(moduleSpecifiers('const x = import(`./x/${name}`);')).toEqual([]);
    expect(moduleSpecifiers("import a from 'a\nb';")).toEqual([]);
    expect(moduleSpecifiers("const s = require('./s\\\n');")).toEqual(['./s']);
  });

  it('over-approximates: a specifier in a comment or a string counts; no keyword, no specifier', () => {
    expect(moduleSpecifiers("// moved from './old'\nconst note = 'import \"./z\"';")).toEqual(['./old', './z']);
    expect(moduleSpecifiers("const path = './a'; load(path); const from = 1;")).toEqual([]);
    expect(moduleSpecifiers("const myrequire = (x) => x; myrequire('./a'); obj.importer('./b');")).toEqual([]);
  });

  it('takes every string of a file where `require` is followed by `<` (type arguments)', () => {
    // Every quote starts a candidate, so the text between two strings is one too.
    expect(moduleSpecifiers("const n = require<typeof import('./t')>('./n');\nconst label = \"x\";")).toEqual(['./t', ')>(', './n', 'x']);
    expect(moduleSpecifiers("const a = Array.from<string>(list);\nconst label = 'x';")).toEqual([]);
  });

  it('reads string values like the parser', () => {
    expect(readString("'a\\'b' rest", 0)).toBe("a'b");
    expect(readString('"\\101\\0"', 0)).toBe('A\0');
    expect(readString('`a\r\nb`', 0)).toBe('a\nb');
    expect(readString('`a\\u{62}`', 0)).toBe('ab');
    expect(readString("'open", 0)).toBeNull();
  });
});

describe('maySourceFinding', () => {
  const resources = parseSettings({ sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] } }] }).sharedResources;
  it("is the rule's text prefilter, or a @guarded tag", () => {
    expect(maySourceFinding(resources, "import { readFile } from 'node:fs';")).toBe(true);
    expect(maySourceFinding(resources, '/** @guarded shared-fs */\nexport function f() {}')).toBe(true);
    expect(maySourceFinding(resources, "import { readFile } from './fs-helpers';")).toBe(false);
  });
});

describe('FileSelection', () => {
  it('keeps the sources, every file that imports one (transitively) and every file those import', () => {
    const files = ['/p/access.ts', '/p/service.ts', '/p/route.ts', '/p/helper.ts', '/p/util.ts', '/p/unrelated.ts', '/p/unrelated-dep.ts'];
    const texts: Record<string, string> = {
      '/p/access.ts': "import fs from 'fs';",
      '/p/service.ts': "import { read } from './access';\nimport { retry } from './helper';",
      '/p/route.ts': "import { load } from './service';",
      '/p/helper.ts': "import { sleep } from './util';",
      '/p/util.ts': 'export const sleep = 1;',
      '/p/unrelated.ts': "import { x } from './unrelated-dep';",
      '/p/unrelated-dep.ts': 'export const x = 1;',
    };
    const selection = new FileSelection(new ModuleResolver(new Set(files)));
    for (const file of files) selection.record(file, file === '/p/access.ts', texts[file]!);
    expect([...selection.select()].sort()).toEqual(['/p/access.ts', '/p/helper.ts', '/p/route.ts', '/p/service.ts', '/p/util.ts']);
  });
});

describe('resilience audit with the prefilter', () => {
  const program: Record<string, string> = {
    // The access.
    'src/lib/files.ts': "import { readFileSync } from 'fs';\nexport function readData() {\n  return readFileSync('/mnt/shared/data.json', 'utf8');\n}\n",
    // A helper module that does not import the resource file: the callback handed to it runs where it is passed.
    'src/lib/retry.ts': 'export function runTask<T>(task: () => T): T {\n  return task();\n}\n',
    'src/services/load.ts': "import { readData } from '../lib/files';\nimport { runTask } from '../lib/retry';\nexport function load() {\n  return runTask(readData);\n}\n",
    // The caller two hops up from the access.
    'src/main.ts': "import { load } from './services/load';\nsetInterval(() => {\n  load();\n}, 1000);\n",
    // Imports nothing on a chain and touches no resource: not parsed (its syntax error is not reported).
    'src/unrelated.ts': 'export const answer = (;\n',
    // Imports a project file outside the given paths, which the audit cannot see into: parsed, and the import counted.
    'src/tool-user.ts': "import { helper } from '../scripts/tool';\nexport const useTool = () => helper();\n",
    'scripts/tool.ts': 'export const helper = () => 1;\n',
  };
  const step = (file: string, line: number, fn: string) => ({ file, line, function: fn });

  async function audit(dir: string, prefilter: boolean) {
    let out = '';
    const code = await runAudit(['src', '--settings', 'settings.json', '--format', 'json'], {
      cwd: dir,
      stdout: { write: (chunk: string) => (out += chunk) },
      stderr: { write: () => true },
      prefilter,
    });
    return { code, report: JSON.parse(out) };
  }

  it('reports the chain through the helper module and the caller two hops up, and skips the unrelated file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-prefilter-'));
    try {
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: ['withOutageFlip'] }] }));
      for (const [file, text] of Object.entries(program)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const withPrefilter = await audit(dir, true);
      expect(withPrefilter.code).toBe(1);
      expect(withPrefilter.report.findings).toEqual([
        {
          resource: 'shared-fs',
          kind: 'access',
          access: { file: 'src/lib/files.ts', line: 3, column: 10, callee: 'readFileSync' },
          paths: [
            [
              step('src/main.ts', 2, 'setInterval'),
              step('src/main.ts', 3, 'load'),
              step('src/services/load.ts', 4, 'readData'),
              step('src/lib/files.ts', 3, 'readFileSync'),
            ],
          ],
        },
      ]);
      expect(withPrefilter.report.summary).toMatchObject({
        filesAudited: 6,
        filesNotParsed: 1,
        filesSkipped: [],
        accesses: 1,
        // retry.ts is parsed (load.ts imports it): runTask is project code, not code outside the project.
        cannotSee: { dynamicCalls: 0, callbacksOutsideProject: 0, importsOutsidePaths: 1 },
      });
      const without = await audit(dir, false);
      expect(without.report.findings).toEqual(withPrefilter.report.findings);
      expect(without.report.summary).toMatchObject({
        filesAudited: 5,
        filesNotParsed: 0,
        filesSkipped: [{ file: 'src/unrelated.ts', reason: "does not parse: Parsing error: Expression expected. (line 1, column 23)" }],
        accesses: 1,
        cannotSee: { dynamicCalls: 0, callbacksOutsideProject: 0, importsOutsidePaths: 1 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
