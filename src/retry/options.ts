/**
 * The options `no-unbounded-retry` and `require-retry-backoff` share: the
 * shape of the suggested backoff (`maxAttempts`, `baseDelayMs`, `maxDelayMs`)
 * and the literal limit that counts as none (`unboundedAbove`). Their defaults
 * and schema properties are written here once; each rule adds its own options.
 */
import type { JSONSchema } from '@typescript-eslint/utils';
import type { RetryAnalysisOptions } from './model';

/** The backoff options, in both rules. */
export type BackoffOptions = Omit<RetryAnalysisOptions, 'unboundedAbove'>;

/** Defaults of the backoff options (docs/rules/*.md state them). */
export const BACKOFF_DEFAULTS = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10000 } as const satisfies BackoffOptions;

/** Default of `unboundedAbove` (an option of no-unbounded-retry; require-retry-backoff always uses the default). */
export const UNBOUNDED_ABOVE_DEFAULT = 1000;

/** The longest wait a Node timer keeps (2^31-1 ms); Node turns a longer one into 1 ms. */
export const TIMER_MAX_MS = 2 ** 31 - 1;

type Properties = NonNullable<JSONSchema.JSONSchema4ObjectSchema['properties']>;

/** Schema properties of the backoff options; `maxAttempts` is described by each rule (what it limits differs). */
export function backoffSchemaProperties(maxAttemptsDescription: string): Properties {
  return {
    maxAttempts: { type: 'integer', minimum: 1, description: maxAttemptsDescription },
    baseDelayMs: { type: 'number', minimum: 0, maximum: TIMER_MAX_MS, description: 'Base delay in ms of the suggested exponential backoff.' },
    maxDelayMs: { type: 'number', minimum: 0, maximum: TIMER_MAX_MS, description: 'Cap in ms of the suggested exponential backoff.' },
  };
}

/** Schema property of `unboundedAbove`. */
export const unboundedAboveSchema: Properties[string] = {
  type: 'number',
  minimum: 1,
  description: 'A literal attempt limit at or above this counts as no limit.',
};
