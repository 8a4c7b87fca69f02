/**
 * The "replace a deep clone with a shallow copy" rewrite: `{ ...x }` for a
 * plain object, `[...x]` for an array. It is offered only where a reviewer
 * could merge it without reading other functions: the copied value is known
 * to be a plain object or an array (`knownKind`), the copy and its parts stay
 * in the function (`copyEscape`), nothing changes them below the top level
 * there (`nestedChange`), the original is not changed below its top level nor
 * handed on while the copy is in use (the deep clone was a snapshot), and the
 * edit stands on its own (one plain name, the result used, no comment lost,
 * no ASI hazard). Otherwise the rule says why (`shallowCopySuggestion`'s
 * reason), one reason per site.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isParenthesized } from '../ast/parens';
import { memberPropertyName } from '../ast/property-name';
import { variableAt } from '../imports';
import type { TextEdit } from '../fix/edits';

/**
 * The edit replaces the clone call (or its optional chain) with `{ ...req.body }`,
 * parenthesised where an object literal would read as a block.
 */
export interface ShallowCopyRewrite extends TextEdit {
  /** The source text of the copied value (`req.body`), for the suggestion label. */
  sourceText: string;
  /** `{ ...x }` for a plain object, `[...x]` for an array. */
  kind: 'object' | 'array';
}

/** `x`, `this.x`, `a.b.c`, `a['b']`: a name or a property path without calls or optional links. */
function isPlainPath(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === 'Identifier' || current.type === 'ThisExpression') return current.type === 'Identifier' || current !== node;
    if (current.type !== 'MemberExpression' || current.optional) return false;
    if (current.computed && !(current.property.type === 'Literal' && typeof current.property.value === 'string')) return false;
    current = current.object;
  }
}

/** Whether `node` is the leftmost part of a statement or an arrow body, where `{` would open a block. */
function startsStatementOrArrowBody(node: TSESTree.Node): 'statement' | 'arrow' | null {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return null;
    switch (parent.type) {
      case 'ExpressionStatement':
        return 'statement';
      case 'ArrowFunctionExpression':
        return parent.body === current ? 'arrow' : null;
      case 'MemberExpression':
        if (parent.object !== current) return null;
        break;
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee !== current) return null;
        break;
      case 'TaggedTemplateExpression':
        if (parent.tag !== current) return null;
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'AssignmentExpression':
        if (parent.left !== current) return null;
        break;
      case 'ConditionalExpression':
        if (parent.test !== current) return null;
        break;
      case 'SequenceExpression':
        if (parent.expressions[0] !== current) return null;
        break;
      case 'UpdateExpression':
        if (parent.prefix) return null;
        break;
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
        break;
      default:
        return null;
    }
    current = parent;
  }
}

/** True when a statement may start with `(` right after `token`: after `;`, a block's `{`, or a statement block's `}`. */
function endsStatement(sourceCode: Readonly<TSESLint.SourceCode>, token: TSESTree.Token): boolean {
  if (token.type !== 'Punctuator') return false;
  if (token.value === ';' || token.value === '{') return true;
  if (token.value !== '}') return false;
  const owner = sourceCode.getNodeByRangeIndex(token.range[0]);
  if (!owner) return false;
  switch (owner.type) {
    case 'BlockStatement':
      // `const f = function () {}` would be called by a following `(`.
      return owner.parent?.type !== 'FunctionExpression' && owner.parent?.type !== 'ArrowFunctionExpression';
    case 'ClassBody':
      return owner.parent?.type === 'ClassDeclaration';
    case 'StaticBlock':
    case 'SwitchStatement':
    case 'TSModuleBlock':
      return true;
    default:
      return false;
  }
}

/**
 * The shallow-copy suggestion for `clone`, which deep-copies `source`. One
 * analysis, one reason per case, checked in this order:
 * 1. the copy is changed below its top level in this function (`nestedChange`);
 * 2. the rewrite would not stand on its own (a call result, options, a dropped
 *    result, a comment inside, an ASI hazard): no suggestion, no reason;
 * 3. the copy, or a part of it, leaves this function (`copyEscape`: returned,
 *    stored outside, passed to a call): what happens to it there cannot be
 *    checked;
 * 4. the copied value is not known to be a plain object or an array
 *    (`knownKind`): an object spread would change its shape;
 * 5. the original is changed below its top level, or leaves its function
 *    (`originalEscape`): the deep clone was also a snapshot, and a shallow
 *    copy would see those changes.
 * `reason` is the "No quick fix" reason (null with a rewrite, or for 2).
 */
