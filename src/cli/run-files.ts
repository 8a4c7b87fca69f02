/**
 * Runs a prepared codemod over the discovered files: in-process or in a
 * worker pool, one file at a time per lane. Files are read, checked and
 * written here, in the main thread (in place behind a recovery copy, inside the given paths only);
 * diffs and printed files are written in file order.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { PreparedCodemod } from '../codemod/codemod';
import type { CodemodSettings, FileConfig } from '../codemod/settings-source';
import { readSourceFile, writeFileInPlace } from './files';
import { TransformPool } from './pool';
import { Progress, reportSites, type FileReport, type OutputStream, type ReportSite } from './report';
import { transformFile, type TransformOutcome, type TransformSetup, type TransformTask } from './transform-file';

export interface FileRun {
  cwd: string;
  files: readonly string[];
  /** Real paths of the given paths: no write goes outside them. */
  realRoots: readonly string[];
  /** The codemod, prepared in this thread (in-process runs). */
  prepared: PreparedCodemod;
  /** The same codemod as plain data for worker threads, or null to run in-process. */
  workerSetup: TransformSetup | null;
  cpus: number;
  /** Transform in this thread even when a worker could be started (`--run-in-band`). */
  runInBand?: boolean;
  /** `--settings`: used for every file instead of the ESLint config's settings. */
  settingsOverride?: CodemodSettings;
  /** Per file, from the user's ESLint config (empty with --no-eslint-config). */
  configByFile: ReadonlyMap<string, FileConfig>;
  dry: boolean;
  print: boolean;
  /** Diffs (--dry) and transformed files (--print). */
  data: OutputStream;
  /** Progress. */
  progress: OutputStream;
  signal?: AbortSignal;
  onFileDone?: (file: FileReport) => void;
}

export interface FilesResult {
  /** Reports of the files processed, in no particular order. */
  reports: FileReport[];
  /** Files processed (the others were not touched: the run was interrupted). */
  done: number;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

const workerFile = typeof __dirname === 'string' ? join(__dirname, 'worker.js') : '';

/**
 * A pool whenever the compiled worker exists (it does not when running from
 * sources), also for one CPU: a file that crashes the transform or exhausts
 * its memory then costs one worker, not the run. `--run-in-band` transforms
 * here instead: one heap, no worker start-up; a rule that throws still only
 * makes its file an error entry (`transformFile` catches it).
 */
function startPool(run: FileRun): TransformPool | null {
  const total = run.files.length;
  if (run.runInBand || !run.workerSetup || total === 0 || workerFile === '' || !existsSync(workerFile)) return null;
  return new TransformPool(Math.min(run.cpus, total), workerFile, run.workerSetup);
}

export async function runFiles(run: FileRun): Promise<FilesResult> {
  const total = run.files.length;
  const progress = new Progress(run.progress, total);
  const pool = startPool(run);
  const results: (FileReport | undefined)[] = new Array(total);
  const pendingOutput: (string | undefined)[] = new Array(total);
  let flushed = 0;
  let done = 0;
  let next = 0;

  const flush = () => {
    while (flushed < total && results[flushed]) {
      const text = pendingOutput[flushed];
      if (text) {
        // Progress lines first, as they were before batching (the two streams may share a terminal or file).
        progress.flush();
        run.data.write(text);
      }
      pendingOutput[flushed] = undefined;
      flushed++;
    }
  };

  const processOne = async (index: number): Promise<void> => {
    const file = run.files[index]!;
    const rel = toPosix(relative(run.cwd, file));
    const base = { file: rel, rewritten: [] as ReportSite[], left: [] as ReportSite[] };
    let report: FileReport;
    try {
      const read = readSourceFile(file);
      if (read.kind === 'skip') {
        report = { ...base, status: 'skipped', reason: read.reason };
      } else {
        const config = run.configByFile.get(file);
        const task: TransformTask = {
          file,
          source: read.text,
          settings: run.settingsOverride ?? config?.settings ?? {},
          configuredRuleOptions: config?.ruleOptions ?? {},
          cwd: run.cwd,
        };
        const outcome: TransformOutcome = pool ? await pool.run(task) : transformFile(run.prepared, task);
        if (!outcome.ok) {
          report = { ...base, status: 'error', error: outcome.error };
        } else if (outcome.output === undefined) {
          report = { ...base, status: 'unchanged', left: reportSites(outcome.left, rel), ...(outcome.prefiltered ? { prefiltered: true } : {}) };
        } else {
          const output = outcome.output;
          if (!run.dry) writeFileInPlace(file, output, read.bytes, run.realRoots);
          report = { ...base, status: 'changed', rewritten: reportSites(outcome.rewritten, rel), left: reportSites(outcome.left, rel) };
          if (run.dry) {
            pendingOutput[index] = createTwoFilesPatch(`a/${rel}`, `b/${rel}`, read.text, output, undefined, undefined, {
              context: 3,
              headerOptions: FILE_HEADERS_ONLY,
            });
            if (run.print) pendingOutput[index] += withNewline(output);
          } else if (run.print) {
            pendingOutput[index] = withNewline(output);
          }
        }
      }
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      const message = err.code === 'EACCES' || err.code === 'EPERM' ? `permission denied (${err.code})` : err.message ?? String(error);
      report = { ...base, status: 'error', error: message };
    }
    results[index] = report;
    done++;
    progress.update(done, report);
    flush();
    run.onFileDone?.(report);
  };

  const lanes = pool ? Math.min(run.cpus, total) : 1;
  try {
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < total && !run.signal?.aborted) {
          await processOne(next++);
          // Let signal handlers (SIGINT) and output run between files.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
  } finally {
    await pool?.close();
    progress.end();
  }
  flush();
  return { reports: results.filter((r): r is FileReport => r !== undefined), done };
}
