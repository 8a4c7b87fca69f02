/**
 * Hot-path analysis for one file: does a node run hot (per request, log line,
 * event, render, action or item), and through which chain of functions?
 *
 * A function is hot when it is a root (a hot context by itself: see
 * `contexts.ts`) or when a hot function of this file calls it, or passes it
 * as a callback (except to React hooks, whose callbacks run on their own
 * schedule). That is the least fixed point of "hot" over the file's call
 * graph. It is computed lazily, backwards from each clone's function: a
 * breadth-first search over callers, with a visited set (so cycles end),
 * stops at the nearest root, which also gives the shortest reason chain.
 * Only the functions that can reach a clone are ever looked at.
 *
 * Collected during traversal (cheap pushes, no lookups): member calls by
 * property name (`this.log()`, `Logger.format()`), and the functions that
 * return JSX. Calls through plain names come from the scope manager's
 * references, which ESLint has already built.
 *
 * `@cold` stops everything inside that function; loops and iteration
 * callbacks are weaker roots, used only when no other root is reachable.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportTracker } from '../imports';
import type { DottedPattern } from '../patterns';
import { functionRoot, type HotEnvironment, type HotKind, isHookCall, parameterRoot, type Root, type Use, useRoot } from './contexts';
import { enclosingFunction, type FunctionNode } from '../ast/functions';
import { thisOwner } from '../ast/this-owner';
import { unwrapExpression, valueSlot } from '../ast/unwrap';
import { boundSlot, calleeText, describeFunction, isConsumerLoop, jsdocTag, loopBetween, loopLabel, memberSlot, namingDeclarator, prototypeSlot } from './functions';
import { inRunOnceGuard } from './once';
import type { LoopNode } from '../ast/functions';
import { type TypeNames, typeNamesFromProgram } from './types';

export type { HotKind } from './contexts';

export interface HotExplanation {
  kind: HotKind;
  /** Where the node runs, as a chain: `` `zipLogData`, called from `Logger.log` ``. */
  location: string;
  /** Why the root of the chain is hot: `a logger method runs on every log line`. */
  reason: string;
}

/**
 * When a loop or iteration callback makes code hot by itself (inside a hot
 * context, its calls always propagate):
 * - `hot-code`: never; a loop runs hot only inside a hot context;
 * - `async`: also a consumer loop (`for await`, a loop that awaits), whose
 *   body runs once per message it waits for;
 * - `all`: every loop and iteration callback inside a function.
 */
export type LoopMode = 'hot-code' | 'async' | 'all';

export interface HotPathOptions {
  filename: string;
  hotFunctions: readonly DottedPattern[];
  /** Loops are never hot and never named in a chain. */
  ignoreLoops: boolean;
  loops: LoopMode;
}

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;
type Owner = TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.ObjectExpression;

const LOOP_REASON = 'a loop body runs on every iteration';
const CONSUMER_REASON = 'a loop that awaits runs its body once per message or result it waits for';

/** Callbacks these run later, once per call: a reason travels through at most `MAX_TIMER_HOPS` of them. */
const TIMER_FUNCTIONS = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'requestIdleCallback', 'nextTick']);
const MAX_TIMER_HOPS = 1;

/** One function of a reason chain, and the words that join it to the function before it. */
interface Step {
  fn: FunctionNode;
  link: string;
  /** The function before it is handed to a timer here (`setTimeout(next)`). */
  timer: boolean;
}

/** From the function that holds a node, out to the root that makes it hot. */
interface Chain {
  steps: Step[];
  root: Root;
}

const timerHops = (steps: readonly Step[]) => steps.reduce((n, step, i) => n + (i > 0 && step.timer ? 1 : 0), 0);

/** Chains longer than this many functions show the first few, the last one, and every timer hop. */
const MAX_SHOWN_STEPS = 5;

