import { it } from 'vitest';
import { domainProgram } from '../helpers/domain-fuzzer';
import { lint } from '../helpers/lint';
it('fuzz findings', () => {
  const counts: Record<string, number> = {};
  for (let seed = 1; seed <= 200; seed++) {
    for (const m of lint(domainProgram(seed), { ruleNames: ['require-timeout'], filename: 'src/f.js' })) {
      const key = m.fatal ? 'fatal' : m.message.slice(0, 50);
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  console.log(counts);
});
