/**
 * Setup for vitest.eslint9.config.mts: every CommonJS `require('eslint')`
 * in this worker (the rule tester's, typescript-eslint's) resolves to
 * ESLint 9 (npm alias `eslint-v9`).
 */
import Module from 'node:module';
import { dirname, join } from 'node:path';

const eslint9 = dirname(require.resolve('eslint-v9/package.json'));
const redirects: Record<string, string> = {
  eslint: join(eslint9, 'lib/api.js'),
  'eslint/use-at-your-own-risk': join(eslint9, 'lib/unsupported-api.js'),
  'eslint/package.json': join(eslint9, 'package.json'),
};
const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = moduleWithResolver._resolveFilename;
// The worker's test files share one module cache (`isolate: false`) and this file runs before each of them:
// the redirect is installed once.
if (original.name !== 'resolveToEslint9') {
  moduleWithResolver._resolveFilename = function resolveToEslint9(request: string, ...rest: unknown[]) {
    return redirects[request] ?? original.call(this, request, ...rest);
  };
}
