#!/usr/bin/env node
/**
 * The `resilience` command line: `resilience codemod <transform> <paths…>`.
 * Files are read, checked and written in the main thread (atomically, inside
 * the given paths only); the transform runs in-process or in a worker pool.
 * Exit codes: 0 done, 1 some files errored (the others were processed),
 * 2 usage or configuration error, 130 interrupted (SIGINT).
 */
import { existsSync, lstatSync, realpathSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { codemods as builtinCodemods } from '../../codemods/index';
import type { RuleModule } from '../rule-module';
import { normalizeOptions, type CodemodDefinition } from '../codemod/codemod';
import { CodemodSetupError, resolveRules, shareOptions, SUPPORTED_EXTENSIONS, type Site } from '../codemod/engine';
import { EslintSettingsSource, readSettingsFile, type CodemodSettings, type FileConfig } from '../codemod/settings-source';
import { ResilienceConfigError } from '../errors';
import type { ParsedGlob } from '../glob';
import { packageInfo } from '../package-info';
import { AUDIT_HELP, runAudit } from '../audit/run';
import { discoverFiles, parseIgnorePattern, readSourceFile, writeFileAtomically, type Skipped } from './files';
import { gitRoot, uncommittedChanges } from './git';
import { TransformPool } from './pool';
import { transformFile, type TransformOutcome, type TransformTask } from './transform-file';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface RunOptions {
  cwd?: string;
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** Test hook: rules to use instead of the plugin's (forces in-process transforms). */
  rules?: Readonly<Record<string, RuleModule>>;
  /** Test hook: a CommonJS module exporting `rules` (path), usable by worker threads too. */
  rulesModule?: string;
  /** Test hook: codemods to use instead of the built-in registry. */
  codemods?: Readonly<Record<string, CodemodDefinition>>;
  /** Aborting stops the run after the files in progress (SIGINT). */
  signal?: AbortSignal;
  /** Called after each file is done (tests use it to interrupt a run midway). */
  onFileDone?: (file: FileReport) => void;
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
  /** Sites left for a person, at their position in the file after the run. */
  left: ReportSite[];
}

export interface RunReport {
  transform: string;
  options: Record<string, unknown>;
  dry: boolean;
  interrupted: boolean;
  files: FileReport[];
  summary: Summary;
}

export interface Summary {
  filesScanned: number;
  filesChanged: number;
  filesUnchanged: number;
  filesSkipped: number;
  filesErrored: number;
  sitesRewritten: number;
  sitesLeft: number;
}

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

class UsageError extends Error {}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function generalHelp(codemods: Readonly<Record<string, CodemodDefinition>>): string {
  return [
    `resilience ${packageInfo.version}: codemods of eslint-plugin-resilience`,
    '',
    'Usage: resilience codemod <transform> <paths...> [options]',
    '       resilience audit [paths...] [options]',
    '',
    'Transforms:',
    ...transformLines(codemods),
    '',
    'Run `resilience codemod --help` or `resilience audit --help` for the options.',
    '',
  ].join('\n');
}

function transformLines(codemods: Readonly<Record<string, CodemodDefinition>>): string[] {
  const names = Object.keys(codemods);
  const width = Math.max(...names.map((n) => n.length), 0);
  return names.map((name) => `  ${name.padEnd(width)}  ${codemods[name]!.description}`);
}

function codemodHelp(codemods: Readonly<Record<string, CodemodDefinition>>): string {
  const optionLines: string[] = [];
  for (const definition of Object.values(codemods)) {
    for (const option of definition.options) {
      const line = `  --${kebab(option.name)} <n>`;
      if (!optionLines.some((l) => l.startsWith(`${line} `))) optionLines.push(`${line.padEnd(28)}${option.description} (${definition.name})`);
    }
  }
  return [
    'Usage: resilience codemod <transform> <paths...> [options]',
    '',
    "Applies the rules' own suggestion rewrites to every matching file under <paths>.",
    '',
    'Transforms:',
    ...transformLines(codemods),
    '',
    'Options:',
    '  --dry                     Write nothing; print a unified diff per changed file.',
    '  --print                   Print each transformed file.',
    '  --report <file.json>      Write a JSON report: per file status, per site rewritten or left (file:line:col, reason).',
    "  --settings <file.json>    settings.resilience to use instead of the one in the ESLint config.",
    '  --no-eslint-config        Do not read eslint.config.* (rule options and settings) for each file.',
    `  --extensions <list>       Comma-separated extensions (default: ${SUPPORTED_EXTENSIONS.join(',')}).`,
    '  --ignore-pattern <glob>   Also ignore matching files or directories (repeatable).',
    '                            Always ignored: node_modules, dist, build, coverage, *.d.ts, git-ignored files.',
    `  --cpus <n>                Worker threads (default: ${defaultCpus()}; 1 runs in-process).`,
    '  --force                   Run even when the git tree has uncommitted changes under <paths>.',
    '  -h, --help                Show this help.',
    ...(optionLines.length > 0 ? ['', 'Transform options (passed to the rules):', ...optionLines] : []),
    '',
    'Exit codes: 0 done, 1 some files errored (the others were processed), 2 usage error, 130 interrupted.',
    '',
  ].join('\n');
}

function defaultCpus(): number {
  return Math.max(1, availableParallelism() - 1);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function reportSites(sites: readonly Site[], file: string): ReportSite[] {
  return sites.map((site) => ({
    location: `${file}:${site.line}:${site.column}`,
    line: site.line,
    column: site.column,
    ruleId: site.ruleId,
    message: site.message,
    ...(site.reason !== undefined ? { reason: site.reason } : {}),
  }));
}

interface Parsed {
  transform: string;
  paths: string[];
  dry: boolean;
  print: boolean;
  report?: string;
  settings?: string;
  extensions: string[];
  ignorePatterns: ParsedGlob[];
  cpus: number;
  force: boolean;
  eslintConfig: boolean;
  options: Record<string, unknown>;
}

function parseCodemodArgs(args: string[], codemods: Readonly<Record<string, CodemodDefinition>>): Parsed | 'help' {
  const transformOptionNames = new Map<string, string>();
  for (const definition of Object.values(codemods)) {
    for (const option of definition.options) {
      transformOptionNames.set(option.name, option.name);
      transformOptionNames.set(kebab(option.name), option.name);
    }
  }
  const optionSpec: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    dry: { type: 'boolean', short: 'd' },
    print: { type: 'boolean', short: 'p' },
    report: { type: 'string' },
    settings: { type: 'string' },
    extensions: { type: 'string' },
    'ignore-pattern': { type: 'string', multiple: true },
    cpus: { type: 'string' },
    force: { type: 'boolean' },
    'no-eslint-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of transformOptionNames.keys()) optionSpec[flag] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) return 'help';
  const [transform, ...paths] = parsed.positionals;
  if (!transform) throw new UsageError('missing <transform>');
  const definition = codemods[transform];
  if (!definition) throw new UsageError(`unknown transform ${JSON.stringify(transform)} (transforms: ${Object.keys(codemods).join(', ')})`);
  if (paths.length === 0) throw new UsageError('missing <paths...>: name the files or directories to transform');

  const options: Record<string, unknown> = {};
  for (const [flag, name] of transformOptionNames) {
    const value = values[flag];
    if (value === undefined) continue;
    if (!definition.options.some((o) => o.name === name)) {
      throw new UsageError(`--${flag} is not an option of ${transform}`);
    }
    options[name] = value;
  }
  const extensions = typeof values.extensions === 'string'
    ? values.extensions.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter((e) => e.length > 0)
    : [...SUPPORTED_EXTENSIONS];
  const unsupported = extensions.filter((e) => !(SUPPORTED_EXTENSIONS as readonly string[]).includes(e));
  if (unsupported.length > 0 || extensions.length === 0) {
    throw new UsageError(`--extensions: ${unsupported.length > 0 ? `unsupported ${unsupported.join(', ')}` : 'empty list'} (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  const ignorePatterns: ParsedGlob[] = [];
  for (const text of (values['ignore-pattern'] as string[] | undefined) ?? []) {
    const glob = parseIgnorePattern(text);
    if ('error' in glob) throw new UsageError(`--ignore-pattern ${JSON.stringify(text)} ${glob.error}`);
    ignorePatterns.push(glob);
  }
  let cpus = defaultCpus();
  if (typeof values.cpus === 'string') {
    if (!/^\d+$/.test(values.cpus) || Number(values.cpus) < 1) throw new UsageError(`--cpus must be a positive integer (got ${JSON.stringify(values.cpus)})`);
    cpus = Number(values.cpus);
  }
  return {
    transform,
    paths,
    dry: values.dry === true,
    print: values.print === true,
    ...(typeof values.report === 'string' ? { report: values.report } : {}),
    ...(typeof values.settings === 'string' ? { settings: values.settings } : {}),
    extensions,
    ignorePatterns,
    cpus,
    force: values.force === true,
    eslintConfig: values['no-eslint-config'] !== true,
    options,
  };
}

class Progress {
  private shown = false;
  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
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
      this.stream.write(`[${done}/${this.total}] ${file.file}: ${file.status}${detail}\n`);
    }
  }

  end(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}

function summarize(files: readonly FileReport[]): Summary {
  const count = (status: FileStatus) => files.filter((f) => f.status === status).length;
  return {
    filesScanned: files.length,
    filesChanged: count('changed'),
    filesUnchanged: count('unchanged'),
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
    ['Files skipped', summary.filesSkipped],
    ['Files with errors', summary.filesErrored],
    [dry ? 'Sites that would be rewritten' : 'Sites rewritten', summary.sitesRewritten],
    ['Sites left for a person', summary.sitesLeft],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${String(value).padStart(6)}`).join('\n');
}

/** Runs the CLI with `argv` (without `node` and the script). Resolves to the exit code. */
export async function run(argv: readonly string[], io: RunOptions = {}): Promise<number> {
  const cwd = resolve(io.cwd ?? process.cwd());
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const codemods = io.codemods ?? builtinCodemods;
  const args = [...argv];

  if (args.length === 0) {
    stderr.write(generalHelp(codemods));
    return EXIT_USAGE;
  }
  if (args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    stdout.write(generalHelp(codemods));
    return EXIT_OK;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    stdout.write(`${packageInfo.version}\n`);
    return EXIT_OK;
  }
  if (args[0] === 'audit') {
    if (args[1] === 'help') {
      stdout.write(AUDIT_HELP);
      return EXIT_OK;
    }
    return runAudit(args.slice(1), { cwd, stdout, stderr });
  }
  if (args[0] !== 'codemod') {
    stderr.write(`resilience: unknown command ${JSON.stringify(args[0])}\n\n${generalHelp(codemods)}`);
    return EXIT_USAGE;
  }

  let parsed: Parsed | 'help';
  let definition: CodemodDefinition;
  let options: Record<string, unknown>;
  let settingsOverride: CodemodSettings | undefined;
  let rules = io.rules;
  try {
    parsed = parseCodemodArgs(args.slice(1), codemods);
    if (parsed === 'help') {
      stdout.write(codemodHelp(codemods));
      return EXIT_OK;
    }
    definition = codemods[parsed.transform]!;
    if (!rules && io.rulesModule) rules = (require(resolve(cwd, io.rulesModule)) as { rules: Record<string, RuleModule> }).rules;
    resolveRules(definition.ruleIds, rules);
    options = normalizeOptions(definition, parsed.options);
    shareOptions(definition.ruleIds, options, rules);
    if (parsed.settings) settingsOverride = readSettingsFile(resolve(cwd, parsed.settings));
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`resilience codemod: ${error.message}\nRun \`resilience codemod --help\` for usage.\n`);
    } else if (error instanceof CodemodSetupError || error instanceof ResilienceConfigError) {
      stderr.write(`resilience codemod: ${error.message}\n`);
    } else {
      throw error;
    }
    return EXIT_USAGE;
  }
  const args2 = parsed;

  // Paths: must exist; their real paths bound every write.
  const roots: string[] = [];
  const realRoots: string[] = [];
  for (const path of args2.paths) {
    const absolute = resolve(cwd, path);
    try {
      lstatSync(absolute);
    } catch {
      stderr.write(`resilience codemod: ${path}: no such file or directory\n`);
      return EXIT_USAGE;
    }
    roots.push(absolute);
    realRoots.push(realpathSync(absolute));
  }

  // The git repository of each path (they may differ from the working directory's).
  const repos = roots.map((root) => gitRoot(lstatSync(root).isDirectory() ? root : dirname(root)));
  if (!args2.dry && !args2.force) {
    const dirty: string[] = [];
    for (const repo of new Set(repos)) {
      if (repo) dirty.push(...uncommittedChanges(repo, roots.filter((_, i) => repos[i] === repo)));
    }
    if (dirty.length > 0) {
      stderr.write(
        `resilience codemod: the git tree has uncommitted changes under the given paths:\n${dirty
          .slice(0, 10)
          .map((line) => `  ${line}`)
          .join('\n')}${dirty.length > 10 ? `\n  … and ${dirty.length - 10} more` : ''}\n` +
          'Commit or stash them first (so the codemod can be reviewed and undone), or pass --force or --dry.\n',
      );
      return EXIT_USAGE;
    }
  }

  const discovery = discoverFiles({ cwd, roots, extensions: args2.extensions, ignorePatterns: args2.ignorePatterns, gitRoots: repos });
  const display = (file: string) => toPosix(relative(cwd, file));

  // Per file, from the user's ESLint config (as the editor sees it): settings.resilience, unless
  // --settings overrides it, and the rules' configured options, under the command-line options.
  // Bad settings or a config that does not load stop the run before any write.
  const configByFile = new Map<string, FileConfig>();
  if (args2.eslintConfig) {
    try {
      const source = new EslintSettingsSource(cwd);
      for (const file of discovery.files) configByFile.set(file, await source.configFor(file, definition.ruleIds));
    } catch (error) {
      if (!(error instanceof ResilienceConfigError)) throw error;
      stderr.write(`resilience codemod: ${error.message}\n`);
      return EXIT_USAGE;
    }
  }

  const dataStream = stdout;
  const infoStream = args2.dry || args2.print ? stderr : stdout;
  const total = discovery.files.length;
  const progress = new Progress(stderr, total);
  const skippedReports: FileReport[] = discovery.skipped.map((s: Skipped) => ({ file: s.file, status: 'skipped', reason: s.reason, rewritten: [], left: [] }));

  const workerFile = typeof __dirname === 'string' ? join(__dirname, 'worker.js') : '';
  const useWorkers = !io.rules && args2.cpus > 1 && total > 1 && workerFile !== '' && existsSync(workerFile);
  const pool = useWorkers ? new TransformPool(Math.min(args2.cpus, total), workerFile) : null;

  const results: (FileReport | undefined)[] = new Array(total);
  const pendingOutput: (string | undefined)[] = new Array(total);
  let flushed = 0;
  let done = 0;
  let next = 0;

  const flush = () => {
    while (flushed < total && results[flushed]) {
      const text = pendingOutput[flushed];
      if (text) dataStream.write(text);
      pendingOutput[flushed] = undefined;
      flushed++;
    }
  };

  const processOne = async (index: number): Promise<void> => {
    const file = discovery.files[index]!;
    const rel = display(file);
    const base = { file: rel, rewritten: [] as ReportSite[], left: [] as ReportSite[] };
    let report: FileReport;
    let output: string | undefined;
    try {
      const read = readSourceFile(file);
      if (read.kind === 'skip') {
        report = { ...base, status: 'skipped', reason: read.reason };
      } else {
        const task: TransformTask = {
          definition,
          ...(io.rulesModule ? { rulesModule: resolve(cwd, io.rulesModule) } : {}),
          file,
          source: read.text,
          options,
          settings: settingsOverride ?? configByFile.get(file)?.settings ?? {},
          configuredRuleOptions: configByFile.get(file)?.ruleOptions ?? {},
          cwd,
        };
        const outcome: TransformOutcome = pool ? await pool.run(task) : transformFile(task, io.rules);
        if (!outcome.ok) {
          report = { ...base, status: 'error', error: outcome.error };
        } else {
          const rewritten = reportSites(outcome.rewritten, rel);
          const left = reportSites(outcome.left, rel);
          if (outcome.output === undefined) {
            report = { ...base, status: 'unchanged', left };
          } else {
            if (!args2.dry) writeFileAtomically(file, outcome.output, read.bytes, realRoots);
            report = { ...base, status: 'changed', rewritten, left };
            output = outcome.output;
            if (args2.dry) {
              pendingOutput[index] = createTwoFilesPatch(`a/${rel}`, `b/${rel}`, read.text, output, undefined, undefined, {
                context: 3,
                headerOptions: FILE_HEADERS_ONLY,
              });
            } else if (args2.print) {
              pendingOutput[index] = output.endsWith('\n') ? output : `${output}\n`;
            }
            if (args2.dry && args2.print) pendingOutput[index] += output.endsWith('\n') ? output : `${output}\n`;
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
    io.onFileDone?.(report);
  };

  const lanes = pool ? Math.min(args2.cpus, total) : 1;
  try {
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < total && !io.signal?.aborted) {
          await processOne(next++);
          // Let signal handlers (SIGINT) and output run between files.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
  } finally {
    await pool?.close();
  }
  progress.end();
  flush();

  const interrupted = !!io.signal?.aborted && done < total;
  const fileReports = [...(results.filter(Boolean) as FileReport[]), ...skippedReports].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const summary = summarize(fileReports);
  const runReport: RunReport = { transform: definition.name, options, dry: args2.dry, interrupted, files: fileReports, summary };

  if (args2.report) {
    try {
      writeFileSync(resolve(cwd, args2.report), `${JSON.stringify(runReport, null, 2)}\n`);
    } catch (error) {
      stderr.write(`resilience codemod: cannot write the report ${args2.report}: ${(error as Error).message}\n`);
    }
  }

  const lines: string[] = [];
  if (interrupted) {
    lines.push(`Interrupted: ${done} of ${total} files processed, ${total - done} not touched. No file was partly written.`);
  }
  for (const f of fileReports.filter((r) => r.status === 'error')) lines.push(`error    ${f.file}: ${f.error}`);
  for (const f of fileReports.filter((r) => r.status === 'skipped')) lines.push(`skipped  ${f.file}: ${f.reason}`);
  const leftSites = fileReports.flatMap((f) => f.left);
  if (leftSites.length > 0) {
    lines.push('', 'Left for a person:');
    for (const site of leftSites) lines.push(`  ${site.location}  ${site.ruleId}: ${site.reason}`);
  }
  lines.push('', `${definition.name}${args2.dry ? ' (dry run, nothing written)' : ''}:`, summaryTable(summary, args2.dry), '');
  infoStream.write(`${lines.join('\n')}\n`);

  if (interrupted) return EXIT_INTERRUPTED;
  return summary.filesErrored > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** Entry point of the `resilience` binary: wires SIGINT to a graceful stop. `overrides` are test hooks. */
export function main(overrides: Pick<RunOptions, 'rulesModule' | 'codemods'> = {}): void {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write('\nInterrupted: finishing the files in progress (press Ctrl+C again to stop now; writes are atomic)…\n');
      controller.abort();
    } else {
      process.exit(EXIT_INTERRUPTED);
    }
  };
  process.on('SIGINT', onSigint);
  run(process.argv.slice(2), { ...overrides, signal: controller.signal }).then(
    (code) => {
      process.off('SIGINT', onSigint);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`resilience: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) main();
