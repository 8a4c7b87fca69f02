/**
 * The rules index: one entry per file in rules/. test/meta.test.ts checks it
 * matches the files on disk.
 */
import type { RuleModule } from './rule-module';

export const rules: Record<string, RuleModule> = {};
