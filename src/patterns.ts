/**
 * User-supplied name patterns (dotted names such as `uploadStore.*`, flag
 * expressions such as `flags.isEnabled('shared-fs')`) are parsed once into
 * plain data and matched segment by segment. No regular expression is ever
 * built from user input, so a hostile pattern cannot cause catastrophic
 * backtracking.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { staticMemberName, staticString } from './ast/static';

/** One parsed dotted pattern: each segment is a name or `*` (exactly one segment). */
export type DottedPattern = readonly string[];

function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code > 127;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57);
}

/** True when `text` is a plain JavaScript identifier name. */
export function isIdentifierName(text: string): boolean {
  if (text.length === 0 || !isIdentifierStart(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) {
    if (!isIdentifierPart(text.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Parses `a.b.*` into segments, or returns a description of what is wrong.
 */
export function parseDottedPattern(text: string): DottedPattern | { error: string } {
  if (text.length === 0) return { error: 'must not be empty' };
  const segments = text.split('.');
  for (const segment of segments) {
    if (segment === '*') continue;
    if (!isIdentifierName(segment)) {
      return { error: `has an invalid segment ${JSON.stringify(segment)} (each segment between dots must be a name or *)` };
    }
  }
  return segments;
}

/** Matches a name chain (`['uploadStore', 'put']`) against a pattern; `*` matches one segment. */
export function matchesDotted(pattern: DottedPattern, name: readonly string[]): boolean {
  if (pattern.length !== name.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '*' && pattern[i] !== name[i]) return false;
  }
  return true;
}

/** True when any pattern matches the name chain, with or without a leading `this`. */
export function matchesAnyDotted(patterns: readonly DottedPattern[], name: readonly string[] | null): boolean {
  if (!name || name.length === 0) return false;
  for (const pattern of patterns) {
    if (matchesDotted(pattern, name)) return true;
  }
  if (name[0] === 'this' && name.length > 1) {
    const rest = name.slice(1);
    for (const pattern of patterns) {
      if (matchesDotted(pattern, rest)) return true;
    }
  }
  return false;
}

/**
 * The written name chain of an expression: `a.b.c` -> ['a','b','c'],
 * `this.x` -> ['this','x'], `a['b']` -> ['a','b']. Null for anything else.
 */
export function dottedName(node: TSESTree.Node): string[] | null {
  const out: string[] = [];
  let current: TSESTree.Node = node;
  for (;;) {
    switch (current.type) {
      case 'Identifier':
        out.push(current.name);
        return out.reverse();
      case 'ThisExpression':
        out.push('this');
        return out.reverse();
      case 'MemberExpression': {
        const name = staticMemberName(current);
        if (name === null) return null;
        out.push(name);
        current = current.object;
        break;
      }
      case 'ChainExpression':
        current = current.expression;
        break;
      case 'TSNonNullExpression':
        current = current.expression;
        break;
      default:
        return null;
    }
  }
}

/**
 * A canonical text for simple expressions (names, member access, calls with
 * literal or simple arguments), identical for the user's pattern and the code:
 * `flags.isEnabled("shared-fs")` and `flags?.isEnabled('shared-fs')` agree.
 * Null when the expression is not of that simple kind.
 */
export function canonicalExpression(node: TSESTree.Node, depth = 0): string | null {
  if (depth > 20) return null;
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Literal':
      if (typeof node.value === 'string') return JSON.stringify(node.value);
      if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) return String(node.value);
      return null;
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return JSON.stringify(staticString(node) ?? '');
      return null;
    case 'MemberExpression': {
      const object = canonicalExpression(node.object, depth + 1);
      if (object === null) return null;
      const name = staticMemberName(node);
      return name === null ? null : `${object}.${name}`;
    }
    case 'CallExpression': {
      const callee = canonicalExpression(node.callee, depth + 1);
      if (callee === null) return null;
      const args: string[] = [];
      for (const arg of node.arguments) {
        const text = canonicalExpression(arg, depth + 1);
        if (text === null) return null;
        args.push(text);
      }
      return `${callee}(${args.join(',')})`;
    }
    case 'ChainExpression':
    case 'TSNonNullExpression':
    case 'AwaitExpression':
      return canonicalExpression(node.type === 'AwaitExpression' ? node.argument : node.expression, depth + 1);
    default:
      return null;
  }
}
