/**
 * The small AST helpers of src/ast/ that stand in for
 * `@typescript-eslint/utils/ast-utils` (so that loading the plugin does not
 * load it): each gives the exact values listed, and the same value as the
 * helper it replaces on every case (`thisOwner` and `isNothing`, which
 * replace none, against exact values only).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { isFunction, isLoop } from '../src/ast/functions';
import { isNothing } from '../src/ast/nothing';
import { isParenthesized } from '../src/ast/parens';
import { memberPropertyName } from '../src/ast/property-name';
import { findVariable } from '../src/ast/scope';
import { thisOwner } from '../src/ast/this-owner';
import { childrenOf, walkAll, walkOwn } from '../src/ast/walk';
import { statementFlow } from '../src/retry/ast';

type Listeners = (context: Readonly<TSESLint.RuleContext<'x', []>>) => TSESLint.RuleListener;

/** Runs `listeners` on `code` (the TypeScript parser for a .ts name, espree otherwise; `script` for sloppy-mode code). */
function lint(code: string, listeners: Listeners, { filename = 'file.ts', sourceType = 'module' as 'module' | 'script' } = {}): void {
  const probe: TSESLint.RuleModule<'x', []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    create: listeners,
  };
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { sourceType, ...(filename.endsWith('.ts') ? { parser: tsParser as Linter.Parser } : {}) },
        plugins: { t: { rules: { probe: probe as unknown as Rule.RuleModule } } },
        rules: { 't/probe': 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
}

describe('isParenthesized (src/ast/parens.ts)', () => {
  /** isParenthesized of every identifier `x`, ours and the original's. */
  function parenthesized(code: string, options?: Parameters<typeof lint>[2]): { ours: boolean[]; original: boolean[] } {
    const ours: boolean[] = [];
    const original: boolean[] = [];
    lint(
      code,
      (context) => ({
        'Identifier[name="x"]'(node: TSESTree.Identifier) {
          ours.push(isParenthesized(node, context.sourceCode));
          original.push(ASTUtils.isParenthesized(node, context.sourceCode));
        },
      }),
      options,
    );
    return { ours, original };
  }

  it.each([
    ['a plain expression statement', 'x;', [false]],
    ['one pair', '(x);', [true]],
    ['parenthesized twice', '((x));', [true]],
    ['the object of a member', '(x).y; x.y;', [true, false]],
    ['the only argument of a call: the call syntax', 'f(x);', [false]],
    ['the only argument, parenthesized', 'f((x));', [true]],
    ['the first of two arguments', 'f(x, y); f((x), y);', [false, true]],
    ['new with one argument', 'new F(x); new F((x));', [false, true]],
    ['if, while, do-while, switch tests', 'if (x) {} while (x) {} do {} while (x); switch (x) {}', [false, false, false, false]],
    ['the same tests parenthesized', 'if ((x)) {} while ((x)) {} do {} while ((x)); switch ((x)) {}', [true, true, true, true]],
    ['import()', 'import(x); import((x));', [false, true]],
    ['a catch parameter', 'try {} catch (x) {}', [false]],
    ['a single arrow parameter in parentheses counts (as in the original)', 'const f = (x) => 1;', [true]],
    ['an argument of a call with type arguments', 'f<T>(x); f<T>((x)); new F<T>(x);', [false, true, false]],
    ['a template expression', 'const s = `${x}`;', [false]],
    ['an assignment value', 'let a; a = (x); a = x;', [true, false]],
  ])('%s', (_name, code, expected) => {
    const { ours, original } = parenthesized(code);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(original);
  });

  it('with (x) is the statement syntax, with ((x)) a pair (sloppy script)', () => {
    const { ours, original } = parenthesized('with (x) {} with ((x)) {}', { filename: 'file.js', sourceType: 'script' });
    expect(ours).toEqual([false, true]);
    expect(ours).toEqual(original);
  });
});

