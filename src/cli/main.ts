#!/usr/bin/env node
/**
 * The `resilience` command line: `resilience codemod <transform> <paths…>`,
 * and `resilience audit [paths…]` (src/audit/run.ts, its own exit codes).
 * Files are read, checked and written in the main thread (in place behind a recovery copy, inside
 * the given paths only); the transform runs in-process or in a worker pool.
 * Exit codes: 0 done, 1 some files errored (the others were processed),
 * 2 usage or configuration error, 130 interrupted (SIGINT).
 */
import { relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { codemods as builtinCodemods } from '../../codemods/index';
import { prepareCodemod, type CodemodDefinition, type PreparedCodemod } from '../codemod/codemod';
import { CodemodSetupError } from '../codemod/engine';
import { readSettingsFile, type CodemodSettings, type FileConfig } from '../codemod/settings-source';
import { ResilienceConfigError } from '../errors';
import type { RuleModule } from '../rule-module';
import { packageInfo } from '../package-info';
import { AUDIT_HELP, runAudit } from '../audit/run';
import { codemodHelp, generalHelp, parseCodemodArgs, UsageError, type CodemodArgs } from './args';
import { recoverInterruptedWrites, toPosix, type Recovery } from './files';
import { checkCleanTrees, findFiles, loadFileConfigs, PreflightError, resolveTargets } from './preflight';
import { closingText, summarize, writeReportFile, type FileReport, type OutputStream, type RunReport } from './report';
import { runFiles } from './run-files';
import type { TransformSetup } from './transform-file';

export type { FileReport, FileStatus, OutputStream, ReportSite, RunReport, Summary } from './report';

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
  /** The exit code of an interrupted run (130 after SIGINT, 143 after SIGTERM). */
  interruptExitCode?: () => number;
  /** Bound on loading the ESLint config of all files, in ms (default: `RESILIENCE_CONFIG_TIMEOUT_MS`, or 60000). */
  configTimeoutMs?: number;
}

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

/** A codemod run set up: arguments checked, codemod prepared, `--settings` read. */
interface Setup {
  args: CodemodArgs;
  prepared: PreparedCodemod;
  /** Plain data for worker threads; null when the rules are a test hook object (in-process only). */
  workerSetup: TransformSetup | null;
  settingsOverride?: CodemodSettings;
}

/** Checks the arguments and prepares the codemod once for the run; throws `UsageError`, `CodemodSetupError`, `ResilienceConfigError`. */
function setUp(args: CodemodArgs, codemods: Readonly<Record<string, CodemodDefinition>>, cwd: string, io: RunOptions): Setup {
  const definition = codemods[args.transform]!;
  const rulesModule = io.rulesModule ? resolve(cwd, io.rulesModule) : undefined;
  const rules = io.rules ?? (rulesModule ? (require(rulesModule) as { rules: Record<string, RuleModule> }).rules : undefined);
  const prepared = prepareCodemod(definition, args.options, rules);
  const workerSetup = io.rules ? null : { definition, options: { ...prepared.options }, ...(rulesModule ? { rulesModule } : {}) };
  return {
    args,
    prepared,
    workerSetup,
    ...(args.settings ? { settingsOverride: readSettingsFile(resolve(cwd, args.settings)) } : {}),
  };
}

/** The message for an error that stops the run before any write, or null for an unexpected one. */
function stopMessage(error: unknown): string | null {
  if (error instanceof UsageError) return `resilience codemod: ${error.message}\nRun \`resilience codemod --help\` for usage.\n`;
  if (error instanceof CodemodSetupError || error instanceof ResilienceConfigError || error instanceof PreflightError) {
    return `resilience codemod: ${error.message}\n`;
  }
  return null;
}

