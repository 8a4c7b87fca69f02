/**
 * jscodeshift transform: applies the suggestion rewrites of `require-timeout`
 * (the client's own timeout: `signal: AbortSignal.timeout(ms)` for fetch,
 * `timeout` for axios, got and `http.request`, `.timeout(ms)` for superagent,
 * `connectionTimeoutMillis` for pg, `requestHandler: { requestTimeout }` for
 * AWS SDK v3 clients). Option `timeoutMs` is passed through to the rule; fetch
 * is rewritten too (the rule's `reportFetch`, off in `recommended`, is always on here).
 *
 *   npx jscodeshift --no-babel -t node_modules/eslint-plugin-resilience/dist/codemods/add-timeout.js src/
 */
import { makeTransform, type CodemodDefinition } from '../src/codemod/codemod';

export const codemod: CodemodDefinition = {
  name: 'add-timeout',
  description: 'Add a timeout to calls and clients that wait forever by default (rule require-timeout).',
  ruleIds: ['require-timeout'],
  options: [{ name: 'timeoutMs', type: 'integer', description: 'Timeout to set, in milliseconds.' }],
  // fetch with no signal is left to strict in the editor (Node bounds it at 300 s per pause); a bulk run that asks for timeouts bounds it too.
  ruleOverrides: { 'require-timeout': { reportFetch: true } },
};

export default makeTransform(codemod);