describe('findVariable (src/ast/scope.ts)', () => {
  type Found = number | 'no declaration' | null;
  /** For every `probe(name)`: the line of the first declaration of the variable found by name from the call's scope ('no declaration' for a configured global), or null. */
  function found(code: string): { ours: Found[]; original: Found[] } {
    const ours: Found[] = [];
    const original: Found[] = [];
    const line = (variable: TSESLint.Scope.Variable | null): Found => (variable ? (variable.defs[0]?.name.loc.start.line ?? 'no declaration') : null);
    lint(code, (context) => ({
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        const name = (node.arguments[0] as TSESTree.Identifier).name;
        const scope = context.sourceCode.getScope(node);
        ours.push(line(findVariable(scope, name)));
        original.push(line(ASTUtils.findVariable(scope, name)));
      },
    }));
    return { ours, original };
  }

  it.each([
    ['a module-level const', 'const a = 1;\nprobe(a);', [1]],
    ['a shadowed variable: the inner one', 'const a = 1;\nfunction f() {\n  const a = 2;\n  probe(a);\n}', [3]],
    ['the outer one outside the shadowing function', 'const a = 1;\nfunction f() {\n  const a = 2;\n}\nprobe(a);', [1]],
    ['a block-scoped shadow ends with its block', 'let a = 1;\n{\n  let a = 2;\n  probe(a);\n}\nprobe(a);', [3, 1]],
    ['a parameter', 'function f(\n  a,\n) {\n  probe(a);\n}', [2]],
    ['declared later in the same scope (hoisted name)', 'probe(a);\nlet a = 1;', [2]],
    ['a sibling function\'s local is not visible', 'function f() {\n  const a = 1;\n}\nfunction g() {\n  probe(a);\n}', [null]],
    ['an undeclared global', 'probe(setTimeout);', [null]],
    ['a global declared by a comment', '/* global a */\nprobe(a);', ['no declaration']],
    ['an import', "import { a } from 'm';\nprobe(a);", [1]],
  ])('%s', (_name, code, expected) => {
    const { ours, original } = found(code);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(original);
  });

  it('null without a scope', () => {
    expect(findVariable(null, 'a')).toBeNull();
  });
});

describe('memberPropertyName (src/ast/property-name.ts)', () => {
  /** The property name of every member access whose object is `o`, ours and the original's (without a scope). */
  function names(code: string): { ours: (string | null)[]; original: (string | null)[] } {
    const ours: (string | null)[] = [];
    const original: (string | null)[] = [];
    lint(code, () => ({
      'MemberExpression[object.name="o"]'(node: TSESTree.MemberExpression) {
        ours.push(memberPropertyName(node));
        original.push(ASTUtils.getPropertyName(node));
      },
    }));
    return { ours, original };
  }

  it.each([
    ['a dotted name', 'o.a;', ['a']],
    ['a string key', "o['a'];", ['a']],
    ['a template key without expressions', 'o[`a`];', ['a']],
    ['number keys, as strings', 'o[0]; o[1.50];', ['0', '1.5']],
    ['null, true, regex and bigint keys', 'o[null]; o[true]; o[/a/g]; o[1n];', ['null', 'true', '/a/g', '1']],
    ['a variable key: no scope, no name', 'const key = "a"; o[key];', [null]],
    ['a private name', 'class C { #a = 1; m(o: C) { return o.#a; } }', [null]],
    ['a concatenation is evaluated', "o['__pro' + 'to__'];", ['__proto__']],
    ['a computed template with an expression', "o[`__${'proto'}__`];", ['__proto__']],
    ['a call key', 'o[f()];', [null]],
    ['an optional member', "o?.['a'];", ['a']],
  ])('%s', (_name, code, expected) => {
    const { ours, original } = names(code);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(original);
  });
});

describe('isFunction and isLoop (src/ast/functions.ts)', () => {
  it('take the same node types as the originals', () => {
    const seen: string[] = [];
    lint(
      'function f() {} const g = function () {}; const h = () => 1; declare function d(): void;\n' +
        'for (;;) break; for (const k in o) {} for (const v of a) {} while (a) {} do {} while (a); class C { m() {} }',
      () => ({
        '*'(node: TSESTree.Node) {
          expect(isFunction(node)).toBe(ASTUtils.isFunction(node));
          expect(isLoop(node)).toBe(ASTUtils.isLoop(node));
          if (isFunction(node)) seen.push(`function:${node.type}`);
          if (isLoop(node)) seen.push(`loop:${node.type}`);
        },
      }),
    );
    expect(seen).toEqual([
      'function:FunctionDeclaration',
      'function:FunctionExpression',
      'function:ArrowFunctionExpression',
      'loop:ForStatement',
      'loop:ForInStatement',
      'loop:ForOfStatement',
      'loop:WhileStatement',
      'loop:DoWhileStatement',
      'function:FunctionExpression',
    ]);
    expect(isFunction(null)).toBe(false);
    expect(isLoop(undefined)).toBe(false);
  });
});

