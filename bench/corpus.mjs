// The real-code corpus shared by the crash-safety tests and the benchmarks:
// hand-written source folders of packages installed by `npm ci` (devDependencies
// pin them), TypeScript and JavaScript, no bundles, no generated code, no
// declaration files.
//
// The benchmarks lint more: benchFiles() is this corpus and the files of the
// real-world precision ledger (test/real-world/sources.mjs, read from there,
// not copied), whose JavaScript is parsed with each package's sourceType as
// the ledger parses it (sourceTypeOf, sourceTypeBlocks). The crash-safety and
// prefilter tests keep corpusFiles() alone: the ledger's files would more
// than double their time, and the ledger test already lints those files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realWorldFiles, realWorldSources, realWorldVersions } from '../test/real-world/sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Package, folder inside it, and whether to descend into subfolders. */
export const corpusSources = [
  { pkg: 'effect', dir: 'src', recursive: true },
  { pkg: 'zod', dir: 'src', recursive: true },
  { pkg: 'rxjs', dir: 'src', recursive: true },
  { pkg: 'eslint', dir: 'lib', recursive: true },
  { pkg: 'lodash', dir: '.', recursive: false, skip: ['lodash.js', 'lodash.min.js', 'core.js', 'core.min.js', 'fp.js'] },
  { pkg: 'semver', dir: '.', recursive: true },
  { pkg: 'js-yaml', dir: 'lib', recursive: true },
  { pkg: 'postcss', dir: 'lib', recursive: true },
  { pkg: 'jscodeshift', dir: 'src', recursive: true },
];

const sourceFile = /\.(?:[cm]?js|[cm]?ts|tsx)$/;
const declarationFile = /\.d\.[cm]?ts$/;

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function walk(dir, recursive, skip, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive && entry.name !== 'node_modules') walk(full, recursive, skip, out);
    } else if (entry.isFile() && sourceFile.test(entry.name) && !declarationFile.test(entry.name) && !skip.includes(entry.name)) {
      out.push(full);
    }
  }
}

/** Every corpus file (absolute paths), in a stable order. */
export function corpusFiles() {
  const files = [];
  for (const source of corpusSources) walk(join(packageDir(source.pkg), source.dir), source.recursive, source.skip ?? [], files);
  return files;
}

/** Packages and versions, for the results. */
export function corpusPackages() {
  return corpusSources.map((source) => {
    const pkg = JSON.parse(readFileSync(join(packageDir(source.pkg), 'package.json'), 'utf8'));
    return { name: pkg.name, version: pkg.version, dir: source.dir };
  });
}

export function corpusStats(files = corpusFiles()) {
  let lines = 0;
  let tsFiles = 0;
  let tsLines = 0;
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const count = text.split('\n').length;
    lines += count;
    bytes += statSync(file).size;
    if (/\.[cm]?tsx?$/.test(file)) {
      tsFiles++;
      tsLines += count;
    }
  }
  return { files: files.length, lines, tsFiles, tsLines, bytes };
}

export function relativeToRoot(file) {
  return relative(root, file);
}

/**
 * The benchmark corpus (absolute paths, stable order): corpusFiles(), then
 * every file of the real-world ledger's packages.
 */
export function benchFiles() {
  return [...corpusFiles(), ...realWorldFiles().map((entry) => entry.file)].filter((file) => !BASELINE_CRASHES.some((path) => file.endsWith(path)));
}

/**
 * Ledger files the benchmarks leave out because ESLint's own rules throw on
 * them, so no side of a comparison could lint them: @eslint/js's
 * no-unused-vars (ESLint 10.15) with the TypeScript parser reports a variable
 * with no identifier in matrix-js-sdk 37.5's thread.ts ("Node must be provided
 * when reporting error if location is not provided"). The ledger still lints it.
 */
const BASELINE_CRASHES = ['/node_modules/matrix-js-sdk/src/models/thread.ts'];

let ledgerSourceTypes = null;
/**
 * How a JavaScript file of benchFiles() is parsed: the ledger package's
 * sourceType ('commonjs', 'module' or 'script'); 'module' for the rest.
 * (TypeScript files are always parsed as modules.)
 */
export function sourceTypeOf(file) {
  ledgerSourceTypes ??= new Map(realWorldFiles().map((entry) => [entry.file, entry.sourceType]));
  return ledgerSourceTypes.get(file) ?? 'module';
}

/**
 * Flat-config blocks giving the ledger packages' JavaScript its sourceType,
 * for a copy of benchFiles() laid out as `<anything>/<package>/<path inside
 * it>` (node_modules' layout). Goes after a block that parses every .js,
 * .cjs and .mjs file as a module. As the ledger parses them: a .js file with
 * its package's sourceType, a .cjs file as CommonJS, a .mjs file as a module;
 * TypeScript keeps its parser (and is a module).
 */
export function sourceTypeBlocks() {
  const blocks = [];
  for (const source of realWorldSources) {
    const globs = (extension) => [
      ...(source.dirs ?? []).map((dir) => `**/${source.pkg}/${dir}/**/*${extension}`),
      ...(source.files ?? []).filter((file) => file.endsWith(extension)).map((file) => `**/${source.pkg}/${file}`),
    ];
    if (source.sourceType !== 'module') blocks.push({ files: globs('.js'), languageOptions: { sourceType: source.sourceType } });
    blocks.push({ files: globs('.cjs'), languageOptions: { sourceType: 'commonjs' } });
  }
  return blocks.filter((block) => block.files.length > 0);
}

/** The ledger's packages and versions, for the results (`name@version`). */
export function ledgerPackages() {
  return realWorldVersions();
}

/** The shared-resource settings every benchmark lints with (bench/run.mjs and the profile scripts). */
export const BENCH_SETTINGS = {
  resilience: {
    sharedResources: [
      { name: 'shared-fs', match: { modules: ['fs', 'fs/promises'] }, guards: ['withOutageFlip'] },
      { name: 'http', match: { globals: ['fetch'] }, guards: ['breaker.execute'] },
    ],
  },
};

/**
 * An evenly spread subset of benchFiles() (`count` files), read for an
 * in-process Linter: each under a path in `root`/bench/.profile that keeps
 * its package path, with its text and sourceType.
 */
export function profileSources(root, count) {
  const all = benchFiles();
  const files = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / count)) === 0).slice(0, count);
  return files.map((file) => ({
    name: join(root, 'bench/.profile', relative(join(root, 'node_modules'), file)),
    text: readFileSync(file, 'utf8'),
    sourceType: sourceTypeOf(file),
  }));
}

/**
 * A config array as the `eslint` binary holds it for a whole run: ESLint's
 * own FlatConfigArray, normalized once, whose merged config per file is
 * cached (so each rule's options are validated once, not per file). Given a
 * plain array, `Linter#verify` builds and normalizes a new FlatConfigArray on
 * every call, validating every rule's options again for each file: a cost a
 * lint run does not have, and one that grows with the number of rules on
 * either side of a ratio. ESLint does not export the class, so it is loaded
 * by its file path (ESLint 10's layout).
 */
export function runConfig(config, basePath) {
  const { FlatConfigArray } = require(join(packageDir('eslint'), 'lib/config/flat-config-array.js'));
  const array = new FlatConfigArray(config, { basePath });
  array.normalizeSync();
  return array;
}