function render(chain: Chain): HotExplanation {
  const parts = chain.steps.map((step) => step.link + describeFunction(step.fn));
  let location = '';
  if (parts.length > MAX_SHOWN_STEPS) {
    // The hidden middle never hides a timer hop: that link is part of the claim.
    let hidden = 0;
    parts.forEach((part, i) => {
      if (i < MAX_SHOWN_STEPS - 1 || i === parts.length - 1 || chain.steps[i]!.timer) {
        if (hidden > 0) location += `, … ${hidden} more …`;
        hidden = 0;
        location += part;
      } else {
        hidden++;
      }
    });
  } else {
    location = parts.join('');
  }
  return { kind: chain.root.kind, location: location + chain.root.suffix, reason: chain.root.reason };
}

/** `setTimeout(fn)`, `process.nextTick(fn)`, `setImmediate(fn)`: the callback runs later, once. */
function isTimerCall(call: CallLike): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return TIMER_FUNCTIONS.has(callee.name) && callee.name !== 'nextTick';
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const name = callee.property.name;
  if (name === 'nextTick') return callee.object.type === 'Identifier' && callee.object.name === 'process';
  return TIMER_FUNCTIONS.has(name) && callee.object.type === 'Identifier' && ['window', 'globalThis', 'self', 'global', 'timers'].includes(callee.object.name);
}

function isJsxLike(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 8) return false;
  const target = unwrapExpression(node);
  switch (target.type) {
    case 'JSXElement':
    case 'JSXFragment':
      return true;
    case 'ConditionalExpression':
      return isJsxLike(target.consequent, depth + 1) || isJsxLike(target.alternate, depth + 1);
    case 'LogicalExpression':
      return isJsxLike(target.right, depth + 1);
    default:
      return false;
  }
}


/** How `id` (a reference to a function) is used: called, passed, or stored in a property. */
function referenceUse(id: TSESTree.Node): Use | null {
  const slot = boundSlot(valueSlot(id));
  const parent = slot.parent;
  if (!parent) return null;
  if (parent.type === 'AssignmentExpression' && parent.right === slot) return { type: 'assignment', assignment: parent, inline: false };
  if (parent.type === 'CallExpression' || parent.type === 'NewExpression') {
    if (parent.callee === slot) return { type: 'call', call: parent };
    const index = parent.arguments.indexOf(slot as TSESTree.CallExpressionArgument);
    if (index >= 0) return { type: 'argument', call: parent, index, inline: false };
  }
  if (parent.type === 'Property' && parent.value === slot) return { type: 'property', property: parent };
  return null;
}

