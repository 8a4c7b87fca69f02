/** The command line of `resilience codemod`: flags, their checks, and the help texts. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { CodemodDefinition } from '../codemod/codemod';
import { SUPPORTED_EXTENSIONS } from '../codemod/engine';
import type { ParsedGlob } from '../glob';
import { packageInfo } from '../package-info';
import { parseIgnorePattern } from './files';

/** A bad command line: printed with a pointer to `--help`. */
export class UsageError extends Error {}

export interface CodemodArgs {
  transform: string;
  paths: string[];
  dry: boolean;
  print: boolean;
  report?: string;
  settings?: string;
  extensions: string[];
  ignorePatterns: ParsedGlob[];
  cpus: number;
  /** `--run-in-band`: transform in the main thread, no worker (one heap; a crash of the transform ends the run). */
  runInBand: boolean;
  force: boolean;
  eslintConfig: boolean;
  options: Record<string, unknown>;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function defaultCpus(): number {
  return Math.max(1, availableParallelism() - 1);
}

function transformLines(codemods: Readonly<Record<string, CodemodDefinition>>): string[] {
  const names = Object.keys(codemods);
  const width = Math.max(...names.map((n) => n.length), 0);
  return names.map((name) => `  ${name.padEnd(width)}  ${codemods[name]!.description}`);
}

export function generalHelp(codemods: Readonly<Record<string, CodemodDefinition>>): string {
  return [
    `resilience ${packageInfo.version}: codemods and the whole-program audit of eslint-plugin-resilience`,
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

export function codemodHelp(codemods: Readonly<Record<string, CodemodDefinition>>): string {
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
    `  --cpus <n>                Worker threads (default: ${defaultCpus()}).`,
    '  --run-in-band             Transform in the main thread, without workers (less memory; a file that',
    '                            crashes the transform or exhausts its memory then ends the run).',
    '  --force                   Run even when the git tree has uncommitted changes under <paths>.',
    '  -h, --help                Show this help.',
    ...(optionLines.length > 0 ? ['', 'Transform options (passed to the rules):', ...optionLines] : []),
    '',
    'Exit codes: 0 done, 1 some files errored (the others were processed) or the report could not be written,',
    '2 usage or configuration error (nothing written), 130 interrupted (SIGINT), 143 terminated (SIGTERM).',
    '',
  ].join('\n');
}

/** Parses the arguments after `codemod`; throws `UsageError`. */
export function parseCodemodArgs(args: string[], codemods: Readonly<Record<string, CodemodDefinition>>): CodemodArgs | 'help' {
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
    'run-in-band': { type: 'boolean' },
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
  return {
    transform,
    paths,
    dry: values.dry === true,
    print: values.print === true,
    ...(typeof values.report === 'string' ? { report: values.report } : {}),
    ...(typeof values.settings === 'string' ? { settings: values.settings } : {}),
    extensions: parseExtensions(values.extensions),
    ignorePatterns: parseIgnorePatterns(values['ignore-pattern'] as string[] | undefined),
    cpus: parseCpus(values.cpus),
    runInBand: values['run-in-band'] === true,
    force: values.force === true,
    eslintConfig: values['no-eslint-config'] !== true,
    options,
  };
}

function parseExtensions(value: unknown): string[] {
  const extensions = typeof value === 'string'
    ? value.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter((e) => e.length > 0)
    : [...SUPPORTED_EXTENSIONS];
  const unsupported = extensions.filter((e) => !(SUPPORTED_EXTENSIONS as readonly string[]).includes(e));
  if (unsupported.length > 0 || extensions.length === 0) {
    throw new UsageError(`--extensions: ${unsupported.length > 0 ? `unsupported ${unsupported.join(', ')}` : 'empty list'} (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  return extensions;
}

function parseIgnorePatterns(texts: readonly string[] | undefined): ParsedGlob[] {
  const ignorePatterns: ParsedGlob[] = [];
  for (const text of texts ?? []) {
    const glob = parseIgnorePattern(text);
    if ('error' in glob) throw new UsageError(`--ignore-pattern ${JSON.stringify(text)} ${glob.error}`);
    ignorePatterns.push(glob);
  }
  return ignorePatterns;
}

function parseCpus(value: unknown): number {
  if (typeof value !== 'string') return defaultCpus();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--cpus must be a positive integer (got ${JSON.stringify(value)})`);
  return Number(value);
}
