/**
 * Is an access to a shared resource guarded? One `GuardAnalysis` per resource
 * and file, created at `Program:exit`. It walks up from the access once:
 * flag checks that dominate it, a function passed to a guard call, a function
 * wrapped by a breaker created once at module scope, JSDoc `@guarded <name>`,
 * and in-file propagation (a same-file helper whose every call site is
 * guarded). A helper's status is computed once and memoised.
 *
 * Not guards: a breaker or policy constructed inside a function (a new breaker
 * per call never opens), a disabled breaker, a retry/timeout/bulkhead policy
 * alone, and a promise passed where the guard expects a function (the call
 * already ran: the access is not inside the guarded function at all).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction, isInsideFunction } from '../ast/functions';
import { staticKeyName } from '../ast/static';
import { unwrapIndirect } from '../ast/unwrap';
import { constantInit, type ImportTracker } from '../imports';
import { canonicalExpression, dottedName, matchesAnyDotted } from '../patterns';
import type { SharedResource } from '../settings';


/** Whether something is guarded, and which partly-guarded helpers it relies on. */
export interface Verdict {
  guarded: boolean;
  /**
   * Helpers that are guarded at some call sites and not at others; this
   * verdict holds only if their unguarded call sites are reported.
   */
  via: readonly FunctionNode[];
}

const GUARDED: Verdict = { guarded: true, via: [] };
const UNGUARDED: Verdict = { guarded: false, via: [] };

/** Calls to these construct a cockatiel policy that is not a breaker. */
const NON_BREAKER_POLICIES = new Set(['retry', 'timeout', 'bulkhead', 'fallback', 'noop']);
const BREAKER_FACTORIES = new Set(['circuitBreaker']);
const BREAKER_CLASSES = new Set(['CircuitBreaker', 'Brakes']);
/** Upper bound on helper evaluations per resource and file (pathological recursion graphs). */
const BUDGET = 5000;
const MAX_DEPTH = 6;

function isExit(statement: TSESTree.Statement | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'BlockStatement':
      return isExit(statement.body[statement.body.length - 1]);
    default:
      return false;
  }
}

function lastName(node: TSESTree.Node): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  return null;
}

/** `{ <name>: <value> }` (a boolean literal) among the arguments of a construction. */
export function hasBooleanOption(node: TSESTree.CallExpression | TSESTree.NewExpression, name: string, value: boolean): boolean {
  return node.arguments.some(
    (arg) =>
      arg.type === 'ObjectExpression' &&
      arg.properties.some(
        (property) =>
          property.type === 'Property' &&
          !property.computed &&
          property.key.type === 'Identifier' &&
          property.key.name === name &&
          property.value.type === 'Literal' &&
          property.value.value === value,
      ),
  );
}

/** `{ enabled: false }` among the arguments of a breaker construction. */
function hasDisabledOption(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return hasBooleanOption(node, 'enabled', false);
}