describe('thisOwner (src/ast/this-owner.ts)', () => {
  /**
   * For every `this` in `code` (and every method's own function), what
   * `thisOwner` names: `class A` / `class A static` by the class's name, `object o`
   * by the variable the object literal is assigned to, or null.
   */
  function owners(code: string, selector = 'ThisExpression'): (string | null)[] {
    const out: (string | null)[] = [];
    lint(code, () => ({
      [selector](node: TSESTree.Node) {
        const found = thisOwner(node);
        if (!found) return void out.push(null);
        const { owner, isStatic } = found;
        if (owner.type === 'ClassBody') out.push(`class ${owner.parent.id?.name ?? '(anonymous)'}${isStatic ? ' static' : ''}`);
        else out.push(`object ${((owner.parent as TSESTree.VariableDeclarator).id as TSESTree.Identifier).name}${isStatic ? ' static' : ''}`);
      },
    }));
    return out;
  }

  it.each([
    ['a static {} block', 'class A { static { this.x; } }', ['class A static']],
    ['class field initialisers, instance and static', 'class A { f = this.x; static g = this.y; }', ['class A', 'class A static']],
    ['an accessor', 'class A { accessor a = this.x; static accessor b = this.y; }', ['class A', 'class A static']],
    ['methods, instance and static', 'class A { m() { this.x; } static s() { this.y; } get g() { return this.z; } }', ['class A', 'class A static', 'class A']],
    ['an arrow inside a method keeps the method\'s this', 'class A { m() { const f = () => this.x; const g = () => () => this.y; } }', ['class A', 'class A']],
    ['an arrow field initialiser', 'class A { f = () => this.x; static g = () => this.y; }', ['class A', 'class A static']],
    ['a nested function inside a method: its own this', 'class A { m() { function g() { this.x; } const h = function () { this.y; }; } }', [null, null]],
    ['an object literal: a method, a function value, an arrow value', 'const o = { m() { this.x; }, n: function () { this.y; }, p: () => this.z };', ['object o', 'object o', null]],
    ['a class inside a method: the inner class', 'class A { m() { class B { static { this.x; } n() { this.y; } } this.z; } }', ['class B static', 'class B', 'class A']],
    ['a class expression', 'const C = class { m() { this.x; } };', ['class (anonymous)']],
    ['top level, a plain function, a callback function', 'this.x; function f() { this.y; } g(function () { this.z; });', [null, null, null]],
  ])('%s', (_name, code, expected) => {
    expect(owners(code)).toEqual(expected);
  });

  it('a method\'s own function node names its class', () => {
    expect(owners('class A { m() {} static s() {} } const o = { n() {} };', ':matches(MethodDefinition, Property) > FunctionExpression')).toEqual([
      'class A',
      'class A static',
      'object o',
    ]);
  });
});

describe('isNothing (src/ast/nothing.ts)', () => {
  /** isNothing of the initialiser of every `var v = …`, as written (no unwrapping). */
  function nothing(code: string): boolean[] {
    const out: boolean[] = [];
    lint(code, () => ({
      'VariableDeclarator[id.name="v"]'(node: TSESTree.VariableDeclarator) {
        out.push(isNothing(node.init!));
      },
    }));
    return out;
  }

  it.each([
    ['null, undefined, void 0, void of anything', 'var v = null; var v = undefined; var v = void 0; var v = void f();', [true, true, true, true]],
    ['falsy values that are not nothing', "var v = 0; var v = ''; var v = false; var v = NaN;", [false, false, false, false]],
    ['names, strings and other unary operators', "var v = x; var v = 'null'; var v = typeof x; var v = !x;", [false, false, false, false]],
    ['a TS wrapper is not seen through (callers unwrap first)', 'var v = null as any; var v = undefined!;', [false, false]],
  ])('%s', (_name, code, expected) => {
    expect(nothing(code)).toEqual(expected);
  });
});

