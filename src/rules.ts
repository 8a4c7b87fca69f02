/**
 * The rules index: one entry per file in rules/. test/meta.test.ts checks it
 * matches the files on disk.
 */
import noDeepCloneInHotPath from '../rules/no-deep-clone-in-hot-path';
import type { RuleModule } from './rule-module';

export const rules: Record<string, RuleModule> = {
  'no-deep-clone-in-hot-path': noDeepCloneInHotPath,
};
