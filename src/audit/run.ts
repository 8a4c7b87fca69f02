/**
 * `resilience audit [paths...] [--settings file.json] [--format text|json|sarif] [--output file]`:
 * every access of a shared resource that some call chain reaches from a root
 * without passing a guard, across the whole program. Settings come from the
 * user's ESLint config (`settings.resilience`, per file) or `--settings`.
 * Exit codes: 0 no finding, 1 findings, 2 usage or configuration error.
 */
import { lstatSync, writeFileSync } from 'node:fs';
import { dirname, parse as parsePath, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { parseArgs } from 'node:util';
import type { Linter } from 'eslint';
import { parseIgnorePattern, readSourceFile, type Discovery } from '../cli/files';
import { findFiles, loadFileConfigs, PreflightError, resolveTargets } from '../cli/preflight';
import { SUPPORTED_EXTENSIONS } from '../codemod/engine';
import { readSettingsFile } from '../codemod/settings-source';
import { ResilienceConfigError } from '../errors';
import { matchesGlob, parseGlob, type ParsedGlob } from '../glob';
import type { Origin } from '../imports';
import { parseSettings, type ResilienceSettings, type SharedResource } from '../settings';
import { settingsBase } from '../settings-base';
import { FileParser, type FileFacts } from './collect';
import { CallGraph } from './graph';
import { formatJson, formatSarif, formatText, makeSummary, type AuditReport } from './report';
import { FileSelection, maySourceFinding } from './prefilter';
import { ModuleResolver } from './resolve';

export interface AuditIo {
  cwd: string;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Test hook: the heap limit to stop near, in bytes (default: V8's). */
  heapLimit?: number;
  /** Internal: false parses every file, as before the prefilter (src/audit/prefilter.ts); the tests compare both. */
  prefilter?: boolean;
}

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const FORMATS = ['text', 'json', 'sarif'] as const;
/** Share of the heap limit in use (after three files in a row) at which the audit stops before running out of memory. */
const HEAP_SHARE = 0.75;
type Format = (typeof FORMATS)[number];

export const AUDIT_HELP = [
  'Usage: resilience audit [paths...] [options]',
  '',
  'Reports every access of a shared resource (settings.resilience.sharedResources) that a call chain',
  'reaches from a root (a route, job or event handler, an exported function nothing calls, top-level',
  'code) without passing a guard, with every such chain. Paths default to the working directory.',
  '',
  'Options:',
  "  --settings <file.json>    settings.resilience to use instead of the one in the ESLint config.",
  '  --format <text|json|sarif>  Output format (default: text). SARIF 2.1.0 shows each chain as a code flow.',
  '  --output <file>           Write the report to a file instead of stdout.',
  '  --entry <glob>            Files whose exported functions are also called from outside the given paths:',
  '                            their exports are roots even when the project calls them too (repeatable).',
  '  --ignore-pattern <glob>   Also ignore matching files or directories (repeatable).',
  '  -h, --help                Show this help.',
  '',
  'Exit codes: 0 no finding, 1 findings, 2 usage or configuration error (or not enough memory: see NODE_OPTIONS=--max-old-space-size).',
  '',
].join('\n');

class UsageError extends Error {}

interface AuditArgs {
  paths: string[];
  settings?: string;
  format: Format;
  output?: string;
  ignorePatterns: ParsedGlob[];
  entries: ParsedGlob[];
}

function parseAuditArgs(args: readonly string[]): AuditArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        settings: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'ignore-pattern': { type: 'string', multiple: true },
        entry: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${JSON.stringify(format)})`);
  const ignorePatterns: ParsedGlob[] = [];
  for (const text of values['ignore-pattern'] ?? []) {
    const glob = parseIgnorePattern(text);
    if ('error' in glob) throw new UsageError(`--ignore-pattern ${JSON.stringify(text)} ${glob.error}`);
    ignorePatterns.push(glob);
  }
  const entries: ParsedGlob[] = [];
  for (const text of values.entry ?? []) {
    const glob = parseGlob(text);
    if ('error' in glob) throw new UsageError(`--entry ${JSON.stringify(text)} ${glob.error}`);
    entries.push(glob);
  }
  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    ...(values.settings !== undefined ? { settings: values.settings } : {}),
    format: format as Format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ignorePatterns,
    entries,
  };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Runs `resilience audit` with the arguments after `audit`. Resolves to the exit code. */
export async function runAudit(argv: readonly string[], io: AuditIo): Promise<number> {
  const { cwd, stdout, stderr } = io;
  let args: AuditArgs | 'help';
  try {
    args = parseAuditArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`resilience audit: ${error.message}\nRun \`resilience audit --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (args === 'help') {
    stdout.write(AUDIT_HELP);
    return EXIT_CLEAN;
  }

  let discovery: Discovery;
  try {
    discovery = findFiles(cwd, resolveTargets(cwd, args.paths), [...SUPPORTED_EXTENSIONS], args.ignorePatterns);
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error;
    stderr.write(`resilience audit: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const display = (file: string) => toPosix(relative(cwd, file));

  // The catalog: --settings, or settings.resilience of each file's ESLint config (identical catalogs share resources).
  // Each file's settings base (chokePoints): `root`, else the --settings file's directory, else (settings from an
  // ESLint config) the directory of the nearest eslint.config.* above the file, as in the rule and the codemod.
  const resourcesByFile = new Map<string, readonly SharedResource[]>();
  const baseByFile = new Map<string, string>();
  try {
    if (args.settings !== undefined) {
      const settingsPath = resolve(cwd, args.settings);
      const settings = parseSettings(readSettingsFile(settingsPath).resilience);
      const base = settings.root !== undefined ? resolve(settings.root) : dirname(settingsPath);
      for (const file of discovery.files) {
        resourcesByFile.set(file, settings.sharedResources);
        baseByFile.set(file, base);
      }
    } else {
      const configs = await loadFileConfigs(cwd, discovery.files, []);
      const byText = new Map<string, ResilienceSettings>();
      for (const file of discovery.files) {
        const raw = configs.get(file)?.settings.resilience;
        const key = JSON.stringify(raw ?? null);
        let settings = byText.get(key);
        if (!settings) byText.set(key, (settings = parseSettings(raw)));
        resourcesByFile.set(file, settings.sharedResources);
        baseByFile.set(file, settingsBase({ filename: file, cwd }, settings).base);
      }
    }
  } catch (error) {
    if (!(error instanceof ResilienceConfigError)) throw error;
    stderr.write(`resilience audit: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (![...resourcesByFile.values()].some((resources) => resources.length > 0)) {
    stderr.write(
      'resilience audit: no shared resources configured: set settings.resilience.sharedResources in the ESLint config, or pass --settings <file.json>\n',
    );
    return EXIT_USAGE;
  }

  // Parse every file once, running the rule's analysis; keep its facts (plain data) for the graph, not its tree.
  const started = performance.now();
  // ESLint is loaded when an audit runs, not when the CLI imports this module (a codemod run does not need it here).
  const { Linter: LinterClass } = require('eslint') as typeof import('eslint');
  const parser = new FileParser(new LinterClass({ cwd: parsePath(cwd).root }));
  const resolver = new ModuleResolver(new Set(discovery.files));
  const mayBeProject = (from: string, specifier: string) => resolver.resolve(from, specifier).kind !== 'external';
  // The first reading notes the imported values the rule's client tracking asks about; the graph answers later.
  const noteImportedClient = (file: FileFacts, origin: Origin): string | null => {
    if (origin.module !== null && resolver.resolve(file.path, origin.module).kind === 'file') {
      if (!file.clientOrigins.some((o) => o.module === origin.module && o.path.join('\0') === origin.path.join('\0'))) file.clientOrigins.push(origin);
    }
    return null;
  };
  const facts: FileFacts[] = [];
  const skipped = discovery.skipped.map((s) => ({ file: s.file, reason: s.reason }));
  const showProgress = discovery.files.length >= 200;

  // Only the files that can lie on a chain to a finding are parsed (src/audit/prefilter.ts): the sources of findings
  // (the rule's text prefilter, `@guarded`), every file that imports one of them, transitively, and every file those import.
  let toParse = discovery.files;
  let notParsed = 0;
  if (io.prefilter !== false) {
    const selection = new FileSelection(resolver);
    const unreadable = new Set<string>();
    for (const file of discovery.files) {
      const read = readSourceFile(file);
      if (read.kind === 'skip') {
        skipped.push({ file: display(file), reason: read.reason });
        unreadable.add(file);
        selection.recordUnreadable(file);
      } else {
        selection.record(file, maySourceFinding(resourcesByFile.get(file) ?? [], read.text), read.text);
      }
    }
    const chosen = selection.select();
    toParse = discovery.files.filter((file) => chosen.has(file) && !unreadable.has(file));
    notParsed = discovery.files.length - unreadable.size - toParse.length;
    if (showProgress) {
      stderr.write(
        `resilience audit: ${notParsed} of ${discovery.files.length} files cannot be on a chain to a finding (prefilter); parsing ${toParse.length} (${Math.round(performance.now() - started)} ms)\n`,
      );
    }
  }

  const total = toParse.length;
  const heapLimit = io.heapLimit ?? getHeapStatistics().heap_size_limit;
  let nearLimit = 0;
  for (let index = 0; index < total; index++) {
    const file = toParse[index]!;
    const rel = display(file);
    const read = readSourceFile(file);
    if (read.kind === 'skip') {
      skipped.push({ file: rel, reason: read.reason });
    } else {
      const resources = resourcesByFile.get(file) ?? [];
      const outcome = parser.parse({ path: file, rel, base: baseByFile.get(file) ?? cwd, text: read.text }, resources, {
        importedClient: noteImportedClient,
        mayBeProject,
      });
      if (outcome.ok) facts.push(outcome.facts);
      else skipped.push({ file: rel, reason: outcome.error.startsWith('internal error') ? outcome.error : `does not parse: ${outcome.error}` });
    }
    if (showProgress && ((index + 1) % 250 === 0 || index + 1 === total)) {
      stderr.write(`resilience audit: parsed ${index + 1}/${total} files (${Math.round(performance.now() - started)} ms)\n`);
    }
    // The facts of every file are kept until the graph is done: stop with a clear error rather than run out of memory.
    {
      nearLimit = getHeapStatistics().used_heap_size > HEAP_SHARE * heapLimit ? nearLimit + 1 : 0;
      if (nearLimit >= 3) {
        stderr.write(
          `resilience audit: out of memory after ${index + 1} of ${total} files (heap limit ${Math.round(heapLimit / 2 ** 20)} MiB); ` +
            'run it with a larger heap, e.g. NODE_OPTIONS=--max-old-space-size=8192, or on fewer paths\n',
        );
        return EXIT_USAGE;
      }
    }
  }

  const graph = new CallGraph(facts, resolver);
  graph.markEntryFiles((file) => args.entries.some((glob) => matchesGlob(glob, file.rel)));
  graph.build();
  // A file that calls methods on a value imported from the project, where that value is a client made in another
  // file (`export const pool = new Pool()`): its accesses are collected again, now that the graph knows.
  for (const file of facts) {
    if (!file.clientOrigins.some((origin) => graph.importedClient(file, origin) !== null)) continue;
    const read = readSourceFile(file.path);
    const again =
      read.kind === 'skip'
        ? null
        : parser.parse({ path: file.path, rel: file.rel, base: baseByFile.get(file.path) ?? cwd, text: read.text }, file.resources, {
            importedClient: (_again, origin) => graph.importedClient(file, origin),
            mayBeProject,
          });
    if (again?.ok) file.replaceAccesses(again.facts);
    else graph.errors.set(file, `internal error: cannot read the file again (${again ? again.error : 'unreadable'})`);
  }
  const findings = graph.findings();
  if (showProgress) stderr.write(`resilience audit: call graph and chains done (${Math.round(performance.now() - started)} ms)\n`);
  for (const error of resolver.configErrors) stderr.write(`resilience audit: cannot read ${error}; its paths are not used\n`);

  for (const [file, reason] of graph.errors) skipped.push({ file: file.rel, reason });
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const report: AuditReport = { findings, summary: makeSummary(graph.stats, findings, facts.length, notParsed, skipped) };
  const text = args.format === 'json' ? formatJson(report) : args.format === 'sarif' ? formatSarif(report, cwd) : formatText(report);
  if (args.output !== undefined) {
    try {
      writeFileSync(resolve(cwd, args.output), text);
    } catch (error) {
      stderr.write(`resilience audit: cannot write ${args.output}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    stderr.write(`resilience audit: ${findings.length} finding(s); report written to ${args.output}\n`);
  } else {
    stdout.write(text);
  }
  return findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
