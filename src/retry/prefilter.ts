/**
 * Text prefilter of the retry analysis: plain substring and regular-expression
 * tests on the file text that say whether a file can contain a hand-written
 * retry or a retry-library call at all. A file that can contain neither gets
 * no listeners (the lint rules) and is not parsed (the codemod).
 *
 * Conservative by construction: every condition below is implied by what the
 * analysis needs to find something (see the comments), so a `false` never
 * hides a finding; test/prefilters-corpus.test.ts checks this over the corpus,
 * the fixtures, the rule tests and the docs. The one blind spot is source
 * text that spells a keyword, name or module string with escapes
 * (`\u0063atch`, `'p\x2dretry'`), which no real code does.
 */
import { RETRY_LIBRARY_MODULES } from './libraries';

export interface RetryTextHints {
  /** A loop, recursion or reconnect retry is possible. */
  handWritten: boolean;
  /** A retry-library call is possible. */
  libraries: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A retry library named in a string (the analysis only looks at calls when a
 * String or Template token equals a module name, `node:` prefix allowed).
 * Sources, not compiled: `FIRST_HINT` below puts them in one alternation.
 */
const LIBRARY_STRING = String.raw`['"\`](?:node:)?(?:${[...new Set(RETRY_LIBRARY_MODULES)].map(escapeRegExp).join('|')})['"\`]`;

/**
 * White space and comments, as JavaScript allows them between two tokens (a
 * line comment ends at any line terminator, which `\s` then takes), taken
 * whole and never given back: the lookahead captures the longest run and the
 * back-reference `\<group>` consumes it, so the engine cannot backtrack into
 * it (a block comment ends at its first `*\/`). Without that, every `.` or
 * `catch` followed by a comment would retry the rest of the file.
 */
const gap = (group: number): string => String.raw`(?=((?:\s|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|\/\/[^\n\r\u2028\u2029]*)*))` + `\\${group}`;
/**
 * The failure path of loops, recursion and promise retries: a `catch` clause
 * (the keyword, then `(` or, with no binding, `{`) or a `.catch` member (the
 * analysis reads only non-computed `x.catch` / `x?.catch`). Not the word in
 * prose: "catch" in a comment or string, followed by neither, does not count.
 * (`group`, `group + 1`: the numbers of its two gaps' groups where it is put.)
 */
const CATCH = (group: number): string => String.raw`\bcatch${gap(group)}[({]|\.${gap(group + 1)}catch\b`;
/** `.then(onFulfilled, onRejected)`: a promise failure path (the analysis reads only non-computed `x.then` / `x?.then`). */
const THEN = (group: number): string => String.raw`\.${gap(group)}then\b`;
/**
 * Status checks (`res.ok`, `res.success`, `res.status`, `res.statusCode`) only count inside `while` / `do` / `for` loops:
 * the keyword, then `(` (`do … while (…)` included) or, for `for await (…)`, `await`.
 */
const LOOP = new RegExp(String.raw`\b(?:while|for)${gap(1)}(?:\(|await\b)`);
const STATUS = /\b(?:ok|success|status|statusCode)\b/;
/** A reconnect handler: `.on('error', ...)` and friends (a string or plain template), or `x.onclose = ...`. */
export const EVENT = /['"`](?:error|close|end|disconnect|disconnected)['"`]|\bon(?:error|close|end|disconnect|disconnected)\b/;
/**
 * An error-first callback's first parameter (`(err, data) =>`, `function (e)`,
 * `err =>`, `(error: Error)`, `(e?)`, `(e = null)`): the name, then optional
 * white space or comments, then `,` `)` `:` `=` or `?`. The same names as the
 * analysis's error-parameter test, case-insensitive like it. Written as a
 * lookbehind and a trie of the names (`err|error|e|er|ex|exception|reason`)
 * so that the engine tries a position only where an `e` or `r` starts: the
 * same matches as `(?:^|[^\w$.])(?:err|error|…)`, a quarter less time over
 * the corpus.
 */
const ERROR_PARAMETER = /(?<![\w$.])(?:e(?:rr(?:or)?|r|x(?:ception)?)?|reason)(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*(?:\n|$))*[,):=?]/i;

/**
 * The analysis takes an error-first callback for a failure path only where an
 * `if` tests its error parameter (`if (err)`, `if (err != null)`,
 * `if (null !== e && ...)`: `testsErrorParam` in recursion.ts), so the file
 * must also hold `if (` followed, inside the test, by one of those names as a
 * whole word. The test text is taken up to the first `;`, `{` or `}`: a
 * function with a body written inside an `if` test before the error name is
 * the one blind spot (besides escapes), which no real code does.
 */
const ERROR_TESTED_IN_IF = /\bif\s*\([^;{}]*?(?<![\w$.])(?:e(?:rr(?:or)?|r|x(?:ception)?)?|reason)(?![\w$])/i;

/**
 * The leftmost match of any of the one-scan tests: a library string (group
 * 1), or `CATCH`, `THEN` or `EVENT` (group 1 unset). Most files hold none,
 * and one scan for all four costs well under half of four scans. Where one is
 * found, the other side is searched for only from there on: no match of
 * either side starts before the leftmost match of their alternation.
 */
const FIRST_HINT = new RegExp(`(${LIBRARY_STRING})|${CATCH(2)}|${THEN(4)}|${EVENT.source}`);
/** The two sides alone, searched from a position (global, so `lastIndex` says where). */
const LIBRARY_FROM = new RegExp(LIBRARY_STRING, 'g');
const FAILURE_PATH_FROM = new RegExp(`${CATCH(1)}|${THEN(3)}|${EVENT.source}`, 'g');

/** Whether `pattern` (a global expression) matches in `text` starting at `from` or later. */
function matchesFrom(pattern: RegExp, text: string, from: number): boolean {
  pattern.lastIndex = from;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** What the file text leaves possible. */
export function retryTextHints(text: string): RetryTextHints {
  const first = FIRST_HINT.exec(text);
  let libraries = false;
  let failurePath = false;
  if (first !== null) {
    if (first[1] !== undefined) {
      libraries = true;
      failurePath = matchesFrom(FAILURE_PATH_FROM, text, first.index);
    } else {
      failurePath = true;
      libraries = matchesFrom(LIBRARY_FROM, text, first.index);
    }
  }
  // Each conjunction tests first the side of lower expected cost on the corpus: LOOP is the cheaper scan (though more
  // often true than STATUS), ERROR_TESTED_IN_IF both the cheaper and the less often true. Both sides are pure tests.
  const handWritten = failurePath || (LOOP.test(text) && STATUS.test(text)) || (ERROR_TESTED_IN_IF.test(text) && ERROR_PARAMETER.test(text));
  return { handWritten, libraries };
}

/** False when the file cannot contain a retry the analysis finds. */
export function mayContainRetry(text: string): boolean {
  const hints = retryTextHints(text);
  return hints.handWritten || hints.libraries;
}
