/**
 * The rewrite offered for an unguarded access: wrap the call with the
 * resource's `fix.wrap` template (`$CALL` is the original call's source text)
 * and add `fix.import` once (src/fix/imports.ts). The template is parsed,
 * never evaluated. The result is a list of text edits, so the rule's
 * suggestion and the codemod apply the very same rewrite.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import type { TextEdit } from '../fix/edits';
import { type FileInfo, planImport } from '../fix/imports';
import { type Quote, sourceStyle } from '../fix/style';
import { dottedName, matchesAnyDotted } from '../patterns';
import type { SharedResource, SharedResourceFix } from '../settings';

export { importSpecifierFor } from '../fix/imports';

export type WrapPlan = { edits: TextEdit[] } | { noFix: string };

// ---- template ------------------------------------------------------------

interface TemplateNode {
  type: string;
  range?: [number, number];
  [key: string]: unknown;
}

interface CallSlot {
  start: number;
  end: number;
  /** The template functions around this `$CALL`, innermost last. */
  functions: TemplateNode[];
  /** `new $CALL(...)`: the call needs parentheses. */
  needsParens: boolean;
  /** The template nodes around this `$CALL`, outermost first (the program excluded). */
  ancestors: TemplateNode[];
}

interface ParsedTemplate {
  slots: CallSlot[];
  strings: { start: number; end: number; value: string }[];
}

const FUNCTION_TYPES = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration']);

function children(node: TemplateNode): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as TemplateNode).type === 'string') out.push(item as TemplateNode);
    } else if (value && typeof value === 'object' && typeof (value as TemplateNode).type === 'string') {
      out.push(value as TemplateNode);
    }
  }
  return out;
}

/** Parses `fix.wrap` (already validated by the settings getter). Offsets are into the template text. */
export function parseWrapTemplate(template: string): ParsedTemplate | null {
  let program: TemplateNode;
  try {
    program = espree.parse(`(${template}\n)`, { ecmaVersion: 'latest', sourceType: 'module', range: true }) as unknown as TemplateNode;
  } catch {
    return null;
  }
  const slots: CallSlot[] = [];
  const strings: ParsedTemplate['strings'] = [];
  const visit = (node: TemplateNode, functions: TemplateNode[], parent: TemplateNode | null, ancestors: TemplateNode[] = []): void => {
    const range = node.range!;
    if (node.type === 'Identifier' && node.name === '$CALL') {
      const needsParens = parent?.type === 'NewExpression' && parent.callee === node;
      slots.push({ start: range[0] - 1, end: range[1] - 1, functions, needsParens, ancestors });
      return;
    }
    if (node.type === 'Literal' && typeof node.value === 'string') {
      strings.push({ start: range[0] - 1, end: range[1] - 1, value: node.value });
    }
    const inner = FUNCTION_TYPES.has(node.type) ? [...functions, node] : functions;
    const path = node.type === 'Program' ? ancestors : [...ancestors, node];
    for (const child of children(node)) visit(child, inner, node, path);
  };
  visit(program, [], null);
  return slots.length > 0 ? { slots, strings } : null;
}

/** What the call's own text contains outside nested functions: `await`, `yield`, `this`/`arguments`/`super`. */
function callTraits(call: TSESTree.Node): { awaits: boolean; yields: boolean; usesThis: boolean } {
  const traits = { awaits: false, yields: false, usesThis: false };
  // inArrow: inside a nested arrow (own await/yield); inFunction: inside a nested function or class (own this too).
  const visit = (node: TemplateNode, inArrow: boolean, inFunction: boolean): void => {
    const own = !inArrow && !inFunction;
    switch (node.type) {
      case 'AwaitExpression':
        if (own) traits.awaits = true;
        break;
      case 'ForOfStatement':
        if (own && node.await === true) traits.awaits = true;
        break;
      case 'YieldExpression':
        if (own) traits.yields = true;
        break;
      case 'ThisExpression':
      case 'Super':
        if (!inFunction) traits.usesThis = true;
        break;
      case 'Identifier':
        if (node.name === 'arguments' && !inFunction) traits.usesThis = true;
        break;
      default:
        break;
    }
    const nextArrow = inArrow || node.type === 'ArrowFunctionExpression';
    const nextFunction = inFunction || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody';
    for (const child of children(node)) visit(child, nextArrow, nextFunction);
  };
  visit(call as unknown as TemplateNode, false, false);
  return traits;
}

