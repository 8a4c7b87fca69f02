// Where the lint cost of resilience/all goes: a differential CPU profile.
//   npm run build && node bench/profile-cost.mjs [files] [interval-us]
//   node bench/profile-cost.mjs 2400            (the default: 2400 files, 500 us sampling)
//   PROFILE_OUT=/tmp/cost.cpuprofile node bench/profile-cost.mjs 600   (also writes the raw profile)
//   PROFILE_BEFORE=/tmp/dist-before node bench/profile-cost.mjs   (adds a side: a copy of dist/ built before a change)
// Lints an evenly spread subset of the bench corpus (bench/corpus.mjs
// benchFiles) in one Linter, in-process, under the V8 sampling profiler
// (node:inspector, Profiler domain), each file twice: (a) with no rules and
// (b) with configs.all and the bench's settings (bench/run.mjs's cost
// section), and with PROFILE_BEFORE (c) the same from another build of the
// plugin, the sides in rotating order per file so that machine drift falls on
// both, after one warm-up pass. Each side runs in its own named function, so a
// sample's stack says its side; a sample with none on its stack (GC) goes to
// the side of the sample before it. Every sample is put in one bucket, the
// first that matches its stack:
//   plugin <module>  a frame of this package's dist/ is on the stack; the module
//                    of the outermost such frame, src/create-rule aside (inclusive: helpers of
//                    ESLint or @typescript-eslint called from our code count here)
//   option defaults  src/create-rule and src/rule-options (or RuleCreator of
//                    @typescript-eslint/utils) around a rule's create()
//   scope analysis   eslint-scope or @typescript-eslint/scope-manager
//   parse            the parser (espree, typescript-estree, typescript) and ESLint's parse step
//   rule traversal   inside ESLint's runRules, outside plugin code (the AST walk,
//                    selector matching, listener dispatch, report handling)
//   GC               the (garbage collector) node
//   other            the rest (config, directives, source code set-up)
// and prints one small table: ms per bucket for each side and (b) - (a), and
// the CPU time (process.cpuUsage) of each side's verify calls. Sampled time
// is wall-clock time while running, so on a loaded machine it exceeds CPU time
// on both sides alike. This is the profile the README's Performance section quotes to explain
// the lint-cost ratio; attribution is statistical, repeat it on a shared machine.
import { Linter } from 'eslint';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_SETTINGS, profileSources, runConfig } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builds = { resilience: join(root, 'dist') };
if (process.env.PROFILE_BEFORE) builds.before = process.env.PROFILE_BEFORE;
const plugins = {};
for (const [side, dist] of Object.entries(builds)) plugins[side] = (await import(join(dist, 'src/index.js'))).default;
const tsParser = (await import('@typescript-eslint/parser')).default;
const count = Number(process.argv[2] ?? 2400);
const interval = Number(process.argv[3] ?? 500);
const sources = profileSources(root, count);
const settings = BENCH_SETTINGS;
const base = (sourceType) => [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
const sides = ['none', ...Object.keys(builds)];
const configs = Object.fromEntries(
  ['module', 'commonjs', 'script'].map((st) => [
    st,
    Object.fromEntries(sides.map((side) => [side, runConfig(side === 'none' ? base(st) : [...base(st), plugins[side].configs.all, { settings }], root)])),
  ]),
);
const linter = new Linter({ cwd: root });
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cpuMs = Object.fromEntries(sides.map((side) => [side, 0]));
const verify = (s, side) => {
  const start = cpu();
  linter.verify(s.text, configs[s.sourceType][side], s.name);
  cpuMs[side] += cpu() - start;
};
// Each side in its own named function, so that a sample's stack says which side it is on.
const run = {
  none: function lintSideNone(s) { verify(s, 'none'); },
  resilience: function lintSideResilience(s) { verify(s, 'resilience'); },
  before: function lintSideBefore(s) { verify(s, 'before'); },
};
const sideOfFunction = new Map(sides.map((side) => [run[side].name, side]));
const lintAll = () =>
  sources.forEach((s, i) => {
    for (let k = 0; k < sides.length; k++) run[sides[(i + k) % sides.length]](s);
  });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval });
lintAll(); // warm-up
for (const side of sides) cpuMs[side] = 0;
globalThis.gc?.();
await session.post('Profiler.start');
lintAll();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
// PROFILE_OUT=<file>: also write the raw profile (.cpuprofile, for Chrome DevTools or a closer look).
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

