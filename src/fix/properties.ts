/**
 * Adding properties to an object literal, the one way every rewrite does it:
 * after the last property, one a line and indented like it when the object is
 * written that way, or inline. On the one-a-line form the last property's
 * trailing comma and a comment on its line stay with it
 * (`maxTimeout: 15000, // ms` gains `randomize: true,` on the next line).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TextEdit } from './edits';
import { lineIndent, startsLine } from './style';

/** What follows the last property on its line: an optional comma, then comments (`/* a *\/ // b`). */
const LINE_REST = /^([ \t]*)(,?)((?:[ \t]*\/\*.*?\*\/)*[ \t]*(?:\/\/.*)?)\r?$/;

export function appendProperties(text: string, object: TSESTree.ObjectExpression, properties: readonly string[]): TextEdit[] {
  const last = object.properties.at(-1);
  if (!last) return [{ range: object.range, text: `{ ${properties.join(', ')} }` }];
  if (!(startsLine(text, last.range[0]) && text.slice(object.range[0], last.range[0]).includes('\n'))) {
    return [{ range: [last.range[1], last.range[1]], text: properties.map((p) => `, ${p}`).join('') }];
  }
  const indent = lineIndent(text, last.range[0]);
  const lineEnd = text.indexOf('\n', last.range[1]);
  // The file's line ending where the property ends.
  const eol = lineEnd > 0 && text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  const restText = lineEnd < 0 ? text.slice(last.range[1]) : text.slice(last.range[1], lineEnd);
  const rest = lineEnd < 0 ? null : LINE_REST.exec(restText);
  if (rest && (rest[2] || rest[3]!.trim())) {
    const end = eol === '\r\n' ? lineEnd - 1 : lineEnd;
    // A trailing comma: each new property gets one too, after the comment.
    if (rest[2]) return [{ range: [end, end], text: properties.map((p) => `${eol}${indent}${p},`).join('') }];
    // A comment and no comma: the comma goes before the comment, the properties after it.
    return [
      { range: [last.range[1], last.range[1]], text: ',' },
      { range: [end, end], text: properties.map((p) => `${eol}${indent}${p}`).join(',') },
    ];
  }
  // A comment this cannot place (one that goes on to the next line): the properties go on the same line, before it.
  if (/\/[*/]/.test(restText)) return [{ range: [last.range[1], last.range[1]], text: properties.map((p) => `, ${p}`).join('') }];
  return [{ range: [last.range[1], last.range[1]], text: properties.map((p) => `,${eol}${indent}${p}`).join('') }];
}
