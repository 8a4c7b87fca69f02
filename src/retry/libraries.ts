/**
 * Retry libraries: which calls retry, their defaults, and the option values
 * that make them retry forever or without a growing wait. The table below is
 * data, one entry per library (its documented defaults); every call is
 * matched through `ImportTracker`, so default, named, namespace, `require` and
 * renamed imports all count. Suggestions set a finite limit or an
 * exponential backoff in the library's own terms.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { type ImportTracker, type Origin, variableAt } from '../imports';
import { isFunction } from '../ast/functions';
import { staticMemberName, staticString } from '../ast/static';
import { unwrapExpression, unwrapIndirect } from '../ast/unwrap';
import { functionReturns } from '../ast/walk';
import { isForeverNumber, type Node, numberValue } from './ast';
import { NO_FIX } from './model';
import type { TextEdit } from '../fix/edits';
import { addImportSpecifier, addRequireProperty } from '../fix/imports';
import { quoted, type SourceStyle, sourceStyle } from '../fix/style';
import { appendProperties } from '../fix/properties';

export interface LibraryFinding {
  concern: 'unbounded' | 'backoff' | 'jitter';
  /** The library's package name. */
  library: string;
  /** The option at fault (`retries: Infinity`), or the missing option's name. */
  option: string;
  /** True when the problem is a missing option (reported at the call). */
  missing: boolean;
  node: Node;
  /** For `unbounded`: it still waits with capped exponential backoff (see `allowUnboundedWithBackoff`). */
  backedOff: boolean;
  /** The option governs reconnects (`reconnectTries`), not retries of a call: the word the messages use. */
  reconnect: boolean;
  /**
   * The library retries forever with these options (for `backoff`, also a
   * reconnect option). Missing jitter matters for retries that never give up
   * (a fleet reconnecting in lockstep); require-retry-backoff reports it only
   * then, and a constant wait of a run that gives up only with `reportBounded`,
   * as for a hand-written retry.
   */
  forever: boolean;
  fix: { description: string; edits: TextEdit[] } | null;
  /** Why there is no suggestion (for `noFixText`, src/fix/no-fix.ts). */
  noFix: string | null;
}

export interface LibraryContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ImportTracker;
  options: { unboundedAbove: number; maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
}

// ---------------------------------------------------------------------------
// Reading option objects.

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** An options object literal, possibly reached through a `const`. */
class OptionsObject {
  constructor(
    readonly node: TSESTree.ObjectExpression,
    private readonly ctx: LibraryContext,
  ) {}

  /** The property `name`, or null. */
  property(name: string): TSESTree.Property | null {
    for (const p of this.node.properties) {
      if (p.type !== 'Property' || p.computed) continue;
      const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null;
      if (key === name) return p;
    }
    return null;
  }

  /** A spread could set any option: "missing" cannot be decided. */
  get hasSpread(): boolean {
    return this.node.properties.some((p) => p.type === 'SpreadElement');
  }

  /** The value of a property, followed through a `const`. */
  value(name: string): Node | null {
    const p = this.property(name);
    return p ? resolveConst(p.value as Node, this.ctx) : null;
  }

  /** A nested options object (`retry: { limit }`). */
  nested(name: string): OptionsObject | null {
    const v = this.value(name);
    return v && v.type === 'ObjectExpression' ? new OptionsObject(v, this.ctx) : null;
  }
}

function resolveConst(node: Node, ctx: LibraryContext): Node {
  const n = unwrapExpression(node);
  if (n.type !== 'Identifier') return n;
  const init = ctx.imports.constInit(n);
  return init ? unwrapExpression(init) : n;
}

function objectArg(call: Call, index: number, ctx: LibraryContext): OptionsObject | null {
  const arg = call.arguments[index];
  if (!arg || arg.type === 'SpreadElement') return null;
  const value = resolveConst(arg, ctx);
  return value.type === 'ObjectExpression' ? new OptionsObject(value, ctx) : null;
}

// ---------------------------------------------------------------------------
// Values.

function isForever(node: Node | null, ctx: LibraryContext, above = ctx.options.unboundedAbove): boolean {
  if (!node) return false;
  const n = unwrapExpression(node);
  // `opts.retries ?? Infinity`: forever unless the caller says otherwise; a fallback is no limit.
  if (n.type === 'LogicalExpression' && (n.operator === '??' || n.operator === '||')) return isForever(resolveConst(n.right, ctx), ctx, above);
  return isForeverNumber(n, above);
}

/**
 * A cap on the wait that caps nothing (`maxTimeout: Infinity`). Only an infinite value: `unboundedAbove` counts
 * attempts, and a cap in milliseconds (`maxTimeout: 15000`) is far above it and still a cap.
 */
function isUncapped(node: Node | null, ctx: LibraryContext): boolean {
  return isForever(node, ctx, Number.POSITIVE_INFINITY);
}

/**
 * A cap the wait grows up to: set, finite, and above the first wait
 * (`start`, or the library's own first wait when not set). A cap at or below
 * the first wait (`minTimeout: 5000, maxTimeout: 5000`) makes every wait the
 * same: no backoff, however the factor reads.
 */
function capsGrowth(cap: Node | null, start: Node | null, defaultStart: number, ctx: LibraryContext): boolean {
  if (!cap || isUncapped(cap, ctx)) return false;
  const capValue = numberValue(resolveConst(cap, ctx));
  const startValue = start ? numberValue(resolveConst(start, ctx)) : defaultStart;
  return capValue === null || startValue === null || capValue > startValue;
}

function isTrue(node: Node | null): boolean {
  return !!node && node.type === 'Literal' && node.value === true;
}

/** A function that returns the same number every time (`() => 1000`). */
function isConstantFunction(node: Node | null): boolean {
  if (!node || !isFunction(node)) return false;
  const { returns } = functionReturns(node);
  if (returns.length === 0) return false;
  const values = returns.map((r) => (r ? numberValue(r) : null));
  return values.every((v) => v !== null) && values.some((v) => v! > 0);
}

/** A function whose every return is a truthy literal (`() => true`, `() => 'READONLY'`, `() => 2`). */
function returnsTruthyConstant(fn: Node): boolean {
  if (!isFunction(fn)) return false;
  const { returns } = functionReturns(fn);
  return returns.length > 0 && returns.every((r) => !!r && r.type === 'Literal' && !!r.value);
}

