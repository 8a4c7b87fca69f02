/**
 * An error in the user's configuration. ESLint prints `error.stack` for fatal
 * errors; this error's stack is its message, so the user sees the key path and
 * what was expected, never a trace from inside a rule.
 */
export class ResilienceConfigError extends Error {
  override readonly name = 'ResilienceConfigError';

  constructor(message: string) {
    super(`eslint-plugin-resilience: ${message}`);
    Object.defineProperty(this, 'stack', {
      configurable: true,
      enumerable: false,
      get: () => this.message,
    });
  }
}
