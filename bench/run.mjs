// npm run bench: the cost of the rules and the codemods, as ratios against
// ESLint's own rules and a no-op codemod measured in the same run, the sides
// alternating, median of BENCH_RUNS (default 5) runs with min and max.
// Writes bench/RESULTS.md and prints the same table.
//
// Partial runs (for before/after comparisons while other work shares the
// machine) print the table and leave bench/RESULTS.md alone:
//   BENCH_SECTIONS=load,codemod   only these sections (cost, rules, load,
//                                 precommit, codemod, large, scaling,
//                                 concurrency, oxlint, audit)
//   BENCH_FILES=200               an evenly spread subset of the corpus
//   npm run build && BENCH_SECTIONS=load,large BENCH_FILES=200 BENCH_RUNS=3 node --expose-gc bench/run.mjs
import { ESLint } from 'eslint';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchAudit } from './audit.mjs';
import { BENCH_SETTINGS, benchFiles, corpusPackages, corpusStats, ledgerPackages, runConfig, sourceTypeBlocks, sourceTypeOf } from './corpus.mjs';
import { timedRule } from './timed-rule.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench/.work');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const SECTIONS = ['cost', 'rules', 'load', 'precommit', 'codemod', 'large', 'scaling', 'concurrency', 'oxlint', 'audit'];
const chosen = process.env.BENCH_SECTIONS ? process.env.BENCH_SECTIONS.split(',').map((name) => name.trim()) : SECTIONS;
for (const name of chosen) if (!SECTIONS.includes(name)) throw new Error(`BENCH_SECTIONS: unknown section ${JSON.stringify(name)} (sections: ${SECTIONS.join(', ')})`);
const section = (name) => chosen.includes(name);
const subsetSize = process.env.BENCH_FILES ? Number(process.env.BENCH_FILES) : null;
const partial = chosen.length < SECTIONS.length || subsetSize !== null;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const eslintVersion = ESLint.version;
const plugin = (await import(join(root, 'dist/src/index.js'))).default;
const ruleIds = Object.keys(plugin.rules).map((name) => `resilience/${name}`);

