/**
 * The step counter of test/scaling/*.test.ts: steps are rule listener calls
 * plus calls into the shared analysis (import tracking, scope lookups,
 * hot-path propagation), counted while every rule lints one file.
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

export function countSteps(code: string): number {
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

/**
 * Counting steps, not time: doubling a single-line file from 512 KB to 1 MB
 * must not more than double the steps (10% slack for fixed costs).
 */
export function expectLinearSteps(unique: boolean): void {
  const half = oneLine(512 * 1024, unique);
  const full = oneLine(1024 * 1024, unique);
  expect(full.length).toBeGreaterThanOrEqual(1024 * 1024);
  expect(full.includes('\n')).toBe(false);
  const stepsHalf = countSteps(half);
  const stepsFull = countSteps(full);
  expect(stepsHalf).toBeGreaterThan(1000);
  expect(stepsFull / stepsHalf).toBeLessThanOrEqual(2 * 1.1);
}

// Keeps the typed import used: the counted rules are the plugin's own.
export type Counted = TSESLint.RuleModule<string, unknown[]>;
