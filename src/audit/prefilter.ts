/**
 * The audit's file selection before parsing (issue 17): a file that cannot
 * lie on any chain to a finding is not parsed at all.
 *
 * Why the selection is exact (the findings and their chains are the same as
 * when every file is parsed; test/audit/prefilter-corpus.test.ts checks it
 * on real packages, bench/audit-prefilter.mjs on the whole bench corpus):
 *
 * - A finding ends at an access (a call the rule's matcher matches) or at a
 *   call of a function tagged `@guarded` (src/audit/graph.ts `findings`). An
 *   access lies in a file whose text passes the rule's own text prefilter
 *   (`mayTouchResource`, the one `no-unguarded-shared-resource` and the
 *   guard-shared-resource codemod use), or it is a method call on a client
 *   imported from a project file that makes it (`export const pool = new
 *   Pool()`): that file passes the prefilter, and the importer imports it. A
 *   `@guarded` tag is in the text of the function's own file. These files
 *   are the sources, S0.
 * - Every cross-file link of the call graph is a module reference of the file
 *   that holds it: collect.ts records an `import` reference (an import, a
 *   re-export, `export *`, `require`, `import()` with a static string,
 *   `import x = require()`) for a value that comes from another file, and
 *   graph.ts resolves each one with the ModuleResolver; instances of known
 *   classes, superclasses, class fields, objects of functions, default
 *   exports used as namespaces, imported clients and callbacks handed to a
 *   project function are all values reached through such references. So a
 *   call in file A reaches a function in file B only when A imports B,
 *   directly or through files that re-export or hold the value; the same for
 *   registrations (a route, timer or job handler imported from B), `--entry`
 *   files and Next.js route files (their exports re-exported from B).
 * - Hence every caller of a function in a file of U (S0 and every file that
 *   imports a file of U, transitively) is in U: each chain to a finding
 *   runs inside U, and each function of U has the same callers (so the same
 *   root status) and the same guards as with every file parsed. Incoming
 *   edges keep their order, since parsed files keep the order they were found in.
 * - D is every file that a file of U imports, transitively. With U ∪ D
 *   parsed, every reference of a parsed file resolves as it did with every
 *   file parsed: nothing a parsed file imports is missing (so the summary's
 *   "imports outside the given paths" and "callbacks handed to code outside
 *   the project" of those files stay as they were, e.g. a callback handed to a
 *   helper module that does not import the resource file).
 * - The module scan over-approximates: it reads every string after `from`,
 *   `import` or `require` (past whitespace, comments and `(`), also with the
 *   keyword spelled with `\u` escapes, and every string of a file where
 *   `require` is followed by `<` (`require<T>('./a')`). A specifier in a
 *   comment or an unused string only adds a file.
 *
 * - A file that imports a project file outside the given paths, or one that
 *   cannot be read, is a source too: the audit cannot see what that file
 *   does (as before, the summary counts such imports, and the count stays
 *   what it was with every file parsed).
 *
 * What changes: files outside U ∪ D are not parsed, so a parse error there is
 * not reported (nor counted as an import outside the paths by the files that
 * import it), and the summary's counts of functions, calls, roots, dynamic
 * calls and outgoing callbacks cover the parsed files only.
 */
import { mayTouchResource } from '../resources/match';
import type { SharedResource } from '../settings';
import type { ModuleResolver } from './resolve';

/**
 * True when findings can end in the file: it may hold an access of one of its
 * resources (the rule's own text prefilter) or a `@guarded` function.
 */
export function maySourceFinding(resources: readonly SharedResource[], text: string): boolean {
  return text.includes('@guarded') || resources.some((resource) => mayTouchResource(resource, text));
}

/** `from`, `import` or `require` as a whole word (`$` and `_` are word characters in JavaScript). */
const KEYWORD = /(?<![\w$])(?:from|import|require)(?![\w$])/g;
/** Whitespace, comments and opening parentheses between a keyword and its string: `require ( /* x *\/ './a' )`. */
const TRIVIA = /(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*|\()*/y;
const UNICODE_ESCAPE = /\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})/g;

/**
 * Every module specifier the text may refer to (an over-approximation): the
 * value of each string literal or expression-free template literal that
 * follows `from`, `import` or `require` past whitespace, comments and `(`.
 * Escapes are decoded (`'.\u002fa'` is `./a`); a `node:` specifier also
 * gives its name without the prefix, as the import tracker strips it. A file
 * where `require` is followed by `<` (type arguments: `require<T>('./a')`)
 * gives every string in it.
 */
