/**
 * Text prefilter of the retry analysis: plain substring and regular-expression
 * tests on the file text that say whether a file can contain a hand-written
 * retry or a retry-library call at all. A file that can contain neither gets
 * no listeners (the lint rules) and is not parsed (the codemod).
 *
 * Conservative by construction: every condition below is implied by what the
 * analysis needs to find something (see the comments), so a `false` never
 * hides a finding; test/retry/prefilter.test.ts checks this over the corpus,
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
 */
const LIBRARY_STRING = new RegExp(`['"\`](?:node:)?(?:${[...new Set(RETRY_LIBRARY_MODULES)].map(escapeRegExp).join('|')})['"\`]`);

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
 */
const CATCH = new RegExp(String.raw`\bcatch${gap(1)}[({]|\.${gap(2)}catch\b`);
/** `.then(onFulfilled, onRejected)`: a promise failure path (the analysis reads only non-computed `x.then` / `x?.then`). */
const THEN = new RegExp(String.raw`\.${gap(1)}then\b`);
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

/** What the file text leaves possible. */
export function retryTextHints(text: string): RetryTextHints {
  const libraries = LIBRARY_STRING.test(text);
  const handWritten =
    CATCH.test(text) || THEN.test(text) || EVENT.test(text) || (LOOP.test(text) && STATUS.test(text)) || (ERROR_PARAMETER.test(text) && ERROR_TESTED_IN_IF.test(text));
  return { handWritten, libraries };
}

/** False when the file cannot contain a retry the analysis finds. */
export function mayContainRetry(text: string): boolean {
  const hints = retryTextHints(text);
  return hints.handWritten || hints.libraries;
}