export function shallowCopySuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clone: TSESTree.CallExpression,
  source: TSESTree.Node | null,
): { rewrite: ShallowCopyRewrite | null; reason: string | null } {
  const change = nestedChange(sourceCode, clone);
  if (change !== null) return { rewrite: null, reason: `the copy is changed below its top level (\`${change}\`), so a shallow copy would change the original too` };
  if (!source || !isPlainPath(source) || !standsAlone(sourceCode, clone)) return { rewrite: null, reason: null };
  const escape = copyEscape(sourceCode, clone);
  if (escape !== null) return { rewrite: null, reason: `the copy leaves this function (${escape}), where changes below its top level cannot be checked` };
  const kind = knownKind(sourceCode, source);
  if (kind === null) {
    return { rewrite: null, reason: 'the value may not be a plain object (a primitive, array, Date or class instance would change shape in an object spread)' };
  }
  // The deep clone was also a snapshot: the original's nested objects must not change while the copy is in use.
  const original = variableAt(sourceCode, source as TSESTree.Identifier)!;
  const originalChange = changeThrough(sourceCode, original, 1, new Set(), 0);
  if (originalChange !== null) return { rewrite: null, reason: `the original is changed below its top level (\`${originalChange}\`), and a shallow copy would see that change` };
  const leaves = originalEscape(sourceCode, clone, original);
  if (leaves !== null) return { rewrite: null, reason: `the original leaves its function (${leaves}), where changes below its top level that a shallow copy would see cannot be checked` };
  return { rewrite: shallowCopyRewrite(sourceCode, clone, source, kind), reason: null };
}

/** The node the rewrite replaces: the clone call, or its optional chain. */
function replacedNode(clone: TSESTree.CallExpression): TSESTree.Node {
  return clone.parent?.type === 'ChainExpression' ? clone.parent : clone;
}

/** Whether the rewrite stands on its own: the result is used, no comment inside, no ASI hazard for a leading `(` or `[`. */
function standsAlone(sourceCode: Readonly<TSESLint.SourceCode>, clone: TSESTree.CallExpression): boolean {
  const replaced = replacedNode(clone);
  // A clone whose result is dropped is dead code, not something to copy more cheaply.
  if (replaced.parent?.type === 'ExpressionStatement') return false;
  if (sourceCode.getCommentsInside(replaced).length > 0) return false;
  const start = isParenthesized(replaced, sourceCode) ? null : startsStatementOrArrowBody(replaced);
  if (start === 'statement') {
    // A statement that now starts with `(` or `[` would continue an unterminated previous line: `b\n({ ...x }).y = 1` calls b.
    const before = sourceCode.getTokenBefore(replaced);
    if (before && !endsStatement(sourceCode, before)) return false;
  }
  return true;
}

/** The edit, once `shallowCopySuggestion` has checked that it is safe: `{ ...x }` for a plain object, `[...x]` for an array. */
function shallowCopyRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clone: TSESTree.CallExpression,
  source: TSESTree.Node,
  kind: 'object' | 'array',
): ShallowCopyRewrite {
  const replaced = replacedNode(clone);
  const sourceText = sourceCode.getText(source);
  if (kind === 'array') return { sourceText, kind, range: replaced.range, text: `[...${sourceText}]` };
  const literal = `{ ...${sourceText} }`;
  const start = isParenthesized(replaced, sourceCode) ? null : startsStatementOrArrowBody(replaced);
  return { sourceText, kind, range: replaced.range, text: start ? `(${literal})` : literal };
}

// ---------------------------------------------------------------------------
// What is the copied value? Only a value this file shows to be a plain object
// or an array gets a copy: `{ ...x }` turns a string into `{0: 'a', …}`, a
// number or Date into `{}`, an array or class instance into a plain object.

/** `node` without the wrappers that keep its value (`as T`, `!`, `satisfies T`). */
function innerValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression') current = current.expression;
  return current;
}

