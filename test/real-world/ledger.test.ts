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
import { realWorldVersions } from './sources.mjs';
import { compare, ledgerPath, lintRealWorld, mergedLedger, parseLedger, precisionTable } from './ledger';

const out = process.env.LEDGER_OUT;

describe('real-world ledger', () => {
  it('every report of recommended and strict is judged in ledger.tsv, and every ledger line is still reported', () => {
    const result = lintRealWorld();
    const text = existsSync(ledgerPath) ? readFileSync(ledgerPath, 'utf8') : '';
    const ledger = parseLedger(text);
    const comparison = compare(result.reports, ledger.lines);

    console.log(
      `real-world ledger: ${result.files} files, ${result.lines} lines, ${result.reports.length} reports, ` +
        `linted twice in ${(result.millis / 1000).toFixed(1)} s (${(result.cpuMillis / 1000).toFixed(1)} s CPU)\n  ${(realWorldVersions() as string[]).join(' ')}`,
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
  });
});
