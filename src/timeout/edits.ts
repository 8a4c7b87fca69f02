/**
 * The text edits of `require-timeout`'s suggestions: set or add one option in
 * an options object (on its own line, indented like its neighbours, when the
 * object is written one property a line), or add an options argument.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TextEdit } from '../fix/edits';
import { appendProperties } from '../fix/properties';
import type { TimeoutContext } from './model';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Adds `name: value` (and any further `[name, value]` pairs) as the last properties of an object literal. */
export function addProperty(ctx: TimeoutContext, object: TSESTree.ObjectExpression, name: string, value: string, ...more: [string, string][]): TextEdit[] {
  return appendProperties(ctx.sourceCode.text, object, [[name, value], ...more].map(([key, text]) => `${key}: ${text}`));
}

/** Replaces the value of an existing property (a shorthand `timeout` becomes `timeout: value`). */
export function replaceProperty(property: TSESTree.Property, name: string, value: string): TextEdit[] {
  if (property.shorthand) return [{ range: property.range, text: `${name}: ${value}` }];
  return [{ range: property.value.range, text: value }];
}

/**
 * Inserts an argument at `index` (0 = first): before the argument now there,
 * after the last one, or into empty parentheses; `new Pool` gains `(...)`.
 * Null when a spread argument makes positions unknowable.
 */
export function insertArgument(ctx: TimeoutContext, call: Call, index: number, text: string): TextEdit[] | null {
  const args = call.arguments;
  if (args.some((arg, i) => i < index && arg.type === 'SpreadElement') || index > args.length) return null;
  const at = args[index];
  if (at) return [{ range: [at.range[0], at.range[0]], text: `${text}, ` }];
  const previous = args[index - 1];
  if (previous) return [{ range: [previous.range[1], previous.range[1]], text: `, ${text}` }];
  const closing = ctx.sourceCode.getLastToken(call);
  if (closing?.value !== ')' || call.range[1] === call.callee.range[1]) return [{ range: [call.range[1], call.range[1]], text: `(${text})` }];
  return [{ range: [closing.range[0], closing.range[0]], text }];
}
