/**
 * The audit never crashes and never hides an error of its own: over seeded
 * programs of this project's own constructs (retries, guards, flags, clones,
 * handlers) that import and call each other, and over a slice of the real
 * third-party corpus, it exits 0 or 1 and skips no file for an internal error.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without types
import { corpusFiles } from '../../bench/corpus.mjs';
import { runAudit } from '../../src/audit/run';
import { domainProgram } from '../helpers/domain-fuzzer';
import { allOnSettings } from '../helpers/lint';

const baseSeed = Number(process.env.FUZZ_SEED ?? 20261126);

describe('resilience audit never crashes', () => {
  it('on linked random programs and on real code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-crash-'));
    try {
      writeFileSync(join(dir, 'settings.json'), JSON.stringify(allOnSettings.resilience));
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'src/flips.ts'), 'export const outageFlips = { sharedFs: true };\nexport const withOutageFlip = (n: string, f: () => unknown) => f();\nexport const isSharedFsUp = () => true;\n');
      for (let i = 0; i < 200; i++) {
        const link = i > 0 ? `import * as prev from './p${i - 1}';\nexport const next${i} = () => prev.f0(data);\n` : '';
        writeFileSync(join(dir, 'src', `p${i}.${i % 3 === 0 ? 'js' : 'ts'}`), `${domainProgram(baseSeed + i)}\n${link}`);
      }
      const root = join(__dirname, '../..');
      for (const file of (corpusFiles() as string[]).filter((_, i) => i % 25 === 0)) {
        const to = join(dir, 'corpus', relative(join(root, 'node_modules'), file));
        mkdirSync(dirname(to), { recursive: true });
        cpSync(file, to);
      }
      let out = '';
      let err = '';
      const code = await runAudit(['src', 'corpus', '--settings', 'settings.json', '--format', 'json'], {
        cwd: dir,
        stdout: { write: (chunk: string) => (out += chunk) },
        stderr: { write: (chunk: string) => (err += chunk) },
      });
      expect([0, 1], err).toContain(code);
      const report = JSON.parse(out);
      expect(report.summary.filesSkipped.filter((s: { reason: string }) => s.reason.startsWith('internal error'))).toEqual([]);
      expect(report.summary.filesAudited).toBeGreaterThan(200);
      expect(report.findings.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
