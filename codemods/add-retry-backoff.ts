/**
 * jscodeshift transform: applies the suggestion rewrites of `no-unbounded-retry`
 * and `require-retry-backoff` (bounded attempts, capped exponential backoff).
 * Options `maxAttempts`, `baseDelayMs`, `maxDelayMs` are passed through to the rules.
 *
 *   npx jscodeshift --no-babel -t node_modules/eslint-plugin-resilience/dist/codemods/add-retry-backoff.js src/
 */
import { makeTransform, type CodemodDefinition } from '../src/codemod/codemod';

export const codemod: CodemodDefinition = {
  name: 'add-retry-backoff',
  description: 'Bound retry loops and add capped exponential backoff (rules no-unbounded-retry, require-retry-backoff).',
  ruleIds: ['no-unbounded-retry', 'require-retry-backoff'],
  options: [
    { name: 'maxAttempts', type: 'integer', description: 'Attempts before giving up with the last error.' },
    { name: 'baseDelayMs', type: 'integer', description: 'Wait before the second attempt, in milliseconds; doubles each attempt.' },
    { name: 'maxDelayMs', type: 'integer', description: 'Cap on any single wait, in milliseconds.' },
  ],
};

export default makeTransform(codemod);