/** Runs the CLI with `argv` (without `node` and the script). Resolves to the exit code. */
export async function run(argv: readonly string[], io: RunOptions = {}): Promise<number> {
  const cwd = resolve(io.cwd ?? process.cwd());
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const codemods = io.codemods ?? builtinCodemods;
  const [command, ...rest] = argv;

  if (command === undefined) {
    stderr.write(generalHelp(codemods));
    return EXIT_USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    stdout.write(generalHelp(codemods));
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    stdout.write(`${packageInfo.version}\n`);
    return EXIT_OK;
  }
  if (command === 'audit') {
    if (rest[0] === 'help') {
      stdout.write(AUDIT_HELP);
      return EXIT_OK;
    }
    return runAudit(rest, { cwd, stdout, stderr });
  }
  if (command !== 'codemod') {
    stderr.write(`resilience: unknown command ${JSON.stringify(command)}\n\n${generalHelp(codemods)}`);
    return EXIT_USAGE;
  }

  try {
    const args = parseCodemodArgs(rest, codemods);
    if (args === 'help') {
      stdout.write(codemodHelp(codemods));
      return EXIT_OK;
    }
    return await runCodemodCommand(setUp(args, codemods, cwd, io), cwd, stdout, stderr, io);
  } catch (error) {
    const message = stopMessage(error);
    if (message === null) throw error;
    stderr.write(message);
    return EXIT_USAGE;
  }
}

async function runCodemodCommand(setup: Setup, cwd: string, stdout: OutputStream, stderr: OutputStream, io: RunOptions): Promise<number> {
  const { args, prepared } = setup;
  const targets = resolveTargets(cwd, args.paths);
  const discovery = findFiles(cwd, targets, args.extensions, args.ignorePatterns);
  // A run killed while writing a file left its recovery copy: the original goes back before the git check and before anything is read.
  const recovered = recoverInterruptedWrites(discovery.files, args.dry).map((r) => ({ ...r, file: toPosix(relative(cwd, r.file)) }));
  for (const r of recovered) stderr.write(`${recoveryText(r, args.dry)}\n`);
  const notRestored = new Set(recovered.filter((r) => !r.restored && !args.dry).map((r) => resolve(cwd, r.file)));
  if (notRestored.size > 0) {
    // Perhaps half written: never transformed; the file report says why.
    discovery.files = discovery.files.filter((file) => !notRestored.has(file));
    for (const r of recovered) if (!r.restored) discovery.skipped.push({ file: r.file, reason: `left half written by a killed run; its original is in ${r.copy}` });
  }
  if (!args.dry && !args.force) checkCleanTrees(targets);
  const configByFile: Map<string, FileConfig> = args.eslintConfig
    ? await loadFileConfigs(cwd, discovery.files, prepared.definition.ruleIds, io.configTimeoutMs ?? configTimeoutMs())
    : new Map();
  checkRequiredSetting(prepared.definition, discovery.files.length, setup.settingsOverride, configByFile, args);

  const { reports, done } = await runFiles({
    cwd,
    files: discovery.files,
    realRoots: targets.realRoots,
    prepared,
    workerSetup: setup.workerSetup,
    cpus: args.cpus,
    runInBand: args.runInBand,
    ...(setup.settingsOverride ? { settingsOverride: setup.settingsOverride } : {}),
    configByFile,
    dry: args.dry,
    print: args.print,
    data: stdout,
    progress: stderr,
    ...(io.signal ? { signal: io.signal } : {}),
    ...(io.onFileDone ? { onFileDone: io.onFileDone } : {}),
  });

  const total = discovery.files.length;
  const skipped: FileReport[] = discovery.skipped.map((s) => ({ file: s.file, status: 'skipped', reason: s.reason, rewritten: [], left: [] }));
  const files = [...reports, ...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const summary = summarize(files);
  const interrupted = !!io.signal?.aborted && done < total;
  const report: RunReport = {
    transform: prepared.definition.name,
    leftPositions: args.dry ? 'as it would be written' : 'as written',
    options: { ...prepared.options },
    dry: args.dry,
    interrupted,
    files,
    summary,
    ...(recovered.length > 0 ? { recovered } : {}),
  };

  const reportWritten = args.report ? writeReportFile(resolve(cwd, args.report), report, stderr) : true;
  (args.dry || args.print ? stderr : stdout).write(closingText(report, done, total));
  if (interrupted) return io.interruptExitCode?.() ?? EXIT_INTERRUPTED;
  return summary.filesErrored > 0 || !reportWritten ? EXIT_ERRORS : EXIT_OK;
}

/** The line that says what became of a recovery copy a killed run left. */
function recoveryText(r: Recovery, dry: boolean): string {
  const left = `a run killed while writing ${r.file} left the recovery copy ${r.copy} next to it`;
  if (r.restored) return `${left}: the original was put back in place and the copy removed; the file is transformed again now.`;
  if (dry) return `${left}: this dry run reads the file as it is now (perhaps half written); a run without --dry puts the original back first.`;
  return `${left}, and it could not be put back (${r.error ?? 'unknown error'}): restore the file from the copy by hand.`;
}

/** A transform whose settings configure nothing would report "0 files would change": say why instead (exit 2). */
function checkRequiredSetting(
  definition: CodemodDefinition,
  fileCount: number,
  override: CodemodSettings | undefined,
  configByFile: ReadonlyMap<string, FileConfig>,
  args: CodemodArgs,
): void {
  const key = definition.requiresSetting;
  if (!key || fileCount === 0) return;
  const all = override ? [override] : [...configByFile.values()].map((config) => config.settings);
  const configured = all.some((settings) => {
    const list = (settings.resilience as Record<string, unknown> | undefined)?.[key];
    return Array.isArray(list) && list.length > 0;
  });
  if (configured) return;
  const where = args.settings
    ? args.settings
    : args.eslintConfig
      ? 'the ESLint config of any of the files'
      : 'any settings (--no-eslint-config was given and no --settings file)';
  throw new PreflightError(
    `${definition.name} has nothing to do: settings.resilience.${key} is missing or empty in ${where}. ` +
      `Configure at least one entry (docs/settings.md), or pass --settings <file.json>.`,
  );
}

function configTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.RESILIENCE_CONFIG_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 60_000;
}