/** `Object.assign`, `Array.from`…: the dotted name of a call to a global that is not shadowed in the file. */
function globalCallName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | null {
  if (node.type !== 'CallExpression' || node.optional) return null;
  const name = calleeText(node.callee);
  if (!name || node.callee.type !== 'MemberExpression' || node.callee.object.type !== 'Identifier') return null;
  const variable = variableAt(sourceCode, node.callee.object);
  return variable && variable.defs.length > 0 ? null : name;
}

/** The kind of value an expression always makes, or null when it may make anything else. */
function expressionKind(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): 'object' | 'array' | null {
  const node = innerValue(expression);
  if (node.type === 'ObjectExpression') {
    // A `__proto__:` key or an accessor makes it more than a bag of own data properties.
    const plain = node.properties.every(
      (property) =>
        property.type === 'SpreadElement' ||
        (property.kind === 'init' && (property.computed || !((property.key.type === 'Identifier' && property.key.name === '__proto__') || (property.key.type === 'Literal' && property.key.value === '__proto__')))),
    );
    return plain ? 'object' : null;
  }
  if (node.type === 'ArrayExpression') return 'array';
  const name = globalCallName(sourceCode, node);
  if (name === 'Object.assign' && node.type === 'CallExpression' && node.arguments[0]?.type === 'ObjectExpression' && node.arguments[0].properties.length === 0) return 'object';
  if (name === 'Object.fromEntries') return 'object';
  if (name === 'Array.from' || name === 'Array.of' || name === 'Object.keys' || name === 'Object.values' || name === 'Object.entries') return 'array';
  return null;
}

/**
 * The kind of the value a plain name holds at any time: every declaration of
 * the variable has an initialiser and every assignment to it is `=`, all of
 * one kind (`expressionKind`). Parameters, property paths, `JSON.parse(…)`
 * results (a JSON text can hold an array or a primitive) and anything else:
 * null.
 */
function knownKind(sourceCode: Readonly<TSESLint.SourceCode>, source: TSESTree.Node): 'object' | 'array' | null {
  if (source.type !== 'Identifier') return null;
  const variable = variableAt(sourceCode, source);
  if (!variable || variable.defs.length === 0) return null;
  const kinds = new Set<'object' | 'array' | null>();
  for (const def of variable.defs) {
    if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || def.node.id !== def.name || !def.node.init) return null;
    kinds.add(expressionKind(sourceCode, def.node.init));
  }
  for (const reference of variable.references) {
    // `x.__proto__ = P` makes the literal an instance of something else.
    const member = reference.identifier.parent;
    if (member?.type === 'MemberExpression' && member.object === reference.identifier && memberPropertyName(member) === '__proto__') return null;
    if (!reference.isWrite() || reference.init) continue;
    const parent = reference.identifier.parent;
    if (parent?.type !== 'AssignmentExpression' || parent.operator !== '=' || parent.left !== reference.identifier) return null;
    kinds.add(expressionKind(sourceCode, parent.right));
  }
  if (kinds.size !== 1) return null;
  const [kind] = [...kinds];
  return kind ?? null;
}

// ---------------------------------------------------------------------------
// Does the copy leave the function? Once returned, stored outside or passed
// to another function, what happens to its nested objects cannot be checked
// here (a cache's caller changing what `get` returned, a query matcher
// writing `object[key] = new Date(…)`, a form's state kept in a ref).

/** Calls that only read their argument and keep nothing of it. */
const READ_ONLY_CALLS = new Set([
  'JSON.stringify',
  'console.log', 'console.info', 'console.warn', 'console.error', 'console.debug', 'console.trace', 'console.dir', 'console.table',
  'Array.isArray', 'Object.keys', 'Object.is', 'Object.hasOwn', 'Number.isFinite', 'Number.isInteger',
]);
/** Calls whose result holds parts of their argument (followed like the copy). */
const DERIVING_CALLS = new Set(['Object.values', 'Object.entries', 'Array.from']);
/** Global functions that only read their argument. */
const READ_ONLY_GLOBALS = new Set(['String', 'Number', 'Boolean', 'isNaN', 'isFinite']);
/** How many values derived from the copy are followed before giving up (a reason, never a guess). */
const MAX_FOLLOWED = 200;

/** The nearest function around `node`, or the program. */
function homeOf(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression' || current.type === 'Program') return current;
    current = current.parent;
  }
  return node;
}

const within = (node: TSESTree.Node, outer: TSESTree.Node) => node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];

