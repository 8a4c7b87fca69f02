/**
 * The plugin as a user gets it: `npm pack` of this checkout, installed into a
 * fresh temporary project. Shared by the packaged-install, editor (language
 * server) and oxlint tests.
 *
 * The tarball is packed with --ignore-scripts from the dist/ that `npm test`
 * builds first (`npm run build` before running one of these files alone):
 * the prepack build would empty dist/ while tests in the other worker load
 * the plugin from it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '../..');

export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Runs a command with a ten-minute hang guard (installs on a loaded machine are slow, never that slow). */
export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Throws unless dist/ holds a build at least as new as the sources. Tests read
 * the build `npm test` made and never rebuild it: a rebuild rewrites every
 * file of dist/ while a test in the other worker packs or loads it (an
 * `npm pack` then read a half-written file and failed with "unexpected EOF").
 */
export function assertBuilt(): void {
  const entry = join(root, 'dist/src/index.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const newestSource = Math.max(...['src', 'rules', 'codemods'].map((d) => newestMtime(join(root, d))));
  if (newestMtime(join(root, 'dist')) < newestSource) throw new Error('dist/ is older than the sources: run `npm run build` first (npm test does)');
}

/** Packs the built plugin into `dir`; returns the tarball's path. */
export function packTarball(dir: string): string {
  assertBuilt();
  const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  return join(dir, out.trim().split('\n').pop()!);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * A fresh project in `project` with the tarball and `packages` installed
 * (npm install, preferring npm's cache). Throws with npm's output on failure.
 */
export function installProject(project: string, tarball: string, packages: string[]): void {
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, version: '0.0.0' }));
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...packages], project);
  if (install.status !== 0) throw new Error(`npm install failed in ${project}:\n${install.stdout}\n${install.stderr}`);
}

/** The ESLint 10 install line: eslint, the TypeScript parser and TypeScript at this checkout's versions. */
export function eslintPackages(eslintRange = pkg.devDependencies.eslint!): string[] {
  return [`eslint@${eslintRange}`, `@typescript-eslint/parser@${pkg.dependencies['@typescript-eslint/parser']}`, `typescript@${pkg.devDependencies.typescript}`];
}