/** A delay that is a number or a constant function. */
function isConstantDelay(node: Node | null): boolean {
  if (!node) return false;
  return numberValue(node) !== null || isConstantFunction(node);
}

// ---------------------------------------------------------------------------
// Edits.

class Editor {
  constructor(private readonly ctx: LibraryContext) {}

  get style(): SourceStyle {
    return sourceStyle(this.ctx.sourceCode);
  }

  text(node: Node): string {
    return this.ctx.sourceCode.getText(node);
  }

  /** Sets `name: value` in an object: replaces an existing value, or adds the property. */
  setProperty(object: OptionsObject, name: string, value: string): TextEdit[] {
    const existing = object.property(name);
    if (existing) {
      // `retries`, `retryStrategy() {...}`, `get retries() {...}`: the whole property is rewritten.
      if (existing.shorthand || existing.method || existing.kind !== 'init') return [{ range: existing.range, text: `${name}: ${value}` }];
      return [{ range: existing.value.range, text: value }];
    }
    return this.addProperty(object.node, `${name}: ${value}`);
  }

  addProperty(node: TSESTree.ObjectExpression, property: string): TextEdit[] {
    return this.addProperties(node, [property]);
  }

  /** Adds properties after the last one, one per line when the object is written that way (see `appendProperties`). */
  addProperties(node: TSESTree.ObjectExpression, properties: readonly string[]): TextEdit[] {
    return appendProperties(this.ctx.sourceCode.text, node, properties);
  }

  /** Adds an options argument `{ property }` after argument `after`. */
  addOptionsArgument(call: Call, after: number, property: string): TextEdit[] | null {
    const previous = call.arguments[after];
    if (!previous || call.arguments.length !== after + 1) return null;
    return [{ range: [previous.range[1], previous.range[1]], text: `, { ${property} }` }];
  }
}

// ---------------------------------------------------------------------------
// The table.

interface CheckInput {
  call: Call;
  origin: Origin;
  ctx: LibraryContext;
  editor: Editor;
  out: LibraryFinding[];
}

interface LibrarySpec {
  /** Package names (the first is used in messages). */
  modules: readonly string[];
  /** Does a callee with this origin path retry? (path inside the module) */
  matches: (path: readonly string[], module: string) => boolean;
  check: (input: CheckInput & { library: string }) => void;
}

/** Reports `concern` about option `name`: at the option where it is set, at the call (a missing option) where not. */
function reportOption(
  input: CheckInput & { library: string },
  concern: LibraryFinding['concern'],
  options: OptionsObject | null,
  name: string,
  fix: { description: string; edits: TextEdit[] | null; noFix?: string } | null,
  forever = false,
): void {
  const value = options?.value(name) ?? null;
  if (value) report(input, concern, describeOption(name, value, input.editor), options!.property(name)!, fix, false, false, forever);
  else report(input, concern, name, input.call, fix, false, true, forever);
}

function report(
  input: CheckInput & { library: string },
  concern: LibraryFinding['concern'],
  option: string,
  node: Node,
  fix: { description: string; edits: TextEdit[] | null; noFix?: string } | null,
  backedOff = false,
  missing = false,
  forever = false,
): void {
  const edits = fix?.edits ?? null;
  input.out.push({
    concern,
    library: input.library,
    option,
    missing,
    node,
    backedOff,
    forever,
    reconnect: RECONNECT_OPTIONS.has(option.split(/[\s:]/)[0]!),
    fix: fix && edits ? { description: fix.description, edits } : null,
    noFix: edits ? null : (fix?.noFix ?? NO_FIX.libraryOption),
  });
}

/** Options that govern reconnects rather than retries of a call. */
const RECONNECT_OPTIONS = new Set(['reconnectTries', 'reconnectInterval', 'maxReconnectAttempts', 'reconnectionAttempts', 'reconnectOnError', 'retryStrategy']);

/** Longest value text a message quotes; anything longer is named, not pasted. */
const MAX_QUOTED = 32;

/**
 * How a message names an option and its value: `retries: Infinity`; a
 * function by what it always returns (`reconnectOnError (always 'READONLY')`);
 * a fallback by its fallback (`retries (falling back to Infinity)`); any other
 * long or multi-line value by the option's name alone. Source is never pasted.
 */
function describeOption(name: string, value: Node, editor: Editor): string {
  const v = unwrapExpression(value);
  const short = (node: Node): string | null => {
    const text = editor.text(node);
    return text.length <= MAX_QUOTED && !text.includes('\n') ? text : null;
  };
  if (isFunction(v)) {
    const { returns } = functionReturns(v);
    const texts = returns.map((r) => (r && (r.type === 'Literal' || r.type === 'Identifier') ? short(r) : null));
    const first = texts[0];
    return first && texts.every((t) => t === first) ? `${name} (always ${first})` : name;
  }
  if (v.type === 'LogicalExpression' && (v.operator === '??' || v.operator === '||')) {
    const fallback = short(v.right);
    return fallback ? `${name} (falling back to ${fallback})` : name;
  }
  const text = short(value);
  return text ? `${name}: ${text}` : name;
}

/** Queue libraries that require `maxRetriesPerRequest: null` on the ioredis connections they are given or create. */
const REDIS_CONSUMERS = new Set(['bullmq', 'bull', 'bee-queue']);

/**
 * Is this ioredis connection one a queue library requires to retry forever?
 * BullMQ and Bull demand `maxRetriesPerRequest: null` for their blocking and
 * subscriber connections (they refuse or break without it), so the setting is
 * the library's contract, not the user's retry storm. True when the
 * connection (the `new Redis(...)`, or the variable holding it or its
 * options) is handed to a bullmq / bull / bee-queue call in this file, or is
 * made inside a `createClient` function (Bull's hook for its own connections).
 */
