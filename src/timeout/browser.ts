/**
 * Code that runs only in a user's browser, where a request that hangs holds
 * one user's view, not a server's worker or request slot: a callback that is
 * deferred to the client (an effect, an event handler) inside a React or
 * Preact function component or hook.
 *
 * - The component or hook: a function named like one (`SignupForm`,
 *   `useUser`) whose own body calls a hook that only client components may
 *   call (`useState`, `useEffect`, `React.useRef`...: not `useMemo`,
 *   `useCallback`, `useId` or `use`, which server components call too).
 * - The deferred callback, somewhere between the call and the component: the
 *   first argument of `useEffect` / `useLayoutEffect` / `useInsertionEffect`
 *   / `useCallback`, the value of a JSX attribute `on...`, `action` or
 *   `formAction`, or a `const` every use of which is one of those. A `useMemo`
 *   factory, a `useState` initialiser, an array method's callback, an IIFE or
 *   a `.then` callback runs during the render, which server rendering runs
 *   too, so none of them counts.
 * - No `'use server'` directive, in the file or on the way: a server action
 *   runs on the server for every form post.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, type FunctionNode, functionName } from '../ast/functions';
import { staticKeyName } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import { someOwn, type VisitorKeys } from '../ast/walk';
import type { ImportTracker } from '../imports';

type Node = TSESTree.Node;

const UI_MODULES = new Set(['react', 'preact', 'preact/hooks', 'preact/compat']);
/** Hooks a server component cannot call (React's `react-server` build exports only `use`, `useId`, `useCallback`, `useMemo`, `useDebugValue`). */
const CLIENT_HOOKS = new Set([
  'useState',
  'useReducer',
  'useEffect',
  'useLayoutEffect',
  'useInsertionEffect',
  'useRef',
  'useContext',
  'useTransition',
  'useSyncExternalStore',
  'useImperativeHandle',
  'useOptimistic',
  'useActionState',
]);
/** Hooks whose first argument runs after the render, in the browser (or, for `useCallback`, when something calls it). */
const DEFERRING_HOOKS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useCallback']);
const HANDLER_ATTRIBUTE = /^(?:on[A-Z]\w*|action|formAction)$/;

/** The React or Preact hook a call calls (`useState`, `React.useEffect`), or null. */
function uiHook(call: Node, imports: ImportTracker): string | null {
  if (call.type !== 'CallExpression') return null;
  const origin = imports.originOf(unwrapExpression(call.callee));
  const last = origin?.path[origin.path.length - 1];
  return origin?.module && UI_MODULES.has(origin.module) && last !== undefined ? last : null;
}

/** `function SignupForm()`, `const Form = (props) => ...`, `function useSubmit()`: a component's or a hook's name. */
function componentOrHookName(fn: FunctionNode): boolean {
  const name = functionName(fn).name?.split('.').pop() ?? null;
  return name !== null && /^(?:[A-Z]|use[A-Z])/.test(name);
}

function hasDirective(body: readonly Node[], directive: string): boolean {
  return body.some((statement) => statement.type === 'ExpressionStatement' && statement.directive === directive);
}

/** A place a function value waits in until the browser runs it: a deferring hook's first argument, a handler attribute. */
function deferringSlot(value: Node, imports: ImportTracker): boolean {
  const parent = value.parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === value) {
    const hook = uiHook(parent, imports);
    return hook !== null && DEFERRING_HOOKS.has(hook);
  }
  if (parent?.type === 'JSXExpressionContainer' && parent.parent?.type === 'JSXAttribute') {
    const name = parent.parent.name;
    return name.type === 'JSXIdentifier' && HANDLER_ATTRIBUTE.test(name.name);
  }
  return false;
}

/** The function waits for the browser: it sits in a deferring slot, or is a `const` used only in such slots. */
function isDeferred(fn: FunctionNode, imports: ImportTracker): boolean {
  if (deferringSlot(fn, imports)) return true;
  const declarator = fn.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== fn || declarator.id.type !== 'Identifier') return false;
  if (declarator.parent?.type !== 'VariableDeclaration' || declarator.parent.kind !== 'const') return false;
  const variable = imports.variableOf(declarator.id);
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  return uses.length > 0 && uses.every((reference) => deferringSlot(reference.identifier as Node, imports));
}

/** `node` runs in a callback the browser runs, inside a React or Preact component or hook (see above). */
export function inBrowserUiCallback(node: Node, imports: ImportTracker, keys: VisitorKeys): boolean {
  let root: Node = node;
  while (root.parent) root = root.parent;
  if (root.type === 'Program' && hasDirective(root.body, 'use server')) return false;
  let deferred = false;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (fn.body.type === 'BlockStatement' && hasDirective(fn.body.body, 'use server')) return false;
    if (deferred && componentOrHookName(fn) && someOwn(fn.body, keys, (n) => CLIENT_HOOKS.has(uiHook(n, imports) ?? ''))) return true;
    if (!deferred && isDeferred(fn, imports)) deferred = true;
  }
  return false;
}

/**
 * A fetch sent with `keepalive` in its init object, always (`keepalive: true`)
 * or whenever its body fits the browser's quota (a comparison, as in
 * `keepalive: size < 60000`; not a value from the caller's options, as in a
 * general request function's `keepalive: opts.keepAlive`), whose answer
 * nobody reads (a statement: `await fetch(...)`, `fetch(...).catch(log)`): a
 * beacon the browser keeps alive after the page is gone, which is what it is
 * for (analytics, logs or exposures sent on unload, within the browser's 64 KB
 * keepalive quota). It runs in one user's browser, as the UI callbacks above
 * do, and nothing waits on its answer, so it is reported only with
 * `reportBrowserUi`. The analysis asks this only of a fetch it doubts is
 * Node's (a browser's global, engines allowing Node before 18), not of
 * undici's or a file's polyfill, which run on Node, where `keepalive` does
 * nothing.
 */
export function isKeepaliveBeacon(call: Node): boolean {
  if (call.type !== 'CallExpression' || !answerDropped(call)) return false;
  const init = call.arguments[1] ? unwrapExpression(call.arguments[1]) : null;
  if (init?.type !== 'ObjectExpression') return false;
  return init.properties.some((p) => {
    if (p.type !== 'Property' || p.computed) return false;
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? p.key.value : null;
    if (key !== 'keepalive') return false;
    const value = unwrapExpression(p.value as Node);
    // `keepalive: keepAlive` from a caller's options: a general request function the caller sets it for, not a beacon.
    return (value.type === 'Literal' && value.value === true) || (value.type === 'BinaryExpression' && ['<', '<=', '>', '>='].includes(value.operator));
  });
}

/** The call's result is dropped: the call, awaited or not, with `.catch(...)` / `.finally(...)` after it, is a statement. */
function answerDropped(call: TSESTree.CallExpression): boolean {
  let node: Node = call;
  for (;;) {
    const parent: Node | undefined = node.parent;
    if (parent?.type === 'AwaitExpression' || parent?.type === 'ChainExpression' || parent?.type === 'TSAsExpression') node = parent;
    else if (parent?.type === 'MemberExpression' && parent.object === node && /^(catch|finally)$/.test(staticKeyName(parent.property, parent.computed) ?? '') && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) node = parent.parent;
    else return parent?.type === 'ExpressionStatement' || (parent?.type === 'UnaryExpression' && parent.operator === 'void');
  }
}