/** The identifiers a pattern binds (`a`, `{ b, c: d, ...e }`, `[f, g = 1]`). */
function patternNames(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => patternNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    default:
      return [];
  }
}

/** A callee as the message names it: `res.json`, `matchesQuery` for `(0, x.matchesQuery)`, `new Store`. */
function calleeLabel(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node, isNew: boolean): string {
  const node = callee.type === 'SequenceExpression' ? callee.expressions[callee.expressions.length - 1]! : callee;
  const text = sourceCode.getText(node);
  const name = text.length <= MAX_SHOWN && !text.includes('\n') ? text : 'a function';
  return `passed to \`${isNew ? 'new ' : ''}${name}\``;
}

/** The leftmost name of a property path (`out` in `out.a.b`), or null. */
function rootName(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = node;
  while (current.type === 'MemberExpression') current = current.object;
  return current.type === 'Identifier' ? current : null;
}

/**
 * How the copy made by `clone`, or a value that holds a part of it, leaves
 * the function the clone is in: `returned`, `stored in \`this.state\``,
 * `passed to \`res.json\``, `yielded`, `thrown`; null when every use stays
 * in the function (property reads and writes, locals, iteration, the read-only
 * calls above). Followed through locals, destructuring, property reads, method
 * results, containers (`{ data: copy }`, `[copy]`), conditionals, `for...of`
 * variables and iteration callbacks' elements.
 */
function copyEscape(sourceCode: Readonly<TSESLint.SourceCode>, clone: TSESTree.CallExpression): string | null {
  const replaced = replacedNode(clone);
  return escapeFrom(sourceCode, [replaced], homeOf(replaced), new Set());
}

/**
 * How the original, the variable `variable` the clone copies, leaves the
 * function it is declared in (or is exported from the module): uses inside the
 * clone itself are not counted. A shallow copy shares the original's nested
 * objects, so whoever gets the original could change what the copy shows,
 * where the deep clone kept a snapshot.
 */
function originalEscape(sourceCode: Readonly<TSESLint.SourceCode>, clone: TSESTree.CallExpression, variable: TSESLint.Scope.Variable): string | null {
  const declaration = variable.defs[0]!.node.parent;
  if (declaration?.parent?.type === 'ExportNamedDeclaration') return 'exported';
  const starts = variable.references.filter((reference) => reference.isRead() && !within(reference.identifier, clone)).map((reference) => reference.identifier);
  return escapeFrom(sourceCode, starts, homeOf(variable.defs[0]!.name), new Set([variable]));
}