function requiredByConsumer(call: Call, options: OptionsObject, ctx: LibraryContext): boolean {
  const isConsumerCall = (n: Node): boolean => {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return false;
    const origin = ctx.imports.originOf(unwrapIndirect(unwrapExpression(n.callee)));
    return !!origin && origin.module !== null && REDIS_CONSUMERS.has(origin.module);
  };
  const handedToConsumer = (start: Node, throughFunctions: boolean): boolean => {
    for (let n: Node | undefined = start; n; n = n.parent) {
      // A use inside a job processor is not handing the connection over.
      if (isFunction(n) && !throughFunctions) return false;
      const parent: Node | undefined = n.parent;
      if (parent && isConsumerCall(parent) && (parent as Call).arguments.includes(n as TSESTree.CallExpressionArgument)) return true;
      if (isFunction(n)) {
        // `createClient(type, config) { return new Redis(...) }`, `const createClient = custom || function (...) {...}`.
        let holder: Node | undefined = n.parent;
        while (holder && (holder.type === 'ConditionalExpression' || holder.type === 'LogicalExpression')) holder = holder.parent;
        const key =
          holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name
          : (holder?.type === 'Property' || holder?.type === 'MethodDefinition') && !holder.computed && holder.key.type === 'Identifier' ? holder.key.name
          : holder?.type === 'AssignmentExpression' ? nameOfTarget(holder.left)
          : null;
        if (key === 'createClient') return true;
      }
    }
    return false;
  };
  if (handedToConsumer(call, true)) return true;
  // The variable holding the connection or its options, used in a consumer's arguments.
  const held: TSESTree.Identifier[] = [];
  let top: Node = call;
  while (top.parent && (top.parent.type === 'AwaitExpression' || top.parent.type === 'TSAsExpression')) top = top.parent;
  if (top.parent?.type === 'VariableDeclarator' && top.parent.id.type === 'Identifier') held.push(top.parent.id);
  if (options.node.parent?.type === 'VariableDeclarator' && options.node.parent.id.type === 'Identifier') held.push(options.node.parent.id);
  for (const id of held) {
    const variable = variableAt(ctx.sourceCode, id);
    if (variable?.references.some((ref) => !ref.init && handedToConsumer(ref.identifier, false))) return true;
  }
  return false;
}

function nameOfTarget(node: Node): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  return null;
}

/** Sets an option in an options object, or adds the options argument when there is none. */
function setOption(input: CheckInput, options: OptionsObject | null, optionsIndex: number, name: string, value: string): TextEdit[] | null {
  if (options) return input.editor.setProperty(options, name, value);
  return input.editor.addOptionsArgument(input.call, optionsIndex - 1, `${name}: ${value}`);
}

/** Sets several options in one edit list: existing values replaced, missing ones added together (or as a new options argument). */
function setOptions(input: CheckInput, options: OptionsObject | null, optionsIndex: number, properties: readonly [string, string][]): TextEdit[] | null {
  if (properties.length === 0) return [];
  const text = properties.map(([name, value]) => `${name}: ${value}`).join(', ');
  if (!options) return input.editor.addOptionsArgument(input.call, optionsIndex - 1, text);
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  for (const [name, value] of properties) {
    if (options.property(name)) edits.push(...input.editor.setProperty(options, name, value));
    else missing.push([name, value]);
  }
  if (missing.length > 0) edits.push(...input.editor.addProperties(options.node, missing.map(([name, value]) => `${name}: ${value}`)));
  return edits;
}

/**
 * node-retry style options, shared by p-retry, async-retry, promise-retry and
 * retry: `retries` (default 10), `forever`, `factor` (2), `minTimeout`
 * (1000), `maxTimeout` (Infinity), `randomize`.
 */
function checkNodeRetryOptions(input: CheckInput & { library: string }, options: OptionsObject | null, optionsIndex: number, randomizeDefault: boolean): void {
  if (!options) {
    if (!randomizeDefault) {
      report(input, 'jitter', 'randomize', input.call, {
        description: 'Set randomize: true.',
        edits: setOption(input, null, optionsIndex, 'randomize', 'true'),
      }, false, true);
    }
    return;
  }
  const { ctx, editor } = input;
  const factor = options.value('factor');
  const factorValue = factor ? numberValue(factor) : 2;
  // The retry package's first wait: minTimeout, 1000 ms by default.
  const capped = capsGrowth(options.value('maxTimeout'), options.value('minTimeout'), 1000, ctx);
  const backedOff = (factorValue === null || factorValue > 1) && capped;
  const limit = Math.max(0, ctx.options.maxAttempts - 1);
  const retries = options.value('retries');
  const retriesForever = (!!retries && isForever(retries, ctx)) || isTrue(options.value('forever'));
  if (retries && isForever(retries, ctx)) {
    report(input, 'unbounded', describeOption('retries', retries, editor), options.property('retries')!, {
      description: `Set retries: ${limit}.`,
      edits: editor.setProperty(options, 'retries', String(limit)),
    }, backedOff);
  }
  const forever = options.value('forever');
  if (isTrue(forever)) {
    const property = options.property('forever')!;
    report(input, 'unbounded', 'forever: true', property, {
      description: 'Set forever: false.',
      edits: [{ range: property.value.range, text: 'false' }],
    }, backedOff);
  }
  if (factor && factorValue !== null && factorValue <= 1) {
    report(input, 'backoff', describeOption('factor', factor, editor), options.property('factor')!, {
      description: 'Set factor: 2.',
      edits: editor.setProperty(options, 'factor', '2'),
    });
  }
  const minTimeout = options.value('minTimeout');
  if (minTimeout && numberValue(minTimeout) === 0) {
    report(input, 'backoff', 'minTimeout: 0', options.property('minTimeout')!, {
      description: `Set minTimeout: ${ctx.options.baseDelayMs}.`,
      edits: editor.setProperty(options, 'minTimeout', String(ctx.options.baseDelayMs)),
    });
  }
  const randomize = options.value('randomize');
  if (randomize ? randomize.type === 'Literal' && randomize.value === false : !randomizeDefault && !options.hasSpread) {
    report(input, 'jitter', randomize ? 'randomize: false' : 'randomize', randomize ? options.property('randomize')! : input.call, {
      description: 'Set randomize: true.',
      edits: editor.setProperty(options, 'randomize', 'true'),
    }, false, !randomize, retriesForever);
  }
}

