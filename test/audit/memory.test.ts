/**
 * The audit's memory is its per-file facts, not the files' syntax trees:
 * the facts collected from fixtures/audit-app are plain data (no tree node,
 * source code, scope or analysis object is reachable from them), and once a
 * file is collected nothing keeps its tree alive (a weak reference to it is
 * cleared by a collection). bench/audit-memory.mjs measures the heap per byte.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { FileParser, type FileFacts } from '../../src/audit/collect';
import { CallGraph } from '../../src/audit/graph';
import { ModuleResolver } from '../../src/audit/resolve';
import { parseSettings } from '../../src/settings';

const app = join(__dirname, '../../fixtures/audit-app');
const resources = parseSettings(JSON.parse(readFileSync(join(app, 'resilience.json'), 'utf8'))).sharedResources;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((file) => /\.[jt]s$/.test(file) && !file.endsWith('broken.ts'))
    .sort();
}

function collect(parser: FileParser, files: readonly string[], resolver: ModuleResolver): FileFacts[] {
  return files.map((path) => {
    const outcome = parser.parse({ path, rel: path.slice(app.length + 1), base: app, text: readFileSync(path, 'utf8') }, resources, {
      importedClient: () => null,
      mayBeProject: (from, specifier) => resolver.resolve(from, specifier).kind !== 'external',
    });
    if (!outcome.ok) throw new Error(`${path}: ${outcome.error}`);
    return outcome.facts;
  });
}

describe('audit memory', () => {
  const files = sourceFiles(join(app, 'src'));

  it('keeps plain facts: no syntax tree, source code, scope or analysis object is reachable from them', () => {
    const resolver = new ModuleResolver(new Set(files));
    const facts = collect(new FileParser(new Linter()), files, resolver);
    const graph = new CallGraph(facts, resolver);
    graph.build();
    expect(graph.findings().length).toBeGreaterThan(0);
    const kinds = new Set<string>();
    const seen = new Set<object>();
    const stack: unknown[] = [facts];
    while (stack.length > 0) {
      const value = stack.pop();
      if (typeof value === 'function') kinds.add(`function ${(value as { name: string }).name}`);
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      kinds.add(value.constructor?.name ?? 'null-prototype');
      if (value instanceof Map) for (const [key, item] of value) stack.push(key, item);
      else if (value instanceof Set) for (const item of value) stack.push(item);
      for (const key of Reflect.ownKeys(value)) stack.push((value as Record<PropertyKey, unknown>)[key]);
    }
    // Plain objects (functions, call sites, references, classes), their arrays and maps, and the files' own records.
    expect([...kinds].sort()).toEqual(['Array', 'FileFacts', 'Map', 'Object', 'Set']);
    expect(seen.size).toBeGreaterThan(100);
  });

  it('lets each syntax tree go once its file is collected', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const linter = new Linter();
    const parser = new FileParser(linter);
    const resolver = new ModuleResolver(new Set(files));
    const trees: WeakRef<object>[] = [];
    const kept: FileFacts[] = [];
    for (const file of files) {
      kept.push(...collect(parser, [file], resolver));
      trees.push(new WeakRef(linter.getSourceCode()!.ast));
    }
    // A weak reference keeps its target until the current job ends. Two collections, a job apart: on a loaded machine
    // one full collection has left a tree that nothing referenced any more (the CI run of stop 28); a tree still held
    // after the second is held.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    // The linter holds the last file's source code until its next run; every earlier tree is gone.
    expect(trees.slice(0, -1).filter((tree) => tree.deref() !== undefined)).toEqual([]);
    expect(trees.at(-1)!.deref()).toBeDefined();
    expect(kept).toHaveLength(files.length);
  });
});
