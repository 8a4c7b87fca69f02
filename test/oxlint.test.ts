/**
 * The plugin under oxlint: the packed tarball installed in a fresh project
 * with a copy of fixtures/legacy-app, loaded through oxlint's `jsPlugins`
 * with `settings.resilience` in `.oxlintrc.json`. oxlint reports the same
 * findings as ESLint (rule, position, severity, message), and
 * `oxlint --fix-suggestions` writes the same text as the codemods, rule set by
 * rule set (each codemod applies the suggestions of its own rules only).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslintPackages, installProject, packTarball, root, run } from './helpers/packaged';

const oxlint = join(root, 'node_modules/.bin/oxlint');
const work = mkdtempSync(join(tmpdir(), 'resilience-oxlint-'));
const project = join(work, 'project');

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: 'error' | 'warning';
  filename: string;
  labels: { span: { offset: number; length: number; line: number; column: number } }[];
}

/** `.oxlintrc.json` for `rules`, with the settings of the app's own eslint.config.mjs. */
function writeOxlintrc(dir: string, rules: Record<string, string>): void {
  const settings = run(
    process.execPath,
    ['--input-type=module', '-e', "import config from './eslint.config.mjs'; console.log(JSON.stringify(config.find((c) => c.settings).settings));"],
    dir,
  );
  expect(settings.status, settings.stderr).toBe(0);
  writeFileSync(join(dir, '.oxlintrc.json'), JSON.stringify({ jsPlugins: ['eslint-plugin-resilience'], rules, settings: JSON.parse(settings.stdout) }, null, 2));
}

function copyApp(to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of ['src', 'eslint.config.mjs']) cpSync(join(root, 'fixtures/legacy-app', entry), join(to, entry), { recursive: true });
}

function sources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' }).sort()) {
    if (name.endsWith('.ts')) out[name] = readFileSync(join(dir, 'src', name), 'utf8');
  }
  return out;
}

/** 0-based offset of a 1-based line and column. */
function offset(text: string, line: number, column: number): number {
  let at = 0;
  for (let i = 1; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

let recommended: Record<string, string>;

beforeAll(() => {
  const tarball = packTarball(work);
  installProject(project, tarball, eslintPackages());
  copyApp(project);
  const rules = run(process.execPath, ['-e', "console.log(JSON.stringify(require('eslint-plugin-resilience').configs.recommended.rules))"], project);
  recommended = JSON.parse(rules.stdout) as Record<string, string>;
  writeOxlintrc(project, recommended);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('oxlint with the plugin as a jsPlugin', () => {
  it('reports the same findings as ESLint on the legacy app', () => {
    const ox = run(oxlint, ['--format', 'json', 'src'], project);
    expect(ox.stderr).toBe('');
    expect(ox.status).toBe(1); // errors found
    const texts = sources(project);
    const fromOxlint = (JSON.parse(ox.stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics
      .filter((d) => d.code.startsWith('resilience('))
      .map((d) => {
        const span = d.labels[0]!.span;
        const file = relative('src', d.filename);
        expect(offset(texts[file]!, span.line, span.column), `${file}: offset and line/column agree`).toBe(span.offset);
        return `${file}:${span.line}:${span.column} [${span.offset},${span.offset + span.length}) ${d.code.replace(/^resilience\((.*)\)$/, 'resilience/$1')} ${d.severity} ${d.message}`;
      })
      .sort();

    const es = run(join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src'], project);
    expect(es.stderr).toBe('');
    const fromEslint = (JSON.parse(es.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[])
      .flatMap((r) => {
        const file = relative(join(project, 'src'), r.filePath);
        return r.messages.map(
          (m) =>
            `${file}:${m.line}:${m.column} [${offset(texts[file]!, m.line, m.column)},${offset(texts[file]!, m.endLine, m.endColumn)}) ${m.ruleId} ${m.severity === 2 ? 'error' : 'warning'} ${m.message}`,
        );
      })
      .sort();

    expect(fromOxlint).toEqual(fromEslint);
    // Every recommended rule has a finding in the app, so the comparison covers all of them.
    expect(new Set(fromEslint.map((line) => line.split(' ')[2]))).toEqual(new Set(Object.keys(recommended)));
  });

  it('shows bad settings.resilience as one diagnostic at 1:1 of each file', () => {
    const dir = join(project, 'runs', 'bad-settings');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src/a.js'), "import fs from 'fs';\nexport const read = (p) => fs.readFileSync(p);\n");
    writeFileSync(join(dir, 'src/b.js'), 'export const b = 1;\n');
    writeFileSync(
      join(dir, '.oxlintrc.json'),
      JSON.stringify({
        jsPlugins: ['eslint-plugin-resilience'],
        rules: recommended,
        settings: { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: 'withOutageFlip' }] } },
      }),
    );
    const ox = run(oxlint, ['--format', 'json', 'src'], dir);
    expect(ox.stderr).toBe('');
    expect(ox.status).toBe(1);
    const shown = (JSON.parse(ox.stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics
      .filter((d) => d.code.startsWith('resilience('))
      .map((d) => `${d.filename}:${d.labels[0]!.span.line}:${d.labels[0]!.span.column} ${d.code} ${d.severity} ${d.message}`)
      .sort();
    const message =
      'eslint-plugin-resilience: settings.resilience.sharedResources[0].guards must be an array of strings (got the string "withOutageFlip"). The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).';
    expect(shown).toEqual([
      `src/a.js:1:1 resilience(no-unguarded-shared-resource) error ${message}`,
      `src/b.js:1:1 resilience(no-unguarded-shared-resource) error ${message}`,
    ]);
  });

  it.each([
    ['guard-shared-resource', ['no-unguarded-shared-resource']],
    ['add-retry-backoff', ['no-unbounded-retry', 'require-retry-backoff']],
    ['add-timeout', ['require-timeout']],
  ])('--fix-suggestions writes the same text as the %s codemod', (transform, ruleNames) => {
    const oxDir = join(project, 'runs', transform, 'oxlint');
    const codemodDir = join(project, 'runs', transform, 'codemod');
    copyApp(oxDir);
    copyApp(codemodDir);
    writeOxlintrc(oxDir, Object.fromEntries(ruleNames.map((name) => [`resilience/${name}`, 'error'])));
    const before = sources(oxDir);

    const ox = run(oxlint, ['--fix-suggestions', 'src'], oxDir);
    expect(ox.stderr).toBe('');
    const codemod = run(join(project, 'node_modules/.bin/resilience'), ['codemod', transform, 'src'], codemodDir);
    expect(codemod.status, codemod.stdout + codemod.stderr).toBe(0);

    const fixed = sources(oxDir);
    expect(fixed).toEqual(sources(codemodDir));
    const changed = Object.keys(fixed).filter((file) => fixed[file] !== before[file]);
    expect(changed.length, 'the comparison covers real rewrites').toBeGreaterThan(0);
  });
});
