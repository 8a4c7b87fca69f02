/**
 * Module resolution for the audit: which project file an import specifier
 * names. Relative and absolute paths, implied extensions (`./a` is `a.ts`,
 * `a.js`, …), `index` files, TypeScript's `.js`-for-`.ts` convention, and
 * `tsconfig.json` `paths` and `baseUrl` (the nearest tsconfig above the file,
 * following relative `extends`). Bare package names are external.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export type Resolution =
  | { kind: 'file'; path: string }
  /** A project file that exists but is not among the audited paths. */
  | { kind: 'outside'; path: string }
  | { kind: 'external' };

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript ESM code imports `./a.js` for `a.ts`. */
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

interface PathsConfig {
  /** Directory `paths` targets are relative to. */
  pathsBase: string;
  baseUrl: string | null;
  paths: [pattern: string, targets: string[]][];
}

/** JSON with comments and trailing commas (tsconfig.json). */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

export class ModuleResolver {
  private readonly configByDir = new Map<string, PathsConfig | null>();
  private readonly memo = new Map<string, Resolution>();
  /** tsconfig files that could not be read: reported once in the summary. */
  readonly configErrors: string[] = [];

  constructor(private readonly files: ReadonlySet<string>) {}

  resolve(fromFile: string, specifier: string): Resolution {
    const dir = dirname(fromFile);
    const key = `${dir}\0${specifier}`;
    let result = this.memo.get(key);
    if (!result) {
      result = this.compute(dir, specifier);
      this.memo.set(key, result);
    }
    return result;
  }

  private compute(dir: string, specifier: string): Resolution {
    if (specifier.startsWith('node:')) return { kind: 'external' };
    if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier)) {
      return this.candidates(resolve(dir, specifier)) ?? { kind: 'external' };
    }
    const config = this.configFor(dir);
    if (config) {
      for (const [pattern, targets] of config.paths) {
        const star = pattern.indexOf('*');
        let rest: string | null = null;
        if (star === -1) rest = pattern === specifier ? '' : null;
        else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
          rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
        }
        if (rest === null) continue;
        for (const target of targets) {
          const found = this.candidates(resolve(config.pathsBase, target.replace('*', rest)));
          if (found) return found;
        }
      }
      if (config.baseUrl) {
        const found = this.candidates(resolve(config.baseUrl, specifier));
        if (found) return found;
      }
    }
    return { kind: 'external' };
  }

  private candidates(base: string): Resolution | null {
    const tries = [base, ...EXTENSIONS.map((ext) => base + ext)];
    for (const [js, tsExts] of Object.entries(JS_TO_TS)) {
      if (base.endsWith(js)) tries.push(...tsExts.map((ext) => base.slice(0, -js.length) + ext));
    }
    tries.push(...EXTENSIONS.map((ext) => join(base, `index${ext}`)));
    for (const path of tries) if (this.files.has(path)) return { kind: 'file', path };
    for (const path of tries) {
      if (isFile(path)) return { kind: 'outside', path };
    }
    return null;
  }

  private configFor(dir: string): PathsConfig | null {
    if (this.configByDir.has(dir)) return this.configByDir.get(dir)!;
    let config: PathsConfig | null = null;
    const file = join(dir, 'tsconfig.json');
    if (isFile(file)) {
      config = this.readConfig(file, 0);
    } else {
      const parent = dirname(dir);
      config = parent === dir ? null : this.configFor(parent);
    }
    this.configByDir.set(dir, config);
    return config;
  }

  private readConfig(file: string, depth: number): PathsConfig | null {
    let raw: { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
    try {
      raw = parseJsonc(readFileSync(file, 'utf8')) as typeof raw;
    } catch (error) {
      this.configErrors.push(`${file}: ${(error as Error).message}`);
      return null;
    }
    const dir = dirname(file);
    let inherited: PathsConfig | null = null;
    if (typeof raw.extends === 'string' && depth < 5 && (raw.extends.startsWith('.') || isAbsolute(raw.extends))) {
      const target = resolve(dir, raw.extends);
      const path = isFile(target) ? target : isFile(`${target}.json`) ? `${target}.json` : null;
      if (path) inherited = this.readConfig(path, depth + 1);
    }
    const options = raw.compilerOptions ?? {};
    const baseUrl = typeof options.baseUrl === 'string' ? resolve(dir, options.baseUrl) : (inherited?.baseUrl ?? null);
    let paths = inherited?.paths ?? [];
    let pathsBase = inherited?.pathsBase ?? dir;
    if (options.paths && typeof options.paths === 'object') {
      paths = Object.entries(options.paths as Record<string, unknown>)
        .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((t) => typeof t === 'string'))
        .sort((a, b) => prefixLength(b[0]) - prefixLength(a[0]));
      pathsBase = baseUrl ?? dir;
    }
    if (!baseUrl && paths.length === 0) return null;
    return { pathsBase, baseUrl, paths };
  }
}

/** TypeScript tries the pattern with the longest prefix first; exact patterns before any wildcard. */
function prefixLength(pattern: string): number {
  const star = pattern.indexOf('*');
  return star === -1 ? Number.MAX_SAFE_INTEGER : star;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
