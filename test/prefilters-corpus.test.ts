/**
 * The text prefilters are conservative: wherever one says a file cannot
 * contain a finding, the full analysis, run without the prefilter, finds
 * nothing there either. The retry prefilter (hand-written retries and retry
 * libraries), deep-clone recognition's and no-unguarded-shared-resource's,
 * checked together in one parse per text over the benchmark corpus, the
 * fixtures (the legacy app among them), every code string of the retry and
 * clone rules' tests, and the rule docs' examples. The prefilters' own cases:
 * test/prefilters.test.ts and test/resources/prefilter.test.ts.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles, relativeToRoot, runConfig } from '../bench/corpus.mjs';
import { CloneDetector, mayContainClone } from '../src/clones/recognise';
import { ImportTracker } from '../src/imports';
import { SharedResourceCollector } from '../src/resources/analysis';
import { mayTouchResource } from '../src/resources/match';
import { createRetryAnalysis } from '../src/retry/analysis';
import { mayContainRetry, retryTextHints } from '../src/retry/prefilter';
import { parseSettings } from '../src/settings';

const root = join(__dirname, '..');
const retryOptions = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10000, unboundedAbove: 1000 };
const cloneFunctions = [['utils', 'deepCopy']];
const resources = parseSettings({
  sharedResources: [
    { name: 'shared-fs', match: { modules: ['fs/promises', 'fs-extra'], calls: ['uploadStore.*', '*.writeShared'] } },
    { name: 'node-fs', match: { modules: ['node:fs'] } },
    { name: 'http', match: { globals: ['fetch'] } },
  ],
}).sharedResources;

interface Found {
  handWritten: number;
  libraries: number;
  clones: number;
  /** Unguarded accesses per resource name. */
  accesses: Record<string, number>;
}

/** The analyses with no prefilter; `found` is the one text's counts while it is linted. */
let found: Found = { handWritten: 0, libraries: 0, clones: 0, accesses: {} };

const retryProbe: TSESLint.RuleModule<'x', []> = {
  defaultOptions: [],
  meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
  create(context) {
    probesRan++;
    return createRetryAnalysis(context, retryOptions, {
      onRetry: () => found.handWritten++,
      onLibrary: () => found.libraries++,
    }).listeners();
  },
};

const cloneProbe: TSESLint.RuleModule<'x', []> = {
  defaultOptions: [],
  meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
  create(context) {
    probesRan++;
    const clones = new CloneDetector(new ImportTracker(context.sourceCode), cloneFunctions, context.sourceCode.visitorKeys);
    return {
      ImportDeclaration: (node) => clones.collectModuleSource(node.source),
      ImportExpression: (node) => clones.collectModuleSource(node.source),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') clones.collectModuleSource(node.moduleReference.expression);
      },
      CallExpression: (node) => clones.collectCall(node),
      'Program:exit': () => {
        found.clones += clones.resolve().length;
      },
    };
  },
};

const resourceProbe: TSESLint.RuleModule<'x', []> = {
  defaultOptions: [],
  meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
  create(context) {
    probesRan++;
    const collector = new SharedResourceCollector(resources, context.sourceCode, { reportUnknownPaths: true });
    return {
      ImportDeclaration: (node) => collector.onImport(node),
      ImportExpression: (node) => collector.onImport(node),
      TSImportEqualsDeclaration: (node) => collector.onImport(node),
      CallExpression: (node) => collector.onCall(node),
      'MemberExpression[object.type="ThisExpression"]': (node: never) => collector.onThisMember(node),
      'Program:exit'() {
        for (const finding of collector.findings()) found.accesses[finding.access.resource.name] = (found.accesses[finding.access.resource.name] ?? 0) + 1;
      },
    };
  },
};

const rules = { retry: retryProbe, clone: cloneProbe, resource: resourceProbe } as unknown as Record<string, Rule.RuleModule>;
// One normalized config for the run (Linter#verify would rebuild a plain array for every text).
const config = runConfig(
  [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { t: { rules } },
      rules: { 't/retry': 'error', 't/clone': 'error', 't/resource': 'error' },
    },
  ],
  '/',
) as Linter.Config[];
const linter = new Linter({ cwd: '/' });

/** The probes that ran on the current text: a text no config matched would run none and prove nothing. */
let probesRan = 0;

/** What the analyses find in one text with no prefilter, or null when it does not parse. */
function analysisFindings(code: string, filename: string): Found | null {
  found = { handWritten: 0, libraries: 0, clones: 0, accesses: {} };
  probesRan = 0;
  const messages = linter.verify(code, config, `/${filename}`);
  if (messages.some((m) => m.fatal)) return null;
  expect(probesRan, `${filename}: the probes did not run (${messages.map((m) => m.message).join('; ')})`).toBe(3);
  return found;
}

function filesUnder(dir: string): [string, string][] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f))
    .map((f): [string, string] => [`${dir}/${f}`, readFileSync(join(root, dir, f), 'utf8')]);
}

