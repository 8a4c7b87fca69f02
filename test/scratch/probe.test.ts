import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { applySuggestion, lint } from '../helpers/lint';

it('probe', () => {
  const cases = readFileSync('/tmp/timeout-probe.txt', 'utf8').split('\n=====\n');
  for (const code of cases) {
    const messages = lint(code, { ruleNames: ['require-timeout'] });
    console.log('-----\n' + code);
    for (const m of messages) {
      console.log(`  ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
      for (const s of m.suggestions ?? []) console.log('  => ' + applySuggestion(code, s as never).split('\n').join('\n     '));
    }
  }
});
