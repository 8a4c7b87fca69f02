import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Timeouts are hang guards, not performance checks: the heavy files (corpus
// runs, 1 MB step counts, packaging, the language server, oxlint) can take
// minutes on a loaded machine, and a test that counts steps must not fail on
// wall-clock time. Ten minutes per test or hook only catches a real hang.
const hangGuardMs = 600_000;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: hangGuardMs,
    hookTimeout: hangGuardMs,
    pool: 'forks',
    // The test files of a worker share its module cache: ESLint, typescript-eslint and the plugin are loaded
    // once a worker instead of once a file (about 90 s of a run on this 2-core machine). The project keeps no
    // cross-file state in module scope (per-file caches are keyed by the SourceCode), and the files that spy
    // on globals restore them after each test.
    isolate: false,
    // vitest's default is one worker fewer than the cores: on a 2-core machine
    // a single worker, so the heavy files ran one after another. The heavy
    // runs are split into files of comparable size so two workers share them.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