// ---------------------------------------------------------------- set-up
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'configs'), { recursive: true });
// bench/corpus.mjs: the crash-safety corpus and the real-world ledger's files.
const allFiles = benchFiles();
const files = subsetSize === null ? allFiles : allFiles.filter((_, i) => i % Math.max(1, Math.floor(allFiles.length / subsetSize)) === 0).slice(0, subsetSize);
const stats = corpusStats(files);
function copyCorpus(target) {
  for (const file of files) {
    const to = join(target, relative(join(root, 'node_modules'), file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
}
copyCorpus(join(work, 'corpus-1'));
if (section('scaling')) for (const copy of [2, 3, 4]) copyCorpus(join(work, `corpus-${copy}`));

const parserBlock = `
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  ...${JSON.stringify(sourceTypeBlocks())},
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },`;
const settings = JSON.stringify(BENCH_SETTINGS);
function writeConfig(name, body, { importPlugin = true } = {}) {
  const file = join(work, 'configs', `${name}.mjs`);
  // The config without the plugin does not import it: a pre-commit run without the plugin does not load it.
  const pluginImport = importPlugin ? `import resilience from '${join(root, 'dist/src/index.js')}';\nvoid resilience;\n` : '';
  writeFileSync(
    file,
    `import tsParser from '@typescript-eslint/parser';
import js from '@eslint/js';
${pluginImport}void js;
export default [${parserBlock}
${body}
];
`,
  );
  return file;
}
const configs = {
  none: writeConfig('none', ''),
  resilience: writeConfig('resilience', `  resilience.configs.all,\n  { settings: ${settings} },`),
  eslintjs: writeConfig('eslintjs', '  js.configs.recommended,'),
  perRule: writeConfig('per-rule', `  resilience.configs.all,\n  { settings: ${settings}, rules: { 'no-unused-vars': 'error' } },`),
  withPlugin: writeConfig('with-plugin', `  js.configs.recommended,\n  resilience.configs.recommended,\n  { settings: ${settings} },`),
  withoutPlugin: writeConfig('without-plugin', '  js.configs.recommended,', { importPlugin: false }),
};

// ---------------------------------------------------------------- helpers
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
const log = (text) => process.stderr.write(`${text}\n`);

async function timeLint(configFile, targets, extra = {}) {
  const eslint = new ESLint({ cwd: work, overrideConfigFile: configFile, cache: false, ...extra });
  // Start every timed run from a collected heap, so one side does not pay for the garbage of the last.
  globalThis.gc?.();
  const start = performance.now();
  const results = await eslint.lintFiles(targets);
  return { ms: performance.now() - start, results };
}

function findings(results) {
  return results
    .flatMap((r) => r.messages.map((m) => `${relative(work, r.filePath)}:${m.line}:${m.column}:${m.ruleId}:${m.message}`))
    .sort();
}

const rows = [];
function addRow(measure, value, target, pass, note = '') {
  rows.push({ measure, value, target, verdict: pass === null ? 'n/a' : pass ? 'met' : 'MISSED', note });
}

const corpus1 = ['corpus-1'];

const { Linter } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const js = (await import('@eslint/js')).default;

// ---------------------------------------------------------------- 1. lint cost
// In one Linter, file by file, the three sides in rotating order: machine drift
// (the no-rules baseline alone moves by seconds between whole-corpus runs)
// then falls on all three sides alike.
if (section('cost')) {
log(`lint cost: ${runs} runs over ${stats.files} files, sides alternating per file`);
// JavaScript is parsed with the file's sourceType (the ledger's packages: theirs; bench/corpus.mjs).
const linterBase = (sourceType) => [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
const linterConfigs = Object.fromEntries(
  ['module', 'commonjs', 'script'].map((sourceType) => [
    sourceType,
    // One config array per side for the whole run, as the eslint binary has (runConfig).
    {
      none: runConfig(linterBase(sourceType), work),
      resilience: runConfig([...linterBase(sourceType), plugin.configs.all, { settings: JSON.parse(settings) }], work),
      eslintjs: runConfig([...linterBase(sourceType), js.configs.recommended], work),
    },
  ]),
);
const sources = files.map((file) => ({
  name: join(work, 'corpus-1', relative(join(root, 'node_modules'), file)),
  text: readFileSync(file, 'utf8'),
  configs: linterConfigs[sourceTypeOf(file)],
}));
const linter = new Linter({ cwd: work });
const order = ['none', 'resilience', 'eslintjs'];
for (const side of order) for (const source of sources) linter.verify(source.text, source.configs[side], source.name); // warm-up
// The ratio is taken on this process's CPU time (process.cpuUsage, user +
// system) per verify: on a shared machine the wall time of the no-rules side
// alone moved by 3x between runs and the differences went negative, while
// the CPU a verify uses is what the rules add. Wall time is logged beside it.
const costRatios = [];
const wallRatios = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const times = { none: 0, resilience: 0, eslintjs: 0 };
  const cpu = { none: 0, resilience: 0, eslintjs: 0 };
  sources.forEach((source, index) => {
    for (let k = 0; k < order.length; k++) {
      const side = order[(i + index + k) % order.length];
      const start = performance.now();
      const startCpu = cpuMs();
      linter.verify(source.text, source.configs[side], source.name);
      cpu[side] += cpuMs() - startCpu;
      times[side] += performance.now() - start;
    }
  });
  costRatios.push((cpu.resilience - cpu.none) / (cpu.eslintjs - cpu.none));
  wallRatios.push((times.resilience - times.none) / (times.eslintjs - times.none));
  log(
    `  run ${i + 1}: CPU none ${fmt(cpu.none, 0)} ms, resilience/all ${fmt(cpu.resilience, 0)} ms, @eslint/js recommended ${fmt(cpu.eslintjs, 0)} ms` +
      ` (wall ${fmt(times.none, 0)} / ${fmt(times.resilience, 0)} / ${fmt(times.eslintjs, 0)} ms)`,
  );
}
const cost = summary(costRatios);
addRow(
  '1. Lint cost: (resilience/all - no rules) / (@eslint/js recommended - no rules)',
  cost,
  '<= 0.10',
  cost.median <= 0.1,
  `in-process Linter, sides alternating per file, CPU time of the process; the same ratio on wall time: ${fmt(median(wallRatios))}`,
);
}

// ---------------------------------------------------------------- 2. per rule
if (section('rules')) {
log('per-rule time against no-unused-vars');
const perRule = Object.fromEntries(ruleIds.map((id) => [id, []]));
for (let i = 0; i < runs; i++) {
  const { results } = await timeLint(configs.perRule, corpus1, { stats: true });
  const totals = {};
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      for (const [id, time] of Object.entries(pass.rules ?? {})) totals[id] = (totals[id] ?? 0) + time.total;
    }
  }
  for (const id of ruleIds) perRule[id].push((totals[id] ?? 0) / totals['no-unused-vars']);
}
for (const id of ruleIds) {
  const s = summary(perRule[id]);
  // The retry rules share one analysis per file; ESLint times it under the rule created first.
  addRow(`2. ${id} time / no-unused-vars time`, s, '<= 1.0', s.median <= 1.0, /retry/.test(id) ? 'the two retry rules share one analysis, timed under the first' : '');
}
}

// ---------------------------------------------------------------- 3. plugin load
// Fresh processes: require('eslint') first (untimed), then the plugin, timed
// with process.hrtime (wall) and process.cpuUsage (CPU of this process, which
// other load on the machine disturbs less).
if (section('load')) {
log('plugin load: 20 fresh processes');
const loadScript = `require('eslint');
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
require(${JSON.stringify(join(root, 'dist/src/index.js'))});
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000 }));`;
const loads = [];
for (let i = 0; i < 20; i++) {
  const run = spawnSync(process.execPath, ['-e', loadScript], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loading the plugin failed:\n${run.stderr}`);
  loads.push(JSON.parse(run.stdout));
}
const loadWall = summary(loads.map((l) => l.ms));
const loadCpu = median(loads.map((l) => l.cpuMs));
addRow("3. Plugin load: require('eslint-plugin-resilience') after require('eslint'), ms (median of 20 processes)", loadWall, '<= 40', loadWall.median <= 40, `CPU time median ${fmt(loadCpu, 1)} ms`);
}

// ---------------------------------------------------------------- 3. pre-commit
if (section('precommit')) {
log('pre-commit: one file through the eslint binary');
const typicalFile = join(root, 'fixtures/legacy-app/src/handlers/uploads.ts');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
const precommit = [];
// From the repository root: ESLint ignores a file outside its working directory
// ("File ignored because outside of base path"), and from bench/.work the file
// was not linted at all, so the ratio held start-up and plugin load only.
function timeBinary(config) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [eslintBin, '--no-config-lookup', '-c', config, '--no-warn-ignored', typicalFile], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  // 0 (no problems) or 1 (problems reported); 2 is a crash or a config error, which would time as a fast run.
  if (run.status !== 0 && run.status !== 1) throw new Error(`pre-commit: eslint exited ${run.status}:\n${run.stderr}`);
  return ms;
}
// Untimed check that both sides lint the file (and the plugin reports on it).
for (const [name, config] of [['without', configs.withoutPlugin], ['with', configs.withPlugin]]) {
  const run = spawnSync(process.execPath, [eslintBin, '--no-config-lookup', '-c', config, '--format', 'json', typicalFile], { cwd: root, encoding: 'utf8' });
  const results = run.status === 0 || run.status === 1 ? JSON.parse(run.stdout) : [];
  const messages = results.flatMap((result) => result.messages);
  const linted = results.length === 1 && results[0].filePath === typicalFile && !messages.some((m) => m.ruleId === null || m.fatal);
  if (!linted || (name === 'with' && !messages.some((m) => m.ruleId?.startsWith('resilience/')))) {
    throw new Error(`pre-commit: the run ${name} the plugin did not lint ${relative(root, typicalFile)}:\n${run.stdout}${run.stderr}`);
  }
}
// At least 21 pairs: one run is about 650 ms and the plugin's share about 30 ms,
// the size of process start-up jitter, so a median of 7 pairs moved by +-0.05.
for (let i = 0; i < Math.max(runs, 21); i++) {
  const a = i % 2 ? timeBinary(configs.withPlugin) : null;
  const without = timeBinary(configs.withoutPlugin);
  const withPlugin = a ?? timeBinary(configs.withPlugin);
  precommit.push(withPlugin / without);
}
const pc = summary(precommit);
addRow('3. Pre-commit: eslint on one file, with the plugin / without (the config without it does not import it)', pc, '<= 1.05', pc.median <= 1.05);
}

// ---------------------------------------------------------------- 4. codemods
if (section('codemod')) {
const cli = join(root, 'dist/src/cli/main.js');
const jscodeshiftBin = join(root, 'node_modules/jscodeshift/bin/jscodeshift.js');
if (existsSync(cli)) {
  writeFileSync(join(work, 'settings.json'), settings);
  const timeCmd = (args) => {
    // Outside the repository: the CLI skips git-ignored files, and bench/.work is ignored.
    const target = join(tmpdir(), 'resilience-bench-codemod');
    rmSync(target, { recursive: true, force: true });
    copyCorpus(target);
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args(target)], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status === null || run.status > 1) throw new Error(`${args(target).join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
    const last = run.stderr.trim().split('\n').pop() ?? '';
    const [seconds, kb] = last.split(' ').map(Number);
    // Our CLI's closing summary: files unchanged, and of those the ones the prefilter kept from being parsed.
    // The audit's JSON summary: the files its prefilter kept from being parsed (src/audit/prefilter.ts).
    const notParsed = args(target).includes(auditOutput)
      ? JSON.parse(readFileSync(auditOutput, 'utf8')).summary.filesNotParsed
      : Number(/of which not parsed \(prefilter\)\s+(\d+)/.exec(run.stdout)?.[1] ?? NaN);
    return { seconds, kb, notParsed };
  };
  const auditOutput = join(tmpdir(), 'resilience-bench-audit.json');
  const noop = (target) => [jscodeshiftBin, '--no-babel', '--run-in-band', '--silent', '--parser=ts', '-t', join(root, 'bench/noop-transform.cjs'), '--extensions=js,ts,mjs,cjs', target];
  const commands = {
    'Codemod add-retry-backoff': (target) => [cli, 'codemod', 'add-retry-backoff', '--run-in-band', '--force', '--settings', join(work, 'settings.json'), target],
    'Codemod guard-shared-resource': (target) => [cli, 'codemod', 'guard-shared-resource', '--run-in-band', '--force', '--settings', join(work, 'settings.json'), target],
    // Whole-program: the audit parses the files that can lie on a chain to a finding (src/audit/prefilter.ts).
    Audit: (target) => [cli, 'audit', '--settings', join(work, 'settings.json'), '--format', 'json', '--output', auditOutput, target],
  };
  for (const [label, ours] of Object.entries(commands)) {
    log(`${label} against a no-op transform`);
    const wall = [];
    const memory = [];
    let notParsed = NaN;
    for (let i = 0; i < runs; i++) {
      const first = i % 2 ? timeCmd(noop) : timeCmd(ours);
      const second = i % 2 ? timeCmd(ours) : timeCmd(noop);
      const [o, n] = i % 2 ? [second, first] : [first, second];
      wall.push(o.seconds / n.seconds);
      memory.push(o.kb / n.kb);
      notParsed = o.notParsed;
    }
    const w = summary(wall);
    const m = summary(memory);
    const skipped = `${notParsed} of ${stats.files} files not parsed (prefilter${label === 'Audit' ? ': cannot be on a chain to a finding' : ''})`;
    addRow(`4. ${label}: wall time / no-op transform`, w, '<= 1.0', w.median <= 1.0, skipped);
    addRow(`4. ${label}: peak memory / no-op transform`, m, '<= 1.2', m.median <= 1.2, skipped);
  }
  rmSync(auditOutput, { force: true });
} else {
  addRow('4. Codemods', { median: NaN, min: NaN, max: NaN }, '<= 1.0', null, 'the codemod CLI is not built yet');
}
}

// ---------------------------------------------------------------- 4b. large files
// One bundle built from the corpus's JavaScript files, in two shapes: each
// module a function in an array (webpack), and every module a function
// declared in one scope and called there (scope-hoisted). The 2x bundle is
// the 1x bundle's modules twice, so both sizes hold the same code. Rule time
// (the rules' own listeners, timed around each call) per byte of 2x over 1x:
// 1.0 is linear.
if (section('large')) {
log('large files: rule time on a bundle and on one twice its size');
const moduleTexts = [];
let moduleBytes = 0;
for (const file of allFiles.filter((f) => /\.c?js$/.test(f))) {
  if (moduleBytes >= 1024 * 1024) break;
  const text = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  moduleTexts.push(text);
  moduleBytes += text.length;
}
const bundles = {
  webpack: (copies) => {
    const list = Array.from({ length: copies }, () => moduleTexts).flat();
    return `(function (modules) {\n  function load(id) { const m = { exports: {} }; modules[id](m, m.exports, load); return m.exports; }\n  load(0);\n})([\n${list.map((t) => `function (module, exports, require) {\n${t}\n}`).join(',\n')}\n]);\n`;
  },
  'scope-hoisted': (copies) => {
    const list = Array.from({ length: copies }, () => moduleTexts).flat();
    return `(function () {\n${list.map((t, i) => `function module${i}(module, exports, require) {\n${t}\n}\nconst exports${i} = module${i}({ exports: {} }, {}, require);`).join('\n')}\n})();\n`;
  },
};
const timedRules = {};
const ruleTime = {};
for (const [name, rule] of Object.entries(plugin.rules)) timedRules[name] = timedRule(`resilience/${name}`, rule, ruleTime);
const bundleConfig = [
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'script' },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    plugins: { resilience: { rules: timedRules } },
    settings: JSON.parse(settings),
    rules: Object.fromEntries(ruleIds.map((id) => [id, 'error'])),
  },
];
const bundleLinter = new Linter({ cwd: work });
const timeBundle = (text) => {
  for (const id of ruleIds) ruleTime[id] = 0;
  globalThis.gc?.();
  const messages = bundleLinter.verify(text, bundleConfig, join(work, 'bundle.js'));
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`the benchmark bundle does not parse: ${fatal.message} (${fatal.line}:${fatal.column})`);
  return { ...ruleTime };
};
for (const [shape, make] of Object.entries(bundles)) {
  const one = make(1);
  const two = make(2);
  timeBundle(one); // warm-up, both sizes: the first timed runs otherwise carry compilation
  timeBundle(two);
  // The two retry rules share one analysis per file, run by whichever is created first: timed together.
  const groups = {
    'the retry rules (one shared analysis)': ['resilience/no-unbounded-retry', 'resilience/require-retry-backoff'],
    ...Object.fromEntries(ruleIds.filter((id) => !/retry/.test(id)).map((id) => [id, [id]])),
  };
  const ratios = Object.fromEntries(Object.keys(groups).map((group) => [group, []]));
  const total = (times, ids) => ids.reduce((sum, id) => sum + times[id], 0);
  for (let i = 0; i < runs; i++) {
    const [a, b] = i % 2 ? [timeBundle(two), timeBundle(one)] : [timeBundle(one), timeBundle(two)];
    const [t1, t2] = i % 2 ? [b, a] : [a, b];
    for (const [group, ids] of Object.entries(groups)) ratios[group].push(total(t2, ids) / two.length / (total(t1, ids) / one.length));
  }
  for (const group of Object.keys(groups)) {
    const r = summary(ratios[group]);
    addRow(`4b. Large file (${shape} bundle, ${fmt(one.length / 2 ** 20, 1)} MB and twice that): ${group} time per byte, 2x / 1x`, r, '<= 1.25', r.median <= 1.25, 'rule listener time only');
  }
}
}