/** The capped exponential backoff with full jitter, as a function of a 0-based attempt number. */
function jitteredDelayFunction(parameter: string, exponent: string, ctx: LibraryContext): string {
  return `(${parameter}) => Math.random() * Math.min(${ctx.options.maxDelayMs}, ${ctx.options.baseDelayMs} * 2 ** ${exponent})`;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'stream', 'paginate']);

export const RETRY_LIBRARIES: readonly LibrarySpec[] = [
  {
    modules: ['p-retry'],
    matches: (path) => path.length === 0,
    check: (input) => checkNodeRetryOptions(input, objectArg(input.call, 1, input.ctx), 1, false),
  },
  {
    modules: ['async-retry'],
    matches: (path) => path.length === 0,
    check: (input) => checkNodeRetryOptions(input, objectArg(input.call, 1, input.ctx), 1, true),
  },
  {
    modules: ['promise-retry'],
    matches: (path) => path.length === 0,
    check: (input) => {
      const first = objectArg(input.call, 0, input.ctx);
      const options = first ?? objectArg(input.call, 1, input.ctx);
      if (!options && input.call.arguments.length !== 1) return;
      checkNodeRetryOptions(input, options, first ? 0 : 1, false);
    },
  },
  {
    modules: ['retry'],
    matches: (path) => path.length === 1 && (path[0] === 'operation' || path[0] === 'timeouts'),
    check: (input) => {
      const options = objectArg(input.call, 0, input.ctx);
      if (options) checkNodeRetryOptions(input, options, 0, false);
    },
  },
  {
    modules: ['axios-retry'],
    matches: (path) => path.length === 0,
    check: (input) => {
      const { call, ctx, editor } = input;
      if (call.arguments.length === 0) return;
      const options = objectArg(call, 1, ctx);
      if (!options && call.arguments.length > 1) return;
      const callee = unwrapIndirect(unwrapExpression(call.callee));
      const exponential = callee.type === 'Identifier' || callee.type === 'MemberExpression' ? `${editor.text(callee)}.exponentialDelay` : null;
      const retryDelay = options?.value('retryDelay') ?? null;
      const retries = options?.value('retries') ?? null;
      if (retries && isForever(retries, ctx)) {
        const limit = Math.max(0, ctx.options.maxAttempts - 1);
        report(input, 'unbounded', describeOption('retries', retries, editor), options!.property('retries')!, {
          description: `Set retries: ${limit}.`,
          edits: editor.setProperty(options!, 'retries', String(limit)),
        });
      }
      const fix = exponential
        ? { description: `Set retryDelay: ${exponential}.`, edits: setOption(input, options, 1, 'retryDelay', exponential) }
        : { description: '', edits: null, noFix: NO_FIX.axiosExponentialDelay };
      if (!retryDelay) {
        if (!options?.hasSpread) report(input, 'backoff', 'retryDelay', call, fix, false, true);
      } else if (isConstantDelay(retryDelay)) {
        report(input, 'backoff', describeOption('retryDelay', retryDelay, editor), options!.property('retryDelay')!, fix);
      }
    },
  },
  {
    modules: ['got'],
    matches: (path) => path.length === 0 || (path.length === 1 && (HTTP_METHODS.has(path[0]!) || path[0] === 'extend')),
    check: (input) => {
      const { call, ctx, editor } = input;
      call.arguments.forEach((_, index) => {
        const options = objectArg(call, index, ctx);
        const retry = options?.nested('retry');
        const bare = options?.value('retry');
        if (bare && isForever(bare, ctx)) {
          report(input, 'unbounded', describeOption('retry', bare, editor), options!.property('retry')!, {
            description: `Set retry: { limit: ${ctx.options.maxAttempts - 1} }.`,
            edits: editor.setProperty(options!, 'retry', `{ limit: ${ctx.options.maxAttempts - 1} }`),
          });
        }
        if (!retry) return;
        const limit = retry.value('limit');
        const backoffLimit = retry.value('backoffLimit');
        // got's first computed wait is 1000 ms.
        const capped = capsGrowth(backoffLimit, null, 1000, ctx);
        if (limit && isForever(limit, ctx)) {
          report(input, 'unbounded', describeOption('limit', limit, editor), retry.property('limit')!, {
            description: `Set limit: ${ctx.options.maxAttempts - 1}.`,
            edits: editor.setProperty(retry, 'limit', String(ctx.options.maxAttempts - 1)),
          }, capped);
        }
        const calculateDelay = retry.value('calculateDelay');
        if (calculateDelay && isConstantFunction(calculateDelay)) {
          report(input, 'backoff', describeOption('calculateDelay', calculateDelay, editor), retry.property('calculateDelay')!, {
            description: "Use got's own exponential delay (computedValue).",
            edits: editor.setProperty(retry, 'calculateDelay', '({ computedValue }) => computedValue'),
          });
        }
      });
    },
  },
  {
    modules: ['ky'],
    matches: (path) => path.length === 0 || (path.length === 1 && (HTTP_METHODS.has(path[0]!) || path[0] === 'create' || path[0] === 'extend')),
    check: (input) => {
      const { call, ctx, editor } = input;
      call.arguments.forEach((_, index) => {
        const options = objectArg(call, index, ctx);
        if (!options) return;
        const limit = Math.max(0, ctx.options.maxAttempts - 1);
        const bare = options.value('retry');
        if (bare && isForever(bare, ctx)) {
          report(input, 'unbounded', describeOption('retry', bare, editor), options.property('retry')!, {
            description: `Set retry: ${limit}.`,
            edits: editor.setProperty(options, 'retry', String(limit)),
          });
        }
        const retry = options.nested('retry');
        if (!retry) return;
        const backoffLimit = retry.value('backoffLimit');
        // ky's first wait is 300 ms (0.3 x 2 ** 0 s).
        const capped = capsGrowth(backoffLimit, null, 300, ctx);
        const limitValue = retry.value('limit');
        if (limitValue && isForever(limitValue, ctx)) {
          report(input, 'unbounded', describeOption('limit', limitValue, editor), retry.property('limit')!, {
            description: `Set limit: ${limit}.`,
            edits: editor.setProperty(retry, 'limit', String(limit)),
          }, capped);
        }
        const delay = retry.value('delay');
        if (delay && isConstantFunction(delay)) {
          report(input, 'backoff', describeOption('delay', delay, editor), retry.property('delay')!, {
            description: 'Wait with capped exponential backoff and full jitter.',
            edits: editor.setProperty(retry, 'delay', jitteredDelayFunction('attemptCount', '(attemptCount - 1)', ctx)),
          });
        }
      });
    },
  },
  {
    modules: ['cockatiel'],
    matches: (path) => path.length === 1 && path[0] === 'retry',
    check: (input) => {
      const { call, ctx, editor } = input;
      if (call.arguments.length === 0) return;
      const options = objectArg(call, 1, ctx);
      if (!options && call.arguments.length > 1) return;
      const backoff = options?.value('backoff') ?? null;
      const exponential = !!backoff && backoff.type === 'NewExpression' && originName(backoff.callee, input) === 'ExponentialBackoff';
      const maxAttempts = options?.value('maxAttempts') ?? null;
      const needsBound = maxAttempts ? isForever(maxAttempts, ctx) : !options?.hasSpread;
      const constant = !!backoff && backoff.type === 'NewExpression' && originName(backoff.callee, input) === 'ConstantBackoff';
      const needsBackoff = !backoff ? !options?.hasSpread : constant;
      // One edit sets both when both are missing: a backoff alone would let allowUnboundedWithBackoff hide the unbounded retry.
      const properties: [string, string][] = [];
      let backoffEdits: TextEdit[] | null = [];
      if (needsBackoff) {
        const plan = cockatielBackoff(input, constant ? (backoff as TSESTree.NewExpression) : null);
        if (plan) {
          properties.push(['backoff', plan.text]);
          backoffEdits = plan.edits;
        } else backoffEdits = null;
      }
      if (needsBound) properties.unshift(['maxAttempts', String(ctx.options.maxAttempts)]);
      const combined = backoffEdits ? setOptions(input, options, 1, properties) : null;
      const fix = combined && backoffEdits
        ? { description: `Set ${properties.map(([name, value]) => `${name}: ${value}`).join(' and ')}.`, edits: [...combined, ...backoffEdits] }
        : null;
      if (needsBound) {
        // Without a possible backoff edit, the limit alone.
        const boundFix = fix ?? {
          description: `Set maxAttempts: ${ctx.options.maxAttempts}.`,
          edits: setOption(input, options, 1, 'maxAttempts', String(ctx.options.maxAttempts)),
        };
        if (maxAttempts) report(input, 'unbounded', describeOption('maxAttempts', maxAttempts, editor), options!.property('maxAttempts')!, boundFix, exponential);
        else report(input, 'unbounded', 'maxAttempts', call, boundFix, exponential, true);
      }
      if (needsBackoff) {
        reportOption(input, 'backoff', options, 'backoff', fix ?? { description: '', edits: null, noFix: NO_FIX.cockatielBackoffImport });
      }
    },
  },
  {
    modules: ['async', 'async-es', 'async/retry', 'async-es/retry', 'async/retryable', 'async-es/retryable'],
    matches: (path, module) => (path.length === 0 && module.includes('/')) || (path.length === 1 && (path[0] === 'retry' || path[0] === 'retryable')),
    check: (input) => {
      const { call, ctx, editor } = input;
      const first = call.arguments[0];
      if (!first || first.type === 'SpreadElement') return;
      const firstValue = resolveConst(first, ctx);
      const interval = jitteredDelayFunction('retryCount', 'retryCount', ctx);
      if (isFunction(firstValue)) {
        // No options: 5 attempts, no wait.
        report(input, 'backoff', 'interval', call, {
          description: 'Add interval with capped exponential backoff and full jitter.',
          edits: [{ range: [first.range[0], first.range[0]], text: `{ times: 5, interval: ${interval} }, ` }],
        }, false, true);
        return;
      }
      if (numberValue(firstValue) !== null || isForever(firstValue, ctx)) {
        if (isForever(firstValue, ctx)) {
          report(input, 'unbounded', `times: ${editor.text(first)}`, first, {
            description: `Set times: ${ctx.options.maxAttempts}.`,
            edits: [{ range: first.range, text: String(ctx.options.maxAttempts) }],
          });
        }
        report(input, 'backoff', 'interval', call, {
          description: 'Add interval with capped exponential backoff and full jitter.',
          edits: [{ range: first.range, text: `{ times: ${editor.text(first)}, interval: ${interval} }` }],
        }, false, true);
        return;
      }
      if (firstValue.type !== 'ObjectExpression') return;
      const options = new OptionsObject(firstValue, ctx);
      const times = options.value('times');
      if (times && isForever(times, ctx)) {
        report(input, 'unbounded', describeOption('times', times, editor), options.property('times')!, {
          description: `Set times: ${ctx.options.maxAttempts}.`,
          edits: editor.setProperty(options, 'times', String(ctx.options.maxAttempts)),
        });
      }
      const value = options.value('interval');
      if (!value ? !options.hasSpread : isConstantDelay(value)) {
        reportOption(input, 'backoff', options, 'interval', {
          description: 'Set interval with capped exponential backoff and full jitter.',
          edits: editor.setProperty(options, 'interval', interval),
        });
      }
    },
  },
  {
    modules: ['@lifeomic/attempt'],
    matches: (path) => path.length === 1 && path[0] === 'retry',
    check: (input) => {
      const { call, ctx, editor } = input;
      if (call.arguments.length === 0) return;
      const options = objectArg(call, 1, ctx);
      if (!options && call.arguments.length > 1) return;
      const factor = options?.value('factor') ?? null;
      const factorValue = factor ? numberValue(factor) : 0;
      // @lifeomic/attempt's first wait: delay, 200 ms by default.
      const capped = capsGrowth(options?.value('maxDelay') ?? null, options?.value('delay') ?? null, 200, ctx);
      const maxAttempts = options?.value('maxAttempts') ?? null;
      if (maxAttempts && (numberValue(maxAttempts) === 0 || isForever(maxAttempts, ctx))) {
        report(input, 'unbounded', describeOption('maxAttempts', maxAttempts, editor), options!.property('maxAttempts')!, {
          description: `Set maxAttempts: ${ctx.options.maxAttempts}.`,
          edits: editor.setProperty(options!, 'maxAttempts', String(ctx.options.maxAttempts)),
        }, capped && (factorValue === null || factorValue > 1));
      }
      if (factor ? factorValue !== null && factorValue <= 1 : !options?.hasSpread) {
        reportOption(input, 'backoff', options, 'factor', {
          description: 'Set factor: 2.',
          edits: setOption(input, options, 1, 'factor', '2'),
        });
      }
      const jitter = options?.value('jitter') ?? null;
      if (!isTrue(jitter) && (jitter || !options?.hasSpread)) {
        reportOption(input, 'jitter', options, 'jitter', {
          description: 'Set jitter: true.',
          edits: setOption(input, options, 1, 'jitter', 'true'),
        }, !!maxAttempts && (numberValue(maxAttempts) === 0 || isForever(maxAttempts, ctx)));
      }
    },
  },
  {
    modules: ['exponential-backoff'],
    matches: (path) => path.length === 1 && path[0] === 'backOff',
    check: (input) => {
      const { call, ctx, editor } = input;
      if (call.arguments.length === 0) return;
      const options = objectArg(call, 1, ctx);
      if (!options && call.arguments.length > 1) return;
      const maxDelay = options?.value('maxDelay') ?? null;
      // exponential-backoff's first wait: startingDelay, 100 ms by default.
      const capped = capsGrowth(maxDelay, options?.value('startingDelay') ?? null, 100, ctx);
      const multiple = options?.value('timeMultiple') ?? null;
      const multipleValue = multiple ? numberValue(multiple) : 2;
      const attempts = options?.value('numOfAttempts') ?? null;
      if (attempts && isForever(attempts, ctx)) {
        report(input, 'unbounded', describeOption('numOfAttempts', attempts, editor), options!.property('numOfAttempts')!, {
          description: `Set numOfAttempts: ${ctx.options.maxAttempts}.`,
          edits: editor.setProperty(options!, 'numOfAttempts', String(ctx.options.maxAttempts)),
        }, capped && (multipleValue === null || multipleValue > 1));
      }
      if (multiple && multipleValue !== null && multipleValue <= 1) {
        report(input, 'backoff', describeOption('timeMultiple', multiple, editor), options!.property('timeMultiple')!, {
          description: 'Set timeMultiple: 2.',
          edits: editor.setProperty(options!, 'timeMultiple', '2'),
        });
      }
      const jitter = options?.value('jitter') ?? null;
      const jitterText = staticString(jitter);
      if (jitter ? jitterText === 'none' : !options?.hasSpread) {
        reportOption(input, 'jitter', options, 'jitter', {
          description: "Set jitter: 'full'.",
          edits: setOption(input, options, 1, 'jitter', quoted('full', editor.style.quote)),
        }, !!attempts && isForever(attempts, ctx));
      }
    },
  },
  {
    modules: ['ts-retry-promise'],
    matches: (path) => path.length === 1 && (path[0] === 'retry' || path[0] === 'retryDecorator'),
    check: (input) => {
      const { call, ctx, editor } = input;
      if (call.arguments.length === 0) return;
      const options = objectArg(call, 1, ctx);
      if (!options && call.arguments.length > 1) return;
      const retries = options?.value('retries') ?? null;
      if (retries && (staticString(retries) === 'INFINITELY' || isForever(retries, ctx))) {
        report(input, 'unbounded', describeOption('retries', retries, editor), options!.property('retries')!, {
          description: `Set retries: ${ctx.options.maxAttempts}.`,
          edits: editor.setProperty(options!, 'retries', String(ctx.options.maxAttempts)),
        });
      }
      const backoff = options?.value('backoff') ?? null;
      const backoffText = staticString(backoff);
      if (backoff ? backoffText === 'FIXED' : !options?.hasSpread) {
        const value = quoted('EXPONENTIAL', editor.style.quote);
        reportOption(input, 'backoff', options, 'backoff', {
          description: `Set backoff: ${value}.`,
          edits: setOption(input, options, 1, 'backoff', value),
        });
      }
    },
  },
  {
    // bluebird-retry: `max_tries` (default 5, -1 = forever), constant `interval` unless `backoff` (a multiplier) is set.
    modules: ['bluebird-retry'],
    matches: (path) => path.length === 0,
    check: (input) => {
      const { call, ctx, editor } = input;
      if (call.arguments.length === 0) return;
      const options = objectArg(call, 1, ctx);
      if (!options && call.arguments.length > 1) return;
      const tries = options?.value('max_tries') ?? null;
      if (tries && (numberValue(tries) === -1 || isForever(tries, ctx))) {
        report(input, 'unbounded', describeOption('max_tries', tries, editor), options!.property('max_tries')!, {
          description: `Set max_tries: ${ctx.options.maxAttempts}.`,
          edits: editor.setProperty(options!, 'max_tries', String(ctx.options.maxAttempts)),
        });
      }
      const backoff = options?.value('backoff') ?? null;
      const factor = backoff ? numberValue(backoff) : null;
      if (backoff ? factor !== null && factor <= 1 : !options?.hasSpread) {
        reportOption(input, 'backoff', options, 'backoff', {
          description: 'Set backoff: 2.',
          edits: setOption(input, options, 1, 'backoff', '2'),
        });
      }
    },
  },
  // "Forever" sentinels in client options.
  {
    modules: ['mongodb', 'mongoose'],
    matches: () => true,
    check: (input) => {
      sentinel(input, 'reconnectTries', (v, ctx) => isForever(v, ctx), false);
      // The legacy driver (before the unified topology) reconnects every `reconnectInterval` ms: a constant wait.
      const { call, ctx, editor } = input;
      call.arguments.forEach((_, index) => {
        const options = objectArg(call, index, ctx);
        const interval = options?.value('reconnectInterval');
        if (!options || !interval || numberValue(interval) === null || numberValue(interval)! <= 0) return;
        const autoReconnect = options.value('autoReconnect');
        const tries = options.value('reconnectTries');
        if ((autoReconnect && autoReconnect.type === 'Literal' && autoReconnect.value === false) || (tries && numberValue(tries) === 0)) return;
        report(input, 'backoff', describeOption('reconnectInterval', interval, editor), options.property('reconnectInterval')!, {
          description: '',
          edits: null,
          noFix: NO_FIX.legacyReconnectInterval,
        });
      });
    },
  },
  {
    modules: ['ioredis'],
    matches: () => true,
    check: (input) => {
      const { call, ctx, editor } = input;
      // `maxRetriesPerRequest: null` on a connection handed to BullMQ/Bull in this file is what they require: not reported.
      // Elsewhere it is reported, but never rewritten: the connection may be handed to BullMQ in another file.
      sentinel(
        input,
        'maxRetriesPerRequest',
        (v, _, options) => v.type === 'Literal' && v.value === null && !requiredByConsumer(call, options, ctx),
        false,
        NO_FIX.requiredSetting,
      );
      call.arguments.forEach((_, index) => {
        const options = objectArg(call, index, ctx);
        if (!options) return;
        // `reconnectOnError: () => true`: every error reply reconnects, forever.
        const onError = options.value('reconnectOnError');
        if (onError && isFunction(onError) && returnsTruthyConstant(onError)) {
          report(input, 'unbounded', describeOption('reconnectOnError', onError, editor), options.property('reconnectOnError')!, {
            description: '',
            edits: null,
            noFix: NO_FIX.reconnectOnError,
          });
        }
        // `retryStrategy: () => 1000`: reconnects at a constant interval.
        const strategy = options.value('retryStrategy');
        if (strategy && isConstantFunction(strategy)) {
          report(input, 'backoff', describeOption('retryStrategy', strategy, editor), options.property('retryStrategy')!, {
            description: 'Reconnect with capped exponential backoff and full jitter.',
            edits: editor.setProperty(options, 'retryStrategy', jitteredDelayFunction('times', 'times', ctx)),
          });
        }
      });
    },
  },
  {
    modules: ['nats'],
    matches: () => true,
    check: (input) => sentinel(input, 'maxReconnectAttempts', (v, ctx) => numberValue(v) === -1 || isForever(v, ctx), false),
  },
  {
    modules: ['socket.io-client'],
    // Reconnects with exponential backoff, jitter and a 5 s cap: allowed unless `allowUnboundedWithBackoff` is off.
    matches: () => true,
    check: (input) => sentinel(input, 'reconnectionAttempts', (v, ctx) => isForever(v, ctx), true),
  },
];

