/**
 * Invariants every rule must keep, checked for each rule in the index:
 * nothing to report on an empty or comment-only file; the docs' incorrect
 * examples are reported and the correct ones are not; no autofix; every
 * suggestion changes the code and leaves it parseable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules';
import { applySuggestion, lint } from './helpers/lint';

interface Example {
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
  line: number;
}

/** Code blocks under the `### Incorrect` and `### Correct` headings of a rule's docs. */
function docExamples(name: string): Example[] {
  const text = readFileSync(join(__dirname, '..', 'docs/rules', `${name}.md`), 'utf8');
  const lines = text.split('\n');
  const examples: Example[] = [];
  let kind: Example['kind'] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) {
      kind = /^###\s+Incorrect/i.test(line) ? 'incorrect' : /^###\s+Correct/i.test(line) ? 'correct' : line.startsWith('###') ? kind : null;
      if (line.startsWith('## ')) kind = null;
      continue;
    }
    const fence = /^```(\w+)/.exec(line);
    if (fence && kind && ['js', 'jsx', 'ts', 'tsx', 'javascript', 'typescript'].includes(fence[1]!)) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith('```')) end++;
      examples.push({ kind, lang: fence[1]!, code: lines.slice(start, end).join('\n'), line: start });
      i = end;
    }
  }
  return examples;
}

const extension: Record<string, string> = { js: 'js', javascript: 'js', jsx: 'jsx', ts: 'ts', typescript: 'ts', tsx: 'tsx' };

describe.each(Object.keys(rules))('%s', (name) => {
  const only = { ruleNames: [name] };

  it.each([
    ['an empty file', ''],
    ['a file with only comments', '// nothing here\n/* still nothing */\n'],
    ['a file with only a shebang and directives', "#!/usr/bin/env node\n'use strict';\n"],
  ])('reports nothing on %s', (_what, code) => {
    expect(lint(code, only)).toEqual([]);
  });

  const examples = docExamples(name);

  it('has incorrect and correct examples in its docs', () => {
    expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(examples.some((e) => e.kind === 'correct')).toBe(true);
  });

  it.each(examples.map((e) => [`${e.kind} example at docs line ${e.line}`, e] as const))('%s', (_title, example) => {
    const filename = `src/example.${extension[example.lang]}`;
    const messages = lint(example.code, { ...only, filename });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    if (example.kind === 'correct') {
      expect(messages).toEqual([]);
      return;
    }
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.ruleId).toBe(`resilience/${name}`);
      expect(message.fix).toBeUndefined();
      for (const suggestion of message.suggestions ?? []) {
        const output = applySuggestion(example.code, suggestion as never);
        expect(output).not.toBe(example.code);
        expect(lint(output, { ...only, filename }).filter((m) => m.fatal)).toEqual([]);
      }
    }
  });
});
