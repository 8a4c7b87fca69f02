#!/usr/bin/env node
// `npm test` after the build: the vitest run on ESLint 10, then the rule tests
// again on ESLint 9 (vitest.eslint9.config.mts). The second run happens even
// when the first fails; both results are printed at the end, and the exit
// code is non-zero when either run failed. Extra arguments go to both runs
// (`npm test -- test/rules`). The heavy runs (heavyFiles in vitest.config.mts)
// are left out: `npm run test:heavy` runs them, and CI runs both.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const extra = process.argv.slice(2);

const runs = [
  { label: 'ESLint 10 (vitest.config.mts)', args: ['run', ...extra] },
  { label: 'ESLint 9 (vitest.eslint9.config.mts)', args: ['run', '-c', 'vitest.eslint9.config.mts', ...extra] },
];

const results = [];
for (const run of runs) {
  console.log(`\n=== npm test: ${run.label} ===\n`);
  const started = Date.now();
  const child = spawnSync(process.execPath, [vitest, ...run.args], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const status = child.error ? `could not start (${child.error.message})` : child.signal ? `killed by ${child.signal}` : `exit ${child.status}`;
  results.push({ label: run.label, ok: !child.error && child.status === 0, status, seconds });
}

console.log('\n=== npm test: summary ===');
for (const r of results) console.log(`${r.ok ? 'passed' : 'FAILED'}  ${r.label}  (${r.status}, ${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
