// Per-rule listener time over the bench corpus (bench/corpus.mjs benchFiles), for finding hot steps:
//   npm run build && node bench/profile-rules.mjs [files] [rule,rule]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-rules.mjs 600 no-unguarded-shared-resource
// Each rule runs alone (or the chosen ones), timed around create() and every
// listener call, with no-unused-vars timed the same way as the yardstick.
// Prints ms per rule and the ratio to no-unused-vars; not part of RESULTS.md.
import { Linter } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SETTINGS, profileSources } from './corpus.mjs';
import { timedRule } from './timed-rule.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = (await import(join(root, 'dist/src/index.js'))).default;
const tsParser = (await import('@typescript-eslint/parser')).default;
const count = Number(process.argv[2] ?? 600);
const only = process.argv[3] ? process.argv[3].split(',') : Object.keys(plugin.rules);
const sources = profileSources(root, count);
const settings = BENCH_SETTINGS;
const time = {};
const timed = (id, rule) => timedRule(id, rule, time);
const { builtinRules } = await import('eslint/use-at-your-own-risk');
const rules = { 'no-unused-vars': timed('no-unused-vars', builtinRules.get('no-unused-vars')) };
for (const name of only) rules[name] = timed(name, plugin.rules[name]);
// JavaScript with the file's sourceType (the ledger's packages: theirs; bench/corpus.mjs).
const base = (sourceType) => [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { plugins: { p: { rules } }, settings },
];
const configFor = (id, sourceType) => [...base(sourceType), { rules: { [`p/${id}`]: 'error' } }];
const linter = new Linter({ cwd: root });
const ids = ['no-unused-vars', ...only];
const runs = Number(process.env.RUNS ?? 3);
const totals = Object.fromEntries(ids.map((id) => [id, []]));
for (let r = 0; r <= runs; r++) {
  for (const id of ids) time[id] = 0;
  for (const source of sources) for (const id of ids) linter.verify(source.text, configFor(id, source.sourceType), source.name);
  if (r > 0) for (const id of ids) totals[id].push(time[id]); // run 0 is the warm-up
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const yard = median(totals['no-unused-vars']);
for (const id of ids) console.log(`${id.padEnd(34)} ${median(totals[id]).toFixed(0).padStart(6)} ms  ${(median(totals[id]) / yard).toFixed(2)}`);
