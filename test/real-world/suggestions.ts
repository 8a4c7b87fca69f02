/**
 * The real-code suggestion ledger: for every true positive of
 * test/real-world/ledger.tsv, the site is linted with the config the verdict
 * is for, the first suggestion is applied, and the rewritten hunk is kept in
 * test/real-world/suggestions.md with a review verdict (would a reviewer
 * accept it as a pull request?). A true positive without a suggestion is
 * listed with the rule's "No quick fix" reason.
 *
 * suggestions.md format (written by `npm run -s suggestions`; only the
 * `- Review:` lines are written by hand):
 *   ## <rule> · <package/path:line> · <configs>       one section per TP
 *   - Linted with: recommended | strict
 *   - Site: `<the reported line>`
 *   - Suggestion: <the suggestion's text>   or   - No suggestion: <reason>
 *   - After the edit: <does the output parse, is the site still reported>
 *   - Review: accept | reject | ? — <one-line reason>   (sections with a suggestion)
 *   ```diff … ```                                        the unified hunk(s), 3 lines of context
 * A section's review is kept by a regeneration only while its suggestion and
 * hunk are unchanged; otherwise it becomes `?` (to review again).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { Linter } from 'eslint';
import { noQuickFixReason } from '../../src/fix/no-fix';
// @ts-expect-error -- plain ESM module without types
import { realWorldFiles } from './sources.mjs';
import { configArray, ledgerPath, parseLedger, verdictFor, type ConfigName, type LedgerLine, type RealWorldFile } from './ledger';

export const suggestionsPath = join(__dirname, 'suggestions.md');

const virtualRoot = '/real-world';

export interface SuggestionEntry {
  rule: string;
  location: string;
  configs: string;
  /** The config the TP verdict is for, and the one linted. */
  config: ConfigName;
  /** The reported line's text (trimmed, at most 120 characters), or null when the file is gone. */
  site: string | null;
  /** The suggestion's text, or null when the rule offers none. */
  suggestion: string | null;
  /** Why there is no suggestion (the rule's "No quick fix" reason), when there is none. */
  noFix: string | null;
  /** What linting the rewritten file says. */
  after: string | null;
  /** The unified hunks of the edit, without file headers. */
  diff: string | null;
  /** `accept — reason`, `reject — reason` or `?`. */
  review: string;
}

/** The config a TP line is judged true for: recommended when it is TP there, else strict. */
function tpConfig(line: LedgerLine): ConfigName | null {
  if (line.configs !== 'strict' && verdictFor(line, 'recommended') === 'TP') return 'recommended';
  if (line.configs !== 'recommended' && verdictFor(line, 'strict') === 'TP') return 'strict';
  return null;
}

function splitLocation(location: string): { file: string; line: number } {
  const at = location.lastIndexOf(':');
  return { file: location.slice(0, at), line: Number(location.slice(at + 1)) };
}

function applyFix(text: string, fix: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** The hunks of `before` -> `after`, `@@` lines and body only. */
function hunks(before: string, after: string): string {
  const patch = structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3 });
  return patch.hunks
    .map((hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join('\n'))
    .join('\n');
}

/** One entry per TP line of the ledger, in ledger order (reviews are `?`; `mergeReviews` brings back the recorded ones). */
export function buildSuggestionLedger(): SuggestionEntry[] {
  const ledger = parseLedger(readFileSync(ledgerPath, 'utf8'));
  const files = new Map<string, RealWorldFile>((realWorldFiles() as RealWorldFile[]).map((file) => [`${file.pkg}/${file.path}`, file]));
  const linter = new Linter({ cwd: virtualRoot });
  const cache = new Map<string, Linter.LintMessage[]>();
  const lint = (code: string, config: ConfigName, file: RealWorldFile) => linter.verify(code, configArray(config, file), `${virtualRoot}/${file.pkg}/${file.path}`);
  const entries: SuggestionEntry[] = [];
  // Two TP lines of one rule on one line take that line's reports in order.
  const taken = new Map<string, number>();
  for (const line of ledger.lines) {
    const config = tpConfig(line);
    if (!config) continue;
    const { file: key, line: lineNumber } = splitLocation(line.location);
    const base = { rule: line.rule, location: line.location, configs: line.configs, config, review: '?' };
    const file = files.get(key);
    if (!file) {
      entries.push({ ...base, site: null, suggestion: null, noFix: `the file is not in the corpus (test/real-world/sources.mjs)`, after: null, diff: null });
      continue;
    }
    const code = readFileSync(file.file, 'utf8');
    const bom = code.startsWith('\uFEFF') ? '\uFEFF' : '';
    const text = code.slice(bom.length);
    const siteText = (text.split(/\r?\n/)[lineNumber - 1] ?? '').trim();
    const site = siteText.length <= 120 ? siteText : `${siteText.slice(0, 119)}…`;
    const cacheKey = `${config}\t${key}`;
    let messages = cache.get(cacheKey);
    if (!messages) cache.set(cacheKey, (messages = lint(text, config, file)));
    const here = messages.filter((message) => message.ruleId === `resilience/${line.rule}` && message.line === lineNumber);
    const takenKey = `${config}\t${line.rule}\t${line.location}`;
    const index = taken.get(takenKey) ?? 0;
    taken.set(takenKey, index + 1);
    const message = here[index];
    if (!message) {
      entries.push({ ...base, site, suggestion: null, noFix: `not reported by ${config} any more (run \`npm run -s ledger\`)`, after: null, diff: null });
      continue;
    }
    const first = message.suggestions?.[0];
    if (!first) {
      entries.push({ ...base, site, suggestion: null, noFix: noQuickFixReason(message.message) ?? `the rule gives no reason (message: ${message.message})`, after: null, diff: null });
      continue;
    }
    const output = applyFix(text, first.fix);
    const again = lint(output, config, file);
    const fatal = again.find((m) => m.fatal);
    const still = again.filter((m) => m.ruleId === message.ruleId && m.line === lineNumber && m.message === message.message);
    const after = fatal
      ? `does not parse: ${fatal.message} (line ${fatal.line})`
      : still.length > index
        ? `parses; the site is still reported by ${line.rule} (${config})`
        : `parses; the site is no longer reported by ${line.rule} (${config})`;
    entries.push({ ...base, site, suggestion: first.desc.replace(/\s+/g, ' '), noFix: null, after, diff: hunks(bom + text, bom + output) });
  }
  return entries;
}

