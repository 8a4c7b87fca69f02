import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** name and version from this package's own package.json (from `src/` in tests, `dist/src/` when built). */
function readPackageJson(): { name: string; version: string } {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const json = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'eslint-plugin-resilience' && typeof json.version === 'string') {
        return { name: json.name, version: json.version };
      }
    }
    dir = dirname(dir);
  }
  throw new Error('eslint-plugin-resilience: cannot find its own package.json');
}

export const packageInfo = readPackageJson();