describe('walkAll, walkOwn and childrenOf (src/ast/walk.ts)', () => {
  const code = `async function load(url) {
  if (!url) { return null; }
  const run = async () => { try { return await fetch(url); } catch (e) { log(e); } };
  return run();
}`;

  /** The types walked from the program, with the parser's keys and with those keys missing `IfStatement` and `ArrowFunctionExpression`. */
  function walked(walker: typeof walkAll, fromBody = false): { full: string[]; partial: string[]; ifChildren: string[] } {
    const out = { full: [] as string[], partial: [] as string[], ifChildren: [] as string[] };
    lint(
      code,
      (context) => ({
        Program(node) {
          const keys = context.sourceCode.visitorKeys;
          const partialKeys = Object.fromEntries(Object.entries(keys).filter(([type]) => type !== 'IfStatement' && type !== 'ArrowFunctionExpression'));
          const body = (node.body[0] as TSESTree.FunctionDeclaration).body;
          const root = fromBody ? body : node;
          walker(root, keys, (n) => void out.full.push(n.type));
          walker(root, partialKeys, (n) => void out.partial.push(n.type));
          const ifStatement = body.body[0]!;
          out.ifChildren = childrenOf(ifStatement, partialKeys).map((n) => n.type);
        },
      }),
      { filename: 'file.js' },
    );
    return out;
  }

  it('visits in source order through the visitor keys, and falls back to the node\'s own keys for a type they do not list', () => {
    const { full, partial, ifChildren } = walked(walkAll);
    expect(full).toEqual([
      'Program', 'FunctionDeclaration', 'Identifier', 'Identifier', 'BlockStatement',
      'IfStatement', 'UnaryExpression', 'Identifier', 'BlockStatement', 'ReturnStatement', 'Literal',
      'VariableDeclaration', 'VariableDeclarator', 'Identifier', 'ArrowFunctionExpression', 'BlockStatement',
      'TryStatement', 'BlockStatement', 'ReturnStatement', 'AwaitExpression', 'CallExpression', 'Identifier', 'Identifier',
      'CatchClause', 'Identifier', 'BlockStatement', 'ExpressionStatement', 'CallExpression', 'Identifier', 'Identifier',
      'ReturnStatement', 'CallExpression', 'Identifier',
    ]);
    // Without keys for two types, the same nodes are still reached (in the order of the node's own keys there).
    expect([...partial].sort()).toEqual([...full].sort());
    expect(ifChildren).toEqual(['UnaryExpression', 'BlockStatement']);
  });

  it('walkOwn visits a nested function but does not enter it, with or without keys for its type', () => {
    const { full, partial } = walked(walkOwn, true);
    const expected = [
      'BlockStatement', 'IfStatement', 'UnaryExpression', 'Identifier', 'BlockStatement', 'ReturnStatement', 'Literal',
      'VariableDeclaration', 'VariableDeclarator', 'Identifier', 'ArrowFunctionExpression',
      'ReturnStatement', 'CallExpression', 'Identifier',
    ];
    expect(full).toEqual(expected);
    expect([...partial].sort()).toEqual([...expected].sort());
  });
});

describe('statementFlow of a loop (src/retry/ast.ts)', () => {
  /** The flow of the first statement of `code`. */
  function flowOf(code: string) {
    let flow: ReturnType<typeof statementFlow> | null = null;
    lint(
      code,
      () => ({
        Program(node) {
          flow = statementFlow(node.body[0] as TSESTree.Statement, { loopLabel: null, inSwitch: false, innerLabels: new Set() });
        },
      }),
      { filename: 'file.js' },
    );
    return flow;
  }

  it.each([
    ['while (true) { work(); }', { normal: false, cont: false, exit: true }],
    ['while (1) { work(); }', { normal: false, cont: false, exit: true }],
    ["for (;'forever';) { work(); }", { normal: false, cont: false, exit: true }],
    ['do { work(); } while (1);', { normal: false, cont: false, exit: true }],
    ['while (1) { if (done()) break; }', { normal: true, cont: false, exit: false }],
    ['while (0) { work(); }', { normal: true, cont: false, exit: false }],
    ['while (ready) { work(); }', { normal: true, cont: false, exit: false }],
  ])('%s', (code, expected) => {
    expect(flowOf(code)).toEqual(expected);
  });
});
