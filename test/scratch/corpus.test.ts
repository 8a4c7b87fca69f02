import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { lint } from '../helpers/lint';

function walk(dir: string, out: string[]) {
  for (const e of readdirSync(dir)) {
    const f = join(dir, e);
    if (e === 'node_modules') continue;
    if (statSync(f).isDirectory()) walk(f, out);
    else if (/\.(c|m)?(js|ts)$/.test(f) && !/\.d\.[cm]?ts$/.test(f) && !/\.min\./.test(f)) out.push(f);
  }
}

it('corpus', () => {
  const files: string[] = [];
  for (const d of (process.env.CORPUS ?? '/tmp/timeout-pkgs').split(':')) walk(d, files);
  let n = 0;
  for (const f of files) {
    const code = readFileSync(f, 'utf8');
    if (code.length > 400_000) continue;
    const ext = f.endsWith('ts') ? 'ts' : 'js';
    const messages = lint(code, { ruleNames: ['require-timeout'], filename: `src/x.${ext}` });
    for (const m of messages) {
      if (m.fatal || m.ruleId !== 'resilience/require-timeout') continue;
      n++;
      const line = code.split('\n')[m.line - 1]!.trim().slice(0, 140);
      console.log(`${f}:${m.line}:${m.column} ${m.message.slice(0, 60)} | ${line}`);
    }
  }
  console.log(`files ${files.length} findings ${n}`);
});
