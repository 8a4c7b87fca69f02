// The audit's cost: `resilience audit` against `eslint` with the plugin
// (resilience.configs.all and the same catalog) over the same files, both as
// processes timed with /usr/bin/time, sides alternating; and its peak memory
// on twice the files against once (linear means about 2); with --expose-gc, also
// its retained heap per byte of source (bench/audit-memory.mjs).
// Part of `npm run bench`; alone: `npm run build && BENCH_FILES=200 BENCH_RUNS=1 node bench/audit.mjs`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureAuditHeap } from './audit-memory.mjs';
import { benchFiles, sourceTypeBlocks } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * Returns rows `{ measure, value: { median, min, max }, target, pass, note }`.
 * `settings` is the JSON text of `{ resilience: {...} }`.
 */
export async function benchAudit({ files, runs, settings, log = () => {} }) {
  const cli = join(root, 'dist/src/cli/main.js');
  const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
  // Outside the repository: both tools skip git-ignored files, and bench/.work is ignored.
  const target = join(tmpdir(), 'resilience-bench-audit');
  rmSync(target, { recursive: true, force: true });
  for (const copy of ['corpus-1', 'corpus-2']) {
    for (const file of files) {
      const to = join(target, copy, relative(join(root, 'node_modules'), file));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(file, to);
    }
  }
  writeFileSync(join(target, 'settings.json'), settings);
  writeFileSync(
    join(target, 'eslint.config.mjs'),
    `import tsParser from '${pathToFileURL(join(root, 'node_modules/@typescript-eslint/parser/dist/index.js')).href}';
import resilience from '${pathToFileURL(join(root, 'dist/src/index.js')).href}';
export default [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
  ...${JSON.stringify(sourceTypeBlocks())},
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  resilience.configs.all,
  { settings: ${settings} },
];
`,
  );
  const timed = (args) => {
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd: target, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
    const [seconds, kb] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    return { seconds, kb };
  };
  // The audit keeps each file's facts, not its tree (bench/audit-memory.mjs): Node's default heap limit is enough.
  const audit = (dirs) => timed([cli, 'audit', ...dirs, '--settings', 'settings.json', '--format', 'json', '--output', 'audit.json']);
  const eslint = (dirs) => timed([eslintBin, '--no-config-lookup', '-c', 'eslint.config.mjs', '--format', 'json', '--output-file', 'eslint.json', ...dirs]);

  const time = [];
  const memory = [];
  const detail = [];
  for (let i = 0; i < runs; i++) {
    const [a, e] = i % 2 ? [null, eslint(['corpus-1'])] : [audit(['corpus-1']), null];
    const auditOnce = a ?? audit(['corpus-1']);
    const eslintOnce = e ?? eslint(['corpus-1']);
    const auditTwice = audit(['corpus-1', 'corpus-2']);
    time.push(auditOnce.seconds / eslintOnce.seconds);
    memory.push(auditTwice.kb / auditOnce.kb);
    detail.push(`audit ${auditOnce.seconds}s ${Math.round(auditOnce.kb / 1024)} MiB, eslint ${eslintOnce.seconds}s, audit 2x ${auditTwice.seconds}s ${Math.round(auditTwice.kb / 1024)} MiB`);
    log(`  run ${i + 1}: ${detail[detail.length - 1]}`);
  }
  rmSync(target, { recursive: true, force: true });
  const t = summary(time);
  const m = summary(memory);
  const heap = [];
  if (typeof globalThis.gc === 'function') {
    const measured = await measureAuditHeap({ files, settings });
    const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
    const note = `${mib(measured.peakHeap - measured.baseHeap)} of heap for ${mib(measured.sourceBytes)} of source (in process, collected every 50 files)`;
    log(`  heap: ${note}`);
    heap.push({ measure: '8. Audit: heap kept per byte of source', value: summary([measured.perByte]), target: 'reported', pass: null, note });
  }
  return [
    { measure: `8. Audit: wall time / eslint with the plugin, same ${files.length} files`, value: t, target: '<= 2.0', pass: t.median <= 2, note: detail[0] ?? '' },
    { measure: '8. Audit: peak memory on 2x the files / 1x', value: m, target: '<= 2.2 (linear)', pass: m.median <= 2.2, note: '' },
    ...heap,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // BENCH_FILES=n: every k-th file of the corpus, so that a slice has every package (and fs accesses) in it.
  const all = benchFiles();
  const step = Math.max(1, Math.floor(all.length / Number(process.env.BENCH_FILES ?? all.length)));
  const files = all.filter((_, i) => i % step === 0);
  const settings = JSON.stringify({
    resilience: {
      sharedResources: [
        { name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'] },
        { name: 'http', match: { globals: ['fetch'] }, guards: ['breaker.execute'] },
      ],
    },
  });
  const rows = await benchAudit({ files, runs: Number(process.env.BENCH_RUNS ?? 3), settings, log: (t) => process.stderr.write(`${t}\n`) });
  for (const row of rows) {
    const verdict = row.pass === null ? 'reported' : row.pass ? 'met' : 'MISSED';
    console.log(`${row.measure}: median ${row.value.median.toFixed(2)} (min ${row.value.min.toFixed(2)}, max ${row.value.max.toFixed(2)}), target ${row.target}: ${verdict}`);
  }
}
