/**
 * Counting steps, not time: on a 1 MB single-line file (a minified bundle is
 * one), the work every rule does grows linearly with the input. Steps are
 * rule listener calls plus calls into the shared analysis (import tracking,
 * scope lookups); doubling the input must not more than double them (with 10%
 * slack for fixed costs).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HotPathAnalysis } from '../src/hot-path/analysis';
import { ImportTracker } from '../src/imports';
import { rules } from '../src/rules';
import { allOnSettings } from './helpers/lint';

const unit =
  "app.get('/u',async(req,res)=>{while(true){try{fs.readFileSync(SHARED+req.url);return structuredClone(req.body)}catch(e){log(e)}}});" +
  'function zz(x){return x.map((y)=>JSON.parse(JSON.stringify(y)))}retry(()=>zz(items));';
const header = "import fs from 'fs';";

function oneLine(bytes: number, unique: boolean): string {
  const count = Math.ceil(bytes / unit.length);
  if (!unique) return header + unit.repeat(count);
  const parts = [header];
  for (let i = 0; i < count; i++) parts.push(unit.replaceAll('zz(', `zz${i}(`));
  return parts.join('');
}

function countSteps(code: string): number {
  let steps = 0;
  const counted: Record<string, Rule.RuleModule> = {};
  for (const [name, rule] of Object.entries(rules)) {
    counted[name] = {
      meta: rule.meta as Rule.RuleMetaData,
      create(context) {
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

afterEach(() => vi.restoreAllMocks());

describe('a 1 MB single-line file', () => {
  it.each([
    ['one helper name redeclared throughout (a concatenated bundle)', false],
    ['unique helper names (a minified bundle)', true],
  ])('costs every rule linear work in its size: %s', (_name, unique) => {
    const half = oneLine(512 * 1024, unique);
    const full = oneLine(1024 * 1024, unique);
    expect(full.length).toBeGreaterThanOrEqual(1024 * 1024);
    expect(full.includes('\n')).toBe(false);
    const stepsHalf = countSteps(half);
    const stepsFull = countSteps(full);
    expect(stepsHalf).toBeGreaterThan(1000);
    expect(stepsFull / stepsHalf).toBeLessThanOrEqual(2 * 1.1);
  });
});

// Keeps the typed import used: the counted rules are the plugin's own.
export type Counted = TSESLint.RuleModule<string, unknown[]>;
