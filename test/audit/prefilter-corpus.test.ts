/**
 * The audit's prefilter changes which files are parsed, never what is found:
 * on whole packages of the real corpus (those where the bench catalog's
 * findings have chains across files), the audit with the prefilter gives the
 * same findings, chains, access counts and exit code as with every file
 * parsed, and lists no error the run without it does not list. The whole
 * corpus: `npm run build && node bench/audit-prefilter.mjs`.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { comparePrefilter, packageOf } from '../../bench/audit-prefilter.mjs';
// @ts-expect-error -- plain ESM module without types
import { benchFiles } from '../../bench/corpus.mjs';
import { runAudit } from '../../src/audit/run';

const PACKAGES = new Set([
  '@node-red/registry',
  '@node-red/runtime',
  '@node-red/nodes',
  '@seald-io/nedb',
  'discord-webhook-node',
  'eslint',
  'jscodeshift',
  'mongodb',
  'pino',
  'postcss',
  'winston',
]);

describe('resilience audit: the prefilter on real packages', () => {
  it('finds the same as with every file parsed', async () => {
    const files = (benchFiles() as string[]).filter((file) => PACKAGES.has(packageOf(file)));
    const { withPrefilter, without, differences } = await comparePrefilter({ runAudit, files });
    expect(differences).toEqual([]);
    const report = withPrefilter.report;
    const crossFile = report.findings.filter((f: { paths: { file: string }[][] }) => f.paths.some((path) => new Set(path.map((s) => s.file)).size > 1));
    // The comparison has something to compare: findings with chains across files, and files left out.
    expect(crossFile.length).toBeGreaterThanOrEqual(20);
    expect(report.summary.filesNotParsed).toBeGreaterThan(50);
    expect(without.report.summary.filesNotParsed).toBe(0);
    // Every file parsed in the run without the prefilter, none skipped for an error of ours.
    expect(without.report.summary.filesSkipped.filter((s: { reason: string }) => s.reason.startsWith('internal error'))).toEqual([]);
  }, 240_000);
});
