/**
 * A bad `settings.resilience` shown where the user looks. Throwing from a
 * rule's `create` would abort the whole file: the CLI prints "Oops! Something
 * went wrong!" blamed on whichever rule read the settings first, and an
 * editor shows no diagnostics at all, from any plugin. Instead the rules that
 * read the settings do nothing else on the file, and one of them reports the
 * problem once, at line 1, column 1, naming the key path and what was
 * expected.
 *
 * Exactly one report per file: every settings reader registers itself, at
 * `create`, in a per-file record keyed by the `SourceCode` object (no state
 * across files), and at `Program` (when every enabled rule has been created)
 * the first registered reader in SETTINGS_READERS reports. That order is
 * fixed, so the report comes from `no-unguarded-shared-resource` whenever it
 * is enabled (an error in every shipped config), else from
 * `no-deep-clone-in-hot-path`.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { ResilienceConfigError } from './errors';
import { getSettings, type ResilienceSettings } from './settings';

/** The rules that read `settings.resilience`, in the order that picks the one that reports. */
export const SETTINGS_READERS = ['no-unguarded-shared-resource', 'no-deep-clone-in-hot-path'] as const;
export type SettingsReader = (typeof SETTINGS_READERS)[number];

/** The message of `invalidSettings`, shared by every settings reader's `meta.messages`. */
export const INVALID_SETTINGS_MESSAGE =
  '{{problem}} The rules that read settings.resilience check nothing until it is fixed (see docs/settings.md).';

// ESLint makes a SourceCode object per file; oxlint has one for all files but
// resets every WeakMap entry keyed by it when a new file starts.
const readersByFile = new WeakMap<object, Set<SettingsReader>>();

function readersOf(sourceCode: object): Set<SettingsReader> {
  let readers = readersByFile.get(sourceCode);
  if (!readers) {
    readers = new Set();
    readersByFile.set(sourceCode, readers);
  }
  return readers;
}

type SettingsContext<MessageId extends string> = Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>;

/**
 * `settings.resilience` for a rule that reads it, or, when they are invalid,
 * the listeners the rule must return instead of its own: they report the
 * problem once per file and check nothing else.
 */
export function readSettings<MessageId extends string>(
  context: SettingsContext<MessageId | 'invalidSettings'>,
  rule: SettingsReader,
): { settings: ResilienceSettings } | { invalid: TSESLint.RuleListener } {
  try {
    return { settings: getSettings(context) };
  } catch (error) {
    if (!(error instanceof ResilienceConfigError)) throw error;
    const sourceCode = context.sourceCode;
    readersOf(sourceCode).add(rule);
    return {
      invalid: {
        Program() {
          const readers = readersOf(sourceCode);
          const reporter = SETTINGS_READERS.find((name) => readers.has(name));
          if (reporter !== rule) return;
          context.report({
            loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
            messageId: 'invalidSettings',
            data: { problem: error.message },
          });
        },
      },
    };
  }
}
