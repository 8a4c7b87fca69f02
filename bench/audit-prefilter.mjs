// The audit's prefilter (src/audit/prefilter.ts) changes which files are
// parsed, never what is found: over a copy of the bench corpus, `resilience
// audit` with the prefilter and with every file parsed must give the same
// findings with the same chains in the same order, the same access counts and
// exit code, and list no error the run without it does not list.
// test/audit/prefilter-corpus.test.ts runs this on whole packages of the
// corpus; on the whole corpus (about 2 minutes on an idle machine):
//   npm run build && node bench/audit-prefilter.mjs
// Exit code 0 when both runs agree, 1 when they do not.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_SETTINGS, benchFiles } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The package a corpus file belongs to (`eslint`, `@node-red/runtime`). */
export function packageOf(file) {
  const parts = relative(join(root, 'node_modules'), file).split(/[\\/]/);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

async function auditJson(runAudit, cwd, prefilter) {
  let out = '';
  let err = '';
  const started = performance.now();
  const code = await runAudit(['corpus', '--settings', 'settings.json', '--format', 'json'], {
    cwd,
    stdout: { write: (chunk) => (out += chunk) },
    stderr: { write: (chunk) => (err += chunk) },
    prefilter,
  });
  if (code !== 0 && code !== 1) throw new Error(`resilience audit exited ${code}:\n${err}`);
  return { code, report: JSON.parse(out), ms: performance.now() - started };
}

/**
 * Audits a copy of `files` (laid out by package, like the bench) with and
 * without the prefilter, with `runAudit` (from src/ or dist/). Returns both
 * reports and the differences found (empty when they agree).
 */
export async function comparePrefilter({ runAudit, files = benchFiles(), settings = BENCH_SETTINGS }) {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-audit-prefilter-'));
  try {
    for (const file of files) {
      const to = join(dir, 'corpus', relative(join(root, 'node_modules'), file));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(file, to);
    }
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
    const without = await auditJson(runAudit, dir, false);
    const withPrefilter = await auditJson(runAudit, dir, true);
    const differences = [];
    const a = withPrefilter.report;
    const b = without.report;
    if (withPrefilter.code !== without.code) differences.push(`exit code ${withPrefilter.code} with the prefilter, ${without.code} without`);
    const count = Math.max(a.findings.length, b.findings.length);
    for (let i = 0; i < count; i++) {
      const x = JSON.stringify(a.findings[i] ?? null);
      const y = JSON.stringify(b.findings[i] ?? null);
      if (x !== y) differences.push(`finding ${i}: with the prefilter ${x}\n  without ${y}`);
    }
    for (const key of ['findings', 'chains', 'accesses', 'guardedAccesses']) {
      if (a.summary[key] !== b.summary[key]) differences.push(`summary.${key}: ${a.summary[key]} with the prefilter, ${b.summary[key]} without`);
    }
    if (a.summary.filesAudited !== b.summary.filesAudited + b.summary.filesSkipped.length - a.summary.filesSkipped.length) {
      differences.push(`summary.filesAudited: ${a.summary.filesAudited} with the prefilter, ${b.summary.filesAudited} without (skipped ${a.summary.filesSkipped.length} / ${b.summary.filesSkipped.length})`);
    }
    const skippedWithout = new Set(b.summary.filesSkipped.map((s) => JSON.stringify(s)));
    for (const skipped of a.summary.filesSkipped) {
      if (!skippedWithout.has(JSON.stringify(skipped))) differences.push(`skipped only with the prefilter: ${JSON.stringify(skipped)}`);
    }
    return { withPrefilter, without, differences };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runAudit } = await import(pathToFileURL(join(root, 'dist/src/audit/run.js')).href);
  const files = benchFiles();
  const { withPrefilter, without, differences } = await comparePrefilter({ runAudit, files });
  const s = withPrefilter.report.summary;
  const crossFile = withPrefilter.report.findings.filter((f) => f.paths.some((path) => new Set(path.map((step) => step.file)).size > 1)).length;
  console.log(
    `${files.length} corpus files; ${s.filesAudited} audited, ${s.filesNotParsed} not parsed with the prefilter; ` +
      `${s.findings} findings (${crossFile} with a chain across files), ${s.chains} chains ` +
      // Not a speed comparison: the run without the prefilter goes first and pays the warm-up (npm run bench times the audit).
      `(${Math.round(without.ms / 1000)} s without the prefilter, then ${Math.round(withPrefilter.ms / 1000)} s with it, in one process)`,
  );
  for (const difference of differences) console.log(difference);
  console.log(differences.length === 0 ? 'same findings, chains and counts with and without the prefilter' : `${differences.length} difference(s)`);
  process.exitCode = differences.length === 0 ? 0 : 1;
}
