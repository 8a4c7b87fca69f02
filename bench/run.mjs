// npm run bench: the cost of the rules and the codemods, as ratios against
// ESLint's own rules and a no-op codemod measured in the same run, the sides
// alternating, median of BENCH_RUNS (default 5) runs with min and max.
// Writes bench/RESULTS.md and prints the same table.
import { ESLint } from 'eslint';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchAudit } from './audit.mjs';
import { corpusFiles, corpusPackages, corpusStats } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench/.work');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const eslintVersion = ESLint.version;
const plugin = (await import(join(root, 'dist/src/index.js'))).default;
const ruleIds = Object.keys(plugin.rules).map((name) => `resilience/${name}`);

// ---------------------------------------------------------------- set-up
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'configs'), { recursive: true });
const files = corpusFiles();
const stats = corpusStats(files);
function copyCorpus(target) {
  for (const file of files) {
    const to = join(target, relative(join(root, 'node_modules'), file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
}
for (const copy of [1, 2, 3, 4]) copyCorpus(join(work, `corpus-${copy}`));

const parserBlock = `
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },`;
const settings = JSON.stringify({
  resilience: {
    sharedResources: [
      { name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'] },
      { name: 'http', match: { globals: ['fetch'] }, guards: ['breaker.execute'] },
    ],
  },
});
function writeConfig(name, body) {
  const file = join(work, 'configs', `${name}.mjs`);
  writeFileSync(
    file,
    `import tsParser from '@typescript-eslint/parser';
import js from '@eslint/js';
import resilience from '${join(root, 'dist/src/index.js')}';
void js; void resilience;
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
  withoutPlugin: writeConfig('without-plugin', '  js.configs.recommended,'),
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

// ---------------------------------------------------------------- 1. lint cost
// In one Linter, file by file, the three sides in rotating order: machine drift
// (the no-rules baseline alone moves by seconds between whole-corpus runs)
// then falls on all three sides alike.
log(`lint cost: ${runs} runs over ${stats.files} files, sides alternating per file`);
const { Linter } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const js = (await import('@eslint/js')).default;
const linterBase = [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
const linterConfigs = {
  none: linterBase,
  resilience: [...linterBase, plugin.configs.all, { settings: JSON.parse(settings) }],
  eslintjs: [...linterBase, js.configs.recommended],
};
const sources = files.map((file) => ({ name: join(work, 'corpus-1', relative(join(root, 'node_modules'), file)), text: readFileSync(file, 'utf8') }));
const linter = new Linter({ cwd: work });
const order = ['none', 'resilience', 'eslintjs'];
for (const side of order) for (const source of sources) linter.verify(source.text, linterConfigs[side], source.name); // warm-up
const costRatios = [];
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const times = { none: 0, resilience: 0, eslintjs: 0 };
  sources.forEach((source, index) => {
    for (let k = 0; k < order.length; k++) {
      const side = order[(i + index + k) % order.length];
      const start = performance.now();
      linter.verify(source.text, linterConfigs[side], source.name);
      times[side] += performance.now() - start;
    }
  });
  costRatios.push((times.resilience - times.none) / (times.eslintjs - times.none));
  log(`  run ${i + 1}: none ${fmt(times.none, 0)} ms, resilience/all ${fmt(times.resilience, 0)} ms, @eslint/js recommended ${fmt(times.eslintjs, 0)} ms`);
}
const cost = summary(costRatios);
addRow('1. Lint cost: (resilience/all - no rules) / (@eslint/js recommended - no rules)', cost, '<= 0.20', cost.median <= 0.2, 'in-process Linter, sides alternating per file');

// ---------------------------------------------------------------- 2. per rule
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
  addRow(`2. ${id} time / no-unused-vars time`, s, '<= 1.0', s.median <= 1.0);
}

// ---------------------------------------------------------------- 3. pre-commit
log('pre-commit: one file through the eslint binary');
const typicalFile = join(root, 'fixtures/legacy-app/src/handlers/uploads.ts');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
const precommit = [];
function timeBinary(config) {
  const start = performance.now();
  spawnSync(process.execPath, [eslintBin, '--no-config-lookup', '-c', config, '--no-warn-ignored', typicalFile], { cwd: work });
  return performance.now() - start;
}
timeBinary(configs.withoutPlugin);
for (let i = 0; i < Math.max(runs, 7); i++) {
  const a = i % 2 ? timeBinary(configs.withPlugin) : null;
  const without = timeBinary(configs.withoutPlugin);
  const withPlugin = a ?? timeBinary(configs.withPlugin);
  precommit.push(withPlugin / without);
}
const pc = summary(precommit);
addRow('3. Pre-commit: eslint on one file, with the plugin / without', pc, '<= 1.10', pc.median <= 1.1);

// ---------------------------------------------------------------- 4. codemods
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
    return { seconds, kb };
  };
  const noop = (target) => [jscodeshiftBin, '--no-babel', '--run-in-band', '--silent', '--parser=ts', '-t', join(root, 'bench/noop-transform.cjs'), '--extensions=js,ts,mjs,cjs', target];
  for (const transform of ['add-retry-backoff', 'guard-shared-resource']) {
    log(`codemod ${transform} against a no-op transform`);
    const ours = (target) => [cli, 'codemod', transform, '--cpus', '1', '--force', '--settings', join(work, 'settings.json'), target];
    const wall = [];
    const memory = [];
    for (let i = 0; i < runs; i++) {
      const first = i % 2 ? timeCmd(noop) : timeCmd(ours);
      const second = i % 2 ? timeCmd(ours) : timeCmd(noop);
      const [o, n] = i % 2 ? [second, first] : [first, second];
      wall.push(o.seconds / n.seconds);
      memory.push(o.kb / n.kb);
    }
    const w = summary(wall);
    const m = summary(memory);
    const why = 'no-op parses once with babel; ours parses with typescript-estree and runs ESLint (rule code ~1% in a CPU profile)';
    addRow(`4. Codemod ${transform}: wall time / no-op transform`, w, '<= 1.5', w.median <= 1.5, w.median > 1.5 ? why : '');
    addRow(`4. Codemod ${transform}: peak memory / no-op transform`, m, '<= 1.5', m.median <= 1.5, m.median > 1.5 ? 'ESLint, typescript-estree and TypeScript loaded in one process' : '');
  }
} else {
  addRow('4. Codemods', { median: NaN, min: NaN, max: NaN }, '<= 1.5', null, 'the codemod CLI is not built yet');
}

// ---------------------------------------------------------------- 5. scaling
log('scaling over 1x, 2x and 4x the corpus');
const scale2 = [];
const scale4 = [];
for (let i = 0; i < runs; i++) {
  const t1 = (await timeLint(configs.resilience, ['corpus-1'])).ms;
  const t2 = (await timeLint(configs.resilience, ['corpus-1', 'corpus-2'])).ms;
  const t4 = (await timeLint(configs.resilience, ['corpus-1', 'corpus-2', 'corpus-3', 'corpus-4'])).ms;
  scale2.push(t2 / (2 * t1));
  scale4.push(t4 / (4 * t1));
}
const s2 = summary(scale2);
const s4 = summary(scale4);
addRow('5. Scaling: time(2x) / (2 x time(1x))', s2, '0.90 - 1.10', s2.median >= 0.9 && s2.median <= 1.1);
addRow('5. Scaling: time(4x) / (4 x time(1x))', s4, '0.90 - 1.10', s4.median >= 0.9 && s4.median <= 1.1);

// ---------------------------------------------------------------- 6. concurrency
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

// ---------------------------------------------------------------- 7. oxlint
if (existsSync(join(root, 'node_modules/.bin/oxlint'))) {
  const { oxlintSection } = await import('./oxlint.mjs');
  // Whole-corpus runs through both binaries, four sides: a warm-up and at most 3 runs.
  const oxRows = oxlintSection({ root, files, settings: JSON.parse(settings), ruleIds, runs: Math.min(runs, 3), warmUp: true, log });
  for (const r of oxRows) addRow(r.measure, r.value, r.target, r.pass, r.note);
} else {
  addRow('7. oxlint', { median: NaN, min: NaN, max: NaN }, 'reported', null, 'oxlint is not installed (npm ci installs it)');
}

// ---------------------------------------------------------------- 8. audit
if (existsSync(cli)) {
  log('audit against eslint with the plugin over the same files');
  for (const row of benchAudit({ files, runs, settings: JSON.stringify(JSON.parse(settings)), log })) {
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
  `- Corpus: ${stats.files} files, ${stats.lines} lines (${stats.tsFiles} TypeScript files, ${stats.tsLines} lines), from ${corpusPackages().map((p) => `${p.name}@${p.version} (${p.dir})`).join(', ')}`,
  `- Each figure: median of ${runs} runs, sides alternating within a run; min and max beside it.`,
  '',
];
const table = [
  '| measure | median | min | max | target | verdict | note |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.measure} | ${fmt(r.value.median)} | ${fmt(r.value.min)} | ${fmt(r.value.max)} | ${r.target} | ${r.verdict} | ${r.note} |`),
];
const text = [...header, ...table, ''].join('\n');
writeFileSync(join(root, 'bench/RESULTS.md'), text);
console.log(table.join('\n'));
rmSync(work, { recursive: true, force: true });
rmSync(join(tmpdir(), 'resilience-bench-codemod'), { recursive: true, force: true });
void execFileSync;
