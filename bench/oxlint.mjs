// Benchmark section 7: oxlint with the plugin (jsPlugins) against ESLint with
// the plugin, on the same corpus copy, both as their command-line binaries
// (start-up included, as a user runs them) and both on one thread (ESLint
// lints serially by default; oxlint gets --threads=1). Reports the ratio of
// the two, and the plugin's share of each: (with - without) / with, where
// "without" is the same binary on the same files with no rules at all.
//
// Called by bench/run.mjs. Also runs on its own, on a subset of the corpus:
//   npm run build && BENCH_FILES=200 BENCH_RUNS=3 node bench/oxlint.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sourceTypeBlocks } from './corpus.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * @param {{ root: string, files: string[], settings: object, ruleIds: string[], runs: number, warmUp: boolean, log: (text: string) => void }} options
 *   `files`: corpus files (under node_modules), copied to a directory outside the repository
 *   (oxlint skips git-ignored files, and bench/.work is ignored); `warmUp`: one untimed run of
 *   each side first.
 * @returns {{ measure: string, value: { median: number, min: number, max: number }, target: string, pass: null, note: string }[]}
 */
export function oxlintSection({ root, files, settings, ruleIds, runs, warmUp, log }) {
  const work = join(tmpdir(), `resilience-bench-oxlint-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const target = join(work, 'corpus');
  for (const file of files) {
    const to = join(target, relative(join(root, 'node_modules'), file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
  try {
    return measure({ root, work, target, fileCount: files.length, settings, ruleIds, runs, warmUp, log });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function measure({ root, work, target, fileCount, settings, ruleIds, runs, warmUp, log }) {
  const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
  const oxlintBin = join(root, 'node_modules/.bin/oxlint');
  const pluginEntry = join(root, 'dist/src/index.js');
  const dir = join(work, 'oxlint-configs');
  mkdirSync(dir, { recursive: true });

  const parserBlock = `
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  ...${JSON.stringify(sourceTypeBlocks())},
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },`;
  const eslintConfig = (name, body) => {
    const file = join(dir, `${name}.mjs`);
    writeFileSync(
      file,
      `import tsParser from ${JSON.stringify(join(root, 'node_modules/@typescript-eslint/parser/dist/index.js'))};
${body ? `import resilience from ${JSON.stringify(pluginEntry)};` : '// without the plugin: not even loaded'}
export default [${parserBlock}
${body}
];
`,
    );
    return file;
  };
  const allRules = Object.fromEntries(ruleIds.map((id) => [id, 'error']));
  const oxlintConfig = (name, body) => {
    const file = join(dir, `${name}.json`);
    // No built-in oxlint rules on either side: the comparison is the plugin's rules alone.
    writeFileSync(file, JSON.stringify({ plugins: [], categories: { correctness: 'off' }, ...body }, null, 2));
    return file;
  };
  const sides = {
    eslintWith: eslintConfig('eslint-with', `  resilience.configs.all,\n  { settings: ${JSON.stringify(settings)} },`),
    eslintWithout: eslintConfig('eslint-without', ''),
    oxlintWith: oxlintConfig('oxlint-with', { jsPlugins: [pluginEntry], rules: allRules, settings }),
    oxlintWithout: oxlintConfig('oxlint-without', {}),
  };

  const lintWith = (side) => {
    const config = sides[side];
    const args = side.startsWith('eslint')
      ? [eslintBin, '--no-config-lookup', '-c', config, '--format', 'json', target]
      : [oxlintBin, '-c', config, '--no-ignore', '--threads=1', '--format', 'json', target];
    const command = side.startsWith('eslint') ? process.execPath : args.shift();
    const start = performance.now();
    const run = spawnSync(command, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    if (run.status === null || run.status > 1) throw new Error(`${side}: ${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
    return { ms, findings: findingsOf(side, run.stdout) };
  };
  const findingsOf = (side, stdout) => {
    const out = [];
    if (side.startsWith('eslint')) {
      for (const result of JSON.parse(stdout)) {
        for (const m of result.messages) if (m.ruleId?.startsWith('resilience/')) out.push(`${relative(target, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`);
      }
    } else {
      for (const d of JSON.parse(stdout).diagnostics) {
        if (!d.code?.startsWith('resilience(')) continue;
        const span = d.labels[0]?.span;
        out.push(`${relative(target, join(work, d.filename))}:${span?.line}:${span?.column} ${d.code.replace(/^resilience\((.*)\)$/, 'resilience/$1')}`);
      }
    }
    return out.sort();
  };

  log(`oxlint against ESLint, both with the plugin: ${runs} runs over ${fileCount} files, sides alternating`);
  const order = ['eslintWith', 'eslintWithout', 'oxlintWith', 'oxlintWithout'];
  if (warmUp) for (const side of order) lintWith(side); // file system cache, binaries
  const ratio = [];
  const eslintShare = [];
  const oxlintShare = [];
  let eslintFindings = [];
  let oxlintFindings = [];
  for (let i = 0; i < runs; i++) {
    const ms = {};
    for (let k = 0; k < order.length; k++) {
      const side = order[(i + k) % order.length];
      const result = lintWith(side);
      ms[side] = result.ms;
      if (side === 'eslintWith') eslintFindings = result.findings;
      if (side === 'oxlintWith') oxlintFindings = result.findings;
    }
    ratio.push(ms.oxlintWith / ms.eslintWith);
    eslintShare.push((ms.eslintWith - ms.eslintWithout) / ms.eslintWith);
    oxlintShare.push((ms.oxlintWith - ms.oxlintWithout) / ms.oxlintWith);
    log(
      `  run ${i + 1}: ESLint ${ms.eslintWith.toFixed(0)} ms with the plugin, ${ms.eslintWithout.toFixed(0)} ms without; ` +
        `oxlint ${ms.oxlintWith.toFixed(0)} ms with, ${ms.oxlintWithout.toFixed(0)} ms without`,
    );
  }
  const onlyEslint = eslintFindings.filter((f) => !oxlintFindings.includes(f)).length;
  const onlyOxlint = oxlintFindings.filter((f) => !eslintFindings.includes(f)).length;
  const same =
    onlyEslint === 0 && onlyOxlint === 0
      ? `same ${eslintFindings.length} findings on both`
      : `${eslintFindings.length} findings with ESLint, ${oxlintFindings.length} with oxlint (${onlyEslint} only ESLint, ${onlyOxlint} only oxlint: files one parser rejects)`;
  return [
    { measure: '7. oxlint + plugin time / ESLint + plugin time (binaries, one thread)', value: summary(ratio), target: 'reported', pass: null, note: `${same}; ${runs} runs` },
    { measure: "7. Plugin's share of ESLint + plugin: (with - without) / with", value: summary(eslintShare), target: 'reported', pass: null, note: 'without: same files, no rules' },
    { measure: "7. Plugin's share of oxlint + plugin: (with - without) / with", value: summary(oxlintShare), target: 'reported', pass: null, note: 'without: same files, no rules' },
  ];
}

// On its own: a subset of the corpus.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { benchFiles } = await import('./corpus.mjs');
  const plugin = (await import(join(root, 'dist/src/index.js'))).default;
  const count = Number(process.env.BENCH_FILES ?? 200);
  const files = benchFiles().filter((_, i, all) => i % Math.max(1, Math.floor(all.length / count)) === 0).slice(0, count);
  const settings = {
    resilience: {
      sharedResources: [
        { name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'] },
        { name: 'http', match: { globals: ['fetch'] }, guards: ['breaker.execute'] },
      ],
    },
  };
  const rows = oxlintSection({
    root,
    files,
    settings,
    ruleIds: Object.keys(plugin.rules).map((name) => `resilience/${name}`),
    runs: Number(process.env.BENCH_RUNS ?? 3),
    warmUp: true,
    log: (text) => process.stderr.write(`${text}\n`),
  });
  for (const r of rows) console.log(`${r.measure}: median ${r.value.median.toFixed(2)} (min ${r.value.min.toFixed(2)}, max ${r.value.max.toFixed(2)}); ${r.note}`);
}
