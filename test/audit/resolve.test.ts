/** Module resolution of the audit: relative, extensions, index files, .js for .ts, tsconfig paths/baseUrl/extends. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleResolver, parseJsonc } from '../../src/audit/resolve';

let root: string;
const project = () => join(root, 'app');
const file = (path: string) => join(project(), path);

function write(path: string, text = 'export {};\n') {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'audit-resolve-'));
  for (const path of ['src/a.ts', 'src/b.js', 'src/lib/index.ts', 'src/lib/util.tsx', 'src/esm.ts', 'src/deep/x.ts', 'vendor/v.ts', 'other/outside.ts']) {
    write(file(path));
  }
  write(join(root, 'base.json'), '{ "compilerOptions": { "baseUrl": "app/src" } }');
  write(
    file('tsconfig.json'),
    `{
      // comments and trailing commas, as tsc allows
      "extends": "../base.json",
      "compilerOptions": {
        "paths": { "@lib/*": ["lib/*"], "@lib": ["lib/index.ts"], "@v/*": ["../../app/vendor/*", ], },
      },
    }`,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ModuleResolver', () => {
  it('resolves project specifiers to the audited files, and says which are outside or external', () => {
    const audited = ['src/a.ts', 'src/b.js', 'src/lib/index.ts', 'src/lib/util.tsx', 'src/esm.ts', 'src/deep/x.ts', 'vendor/v.ts'].map(file);
    const resolver = new ModuleResolver(new Set(audited));
    const from = file('src/deep/x.ts');
    const cases: [string, unknown][] = [
      ['../a', { kind: 'file', path: file('src/a.ts') }],
      ['../b', { kind: 'file', path: file('src/b.js') }],
      ['../lib', { kind: 'file', path: file('src/lib/index.ts') }],
      ['../lib/util', { kind: 'file', path: file('src/lib/util.tsx') }],
      ['../esm.js', { kind: 'file', path: file('src/esm.ts') }],
      ['@lib/util', { kind: 'file', path: file('src/lib/util.tsx') }],
      ['@lib', { kind: 'file', path: file('src/lib/index.ts') }],
      ['@v/v', { kind: 'file', path: file('vendor/v.ts') }],
      // baseUrl from the extended config
      ['a', { kind: 'file', path: file('src/a.ts') }],
      ['lib', { kind: 'file', path: file('src/lib/index.ts') }],
      ['../../other/outside', { kind: 'outside', path: file('other/outside.ts') }],
      ['express', { kind: 'external' }],
      ['node:fs', { kind: 'external' }],
      ['../missing', { kind: 'external' }],
    ];
    for (const [specifier, expected] of cases) expect([specifier, resolver.resolve(from, specifier)]).toEqual([specifier, expected]);
    expect(resolver.configErrors).toEqual([]);
  });

  it('names a tsconfig it cannot read, and goes on without its paths', () => {
    const dir = join(root, 'bad');
    write(join(dir, 'tsconfig.json'), '{ "compilerOptions": ');
    write(join(dir, 'm.ts'));
    const resolver = new ModuleResolver(new Set([join(dir, 'm.ts')]));
    expect(resolver.resolve(join(dir, 'm.ts'), 'm')).toEqual({ kind: 'external' });
    expect(resolver.resolve(join(dir, 'm.ts'), './m')).toEqual({ kind: 'file', path: join(dir, 'm.ts') });
    expect(resolver.configErrors).toHaveLength(1);
    expect(resolver.configErrors[0]).toContain(join(dir, 'tsconfig.json'));
  });

  it('parses JSON with comments without touching strings', () => {
    expect(parseJsonc('{ "a": "//not a comment", /* c */ "b": [1, 2,], }')).toEqual({ a: '//not a comment', b: [1, 2] });
  });
});
