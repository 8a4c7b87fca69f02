/**
 * A rule's options with its defaults filled in, as `applyDefault` of
 * `@typescript-eslint/utils/eslint-utils` does it (written here so that
 * loading the plugin does not load that subpath): the defaults are copied,
 * then each option the user gave replaces its default, except that an object
 * option is merged deeply into an object default (a nested object is merged,
 * an array or any other value replaces). Neither argument is changed.
 */

function isObjectNotArray(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `second` over `first`, key by key; nested objects merged, anything else from `second` where it has the key. */
export function deepMerge(first: Record<string, unknown> = {}, second: Record<string, unknown> = {}): Record<string, unknown> {
  const keys = new Set([...Object.keys(first), ...Object.keys(second)]);
  return Object.fromEntries(
    [...keys].map((key) => {
      const firstHasKey = key in first;
      const secondHasKey = key in second;
      const firstValue = first[key];
      const secondValue = second[key];
      if (firstHasKey && secondHasKey) {
        return [key, isObjectNotArray(firstValue) && isObjectNotArray(secondValue) ? deepMerge(firstValue, secondValue) : secondValue];
      }
      return [key, firstHasKey ? firstValue : secondValue];
    }),
  );
}

/** The options a rule runs with: `defaultOptions` (copied) with `userOptions` applied position by position. */
export function applyDefault<Options extends readonly unknown[]>(defaultOptions: Readonly<Options>, userOptions: readonly unknown[] | null | undefined): Options {
  const options = structuredClone(defaultOptions) as unknown as unknown[];
  if (userOptions == null) return options as unknown as Options;
  options.forEach((option, i) => {
    if (userOptions[i] === undefined) return;
    const userOption = userOptions[i];
    options[i] = isObjectNotArray(userOption) && isObjectNotArray(option) ? deepMerge(option, userOption) : userOption;
  });
  return options as unknown as Options;
}
