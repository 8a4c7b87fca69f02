// Prints the real-code suggestion ledger as it should read now: for every
// true positive of test/real-world/ledger.tsv, the rule's first suggestion
// applied and its hunk, or the rule's "No quick fix" reason; the reviews
// recorded in test/real-world/suggestions.md are kept for unchanged sections,
// a new or changed one gets `Review: ?`. Runs the suggestions test in vitest
// (the plugin is TypeScript) with SUGGESTIONS_OUT set, then writes that text
// over test/real-world/suggestions.md (not through a shell redirect, which
// would empty the file, and its reviews, before they are read) and prints
// the summary line.
//   npm run -s suggestions
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'suggestions-'));
const out = join(dir, 'suggestions.md');
try {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/real-world/suggestions.test.ts'], {
    cwd: root,
    env: { ...process.env, SUGGESTIONS_OUT: out },
    stdio: ['ignore', process.stderr, 'inherit'], // vitest's output goes to stderr
  });
  if (run.status !== 0) {
    console.error(`suggestions: vitest exited with ${run.status ?? run.signal}`);
    process.exitCode = 1;
  } else {
    const text = readFileSync(out, 'utf8');
    writeFileSync(join(root, 'test/real-world/suggestions.md'), text);
    console.log(`test/real-world/suggestions.md: ${text.split('\n').find((line) => line.startsWith('True positives:'))}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