/** Names listed after `@guarded` in the block comments right before `node`. */
function guardedTagNames(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string[] {
  const names: string[] = [];
  for (const comment of sourceCode.getCommentsBefore(node)) {
    if (comment.type !== 'Block' || !comment.value.startsWith('*')) continue;
    let at = comment.value.indexOf('@guarded');
    while (at !== -1) {
      const rest = comment.value.slice(at + '@guarded'.length);
      if (rest.length === 0 || /^[\s,]/.test(rest)) {
        const line = rest.split('\n')[0] ?? '';
        for (const name of line.split(/[\s,*]+/)) if (name.length > 0) names.push(name);
      }
      at = comment.value.indexOf('@guarded', at + 1);
    }
  }
  return names;
}

/** The node whose leading JSDoc documents a function. */
function docTarget(fn: FunctionNode): TSESTree.Node {
  const parent = fn.parent;
  if (!parent) return fn;
  if (fn.type === 'FunctionDeclaration') {
    return parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration' ? parent : fn;
  }
  switch (parent.type) {
    case 'VariableDeclarator': {
      const declaration = parent.parent;
      if (declaration?.type === 'VariableDeclaration') {
        return declaration.parent?.type === 'ExportNamedDeclaration' ? declaration.parent : declaration;
      }
      return parent;
    }
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return parent;
    case 'AssignmentExpression':
      return parent.parent?.type === 'ExpressionStatement' ? parent.parent : parent;
    case 'ExportDefaultDeclaration':
      return parent;
    default:
      return fn;
  }
}

/** A same-file helper: its name and every place the file uses it (identifiers or `this.#m` members). */
interface Helper {
  name: string;
  exported: boolean;
  uses: () => readonly TSESTree.Node[];
}

/**
 * `this.x` member expressions of a file, indexed lazily by the class whose
 * instance `this` is, so a private method's uses are found without a re-walk.
 */
export class ThisMembers {
  private readonly members: TSESTree.MemberExpression[] = [];
  private index: Map<TSESTree.Node, Map<string, TSESTree.MemberExpression[]>> | null = null;

  add(node: TSESTree.MemberExpression): void {
    this.members.push(node);
  }

  private indexed(): Map<TSESTree.Node, Map<string, TSESTree.MemberExpression[]>> {
    if (!this.index) {
      this.index = new Map();
      for (const member of this.members) {
        const key = memberKey(member);
        const owner = key === null ? null : thisClass(member);
        if (key === null || !owner) continue;
        let byName = this.index.get(owner);
        if (!byName) this.index.set(owner, (byName = new Map()));
        const list = byName.get(key);
        if (list) list.push(member);
        else byName.set(key, [member]);
      }
    }
    return this.index;
  }

  usesOf(classNode: TSESTree.Node, name: string): readonly TSESTree.MemberExpression[] {
    return this.indexed().get(classNode)?.get(name) ?? [];
  }

  /** The names used as `this.<name>` inside the class's own methods. */
  namesOf(classNode: TSESTree.Node): Iterable<string> {
    return this.indexed().get(classNode)?.keys() ?? [];
  }
}

/** The name of a member, class element or property: `x`, `'x'`, or `#x` for a private name; null when computed. */
export function memberKey(
  member: TSESTree.MemberExpression | TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.Property,
): string | null {
  const key = member.type === 'MemberExpression' ? member.property : member.key;
  if (key.type === 'PrivateIdentifier') return member.computed ? null : `#${key.name}`;
  return staticKeyName(key, member.computed);
}

/** The class whose instance `this` is at `node` inside an instance method (arrows see through), or null. */
export function thisClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression') continue;
    if (current.type === 'FunctionExpression') {
      const method = current.parent;
      const owner = method?.type === 'MethodDefinition' && !method.static ? method.parent?.parent : null;
      return owner?.type === 'ClassDeclaration' || owner?.type === 'ClassExpression' ? owner : null;
    }
    if (current.type === 'FunctionDeclaration') return null;
    if (current.type === 'PropertyDefinition' || current.type === 'StaticBlock') return null;
  }
  return null;
}

interface Frame {
  fn: FunctionNode;
  dependent: boolean;
}

export class GuardAnalysis {
  private readonly statusMemo = new Map<FunctionNode, Verdict>();
  private readonly helperMemo = new Map<FunctionNode, Helper | null>();
  private readonly unguardedCalls = new Map<FunctionNode, TSESTree.Node[]>();
  private readonly stack: Frame[] = [];
  private budget = BUDGET;

  constructor(
    private readonly resource: SharedResource,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly tracker: ImportTracker,
    private readonly thisMembers: ThisMembers = new ThisMembers(),
  ) {}

