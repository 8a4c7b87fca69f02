/**
 * The one base directory that paths in `settings.resilience` (`chokePoints`,
 * `fix.import.from`) are relative to, whatever directory ESLint or the codemod
 * runs from: the `root` setting when given, otherwise the directory of the
 * nearest `eslint.config.*` above the linted file (the config ESLint 10 uses
 * for that file), otherwise ESLint's working directory (a virtual file, or no
 * config file on disk). Looked up per file, no state kept between files.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ResilienceSettings } from './settings';

const CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

function isRealFilename(filename: string): boolean {
  return filename.length > 0 && !filename.startsWith('<') && !filename.includes('<text>');
}

/** The directory of the nearest eslint.config.* at or above `dir`, or null. */
export function nearestConfigDirectory(dir: string): string | null {
  for (let current = dir; ; ) {
    if (CONFIG_NAMES.some((name) => existsSync(path.join(current, name)))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

export interface BaseContext {
  filename: string;
  cwd: string;
}

/** The base directory of settings paths for this file, and the file's absolute path (or the virtual name). */
export function settingsBase(context: BaseContext, settings: Pick<ResilienceSettings, 'root'>): { base: string; filename: string } {
  const real = isRealFilename(context.filename);
  const filename = real ? path.resolve(context.cwd, context.filename) : context.filename;
  if (settings.root !== undefined) return { base: path.resolve(settings.root), filename };
  if (real) {
    const found = nearestConfigDirectory(path.dirname(filename));
    if (found !== null) return { base: found, filename };
  }
  return { base: path.resolve(context.cwd), filename };
}
