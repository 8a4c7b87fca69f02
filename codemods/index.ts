/** The codemods the `resilience` CLI knows, by name. */
import type { CodemodDefinition } from '../src/codemod/codemod';
import { codemod as addRetryBackoff } from './add-retry-backoff';
import { codemod as addTimeout } from './add-timeout';
import { codemod as guardSharedResource } from './guard-shared-resource';

export const codemods: Readonly<Record<string, CodemodDefinition>> = {
  [addRetryBackoff.name]: addRetryBackoff,
  [addTimeout.name]: addTimeout,
  [guardSharedResource.name]: guardSharedResource,
};
