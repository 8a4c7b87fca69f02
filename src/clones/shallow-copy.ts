/**
 * The "replace a deep clone with a shallow copy" rewrite. It changes
 * behaviour, and says so in its label: nested objects become shared, and the
 * copy is a plain object. It is offered only where the rewrite is
 * self-contained: the clone copies one plain name or property path, its
 * result is used, no comment would be lost, and the copy is not mutated below
 * its top level in the same function (`next.items.push(x)`,
 * `delete copy.properties.x`, `copy.a.b = 1`, through an alias or a loop
 * variable too): there the shallow copy would bring back the shared-state bug
 * the deep clone prevented.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
// The subpath, not the package index: the index also loads the scope manager (~180 modules) at plugin load.
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { variableAt } from '../imports';
import type { TextEdit } from '../fix/edits';

/**
 * The edit replaces the clone call (or its optional chain) with `{ ...req.body }`,
 * parenthesised where an object literal would read as a block.
 */
export interface ShallowCopyRewrite extends TextEdit {
  /** The source text of the copied value (`req.body`), for the suggestion label. */
  sourceText: string;
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
 * The shallow-copy suggestion for `clone`, which deep-copies `source`:
 * `change` names where the copy is changed below its top level (then
 * `rewrite` is null and the rule says why there is no quick fix); otherwise
 * `rewrite` is the edit, or null when it would not be a clean, self-contained
 * rewrite.
 */
export function shallowCopySuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clone: TSESTree.CallExpression,
  source: TSESTree.Node | null,
): { rewrite: ShallowCopyRewrite | null; change: string | null } {
  const change = nestedChange(sourceCode, clone);
  return { change, rewrite: change === null ? shallowCopyRewrite(sourceCode, clone, source) : null };
}

/** The edit alone, with no look at how the copy is used later (see `shallowCopySuggestion`). */
function shallowCopyRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clone: TSESTree.CallExpression,
  source: TSESTree.Node | null,
): ShallowCopyRewrite | null {
  if (!source || !isPlainPath(source)) return null;
  const replaced: TSESTree.Node = clone.parent?.type === 'ChainExpression' ? clone.parent : clone;
  // A clone whose result is dropped is dead code, not something to copy more cheaply.
  if (replaced.parent?.type === 'ExpressionStatement') return null;
  if (sourceCode.getCommentsInside(replaced).length > 0) return null;
  const sourceText = sourceCode.getText(source);
  const literal = `{ ...${sourceText} }`;
  const start = ASTUtils.isParenthesized(replaced, sourceCode) ? null : startsStatementOrArrowBody(replaced);
  if (start === 'statement') {
    // A statement that now starts with `(` would continue an unterminated previous line: `b\n({ ...x }).y = 1` calls b.
    const before = sourceCode.getTokenBefore(replaced);
    if (before && !endsStatement(sourceCode, before)) return null;
  }
  return { sourceText, range: replaced.range, text: start ? `(${literal})` : literal };
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
