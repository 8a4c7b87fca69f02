/**
 * One violation per rule, in TS and in JS, for the packaged-install smoke
 * test (its settings: a `shared-fs` resource matching `fs`). A rule missing
 * here makes that test fail, so every new rule adds its line.
 */
export const smokeViolations: Record<string, { ts: string; js: string }> = {
  'no-unguarded-shared-resource': {
    ts: "import * as fs from 'fs';\nexport function readShared(file: string): string {\n  return fs.readFileSync(file, 'utf8');\n}\n",
    js: "import fs from 'fs';\nexport function readShared(file) {\n  return fs.readFileSync(file, 'utf8');\n}\n",
  },
};
