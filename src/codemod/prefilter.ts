/**
 * The codemod's text prefilter: a file in which none of the codemod's rules
 * can report anything is not parsed at all. Each rule's check is the very
 * prefilter its analysis applies before it returns listeners (so the two can
 * never disagree): the retry analysis's `mayContainRetry`, clone
 * recognition's `mayContainClone`, the resource matcher's `mayTouchResource`.
 * Those are proven conservative over the corpus by test/prefilters-corpus.test.ts
 * (all three in one parse per text).
 *
 * Only the plugin's own rule objects have a prefilter; a codemod with any
 * other rule (tests, a rules override) parses every file. A file whose
 * settings or options are invalid is never skipped, so the run still reports
 * the configuration error the rule raises.
 */
import { mayContainClone } from '../clones/recognise';
import { mayTouchResource } from '../resources/match';
import { mayContainRetry } from '../retry/prefilter';
import type { RuleModule } from '../rule-module';
import { rules as pluginRules } from '../rules';
import { getPatternLists, getSettings } from '../settings';

export interface PrefilterInput {
  text: string;
  /** ESLint shared settings of the file (`{ resilience: {...} }`). */
  settings: Record<string, unknown>;
  /** The rule's options object. */
  options: Record<string, unknown> | undefined;
}

type RulePrefilter = (input: PrefilterInput) => boolean;

const BY_RULE: Readonly<Record<string, RulePrefilter>> = {
  'no-unbounded-retry': ({ text }) => mayContainRetry(text),
  'require-retry-backoff': ({ text }) => mayContainRetry(text),
  'no-unguarded-shared-resource': ({ text, settings }) =>
    // Choke points are left out: a file the rule would skip as one is parsed anyway.
    getSettings({ settings }).sharedResources.some((resource) => mayTouchResource(resource, text)),
  'no-deep-clone-in-hot-path': ({ text, settings, options }) =>
    mayContainClone(text, getPatternLists({ settings }, (options ?? {}) as { cloneFunctions?: string[] }, 'no-deep-clone-in-hot-path').cloneFunctions),
};

/** True when the rule can report something in the text (or when we cannot tell). */
function ruleMayReport(name: string, rule: RuleModule, input: PrefilterInput): boolean {
  const check = BY_RULE[name];
  if (!check || pluginRules[name] !== rule) return true;
  try {
    return check(input);
  } catch {
    // Invalid settings or options: parse, so that the rule reports the error.
    return true;
  }
}

/**
 * The prefilter of a codemod's rules: false when none of them can report in
 * the file. Null when some rule has no prefilter (every file is parsed).
 */
export function codemodPrefilter(
  ruleIds: readonly string[],
  rules: Readonly<Record<string, RuleModule>>,
): ((text: string, settings: Record<string, unknown>, ruleOptions: Readonly<Record<string, Record<string, unknown> | undefined>>) => boolean) | null {
  if (ruleIds.some((id) => !BY_RULE[id] || pluginRules[id] !== rules[id])) return null;
  return (text, settings, ruleOptions) => ruleIds.some((id) => ruleMayReport(id, rules[id]!, { text, settings, options: ruleOptions[id] }));
}
