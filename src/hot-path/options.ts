/**
 * Rule options that add dotted patterns to `settings.resilience`
 * (`hotFunctions`, `cloneFunctions`). Validated like the settings, with the
 * same clear error naming the option.
 */
import { ResilienceConfigError } from '../errors';
import { parseDottedPattern, type DottedPattern } from '../patterns';

export function parsePatternOption(list: readonly string[] | undefined, path: string): DottedPattern[] {
  return (list ?? []).map((text, index) => {
    const parsed = parseDottedPattern(text);
    if ('error' in parsed) {
      throw new ResilienceConfigError(`${path}[${index}] must be a dotted name pattern such as "utils.deepCopy" (it ${parsed.error}).`);
    }
    return parsed;
  });
}
