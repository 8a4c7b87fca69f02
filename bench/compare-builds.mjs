// Do two builds of the plugin find the same things? Lints the whole bench
// corpus (bench/corpus.mjs benchFiles, with the bench's settings) with
// configs.all of this checkout's dist/ and of another build, in one Linter,
// and prints every file where the findings differ: rule, message, position
// and each suggestion's output. For changes that claim to be exact (a faster
// prefilter, a cache, a shared helper).
//   mkdir /tmp/before && cp -r dist package.json /tmp/before/ && ln -s "$PWD/node_modules" /tmp/before/   (before the change)
//   npm run build && node bench/compare-builds.mjs /tmp/before/dist [files]
// Exit code 0 when every file gives the same findings, 1 when one differs.
import { Linter } from 'eslint';
import { join } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SETTINGS, profileSources } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const before = process.argv[2];
if (!before) {
  console.error('usage: node bench/compare-builds.mjs <other dist/ directory> [files]');
  process.exit(2);
}
const count = Number(process.argv[3] ?? Number.MAX_SAFE_INTEGER);
const tsParser = (await import('@typescript-eslint/parser')).default;
const builds = { after: join(root, 'dist'), before };
const plugins = {};
for (const [side, dist] of Object.entries(builds)) plugins[side] = (await import(join(dist, 'src/index.js'))).default;
const base = (sourceType) => [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { sourceType } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
const linter = new Linter({ cwd: root });
const describe = (messages) =>
  messages.map((m) =>
    JSON.stringify([m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message, m.fatal ?? false, (m.suggestions ?? []).map((s) => [s.desc, s.fix])]),
  );
let files = 0;
let findings = 0;
let differing = 0;
for (const source of profileSources(root, count)) {
  const out = {};
  for (const side of Object.keys(builds)) {
    const config = [...base(source.sourceType), plugins[side].configs.all, { settings: BENCH_SETTINGS }];
    out[side] = describe(linter.verify(source.text, config, source.name));
  }
  files++;
  findings += out.after.length;
  const a = new Set(out.after);
  const b = new Set(out.before);
  const onlyAfter = out.after.filter((m) => !b.has(m));
  const onlyBefore = out.before.filter((m) => !a.has(m));
  if (onlyAfter.length || onlyBefore.length || out.after.length !== out.before.length) {
    differing++;
    console.log(source.name);
    for (const m of onlyBefore) console.log('  - ' + m);
    for (const m of onlyAfter) console.log('  + ' + m);
  }
}
console.log(`${files} files, ${findings} findings (this build); ${differing} files differ`);
process.exit(differing ? 1 : 0);
