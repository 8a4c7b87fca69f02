/**
 * The text prefilters of the retry analysis and of deep-clone recognition are
 * conservative: wherever one says a file cannot contain a finding, the full
 * analysis, run without the prefilter, finds nothing there either. Checked
 * over the benchmark corpus, the fixtures, every code string of the rules'
 * tests and the rule docs' examples, in one parse per file.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles, relativeToRoot } from '../bench/corpus.mjs';
import { CloneDetector, mayContainClone } from '../src/clones/recognise';
import { ImportTracker } from '../src/imports';
import { createRetryAnalysis } from '../src/retry/analysis';
import { mayContainRetry, retryTextHints } from '../src/retry/prefilter';

const root = join(__dirname, '..');
const retryOptions = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10000, unboundedAbove: 1000 };
const cloneFunctions = [['utils', 'deepCopy']];

interface Found {
  handWritten: number;
  libraries: number;
  clones: number;
}

/** What the analyses find with no prefilter: every retry (bounded or not) and every deep clone (hot or not). */
function analysisFindings(code: string, filename: string): Found | null {
  const found: Found = { handWritten: 0, libraries: 0, clones: 0 };
  const retryProbe: TSESLint.RuleModule<'x', []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    create(context) {
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
  const rules = { retry: retryProbe, clone: cloneProbe } as unknown as Record<string, Rule.RuleModule>;
  const messages = new Linter().verify(
    code,
    [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { t: { rules } }, rules: { 't/retry': 'error', 't/clone': 'error' } }],
    filename,
  );
  return messages.some((m) => m.fatal) ? null : found;
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

describe('retryTextHints', () => {
  it.each([
    ['while (true) { try { return await op(); } catch (e) { await sleep(100); } }', true, false],
    ['function load() { return op().then(null, () => load()); }', true, false],
    ["socket.on('close', () => connect());", true, false],
    ['ws.onclose = () => connect();', true, false],
    ['get(url, function (err, body) { if (err) return get(url, done); done(body); });', true, false],
    ['fs.readFile(p, (error /* first */ , data) => { if (null != error) return read(); use(data); });', true, false],
    // An error-first callback whose error is never tested in an `if` takes no failure path.
    ['fs.readFile(p, (error /* first */ , data) => use(data));', false, false],
    ['fs.readFile(p, (err, data) => { if (data) use(data); });', false, false],
    ['for (;;) { const res = await fetch(u); if (res.ok) return res; }', true, false],
    ["import pRetry from 'p-retry';", false, true],
    ['const retry = require("node:async");', false, true],
    ['const a = { ok: 1 }; list.map((x) => x * 2);', false, false],
    // The words in prose (comments, strings) are not the syntax the analysis reads.
    ['// then we catch up: for each ok status\nconst note = "try it, then catch the bus";', false, false],
    ['try { run(); } catch { retry(); }', true, false],
    ['try { run(); } catch /* any */ (e) { retry(); }', true, false],
    ['load().\n  // on failure\n  then(use, () => load());', true, false],
    ['client?.catch(() => connect());', true, false],
    ['do { res = await fetch(u); } while (!res.ok);', true, false],
    ['for await (const res of attempts()) if (res.status === 200) break;', true, false],
    ['for each ok status', false, false],
    ["const mode = kind === 'asynchronous' ? 1 : 2;", false, false],
  ])('%s', (code, handWritten, libraries) => {
    expect(retryTextHints(code)).toEqual({ handWritten, libraries });
    expect(mayContainRetry(code)).toBe(handWritten || libraries);
  });
});

describe('the prefilters never hide a finding', () => {
  it('on the corpus, the fixtures, the rule tests and the rule docs', () => {
    const files: [string, string][] = [
      ...(corpusFiles() as string[]).map((file): [string, string] => [relativeToRoot(file), readFileSync(file, 'utf8')]),
      // Not the real-world ledger's files: its test lints them with the rules, which apply these prefilters
      // before returning listeners, so a finding a prefilter hid would be a ledger line no longer reported.
      ...filesUnder('fixtures'),
      ...['no-unbounded-retry', 'require-retry-backoff', 'no-deep-clone-in-hot-path'].flatMap((rule) => [
        ...codeStrings(`test/rules/${rule}.test.ts`),
        ...docsBlocks(rule),
      ]),
      // The valid cases both retry rules' tests import.
      ...codeStrings('test/rules/retry-shared-valid.ts'),
    ];
    const skipped = { retry: 0, handWritten: 0, libraries: 0, clone: 0 };
    const total: Found = { handWritten: 0, libraries: 0, clones: 0 };
    let parsed = 0;
    for (const [name, code] of files) {
      const found = analysisFindings(code, /\.tsx$/.test(name) ? 'file.tsx' : 'file.ts');
      if (!found) continue;
      parsed++;
      total.handWritten += found.handWritten;
      total.libraries += found.libraries;
      total.clones += found.clones;
      const hints = retryTextHints(code);
      if (!hints.handWritten) {
        skipped.handWritten++;
        expect(found.handWritten, `${name}: hand-written retry behind the prefilter`).toBe(0);
      }
      if (!hints.libraries) {
        skipped.libraries++;
        expect(found.libraries, `${name}: retry-library call behind the prefilter`).toBe(0);
      }
      if (!mayContainRetry(code)) skipped.retry++;
      if (!mayContainClone(code, cloneFunctions)) {
        skipped.clone++;
        expect(found.clones, `${name}: deep clone behind the prefilter`).toBe(0);
      }
    }
    // The check checks something: most files parse, the prefilters skip many, the analyses find many.
    expect(parsed).toBeGreaterThan(2000);
    expect(skipped.retry).toBeGreaterThan(1000);
    expect(skipped.clone).toBeGreaterThan(1000);
    expect(total.handWritten).toBeGreaterThan(100);
    expect(total.libraries).toBeGreaterThan(50);
    expect(total.clones).toBeGreaterThan(50);
  }, 600_000);
});
