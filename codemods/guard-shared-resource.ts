/**
 * jscodeshift transform: applies the suggestion rewrite of
 * `no-unguarded-shared-resource` (each resource's `fix.wrap` template and
 * `fix.import`). Settings come from `settings.resilience` in the ESLint config
 * of the working directory; `--settings=file.json` overrides them.
 *
 *   npx jscodeshift --no-babel -t node_modules/eslint-plugin-resilience/dist/codemods/guard-shared-resource.js src/
 */
import { makeTransform, type CodemodDefinition } from '../src/codemod/codemod';

export const codemod: CodemodDefinition = {
  name: 'guard-shared-resource',
  description: "Wrap unguarded shared-resource calls in the resource's guard (rule no-unguarded-shared-resource).",
  ruleIds: ['no-unguarded-shared-resource'],
  options: [],
  requiresSetting: 'sharedResources',
};

export default makeTransform(codemod);
