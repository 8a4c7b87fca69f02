import { Linter } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import plugin from '../dist/src/index.js';
const p = plugin.default ?? plugin;
const linter = new Linter({ cwd: '/rw' });
const [base, specs] = [process.argv[2], JSON.parse(process.argv[3])];
const skipDir = new Set(['node_modules', 'test', 'tests', '__tests__', 'examples']);
function walk(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) { if (!skipDir.has(e.name)) walk(f, out); } else if (/\.(c|m)?[jt]s$/.test(e.name) && !/\.d\.[cm]?ts$|\.min\.js$|\.test\.|\.spec\./.test(e.name)) out.push(f); } }
let nfiles = 0;
for (const [pkg, dirs, st] of specs) {
  const files = []; for (const d of dirs) { const full = path.join(base, 'node_modules', pkg, d); if (fs.statSync(full).isDirectory()) walk(full, files); else files.push(full); }
  for (const file of files) {
    nfiles++;
    const ts = /\.[cm]?ts$/.test(file);
    const sourceType = /\.mjs$/.test(file) ? 'module' : /\.cjs$/.test(file) ? 'commonjs' : st;
    const lo = ts ? { parser: tsParser, sourceType: 'module' } : { parser: espree, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } };
    const rel = path.relative(path.join(base, 'node_modules'), file);
    for (const cfg of ['recommended', 'strict']) {
      const msgs = linter.verify(fs.readFileSync(file, 'utf8'), [{ files: ['**/*.*'], languageOptions: lo, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' }, ...p.configs[cfg] }], '/rw/' + rel.replace(/\.(mjs|cjs|js|ts)$/, '.$1'));
      for (const m of msgs) console.log(`${cfg}\t${m.ruleId}\t${rel}:${m.line}:${m.column}\t${m.message.slice(0, 300)}${m.suggestions?.length ? ' [sugg]' : ''}`);
    }
  }
}
console.error('files', nfiles);