const distUrls = Object.values(builds).map((dist) => pathToFileURL(join(dist, sep)).href);
const isScope = (url) => /\/node_modules\/(eslint-scope|@typescript-eslint\/scope-manager)\//.test(url);
const isParse = (frame) =>
  /\/node_modules\/(espree|acorn|acorn-jsx|typescript|@typescript-eslint\/(typescript-estree|parser))\//.test(frame.url) ||
  (frame.functionName === 'parse' && /\/node_modules\/eslint\/lib\/languages\/js\//.test(frame.url));
const OPTIONS = 'option defaults (createRule, applyDefault)';

/** Per sample: [side, bucket]. A sample with no side on its stack (GC, program) goes to the side of the sample before it. */
function buckets(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const classify = (id) => {
    if (memo.has(id)) return memo.get(id);
    let side = null;
    let plugin = null;
    let options = false;
    let scope = false;
    let parse = false;
    let rules = false;
    const leaf = byId.get(id).callFrame;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      const dist = distUrls.find((url) => f.url.startsWith(url));
      if (sideOfFunction.has(f.functionName) && f.url === import.meta.url) side = sideOfFunction.get(f.functionName);
      else if (dist && /\/src\/(create-rule|rule-options)\.js$/.test(f.url)) options = true;
      else if (dist) plugin = f.url.slice(dist.length).replace(/\.js$/, '');
      else if (/\/node_modules\/@typescript-eslint\/utils\/dist\/eslint-utils\//.test(f.url)) options = true;
      else if (isScope(f.url)) scope = true;
      else if (isParse(f)) parse = true;
      else if (f.functionName === 'runRules' && /\/node_modules\/eslint\//.test(f.url)) rules = true;
    }
    const bucket =
      leaf.functionName === '(garbage collector)' ? 'GC'
      : leaf.functionName === '(idle)' ? null
      : plugin ? `plugin ${plugin}`
      : options ? OPTIONS
      : scope ? 'scope analysis'
      : parse ? 'parse'
      : rules ? 'rule traversal (outside plugin code)'
      : 'other';
    const out = [side, bucket];
    memo.set(id, out);
    return out;
  };
  const out = Object.fromEntries(sides.map((side) => [side, new Map()]));
  let last = 'none';
  for (let i = 0; i < p.samples.length; i++) {
    const [side0, bucket] = classify(p.samples[i]);
    const side = side0 ?? last;
    last = side;
    if (!bucket) continue;
    const d = (p.timeDeltas[i] ?? 0) / 1000;
    for (const key of [bucket, 'total']) out[side].set(key, (out[side].get(key) ?? 0) + d);
  }
  return out;
}

const result = buckets(profile);
const shown = sides.includes('before') ? ['none', 'before', 'resilience'] : ['none', 'resilience'];
const pluginRows = [...new Set(shown.flatMap((side) => [...result[side].keys()]))].filter((k) => k.startsWith('plugin '));
pluginRows.sort((a, b) => (result.resilience.get(b) ?? 0) - (result.resilience.get(a) ?? 0));
const pluginTotal = (side) => pluginRows.reduce((sum, k) => sum + (result[side].get(k) ?? 0), 0);
const ms = (v) => (v ?? 0).toFixed(0).padStart(8);
const label = { none: 'none', before: 'before', resilience: 'res/all' };
console.log(`profile-cost: ${sources.length} files, sides rotating per file, sampling every ${interval} us; ms`);
console.log(`${'bucket'.padEnd(50)}${shown.map((side) => label[side].padStart(8)).join('')}${'diff'.padStart(8)}`);
const row = (name, values) => console.log(`${name.padEnd(50)}${shown.map((side) => ms(values[side])).join('')}${ms((values.resilience ?? 0) - (values.none ?? 0))}`);
const of = (key) => Object.fromEntries(shown.map((side) => [side, result[side].get(key)]));
row('CPU time of the verify calls (process.cpuUsage)', cpuMs);
row('sampled time (wall clock while running)', of('total'));
for (const k of ['parse', 'scope analysis', 'rule traversal (outside plugin code)', 'GC', OPTIONS]) row(k, of(k));
row('plugin code (inclusive, outermost dist frame)', Object.fromEntries(shown.map((side) => [side, pluginTotal(side)])));
const big = pluginRows.filter((k) => shown.some((side) => (result[side].get(k) ?? 0) >= 5));
for (const k of big) row(`  ${k.slice(7)}`, of(k));
const small = pluginRows.filter((k) => !big.includes(k));
if (small.length) row(`  ${small.length} modules under 5 ms`, Object.fromEntries(shown.map((side) => [side, small.reduce((sum, k) => sum + (result[side].get(k) ?? 0), 0)])));
row('other (config, directives, source code set-up)', of('other'));
