/** What a `resilience codemod` run tells: per-file progress, the JSON report, and the closing summary. */
import { writeFileSync } from 'node:fs';
import type { Site } from '../codemod/engine';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface ReportSite {
  /** `file:line:col` */
  location: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
  reason?: string;
}

export interface FileReport {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  status: FileStatus;
  /** Why a file was skipped. */
  reason?: string;
  /** Why a file errored. */
  error?: string;
  rewritten: ReportSite[];
  /** Sites left for a person, at their position in the file after the run (with --dry: in the text as it would be written). */
  left: ReportSite[];
  /** An unchanged file that was not parsed: its text shows no rule of the codemod can report in it. */
  prefiltered?: boolean;
}

export interface RunReport {
  transform: string;
  /** Where the positions of sites left for a person are: the files as written, or (with --dry) as they would be written. */
  leftPositions: 'as written' | 'as it would be written';
  options: Record<string, unknown>;
  dry: boolean;
  interrupted: boolean;
  files: FileReport[];
  summary: Summary;
  /** Recovery copies that runs killed while writing left, found before this run read anything (present only when there were some). */
  recovered?: { file: string; copy: string; restored: boolean; error?: string }[];
}

export interface Summary {
  filesScanned: number;
  filesChanged: number;
  filesUnchanged: number;
  /** Of the unchanged files, those not parsed because the text prefilter showed no site is possible. */
  filesNotParsed: number;
  filesSkipped: number;
  filesErrored: number;
  sitesRewritten: number;
  sitesLeft: number;
}

export function reportSites(sites: readonly Site[], file: string): ReportSite[] {
  return sites.map((site) => ({
    location: `${file}:${site.line}:${site.column}`,
    line: site.line,
    column: site.column,
    ruleId: site.ruleId,
    message: site.message,
    ...(site.reason !== undefined ? { reason: site.reason } : {}),
  }));
}

/**
 * One line per file, or a bar redrawn in place on a terminal. The lines (not
 * on a terminal) are written in batches, at most every `LINE_FLUSH_MS` and at
 * the end: each write to a pipe is a system call that wakes the reader, and
 * one per file cost about 4% of a codemod run over the bench corpus whose
 * files are mostly not parsed (CPU profile, 1.1 s of 26 s).
 */
export class Progress {
  private shown = false;
  private pending = '';
  private lastFlush = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  update(done: number, file: FileReport): void {
    if (this.stream.isTTY) {
      const width = 24;
      const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
      const label = file.file.length > 50 ? `…${file.file.slice(-49)}` : file.file;
      this.stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${label}`);
      this.shown = true;
    } else {
      const detail = file.status === 'error' ? `: ${file.error}` : file.status === 'skipped' ? ` (${file.reason})` : '';
      this.pending += `[${done}/${this.total}] ${file.file}: ${file.status}${detail}\n`;
      const now = this.now();
      if (now - this.lastFlush >= LINE_FLUSH_MS || this.pending.length >= LINE_FLUSH_BYTES) {
        this.lastFlush = now;
        this.flush();
      }
    }
  }

  /** Writes the lines held back (before other output that may share the stream's terminal or file). */
  flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.stream.write(text);
  }

  end(): void {
    this.flush();
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}

/** Progress lines are written at most this often (ms), or when this many characters are held back. */
export const LINE_FLUSH_MS = 250;
export const LINE_FLUSH_BYTES = 64 * 1024;

export function summarize(files: readonly FileReport[]): Summary {
  const count = (status: FileStatus) => files.filter((f) => f.status === status).length;
  return {
    filesScanned: files.length,
    filesChanged: count('changed'),
    filesUnchanged: count('unchanged'),
    filesNotParsed: files.filter((f) => f.prefiltered).length,
    filesSkipped: count('skipped'),
    filesErrored: count('error'),
    sitesRewritten: files.reduce((n, f) => n + f.rewritten.length, 0),
    sitesLeft: files.reduce((n, f) => n + f.left.length, 0),
  };
}

function summaryTable(summary: Summary, dry: boolean): string {
  const rows: [string, number][] = [
    [dry ? 'Files that would change' : 'Files changed', summary.filesChanged],
    ['Files unchanged', summary.filesUnchanged],
    ['  of which not parsed (prefilter)', summary.filesNotParsed],
    ['Files skipped', summary.filesSkipped],
    ['Files with errors', summary.filesErrored],
    [dry ? 'Sites that would be rewritten' : 'Sites rewritten', summary.sitesRewritten],
    ['Sites left for a person', summary.sitesLeft],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${String(value).padStart(6)}`).join('\n');
}

/** Writes the `--report` file; false (after telling why on `stderr`) when it cannot: the run then exits 1. */
export function writeReportFile(path: string, report: RunReport, stderr: OutputStream): boolean {
  try {
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
    return true;
  } catch (error) {
    stderr.write(`resilience codemod: cannot write the report ${path}: ${(error as Error).message}\n`);
    return false;
  }
}

/** The closing text: interruption, errors, skipped files, sites left for a person, and the counts. */
export function closingText(report: RunReport, processed: number, total: number): string {
  const { files, summary, dry } = report;
  const lines: string[] = [];
  if (report.interrupted) {
    lines.push(`Interrupted: ${processed} of ${total} files processed, ${total - processed} not touched. No file was partly written.`);
  }
  for (const f of files.filter((r) => r.status === 'error')) lines.push(`error    ${f.file}: ${f.error}`);
  for (const f of files.filter((r) => r.status === 'skipped')) lines.push(`skipped  ${f.file}: ${f.reason}`);
  const leftSites = files.flatMap((f) => f.left);
  if (leftSites.length > 0) {
    lines.push(
      '',
      dry
        ? 'Left for a person (positions in each file as it would be written, the + side of the diff; nothing was written):'
        : 'Left for a person (positions in each file as written):',
    );
    for (const site of leftSites) lines.push(`  ${site.location}  ${site.ruleId}: ${site.reason}`);
  }
  lines.push('', `${report.transform}${dry ? ' (dry run, nothing written)' : ''}:`, summaryTable(summary, dry), '');
  return `${lines.join('\n')}\n`;
}
