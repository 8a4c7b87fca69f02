/**
 * The step counter of test/scaling/*.test.ts: steps are rule listener calls
 * plus calls into the shared analysis (import tracking, scope lookups,
 * hot-path propagation) plus reads of child-scope lists, counted while every
 * rule lints one file.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { expect, vi } from 'vitest';
import { HotPathAnalysis } from '../../src/hot-path/analysis';
import { ImportTracker } from '../../src/imports';
import { rules } from '../../src/rules';
import { allOnSettings } from './lint';

const unit =
  "app.get('/u',async(req,res)=>{while(true){try{fs.readFileSync(SHARED+req.url);return structuredClone(req.body)}catch(e){log(e)}}});" +
  'function zz(x){return x.map((y)=>JSON.parse(JSON.stringify(y)))}retry(()=>zz(items));';
const header = "import fs from 'fs';";

export function oneLine(bytes: number, unique: boolean): string {
  const count = Math.ceil(bytes / unit.length);
  if (!unique) return header + unit.repeat(count);
  const parts = [header];
  for (let i = 0; i < count; i++) parts.push(unit.replaceAll('zz(', `zz${i}(`));
  return parts.join('');
}

/**
 * A bundle that requires a retry library and declares n functions and n
 * calls in one scope (what a concatenated or scope-hoisted bundle is): every
 * call's callee is looked up, among n sibling scopes.
 */
export function flatBundle(bytes: number): string {
  const parts = ["const pRetry = require('p-retry');"];
  for (let i = 0, length = parts[0]!.length; length < bytes; i++) {
    const part = `function helper${i}(x){return x+${i}}const value${i}=helper${i}(config.get('k${i}'));pRetry(()=>helper${i}(${i}),{retries:${i === 0 ? 'Infinity' : 3}});`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/**
 * Counts reads of every scope's child scopes: a variable lookup that scans the
 * sibling scopes of the use (instead of going up from the innermost one)
 * costs as many steps as there are functions beside it.
 */
function countChildScopeReads(scopeManager: { scopes: { childScopes: unknown[] }[] }, count: () => void): void {
  for (const scope of scopeManager.scopes) {
    scope.childScopes = new Proxy(scope.childScopes, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) count();
        return Reflect.get(target, property, receiver);
      },
    });
  }
}

export function countSteps(code: string): number {
  let steps = 0;
  const counted: Record<string, Rule.RuleModule> = {};
  let scopesCounted = false;
  for (const [name, rule] of Object.entries(rules)) {
    counted[name] = {
      meta: rule.meta as Rule.RuleMetaData,
      create(context) {
        if (!scopesCounted) {
          scopesCounted = true;
          countChildScopeReads(context.sourceCode.scopeManager as never, () => steps++);
        }
        const listeners = (rule as unknown as Rule.RuleModule).create(context) as Record<string, (...args: unknown[]) => void>;
        const wrapped: Record<string, (...args: unknown[]) => void> = {};
        for (const [selector, listener] of Object.entries(listeners)) {
          wrapped[selector] = (...args) => {
            steps++;
            listener(...args);
          };
        }
        return wrapped;
      },
    };
  }
  const originOf = vi.spyOn(ImportTracker.prototype, 'originOf');
  const variableOf = vi.spyOn(ImportTracker.prototype, 'variableOf');
  // The hot-path propagation: every caller it looks at is a step.
  const hotPath = HotPathAnalysis.prototype as unknown as Record<'usesOf', (...args: unknown[]) => unknown[]>;
  let hotPathSteps = 0;
  const usesOf = hotPath.usesOf;
  const usesSpy = vi.spyOn(hotPath, 'usesOf').mockImplementation(function (this: unknown, ...args: unknown[]) {
    const uses = usesOf.apply(this, args);
    hotPathSteps += 1 + uses.length;
    return uses;
  });
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { r: { rules: counted } },
        settings: allOnSettings,
        rules: Object.fromEntries(Object.keys(rules).map((name) => [`r/${name}`, 'error'])),
      },
    ],
    'src/bundle.ts',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  expect(messages.length).toBeGreaterThan(0);
  steps += originOf.mock.calls.length + variableOf.mock.calls.length + hotPathSteps;
  originOf.mockRestore();
  variableOf.mockRestore();
  usesSpy.mockRestore();
  return steps;
}

/**
 * Counting steps, not time: doubling a single-line file from 512 KB to 1 MB
 * must not more than double the steps (10% slack for fixed costs).
 */
export function expectLinearSteps(unique: boolean | ((bytes: number) => string)): void {
  const make = typeof unique === 'function' ? unique : (bytes: number) => oneLine(bytes, unique);
  const half = make(512 * 1024);
  const full = make(1024 * 1024);
  expect(full.length).toBeGreaterThanOrEqual(1024 * 1024);
  expect(full.includes('\n')).toBe(false);
  const stepsHalf = countSteps(half);
  const stepsFull = countSteps(full);
  expect(stepsHalf).toBeGreaterThan(1000);
  expect(stepsFull / stepsHalf).toBeLessThanOrEqual(2 * 1.1);
}

// Keeps the typed import used: the counted rules are the plugin's own.
export type Counted = TSESLint.RuleModule<string, unknown[]>;