export function moduleSpecifiers(text: string): string[] {
  const out = new Set<string>();
  let everyString = scanKeywords(text, out);
  // Keywords spelled with escapes (`\u0072equire('./a')`) are keywords to the parser: scan the text with escapes decoded too.
  if (text.includes('\\u')) {
    const decoded = text.replace(UNICODE_ESCAPE, (whole, four: string | undefined, braced: string | undefined) => {
      const code = Number.parseInt(four ?? braced!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
    if (decoded !== text) everyString = scanKeywords(decoded, out) || everyString;
  }
  if (everyString) {
    for (let at = 0; at < text.length; at++) {
      const char = text[at];
      if (char !== "'" && char !== '"' && char !== '`') continue;
      const value = readString(text, at);
      if (value !== null) out.add(value);
    }
  }
  for (const specifier of [...out]) if (specifier.startsWith('node:')) out.add(specifier.slice(5));
  return [...out];
}

/** Adds the strings after each keyword; true when `require` is followed by `<`. */
function scanKeywords(text: string, out: Set<string>): boolean {
  let angle = false;
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(text); match !== null; match = KEYWORD.exec(text)) {
    TRIVIA.lastIndex = match.index + match[0].length;
    TRIVIA.exec(text);
    const at = TRIVIA.lastIndex;
    const char = text[at];
    if (char === "'" || char === '"' || char === '`') {
      const value = readString(text, at);
      if (value !== null) out.add(value);
    } else if (char === '<' && match[0] === 'require') {
      // `require<T>('./a')`: type arguments (`from` and `import` are never followed by them).
      angle = true;
    }
  }
  return angle;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

/**
 * The value of the string literal or template literal starting at `start`
 * (its opening quote), or null when it is not one: a quote string that a
 * line break ends, a template with `${`, or no closing quote.
 */
export function readString(text: string, start: number): string | null {
  const quote = text[start];
  const template = quote === '`';
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text[at]!;
    if (char === quote) return value;
    if (char === '\\') {
      const escaped = readEscape(text, at + 1);
      value += escaped.value;
      at = escaped.end;
      continue;
    }
    if (template) {
      if (char === '$' && text[at + 1] === '{') return null;
      if (char === '\r') {
        // A template's line breaks are LF in its value.
        value += '\n';
        at += text[at + 1] === '\n' ? 2 : 1;
        continue;
      }
    } else if (char === '\n' || char === '\r') {
      return null;
    }
    value += char;
    at++;
  }
  return null;
}

/** The value of the escape after a backslash at `at - 1`, and where the text goes on. */
function readEscape(text: string, at: number): { value: string; end: number } {
  const char = text[at];
  if (char === undefined) return { value: '', end: at };
  if (char === '\r') return { value: '', end: text[at + 1] === '\n' ? at + 2 : at + 1 };
  if (char === '\n' || char === '\u2028' || char === '\u2029') return { value: '', end: at + 1 };
  if (char in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[char]!, end: at + 1 };
  if (char === 'x') {
    const hex = /^[0-9a-fA-F]{2}/.exec(text.slice(at + 1, at + 3));
    if (hex) return { value: String.fromCharCode(Number.parseInt(hex[0], 16)), end: at + 3 };
  } else if (char === 'u') {
    const escape = /^u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})/.exec(text.slice(at, at + 16));
    if (escape) {
      const code = Number.parseInt(escape[1] ?? escape[2]!, 16);
      if (code <= 0x10ffff) return { value: String.fromCodePoint(code), end: at + escape[0].length };
    }
  } else if (char >= '0' && char <= '7') {
    // Legacy octal escapes of scripts: up to three digits, at most \377.
    const octal = /^[0-3]?[0-7]{1,2}/.exec(text.slice(at, at + 3))![0];
    return { value: String.fromCharCode(Number.parseInt(octal, 8)), end: at + octal.length };
  }
  return { value: char, end: at + 1 };
}

/**
 * Chooses the files to parse. Each file is recorded once with whether it is a
 * source of findings and the module specifiers its text may hold; `select`
 * then gives U ∪ D (see the module header).
 */
export class FileSelection {
  private readonly index = new Map<string, number>();
  private readonly sources: number[] = [];
  /** Project files (indices) each recorded file may import. */
  private readonly imports: number[][] = [];
  private readonly paths: string[] = [];

  constructor(private readonly resolver: ModuleResolver) {}

  private indexOf(path: string): number {
    let index = this.index.get(path);
    if (index === undefined) {
      index = this.paths.length;
      this.index.set(path, index);
      this.paths.push(path);
      this.imports.push([]);
    }
    return index;
  }

  /**
   * A file the audit can read: `source` when findings can end in it. A file
   * that imports a project file outside the given paths is kept like a
   * source: the audit cannot see what that file does.
   */
  record(path: string, source: boolean, text: string): void {
    const index = this.indexOf(path);
    let keep = source;
    const targets = new Set<number>();
    for (const specifier of moduleSpecifiers(text)) {
      const resolution = this.resolver.resolve(path, specifier);
      if (resolution.kind === 'file' && resolution.path !== path) targets.add(this.indexOf(resolution.path));
      else if (resolution.kind === 'outside') keep = true;
    }
    if (keep) this.sources.push(index);
    for (const target of targets) this.imports[index]!.push(target);
  }

  /** A file among the paths that cannot be read (binary, too large): like a file outside them, its importers are kept. */
  recordUnreadable(path: string): void {
    this.sources.push(this.indexOf(path));
  }

  /** U (the sources and every file that imports one of U) and D (every file that U imports, transitively). */
  select(): Set<string> {
    const importers: number[][] = this.paths.map(() => []);
    this.imports.forEach((targets, from) => {
      for (const target of targets) importers[target]!.push(from);
    });
    const chosen = new Uint8Array(this.paths.length);
    const up = [...this.sources];
    for (const index of up) chosen[index] = 1;
    while (up.length > 0) {
      for (const from of importers[up.pop()!]!) {
        if (!chosen[from]) {
          chosen[from] = 1;
          up.push(from);
        }
      }
    }
    const down: number[] = [];
    chosen.forEach((flag, index) => {
      if (flag) down.push(index);
    });
    while (down.length > 0) {
      for (const target of this.imports[down.pop()!]!) {
        if (!chosen[target]) {
          chosen[target] = 1;
          down.push(target);
        }
      }
    }
    const out = new Set<string>();
    chosen.forEach((flag, index) => {
      if (flag) out.add(this.paths[index]!);
    });
    return out;
  }
}