/**
 * The V8 heap growing factor of a codemod run, as the flag that sets it, or null to leave V8's own.
 *
 * A codemod run holds little: after a full collection the heap is about 50 MB
 * (the code of ESLint, TypeScript and the plugin; measured on the bench corpus,
 * the same after 600 files as after 2,600, so nothing per file is kept). But
 * each parsed file's ASTs, tokens and scopes outlive several young-generation
 * collections while the file is linted, so they are promoted, and V8 lets the
 * old generation grow to about 4x the last live size (plus what is promoted
 * while it marks) before it collects again: peaks of 300-450 MB of dead ASTs,
 * 0.5-1.4 GB of RSS. Growing by 2x instead bounds that garbage at about the
 * live size; it costs more full collections (45 instead of 17 on the bench
 * corpus, about 1.3 s more of a 25 s run). A `--heap-growing-percent` the user
 * gives node (command line or NODE_OPTIONS) wins.
 */
export function codemodHeapFlag(argv: readonly string[], execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): string | null {
  if (argv[0] !== 'codemod') return null;
  const given = (list: readonly string[]) => list.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
  if (given(execArgv) || given((env.NODE_OPTIONS ?? '').split(/\s+/))) return null;
  return '--heap-growing-percent=100';
}

const EXIT_TERMINATED = 143;

/**
 * Entry point of the `resilience` binary: SIGINT and SIGTERM stop the run
 * gracefully (the files in progress finish, the summary and the report are
 * written; exit 130 or 143); a second signal stops at once. `overrides` are test hooks.
 */
export function main(overrides: Pick<RunOptions, 'rulesModule' | 'codemods'> = {}): void {
  // Read by V8 at each full collection, so setting it now applies to the whole run (worker threads too).
  const heapFlag = codemodHeapFlag(process.argv.slice(2));
  if (heapFlag) setFlagsFromString(heapFlag);
  const controller = new AbortController();
  let interrupts = 0;
  let exitCode = EXIT_INTERRUPTED;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    const code = signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED;
    if (interrupts === 1) {
      exitCode = code;
      process.stderr.write(`\n${signal === 'SIGTERM' ? 'Terminated' : 'Interrupted'}: finishing the files in progress (a second signal stops now; no file is left half written)…\n`);
      controller.abort();
    } else {
      process.exit(code);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const finish = (code: number) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.exitCode = code;
    // Something the user's ESLint config left running (a timer, a socket) must not keep the process alive.
    setTimeout(() => process.exit(code), 2000).unref();
  };
  run(process.argv.slice(2), { ...overrides, signal: controller.signal, interruptExitCode: () => exitCode }).then(finish, (error: unknown) => {
    process.stderr.write(`resilience: ${error instanceof Error ? error.message : String(error)}\n`);
    finish(EXIT_USAGE);
  });
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) main();
