/**
 * Shared by test/crash-safety/*.test.ts: every rule, with a shared-resource
 * catalog matching `fs` and `fetch` and every option on; a thrown exception
 * fails with the file or the seed that reproduces it.
 */
import { rules } from '../../src/rules';
import { allOnSettings, lint } from './lint';

/** Every option switched to its most demanding value. */
const allOptions: Record<string, unknown[]> = {
  'no-unbounded-retry': [{ allowUnboundedWithBackoff: false }],
  'require-retry-backoff': [{ requireJitter: true }],
  'no-unguarded-shared-resource': [{ reportUnknownPaths: true }],
  'no-deep-clone-in-hot-path': [{ loops: 'async', hotFunctions: ['run'], cloneFunctions: ['helpers.copy'] }],
};
const options = Object.fromEntries(Object.keys(rules).map((name) => [name, allOptions[name] ?? []]));

export function lintOrExplain(code: string, filename: string, where: string) {
  try {
    return lint(code, { filename, settings: allOnSettings, options });
  } catch (error) {
    throw new Error(`a rule threw on ${where}: ${(error as Error).message}`);
  }
}

export const baseSeed = Number(process.env.FUZZ_SEED ?? 20261122);