/** Substitutes `$CALL` in the template; null (with a reason) when the result would not be valid or would change meaning. */
export function renderWrap(template: string, callText: string, call: TSESTree.Node, quote: Quote | null): { text: string } | { noFix: string } {
  const parsed = parseWrapTemplate(template);
  if (!parsed) return { noFix: 'the fix.wrap template does not parse' };
  const traits = callTraits(call);
  for (const slot of parsed.slots) {
    if (traits.yields && slot.functions.length > 0) return { noFix: 'the call contains `yield`, which cannot move into the wrapper function' };
    if (traits.awaits && slot.functions.some((fn) => fn.async !== true)) {
      return { noFix: 'the call contains `await`, which cannot move into a non-async wrapper function' };
    }
    if (traits.usesThis && slot.functions.some((fn) => fn.type !== 'ArrowFunctionExpression')) {
      return { noFix: 'the call uses `this` or `arguments`, which a non-arrow wrapper function would change' };
    }
  }
  const replacements: { start: number; end: number; text: string }[] = parsed.slots.map((slot) => ({
    start: slot.start,
    end: slot.end,
    text: slot.needsParens ? `(${callText})` : callText,
  }));
  if (quote) {
    for (const literal of parsed.strings) {
      const raw = template.slice(literal.start, literal.end);
      if (raw[0] === quote || /['"\\\n\r]/.test(literal.value)) continue;
      replacements.push({ start: literal.start, end: literal.end, text: `${quote}${literal.value}${quote}` });
    }
  }
  replacements.sort((a, b) => b.start - a.start);
  let text = template;
  for (const replacement of replacements) text = text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
  return { text };
}

/**
 * Why the rule would still report a call wrapped with the resource's
 * `fix.wrap`, or null. The guard logic (guard.ts) counts a call as guarded
 * when it runs inside a function handed to a call matching `guards`, or
 * behind a flag check: a `$CALL` outside any function and outside a
 * conditional runs before the wrapper (`g($CALL, $CALL)`), and a function
 * handed to a call that matches no guard pattern is not guarded either.
 * A template that checks a flag (`flag ? $CALL : x`) is left to the guard
 * logic (the codemod engine still refuses a rewrite its rule keeps reporting).
 */
export function wrapLeavesReport(template: string, resource: SharedResource): string | null {
  const parsed = parseWrapTemplate(template);
  if (!parsed) return null;
  for (const slot of parsed.slots) {
    const conditional = slot.ancestors.some((node) => node.type === 'ConditionalExpression' || node.type === 'LogicalExpression' || node.type === 'IfStatement');
    const outermost = slot.functions[0];
    if (!outermost) {
      if (conditional) continue;
      return 'the fix.wrap template runs the call outside any function handed to a guard, so the wrapped call would still be reported';
    }
    const at = slot.ancestors.indexOf(outermost);
    const holder = at > 0 ? slot.ancestors[at - 1]! : null;
    if (!holder || holder.type !== 'CallExpression' || !(holder.arguments as TemplateNode[]).includes(outermost)) {
      if (conditional) continue;
      return 'the fix.wrap template does not hand the call to a guard call, so the wrapped call would still be reported';
    }
    const name = dottedName(holder.callee as unknown as TSESTree.Node);
    if (!matchesAnyDotted(resource.guards, name)) {
      const written = name ? name.join('.') : 'its callee';
      return `\`${written}\` in the fix.wrap template is not one of the resource's guards (settings.resilience.sharedResources[${resource.index}].guards), so the wrapped call would still be reported`;
    }
  }
  return null;
}

/**
 * The full rewrite of one call: wrap it with `fix.wrap` and add `fix.import`
 * once. Reusable: the codemod applies these edits.
 */
export function planWrap(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.Node, fix: SharedResourceFix, file: FileInfo): WrapPlan {
  const style = sourceStyle(sourceCode);
  const rendered = renderWrap(fix.wrap, sourceCode.getText(call), call, style.quote);
  if ('noFix' in rendered) return rendered;
  const edits: TextEdit[] = [];
  if (fix.import) {
    const planned = planImport(sourceCode, call, fix.import, file, style);
    if ('noFix' in planned) return planned;
    edits.push(...planned.edits);
  }
  edits.push({ range: call.range, text: rendered.text });
  edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return { edits };
}