/** A client option whose value means "retry forever", in any object argument of the call. */
function sentinel(
  input: CheckInput & { library: string },
  option: string,
  forever: (value: Node, ctx: LibraryContext, options: OptionsObject) => boolean,
  backedOff: boolean,
  /** A setting that must not be rewritten: the reason there is no suggestion. */
  required?: string,
): void {
  const { call, ctx, editor } = input;
  call.arguments.forEach((_, index) => {
    const options = objectArg(call, index, ctx);
    const value = options?.value(option);
    if (!options || !value || !forever(value, ctx, options)) return;
    const fix = required
      ? { description: '', edits: null, noFix: required }
      : { description: `Set ${option}: ${ctx.options.maxAttempts}.`, edits: editor.setProperty(options, option, String(ctx.options.maxAttempts)) };
    report(input, 'unbounded', describeOption(option, value, editor), options.property(option)!, fix, backedOff);
  });
}

/** The name a `new X()` callee has in the library (`ExponentialBackoff`), through imports. */
function originName(callee: Node, input: CheckInput): string | null {
  const origin = input.ctx.imports.originOf(callee);
  if (!origin || origin.module !== input.origin.module || origin.path.length !== 1) return null;
  return origin.path[0]!;
}

/**
 * How to refer to a cockatiel export in this file: a name already imported,
 * the namespace the call went through, or a new named import added to the
 * import (or destructured require) that brought `retry`.
 */
