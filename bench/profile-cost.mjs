// Where the lint cost of resilience/all goes: a differential CPU profile.
//   npm run build && node bench/profile-cost.mjs [files] [interval-us]
//   node bench/profile-cost.mjs 2400            (the default: 2400 files, 500 us sampling)
//   PROFILE_OUT=/tmp/cost.cpuprofile node bench/profile-cost.mjs 600   (also writes the raw profile)
//   PROFILE_DIST=/tmp/dist-before node bench/profile-cost.mjs   (a copy of dist/ built before a change)
// Lints an evenly spread subset of the bench corpus (bench/corpus.mjs
// benchFiles) in one Linter, in-process, under the V8 sampling profiler
// (node:inspector, Profiler domain), each file twice: (a) with no rules and
// (b) with configs.all and the bench's settings (bench/run.mjs's cost
// section), the two sides alternating per file so that machine drift falls on
// both, after one warm-up pass. Each side runs in its own named function, so a
// sample's stack says its side; a sample with none on its stack (GC) goes to
// the side of the sample before it. Every sample is put in one bucket, the
// first that matches its stack:
//   plugin <module>  a frame of this package's dist/ is on the stack; the module
//                    of the outermost such frame (inclusive time: helpers of
//                    ESLint or @typescript-eslint called from our code count here)
//   option defaults  @typescript-eslint/utils's RuleCreator around create()
//   scope analysis   eslint-scope or @typescript-eslint/scope-manager
//   parse            the parser (espree, typescript-estree, typescript) and ESLint's parse step
//   rule traversal   inside ESLint's runRules, outside plugin code (the AST walk,
//                    selector matching, listener dispatch, report handling)
//   GC               the (garbage collector) node
//   other            the rest (config, directives, source code set-up)
// and prints one small table: ms per bucket for (a), (b) and (b) - (a), and
// the CPU time (process.cpuUsage) of each side's verify calls. Sampled time
// is wall-clock time while running, so on a loaded machine it exceeds CPU time
// on both sides alike. This is the profile bench/RESULTS.md quotes to explain
// the lint-cost ratio; attribution is statistical, repeat it on a shared machine.
import { Linter } from 'eslint';
import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchFiles, sourceTypeOf } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// PROFILE_DIST=<dir>: the plugin built elsewhere (a copy of dist/ from before a change), for before/after figures.
const dist = process.env.PROFILE_DIST ?? join(root, 'dist');
const plugin = (await import(join(dist, 'src/index.js'))).default;
const tsParser = (await import('@typescript-eslint/parser')).default;
const count = Number(process.argv[2] ?? 2400);
const interval = Number(process.argv[3] ?? 500);
const all = benchFiles();
const files = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / count)) === 0).slice(0, count);
const sources = files.map((file) => ({
  name: join(root, 'bench/.profile', relative(join(root, 'node_modules'), file)),
  text: readFileSync(file, 'utf8'),
  sourceType: sourceTypeOf(file),
}));
// The same settings as bench/run.mjs's cost section.
const settings = {
  resilience: {
    sharedResources: [
      { name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'] },
      { name: 'http', match: { globals: ['fetch'] }, guards: ['breaker.execute'] },
    ],
  },
};
const base = (sourceType) => [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
const configs = Object.fromEntries(
  ['module', 'commonjs', 'script'].map((st) => [
    st,
    { none: base(st), resilience: [...base(st), plugin.configs.all, { settings }] },
  ]),
);
const linter = new Linter({ cwd: root });
// The two sides as named functions, so that a sample's stack says which side it is on.
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cpuMs = { none: 0, resilience: 0 };
function lintSideNone(s) {
  const start = cpu();
  linter.verify(s.text, configs[s.sourceType].none, s.name);
  cpuMs.none += cpu() - start;
}
function lintSideResilience(s) {
  const start = cpu();
  linter.verify(s.text, configs[s.sourceType].resilience, s.name);
  cpuMs.resilience += cpu() - start;
}
const lintAll = () =>
  sources.forEach((s, i) => {
    if (i % 2) {
      lintSideResilience(s);
      lintSideNone(s);
    } else {
      lintSideNone(s);
      lintSideResilience(s);
    }
  });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval });
lintAll(); // warm-up
cpuMs.none = cpuMs.resilience = 0;
globalThis.gc?.();
await session.post('Profiler.start');
lintAll();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
// PROFILE_OUT=<file>: also write the raw profile (.cpuprofile, for Chrome DevTools or a closer look).
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

const distUrl = pathToFileURL(join(dist, sep)).href;
const isScope = (url) => /\/node_modules\/(eslint-scope|@typescript-eslint\/scope-manager)\//.test(url);
const isParse = (frame) =>
  /\/node_modules\/(espree|acorn|acorn-jsx|typescript|@typescript-eslint\/(typescript-estree|parser))\//.test(frame.url) ||
  (frame.functionName === 'parse' && /\/node_modules\/eslint\/lib\/languages\/js\//.test(frame.url));
const OPTIONS = 'option defaults (RuleCreator applyDefault)';

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
      if (f.functionName === 'lintSideNone') side = 'none';
      else if (f.functionName === 'lintSideResilience') side = 'resilience';
      else if (f.url.startsWith(distUrl)) plugin = f.url.slice(distUrl.length).replace(/\.js$/, '');
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
  const out = { none: new Map(), resilience: new Map() };
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
const pluginRows = [...result.resilience.keys()].filter((k) => k.startsWith('plugin ')).sort((a, b) => result.resilience.get(b) - result.resilience.get(a));
const pluginTotal = (side) => pluginRows.reduce((sum, k) => sum + (result[side].get(k) ?? 0), 0);
const ms = (v) => (v ?? 0).toFixed(0).padStart(8);
console.log(`profile-cost: ${sources.length} files, sides alternating per file, sampling every ${interval} us; ms`);
console.log(`${'bucket'.padEnd(62)}${'none'.padStart(8)}${'res/all'.padStart(8)}${'diff'.padStart(8)}`);
const row = (label, a = 0, b = 0) => console.log(`${label.padEnd(62)}${ms(a)}${ms(b)}${ms(b - a)}`);
row('CPU time of the verify calls (process.cpuUsage)', cpuMs.none, cpuMs.resilience);
row('sampled time (wall clock while running)', result.none.get('total'), result.resilience.get('total'));
for (const k of ['parse', 'scope analysis', 'rule traversal (outside plugin code)', 'GC', OPTIONS]) row(k, result.none.get(k), result.resilience.get(k));
row('plugin code (inclusive, by outermost dist frame)', pluginTotal('none'), pluginTotal('resilience'));
for (const k of pluginRows.filter((k) => result.resilience.get(k) >= 5)) row(`  ${k.slice(7)}`, result.none.get(k), result.resilience.get(k));
const small = pluginRows.filter((k) => result.resilience.get(k) < 5);
if (small.length) row(`  ${small.length} modules under 5 ms`, 0, small.reduce((sum, k) => sum + result.resilience.get(k), 0));
row('other (config, directives, source code set-up)', result.none.get('other'), result.resilience.get('other'));
