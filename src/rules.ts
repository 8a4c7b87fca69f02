/**
 * The rules index: one entry per file in rules/. test/meta.test.ts checks it
 * matches the files on disk.
 */
import noUnguardedSharedResource from '../rules/no-unguarded-shared-resource';
import type { RuleModule } from './rule-module';

export const rules: Record<string, RuleModule> = {
  'no-unguarded-shared-resource': noUnguardedSharedResource,
};
