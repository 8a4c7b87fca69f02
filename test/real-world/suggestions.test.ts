/**
 * The real-code suggestion ledger (test/real-world/suggestions.md): the first
 * suggestion of every true positive of ledger.tsv, applied, with its hunk and
 * a review. Fails when a hunk or suggestion changed, a TP (with or without a
 * suggestion) is missing or stale, or a review is still `?`, and prints what
 * to update. With SUGGESTIONS_OUT=<file> (`npm run -s suggestions`), writes
 * the file as it should read now instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSuggestionLedger, mergeReviews, parseSuggestionLedger, renderSuggestionLedger, suggestionsPath } from './suggestions';

const out = process.env.SUGGESTIONS_OUT;

describe('real-code suggestion ledger', () => {
  it('keeps a review only while the section it reviews is unchanged', () => {
    const entry = { rule: 'require-timeout', location: 'pkg/a.js:3', configs: 'both', config: 'recommended' as const, site: 'axios(config)', suggestion: 'Add `timeout: 10000`.', noFix: null, after: 'parses; the site is no longer reported by require-timeout (recommended)', diff: '@@ -1,1 +1,1 @@\n-a\n+b', review: '?' };
    const recorded = renderSuggestionLedger([{ ...entry, review: 'accept — bounded call' }]);
    expect(mergeReviews([entry], recorded)[0]!.review).toBe('accept — bounded call');
    expect(mergeReviews([{ ...entry, diff: '@@ -1,1 +1,1 @@\n-a\n+c' }], recorded)[0]!.review).toBe('?');
    expect(mergeReviews([{ ...entry, suggestion: 'Add `timeout: 5000`.' }], recorded)[0]!.review).toBe('?');
    expect([...parseSuggestionLedger(recorded).keys()]).toEqual(['require-timeout · pkg/a.js:3 · both']);
  });

  it('every true positive of ledger.tsv has its first suggestion applied and reviewed in suggestions.md', () => {
    const committed = existsSync(suggestionsPath) ? readFileSync(suggestionsPath, 'utf8') : '';
    const entries = mergeReviews(buildSuggestionLedger(), committed);
    const now = renderSuggestionLedger(entries);
    if (out) {
      writeFileSync(out, now);
      return;
    }
    const problems: string[] = [];
    const recorded = parseSuggestionLedger(committed);
    const current = parseSuggestionLedger(now);
    for (const [key, sections] of current) {
      const before = recorded.get(key) ?? [];
      sections.forEach((section, i) => {
        if (!before[i]) problems.push(`missing from suggestions.md: ${key}`);
        else if (before[i]!.body !== section.body) problems.push(`changed (suggestion, hunk or reason): ${key}\n--- recorded\n${before[i]!.body}\n+++ now\n${section.body}`);
      });
    }
    for (const key of recorded.keys()) if (!current.has(key)) problems.push(`no longer a true positive with this location: ${key}`);
    for (const entry of entries) if (entry.suggestion !== null && entry.review === '?') problems.push(`not reviewed yet (Review: ?): ${entry.rule} · ${entry.location} · ${entry.configs}`);
    if (problems.length === 0 && committed !== now) problems.push('suggestions.md differs from the generated text outside the sections (header or summary counts)');
    if (problems.length > 0) {
      problems.unshift(
        `test/real-world/suggestions.md is out of date (${problems.length} problem(s)). Run \`npm run -s suggestions\` (it rewrites the file, keeping the reviews of unchanged sections), review every \`Review: ?\` (accept or reject, with a one-line reason), and commit:`,
      );
    }
    expect(problems.join('\n')).toBe('');
    console.log(renderSuggestionLedger(entries).split('\n').find((line) => line.startsWith('True positives:')));
  });
});