export class HotPathAnalysis {
  private readonly memberCalls = new Map<string, CallLike[]>();
  private readonly memberBinds = new Map<string, TSESTree.MemberExpression[]>();
  /** Per constructor variable: bound once and never reassigned (asked for every `this.m()` of its methods). */
  private readonly stable = new Map<TSESLint.Scope.Variable, boolean>();
  private readonly jsxReturners = new Set<FunctionNode>();
  private readonly tags = new Map<FunctionNode, 'hot' | 'cold' | null>();
  private readonly cold = new Map<FunctionNode, boolean>();
  private readonly roots = new Map<FunctionNode, { strong: Root | null; loop: Root | null }>();
  private readonly uses = new Map<FunctionNode, Use[]>();
  private readonly chains = new Map<FunctionNode, Chain | null>();
  private readonly env: HotEnvironment;
  private typeNames: TypeNames | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly imports: ImportTracker,
    private readonly options: HotPathOptions,
  ) {
    this.env = {
      imports,
      filename: options.filename,
      hotFunctions: options.hotFunctions,
      ignoreLoops: options.ignoreLoops,
      returnsJsx: (fn) => this.returnsJsx(fn),
      tagOf: (fn) => this.tagOf(fn),
      typeNamesOf: (node) => {
        // Created on first use: files without a clone never touch the type checker.
        this.typeNames ??= typeNamesFromProgram(sourceCode) ?? (() => []);
        return this.typeNames(node);
      },
    };
  }

  /** During traversal, for every call: remembers `this.name()` / `object.name()` calls. */
  collectCall(call: CallLike): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
    if (callee.property.name === 'bind' && call.type === 'CallExpression') this.collectBind(callee.object);
    if (callee.object.type !== 'ThisExpression' && callee.object.type !== 'Identifier') return;
    const name = callee.property.name;
    const list = this.memberCalls.get(name);
    if (list) list.push(call);
    else this.memberCalls.set(name, [call]);
  }

  /** `this.name.bind(...)` / `object.name.bind(...)`: remembers the method reference. */
  private collectBind(bound: TSESTree.Node): void {
    const target = unwrapExpression(bound);
    if (target.type !== 'MemberExpression' || target.computed || target.property.type !== 'Identifier') return;
    if (target.object.type !== 'ThisExpression' && target.object.type !== 'Identifier') return;
    const list = this.memberBinds.get(target.property.name);
    if (list) list.push(target);
    else this.memberBinds.set(target.property.name, [target]);
  }

  /** During traversal, for every `return`: remembers functions that return JSX. */
  collectReturn(node: TSESTree.ReturnStatement): void {
    if (!node.argument || !isJsxLike(node.argument)) return;
    const fn = enclosingFunction(node);
    if (fn) this.jsxReturners.add(fn);
  }

  /** Why `node` runs hot, or null when it does not (module level, `@cold`, no hot caller). */
  explain(node: TSESTree.Node): HotExplanation | null {
    const start = enclosingFunction(node);
    if (!start || this.isCold(start)) return null;
    const chain = this.chainOf(start);
    // The hot function and every function between it and the clone: their parameters and loop variables are made per run.
    const perRun = new Set<TSESTree.Node>([start, ...(chain?.steps.map((step) => step.fn) ?? [])]);
    if (inRunOnceGuard(this.sourceCode, node, perRun)) return null;
    if (chain && chain.root.kind !== 'loop') return this.narrowed(render(chain), chain, node);
    if (!this.options.ignoreLoops) {
      const loop = loopBetween(node, start);
      const reason = loop ? this.loopReason(loop) : null;
      if (loop && reason) return { kind: 'loop', location: `a ${loopLabel(loop)} in ${describeFunction(start)}`, reason };
    }
    return chain ? render(chain) : null;
  }

  /**
   * A clone that a store listener makes only under `if (mutation.type === 'X')`
   * (`action.type` for `subscribeAction`): the listener runs on every change,
   * the clone on changes of that type. Still reported (a frequent type is
   * still hot), but the reason says no more than the code shows.
   */
  private narrowed(why: HotExplanation, chain: Chain, node: TSESTree.Node): HotExplanation {
    const store = chain.root.runsOn;
    if (!store) return why;
    const listener = chain.steps[chain.steps.length - 1]!.fn;
    const first = listener.params[0];
    if (first?.type !== 'Identifier') return why;
    const param = this.imports.variableOf(first);
    if (!param) return why;
    const isTypeOfParam = (side: TSESTree.Node) => {
      const member = unwrapExpression(side);
      return (
        member.type === 'MemberExpression' &&
        !member.computed &&
        member.property.type === 'Identifier' &&
        member.property.name === 'type' &&
        member.object.type === 'Identifier' &&
        this.imports.variableOf(member.object) === param
      );
    };
    const testsType = (test: TSESTree.Node): boolean => {
      const node = unwrapExpression(test);
      if (node.type === 'LogicalExpression' && node.operator === '&&') return testsType(node.left) || testsType(node.right);
      if (node.type !== 'BinaryExpression' || (node.operator !== '===' && node.operator !== '==')) return false;
      const isString = (side: TSESTree.Node) => side.type === 'Literal' && typeof side.value === 'string';
      return (isTypeOfParam(node.left) && isString(node.right)) || (isString(node.left) && isTypeOfParam(node.right));
    };
    for (let child: TSESTree.Node = node, parent = node.parent; parent && child !== listener; child = parent, parent = parent.parent) {
      if (parent.type === 'IfStatement' && parent.consequent === child && testsType(parent.test)) {
        return { ...why, reason: `${why.reason}; this clone runs only on ${store} of the type \`${first.name}.type\` is tested for` };
      }
    }
    return why;
  }

  /** Why a loop makes its body hot by itself (see `LoopMode`), or null when it does not. */
  private loopReason(loop: LoopNode): string | null {
    if (this.options.loops === 'all') return LOOP_REASON;
    if (this.options.loops === 'async' && isConsumerLoop(loop, this.sourceCode.visitorKeys)) return CONSUMER_REASON;
    return null;
  }

  private chainOf(start: FunctionNode): Chain | null {
    if (this.chains.has(start)) return this.chains.get(start)!;
    const chain = this.search(start);
    this.chains.set(start, chain);
    return chain;
  }

  /**
   * Breadth-first, backwards from `start` to the nearest strong root (loop
   * roots only when no strong one is reachable). Each function is visited
   * once per search; a function whose chain an earlier search found ends the
   * search early, and every function on a found path keeps its own chain, so
   * a file costs about one walk over the callers of its clones.
   */
  private search(start: FunctionNode): Chain | null {
    const queue: { fn: FunctionNode; link: string; timer: boolean; timers: number; from: number }[] = [{ fn: start, link: '', timer: false, timers: 0, from: -1 }];
    const visited = new Set<FunctionNode>([start]);
    const pathTo = (index: number): Step[] => {
      const steps: Step[] = [];
      for (let i = index; i >= 0; i = queue[i]!.from) steps.push({ fn: queue[i]!.fn, link: queue[i]!.link, timer: queue[i]!.timer });
      return steps.reverse();
    };
    let weak: Chain | null = null;
    // A cache method is hot by itself, but a caller that is a request handler,
    // a logger, a listener or a render is the stronger reason: keep searching.
    let cache: Chain | null = null;
    for (let i = 0; i < queue.length; i++) {
      const { fn, timers } = queue[i]!;
      const known = i > 0 ? this.chains.get(fn) : undefined;
      if (known === null) continue; // an earlier search found nothing hot above it
      if (known && known.root.kind !== 'loop' && timers + timerHops(known.steps) <= MAX_TIMER_HOPS) {
        const chain = { steps: [...pathTo(i), ...known.steps.slice(1)], root: known.root };
        if (known.root.kind !== 'cache') return this.remember(chain);
        cache ??= chain;
        continue; // its own search found nothing stronger above it
      }
      const { strong, loop: loopRoot } = this.rootsOf(fn);
      if (strong && strong.kind !== 'cache') return this.remember({ steps: pathTo(i), root: strong });
      if (strong) cache ??= { steps: pathTo(i), root: strong };
      if (loopRoot && this.options.loops === 'all') weak ??= { steps: pathTo(i), root: loopRoot };
      for (const use of this.usesOf(fn)) {
        if (use.type === 'property' || use.type === 'assignment') continue;
        if (use.type === 'argument' && isHookCall(use.call)) continue;
        const timer = use.type === 'argument' && isTimerCall(use.call);
        if (timer && timers >= MAX_TIMER_HOPS) continue;
        const caller = enclosingFunction(use.call);
        if (!caller || this.isCold(caller)) continue;
        const loop = this.options.ignoreLoops ? null : loopBetween(use.call, caller);
        const inLoop = loop ? `a ${loopLabel(loop)} in ` : '';
        let link: string;
        if (use.type === 'argument') link = (use.inline ? ' in ' : `, passed to \`${calleeText(use.call)}\` in `) + inLoop;
        else if (use.call.callee !== boundSlot(valueSlot(fn))) link = loop ? `, called in ${inLoop}` : ', called from ';
        else link = ` in ${inLoop}`; // an immediately invoked function
        const loopReason = loop ? this.loopReason(loop) : null;
        if (loopReason) weak ??= { steps: [...pathTo(i), { fn: caller, link, timer }], root: { kind: 'loop', reason: loopReason, suffix: '' } };
        if (visited.has(caller)) continue;
        visited.add(caller);
        queue.push({ fn: caller, link, timer, timers: timers + (timer ? 1 : 0), from: i });
      }
    }
    return cache ? this.remember(cache) : weak;
  }

  /** Keeps the chain of every function on a strong path (each suffix is that function's shortest chain). */
  private remember(chain: Chain): Chain {
    for (let i = 1; i < chain.steps.length; i++) {
      const fn = chain.steps[i]!.fn;
      if (!this.chains.has(fn)) this.chains.set(fn, { steps: [{ fn, link: '', timer: false }, ...chain.steps.slice(i + 1)], root: chain.root });
    }
    return chain;
  }

  /**
   * The function's roots: the strong one (its name, marks, class or object,
   * the hot place it is registered, its `(req, res)` parameters) and the weak
   * one (an iteration callback inside a function).
   */
  private rootsOf(fn: FunctionNode): { strong: Root | null; loop: Root | null } {
    const cached = this.roots.get(fn);
    if (cached) return cached;
    let strong = functionRoot(fn, this.env);
    let loop: Root | null = null;
    if (!strong) {
      for (const use of this.usesOf(fn)) {
        const found = useRoot(use, this.env);
        if (!found) continue;
        if (found.kind !== 'loop') {
          strong = found;
          break;
        }
        loop ??= found;
      }
    }
    strong ??= parameterRoot(fn);
    const roots = { strong, loop };
    this.roots.set(fn, roots);
    return roots;
  }

  private tagOf(fn: FunctionNode): 'hot' | 'cold' | null {
    if (!this.tags.has(fn)) this.tags.set(fn, jsdocTag(this.sourceCode, fn));
    return this.tags.get(fn)!;
  }

  /** `@cold` on the function or on any function around it. */
  private isCold(fn: FunctionNode): boolean {
    const known = this.cold.get(fn);
    if (known !== undefined) return known;
    const outer = enclosingFunction(fn);
    const result = this.tagOf(fn) === 'cold' || (outer !== null && this.isCold(outer));
    this.cold.set(fn, result);
    return result;
  }

  private returnsJsx(fn: FunctionNode): boolean {
    if (this.jsxReturners.has(fn)) return true;
    return fn.type === 'ArrowFunctionExpression' && fn.expression && isJsxLike(fn.body);
  }

  /** Every place this file uses the function value: its own slot, its name's references, its method calls. */
  private usesOf(fn: FunctionNode): Use[] {
    const cached = this.uses.get(fn);
    if (cached) return cached;
    const uses: Use[] = [];
    const own = valueSlot(fn);
    const slot = boundSlot(own);
    const parent = slot.parent;
    if (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') {
      // `(function () {...})()` and `(function () {...}).bind(this)()`: invoked in place.
      if (parent.callee === slot) uses.push({ type: 'call', call: parent });
      const index = parent.arguments.indexOf(slot as TSESTree.CallExpressionArgument);
      if (index >= 0) uses.push({ type: 'argument', call: parent, index, inline: true });
    } else if (parent?.type === 'Property' && parent.value === slot) {
      uses.push({ type: 'property', property: parent });
    } else if (parent?.type === 'AssignmentExpression' && parent.right === slot) {
      uses.push({ type: 'assignment', assignment: parent, inline: true });
    }
    for (const id of this.referencesOf(fn)) {
      const use = referenceUse(id);
      if (use) uses.push(use);
    }
    const member = memberSlot(fn);
    if (member) {
      for (const call of this.memberCalls.get(member.key) ?? []) {
        if (this.isMemberOf(unwrapExpression(call.callee) as TSESTree.MemberExpression, member.owner)) uses.push({ type: 'call', call });
      }
      // `this.onMessage.bind(this)` handed to a listener or stored as a handler.
      for (const reference of this.memberBinds.get(member.key) ?? []) {
        if (!this.isMemberOf(reference, member.owner)) continue;
        const use = referenceUse(reference);
        if (use) uses.push(use);
      }
    }
    const method = prototypeSlot(fn);
    const ctor = method ? this.stableVariable(method.ctor) : null;
    if (method && ctor) {
      // `Client.prototype.send = function () {...}`, called as `this.send()` from the constructor or its other prototype methods.
      for (const call of this.memberCalls.get(method.key) ?? []) {
        const callee = unwrapExpression(call.callee) as TSESTree.MemberExpression;
        if (callee.object.type === 'ThisExpression' && this.prototypeOwnerOf(callee.object) === ctor) uses.push({ type: 'call', call });
      }
      for (const reference of this.memberBinds.get(method.key) ?? []) {
        if (reference.object.type !== 'ThisExpression' || this.prototypeOwnerOf(reference.object) !== ctor) continue;
        const use = referenceUse(reference);
        if (use) uses.push(use);
      }
    }
    this.uses.set(fn, uses);
    return uses;
  }

  /** Read references to the name a function is bound to (declaration or `const f = ...`), if never reassigned. */
  private referencesOf(fn: FunctionNode): TSESTree.Identifier[] {
    let variable: TSESLint.Scope.Variable | undefined;
    if (fn.type === 'FunctionDeclaration') {
      if (!fn.id) return [];
      const name = fn.id.name;
      variable = this.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
    } else {
      const declarator = namingDeclarator(fn);
      if (!declarator) return [];
      variable = this.sourceCode.getDeclaredVariables(declarator)[0];
    }
    // A name bound more than once (a redeclared function, `var` twice) has
    // call sites that may reach either definition: do not propagate through it.
    // This also keeps the search linear on bundles that redeclare one name.
    if (!variable || variable.defs.length !== 1) return [];
    const result: TSESTree.Identifier[] = [];
    for (const reference of variable.references) {
      if (reference.init) continue;
      if (reference.isWrite()) return []; // reassigned: could be anything
      if (reference.identifier.type === 'Identifier') result.push(reference.identifier);
    }
    return result;
  }

  /**
   * The constructor whose instance `this` is, in ES5 style: inside
   * `function Client() {...}` (or `const Client = function () {...}`) or a
   * function assigned to `Client.prototype.m`. Arrow functions pass `this` through.
   */
  private prototypeOwnerOf(node: TSESTree.ThisExpression): TSESLint.Scope.Variable | null {
    let fn = enclosingFunction(node);
    while (fn?.type === 'ArrowFunctionExpression') fn = enclosingFunction(fn);
    if (!fn) return null;
    const method = prototypeSlot(fn);
    if (method) return this.stableVariable(method.ctor);
    if (fn.type === 'FunctionDeclaration' && fn.id) return this.stableVariable(fn.id);
    const declarator = namingDeclarator(fn);
    return declarator?.id.type === 'Identifier' ? this.stableVariable(declarator.id) : null;
  }

  /**
   * The variable a constructor's name is bound to, when it is bound once and
   * never assigned again (as `referencesOf` asks of a function's name): a
   * name declared twice (a concatenated bundle) or reassigned may stand for
   * two constructors, whose methods must not be linked.
   */
  private stableVariable(name: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    const variable = this.imports.variableOf(name);
    // An interface of the same name (`interface Client {...}` typing `function Client(this: Client)`) is a type, not a second binding.
    if (!variable) return null;
    let stable = this.stable.get(variable);
    if (stable === undefined) {
      stable = variable.defs.filter((def) => def.type !== 'Type').length === 1 && !variable.references.some((reference) => reference.isWrite() && !reference.init);
      this.stable.set(variable, stable);
    }
    return stable ? variable : null;
  }

  /** `this.m` inside the same class or object, or `Owner.m` through the owner's name. */
  private isMemberOf(member: TSESTree.MemberExpression, owner: Owner): boolean {
    const object = member.object;
    if (object.type === 'ThisExpression') return thisOwner(object)?.owner === (owner.type === 'ObjectExpression' ? owner : owner.body);
    if (object.type !== 'Identifier') return false;
    const variable = this.imports.variableOf(object);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return false;
    if (def.type === 'ClassName') return def.node === owner;
    const constant = this.imports.constInit(object);
    if (!constant) return false;
    const init = unwrapExpression(constant);
    if (init === owner) return true;
    // const service = new Service(); service.run()
    if (init.type === 'NewExpression' && init.callee.type === 'Identifier' && owner.type !== 'ObjectExpression') {
      const classVariable = this.imports.variableOf(init.callee);
      const classDef = classVariable?.defs.length === 1 ? classVariable.defs[0] : undefined;
      if (classDef?.type === 'ClassName') return classDef.node === owner;
      const classInit = this.imports.constInit(init.callee);
      if (classInit) return unwrapExpression(classInit) === owner;
    }
    return false;
  }
}