/** How a value reached from `starts` leaves `home` (see `copyEscape`); `tracked` are variables known to hold it. */
function escapeFrom(sourceCode: Readonly<TSESLint.SourceCode>, starts: TSESTree.Node[], home: TSESTree.Node, tracked: Set<TSESLint.Scope.Variable>): string | null {
  /** Callbacks of iteration methods on a derived value: what they return goes into the method's result, which is followed. */
  const callbacks = new Set<TSESTree.Node>();
  const queue: TSESTree.Node[] = [...starts];
  let followed = 0;

  /** Follow the names a pattern binds to a derived value; a name outside the function is a store. */
  const bind = (pattern: TSESTree.Node): string | null => {
    for (const id of patternNames(pattern)) {
      const variable = variableAt(sourceCode, id);
      if (!variable || variable.defs.length === 0 || !variable.defs.every((def) => within(def.name, home))) return `stored in \`${id.name}\``;
      if (tracked.has(variable)) continue;
      tracked.add(variable);
      for (const reference of variable.references) if (reference.isRead()) queue.push(reference.identifier);
    }
    return null;
  };
  const returnedFrom = (fn: TSESTree.Node | null): string | null => (fn && callbacks.has(fn) ? null : 'returned');

  /** Where one derived value goes: an escape, or null (after queueing what it flows into). */
  const follow = (start: TSESTree.Node): string | null => {
    let top = start;
    for (;;) {
      const parent: TSESTree.Node | undefined = top.parent;
      if (!parent) return null;
      switch (parent.type) {
        case 'MemberExpression':
          if (parent.object !== top) return null; // used as a key
          top = parent;
          continue;
        case 'ChainExpression':
        case 'TSAsExpression':
        case 'TSNonNullExpression':
        case 'TSSatisfiesExpression':
        case 'AwaitExpression':
        case 'LogicalExpression':
        case 'ArrayExpression':
          top = parent;
          continue;
        case 'ConditionalExpression':
          if (parent.test === top) return null;
          top = parent;
          continue;
        case 'SequenceExpression':
          if (parent.expressions[parent.expressions.length - 1] !== top) return null;
          top = parent;
          continue;
        case 'SpreadElement':
          if (parent.parent?.type === 'ObjectExpression' || parent.parent?.type === 'ArrayExpression') {
            top = parent.parent;
            continue;
          }
          top = parent; // a spread argument: the call below
          continue;
        case 'Property':
          if (parent.parent?.type === 'ObjectExpression' && parent.value === top) {
            top = parent.parent;
            continue;
          }
          return null; // a computed key, or a write target in a pattern
        case 'CallExpression':
        case 'NewExpression': {
          if (parent.callee === top) {
            if (parent.type === 'NewExpression') return null;
            // A method of a derived value (`copy.items.map(…)`): its result may hold parts of the copy, and an iteration callback's element is a part.
            if (top.type === 'MemberExpression' && !top.computed && top.property.type === 'Identifier' && ITERATING_METHODS.has(top.property.name)) {
              const callback = parent.arguments[0];
              if (callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression')) {
                callbacks.add(callback);
                const element = callback.params[top.property.name.startsWith('reduce') ? 1 : 0];
                if (element) {
                  const stored = bind(element);
                  if (stored) return stored;
                }
              }
            }
            top = parent;
            continue;
          }
          const name = parent.type === 'CallExpression' ? globalCallName(sourceCode, parent) : null;
          const plainName = parent.callee.type === 'Identifier' && !variableAt(sourceCode, parent.callee)?.defs.length ? parent.callee.name : null;
          if ((name && READ_ONLY_CALLS.has(name)) || (plainName && READ_ONLY_GLOBALS.has(plainName))) return null;
          if (name && DERIVING_CALLS.has(name)) {
            top = parent;
            continue;
          }
          // `Object.assign(copy, …)` changes the copy's top level and returns it; `Object.assign({}, copy)` makes a new object holding its parts.
          if (name === 'Object.assign' && (parent.arguments[0] === top || parent.arguments[0]?.type === 'ObjectExpression')) {
            top = parent;
            continue;
          }
          return calleeLabel(sourceCode, parent.callee, parent.type === 'NewExpression');
        }
        case 'ReturnStatement': {
          let fn: TSESTree.Node | undefined = parent.parent;
          while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') fn = fn.parent;
          return returnedFrom(fn ?? null);
        }
        case 'ArrowFunctionExpression':
          return parent.body === top ? returnedFrom(parent) : null;
        case 'YieldExpression':
          return 'yielded';
        case 'ThrowStatement':
          return 'thrown';
        case 'VariableDeclarator':
          return parent.init === top ? bind(parent.id) : null;
        case 'AssignmentExpression': {
          if (parent.left === top) return null; // a write into the copy
          if (parent.left.type === 'MemberExpression') {
            const root = rootName(parent.left);
            const variable = root && variableAt(sourceCode, root);
            if (!variable || !tracked.has(variable)) return `stored in \`${sourceCode.getText(parent.left).length <= MAX_SHOWN ? sourceCode.getText(parent.left) : 'a property'}\``;
          } else {
            const stored = bind(parent.left);
            if (stored) return stored;
          }
          top = parent; // `a = b = copy`: the assignment's value is the copy too
          continue;
        }
        case 'ForOfStatement':
          if (parent.right !== top) return null;
          return bind(parent.left.type === 'VariableDeclaration' ? parent.left.declarations[0]!.id : parent.left);
        case 'ExpressionStatement':
        case 'IfStatement':
        case 'WhileStatement':
        case 'DoWhileStatement':
        case 'ForStatement':
        case 'ForInStatement':
        case 'SwitchStatement':
        case 'SwitchCase':
        case 'BinaryExpression':
        case 'UnaryExpression':
        case 'UpdateExpression':
          return null;
        case 'TemplateLiteral':
          return parent.parent?.type === 'TaggedTemplateExpression' ? calleeLabel(sourceCode, parent.parent.tag, false) : null;
        case 'JSXExpressionContainer':
        case 'JSXSpreadAttribute':
          return 'passed to a JSX element';
        case 'PropertyDefinition':
          return `stored in \`${sourceCode.getText(parent.key)}\``;
        default:
          return 'used where this check cannot follow it';
      }
    }
  };

  while (queue.length > 0) {
    if (++followed > MAX_FOLLOWED) return 'used in more places than this check follows';
    const escape = follow(queue.shift()!);
    if (escape) return escape;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Is the copy changed below its top level? One analysis: the rule's "No quick
// fix" reason and the rewrite's refusal both come from `nestedChange`.

/** Methods that change the object they are called on (arrays, Maps, Sets, Dates). */
const CHANGING_METHODS = new Set([
  'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin',
  'set', 'add', 'delete', 'clear',
  'setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds', 'setTime',
  'setUTCDate', 'setUTCFullYear', 'setUTCHours', 'setUTCMilliseconds', 'setUTCMinutes', 'setUTCMonth', 'setUTCSeconds',
]);
/** Array methods whose callback receives the elements. */
const ITERATING_METHODS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findLast', 'findIndex', 'findLastIndex', 'flatMap', 'reduce', 'reduceRight']);
/** Functions that change their first argument. */
const MUTATING_FUNCTIONS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.deleteProperty', 'Reflect.defineProperty']);
/** The longest change text shown in a message; a longer one is named generically. */
const MAX_SHOWN = 48;
/** How many aliases deep the search follows (`a = copy.x; b = a.y; ...`). */
const MAX_ALIAS_DEPTH = 8;

function calleeText(node: TSESTree.Node): string | null {
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.property.type === 'Identifier') {
    return `${node.object.name}.${node.property.name}`;
  }
  return null;
}

/** `value` with the wrappers that keep it the same object (`as T`, `!`, `satisfies T`, `await`, parentheses) climbed. */
function outerValue(value: TSESTree.Node): TSESTree.Node {
  let node = value;
  while (node.parent && (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression' || node.parent.type === 'TSSatisfiesExpression' || node.parent.type === 'AwaitExpression')) node = node.parent;
  return node;
}

/**
 * The variables a value is stored in, each with how many levels below the
 * value its own object is: `const next = <value>` / `next = <value>` (0), and
 * `const { items, meta: m, ...rest } = <value>` (1 for `items` and `m`; `rest`
 * is a new object whose property values are the value's, so it counts as 0
 * with its own top level new: see `restLike`).
 */
function storedIn(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node): { variable: TSESLint.Scope.Variable; below: number; restLike: boolean }[] {
  const node = outerValue(value);
  const parent = node.parent;
  let target: TSESTree.Node | null = null;
  if (parent?.type === 'VariableDeclarator' && parent.init === node) target = parent.id;
  else if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.operator === '=') target = parent.left;
  if (!target) return [];
  const at = (id: TSESTree.Node, below: number, restLike: boolean) => {
    if (id.type === 'AssignmentPattern') id = id.left;
    if (id.type !== 'Identifier') return [];
    const variable = variableAt(sourceCode, id);
    return variable ? [{ variable, below, restLike }] : [];
  };
  if (target.type === 'Identifier') return at(target, 0, false);
  if (target.type === 'ObjectPattern') {
    return target.properties.flatMap((property) => (property.type === 'RestElement' ? at(property.argument, 0, true) : at(property.value, 1, false)));
  }
  if (target.type === 'ArrayPattern') {
    return target.elements.flatMap((element) => (!element ? [] : element.type === 'RestElement' ? at(element.argument, 0, true) : at(element, 1, false)));
  }
  return [];
}

/**
 * The first change, as a short text for the message, to an object reached
 * through `variable` at `depth` levels or more below it (0 = the variable's
 * own object, 1 = its properties' values): assigned, deleted or updated
 * below, a changing method called on it, passed first to `Object.assign` and
 * the like; also through an alias (`const items = copy.items`,
 * `const { items } = copy`, `const same = copy`), a `for...of` variable or an
 * iteration callback's element. Null when there is none.
 */
function changeThrough(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable, depth: number, seen: Set<TSESLint.Scope.Variable>, aliases: number): string | null {
  if (seen.has(variable) || aliases > MAX_ALIAS_DEPTH) return null;
  seen.add(variable);
  const shown = (text: string) => (text.length <= MAX_SHOWN ? text : 'a nested property');
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    // `links`: how many property accesses follow the name; `top` is the last one.
    let top: TSESTree.Node = reference.identifier;
    let links = 0;
    while (top.parent?.type === 'MemberExpression' && top.parent.object === top) {
      top = top.parent;
      links++;
    }
    const parent = top.parent;
    if (!parent) continue;
    // Writing `v.a.b` changes the object `v.a`, one level above the last link.
    if (parent.type === 'AssignmentExpression' && parent.left === top && links - 1 >= depth) return shown(`${sourceCode.getText(top)} = …`);
    if (parent.type === 'UpdateExpression' && parent.argument === top && links - 1 >= depth) return shown(sourceCode.getText(parent));
    if (parent.type === 'UnaryExpression' && parent.operator === 'delete' && parent.argument === top && links - 1 >= depth) return shown(sourceCode.getText(parent));
    if (parent.type === 'CallExpression' && parent.callee === top && top.type === 'MemberExpression') {
      const method = !top.computed && top.property.type === 'Identifier' ? top.property.name : null;
      // `v.a.push(x)` changes `v.a`, the object the method is read from.
      if (method && CHANGING_METHODS.has(method) && links - 1 >= depth) return shown(`${sourceCode.getText(top)}(…)`);
      const callback = parent.arguments[0];
      if (method && ITERATING_METHODS.has(method) && callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression')) {
        // The elements of `v.a` (read from links - 1 levels) are `links` levels below `v`.
        const element = callback.params[method.startsWith('reduce') ? 1 : 0];
        if (element?.type === 'Identifier') {
          const elementVariable = variableAt(sourceCode, element);
          const change = elementVariable && changeThrough(sourceCode, elementVariable, Math.max(0, depth - links), seen, aliases + 1);
          if (change) return change;
        }
      }
    }
    if (parent.type === 'CallExpression' && parent.arguments[0] === top && links >= depth) {
      const name = calleeText(parent.callee);
      if (name && MUTATING_FUNCTIONS.has(name)) return shown(`${name}(${sourceCode.getText(top)}, …)`);
    }
    // An alias of the object `links` levels below: `const items = copy.items`, `const { items } = copy`, `const same = copy`.
    for (const alias of storedIn(sourceCode, top)) {
      if (alias.variable === variable) continue;
      const level = links + alias.below;
      // A rest element is a new object: only its property values (one level below it) are shared.
      const aliasDepth = alias.restLike ? Math.max(1, depth - level) : Math.max(0, depth - level);
      const change = changeThrough(sourceCode, alias.variable, aliasDepth, seen, aliases + 1);
      if (change) return change;
    }
    // `for (const item of copy.items)`: the elements are one level below what is iterated.
    const loop = outerValue(top).parent;
    if (loop?.type === 'ForOfStatement' && loop.right === outerValue(top) && loop.left.type === 'VariableDeclaration') {
      const id = loop.left.declarations[0]?.id;
      if (id?.type === 'Identifier') {
        const element = variableAt(sourceCode, id);
        const change = element && changeThrough(sourceCode, element, Math.max(0, depth - links - 1), seen, aliases + 1);
        if (change) return change;
      }
    }
  }
  return null;
}

/**
 * Where the copy made by `clone` is changed below its top level in the same
 * function (`next.items.push(x)`, `copy.a.b = 1`, `delete copy.props.x`,
 * `Object.assign(copy.a, …)`, or the same through an alias, a destructured
 * property, a `for...of` variable or an iteration callback's element): there a
 * shallow copy would change the original. A short text of the first such
 * change (`next.items.push(…)`), for the "No quick fix" reason; null when
 * there is none. The shallow-copy rewrite is never offered when this is not
 * null.
 */
export function nestedChange(sourceCode: Readonly<TSESLint.SourceCode>, clone: TSESTree.CallExpression): string | null {
  const replaced: TSESTree.Node = clone.parent?.type === 'ChainExpression' ? clone.parent : clone;
  const seen = new Set<TSESLint.Scope.Variable>();
  for (const stored of storedIn(sourceCode, replaced)) {
    // The copy's own properties (level 0 writes) are its own; level 1 and below are shared by a shallow copy.
    const depth = stored.restLike ? 1 : Math.max(0, 1 - stored.below);
    const change = changeThrough(sourceCode, stored.variable, depth, seen, 0);
    if (change) return change;
  }
  return null;
}
