/**
 * What the timeout analysis reports to `require-timeout`: a call or client
 * that can wait forever on a dependency, where to report it, and the rewrite
 * that bounds it (null, with the reason, when there is none).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import type { VisitorKeys } from '../ast/walk';
import type { TextEdit } from '../fix/edits';
import type { ClassFieldIndex } from './flow';

export interface TimeoutOptions {
  /** The timeout the suggestions set, in milliseconds. */
  timeoutMs: number;
  /** Whether a suggestion may combine an existing signal with a timeout through `AbortSignal.any` (Node 20.3+). */
  abortSignalAny: boolean;
  /** Also report calls in the callbacks of React and Preact components and hooks, and keepalive fetches, which run in a user's browser (src/timeout/browser.ts). */
  reportBrowserUi: boolean;
  /**
   * Also report fetch with no signal (`waits: 'undici-defaults'`) where
   * Node's undici defaults bound it (300 s for the headers, 300 s per pause in
   * the body); on the ledger most such calls were one-off, CLI, dev-tool or
   * admin calls (reported by strict). Where the defaults are not known to
   * hold it is reported either way (`TimeoutAnalysis.undiciDefaultsHold`).
   */
  reportFetch: boolean;
}

export interface TimeoutFinding {
  /** The client, as its users know it: `fetch`, `axios`, `got`, `http`, `superagent`, `pg`, `AWS SDK`. */
  library: string;
  /** `missing`: nothing bounds the wait. `disabled`: an option turns the timeout off. */
  kind: 'missing' | 'disabled';
  /**
   * How long the call can wait without the missing bound: `forever` (the
   * library sets no timeout), or `undici-defaults` (fetch on Node, whose
   * default dispatcher gives up after 300 s without response headers and
   * after 300 s without body data, so a body that keeps trickling is never
   * cut off).
   */
  waits: 'forever' | 'undici-defaults' | 'unknown';
  /**
   * For `unknown`: why Node's undici defaults are not known to bound this
   * fetch ("this file loads `cross-fetch/polyfill`, ..."), for the message.
   */
  doubt?: string;
  /** Where to report: the call, the constructor or factory call, or the offending property. */
  node: TSESTree.Node;
  /** What is waiting: "This fetch call", "This axios instance". */
  subject: string;
  /** For `missing`: what is not there ("a signal with a timeout"). For `disabled`: the option as written ("timeout: 0"). */
  option: string;
  fix: { description: string; edits: TextEdit[] } | null;
  /** Why there is no suggestion (the text after "No quick fix: "). */
  noFix: string | null;
}

export interface TimeoutHandlers {
  onFinding: (finding: TimeoutFinding) => void;
}

/** What the library checks share for one file. */
export interface TimeoutContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  keys: VisitorKeys;
  imports: ImportTracker;
  options: TimeoutOptions;
  /**
   * Null when a suggestion may use `AbortSignal.timeout` in this file, else
   * the reason there is none; reads the nearest package.json's engines.node
   * on the first call only (./engines.ts).
   */
  abortSignalTimeoutBlocked: () => string | null;
  /**
   * What a node-fetch suggestion can use in this file (`timeout` for
   * node-fetch 2, `signal` for 3, else the reason there is none); resolves
   * node-fetch from the file's directory on the first call only (./node-fetch.ts).
   */
  nodeFetchTimeout: () => { kind: 'timeout' | 'signal'; version: string } | { kind: 'unknown'; reason: string };
  /** This file's class fields, indexed per class on first use (./flow.ts `classFieldValue`). */
  classFields: ClassFieldIndex;
}
