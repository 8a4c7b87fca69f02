import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { importSpecifierFor, renderWrap } from '../../src/resources/rewrite';

/** The first call expression of `code`, parsed with ranges. */
function firstCall(code: string): TSESTree.CallExpression {
  const program = parse(code, { range: true, loc: true, ecmaVersion: 'latest', sourceType: 'module' }) as unknown as TSESTree.Node;
  let found: TSESTree.CallExpression | null = null;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'CallExpression') {
      found = node as TSESTree.CallExpression;
      return;
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(program);
  return found!;
}

function render(template: string, code: string, quote: "'" | '"' | null = null) {
  const call = firstCall(code);
  return renderWrap(template, code.slice(call.range[0], call.range[1]), call, quote);
}

describe('renderWrap', () => {
  it('substitutes every $CALL with the call text', () => {
    expect(render('guard(() => $CALL, () => $CALL)', 'fs.readFileSync(p)')).toEqual({
      text: 'guard(() => fs.readFileSync(p), () => fs.readFileSync(p))',
    });
  });

  it('parenthesises the call under `new`', () => {
    expect(render('new Wrapper($CALL)', 'make(p)')).toEqual({ text: 'new Wrapper(make(p))' });
    expect(render('new $CALL', 'make(p)')).toEqual({ text: 'new (make(p))' });
  });

  it('re-quotes plain template strings in the file quote style, leaving others', () => {
    expect(render("guard('shared-fs', () => $CALL)", 'f(p)', '"')).toEqual({ text: 'guard("shared-fs", () => f(p))' });
    expect(render("guard('it\"s', () => $CALL)", 'f(p)', '"')).toEqual({ text: "guard('it\"s', () => f(p))" });
  });

  it('refuses to move await into a non-async wrapper, allows an async one', () => {
    expect(render('guard(() => $CALL)', 'async function g() { f(await p); }')).toEqual({
      noFix: 'the call contains `await`, which cannot move into a non-async wrapper function',
    });
    expect(render('guard(async () => $CALL)', 'async function g() { f(await p); }')).toEqual({ text: 'guard(async () => f(await p))' });
    // await inside a nested arrow belongs to that arrow.
    expect(render('guard(() => $CALL)', 'f(async () => await p)')).toEqual({ text: 'guard(() => f(async () => await p))' });
  });

  it('refuses `this` under a non-arrow wrapper function', () => {
    expect(render('guard(function () { return $CALL; })', 'class A { m() { f(this.p); } }')).toEqual({
      noFix: 'the call uses `this` or `arguments`, which a non-arrow wrapper function would change',
    });
    expect(render('guard(() => $CALL)', 'class A { m() { f(this.p); } }')).toEqual({ text: 'guard(() => f(this.p))' });
  });

  it('refuses yield inside a wrapper function', () => {
    expect(render('guard(() => $CALL)', 'function* g() { f(yield 1); }')).toEqual({
      noFix: 'the call contains `yield`, which cannot move into the wrapper function',
    });
  });
});

describe('importSpecifierFor', () => {
  const cwd = '/project';
  it('rewrites ./ specifiers relative to the file', () => {
    expect(importSpecifierFor('./src/lib/outage-flips', { filename: '/project/src/routes/a.ts', cwd })).toBe('../lib/outage-flips');
    expect(importSpecifierFor('./src/lib/outage-flips', { filename: 'src/lib/a.ts', cwd })).toBe('./outage-flips');
    expect(importSpecifierFor('./src/lib/outage-flips', { filename: '/project/index.ts', cwd })).toBe('./src/lib/outage-flips');
    expect(importSpecifierFor('./src/lib/outage-flips', { filename: '<input>', cwd })).toBe('./src/lib/outage-flips');
  });
  it('leaves other specifiers unchanged', () => {
    expect(importSpecifierFor('@acme/outage', { filename: '/project/src/a.ts', cwd })).toBe('@acme/outage');
    expect(importSpecifierFor('../shared/outage', { filename: '/project/src/a.ts', cwd })).toBe('../shared/outage');
  });
});