// ---------------------------------------------------------------- 5. scaling
// The fixed start-up cost (an ESLint instance, its config, the parser and
// the plugin warmed up, one small file) is measured in every run and taken
// out of each time before the ratio.
if (section('scaling')) {
log('scaling over 1x, 2x and 4x the corpus');
writeFileSync(join(work, 'startup.js'), 'export const one = 1;\n');
const scale2 = [];
const scale4 = [];
const fixed = [];
await timeLint(configs.resilience, ['startup.js']); // warm-up: modules imported once per process
for (let i = 0; i < runs; i++) {
  const f = (await timeLint(configs.resilience, ['startup.js'])).ms;
  const t1 = (await timeLint(configs.resilience, ['corpus-1'])).ms - f;
  const t2 = (await timeLint(configs.resilience, ['corpus-1', 'corpus-2'])).ms - f;
  const t4 = (await timeLint(configs.resilience, ['corpus-1', 'corpus-2', 'corpus-3', 'corpus-4'])).ms - f;
  fixed.push(f);
  scale2.push(t2 / (2 * t1));
  scale4.push(t4 / (4 * t1));
}
const s2 = summary(scale2);
const s4 = summary(scale4);
const fixedNote = `fixed start-up cost taken out: ${fmt(median(fixed), 0)} ms (one small file)`;
addRow('5. Scaling, lint: (time(2x) - fixed) / (2 x (time(1x) - fixed))', s2, '0.90 - 1.10', s2.median >= 0.9 && s2.median <= 1.1, fixedNote);
addRow('5. Scaling, lint: (time(4x) - fixed) / (4 x (time(1x) - fixed))', s4, '0.90 - 1.10', s4.median >= 0.9 && s4.median <= 1.1, fixedNote);

// The codemod CLI the same way: one process per run, its start-up measured on one small file.
const cliMain = join(root, 'dist/src/cli/main.js');
if (existsSync(cliMain)) {
  const codemodTarget = (name, copies) => {
    const target = join(tmpdir(), `resilience-bench-scaling-${name}`);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const copy of copies) cpSync(join(work, copy), join(target, copy), { recursive: true });
    return target;
  };
  const timeCodemod = (target) => {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cliMain, 'codemod', 'add-retry-backoff', '--cpus', '1', '--force', '--dry', '--no-eslint-config', target], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status === null || run.status > 1) throw new Error(`codemod scaling run failed (${run.status}):\n${run.stderr.slice(-2000)}`);
    return performance.now() - start;
  };
  const small = join(tmpdir(), 'resilience-bench-scaling-startup');
  rmSync(small, { recursive: true, force: true });
  mkdirSync(small, { recursive: true });
  writeFileSync(join(small, 'one.js'), 'try { run(); } catch (e) { log(e); }\n');
  const one = codemodTarget('1x', ['corpus-1']);
  const two = codemodTarget('2x', ['corpus-1', 'corpus-2']);
  // Issue 17 asks for 2x and 4x, for the codemod as for lint.
  const four = codemodTarget('4x', ['corpus-1', 'corpus-2', 'corpus-3', 'corpus-4']);
  const codemod2 = [];
  const codemod4 = [];
  const codemodFixed = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const f = timeCodemod(small);
    const t1 = timeCodemod(one) - f;
    const t2 = timeCodemod(two) - f;
    const t4 = timeCodemod(four) - f;
    codemodFixed.push(f);
    codemod2.push(t2 / (2 * t1));
    codemod4.push(t4 / (4 * t1));
  }
  const c2 = summary(codemod2);
  const c4 = summary(codemod4);
  const codemodFixedNote = `fixed start-up cost taken out: ${fmt(median(codemodFixed), 0)} ms (one small file)`;
  addRow('5. Scaling, codemod add-retry-backoff: (time(2x) - fixed) / (2 x (time(1x) - fixed))', c2, '0.90 - 1.10', c2.median >= 0.9 && c2.median <= 1.1, codemodFixedNote);
  addRow('5. Scaling, codemod add-retry-backoff: (time(4x) - fixed) / (4 x (time(1x) - fixed))', c4, '0.90 - 1.10', c4.median >= 0.9 && c4.median <= 1.1, codemodFixedNote);
  for (const name of ['1x', '2x', '4x', 'startup']) rmSync(join(tmpdir(), `resilience-bench-scaling-${name}`), { recursive: true, force: true });
}
}