function cockatielExport(input: CheckInput, exportName: string): { name: string; edits: TextEdit[] } | null {
  const { ctx, call } = input;
  const callee = unwrapIndirect(unwrapExpression(call.callee));
  const scope = ctx.sourceCode.getScope(call);
  // Already imported under some name?
  for (let s: TSESLint.Scope.Scope | null = scope; s; s = s.upper) {
    for (const variable of s.variables) {
      const def = variable.defs[0];
      if (!def || variable.defs.length !== 1) continue;
      const id = def.name as TSESTree.Identifier;
      const origin = ctx.imports.originOf(id);
      if (origin && origin.module === input.origin.module && origin.path.length === 1 && origin.path[0] === exportName) {
        if (def.type === 'ImportBinding' || def.type === 'Variable') return { name: variable.name, edits: [] };
      }
    }
  }
  if (callee.type === 'MemberExpression') {
    // `cockatiel.retry(...)`: use the same object.
    return { name: `${ctx.sourceCode.getText(callee.object)}.${exportName}`, edits: [] };
  }
  if (callee.type !== 'Identifier') return null;
  const variable = findVariable(scope, callee.name);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (findVariable(scope, exportName)) return null;
  let edit: TextEdit | null = null;
  if (def.type === 'ImportBinding' && def.node.type === 'ImportSpecifier') edit = addImportSpecifier(def.parent as TSESTree.ImportDeclaration, exportName);
  else if (def.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.node.id.type === 'ObjectPattern') edit = addRequireProperty(def.node.id, exportName);
  return edit ? { name: exportName, edits: [edit] } : null;
}