export const suggestionsHeader = [
  '# Real-code suggestion ledger',
  '',
  'Every true positive of `test/real-world/ledger.tsv`, linted with the config its verdict is for; where the rule offers a suggestion, the first one is applied and the rewritten hunk is kept here with a review: would a reviewer accept the hunk as a pull request to the package? A true positive without a suggestion is listed with the rule\'s "No quick fix" reason. Files are linted under a virtual path, so each package\'s `engines.node` reaches the rules as `settings.resilience.node` (which is why a reason may name that setting).',
  '',
  'Regenerate with `npm run -s suggestions`, which rewrites this file (reviews are kept while a section\'s suggestion and hunk are unchanged; a changed or new one gets `Review: ?`). Write each `- Review:` line by hand: `accept — reason` or `reject — reason`. `test/real-world/suggestions.test.ts` fails while this file differs from what the rules produce now or a review is `?`. A review marked `(author)` was written by whoever built the ledger, not by an independent reviewer.',
];

function sectionKey(entry: { rule: string; location: string; configs: string }): string {
  return `${entry.rule} · ${entry.location} · ${entry.configs}`;
}

export function renderSection(entry: SuggestionEntry): string {
  const lines = [`## ${sectionKey(entry)}`, '', `- Linted with: ${entry.config}`];
  if (entry.site !== null) lines.push(`- Site: \`${entry.site.replace(/`/g, "'")}\``);
  if (entry.suggestion === null) {
    lines.push(`- No suggestion: ${entry.noFix}`);
  } else {
    lines.push(`- Suggestion: ${entry.suggestion}`, `- After the edit: ${entry.after}`, `- Review: ${entry.review}`, '', '```diff', entry.diff ?? '', '```');
  }
  return lines.join('\n');
}

export function renderSuggestionLedger(entries: readonly SuggestionEntry[]): string {
  const withSuggestion = entries.filter((entry) => entry.suggestion !== null);
  const accepted = withSuggestion.filter((entry) => entry.review.startsWith('accept')).length;
  const rejected = withSuggestion.filter((entry) => entry.review.startsWith('reject')).length;
  const summary = `True positives: ${entries.length}; with a suggestion: ${withSuggestion.length}; reviewed accept: ${accepted}; reject: ${rejected}; not reviewed: ${withSuggestion.length - accepted - rejected}.`;
  return [...suggestionsHeader, '', summary, '', ...entries.map(renderSection).flatMap((section) => [section, ''])].join('\n');
}

/** The sections of a suggestions.md: key -> the section's text without its review line, and the review. */
export function parseSuggestionLedger(text: string): Map<string, { body: string; review: string }[]> {
  const sections = new Map<string, { body: string; review: string }[]>();
  for (const chunk of text.split(/^## /m).slice(1)) {
    const key = chunk.slice(0, chunk.indexOf('\n')).trim();
    const review = /^- Review: (.*)$/m.exec(chunk)?.[1]?.trim() ?? '?';
    const body = chunk.replace(/^- Review: .*$/m, '- Review:').trimEnd();
    const list = sections.get(key) ?? [];
    list.push({ body, review });
    sections.set(key, list);
  }
  return sections;
}

/** The entries with the reviews recorded in `previous` (suggestions.md) where the section is otherwise unchanged. */
export function mergeReviews(entries: readonly SuggestionEntry[], previous: string): SuggestionEntry[] {
  const recorded = parseSuggestionLedger(previous);
  return entries.map((entry) => {
    if (entry.suggestion === null) return entry;
    const now = parseSuggestionLedger(renderSection({ ...entry, review: '?' })).get(sectionKey(entry))![0]!;
    const match = recorded.get(sectionKey(entry))?.find((section) => section.body === now.body);
    return match ? { ...entry, review: match.review } : entry;
  });
}
