/**
 * Shared by test/codemod/corpus-properties-*.test.ts (one file per transform,
 * so the two run in parallel workers). The codemod properties on real third-party code, with the real rules: both
 * transforms over every sixth file of the corpus (a few hundred files, JS and
 * TS), the legacy app and the fixture inputs. Every output parses; a file with no rewrite comes back unchanged
 * (undefined, so the CLI leaves it byte-identical); the lines before the
 * first and after the last changed line are untouched; a second run changes
 * nothing; afterwards the rules report exactly the sites listed as left for a
 * person.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles, relativeToRoot } from '../../bench/corpus.mjs';
import { codemods } from '../../codemods/index';
import { runCodemod } from '../../src/codemod/codemod';
import { lint } from './lint';

const settings = {
  resilience: {
    sharedResources: [
      {
        name: 'shared-fs',
        match: { modules: ['fs', 'fs/promises'] },
        guards: ['withOutageFlip'],
        fix: { wrap: "withOutageFlip('shared-fs', () => $CALL)", import: { named: 'withOutageFlip', from: './src/lib/outage-flips' } },
      },
    ],
  },
};

// Library code has few hand-written retries, so the legacy app and the
// codemod fixture inputs join the sample: both transforms meet real rewrites.
const root = join(__dirname, '../..');
const projectFiles = [
  ...readdirSync(join(root, 'fixtures/legacy-app/src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'fixtures/legacy-app/src', f)),
  ...['add-retry-backoff', 'add-timeout', 'guard-shared-resource'].flatMap((t) =>
    readdirSync(join(root, 'fixtures/codemods', t)).filter((f) => f.includes('.input.')).map((f) => join(root, 'fixtures/codemods', t, f)),
  ),
];
export const files: string[] = [...(corpusFiles() as string[]).filter((_, i) => i % 6 === 0), ...projectFiles];

function ruleNamesOf(transform: string): string[] {
  return codemods[transform]!.ruleIds.map((id) => id.replace('resilience/', ''));
}

/** Runs `transform` over every file of the sample and checks every property. */
export function checkCorpusProperties(transform: string): void {
  let changed = 0;
  for (const file of files) {
    const where = relativeToRoot(file);
    const source = readFileSync(file, 'utf8');
    const filePath = `/project/src/${where.replace(/^(node_modules|fixtures)\//, '')}`;
    const filename = filePath.slice('/project/'.length);
    if (lint(source, { filename, ruleNames: [] }).some((m) => m.fatal)) continue; // not valid for its parser
    const result = runCodemod(codemods[transform]!, { source, filePath, options: {}, settings, cwd: '/project' });
    const after = lint(result.output ?? source, { filename, settings, ruleNames: ruleNamesOf(transform) });
    expect(after.filter((m) => m.fatal), `${where}: output parses`).toEqual([]);
    expect(
      after.filter((m) => m.ruleId?.startsWith('resilience/')).map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort(),
      `${where}: only the sites left for a person remain`,
    ).toEqual(result.left.map((s) => `${s.line}:${s.column} ${s.ruleId}`).sort());
    if (result.output === undefined) {
      expect(result.rewritten, `${where}: nothing rewritten means no output`).toEqual([]);
      continue;
    }
    changed++;
    expect(result.output).not.toBe(source);
    const before = source.split('\n');
    const out = result.output.split('\n');
    let head = 0;
    while (head < before.length && before[head] === out[head]) head++;
    let tail = 0;
    while (tail < before.length - head && before[before.length - 1 - tail] === out[out.length - 1 - tail]) tail++;
    const firstSite = Math.min(...result.rewritten.map((s) => s.line));
    // Only the import block and the rewritten sites change: every line before the
    // first change is either an import or above the first rewritten site.
    expect(head + 1, `${where}: lines above the first site are untouched`).toBeGreaterThanOrEqual(Math.min(firstSite, importBlockEnd(before)));
    const again = runCodemod(codemods[transform]!, { source: result.output, filePath, options: {}, settings, cwd: '/project' });
    expect(again.output, `${where}: a second run changes nothing`).toBeUndefined();
  }
  // The property checks ran on real rewrites, not only on untouched files.
  expect(changed).toBeGreaterThan(0);
}

/** 1-based line after which a new import would go: the last top-level import or require line near the top. */
function importBlockEnd(lines: string[]): number {
  let last = 1;
  for (let i = 0; i < Math.min(lines.length, 200); i++) {
    if (/^(import\s|const .*= require\(|.*require\(['"])/.test(lines[i]!)) last = i + 1;
  }
  return last;
}