// ---------------------------------------------------------------- 6. concurrency
if (section('concurrency')) {
log('concurrency 2 against a serial run');
const speedups = [];
let same = true;
for (let i = 0; i < runs; i++) {
  const serial = await timeLint(configs.resilience, corpus1);
  const parallel = await timeLint(configs.resilience, corpus1, { concurrency: 2 });
  same = same && JSON.stringify(findings(serial.results)) === JSON.stringify(findings(parallel.results));
  speedups.push(serial.ms / parallel.ms);
}
const sp = summary(speedups);
addRow('6. eslint --concurrency 2: speed-up over serial', sp, 'reported', null, same ? 'same findings as serial: yes' : 'same findings as serial: NO');
}

// ---------------------------------------------------------------- 7. oxlint
if (!section('oxlint')) {
  // not asked for
} else if (existsSync(join(root, 'node_modules/.bin/oxlint'))) {
  const { oxlintSection } = await import('./oxlint.mjs');
  // Whole-corpus runs through both binaries, four sides: a warm-up and at most 3 runs.
  const oxRows = oxlintSection({ root, files, settings: JSON.parse(settings), ruleIds, runs: Math.min(runs, 3), warmUp: true, log });
  for (const r of oxRows) addRow(r.measure, r.value, r.target, r.pass, r.note);
} else {
  addRow('7. oxlint', { median: NaN, min: NaN, max: NaN }, 'reported', null, 'oxlint is not installed (npm ci installs it)');
}

