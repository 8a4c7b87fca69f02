/**
 * Precision on real code: every report of `recommended` and `strict` over the
 * packages of test/real-world/sources.mjs must have a judged line in
 * test/real-world/ledger.tsv, and every ledger line must still be reported.
 * Prints, per rule and config, reports, TP, FP and precision.
 *
 * With LEDGER_OUT=<file> set (`npm run -s ledger`), writes the ledger as it
 * should read now (judged lines kept, new reports with verdict `?`) to that
 * file instead of checking it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { realWorldFiles, realWorldVersions } from './sources.mjs';
import { compare, ledgerPath, lintRealWorld, type LintResult, mergedLedger, parseLedger, precisionTable, type RealWorldFile, type Report } from './ledger';

const out = process.env.LEDGER_OUT;

/** The whole corpus, both configs in one verify a file: linted once, read by the two tests below. */
let whole: LintResult | undefined;
const wholeRun = (): LintResult => (whole ??= lintRealWorld());

describe('real-world ledger', () => {
  it('matches reports to ledger lines one to one and names what is missing, stale or malformed', () => {
    const ledger = parseLedger(
      [
        '# comment',
        'no-unbounded-retry\tpkg/lib/a.js:10\tboth\tTP\treconnects forever at a fixed 5 s interval',
        'no-unbounded-retry\tpkg/lib/a.js:10\tboth\tFP/TP\tbacked off; strict reports any unbounded retry',
        'require-retry-backoff\tpkg/lib/a.js:20\tstrict\tFP\tthree attempts, 100/200 ms waits',
        'require-retry-backoff\t@scope/pkg/b.js:3\tboth\tmaybe\tx',
      ].join('\n'),
    );
    expect(ledger.errors).toEqual(["ledger.tsv:5: verdict 'maybe' is not TP, FP, ?, FP/TP or TP/FP", 'ledger.tsv:5: a judged line needs a reason']);
    const report = (rule: string, location: string, configs: Report['configs']): Report => ({ rule, location, configs, message: 'Some  message.' });
    const comparison = compare(
      [
        report('no-unbounded-retry', 'pkg/lib/a.js:10', 'both'),
        report('no-unbounded-retry', 'pkg/lib/a.js:10', 'both'),
        report('no-unbounded-retry', 'pkg/lib/a.js:10', 'both'),
        report('require-retry-backoff', 'pkg/lib/a.js:20', 'both'),
      ],
      ledger.lines.slice(0, 3),
    );
    expect(comparison.missing).toEqual([
      'no-unbounded-retry\tpkg/lib/a.js:10\tboth\t?\tSome message.',
      'require-retry-backoff\tpkg/lib/a.js:20\tboth\t?\tSome message.',
    ]);
    expect(comparison.stale.map((line) => line.lineNumber)).toEqual([4]);
    const rows = precisionTable(comparison.matched).filter((row) => row.rule === 'no-unbounded-retry');
    expect(rows).toEqual([
      { rule: 'no-unbounded-retry', config: 'recommended', reports: 2, TP: 1, FP: 1, unjudged: 0, precision: '0.50' },
      { rule: 'no-unbounded-retry', config: 'strict', reports: 2, TP: 2, FP: 0, unjudged: 0, precision: '1.00' },
    ]);
  });

  it('one verify for both configs reports what one verify per config reports (every ledger file, and every 60th file)', () => {
    const ledgerFiles = new Set(parseLedger(readFileSync(ledgerPath, 'utf8')).lines.map((line) => line.location.slice(0, line.location.lastIndexOf(':'))));
    const sample = (realWorldFiles() as RealWorldFile[]).filter((file, i) => i % 60 === 0 || ledgerFiles.has(`${file.pkg}/${file.path}`));
    const sampled = new Set(sample.map((file) => `${file.pkg}/${file.path}`));
    // The one-verify reports are the whole run's (the next test checks them against the ledger), kept for the sample's files.
    const whole = wholeRun();
    const together = whole.reports.filter((report) => sampled.has(report.location.slice(0, report.location.lastIndexOf(':'))));
    const separate = lintRealWorld(sample, 'separate');
    expect(whole.fatal).toEqual([]);
    expect(separate.fatal).toEqual([]);
    // The sample carries reports of four rules (no-unguarded-shared-resource reports nothing on the ledger: no
    // package declares a shared-resource catalog), in both configs and in one only, with their full messages.
    expect(new Set(separate.reports.map((report) => report.rule)).size).toBeGreaterThanOrEqual(4);
    expect(separate.reports.some((report) => report.configs === 'both') && separate.reports.some((report) => report.configs !== 'both')).toBe(true);
    expect(together).toEqual(separate.reports);
  });

  it('every report of recommended and strict is judged in ledger.tsv, and every ledger line is still reported', () => {
    const result = wholeRun();
    const text = existsSync(ledgerPath) ? readFileSync(ledgerPath, 'utf8') : '';
    const ledger = parseLedger(text);
    const comparison = compare(result.reports, ledger.lines);

    console.log(
      `real-world ledger: ${result.files} files, ${result.lines} lines, ${result.reports.length} reports, ` +
        `linted (both configs, one parse a file) in ${(result.millis / 1000).toFixed(1)} s (${(result.cpuMillis / 1000).toFixed(1)} s CPU)\n  ${(realWorldVersions() as string[]).join(' ')}`,
    );
    console.table(precisionTable(comparison.matched));

    if (out) {
      writeFileSync(out, mergedLedger(comparison));
      return;
    }

    // The corpus is really linted: it parses, and it is large enough to mean something.
    expect(result.fatal, 'files that failed to parse').toEqual([]);
    expect(result.files).toBeGreaterThanOrEqual(1000);
    expect(ledger.errors, 'malformed ledger lines').toEqual([]);

    const problems: string[] = [];
    if (comparison.missing.length > 0) {
      problems.push(
        `${comparison.missing.length} report(s) missing from test/real-world/ledger.tsv; add these lines and judge each (TP or FP, with a reason), or run \`npm run -s ledger\`:`,
        ...comparison.missing,
      );
    }
    if (comparison.stale.length > 0) {
      problems.push(
        `${comparison.stale.length} ledger line(s) no longer reported; remove them (or run \`npm run -s ledger\`):`,
        ...comparison.stale.map((line) => `ledger.tsv:${line.lineNumber}: ${line.rule}\t${line.location}\t${line.configs}`),
      );
    }
    const unjudged = comparison.matched.filter((line) => line.verdict === '?');
    if (unjudged.length > 0) {
      problems.push(
        `${unjudged.length} ledger line(s) not judged yet (verdict ?):`,
        ...unjudged.map((line) => `ledger.tsv:${line.lineNumber}: ${line.rule}\t${line.location}\t${line.configs}`),
      );
    }
    expect(problems.join('\n')).toBe('');
    // About 20 s of CPU; no wall-clock limit of its own beyond the suite's hang guard (vitest.config.mts).
  });
});
