/**
 * Runs plugin rules in-process through ESLint's Linter, the way an editor or
 * the CLI does, for tests that span all rules.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
// @ts-expect-error -- plain ESM module without types
import { runConfig } from '../../bench/corpus.mjs';
import plugin from '../../src/index';

/** A catalog that switches every rule on: a shared filesystem and an HTTP dependency. */
export const allOnSettings = {
  resilience: {
    sharedResources: [
      {
        name: 'shared-fs',
        match: { modules: ['fs', 'fs/promises', 'fs-extra'], calls: ['uploadStore.*'] },
        guards: ['withOutageFlip', 'sharedFsBreaker.fire'],
        flags: ['outageFlips.sharedFs', 'isSharedFsUp()'],
        fix: {
          wrap: "withOutageFlip('shared-fs', () => $CALL)",
          import: { named: 'withOutageFlip', from: './src/lib/outage-flips' },
        },
      },
      {
        name: 'payments-api',
        match: { globals: ['fetch'] },
        guards: ['paymentsBreaker.execute'],
      },
    ],
    hotFunctions: ['handleEvent'],
    cloneFunctions: ['utils.deepCopy'],
  },
};

export interface LintOptions {
  filename?: string;
  settings?: Record<string, unknown>;
  /** Rule options, by rule name. */
  options?: Record<string, unknown[]>;
  /** Rules to run (default: all). */
  ruleNames?: string[];
}

/**
 * Normalized config arrays by settings object, options object and a text key (rules, language):
 * `Linter#verify` given a plain array builds and validates the whole config again on every call,
 * which the crash-safety runs (thousands of calls with the same settings and options) would pay each time.
 */
const normalized = new WeakMap<object, WeakMap<object, Map<string, Linter.Config[]>>>();

/** The options of a call that passes none: one object, so those calls share their normalized configs too. */
const NO_OPTIONS: Record<string, unknown[]> = Object.freeze({}) as Record<string, unknown[]>;

export function lint(code: string, { filename = 'src/file.ts', settings = allOnSettings, options = NO_OPTIONS, ruleNames }: LintOptions = {}) {
  const names = ruleNames ?? Object.keys(plugin.rules);
  const isTs = /\.[cm]?tsx?$/.test(filename);
  const jsx = isTs ? filename.endsWith('x') : true;
  const linter = new Linter({ cwd: '/project' });
  let byOptions = normalized.get(settings);
  if (!byOptions) normalized.set(settings, (byOptions = new WeakMap()));
  let byKey = byOptions.get(options);
  if (!byKey) byOptions.set(options, (byKey = new Map()));
  const key = JSON.stringify([names, isTs, jsx]);
  let config = byKey.get(key);
  if (!config) {
    const plain: Linter.Config = {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: isTs
        ? { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx } } }
        : { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx } } },
      plugins: { resilience: plugin as never },
      settings,
      rules: Object.fromEntries(names.map((name) => [`resilience/${name}`, ['error', ...(options[name] ?? [])]])),
    };
    config = runConfig([plain], '/project') as Linter.Config[];
    byKey.set(key, config);
  }
  return linter.verify(code, config, `/project/${filename}`);
}

/** Applies one suggestion to the code. */
export function applySuggestion(code: string, suggestion: { fix: { range: [number, number]; text: string } }): string {
  const [start, end] = suggestion.fix.range;
  return code.slice(0, start) + suggestion.fix.text + code.slice(end);
}