  /** Is `node` (an access or a helper call) guarded, and through which partly-guarded helpers? */
  verdictAt(node: TSESTree.Node): Verdict {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (this.flagDominates(child, parent)) return GUARDED;
      if (isFunction(parent)) {
        const verdict = this.functionEntry(parent);
        if (verdict) return verdict;
      }
    }
    return UNGUARDED;
  }

  /** The call sites of a partly-guarded helper that are not guarded. */
  unguardedCallSites(fn: FunctionNode): readonly TSESTree.Node[] {
    return this.unguardedCalls.get(fn) ?? [];
  }

  helperName(fn: FunctionNode): string {
    return this.helperOf(fn)?.name ?? 'this function';
  }

  // ---- flags ----------------------------------------------------------

  /** A flag expression, or a `const` holding one (`const up = await isSharedFsUp(); if (up) …`). */
  private isFlag(node: TSESTree.Node): boolean {
    if (this.resource.flags.length === 0) return false;
    const text = canonicalExpression(node);
    if (text !== null && this.resource.flags.includes(text)) return true;
    // Compiled code: `flags_1.outageFlips.sharedFs` is the source's `outageFlips.sharedFs`.
    const inSource = this.withoutModuleRoot(node);
    if (inSource !== null && this.resource.flags.includes(inSource.join('.'))) return true;
    if (node.type !== 'Identifier') return false;
    const init = this.tracker.constInit(node);
    if (!init) return false;
    const initText = canonicalExpression(init);
    return initText !== null && this.resource.flags.includes(initText);
  }

  /** `test` truthy implies a flag is truthy. */
  private whenTruthy(test: TSESTree.Node, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    if (this.isFlag(test)) return true;
    if (test.type === 'UnaryExpression' && test.operator === '!') return this.whenFalsy(test.argument, depth + 1);
    if (test.type === 'LogicalExpression') {
      if (test.operator === '&&') return this.whenTruthy(test.left, depth + 1) || this.whenTruthy(test.right, depth + 1);
      if (test.operator === '||') return this.whenTruthy(test.left, depth + 1) && this.whenTruthy(test.right, depth + 1);
    }
    return false;
  }

  /** `test` falsy implies a flag is truthy. */
  private whenFalsy(test: TSESTree.Node, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    if (test.type === 'UnaryExpression' && test.operator === '!') return this.whenTruthy(test.argument, depth + 1);
    if (test.type === 'LogicalExpression') {
      if (test.operator === '||') return this.whenFalsy(test.left, depth + 1) || this.whenFalsy(test.right, depth + 1);
      if (test.operator === '&&') return this.whenFalsy(test.left, depth + 1) && this.whenFalsy(test.right, depth + 1);
    }
    return false;
  }

  private flagDominates(child: TSESTree.Node, parent: TSESTree.Node): boolean {
    if (this.resource.flags.length === 0) return false;
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child === parent.consequent) return this.whenTruthy(parent.test);
        if (child === parent.alternate) return this.whenFalsy(parent.test);
        return false;
      case 'LogicalExpression':
        if (child !== parent.right) return false;
        if (parent.operator === '&&') return this.whenTruthy(parent.left);
        if (parent.operator === '||') return this.whenFalsy(parent.left);
        return false;
      case 'BlockStatement':
      case 'Program':
      case 'StaticBlock':
        return this.earlyExitBefore(parent.body as readonly TSESTree.Node[], child);
      case 'SwitchCase':
        return this.earlyExitBefore(parent.consequent, child);
      default:
        return false;
    }
  }

  /** `if (!flag) return;` (or throw, continue, break) among the statements before `child`. */
  private earlyExitBefore(body: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
    for (const statement of body) {
      if (statement === child) return false;
      if (statement.type !== 'IfStatement') continue;
      if (isExit(statement.consequent) && this.whenFalsy(statement.test)) return true;
      if (statement.alternate && isExit(statement.alternate) && this.whenTruthy(statement.test)) return true;
    }
    return false;
  }

  // ---- guards and breakers --------------------------------------------

  /** A verdict when entering `fn` decides, or null to keep walking up (an inline callback). */
  private functionEntry(fn: FunctionNode): Verdict | null {
    if (this.entryGuarded(fn)) return GUARDED;
    if (this.helperOf(fn)) return this.helperStatus(fn);
    return null;
  }

  /** `fn` carries `@guarded <resource>`. */
  isTagged(fn: FunctionNode): boolean {
    return guardedTagNames(this.sourceCode, docTarget(fn)).includes(this.resource.name);
  }

  /** Entering `fn` is guarded by itself: `@guarded`, passed to a guard call, wrapped by a module-scope breaker. */
  private entryGuarded(fn: FunctionNode): boolean {
    if (this.isTagged(fn)) return true;
    const parent = fn.parent;
    if (parent?.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && this.isGuardCall(parent)) {
      return true;
    }
    return parent?.type === 'NewExpression' && parent.arguments[0] === fn && this.isModuleBreaker(parent);
  }

  /**
   * The verdict inside one function of a call graph (the audit): like
   * `verdictAt`, but the walk stops at the first function `isBoundary` calls
   * a graph node, and same-file helpers are not propagated (the audit follows
   * every caller itself, across files).
   */
  localVerdict(node: TSESTree.Node, isBoundary: (fn: FunctionNode) => boolean): boolean {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (this.flagDominates(child, parent)) return true;
      if (isFunction(parent)) {
        if (this.entryGuarded(parent)) return true;
        if (isBoundary(parent)) return false;
      }
    }
    return false;
  }

  /**
   * The name chain compiled code wrote for a source name: `(0, guard_1.withOutageFlip)` and
   * `guard_1.default.withOutageFlip` are the source's `withOutageFlip`, when `guard_1` is a module
   * binding (`require('./guard')`, `__importDefault(require('./guard'))`, also a namespace import).
   * Null when the chain is not rooted at one.
   */
  private withoutModuleRoot(node: TSESTree.Node): string[] | null {
    const n = unwrapIndirect(node.type === 'ChainExpression' ? node.expression : node);
    const name = dottedName(n);
    if (!name || name.length < 2) return null;
    let root: TSESTree.Node = n;
    while (root.type === 'MemberExpression') root = root.object;
    if (root.type !== 'Identifier' || !this.tracker.isModuleObject(root)) return null;
    const rest = name.slice(1);
    return rest[0] === 'default' && rest.length > 1 ? rest.slice(1) : rest;
  }

  /** A call matching `guards` whose receiver is not a per-call breaker, a disabled breaker, or a retry/timeout policy alone. */
  isGuardCall(call: TSESTree.CallExpression): boolean {
    if (this.resource.guards.length === 0) return false;
    if (!matchesAnyDotted(this.resource.guards, dottedName(call.callee)) && !matchesAnyDotted(this.resource.guards, this.withoutModuleRoot(call.callee))) return false;
    const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
    if (callee.type !== 'MemberExpression') return true;
    let receiver: TSESTree.Node = callee.object;
    if (receiver.type === 'Identifier') {
      const variable = this.tracker.variableOf(receiver);
      if (variable && this.isDisabledVariable(variable)) return false;
      const init = this.tracker.constInit(receiver);
      if (init) receiver = init;
    }
    if (receiver.type !== 'NewExpression' && receiver.type !== 'CallExpression') return true;
    const kind = this.policyKind(receiver, 0);
    if (kind === 'nonBreaker') return false;
    if (hasDisabledOption(receiver)) return false;
    // A breaker (or any object built with `new`) constructed per call never opens.
    if ((receiver.type === 'NewExpression' || kind === 'breaker') && isInsideFunction(receiver)) return false;
    return true;
  }

  private policyKind(node: TSESTree.Node, depth: number): 'breaker' | 'nonBreaker' | 'unknown' {
    if (depth > MAX_DEPTH) return 'unknown';
    if (node.type === 'Identifier') {
      const init = this.tracker.constInit(node);
      return init ? this.policyKind(init, depth + 1) : 'unknown';
    }
    if (node.type === 'NewExpression') {
      const name = lastName(node.callee);
      return name !== null && BREAKER_CLASSES.has(name) ? 'breaker' : 'unknown';
    }
    if (node.type !== 'CallExpression') return 'unknown';
    const name = lastName(node.callee);
    if (name === null) return 'unknown';
    if (BREAKER_FACTORIES.has(name)) return 'breaker';
    if (NON_BREAKER_POLICIES.has(name)) return 'nonBreaker';
    if (name === 'wrap' && node.arguments.length > 0) {
      const kinds = node.arguments.map((arg) => this.policyKind(arg, depth + 1));
      if (kinds.includes('breaker')) return 'breaker';
      if (kinds.every((kind) => kind === 'nonBreaker')) return 'nonBreaker';
    }
    return 'unknown';
  }

  /** `const breaker = new CircuitBreaker(fn)` at module scope, named by a guard pattern, not disabled. */
  isModuleBreaker(node: TSESTree.NewExpression): boolean {
    if (isInsideFunction(node) || hasDisabledOption(node)) return false;
    const declarator = node.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return false;
    if (declarator.parent?.type !== 'VariableDeclaration' || declarator.parent.kind !== 'const') return false;
    const name = declarator.id.name;
    const named = this.resource.guards.some((pattern) => pattern.length === 2 && (pattern[0] === '*' || pattern[0] === name));
    if (!named) return false;
    const variable = this.sourceCode.getDeclaredVariables(declarator)[0];
    return !variable || !this.isDisabledVariable(variable);
  }

  /** `breaker.disable()` anywhere in the file. */
  private isDisabledVariable(variable: TSESLint.Scope.Variable): boolean {
    return variable.references.some((reference) => {
      const member = reference.identifier.parent;
      return (
        member?.type === 'MemberExpression' &&
        member.object === reference.identifier &&
        lastName(member) === 'disable' &&
        member.parent?.type === 'CallExpression' &&
        member.parent.callee === member
      );
    });
  }


  // ---- in-file propagation --------------------------------------------

  /**
   * A same-file helper: a function declaration, a `const f = () => …`, or a
   * private instance method (`#m()` or TS `private m()`, called as `this.m()`).
   */
  private helperOf(fn: FunctionNode): Helper | null {
    if (this.helperMemo.has(fn)) return this.helperMemo.get(fn)!;
    let helper: Helper | null = null;
    const parent = fn.parent;
    const referencesOf = (variable: TSESLint.Scope.Variable) => () =>
      variable.references
        .filter((reference) => !reference.init && !(reference as { isTypeReference?: boolean }).isTypeReference)
        .map((reference) => reference.identifier as TSESTree.Node);
    if (fn.type === 'FunctionDeclaration' && fn.id) {
      const variable = this.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name);
      if (variable) {
        const exported = parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
        helper = { name: fn.id.name, exported, uses: referencesOf(variable) };
      }
    } else if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
      const variable = this.sourceCode.getDeclaredVariables(parent).find((v) => v.name === (parent.id as TSESTree.Identifier).name);
      if (variable && constantInit(variable) === fn) {
        const exported = parent.parent?.parent?.type === 'ExportNamedDeclaration';
        helper = { name: parent.id.name, exported, uses: referencesOf(variable) };
      }
    } else if (parent?.type === 'MethodDefinition' && parent.value === fn && parent.kind === 'method' && !parent.static) {
      const key = memberKey(parent);
      const isPrivate = parent.key.type === 'PrivateIdentifier' || parent.accessibility === 'private';
      const classNode = parent.parent?.parent;
      if (key !== null && isPrivate && classNode) {
        helper = { name: `this.${key}`, exported: false, uses: () => this.thisMembers.usesOf(classNode, key) };
      }
    }
    this.helperMemo.set(fn, helper);
    return helper;
  }

  /**
   * A helper is guarded when every use in the file is a guarded call (or it
   * is handed to a guard or a module-scope breaker). When some calls are
   * guarded and others not, it counts as guarded and its unguarded call sites
   * are reported instead. Exported helpers and helpers used in other ways
   * (passed as a callback, exported by name) are not guarded.
   */
  private helperStatus(fn: FunctionNode): Verdict {
    const memo = this.statusMemo.get(fn);
    if (memo) return memo;
    const index = this.stack.findIndex((frame) => frame.fn === fn);
    if (index !== -1) {
      // Recursion: assume guarded (greatest fixed point); results above depend on it.
      for (let i = index + 1; i < this.stack.length; i++) this.stack[i]!.dependent = true;
      return GUARDED;
    }
    if (this.budget-- <= 0) return GUARDED; // precision first: stay silent
    const frame: Frame = { fn, dependent: false };
    this.stack.push(frame);
    let verdict: Verdict;
    try {
      verdict = this.computeHelperStatus(fn);
    } finally {
      this.stack.pop();
    }
    if (!(verdict.guarded && frame.dependent)) this.statusMemo.set(fn, verdict);
    return verdict;
  }

  private computeHelperStatus(fn: FunctionNode): Verdict {
    const helper = this.helperOf(fn)!;
    if (helper.exported) return UNGUARDED;
    const via = new Set<FunctionNode>();
    const unguarded: TSESTree.Node[] = [];
    let guardedUses = 0;
    for (const identifier of helper.uses()) {
      const parent = identifier.parent;
      let verdict: Verdict;
      if (parent?.type === 'CallExpression' && parent.callee === identifier) {
        verdict = this.verdictAt(parent);
        if (!verdict.guarded) unguarded.push(parent);
      } else if (
        parent?.type === 'CallExpression' &&
        parent.arguments.includes(identifier as TSESTree.CallExpressionArgument) &&
        this.isGuardCall(parent)
      ) {
        verdict = GUARDED;
      } else if (parent?.type === 'NewExpression' && parent.arguments[0] === identifier && this.isModuleBreaker(parent)) {
        verdict = GUARDED;
      } else {
        return UNGUARDED; // escapes: called from places this file cannot see
      }
      if (verdict.guarded) {
        guardedUses++;
        for (const helper of verdict.via) via.add(helper);
      }
    }
    if (guardedUses === 0) return UNGUARDED;
    if (unguarded.length > 0) {
      this.unguardedCalls.set(fn, unguarded);
      via.add(fn);
    }
    return { guarded: true, via: [...via] };
  }
}
