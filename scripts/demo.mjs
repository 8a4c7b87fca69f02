// npm run demo: lint the bundled legacy service (fixtures/legacy-app) with the
// plugin, print the findings in ESLint's stylish format and a one-line summary
// per rule; then show the codemods' dry-run diff on the app when they exist,
// and end with the whole-program audit, which shows each forgotten path as a
// call chain from the request handler to the shared filesystem.
import { ESLint } from 'eslint';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'fixtures/legacy-app');
const require = createRequire(import.meta.url);
const plugin = require(join(root, 'dist/src/index.js'));

console.log('eslint-plugin-resilience demo: linting fixtures/legacy-app with resilience.configs.recommended\n');

const eslint = new ESLint({ cwd: app });
const results = await eslint.lintFiles(['src']);
const stylish = await eslint.loadFormatter('stylish');
const text = await stylish.format(results);
console.log(text.trim() === '' ? 'No findings.' : text);

console.log('Summary per rule:');
const width = Math.max(...Object.keys(plugin.rules).map((name) => `resilience/${name}`.length));
for (const name of Object.keys(plugin.rules).sort()) {
  const id = `resilience/${name}`;
  const messages = results.flatMap((r) => r.messages.filter((m) => m.ruleId === id));
  const errors = messages.filter((m) => m.severity === 2).length;
  const warnings = messages.filter((m) => m.severity === 1).length;
  const suggestions = messages.filter((m) => m.suggestions?.length).length;
  console.log(`  ${id.padEnd(width)}  ${errors} error(s), ${warnings} warning(s), ${suggestions} with a quick fix`);
}
const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal));
if (fatal.length > 0) {
  console.error(`\n${fatal.length} file(s) could not be parsed.`);
  process.exitCode = 1;
}

const cli = join(root, 'dist/src/cli/main.js');
if (existsSync(cli)) {
  const { spawnSync } = await import('node:child_process');
  for (const transform of ['add-retry-backoff', 'add-timeout', 'guard-shared-resource']) {
    console.log(`\nCodemod dry run: resilience codemod ${transform} --dry src\n`);
    const run = spawnSync(process.execPath, [cli, 'codemod', transform, '--dry', 'src'], { cwd: app, stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = run.status ?? 1;
  }
  console.log('\nWhole-program audit: resilience audit src\n');
  const audit = spawnSync(process.execPath, [cli, 'audit', 'src'], { cwd: app, stdio: 'inherit' });
  // Exit 1 means findings, which is what the demo shows; 2 is a real error.
  if (audit.status !== 0 && audit.status !== 1) process.exitCode = audit.status ?? 1;
}
