// The audit's heap per byte of source: `resilience audit` in this process over
// the bench corpus (or every k-th file of it: BENCH_FILES=n), with a collection
// forced every 50 files, so that the figure is the heap the audit retains (its
// per-file facts, or trees), not garbage waiting to be collected.
// `npm run build && node --expose-gc bench/audit-memory.mjs`
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFiles } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Returns `{ files, sourceBytes, baseHeap, peakHeap, perByte, seconds }`: the heap after loading
 * (collected), the largest heap in use after a forced collection while the audit ran, and
 * (peak - base) / source bytes.
 */
export async function measureAuditHeap({ files, settings }) {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  const target = join(tmpdir(), 'resilience-bench-audit-memory');
  rmSync(target, { recursive: true, force: true });
  let sourceBytes = 0;
  for (const file of files) {
    const to = join(target, 'corpus', relative(join(root, 'node_modules'), file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
    sourceBytes += statSync(file).size;
  }
  writeFileSync(join(target, 'settings.json'), settings);
  const v8 = require('node:v8');
  const { runAudit } = require(join(root, 'dist/src/audit/run.js'));
  const original = v8.getHeapStatistics;
  globalThis.gc();
  const baseHeap = original().used_heap_size;
  let peakHeap = baseHeap;
  let calls = 0;
  const sample = () => {
    globalThis.gc();
    peakHeap = Math.max(peakHeap, original().used_heap_size);
  };
  // The audit reads the heap after every file: every 50th read, collect first and keep the largest heap in use.
  v8.getHeapStatistics = () => {
    if (++calls % 50 === 0) sample();
    return original();
  };
  const started = process.hrtime.bigint();
  let code;
  try {
    code = await runAudit(['corpus', '--settings', 'settings.json', '--format', 'json', '--output', 'audit.json'], {
      cwd: target,
      stdout: { write: () => true },
      stderr: { write: () => true },
      heapLimit: Number.MAX_SAFE_INTEGER,
    });
  } finally {
    v8.getHeapStatistics = original;
  }
  sample();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(target, { recursive: true, force: true });
  if (code !== 0 && code !== 1) throw new Error(`audit exited ${code}`);
  return { files: files.length, sourceBytes, baseHeap, peakHeap, perByte: (peakHeap - baseHeap) / sourceBytes, seconds };
}

export const BENCH_AUDIT_SETTINGS = JSON.stringify({
  resilience: {
    sharedResources: [
      { name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'] },
      { name: 'http', match: { globals: ['fetch'] }, guards: ['breaker.execute'] },
    ],
  },
});

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const all = benchFiles();
  const step = Math.max(1, Math.floor(all.length / Number(process.env.BENCH_FILES ?? all.length)));
  const files = all.filter((_, i) => i % step === 0);
  const m = await measureAuditHeap({ files, settings: BENCH_AUDIT_SETTINGS });
  const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  console.log(
    `audit heap: ${m.files} files, ${mib(m.sourceBytes)} of source; heap ${mib(m.baseHeap)} before, ${mib(m.peakHeap)} at most (collected); ` +
      `${m.perByte.toFixed(1)} bytes of heap per source byte; ${m.seconds.toFixed(1)} s with forced collections`,
  );
}
