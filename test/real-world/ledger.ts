/**
 * The real-world ledger: lints the files of test/real-world/sources.mjs with
 * the plugin's `recommended` and `strict` configs and compares every report
 * with test/real-world/ledger.tsv. Each file is parsed once: the strict rules
 * run beside the recommended ones under a second plugin name.
 *
 * Ledger format: tab-separated, one line per report, `#` starts a comment.
 *   rule      rule name without the `resilience/` prefix
 *   location  package/path:line (path relative to the package root)
 *   configs   which configs report it there: `both`, `recommended` or `strict`
 *   verdict   TP, FP, or ? (not judged yet: fails the test); on a `both` line,
 *             `FP/TP` (or `TP/FP`) gives the recommended and the strict
 *             verdict apart, for a report that only strict's stricter
 *             option makes right (e.g. an unbounded retry that backs off)
 *   reason    one line, as a reviewer would write it
 * Two reports of one rule on one line need two ledger lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
// @ts-expect-error -- plain ESM module without types
import { runConfig } from '../../bench/corpus.mjs';
import plugin from '../../src/index';
import { nodeEngines } from '../../src/timeout/engines';
import { nodeFetchVersion } from '../../src/timeout/node-fetch';
// @ts-expect-error -- plain ESM module without types
import { realWorldFiles, realWorldSources } from './sources.mjs';

export const ledgerPath = join(__dirname, 'ledger.tsv');

export type ConfigName = 'recommended' | 'strict';
export const configNames: ConfigName[] = ['recommended', 'strict'];
type Configs = 'both' | ConfigName;
type Verdict = 'TP' | 'FP' | '?' | 'FP/TP' | 'TP/FP';

/** The verdict of a ledger line for one config. */
export function verdictFor(line: { verdict: Verdict }, config: ConfigName): 'TP' | 'FP' | '?' {
  if (line.verdict === 'FP/TP' || line.verdict === 'TP/FP') {
    const [recommended, strict] = line.verdict.split('/') as ('TP' | 'FP')[];
    return config === 'recommended' ? recommended : strict;
  }
  return line.verdict;
}

export interface RealWorldFile {
  pkg: string;
  file: string;
  path: string;
  sourceType: 'commonjs' | 'module' | 'script';
  typescript: boolean;
}

export interface Report {
  rule: string;
  location: string;
  configs: Configs;
  message: string;
}

export interface LedgerLine {
  rule: string;
  location: string;
  configs: Configs;
  verdict: Verdict;
  reason: string;
  lineNumber: number;
}

/** Files are linted under a virtual root so no default ignore (node_modules) applies. */
const virtualRoot = '/real-world';

export function configArray(config: ConfigName, file: RealWorldFile): Linter.Config[] {
  const languageOptions: Linter.LanguageOptions = file.typescript
    ? { parser: tsParser as Linter.Parser, sourceType: 'module' }
    : { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: file.sourceType };
  // The packages' own eslint-disable comments name rules that are not loaded
  // here and could silence ours: inline configuration is ignored.
  // Files are linted under a virtual path, so the package's engines.node (which
  // require-timeout's AbortSignal.timeout suggestions follow) comes from the
  // real file through settings.resilience.node.
  const node = nodeEngines(file.file);
  // The same for the node-fetch version the file resolves to (require-timeout's
  // node-fetch suggestions follow it): from the real file, through settings.resilience.nodeFetch.
  const nodeFetch = nodeFetchVersion(file.file);
  const resilience = { ...(node !== null ? { node } : {}), ...(nodeFetch !== null ? { nodeFetch } : {}) };
  return [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'],
      languageOptions,
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      ...(plugin.configs[config] as Linter.Config),
      ...(Object.keys(resilience).length > 0 ? { settings: { resilience } } : {}),
    },
  ];
}

export interface LintResult {
  reports: Report[];
  files: number;
  lines: number;
  fatal: string[];
  millis: number;
  /** CPU time of the linting (user + system), which other processes on the machine do not inflate. */
  cpuMillis: number;
}

/** The plugin name the strict config's rules run under in `lintRealWorld`, beside `resilience` for recommended. */
const strictName = 'resilience-strict';

/**
 * Both configs in one config for one verify (one parse) per file: the
 * recommended rules as `resilience/*`, the strict rules and options as
 * `resilience-strict/*` (the same rule modules). Rules that share a per-file
 * analysis share it only where their analysis options agree, so each rule
 * reports what it reports alone (test/real-world/ledger.test.ts checks this on
 * a sample against one verify per config).
 */
