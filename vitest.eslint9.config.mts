// The rule tests and the audit tests again, with ESLint 9 in place of ESLint 10 (npm alias
// `eslint-v9`): the alias covers the tests' own imports, the setup file the
// CommonJS requires inside @typescript-eslint/rule-tester and friends.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const eslint9 = dirname(require.resolve('eslint-v9/package.json'));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^eslint$/, replacement: `${eslint9}/lib/api.js` },
      { find: /^eslint\/use-at-your-own-risk$/, replacement: `${eslint9}/lib/unsupported-api.js` },
    ],
  },
  test: {
    include: ['test/rules/**/*.test.ts', 'test/invariants.test.ts', 'test/eslint-version.test.ts', 'test/imports.test.ts', 'test/audit/audit-app.test.ts', 'test/audit/graph.test.ts'],
    setupFiles: ['test/helpers/eslint9-setup.ts'],
    env: { EXPECT_ESLINT_MAJOR: '9' },
    // A hang guard, not a performance check (see vitest.config.mts).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // One module cache a worker: ESLint 9, typescript-eslint and the plugin load once, not once a file (55 s became
    // about 20 s). Only rule and audit tests run here, which keep no state between files; the setup file's redirect
    // is installed before the first file.
    isolate: false,
  },
});
