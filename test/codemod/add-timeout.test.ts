/**
 * The add-timeout codemod end to end with the real rule: the CLI's
 * `--timeout-ms` flag reaches the rule, the report lists each site, a second
 * run is a no-op, and a site the rule offers no rewrite for is left for a
 * person with the rule's reason.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index';
import addTimeout, { codemod as addTimeoutDefinition } from '../../codemods/add-timeout';
import { run, type RunReport } from '../../src/cli/main';
import { runCodemod } from '../../src/codemod/codemod';

/** An output stream that keeps what is written. */
const capture = () => ({ text: '', isTTY: false, write(chunk: string) { this.text += chunk; return true; } });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SOURCE = `import axios from 'axios';
export const load = (url: string) => fetch(url);
export const list = () => axios.get('/items');
`;

describe('add-timeout', () => {
  it('is registered with its rule and the timeoutMs option', () => {
    expect(codemods['add-timeout']).toBe(addTimeoutDefinition);
    expect(addTimeoutDefinition.ruleIds).toEqual(['require-timeout']);
    expect(addTimeoutDefinition.options.map((o) => o.name)).toEqual(['timeoutMs']);
  });

  it('resilience codemod add-timeout src --timeout-ms 2500 rewrites with that timeout, reports the sites, and reruns as a no-op', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-add-timeout-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/api.ts'), SOURCE);
    writeFileSync(join(dir, 'src/clean.ts'), 'export const answer = 42;\n');
    const argv = ['codemod', 'add-timeout', 'src', '--timeout-ms', '2500', '--no-eslint-config', '--cpus', '1', '--report', 'report.json'];
    const stderr = capture();
    expect(await run(argv, { cwd: dir, stdout: capture(), stderr })).toBe(0);
    expect(stderr.text).toContain('src/api.ts: changed');
    expect(readFileSync(join(dir, 'src/api.ts'), 'utf8')).toBe(`import axios from 'axios';
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(2500) });
export const list = () => axios.get('/items', { timeout: 2500 });
`);
    expect(readFileSync(join(dir, 'src/clean.ts'), 'utf8')).toBe('export const answer = 42;\n');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
    expect(report.transform).toBe('add-timeout');
    expect(report.options).toEqual({ timeoutMs: 2500 });
    expect(report.summary).toMatchObject({ filesChanged: 1, filesUnchanged: 1, filesErrored: 0, sitesRewritten: 2, sitesLeft: 0 });
    const sites = report.files.flatMap((f) => f.rewritten.map((s) => `${s.location} ${s.ruleId}`));
    expect(sites).toEqual(['src/api.ts:2:38 resilience/require-timeout', 'src/api.ts:3:27 resilience/require-timeout']);
    const again = capture();
    expect(await run(['codemod', 'add-timeout', 'src', '--dry', '--no-eslint-config', '--cpus', '1'], { cwd: dir, stdout: again, stderr: capture() })).toBe(0);
    expect(again.text).toBe('');
  });

  it('rejects a --timeout-ms that is not a non-negative integer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-add-timeout-'));
    dirs.push(dir);
    const stderr = capture();
    expect(await run(['codemod', 'add-timeout', '.', '--timeout-ms', '10s'], { cwd: dir, stdout: capture(), stderr })).toBe(2);
    expect(stderr.text).toMatch(/timeoutMs must be a non-negative integer \(got "10s"\)/);
  });

  it('bounds fetch whatever the configured reportFetch (ESLint hands on the rule\'s defaults filled in, reportFetch: false among them)', () => {
    const source = `export const load = (url: string) => fetch(url);\n`;
    for (const configured of [{ timeoutMs: 10000, abortSignalAny: true, reportBrowserUi: false, reportFetch: false }, {}]) {
      const result = runCodemod(addTimeoutDefinition, { source, filePath: 'src/load.ts', configuredRuleOptions: { 'require-timeout': configured } });
      expect(result.output).toBe(`export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000) });\n`);
    }
  });

  it('leaves a site without a rewrite for a person, with the rule\'s reason', () => {
    const source = `export function proxy(url: string) {
  const controller = new AbortController();
  return fetch(url, { signal: controller.signal });
}
`;
    const result = runCodemod(addTimeoutDefinition, {
      source,
      filePath: 'src/proxy.ts',
      configuredRuleOptions: { 'require-timeout': { abortSignalAny: false } },
    });
    expect(result.output).toBeUndefined();
    expect(result.rewritten).toEqual([]);
    expect(result.left.map((s) => `${s.line}:${s.column} ${s.reason}`)).toEqual([
      '3:23 combining the signal with a timeout needs AbortSignal.any, which option abortSignalAny turns off',
    ]);
  });

  it('in a package whose engines.node allows a Node without AbortSignal.timeout, fetch and http.request are left for a person; the rest is rewritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-add-timeout-'));
    dirs.push(dir);
    // The engines-limited fixture package (>=12.10.0, as @grpc/grpc-js declares).
    copyFileSync(new URL('../../fixtures/engines/node-12/package.json', import.meta.url), join(dir, 'package.json'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/api.js'), `import http from 'http';
import axios from 'axios';
export const load = (url) => fetch(url);
export function ping(cb) { http.request('http://example.com/', cb).end(); }
export const list = () => axios.get('/items');
`);
    const stderr = capture();
    expect(await run(['codemod', 'add-timeout', 'src', '--no-eslint-config', '--cpus', '1', '--report', 'report.json'], { cwd: dir, stdout: capture(), stderr })).toBe(0);
    expect(readFileSync(join(dir, 'src/api.js'), 'utf8')).toBe(`import http from 'http';
import axios from 'axios';
export const load = (url) => fetch(url);
export function ping(cb) { http.request('http://example.com/', cb).end(); }
export const list = () => axios.get('/items', { timeout: 10000 });
`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
    const reason = "AbortSignal.timeout needs Node 16.14 (17.3 on 17.x), and the package's engines.node `>=12.10.0` allows older versions; a runtime-independent timeout is a decision for a person";
    expect(report.files.flatMap((f) => f.left.map((s) => `${s.location} ${s.reason}`))).toEqual([`src/api.js:3:30 ${reason}`, `src/api.js:4:28 ${reason}`]);
    expect(report.files.flatMap((f) => f.rewritten.map((s) => s.location))).toEqual(['src/api.js:5:27']);
  });

  it('node-fetch 2 installed in the package gets its own timeout option; an axios request that carries bodies of any size is left for a person', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-add-timeout-'));
    dirs.push(dir);
    // The node-fetch 2 fixture package: no engines.node, node_modules/node-fetch at 2.7.0.
    copyFileSync(new URL('../../fixtures/node-fetch/v2/package.json', import.meta.url), join(dir, 'package.json'));
    mkdirSync(join(dir, 'node_modules/node-fetch'), { recursive: true });
    copyFileSync(new URL('../../fixtures/node-fetch/v2/node_modules/node-fetch/package.json', import.meta.url), join(dir, 'node_modules/node-fetch/package.json'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/api.js'), `const fetch = require('node-fetch');
const axios = require('axios');
exports.load = (url) => fetch(url, { method: 'GET' });
exports.send = ({ url, method, data }) => axios({ url, method, data, maxBodyLength: Infinity });
exports.list = () => axios.get('/items', { maxBodyLength: Infinity });
`);
    const stderr = capture();
    expect(await run(['codemod', 'add-timeout', 'src', '--no-eslint-config', '--cpus', '1', '--report', 'report.json'], { cwd: dir, stdout: capture(), stderr })).toBe(0);
    expect(readFileSync(join(dir, 'src/api.js'), 'utf8')).toBe(`const fetch = require('node-fetch');
const axios = require('axios');
exports.load = (url) => fetch(url, { method: 'GET', timeout: 10000 });
exports.send = ({ url, method, data }) => axios({ url, method, data, maxBodyLength: Infinity });
exports.list = () => axios.get('/items', { maxBodyLength: Infinity, timeout: 10000 });
`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
    expect(report.files.flatMap((f) => f.rewritten.map((s) => s.location))).toEqual(['src/api.js:3:25', 'src/api.js:5:22']);
    expect(report.files.flatMap((f) => f.left.map((s) => `${s.location} ${s.reason}`))).toEqual([
      'src/api.js:4:43 the request carries bodies of any size (maxBodyLength: Infinity), so the right timeout depends on the upload; a decision for a person',
    ]);
  });

  it('node-fetch that cannot be found from the file is left for a person; settings.resilience.nodeFetch names the version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-add-timeout-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src'));
    const source = `import fetch from 'node-fetch';
export const load = (url) => fetch(url);
`;
    writeFileSync(join(dir, 'src/api.js'), source);
    expect(await run(['codemod', 'add-timeout', 'src', '--no-eslint-config', '--cpus', '1', '--report', 'report.json'], { cwd: dir, stdout: capture(), stderr: capture() })).toBe(0);
    expect(readFileSync(join(dir, 'src/api.js'), 'utf8')).toBe(source);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
    expect(report.files.flatMap((f) => f.left.map((s) => `${s.location} ${s.reason}`))).toEqual([
      "src/api.js:2:30 node-fetch cannot be found from this file's directory, so whether the call takes node-fetch 2's `timeout` option or needs node-fetch 3's abort signal is unknown (settings.resilience.nodeFetch names the version)",
    ]);
    // With the version named in an ESLint config's settings, the rewrite follows it.
    writeFileSync(join(dir, 'eslint.config.mjs'), `export default [{ settings: { resilience: { nodeFetch: '2.7.0' } } }];\n`);
    expect(await run(['codemod', 'add-timeout', 'src', '--cpus', '1'], { cwd: dir, stdout: capture(), stderr: capture() })).toBe(0);
    expect(readFileSync(join(dir, 'src/api.js'), 'utf8')).toBe(`import fetch from 'node-fetch';
export const load = (url) => fetch(url, { timeout: 10000 });
`);
  });

  it('the default export is a jscodeshift transform that applies the default timeout', async () => {
    const out = await addTimeout({ path: 'src/a.ts', source: "import { Pool } from 'pg';\nexport const pool = new Pool();\n" }, {}, { eslintConfig: false });
    expect(out).toBe("import { Pool } from 'pg';\nexport const pool = new Pool({ connectionTimeoutMillis: 10000 });\n");
  });
});
