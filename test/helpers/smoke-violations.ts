/**
 * One violation per rule (the retry storm violates both retry rules; its fetch is left to strict), in TS and in JS, for the packaged-install smoke
 * test (its settings: a `shared-fs` resource matching `fs`). A rule missing
 * here makes that test fail, so every new rule adds its line.
 */
const retryStormTs =
  'export async function getUser(id: string): Promise<unknown> {\n  while (true) {\n    try {\n      return await (await fetch(`/users/${id}`)).json();\n    } catch {\n      // try again at once\n    }\n  }\n}\n';
const retryStormJs = retryStormTs.replace('id: string): Promise<unknown>', 'id)');

export const smokeViolations: Record<string, { ts: string; js: string }> = {
  'no-deep-clone-in-hot-path': {
    ts: 'export class AuditLogger {\n  log(record: object): object {\n    return JSON.parse(JSON.stringify(record));\n  }\n}\n',
    js: 'export class AuditLogger {\n  log(record) {\n    return JSON.parse(JSON.stringify(record));\n  }\n}\n',
  },
  'no-unbounded-retry': { ts: retryStormTs, js: retryStormJs },
  'require-retry-backoff': { ts: '', js: '' },
  'require-timeout': {
    ts: "import * as http from 'http';\nexport function ping(url: string): void {\n  http.get(url, (res) => res.resume());\n}\n",
    js: "import http from 'http';\nexport function ping(url) {\n  http.get(url, (res) => res.resume());\n}\n",
  },
  'no-unguarded-shared-resource': {
    ts: "import * as fs from 'fs';\nexport function readShared(file: string): string {\n  return fs.readFileSync(file, 'utf8');\n}\n",
    js: "import fs from 'fs';\nexport function readShared(file) {\n  return fs.readFileSync(file, 'utf8');\n}\n",
  },
};