/** Every string and plain template literal of a test file long enough to be code: the valid and invalid cases, the outputs. */
function codeStrings(testFile: string): [string, string][] {
  const text = readFileSync(join(root, testFile), 'utf8');
  const ast = tsParser.parse(text, { range: true, loc: false, tokens: false, comment: false });
  const out: [string, string][] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const n = node as { type?: string; value?: unknown; quasis?: { value: { cooked: string } }[]; expressions?: unknown[] };
    if (n.type === 'Literal' && typeof n.value === 'string' && n.value.length >= 12) out.push([`${testFile} string`, n.value]);
    if (n.type === 'TemplateLiteral' && n.expressions?.length === 0 && (n.quasis?.[0]?.value.cooked.length ?? 0) >= 12) {
      out.push([`${testFile} template`, n.quasis![0]!.value.cooked]);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && key !== 'range') visit(value);
  };
  visit(ast);
  return out;
}

function docsBlocks(rule: string): [string, string][] {
  const docs = readFileSync(join(root, `docs/rules/${rule}.md`), 'utf8');
  return [...docs.matchAll(/```(?:js|ts|javascript|typescript)\n([\s\S]*?)```/g)].map((block, i): [string, string] => [`${rule}.md block ${i}`, block[1]!]);
}

/**
 * The file name a text is parsed under (all with the TypeScript parser): JavaScript and JSX files as
 * `.js` / `.jsx`, TSX as `.tsx`, everything else (TypeScript, .mjs, .cjs, test strings, doc blocks) as `.ts`.
 */
function parseName(name: string): string {
  if (/\.tsx$/.test(name)) return 'file.tsx';
  if (/\.jsx$/.test(name)) return 'file.jsx';
  if (/\.js$/.test(name)) return 'file.js';
  return 'file.ts';
}

describe('the prefilters never hide a finding', () => {
  it('on the corpus, the fixtures, the rule tests and the rule docs', () => {
    const texts: [string, string][] = [
      ...(corpusFiles() as string[]).map((file): [string, string] => [relativeToRoot(file), readFileSync(file, 'utf8')]),
      // Not the real-world ledger's files: its test lints them with the rules, which apply these prefilters
      // before returning listeners, so a finding a prefilter hid would be a ledger line no longer reported.
      ...filesUnder('fixtures'),
      ...['no-unbounded-retry', 'require-retry-backoff', 'no-deep-clone-in-hot-path'].flatMap((rule) => codeStrings(`test/rules/${rule}.test.ts`)),
      // The valid cases both retry rules' tests import.
      ...codeStrings('test/rules/retry-shared-valid.ts'),
      ...['no-unbounded-retry', 'require-retry-backoff', 'no-deep-clone-in-hot-path', 'no-unguarded-shared-resource'].flatMap(docsBlocks),
    ];
    const skipped = { retry: 0, handWritten: 0, libraries: 0, clone: 0, resource: 0 };
    const total = { handWritten: 0, libraries: 0, clones: 0, accesses: 0 };
    let parsed = 0;
    for (const [name, code] of texts) {
      const result = analysisFindings(code, parseName(name));
      if (!result) continue;
      parsed++;
      total.handWritten += result.handWritten;
      total.libraries += result.libraries;
      total.clones += result.clones;
      const hints = retryTextHints(code);
      if (!hints.handWritten) {
        skipped.handWritten++;
        expect(result.handWritten, `${name}: hand-written retry behind the prefilter`).toBe(0);
      }
      if (!hints.libraries) {
        skipped.libraries++;
        expect(result.libraries, `${name}: retry-library call behind the prefilter`).toBe(0);
      }
      if (!mayContainRetry(code)) skipped.retry++;
      if (!mayContainClone(code, cloneFunctions)) {
        skipped.clone++;
        expect(result.clones, `${name}: deep clone behind the prefilter`).toBe(0);
      }
      for (const resource of resources) {
        if (result.accesses[resource.name]) total.accesses++;
        if (!mayTouchResource(resource, code)) {
          skipped.resource++;
          expect(result.accesses[resource.name] ?? 0, `${name}: ${resource.name} access behind the prefilter`).toBe(0);
        }
      }
    }
    // The check checks something: most texts parse, the prefilters skip many, the analyses find many.
    expect(parsed).toBeGreaterThan(2000);
    expect(skipped.retry).toBeGreaterThan(1000);
    expect(skipped.clone).toBeGreaterThan(1000);
    expect(skipped.resource).toBeGreaterThan(1000);
    expect(total.handWritten).toBeGreaterThan(100);
    expect(total.libraries).toBeGreaterThan(50);
    expect(total.clones).toBeGreaterThan(50);
    expect(total.accesses).toBeGreaterThan(10);
    console.log(`prefilters: ${texts.length} texts, ${parsed} parsed; skipped ${JSON.stringify(skipped)}; found ${JSON.stringify(total)}`);
  });
});