/**
 * The `backoff` value for cockatiel: `new ExponentialBackoff()`, starting at
 * the old constant delay when that is longer than its default start of 128 ms
 * (`new ConstantBackoff(1000)` -> `new ExponentialBackoff({ initialDelay: 1000 })`), with the import edits: an
 * import of `ConstantBackoff` used only here becomes the import of
 * `ExponentialBackoff` (or goes when that is already imported).
 */
function cockatielBackoff(input: CheckInput, constant: TSESTree.NewExpression | null): { text: string; edits: TextEdit[] } | null {
  const { ctx } = input;
  const reference = cockatielExport(input, 'ExponentialBackoff');
  if (!reference) return null;
  const delay = constant?.arguments[0] ? numberValue(constant.arguments[0]) : null;
  // cockatiel's ExponentialBackoff starts at 128 ms; a longer old delay becomes its start.
  const text = `new ${reference.name}(${delay !== null && delay > 128 ? `{ initialDelay: ${delay} }` : ''})`;
  let edits = reference.edits;
  const callee = constant ? unwrapExpression(constant.callee) : null;
  if (callee?.type === 'Identifier') {
    const variable = variableAt(ctx.sourceCode, callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const onlyUse = !!variable && variable.references.length === 1;
    if (def?.type === 'ImportBinding' && def.node.type === 'ImportSpecifier' && onlyUse) {
      const specifier = def.node;
      const declaration = def.parent as TSESTree.ImportDeclaration;
      const added = edits.length === 1 && reference.name === 'ExponentialBackoff';
      if (added) {
        // Rename the unused import instead of adding a second one.
        edits = [{ range: specifier.range, text: 'ExponentialBackoff' }];
      } else if (edits.length === 0 && declaration.specifiers.length > 1) {
        const removal = removeListItem(ctx.sourceCode, specifier);
        if (removal) edits = [removal];
      }
    }
  }
  return { text, edits };
}

/** The edit that removes one item of a comma-separated list with its comma. */
function removeListItem(sourceCode: Readonly<TSESLint.SourceCode>, item: TSESTree.Node): TextEdit | null {
  const after = sourceCode.getTokenAfter(item);
  if (after && after.value === ',') {
    const next = sourceCode.getTokenAfter(after);
    if (next && next.value !== '}') return { range: [item.range[0], next.range[0]], text: '' };
  }
  const before = sourceCode.getTokenBefore(item);
  if (before && before.value === ',') return { range: [before.range[0], item.range[1]], text: '' };
  return null;
}

/** Every module the table knows; a file that names none of them skips the library checks. */
export const RETRY_LIBRARY_MODULES: readonly string[] = RETRY_LIBRARIES.flatMap((spec) => spec.modules);

/**
 * A call of a retry library (a function of the table, given the attempt as a
 * function) whose options leave it backing off: no finding of a constant or
 * missing wait. Its attempts and their waits are the library's.
 */
export function isPacedLibraryRetry(call: Call, ctx: LibraryContext): boolean {
  const callee = unwrapIndirect(unwrapExpression(call.callee));
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return false;
  const origin = ctx.imports.originOf(callee);
  if (!origin || origin.module === null) return false;
  const known = RETRY_LIBRARIES.some((spec) => spec.modules.includes(origin.module!) && spec.matches(origin.path, origin.module!));
  if (!known) return false;
  if (!pacedAttempt(call)) return false;
  if (analyzeLibraryCall(call, ctx).some((f) => f.concern === 'backoff')) return false;
  // A cap at or below the first wait (`delay: 1000, maxDelay: 1000`): every wait is the same.
  for (const index of [0, 1]) {
    const options = objectArg(call, index, ctx);
    if (!options) continue;
    for (const [cap, start, defaultStart] of CAP_AND_START) {
      if (options.value(cap) && !capsGrowth(options.value(cap), options.value(start), defaultStart, ctx)) return false;
    }
  }
  return true;
}

/** The cap and first-wait options of the libraries (`maxTimeout`/`minTimeout`: the retry package; `maxDelay`/`delay`: @lifeomic/attempt; `maxDelay`/`startingDelay`: exponential-backoff). */
const CAP_AND_START: readonly [string, string, number][] = [
  ['maxTimeout', 'minTimeout', 1000],
  ['maxDelay', 'delay', 200],
  ['maxDelay', 'startingDelay', 100],
];

/** The attempt a library call runs: the function given first, inline or bound (`this.createConnection.bind(this)`). */
export function pacedAttempt(call: Call): Node | null {
  const attempt = call.arguments[0];
  if (!attempt || attempt.type === 'SpreadElement') return null;
  if (isFunction(attempt)) return attempt;
  if (attempt.type === 'CallExpression' && attempt.callee.type === 'MemberExpression' && staticMemberName(attempt.callee) === 'bind') return attempt.callee.object;
  return null;
}

/** Findings for one call (or `new`) of a retry library; empty for anything else. */
export function analyzeLibraryCall(call: Call, ctx: LibraryContext): LibraryFinding[] {
  // Cheap filter first: only callees that resolve to an imported module.
  const callee = unwrapIndirect(unwrapExpression(call.callee));
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression' && callee.type !== 'CallExpression') return [];
  const origin = ctx.imports.originOf(callee);
  if (!origin || origin.module === null) return [];
  const out: LibraryFinding[] = [];
  const editor = new Editor(ctx);
  for (const spec of RETRY_LIBRARIES) {
    if (!spec.modules.includes(origin.module)) continue;
    if (!spec.matches(origin.path, origin.module)) continue;
    const library = origin.module.startsWith('@') ? origin.module : origin.module.split('/')[0]!;
    spec.check({ call, origin, ctx, editor, out, library });
  }
  // A constant wait of a run that never gives up (an unbounded finding of the same call), or of a reconnect option
  // (ioredis's `retryStrategy`, the legacy MongoDB driver's `reconnectInterval`): its attempts keep coming.
  const endless = out.some((f) => f.concern === 'unbounded');
  for (const f of out) if (f.concern === 'backoff' && (endless || f.reconnect)) f.forever = true;
  return boundAndBackOffTogether(out);
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.range[0] < y.range[1] && y.range[0] < x.range[1]));
}

/**
 * When one call is both unbounded and without backoff, each suggestion sets
 * both: fixing the backoff alone could make the call count as backed off, and
 * `allowUnboundedWithBackoff` would then hide the unbounded retry.
 */
function boundAndBackOffTogether(findings: LibraryFinding[]): LibraryFinding[] {
  const unbounded = findings.filter((f) => f.concern === 'unbounded' && f.fix);
  const backoff = findings.filter((f) => f.concern === 'backoff' && f.fix);
  if (unbounded.length !== 1 || backoff.length !== 1) return findings;
  const a = unbounded[0]!.fix!;
  const b = backoff[0]!.fix!;
  if (a === b || a.edits === b.edits || overlaps(a.edits, b.edits)) return findings;
  const description = `${a.description.replace(/\.$/, '')}, and ${b.description.charAt(0).toLowerCase()}${b.description.slice(1)}`;
  const fix = { description, edits: [...a.edits, ...b.edits] };
  unbounded[0]!.fix = fix;
  backoff[0]!.fix = fix;
  return findings;
}