export function bothConfigs(file: RealWorldFile): Linter.Config[] {
  const [recommended] = configArray('recommended', file);
  const strictRules = Object.entries((plugin.configs.strict as Linter.Config).rules ?? {}).map(([id, entry]) => [id.replace(/^resilience\//, `${strictName}/`), entry]);
  return [{ ...recommended, plugins: { resilience: plugin as never, [strictName]: plugin as never }, rules: { ...recommended!.rules, ...Object.fromEntries(strictRules) } }];
}

/** The messages of one file for each config, by one verify per config (`separate`) or one for both. */
export function lintFile(linter: Linter, code: string, file: RealWorldFile, config: Linter.Config[] | { recommended: Linter.Config[]; strict: Linter.Config[] }): Record<ConfigName, Linter.LintMessage[]> {
  const filename = `${virtualRoot}/${file.pkg}/${file.path}`;
  if (!Array.isArray(config)) {
    return { recommended: linter.verify(code, config.recommended, filename), strict: linter.verify(code, config.strict, filename) };
  }
  const out: Record<ConfigName, Linter.LintMessage[]> = { recommended: [], strict: [] };
  for (const message of linter.verify(code, config as Linter.Config[], filename)) {
    if (message.ruleId?.startsWith(`${strictName}/`)) out.strict.push({ ...message, ruleId: `resilience/${message.ruleId.slice(strictName.length + 1)}` });
    // The recommended rules' messages, and a parse error or a notice, which belongs to the file and is listed once.
    else out.recommended.push(message);
  }
  return out;
}

/** Lints every ledger file with both configs (one parse per file); reports merged across configs. */
export function lintRealWorld(files: RealWorldFile[] = realWorldFiles(), mode: 'together' | 'separate' = 'together'): LintResult {
  const linter = new Linter({ cwd: virtualRoot });
  // One normalized config array per kind of file, as the eslint binary has: given a plain array,
  // Linter#verify would normalize and validate the whole config again for every file.
  const arrays = new Map<string, Linter.Config[] | { recommended: Linter.Config[]; strict: Linter.Config[] }>();
  const arrayFor = (file: RealWorldFile) => {
    const key = `${file.typescript ? 'ts' : file.sourceType}:${nodeEngines(file.file) ?? ''}:${nodeFetchVersion(file.file) ?? ''}`;
    let array = arrays.get(key);
    if (!array) {
      array =
        mode === 'together'
          ? (runConfig(bothConfigs(file), virtualRoot) as Linter.Config[])
          : { recommended: runConfig(configArray('recommended', file), virtualRoot) as Linter.Config[], strict: runConfig(configArray('strict', file), virtualRoot) as Linter.Config[] };
      arrays.set(key, array);
    }
    return array;
  };
  const reports: Report[] = [];
  const fatal: string[] = [];
  let lines = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const file of files) {
    const code = readFileSync(file.file, 'utf8');
    lines += code.split('\n').length;
    const byConfig = lintFile(linter, code, file, arrayFor(file));
    const byKey = new Map<string, { recommended: Linter.LintMessage[]; strict: Linter.LintMessage[] }>();
    for (const config of configNames) {
      for (const message of byConfig[config]) {
        // The notice that a package's eslint-disable comment is ignored.
        if (!message.fatal && !message.ruleId && message.message.includes("because you have 'noInlineConfig'")) continue;
        // A parse error, or "No matching configuration": the file was not linted.
        if (message.fatal || !message.ruleId) {
          fatal.push(`${config} ${file.pkg}/${file.path}:${message.line}: ${message.message}`);
          continue;
        }
        const key = `${message.ruleId}\t${message.line}`;
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, (entry = { recommended: [], strict: [] }));
        entry[config].push(message);
      }
    }
    for (const [key, entry] of byKey) {
      const [ruleId, line] = key.split('\t');
      const rule = ruleId.replace(/^resilience\//, '');
      const location = `${file.pkg}/${file.path}:${line}`;
      const count = Math.max(entry.recommended.length, entry.strict.length);
      for (let i = 0; i < count; i++) {
        const inRecommended = i < entry.recommended.length;
        const inStrict = i < entry.strict.length;
        const configs: Configs = inRecommended && inStrict ? 'both' : inRecommended ? 'recommended' : 'strict';
        const message = (entry.strict[i] ?? entry.recommended[i]).message;
        reports.push({ rule, location, configs, message });
      }
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { reports, files: files.length, lines, fatal, millis: performance.now() - started, cpuMillis: (cpu.user + cpu.system) / 1000 };
}

export function parseLedger(text: string): { lines: LedgerLine[]; errors: string[] } {
  const lines: LedgerLine[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fields = raw.split('\t');
    const [rule, location, configs, verdict, reason] = fields;
    const where = `ledger.tsv:${lineNumber}`;
    if (fields.length !== 5) {
      errors.push(`${where}: expected 5 tab-separated fields (rule, location, configs, verdict, reason), found ${fields.length}`);
      return;
    }
    if (!(rule in plugin.rules)) errors.push(`${where}: unknown rule '${rule}'`);
    if (!/^.+:\d+$/.test(location)) errors.push(`${where}: location '${location}' is not package/path:line`);
    if (!['both', 'recommended', 'strict'].includes(configs)) errors.push(`${where}: configs '${configs}' is not both, recommended or strict`);
    if (!['TP', 'FP', '?', 'FP/TP', 'TP/FP'].includes(verdict)) errors.push(`${where}: verdict '${verdict}' is not TP, FP, ?, FP/TP or TP/FP`);
    if (verdict.includes('/') && configs !== 'both') errors.push(`${where}: a split verdict (${verdict}) needs configs 'both'`);
    if (verdict !== '?' && reason.trim().length < 10) errors.push(`${where}: a judged line needs a reason`);
    lines.push({ rule, location, configs: configs as Configs, verdict: verdict as Verdict, reason, lineNumber });
  });
  return { lines, errors };
}

const keyOf = (entry: { rule: string; location: string; configs: string }) => `${entry.rule}\t${entry.location}\t${entry.configs}`;

export interface Comparison {
  /** Reports with no ledger line, as ledger lines to add (verdict `?`, the message as a hint). */
  missing: string[];
  /** Ledger lines with no report. */
  stale: LedgerLine[];
  /** Ledger lines matched by a report. */
  matched: LedgerLine[];
}

export function compare(reports: Report[], ledger: LedgerLine[]): Comparison {
  const available = new Map<string, LedgerLine[]>();
  for (const line of ledger) {
    const list = available.get(keyOf(line)) ?? [];
    list.push(line);
    available.set(keyOf(line), list);
  }
  const missing: string[] = [];
  const matched: LedgerLine[] = [];
  for (const report of reports) {
    const line = available.get(keyOf(report))?.shift();
    if (line) matched.push(line);
    else missing.push(`${keyOf(report)}\t?\t${report.message.replace(/\s+/g, ' ')}`);
  }
  const stale = [...available.values()].flat().sort((a, b) => a.lineNumber - b.lineNumber);
  return { missing, stale, matched };
}

export interface TableRow {
  rule: string;
  config: ConfigName;
  reports: number;
  TP: number;
  FP: number;
  unjudged: number;
  precision: string;
}

/** Per rule and config: reports, TP, FP and precision over the matched ledger lines. */
export function precisionTable(matched: LedgerLine[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const rule of Object.keys(plugin.rules).sort()) {
    for (const config of configNames) {
      const lines = matched.filter((line) => line.rule === rule && (line.configs === 'both' || line.configs === config));
      const TP = lines.filter((line) => verdictFor(line, config) === 'TP').length;
      const FP = lines.filter((line) => verdictFor(line, config) === 'FP').length;
      rows.push({
        rule,
        config,
        reports: lines.length,
        TP,
        FP,
        unjudged: lines.length - TP - FP,
        precision: TP + FP === 0 ? 'n/a' : (TP / (TP + FP)).toFixed(2),
      });
    }
  }
  return rows;
}

const packageOrder = new Map<string, number>(
  (realWorldSources as { pkg: string }[]).map((source, index) => [source.pkg, index]),
);

function sortKey(line: { location: string; rule: string; configs: string }) {
  const match = /^(@[^/]+\/[^/]+|[^/]+)\/(.+):(\d+)$/.exec(line.location);
  if (!match) return [Number.MAX_SAFE_INTEGER, line.location, 0, line.rule, line.configs] as const;
  return [packageOrder.get(match[1]) ?? Number.MAX_SAFE_INTEGER, match[2], Number(match[3]), line.rule, line.configs] as const;
}

function byLocation(a: { location: string; rule: string; configs: string }, b: typeof a): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}

export const ledgerHeader = [
  '# Real-world ledger: every report of the recommended and strict configs over test/real-world/sources.mjs.',
  '# Columns (tab-separated): rule, package/path:line, configs reporting it (both | recommended | strict), verdict, reason.',
  '# Verdict: TP or FP; on a `both` line FP/TP (or TP/FP) gives the recommended and the strict verdict apart.',
  '# Regenerate the report lines with `npm run -s ledger` (judged lines are kept, new ones get the verdict ?).',
];

/** The ledger as it should read now: judged lines kept, new reports added with `?`, stale lines dropped. */
export function mergedLedger(comparison: Comparison): string {
  const entries: { rule: string; location: string; configs: string; text: string }[] = [];
  for (const line of comparison.matched) {
    entries.push({ ...line, text: [line.rule, line.location, line.configs, line.verdict, line.reason].join('\t') });
  }
  for (const text of comparison.missing) {
    const [rule, location, configs] = text.split('\t');
    entries.push({ rule, location, configs, text });
  }
  entries.sort(byLocation);
  return [...ledgerHeader, ...entries.map((entry) => entry.text)].join('\n') + '\n';
}
