// Prints the real-world ledger as it should read now: the judged lines of
// test/real-world/ledger.tsv that are still reported, plus a line with the
// verdict `?` (and the rule's message as a hint) for each new report; lines no
// longer reported are dropped. Runs the ledger test in vitest (the plugin is
// TypeScript) with LEDGER_OUT set, then writes test/real-world/ledger.tsv
// itself (a shell redirect would empty the file before the test reads it).
//   npm run -s ledger             rewrites test/real-world/ledger.tsv
//   npm run -s ledger -- --stdout prints it instead
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
const out = join(dir, 'ledger.tsv');
try {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/real-world/ledger.test.ts'], {
    cwd: root,
    env: { ...process.env, LEDGER_OUT: out },
    stdio: ['ignore', process.stderr, 'inherit'], // vitest's output goes to stderr, the ledger to stdout
  });
  if (run.status !== 0) {
    console.error(`ledger: vitest exited with ${run.status ?? run.signal}`);
    process.exitCode = 1;
  } else {
    const text = readFileSync(out, 'utf8');
    if (process.argv.includes('--stdout')) process.stdout.write(text);
    else {
      const file = join(root, 'test/real-world/ledger.tsv');
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, text);
      const open = text.split('\n').filter((line) => line.split('\t')[3] === '?').length;
      console.error(`ledger: ${before === text ? 'unchanged' : 'test/real-world/ledger.tsv rewritten'}${open ? `; ${open} line(s) to judge (verdict ?)` : ''}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
