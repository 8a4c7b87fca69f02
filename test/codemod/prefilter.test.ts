/**
 * The codemods do not parse a file in which none of their rules can report
 * (the rules' own text prefilters); a file that is parsed and fails is still
 * an error, and the run's report counts the files that were not parsed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codemod as addRetryBackoff } from '../../codemods/add-retry-backoff';
import { codemod as guardSharedResource } from '../../codemods/guard-shared-resource';
import { run, type RunReport } from '../../src/cli/main';
import { CodemodParseError } from '../../src/codemod/engine';
import { prepareCodemod, runCodemod, runPreparedCodemod } from '../../src/codemod/codemod';
import { testRules } from './test-rules';

const loop = `export async function load(url: string) {
  while (true) {
    try {
      return await fetch(url);
    } catch (e) {
      await sleep(500);
    }
  }
}
`;
const plain = 'export const add = (a: number, b: number) => a + b;\n';
const settings = { resilience: { sharedResources: [{ name: 'shared-fs', match: { modules: ['fs'] }, guards: ['withFlip'] }] } };

describe('the codemod prefilter', () => {
  it('does not parse a file in which no rule of the codemod can report', () => {
    const result = runCodemod(addRetryBackoff, { source: plain, filePath: 'src/add.ts' });
    expect(result).toEqual({ output: undefined, rewritten: [], left: [], prefiltered: true });
    // Proof that it was not parsed: a syntax error in such a file is no error.
    expect(runCodemod(addRetryBackoff, { source: 'const = ;\n', filePath: 'src/broken.ts' }).prefiltered).toBe(true);
  });

  it('parses a file that may hold a site: rewrites it, and a parse failure is still an error', () => {
    const result = runCodemod(addRetryBackoff, { source: loop, filePath: 'src/load.ts' });
    expect(result.prefiltered).toBeUndefined();
    // One rewrite (bound and backoff) for the loop both rules report: the one edit is each rule's own suggestion, so both sites count as rewritten.
    expect(result.rewritten.map((site) => [site.line, site.column, site.ruleId])).toEqual([
      [2, 3, 'resilience/no-unbounded-retry'],
      [2, 3, 'resilience/require-retry-backoff'],
    ]);
    expect(result.output).toBe(`export async function load(url: string) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (e) {
      attempt++;
      if (attempt >= 5) throw e;
      await sleep(Math.max(500, Math.random() * Math.min(10000, 500 * 2 ** (attempt - 1))));
    }
  }
}
`);
    expect(() => runCodemod(addRetryBackoff, { source: 'try { x( } catch {}\n', filePath: 'src/broken.ts' })).toThrow(CodemodParseError);
  });

  it('guard-shared-resource: skips files that name no configured resource, parses those that do', () => {
    const prepared = prepareCodemod(guardSharedResource);
    expect(runPreparedCodemod(prepared, { source: plain, filePath: 'src/add.ts', settings }).prefiltered).toBe(true);
    const touching = "import { readFileSync } from 'fs';\nexport const read = () => readFileSync('/shared/x');\n";
    const result = runPreparedCodemod(prepared, { source: touching, filePath: 'src/read.ts', settings });
    expect(result.prefiltered).toBeUndefined();
    expect(result.left.length + result.rewritten.length).toBe(1);
  });

  it('never skips a file when the settings are invalid, so the configuration error is reported', () => {
    const bad = { resilience: { sharedResources: [{ name: 'x', match: 'fs' }] } };
    const result = runCodemod(guardSharedResource, { source: plain, filePath: 'src/add.ts', settings: bad });
    expect(result.prefiltered).toBeUndefined();
    expect(result.left.map((site) => [site.line, site.column, site.message])).toEqual([
      [
        1,
        1,
        'eslint-plugin-resilience: settings.resilience.sharedResources[0].match must be an object (got the string "fs"). The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).',
      ],
    ]);
  });

  it('applies only to the plugin’s own rules: a codemod with other rules parses every file', () => {
    expect(prepareCodemod({ ...addRetryBackoff, ruleIds: ['test-retry'], options: [] }, {}, testRules).prefilter).toBeNull();
  });
});

describe('the codemod report counts the files that were not parsed', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('in the JSON report and the closing summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-prefilter-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries({ 'src/load.ts': loop, 'src/add.ts': plain, 'src/more.js': 'module.exports = 1;\n' })) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    let out = '';
    const stream = { write: (chunk: string) => ((out += chunk), true) };
    const code = await run(['codemod', 'add-retry-backoff', 'src', '--no-eslint-config', '--report', 'report.json'], { cwd: dir, stdout: stream, stderr: stream });
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
    expect(report.files.map((f) => [f.file, f.status, f.prefiltered ?? false])).toEqual([
      ['src/add.ts', 'unchanged', true],
      ['src/load.ts', 'changed', false],
      ['src/more.js', 'unchanged', true],
    ]);
    expect(report.summary.filesUnchanged).toBe(2);
    expect(report.summary.filesNotParsed).toBe(2);
    expect(out).toMatch(/ {2}of which not parsed \(prefilter\) +2\n/);
  });
});
