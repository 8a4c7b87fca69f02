/**
 * The audit's call graph on small projects written per test: each construct
 * the issue lists (default-export objects, class methods through `this` and
 * through instances, constructors, CommonJS exports, `import().then`, Next.js
 * route files, fastify routes, event handlers, clients held in class fields
 * and module-level lets across files, recursion), with the exact chains.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run';

const settings = {
  sharedResources: [
    { name: 'shared-fs', match: { modules: ['fs'] }, guards: ['withOutageFlip'], flags: ['flip.on'] },
    { name: 'db', match: { modules: ['pg'] }, guards: ['breaker.execute'] },
  ],
};

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function auditProject(files: Record<string, string>, extra: string[] = []): Promise<string[]> {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'audit-graph-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let out = '';
  const code = await runAudit(['src', '--settings', 'settings.json', ...extra], {
    cwd: dir,
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: () => true },
  });
  const lines = out.split('\n');
  const findings = lines.slice(0, lines.findIndex((line) => / unguarded access site\(s\)/.test(line)));
  expect(code).toBe(findings.length > 0 ? 1 : 0);
  return findings.filter((line) => line.length > 0);
}

describe('audit call graph', () => {
  it('follows a default-exported object, this.method() and a constructor', async () => {
    expect(
      await auditProject({
        'src/store.ts': "import fs from 'fs';\nexport default {\n  load(p: string) {\n    return fs.readFileSync(p);\n  },\n};\n",
        'src/repo.ts':
          "import store from './store';\nexport class Repo {\n  constructor() {\n    this.warm();\n  }\n  private warm() {\n    store.load('/a');\n  }\n}\n",
        'src/main.ts': "import { Repo } from './repo';\nnew Repo();\n",
      }),
    ).toEqual([
      'shared-fs  src/store.ts:4:12  fs.readFileSync',
      '  src/main.ts:1 (<module>) -> src/main.ts:2 (Repo.constructor) -> src/repo.ts:4 (Repo.warm) -> src/repo.ts:7 (load) -> src/store.ts:4 (fs.readFileSync)',
    ]);
  });

  it('follows CommonJS exports and import().then, and stops at a flag checked in the caller', async () => {
    expect(
      await auditProject({
        'src/lib.js': "const fs = require('fs');\nmodule.exports.read = function read(p) {\n  return fs.readFileSync(p);\n};\n",
        'src/a.js': "const lib = require('./lib');\nexports.run = () => lib.read('/x');\n",
        'src/b.ts': "export function later() {\n  return import('./lib').then((m) => m.read('/y'));\n}\n",
        'src/c.ts': "import { read } from './lib';\nexport function checked() {\n  if (flip.on) read('/z');\n}\n",
      }),
    ).toEqual([
      'shared-fs  src/lib.js:3:10  fs.readFileSync',
      '  src/a.js:2 (exports.run) -> src/a.js:2 (module.exports.read) -> src/lib.js:3 (fs.readFileSync)',
      '  src/b.ts:1 (later) -> src/b.ts:2 (module.exports.read) -> src/lib.js:3 (fs.readFileSync)',
    ]);
  });

  it('names route handlers of Next.js, fastify, express route chains and event emitters as roots', async () => {
    expect(
      await auditProject({
        // Called from a test helper too: still a root, because Next.js calls it.
        'src/app/api/files/route.ts': "import { readFileSync } from 'fs';\nexport async function GET() {\n  return new Response(readFileSync('/f'));\n}\n",
        'src/check.ts': "import { GET } from './app/api/files/route';\nexport const check = () => withOutageFlip('shared-fs', () => GET());\n",
        'src/routes.ts': "import fs from 'fs';\nimport { router } from './router';\nrouter.route('/r').post((req, res) => fs.writeFileSync('/r', req.body));\n",
        'src/server.ts':
          "import fs from 'fs';\nimport Fastify from 'fastify';\nconst app = Fastify();\napp.route({ method: 'GET', url: '/f', handler: async () => fs.readFileSync('/f') });\nprocess.on('SIGTERM', () => fs.writeFileSync('/state', 'x'));\n",
      }),
    ).toEqual([
      'shared-fs  src/app/api/files/route.ts:3:23  readFileSync',
      '  src/app/api/files/route.ts:2 (GET) -> src/app/api/files/route.ts:3 (readFileSync)',
      'shared-fs  src/routes.ts:3:39  fs.writeFileSync',
      "  src/routes.ts:3 (router.route('/r').post) -> src/routes.ts:3 (fs.writeFileSync)",
      'shared-fs  src/server.ts:4:60  fs.readFileSync',
      "  src/server.ts:4 (app.route('/f')) -> src/server.ts:4 (fs.readFileSync)",
      'shared-fs  src/server.ts:5:29  fs.writeFileSync',
      "  src/server.ts:5 (process.on('SIGTERM')) -> src/server.ts:5 (fs.writeFileSync)",
    ]);
  });

  it('follows clients held in a class field and in a module-level let, across files', async () => {
    expect(
      await auditProject({
        'src/db.ts':
          "import { Pool } from 'pg';\nexport let pool: Pool;\nexport function connect() {\n  pool = new Pool();\n}\nexport class Users {\n  private readonly db = new Pool();\n  all() {\n    return this.db.query('select 1');\n  }\n}\nexport const users = new Users();\n",
        'src/routes.ts':
          "import { pool, users } from './db';\nexport const count = () => pool.query('select count(*)');\nexport const list = () => users.all();\nexport const safe = () => breaker.execute(() => pool.query('select 2'));\n",
      }),
    ).toEqual([
      'db  src/db.ts:9:12  this.db.query',
      '  src/routes.ts:3 (list) -> src/routes.ts:3 (Users.all) -> src/db.ts:9 (this.db.query)',
      'db  src/routes.ts:2:28  pool.query',
      '  src/routes.ts:2 (count) -> src/routes.ts:2 (pool.query)',
    ]);
  });

  it('ends on recursion; a cycle that nothing outside it calls is dead code and not reported', async () => {
    expect(
      await auditProject({
        'src/walk.ts':
          "import fs from 'fs';\nexport function walk(dir: string): string[] {\n  return fs.readdirSync(dir).flatMap((name) => walk(`${dir}/${name}`));\n}\nfunction ping(n: number): void { if (n > 0) pong(n - 1); }\nfunction pong(n: number): void { fs.statSync('/p'); ping(n); }\n",
      }),
    ).toEqual(['shared-fs  src/walk.ts:3:10  fs.readdirSync', '  src/walk.ts:2 (walk) -> src/walk.ts:3 (fs.readdirSync)']);
  });

  it('lists the 20 shortest chains of a finding and counts the rest', async () => {
    const callers = Array.from({ length: 21 }, (_, i) => `export function f${i + 1}() {\n  helper();\n}`).join('\n');
    const lines = await auditProject({
      'src/a.ts': `import fs from 'fs';\nfunction helper() {\n  fs.readFileSync('/x');\n}\nfunction f0() {\n  helper();\n}\nexport function deep() {\n  f0();\n}\n${callers}\n`,
    });
    expect(lines[0]).toBe('shared-fs  src/a.ts:3:3  fs.readFileSync');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.slice(1, 21).every((line) => /^ {2}src\/a\.ts:\d+ \(f\d+\) -> src\/a\.ts:\d+ \(helper\) -> src\/a\.ts:3 \(fs\.readFileSync\)$/.test(line))).toBe(true);
    expect(lines[21]).toBe('  … and 2 more chain(s)');
  });

  it('--entry makes the exports of matching files roots even when the project calls them under a guard', async () => {
    const files = {
      'src/api/index.ts': "import fs from 'fs';\nexport function read() {\n  return fs.readFileSync('/x');\n}\n",
      'src/main.ts': "import { read } from './api';\nexport const run = () => withOutageFlip('shared-fs', () => read());\n",
    };
    expect(await auditProject(files)).toEqual([]);
    expect(await auditProject(files, ['--entry', 'src/api/**'])).toEqual([
      'shared-fs  src/api/index.ts:3:10  fs.readFileSync',
      '  src/api/index.ts:2 (read) -> src/api/index.ts:3 (fs.readFileSync)',
    ]);
  });

  it('counts imports of project files outside the given paths in the summary', async () => {
    await auditProject({
      'src/a.ts': "import { helper } from '../scripts/tool';\nexport const run = () => helper();\n",
      'scripts/tool.ts': 'export const helper = () => 1;\n',
    });
    let out = '';
    await runAudit(['src', '--settings', 'settings.json', '--format', 'json'], {
      cwd: dir!,
      stdout: { write: (chunk: string) => (out += chunk) },
      stderr: { write: () => true },
    });
    expect(JSON.parse(out).summary.cannotSee).toMatchObject({ dynamicCalls: 0, callbacksOutsideProject: 0, importsOutsidePaths: 1 });
  });
});
