/**
 * The text prefilter of no-unguarded-shared-resource is conservative:
 * wherever it says a file cannot touch a resource, the full analysis, run
 * without the prefilter, finds no unguarded access there either.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles, relativeToRoot } from '../../bench/corpus.mjs';
import { SharedResourceCollector } from '../../src/resources/analysis';
import { mayTouchResource } from '../../src/resources/match';
import { parseSettings } from '../../src/settings';

const settings = parseSettings({
  sharedResources: [
    { name: 'shared-fs', match: { modules: ['fs/promises', 'fs-extra'], calls: ['uploadStore.*', '*.writeShared'] } },
    { name: 'node-fs', match: { modules: ['node:fs'] } },
    { name: 'http', match: { globals: ['fetch'] } },
  ],
});

/** Unguarded accesses per resource, found by the analysis alone (no prefilter). */
function analysisFindings(code: string, filename: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const probe: TSESLint.RuleModule<'x', []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    create(context) {
      const collector = new SharedResourceCollector(settings.sharedResources, context.sourceCode, { reportUnknownPaths: true });
      return {
        ImportDeclaration: (node) => collector.onImport(node),
        ImportExpression: (node) => collector.onImport(node),
        TSImportEqualsDeclaration: (node) => collector.onImport(node),
        CallExpression: (node) => collector.onCall(node),
        'MemberExpression[object.type="ThisExpression"]': (node: never) => collector.onThisMember(node),
        'Program:exit'() {
          for (const finding of collector.findings()) counts[finding.access.resource.name] = (counts[finding.access.resource.name] ?? 0) + 1;
        },
      };
    },
  };
  const messages = new Linter().verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { t: { rules: { probe: probe as unknown as Rule.RuleModule } } }, rules: { 't/probe': 'error' } }],
    filename,
  );
  if (messages.some((m) => m.fatal)) return {};
  return counts;
}

describe('mayTouchResource', () => {
  const [sharedFs, nodeFs, http] = settings.sharedResources as [never, never, never];

  it.each([
    ["import { readFile } from 'fs/promises';", sharedFs, true],
    ["import fs from 'fs'; fs.promises.readFile(p);", sharedFs, true],
    ['const fs = require("node:fs/promises");', sharedFs, true],
    ["const x = await import(`fs-extra`);", sharedFs, true],
    ['this.uploadStore.put(file);', sharedFs, true],
    ['store.writeShared(file);', sharedFs, true],
    ["import fs from 'fs';", nodeFs, true],
    ['await fetch(url);', http, true],
    ['const offset = buffer.readUInt8(0); // refs, diffs', sharedFs, false],
    ["import path from 'path'; path.join(a, b);", nodeFs, false],
    ['store.put(file);', sharedFs, false],
  ])('%s -> %s', (code, resource, expected) => {
    expect(mayTouchResource(resource, code)).toBe(expected);
  });
});

describe('the prefilter never hides a finding', () => {
  it('on the corpus, the legacy app and the rule docs examples', () => {
    const root = join(__dirname, '../..');
    const files: [string, string][] = [
      ...(corpusFiles() as string[]).map((file): [string, string] => [relativeToRoot(file), readFileSync(file, 'utf8')]),
      ...readdirSync(join(root, 'fixtures/legacy-app/src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f): [string, string] => [f, readFileSync(join(root, 'fixtures/legacy-app/src', f), 'utf8')]),
    ];
    const docs = readFileSync(join(root, 'docs/rules/no-unguarded-shared-resource.md'), 'utf8');
    for (const [i, block] of [...docs.matchAll(/```(?:js|ts|javascript|typescript)\n([\s\S]*?)```/g)].entries()) files.push([`docs block ${i}`, block[1]!]);
    let filtered = 0;
    let found = 0;
    for (const [name, code] of files) {
      const findings = analysisFindings(code, name.endsWith('.js') ? 'file.js' : 'file.ts');
      for (const resource of settings.sharedResources) {
        if (findings[resource.name]) found++;
        if (!mayTouchResource(resource, code)) {
          filtered++;
          expect(findings[resource.name] ?? 0, `${name}: ${resource.name}`).toBe(0);
        }
      }
    }
    expect(filtered).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(10);
  });
});
