/**
 * A log line: shared by the retry analysis (a log call is not an attempt, not
 * a wait, not a use of the answer) and the clone analysis (a value a log call
 * formats is printed, not changed).
 */
import type { TSESTree } from '@typescript-eslint/utils';

/** `console.log(...)`, `logger.debug(...)`, `log(...)`, `this.#trace(...)`: a log line. */
export function isLogCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  if (callee.type === 'MemberExpression') {
    const object = callee.object;
    if (object.type === 'Identifier' && /^(console|log|logger|debug)$/i.test(object.name)) return true;
    if (object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' && /^(log|logger)$/i.test(object.property.name)) return true;
  }
  const name = callee.type === 'MemberExpression' && !callee.computed && (callee.property.type === 'Identifier' || callee.property.type === 'PrivateIdentifier') ? callee.property.name : callee.type === 'Identifier' ? callee.name : null;
  return name !== null && /^(log|debug|trace|info|warn|error|verbose)$/i.test(name);
}