// ---------------------------------------------------------------- 8. audit
if (section('audit') && existsSync(join(root, 'dist/src/cli/main.js'))) {
  log('audit against eslint with the plugin over the same files');
  for (const row of await benchAudit({ files, runs, settings: JSON.stringify(JSON.parse(settings)), log })) {
    addRow(row.measure, row.value, row.target, row.pass, row.note);
  }
}

// ---------------------------------------------------------------- report
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
const header = [
  `# Benchmark results`,
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `- Machine: ${machine}`,
  `- Node ${process.version}, ESLint ${eslintVersion}, eslint-plugin-resilience ${pkg.version}, typescript-eslint parser ${JSON.parse(readFileSync(join(root, 'node_modules/@typescript-eslint/parser/package.json'), 'utf8')).version}`,
  `- Corpus: ${stats.files} files, ${stats.lines} lines (${stats.tsFiles} TypeScript files, ${stats.tsLines} lines), from ${corpusPackages().map((p) => `${p.name}@${p.version} (${p.dir})`).join(', ')}` +
    `; and the real-world ledger's files (test/real-world/sources.mjs, JavaScript parsed with each package's sourceType) from ${ledgerPackages().join(', ')}`,
  `- Each figure: median of ${runs} runs, sides alternating within a run; min and max beside it.`,
  '',
];
const table = [
  '| measure | median | min | max | target | verdict | note |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.measure} | ${fmt(r.value.median)} | ${fmt(r.value.min)} | ${fmt(r.value.max)} | ${r.target} | ${r.verdict} | ${r.note} |`),
];
const text = [...header, ...table, ''].join('\n');
if (partial) log(`partial run (sections: ${chosen.join(', ')}; ${stats.files} of ${allFiles.length} corpus files): bench/RESULTS.md left as it is`);
else writeFileSync(join(root, 'bench/RESULTS.md'), text);
console.log(table.join('\n'));
rmSync(work, { recursive: true, force: true });
rmSync(join(tmpdir(), 'resilience-bench-codemod'), { recursive: true, force: true });
void execFileSync;
