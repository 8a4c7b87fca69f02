import { describe, expect, it } from 'vitest';
import { configRules } from '../../src/configs';
import { rules } from '../../src/rules';

describe('retry rules in the configs', () => {
  it('recommended: no-unbounded-retry is an error, require-retry-backoff a warning', () => {
    const recommended = configRules(rules, 'recommended');
    expect(recommended['resilience/no-unbounded-retry']).toBe('error');
    expect(recommended['resilience/require-retry-backoff']).toBe('warn');
  });

  it('strict: both are errors, with the strict options', () => {
    const strict = configRules(rules, 'strict');
    expect(strict['resilience/no-unbounded-retry']).toEqual(['error', { allowUnboundedWithBackoff: false }]);
    expect(strict['resilience/require-retry-backoff']).toEqual(['error', { requireJitter: true, reportBounded: true }]);
    expect(strict['resilience/require-timeout']).toEqual(['error', { reportBrowserUi: true, reportFetch: true }]);
  });

  it('every option has a description and a default', () => {
    for (const name of ['no-unbounded-retry', 'require-retry-backoff']) {
      const meta = rules[name]!.meta;
      const schema = (meta.schema as unknown as { properties: Record<string, { description?: string }>; additionalProperties: boolean }[])[0]!;
      expect(schema.additionalProperties).toBe(false);
      const defaults = (meta.defaultOptions as Record<string, unknown>[])[0]!;
      for (const [key, property] of Object.entries(schema.properties)) {
        expect(property.description, `${name}.${key}`).toBeTruthy();
        expect(defaults[key], `${name}.${key} default`).not.toBeUndefined();
      }
      expect(meta.hasSuggestions).toBe(true);
      expect(meta.fixable).toBeUndefined();
    }
  });
});
