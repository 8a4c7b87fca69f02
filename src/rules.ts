/**
 * The rules index: one entry per file in rules/. test/meta.test.ts checks it
 * matches the files on disk.
 */
import noDeepCloneInHotPath from '../rules/no-deep-clone-in-hot-path';
import noUnboundedRetry from '../rules/no-unbounded-retry';
import noUnguardedSharedResource from '../rules/no-unguarded-shared-resource';
import requireRetryBackoff from '../rules/require-retry-backoff';
import requireTimeout from '../rules/require-timeout';
import type { RuleModule } from './rule-module';

export const rules: Record<string, RuleModule> = {
  'no-deep-clone-in-hot-path': noDeepCloneInHotPath,
  'no-unbounded-retry': noUnboundedRetry,
  'no-unguarded-shared-resource': noUnguardedSharedResource,
  'require-retry-backoff': requireRetryBackoff,
  'require-timeout': requireTimeout,
};
