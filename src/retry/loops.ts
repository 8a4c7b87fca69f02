/**
 * Retry loops: a `while` / `do…while` / `for` whose failure path (a `catch`,
 * a failed status check) leads to another iteration while success leaves.
 * Candidates are noted while ESLint walks the file (a `catch` or a status
 * check directly in a loop body) and judged once at the end.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../ast/scope';
import { variableAt } from '../imports';
import { enclosingFunction, type FunctionNode, functionName, isFunction, isLoop } from '../ast/functions';
import { staticKeyName, staticMemberName } from '../ast/static';
import { unwrapExpression } from '../ast/unwrap';
import { contains, functionReturns, someAll, someOwn, type VisitorKeys, walkOwn } from '../ast/walk';
import { alwaysLeaves, blockFlow, calleeName, nonEmptyCount, type FlowContext, isLogCall, LISTENER_METHODS, type LoopNode, nameKey, type Node, numberValue, PUT_BACK_METHODS, statementFlow, TAKE_METHODS, TIMER_FUNCTIONS } from './ast';
import { type BoundContext, collectCounters, type FallbackLimit, counterAnswerNames, dropResetCounters, fallbackLimits, hasThrowIfAborted, isBoundingTest, isUsedUpGuard, policyAnswerNames } from './bounds';
import { classifyDelay, type FoundWait, isAwaiterYield, NO_WAIT, raceHoldsWork, RegionWrites, strongerWait, type WaitInfo, waitOf } from './delay';
import { type FinderContext, NO_FIX } from './model';
import { type FailureCounter, type RetryPoint, retryPointOf, type RetryRewritePlan, rewriteRetryLoop } from './rewrite';
import { sourceStyle } from '../fix/style';
import { endlessIntent, indexesWith, isFixedDelay, mentionsName, rewriteName, waitGrowthRefusal } from './shared';
import { continuesOnlyForSortedErrors, errorNames } from './sorting';
import { statusPolarity } from './status';
import { endlessIterator, rebindsIterator, sameFileCallee, stepsIterator, takerCall } from './exhaustion';
import { awaitedHelperWait, classifyFoundWait } from './helper-wait';

export class LoopRetries {
  private readonly loopTries = new Map<LoopNode, TSESTree.TryStatement[]>();
  private readonly loopStatusChecks = new Map<LoopNode, TSESTree.IfStatement[]>();
  /** `const res = await op().catch(() => null)` directly in a loop body: the statement and the name. */
  private readonly loopCatchValues = new Map<LoopNode, { statement: TSESTree.Statement; name: string }[]>();
  private readonly keys: VisitorKeys;

  constructor(private readonly ctx: FinderContext) {
    this.keys = ctx.keys;
  }

  private get sourceCode() {
    return this.ctx.sourceCode;
  }

  /** Judges every noted loop (at `Program:exit`). */
  finish(): void {
    const loops = new Set<LoopNode>([...this.loopTries.keys(), ...this.loopStatusChecks.keys(), ...this.loopCatchValues.keys()]);
    for (const loop of loops) this.analyzeLoop(loop, this.loopTries.get(loop) ?? [], this.loopStatusChecks.get(loop) ?? []);
  }

  /**
   * `const res = await op().catch(() => null);` (or `res = await ...`) as a
   * statement of a loop body: a `.catch` handler that turns the failure into
   * a falsy value, which a later check can send to the next iteration.
   */
  noteCatchCall(call: TSESTree.CallExpression): void {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'catch') return;
    const handler = call.arguments[0];
    if (call.arguments.length !== 1 || !isFunction(handler) || !returnsNothingOrFalsy(handler)) return;
    const awaited = call.parent;
    if (awaited?.type !== 'AwaitExpression') return;
    let name: string | null = null;
    let statement: Node | undefined;
    const holder = awaited.parent;
    if (holder?.type === 'VariableDeclarator' && holder.init === awaited && holder.id.type === 'Identifier') {
      name = holder.id.name;
      statement = holder.parent?.type === 'VariableDeclaration' && holder.parent.declarations.length === 1 ? holder.parent : undefined;
    } else if (holder?.type === 'AssignmentExpression' && holder.right === awaited && holder.operator === '=' && holder.left.type === 'Identifier') {
      name = holder.left.name;
      statement = holder.parent?.type === 'ExpressionStatement' ? holder.parent : undefined;
    }
    const body = statement?.parent;
    const loop = body?.type === 'BlockStatement' ? body.parent : null;
    if (!name || !statement || !loop || (loop.type !== 'WhileStatement' && loop.type !== 'DoWhileStatement' && loop.type !== 'ForStatement') || loop.body !== body) return;
    const list = this.loopCatchValues.get(loop);
    const note = { statement: statement as TSESTree.Statement, name };
    if (list) list.push(note);
    else this.loopCatchValues.set(loop, [note]);
  }

  /** After a `.catch`-to-falsy statement: `if (res) return res;` with the rest continuing, or `if (!res) continue;` with the rest leaving. */
  private catchValueRetry(loop: LoopNode, ctx: FlowContext): boolean {
    const notes = this.loopCatchValues.get(loop);
    if (!notes || loop.body.type !== 'BlockStatement') return false;
    const list = loop.body.body;
    for (const { statement, name } of notes) {
      const index = list.indexOf(statement);
      for (let i = index + 1; i >= 1 && i < list.length; i++) {
        const check = list[i]!;
        if (check.type !== 'IfStatement' || check.alternate) continue;
        const test = unwrapExpression(check.test);
        const truthy = test.type === 'Identifier' && test.name === name;
        const falsy = test.type === 'UnaryExpression' && test.operator === '!' && test.argument.type === 'Identifier' && test.argument.name === name;
        if (!truthy && !falsy) continue;
        const branch = statementFlow(check.consequent, ctx);
        const rest = blockFlow(list.slice(i + 1), ctx);
        if (truthy && alwaysLeaves(branch) && (rest.normal || rest.cont)) return true;
        if (falsy && branch.cont && !branch.normal && !branch.exit && alwaysLeaves(rest)) return true;
      }
    }
    return false;
  }

  /** A `catch` whose `try` sits in a loop's own body makes that loop a candidate. */
  noteCatch(handler: TSESTree.CatchClause): void {
    const tryStatement = handler.parent;
    if (tryStatement?.type !== 'TryStatement') return;
    let child: Node = tryStatement;
    let node = tryStatement.parent;
    while (node && !isFunction(node) && node.type !== 'Program') {
      if (isLoop(node)) {
        if ((node.type === 'WhileStatement' || node.type === 'DoWhileStatement' || node.type === 'ForStatement') && node.body === child) {
          const list = this.loopTries.get(node);
          if (list) list.push(tryStatement);
          else this.loopTries.set(node, [tryStatement]);
        }
        return;
      }
      child = node;
      node = node.parent;
    }
  }

  /** `if (!res.ok) continue;` / `if (res.ok) return res;` directly in a loop body. */
  noteStatusCheck(node: TSESTree.IfStatement): void {
    // Where it sits first (a few property reads), then what it tests.
    const body = node.parent;
    const loop = body?.type === 'BlockStatement' ? body.parent : null;
    if (!loop || (loop.type !== 'WhileStatement' && loop.type !== 'DoWhileStatement' && loop.type !== 'ForStatement') || loop.body !== body) return;
    if (statusPolarity(node.test) === null) return;
    const list = this.loopStatusChecks.get(loop);
    if (list) list.push(node);
    else this.loopStatusChecks.set(loop, [node]);
  }

  /**
   * A status check that retries: a failed status continues and success leaves, or success leaves and the rest
   * continues. The statements of the attempt (before the check) and, for the second, those after it, or null.
   */
  private statusRetry(loop: LoopNode, checks: readonly TSESTree.IfStatement[], ctx: FlowContext): { attempt: readonly TSESTree.Statement[]; rest: readonly TSESTree.Statement[] | null } | null {
    if (loop.body.type !== 'BlockStatement') return null;
    const list = loop.body.body;
    for (const check of checks) {
      const index = list.indexOf(check);
      if (index < 0 || check.alternate) continue;
      const restList = list.slice(index + 1);
      const rest = blockFlow(restList, ctx);
      const branch = statementFlow(check.consequent, ctx);
      const polarity = statusPolarity(check.test);
      if (polarity === 'failure' && branch.cont && !branch.normal && !branch.exit && alwaysLeaves(rest)) return { attempt: list.slice(0, index), rest: null };
      if (polarity === 'success' && alwaysLeaves(branch) && (rest.normal || rest.cont)) return { attempt: list.slice(0, index), rest: restList };
    }
    return null;
  }

  private analyzeLoop(loop: LoopNode, tries: TSESTree.TryStatement[], statusChecks: TSESTree.IfStatement[]): void {
    const label = loop.parent?.type === 'LabeledStatement' ? loop.parent.label.name : null;
    const ctx: FlowContext = { loopLabel: label, inSwitch: false, innerLabels: new Set() };
    const bodyList = loop.body.type === 'BlockStatement' ? loop.body.body : [loop.body];
    let retryTry: TSESTree.TryStatement | null = null;
    for (const tryStatement of tries) {
      const handler = tryStatement.handler;
      if (!handler) continue;
      // A `try` inside the catch of another that stops the work is part of that failure path, not an attempt of its
      // own: going round runs the loop body again, not the call it holds (`catch (e) { try { return await this.stop(); }
      // catch { log } }`). One that makes the real attempt (`try { this.conn = await connect(); return; } catch {}`) is judged.
      if (insideCatchOf(tryStatement, loop) && this.endsTheWork(tryStatement)) continue;
      const index = bodyList.indexOf(tryStatement);
      const direct = index >= 0;
      const rest = direct ? bodyList.slice(index + 1) : [];
      const restFlow = blockFlow(rest, ctx);
      const handlerFlow = statementFlow(handler.body, ctx);
      const failureContinues = handlerFlow.cont || (handlerFlow.normal && (!direct || restFlow.normal || restFlow.cont));
      if (!failureContinues) continue;
      const blockFlowResult = statementFlow(tryStatement.block, ctx);
      const successLeaves =
        alwaysLeaves(blockFlowResult) ||
        (blockFlowResult.normal && direct && alwaysLeaves(restFlow)) ||
        this.flagEndsLoop(loop, tryStatement, handler, bodyList) ||
        this.statusCheckLeaves(tryStatement.block, ctx) ||
        this.resultCheckLeaves(tryStatement, rest, ctx);
      if (successLeaves) {
        retryTry = tryStatement;
        break;
      }
    }
    const statusPaths = retryTry ? null : this.statusRetry(loop, statusChecks, ctx);
    const statusDriven = !retryTry && (statusPaths !== null || this.catchValueRetry(loop, ctx));
    if (!retryTry && !statusDriven) return;

    const writes = new RegionWrites(loop, this.keys, false);
    if (this.isTraversal(loop, writes)) return;
    if (retryTry && this.failureChangesInput(retryTry, bodyList, ctx)) return;
    if (retryTry && this.failureWaitsForInput(retryTry, bodyList, ctx)) return;
    if (retryTry && this.handsErrorToRecoveringHelper(retryTry, loop, ctx)) return;
    if (retryTry && this.errorIsControlSignal(retryTry, bodyList, ctx)) return;
    if (retryTry && this.staleHandleOnly(retryTry, bodyList, ctx)) return;
    if (retryTry && this.stateRecoversFromError(retryTry, bodyList, ctx)) return;
    const counters = collectCounters(loop, this.keys, false);
    // A counter each pass starts again (`let tries = 0` in the body) bounds nothing.
    dropResetCounters(counters, loop.body, this.keys);
    if (statusPaths?.rest && this.singleFallbackResend(statusPaths.attempt, statusPaths.rest, counters, ctx)) return;
    if (indexesWith(loop, counters, this.keys)) return;
    if (retryTry && this.takesFromIterator(loop, bodyList, retryTry)) return;
    // Each pass takes the next item off a queue and a failure does not put it back: every attempt is
    // at another item (mirrors tried in turn, a queue drained), not the same operation again.
    const exhaustion = retryTry ? this.exhaustion(loop, bodyList, retryTry, ctx) : null;
    if (exhaustion === 'queue') return;
    const owner = enclosingFunction(loop);
    // Where a failure's answers are asked: the `catch`, and after the `try` when every failure goes that way
    // (`catch (caught) { error = caught; } const delay = retryDelay(error, attempt, max); if (delay === undefined) throw error;`).
    const failureRegions: Node[] = retryTry?.handler ? [retryTry.handler.body] : [];
    if (retryTry?.handler && bodyList.includes(retryTry) && alwaysLeaves(statementFlow(retryTry.block, ctx)) && !statementFlow(retryTry.handler.body, ctx).cont && !this.continuesFromInside(retryTry.handler.body, ctx)) {
      failureRegions.push(...this.answersAfterTry(bodyList.slice(bodyList.indexOf(retryTry) + 1), ctx));
    }
    const boundCtx: BoundContext = {
      keys: this.keys,
      sourceCode: this.sourceCode,
      imports: this.ctx.imports,
      counters,
      unboundedAbove: this.ctx.options.unboundedAbove,
      timerFlags: this.timerFlags(owner ?? this.sourceCode.ast, writes),
      retryRegion: loop.body,
      restartRegion: loop.body,
      // `catch (e) { const answer = await policy.decide(e); if (!answer.retry) throw e; }`: a policy the file cannot see decides.
      policyAnswers: retryTry?.handler ? policyAnswerNames(failureRegions, errorNames(retryTry.handler.param, retryTry.handler.body), this.keys, this.sourceCode) : undefined,
    };
    // `catch (e) { n++; const delay = backoff(e, n); if (delay < 0) throw e; ... }`: the callee given the count decides.
    const counterAnswers = retryTry?.handler ? counterAnswerNames(failureRegions, counters, this.keys, this.sourceCode) : null;
    if (counterAnswers) {
      boundCtx.counterAnswers = counterAnswers.names;
      boundCtx.weakCounterAnswers = counterAnswers.weak;
    }
    if (this.retriesOnce(loop.body, boundCtx, ctx) || runsAtMostTwice(loop, this.keys, this.ctx.imports)) return;
    const bounded =
      (loop.test != null && isBoundingTest(loop.test, boundCtx, 'continueWhenTrue')) ||
      this.hasExitCheck(loop.body, boundCtx, ctx) ||
      hasThrowIfAborted(loop.body, this.keys) ||
      exhaustion === 'pool' ||
      doublingForBound(loop, this.keys, this.ctx.imports, this.ctx.options.unboundedAbove) ||
      (!!retryTry && this.handsErrorToBoundingHelper(retryTry));
    // A bounded pass over attempts a policy turned away before they ran (an endless one would spin).
    if (bounded && retryTry && this.goesRoundOnlyUnrun(retryTry, ctx)) return;

    const waits: FoundWait[] = [];
    // The objects the attempt calls (`client` of `client.connect()`): a call on one of them raced against a timer
    // outside the attempt (`Promise.race([client.quit(), timeout(2000)])` in the catch) is work given a time limit.
    const attemptObjects = new Set<string>();
    if (retryTry) {
      walkOwn(retryTry.block, this.keys, (n) => {
        const key = n.type === 'CallExpression' && n.callee.type === 'MemberExpression' ? nameKey(n.callee.object) : null;
        if (key) attemptObjects.add(key);
        return true;
      });
    }
    const callsAttemptObject = (element: Node) => element.type === 'CallExpression' && element.callee.type === 'MemberExpression' && attemptObjects.has(nameKey(element.callee.object) ?? '');
    walkOwn(loop.body, this.keys, (node) => {
      if (isFunction(node)) return false;
      // A retry loop inside this one waits between its own attempts, not between this loop's.
      if (node !== loop.body && isLoop(node) && someOwn(node, this.keys, (n) => n.type === 'CatchClause')) return false;
      // `await Promise.race([client.open(), delay(ms)])` in the attempt, `Promise.race([client.quit(), timeout(2000)])`
      // after it: a time limit on that work, not a wait between attempts. A sleep raced against anything else on the
      // failure path (`this.shutdown()`, `once(emitter, 'stop')`) is a wait of at most that long.
      const inAttempt = !!retryTry && contains(retryTry.block, node);
      if (raceHoldsWork(node, this.ctx.imports, this.keys, callsAttemptObject, !inAttempt)) return false;
      // A helper of the file is read by its body first (`sleep(seconds)` that waits `seconds * 1000`), by its name only when the body says nothing.
      const wait = awaitedHelperWait(node, loop, owner, { sourceCode: this.sourceCode, imports: this.ctx.imports, keys: this.keys }) ?? waitOf(node, this.ctx.imports, this.keys);
      if (wait) {
        waits.push(wait);
        return false;
      }
      return true;
    });
    let wait: WaitInfo = NO_WAIT;
    const env = { sourceCode: this.sourceCode, imports: this.ctx.imports, keys: this.keys };
    for (const found of waits) {
      const info = classifyFoundWait(found, writes, new Set(), env);
      wait = strongerWait(wait, info);
    }
    // The policy asked after the failure may have waited before it answered: not judged.
    const answers = counterAnswers && counterAnswers.awaited.size > 0 ? new Set([...(boundCtx.policyAnswers ?? []), ...counterAnswers.awaited]) : boundCtx.policyAnswers;
    // Only where the answer guards the way round: `if (!answer.retry) throw e;`, `if (answer.retry) continue;`.
    const guardsRetry = (n: Node) =>
      n.type === 'IfStatement' && mentionsName(this.keys, n.test, answers!) && (alwaysLeaves(statementFlow(n.consequent, ctx)) || statementFlow(n.consequent, ctx).cont);
    if (wait.kind === 'none' && answers && answers.size > 0 && retryTry?.handler && failureRegions.some((region) => (region.type === 'BlockStatement' ? region.body : [region]).some(guardsRetry))) {
      wait = { kind: 'unknown', capped: false, jitter: false };
    }

    const statement: Node = loop.parent?.type === 'LabeledStatement' ? loop.parent : loop;
    let noFix: string | null = null;
    if (owner) {
      if (!owner.async) noFix = owner.generator && isAwaiterLike(owner) ? NO_FIX.compiled : NO_FIX.sync;
    } else if (!waits.some((w) => w.node.type === 'AwaitExpression') && !this.hasOwnAwait(loop)) {
      noFix = NO_FIX.topLevel;
    }
    const parentType = statement.parent?.type;
    if (!noFix && parentType !== 'BlockStatement' && parentType !== 'Program' && parentType !== 'SwitchCase' && parentType !== 'StaticBlock') noFix = NO_FIX.notInList;
    if (!noFix && !retryTry) noFix = this.catchValueRetry(loop, ctx) ? NO_FIX.catchValue : NO_FIX.statusCheck;
    const handler = retryTry?.handler ?? null;
    if (!noFix && handler?.param && handler.param.type !== 'Identifier') noFix = NO_FIX.destructuredError;
    // `while (queue.length > 0) { try { ...; queue.shift(); } catch { ... } }`: failures of different items.
    if (!noFix && retryTry && this.takesNextItemOnSuccess(loop, retryTry)) noFix = NO_FIX.perItem;

    // The waits of the failure path (in the `catch`, or after the `try` in the loop body) stay where they are.
    const tryIndex = retryTry ? bodyList.indexOf(retryTry) : -1;
    const onFailurePath = (node: Node) =>
      (!!handler && contains(handler.body, node)) ||
      (tryIndex >= 0 && bodyList.slice(tryIndex + 1).some((statement) => contains(statement, node)));
    const failureWaits = waits.filter((w) => onFailurePath(w.node));
    let plan: RetryRewritePlan | null = null;
    if (!noFix && handler && retryTry) {
      const restFlow = blockFlow(tryIndex >= 0 ? bodyList.slice(tryIndex + 1) : [], ctx);
      const point = retryPointOf(handler.body, ctx, tryIndex < 0 || restFlow.normal || restFlow.cont);
      if (!point) noFix = NO_FIX.severalRetryPoints;
      else plan = this.loopPlan({ loop, statement, owner: owner ?? this.sourceCode.ast, handler, retryTry, point, failureWaits, writes, fallbackLimit: fallbackLimits(loop, boundCtx)[0] ?? null });
    }
    const first = this.sourceCode.getFirstToken(loop);
    const sorted = !!handler && continuesOnlyForSortedErrors(handler.body.body, errorNames(handler.param, handler.body), ctx, this.keys);
    this.ctx.onRetry({
      shape: 'loop',
      loc: first ? first.loc : loop.loc,
      name: null,
      event: null,
      bounded,
      sorted,
      wait,
      noFix,
      rewrite: plan,
      endlessByDesign: bounded ? null : endlessIntent(this.sourceCode, handler && retryTry ? this.retrySpeech(loop, handler) : loop, statement),
    });
  }

  /** A labelled `continue` of this loop from an inner loop, which goes round though the flow reads inner loops as ending normally. */
  private continuesFromInside(statement: Node, ctx: FlowContext): boolean {
    const label = ctx.loopLabel;
    return label !== null && someOwn(statement, this.keys, (n) => n.type === 'ContinueStatement' && n.label?.name === label);
  }

  /**
   * The statements after a `try` whose success leaves and whose `catch` never
   * goes round by itself that ask an answer every failure reaches: top-level
   * declarations and assignments before any way round (`if (e.status === 429)
   * continue;` ends the stretch), each tested by a later top-level `if` of the
   * stretch that leaves (`if (delayMs === undefined) throw error;`). An
   * answer asked in one branch, a `switch` or an inner `try`, or never tested
   * there, bounds nothing.
   */
  private answersAfterTry(rest: readonly TSESTree.Statement[], ctx: FlowContext): Node[] {
    const stretch: TSESTree.Statement[] = [];
    for (const statement of rest) {
      const flow = statementFlow(statement, ctx);
      if (flow.cont || this.continuesFromInside(statement, ctx)) break;
      stretch.push(statement);
      if (!flow.normal) break;
    }
    const asked: Node[] = [];
    stretch.forEach((statement, i) => {
      const names = new Set<string>();
      if (statement.type === 'VariableDeclaration') {
        for (const d of statement.declarations) if (d.id.type === 'Identifier') names.add(d.id.name);
      } else if (statement.type === 'ExpressionStatement') {
        const e = unwrapExpression(statement.expression);
        if (e.type === 'AssignmentExpression' && e.left.type === 'Identifier') names.add(e.left.name);
      }
      if (names.size === 0) return;
      const tested = stretch
        .slice(i + 1)
        .some((later) => later.type === 'IfStatement' && mentionsName(this.keys, later.test, names) && alwaysLeaves(statementFlow(later.consequent, ctx)));
      if (tested) asked.push(statement);
    });
    return asked;
  }

  /**
   * Where the loop speaks for its retry: the failure path (the `catch`) and
   * the loop body's own statements outside the `try` (a comment at its top,
   * a status line after it), not the work the `try` does.
   */
  private retrySpeech(loop: LoopNode, handler: TSESTree.CatchClause): Node[] {
    const body = loop.body;
    if (body.type !== 'BlockStatement') return [handler.body];
    const tryStatement = handler.parent;
    return [handler.body, ...body.body.filter((st) => st !== tryStatement)];
  }

  /**
   * Does the loop work through a list, taking the next item when one
   * succeeds? Its test reads the list's `length` or `size`, and the `try`
   * block takes an item off it (`shift`, `pop`, `splice`, `delete`).
   */
  private takesNextItemOnSuccess(loop: LoopNode, retryTry: TSESTree.TryStatement): boolean {
    const test = loop.type === 'ForStatement' ? loop.test : loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement' ? loop.test : null;
    if (!test) return false;
    const lists = new Set<string>();
    walkOwn(test, this.keys, (n) => {
      if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && (n.property.name === 'length' || n.property.name === 'size')) {
        const key = nameKey(n.object);
        if (key) lists.add(key);
      }
      return true;
    });
    if (lists.size === 0) return false;
    return someOwn(retryTry.block, this.keys, (n) => {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.computed || n.callee.property.type !== 'Identifier') return false;
      return ['shift', 'pop', 'splice', 'delete'].includes(n.callee.property.name) && lists.has(nameKey(n.callee.object) ?? '');
    });
  }

  /** The rewrite of one retry loop (src/retry/rewrite.ts), with what it keeps worked out here. */
  private loopPlan(input: {
    loop: LoopNode;
    statement: Node;
    owner: Node;
    handler: TSESTree.CatchClause;
    retryTry: TSESTree.TryStatement;
    point: RetryPoint;
    failureWaits: readonly FoundWait[];
    writes: RegionWrites;
    /** A limit the loop already counts against that is unbounded only through a fallback (`opts.maxRetries ?? Infinity`). */
    fallbackLimit: FallbackLimit | null;
  }): RetryRewritePlan {
    const { loop, statement, owner, handler, failureWaits, writes } = input;
    const growDelays: Node[] = [];
    const jitterDelays: Node[] = [];
    const waitStatements = new Set<Node>();
    for (const found of failureWaits) {
      const holder = found.node.parent;
      // A stored wait (`w = delay(ms); await w`) starts where it is made.
      if (found.stored) waitStatements.add(found.stored);
      else if (holder?.type === 'ExpressionStatement' && !found.doesMore) waitStatements.add(holder);
      // A helper's own delay (`seconds * 1000` in `timer(seconds)`) serves its other callers too: not edited.
      if (found.opaque || !found.delay || found.region || found.keptAsIs) continue;
      const info = classifyDelay(found.delay, { keys: this.keys, writes, varying: new Set() });
      if (info.kind === 'constant' && isFixedDelay(this.sourceCode, found.delay, statement)) growDelays.push(found.delay);
      else if (info.kind === 'exponential' && !info.jitter) jitterDelays.push(found.delay);
    }
    const growthRefusal = waitGrowthRefusal(this.sourceCode, this.retrySpeech(loop, handler), statement, growDelays, this.ctx.imports, this.keys);
    const counter = this.failureCounter(loop, owner, input.retryTry, input.point);
    const newCounter = rewriteName(this.sourceCode, owner, loop, 'attempt', ['failedAttempts', 'retryAttempt']);
    const newError = handler.param ? '' : rewriteName(this.sourceCode, owner, loop, 'error', ['caughtError', 'retryError']);
    const noCaller = hasNoCaller(owner);
    const reports = noCaller && !!handler.param && handler.param.type === 'Identifier' && reportsError(handler.body, handler.param.name, this.keys);
    const base = {
      sourceCode: this.sourceCode,
      statement,
      handler,
      point: input.point,
      counter,
      newCounter,
      newError,
      waitStatements,
      hasWait: failureWaits.length > 0,
      stop: noCaller ? ('return' as const) : ('throw' as const),
      settings: this.ctx.options,
    };
    return (addBound, addJitter) => {
      // Never a second counter beside the existing one: the existing limit's default is a decision for a person.
      if (addBound === true && input.fallbackLimit) return NO_FIX.fallbackLimit(input.fallbackLimit);
      if (addBound === true && noCaller && !reports) return NO_FIX.noCaller;
      if (growthRefusal) return growthRefusal;
      // The file's style is read when a rewrite is made, not for every loop judged (most are bounded or never rewritten).
      const style = sourceStyle(this.sourceCode);
      return rewriteRetryLoop({ ...base, style, growDelays, jitterDelays: addJitter && growDelays.length === 0 ? jitterDelays : [] }, addBound);
    };
  }

  /**
   * An existing counter of failures the rewrite can reuse: the `for` loop's
   * own `let i = 0; ...; i++` (it counts the failures before this one), or a
   * `let n = 0` declared before the loop and counted once per attempt (first
   * in the loop body) or per failure (in the catch, before the retry point,
   * also in the test of a limit check: `if (++attempts >= max) throw err;`).
   */
  private failureCounter(loop: LoopNode, owner: Node, retryTry: TSESTree.TryStatement, point: RetryPoint): FailureCounter | null {
    const loopWrites = new RegionWrites(loop.body, this.keys, true);
    const isIncrement = (s: TSESTree.Statement | undefined, name: string) => {
      if (s?.type !== 'ExpressionStatement') return false;
      const e = s.expression;
      if (e.type === 'UpdateExpression') return e.operator === '++' && e.argument.type === 'Identifier' && e.argument.name === name;
      return e.type === 'AssignmentExpression' && e.operator === '+=' && e.left.type === 'Identifier' && e.left.name === name && e.right.type === 'Literal' && e.right.value === 1;
    };
    const zeroLet = (declarator: TSESTree.VariableDeclarator | undefined) =>
      !!declarator &&
      declarator.id.type === 'Identifier' &&
      declarator.parent?.type === 'VariableDeclaration' &&
      declarator.parent.kind === 'let' &&
      declarator.init?.type === 'Literal' &&
      declarator.init.value === 0;
    if (loop.type === 'ForStatement' && loop.init?.type === 'VariableDeclaration' && loop.init.declarations.length === 1) {
      const declarator = loop.init.declarations[0];
      const update = loop.update;
      if (zeroLet(declarator) && update) {
        const name = (declarator!.id as TSESTree.Identifier).name;
        const counts =
          (update.type === 'UpdateExpression' && update.operator === '++' && update.argument.type === 'Identifier' && update.argument.name === name) ||
          (update.type === 'AssignmentExpression' && update.operator === '+=' && update.left.type === 'Identifier' && update.left.name === name && update.right.type === 'Literal' && update.right.value === 1);
        if (counts && !loopWrites.writes.has(name)) return { name, offset: 1 };
      }
    }
    const bodyList = loop.body.type === 'BlockStatement' ? loop.body.body : [];
    const tryIndex = bodyList.indexOf(retryTry);
    const handler = retryTry.handler!;
    const handlerList = handler.body.body;
    const pointIndex = point.kind === 'end' ? handlerList.length : point.kind === 'before' ? handlerList.indexOf(point.statement) : -1;
    const candidates: { name: string; statement: TSESTree.Statement }[] = [];
    const note = (statement: TSESTree.Statement) => {
      // `if (++attempts >= maxAttempts) throw err;`: the check counts this failure too.
      if (statement.type === 'IfStatement') {
        const test = unwrapExpression(statement.test);
        const counted = test.type === 'BinaryExpression' ? test.left : test;
        if (counted.type === 'UpdateExpression' && counted.operator === '++' && counted.prefix && counted.argument.type === 'Identifier') {
          candidates.push({ name: counted.argument.name, statement });
        }
        return;
      }
      if (statement.type !== 'ExpressionStatement') return;
      const e = statement.expression;
      const target = e.type === 'UpdateExpression' ? e.argument : e.type === 'AssignmentExpression' ? e.left : null;
      if (target?.type === 'Identifier' && isIncrement(statement, target.name)) candidates.push({ name: target.name, statement });
    };
    if (tryIndex > 0) bodyList.slice(0, tryIndex).forEach(note);
    if (pointIndex > 0) handlerList.slice(0, pointIndex).forEach(note);
    for (const { name, statement } of candidates) {
      // Written only by this one increment inside the loop.
      if ((loopWrites.writes.get(name) ?? []).length !== 1) continue;
      const variable = findVariable(this.sourceCode.getScope(statement), name);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def || def.node.type !== 'VariableDeclarator' || !zeroLet(def.node) || contains(loop, def.node) || !contains(owner, def.node)) continue;
      return { name, offset: 0, increment: statement };
    }
    return null;
  }

  private hasOwnAwait(loop: Node): boolean {
    let found = false;
    walkOwn(loop, this.keys, (node) => {
      if (found) return false;
      if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) found = true;
      return !found;
    });
    return found;
  }

  /** `do { retried = false; try {...} catch { retried = true } } while (retried)`, or `done = true` at the end of the try. */
  private flagEndsLoop(loop: LoopNode, tryStatement: TSESTree.TryStatement, handler: TSESTree.CatchClause, bodyList: readonly TSESTree.Statement[]): boolean {
    const test = loop.test;
    if (!test) return false;
    const unwrapped = unwrapExpression(test);
    const negated = unwrapped.type === 'UnaryExpression' && unwrapped.operator === '!';
    const flag = nameKey(negated ? (unwrapped as TSESTree.UnaryExpression).argument : unwrapped);
    if (!flag) return false;
    const assigned = (statements: readonly TSESTree.Statement[], value: boolean) =>
      statements.some(
        (s) =>
          s.type === 'ExpressionStatement' &&
          s.expression.type === 'AssignmentExpression' &&
          s.expression.operator === '=' &&
          nameKey(s.expression.left) === flag &&
          s.expression.right.type === 'Literal' &&
          s.expression.right.value === value,
      );
    // Success sets the flag that ends the loop.
    if (assigned(tryStatement.block.body, negated)) return true;
    // Failure sets the flag that continues it, and every iteration clears it first.
    const index = bodyList.indexOf(tryStatement);
    return !negated && index > 0 && assigned(handler.body.body, true) && assigned(bodyList.slice(0, index), false);
  }

  /**
   * `const res = await op(); if (res.acknowledged) break;` in the try block,
   * and a failure path that goes to the next attempt on purpose (it waits or
   * says `continue`) while nothing after the `try` waits: the exit depends on
   * the result, and a failure is retried (a poll waits on every path).
   */
  private resultCheckLeaves(tryStatement: TSESTree.TryStatement, rest: readonly TSESTree.Statement[], ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    if (!handler) return false;
    const results = new Set<string>();
    for (const s of tryStatement.block.body) {
      if (s.type !== 'VariableDeclaration') continue;
      for (const d of s.declarations) {
        if (d.id.type === 'Identifier' && d.init && (d.init.type === 'AwaitExpression' || isAwaiterYield(d.init))) results.add(d.id.name);
      }
    }
    if (results.size === 0) return false;
    const checks = tryStatement.block.body.some(
      (s) => s.type === 'IfStatement' && !s.alternate && alwaysLeaves(statementFlow(s.consequent, ctx)) && mentionsName(this.keys, s.test, results),
    );
    if (!checks) return false;
    const waitsIn = (node: Node) => someOwn(node, this.keys, (n) => waitOf(n, this.ctx.imports, this.keys) !== null);
    const deliberate = waitsIn(handler.body) || someOwn(handler.body, this.keys, (n) => n.type === 'ContinueStatement');
    return deliberate && !rest.some((s) => waitsIn(s));
  }

  /** `if (res.ok) return res;` at the top of the try block: success leaves, a failed status retries. */
  private statusCheckLeaves(block: TSESTree.BlockStatement, ctx: FlowContext): boolean {
    return block.body.some((s) => s.type === 'IfStatement' && statusPolarity(s.test) === 'success' && alwaysLeaves(statementFlow(s.consequent, ctx)));
  }

  /**
   * An `if` in the region whose test bounds the retry and whose branch leaves,
   * or a bounded `if (...) continue;` followed by code that always leaves.
   */
  private hasExitCheck(region: Node, boundCtx: BoundContext, ctx: FlowContext): boolean {
    let found = false;
    walkOwn(region, this.keys, (node) => {
      if (found) return false;
      if (node !== region && isLoop(node)) return false;
      if (node.type === 'IfStatement') {
        const consequent = statementFlow(node.consequent, ctx);
        if (alwaysLeaves(consequent) && isBoundingTest(node.test, boundCtx, 'exitWhenTrue')) found = true;
        else if (node.alternate && alwaysLeaves(statementFlow(node.alternate, ctx)) && isBoundingTest(node.test, boundCtx, 'continueWhenTrue')) found = true;
        else if (consequent.cont && !consequent.normal && (!consequent.exit || onlyLeavesFunction(node.consequent, this.keys)) && !node.alternate && this.leavesAfter(node, region, ctx)) {
          // `if (n < max) { n++; continue; }` also nested in an error check: `if (e instanceof X) { if (n < max) {...} } throw e`.
          if (isBoundingTest(node.test, boundCtx, 'continueWhenTrue')) found = true;
        }
      }
      return !found;
    });
    return found;
  }

  /**
   * The failure path continues only through `if (guard) { ...; continue; }`
   * whose branch uses its guard up (`if (!retried) { retried = true; continue; }`)
   * and what follows it leaves: one more attempt, not a retry.
   */
  private retriesOnce(region: Node, boundCtx: BoundContext, ctx: FlowContext): boolean {
    const once: Node[] = [];
    const continues: Node[] = [];
    walkOwn(region, this.keys, (node) => {
      if (node !== region && isLoop(node)) return false;
      if (node.type === 'ContinueStatement' && (!node.label || node.label.name === ctx.loopLabel)) continues.push(node);
      if (node.type === 'IfStatement' && !node.alternate) {
        const consequent = statementFlow(node.consequent, ctx);
        if (consequent.cont && !consequent.normal && !consequent.exit && this.leavesAfter(node, region, ctx) && isUsedUpGuard(node.test, boundCtx)) once.push(node.consequent);
      }
      return true;
    });
    // Every way to the next attempt goes through such a branch.
    return once.length > 0 && continues.every((c) => once.some((branch) => contains(branch, c)));
  }

  /**
   * What runs when `statement` completes normally always leaves the loop:
   * the rest of its block, and when that completes too, the rest after the
   * enclosing `if` / `catch` / block, up to the loop body (whose end is the
   * next iteration).
   */
  private leavesAfter(statement: Node, region: Node, ctx: FlowContext): boolean {
    let current: Node = statement;
    while (current !== region) {
      const parent: Node | undefined = current.parent;
      if (!parent) return false;
      if (parent.type === 'BlockStatement') {
        const list = parent.body;
        const after = blockFlow(list.slice(list.indexOf(current as TSESTree.Statement) + 1), ctx);
        if (alwaysLeaves(after)) return true;
        if (!after.normal) return false;
        current = parent;
      } else if (parent.type === 'IfStatement' && parent.test !== current) {
        current = parent;
      } else if (parent.type === 'CatchClause' && parent.parent?.type === 'TryStatement') {
        if (parent.parent.finalizer) return false;
        current = parent.parent;
      } else if (parent.type === 'TryStatement' && parent.block === current && !parent.finalizer) {
        current = parent;
      } else {
        return false;
      }
    }
    return false;
  }

  /**
   * The failure path hands the caught error to a helper of the same file
   * (`await this.processError(err)`, or inside an object the helper
   * destructures: `await onAttemptFailure({ error, attempt })`) that rethrows
   * what it cannot recover from and then waits (awaits) before recovering:
   * the helper decides, not this loop. Not when a `try` in the loop (around
   * the attempt's, or around the helper's call) may catch the rethrow.
   */
  private handsErrorToRecoveringHelper(tryStatement: TSESTree.TryStatement, loop: LoopNode, ctx: FlowContext): boolean {
    const param = tryStatement.handler?.param;
    if (!tryStatement.handler || param?.type !== 'Identifier') return false;
    // A `try` around this one inside the loop may catch what the helper rethrows and go round again.
    for (let node: Node | undefined = tryStatement.parent; node && node !== loop; node = node.parent) {
      if (node.type === 'TryStatement' && contains(node.block, tryStatement) && swallows(node, ctx)) return false;
    }
    let found = false;
    walkOwn(tryStatement.handler.body, this.keys, (n) => {
      if (found) return false;
      // So may a `try` in the catch around the helper's call, unless its catch always leaves too.
      if (n.type === 'TryStatement' && swallows(n, ctx)) return false;
      if ((n.type === 'AwaitExpression' || isAwaiterYield(n)) && (n as TSESTree.AwaitExpression).argument.type === 'CallExpression') {
        const call = (n as TSESTree.AwaitExpression).argument as TSESTree.CallExpression;
        const helper = this.sameFileFunction(call);
        if (!helper) return true;
        for (let index = 0; index < call.arguments.length && !found; index++) {
          const received = receivedAs(call.arguments[index]!, helper.params[index], param.name);
          if (received && rethrowsAndWaits(helper, received, this.keys)) found = true;
        }
      }
      return !found;
    });
    return found;
  }

  /**
   * The failure path hands the caught error to a helper of the same file
   * (`if (!shouldRetryOrThrow(err)) return;`) that throws it when an attempt
   * counter reaches a limit (`if (retries >= retryAttempts) throw err;`, the
   * counter moved anywhere in the function that holds the helper): the
   * helper bounds the retry.
   */
  private handsErrorToBoundingHelper(tryStatement: TSESTree.TryStatement): boolean {
    const param = tryStatement.handler?.param;
    if (!tryStatement.handler || param?.type !== 'Identifier') return false;
    let found = false;
    walkOwn(tryStatement.handler.body, this.keys, (n) => {
      if (found) return false;
      if (n.type !== 'CallExpression') return true;
      const index = n.arguments.findIndex((a) => a.type === 'Identifier' && a.name === param.name);
      const helper = index >= 0 ? this.sameFileFunction(n) : null;
      const helperParam = helper?.params[index];
      if (!helper || helperParam?.type !== 'Identifier') return true;
      const scope = enclosingFunction(helper)?.body ?? this.sourceCode.ast;
      const ctx: BoundContext = {
        keys: this.keys,
        sourceCode: this.sourceCode,
        imports: this.ctx.imports,
        counters: collectCounters(scope, this.keys, true),
        unboundedAbove: this.ctx.options.unboundedAbove,
      };
      found = someOwn(
        helper.body,
        this.keys,
        (inner) =>
          inner.type === 'IfStatement' &&
          inner.consequent.type === 'ThrowStatement' &&
          inner.consequent.argument.type === 'Identifier' &&
          inner.consequent.argument.name === helperParam.name &&
          isBoundingTest(inner.test, ctx, 'exitWhenTrue'),
      );
      return !found;
    });
    return found;
  }

  /** The function a call runs when it is declared in this file: `helper(...)` or `this.method(...)` in the same class. */
  /** The function of this file a call runs (`helper()`, `this.take()`): the one lookup of the retry analysis (src/retry/exhaustion.ts). */
  private sameFileFunction(call: TSESTree.CallExpression): FunctionNode | null {
    return sameFileCallee(call, this.sourceCode);
  }

  /**
   * Candidates used up: each pass takes a candidate (`const next = queue.shift()`,
   * `const srv = this.selectServer()`) and leaves when none is left
   * (`if (!srv) throw lastError;`, or a loop that runs only while the queue has
   * items: `while (this.locks.length > 0) { const lock = this.locks.shift(); ... }`).
   * `'queue'`: the candidate was taken off a queue and the failure path does not
   * put it back, so each attempt is at another item. `'pool'`: the failure path
   * removes the candidate from its pool (`this.servers.removeCurrentServer()`),
   * so the loop ends when the pool runs out. Null otherwise.
   */
  private exhaustion(loop: LoopNode, bodyList: readonly TSESTree.Statement[], retryTry: TSESTree.TryStatement, ctx: FlowContext): 'queue' | 'pool' | null {
    const handler = retryTry.handler;
    // The statement of the loop body that holds the attempt (the `try`, or an `if` around it).
    const tryIndex = bodyList.findIndex((s) => contains(s, retryTry));
    if (!handler || tryIndex < 0) return null;
    for (let i = 0; i < tryIndex; i++) {
      const statement = bodyList[i]!;
      if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue;
      const declarator = statement.declarations[0]!;
      const init = declarator.init ? unwrapExpression(declarator.init.type === 'AwaitExpression' ? declarator.init.argument : declarator.init) : null;
      if (declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression') continue;
      const candidate = declarator.id.name;
      const taker = calleeName(init);
      if (!taker) continue;
      const source = init.callee.type === 'MemberExpression' ? nameKey(init.callee.object) ?? (init.callee.object.type === 'ThisExpression' ? 'this' : null) : null;
      // `if (!srv || aborted) throw ...` before the attempt: no candidate left ends the loop; or the loop
      // runs only while the queue it takes from has items (`while (queue.length > 0)`, `while (pending.size)`).
      const checked =
        bodyList.slice(i + 1, tryIndex).some((s) => s.type === 'IfStatement' && alwaysLeaves(statementFlow(s.consequent, ctx)) && testsMissing(s.test, candidate)) ||
        (TAKE_METHODS.has(taker) && source !== null && source !== 'this' && loopTestsSize(loop, source));
      if (!checked) continue;
      if (TAKE_METHODS.has(taker)) {
        // Taken off a queue: used up unless the failure path (the `catch`, or what follows the `try`) puts it back.
        const failurePath = [handler.body, ...bodyList.slice(tryIndex + 1)];
        if (!failurePath.some((region) => putsBack(region, candidate, source, this.keys))) return 'queue';
        continue;
      }
      // `selectServer()` with `servers.removeCurrentServer()` in the failure path: the same object, or the same noun.
      const noun = /[A-Z][a-z0-9]*$/.exec(taker)?.[0]?.toLowerCase() ?? null;
      const removes = someOwn(handler.body, this.keys, (n) => {
        if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return false;
        const name = calleeName(n);
        if (!name || !CANDIDATE_REMOVER.test(name)) return false;
        const object = nameKey(n.callee.object) ?? (n.callee.object.type === 'ThisExpression' ? 'this' : null);
        return (source !== null && object === source) || (noun !== null && (name.toLowerCase().endsWith(noun) || (object ?? '').toLowerCase().endsWith(`${noun}s`)));
      });
      if (removes) return 'pool';
    }
    return null;
  }

  /**
   * Hosts tried in turn: before the attempt, each pass takes the next
   * candidate of an iterator made outside the loop (a query plan, a list of
   * contact points): `const item = it.next(); if (item.done) throw ...`, or
   * a helper of this file or class that steps it and throws when it is done
   * (`await this.borrowFirstConnection(it)`), or returns nothing, checked by
   * an exit (`const host = getNextHost(it); if (host === null) throw ...`).
   * The passes end when the candidates run out, and each tries another one:
   * not the same operation again.
   */
  private takesFromIterator(loop: LoopNode, bodyList: readonly TSESTree.Statement[], retryTry: TSESTree.TryStatement): boolean {
    const tryIndex = bodyList.findIndex((s) => contains(s, retryTry));
    if (tryIndex < 0) return false;
    const ctx = { sourceCode: this.sourceCode, keys: this.keys };
    // The same iterator on every pass (not declared or rebound in the loop), and not one the file shows to be endless (`while (true) yield ...`).
    const memo = new Map<string, boolean>();
    const kept = (key: string): boolean => {
      let answer = memo.get(key);
      if (answer === undefined) {
        answer =
          !rebindsIterator(loop, key, this.keys) &&
          !someOwn(loop, this.keys, (n) => n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === key) &&
          !endlessIterator(key, loop, ctx);
        memo.set(key, answer);
      }
      return answer;
    };
    const direct = stepsIterator(bodyList, tryIndex);
    if (direct && kept(direct.iterator)) return true;
    for (let i = 0; i < tryIndex; i++) {
      const statement = bodyList[i]!;
      let call: TSESTree.Node | null = null;
      let result: string | null = null;
      if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
        const declarator = statement.declarations[0]!;
        call = declarator.init ?? null;
        result = declarator.id.type === 'Identifier' ? declarator.id.name : null;
      } else if (statement.type === 'ExpressionStatement') {
        const e = statement.expression;
        call = e.type === 'AssignmentExpression' && e.operator === '=' ? e.right : e;
        result = e.type === 'AssignmentExpression' && e.left.type === 'Identifier' ? e.left.name : null;
      }
      if (!call) continue;
      for (const taker of takerCall(call, ctx)) {
        if (!kept(taker.iterator)) continue;
        // A throw leaves the loop from outside the attempt; nothing returned needs a check that leaves.
        if (taker.signal === 'throws') return true;
        const name = result;
        if (
          name &&
          bodyList.slice(i + 1, tryIndex).some((s) => s.type === 'IfStatement' && alwaysLeaves(statementFlow(s.consequent, { loopLabel: null, inSwitch: false, innerLabels: new Set() })) && testsMissing(s.test, name))
        ) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * An error used as a control signal: the failure path continues only for
   * one specific error class that does not name a transient failure
   * (`if (e instanceof RebalanceError) continue; throw e`), and the loop
   * rebuilds what the attempt uses before each pass (`fetchers = createFetchers()`).
   */
  private errorIsControlSignal(tryStatement: TSESTree.TryStatement, bodyList: readonly TSESTree.Statement[], ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    const param = handler?.param;
    if (!handler || param?.type !== 'Identifier') return false;
    // The handler's own statements: only an `if (e instanceof X)` branch continues; what follows leaves.
    const list = handler.body.body;
    let signal = false;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const flow = statementFlow(s, ctx);
      if (!flow.cont && !flow.normal) return signal && !flow.cont;
      if (!flow.cont) continue;
      if (signal || s.type !== 'IfStatement' || s.alternate) return false;
      const test = unwrapExpression(s.test);
      if (test.type !== 'BinaryExpression' || test.operator !== 'instanceof' || test.left.type !== 'Identifier' || test.left.name !== param.name) return false;
      const className = test.right.type === 'Identifier' ? test.right.name : test.right.type === 'MemberExpression' && !test.right.computed && test.right.property.type === 'Identifier' ? test.right.property.name : null;
      if (!className || GENERIC_OR_TRANSIENT_ERROR.test(className)) return false;
      if (!alwaysLeaves(blockFlow(list.slice(i + 1), ctx))) return false;
      signal = true;
      break;
    }
    if (!signal) return false;
    // The input is rebuilt before each attempt and read by it.
    const index = bodyList.indexOf(tryStatement);
    const rebuilt = new Set<string>();
    for (const s of bodyList.slice(0, Math.max(index, 0))) {
      if (s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression' && s.expression.operator === '=' && isRebuild(s.expression.right)) {
        const key = nameKey(s.expression.left);
        if (key) rebuilt.add(key);
      }
      if (s.type === 'VariableDeclaration') {
        for (const d of s.declarations) if (d.id.type === 'Identifier' && d.init && isRebuild(d.init)) rebuilt.add(d.id.name);
      }
    }
    if (rebuilt.size === 0) return false;
    return someOwn(tryStatement.block, this.keys, (n) => (n.type === 'Identifier' || n.type === 'MemberExpression') && rebuilt.has(nameKey(n) ?? ''));
  }

  /**
   * A stale handle, not a failing service: the failure path goes round only
   * when the handle the attempt used is already closed or destroyed
   * (`if (ready.conn.closed || ready.conn.destroyed) continue; throw e;`), and
   * each pass gets the handle before its `try`, by an awaited call of a
   * function of the file that checks a handle's state itself and whose
   * failure leaves the loop (`const ready = await this.gotoReady();`), then
   * uses it at once (no `await` in the `try`).
   * Connect's HTTP/2 session manager (ledger) guards so against a session
   * closed between its opening and the request (nodejs/help#2105): a service
   * that is down fails the awaited call and ends the loop, so a lasting
   * failure never becomes a stream of retries. Any other test, a handle from
   * outside the loop or got inside the `try`, an unawaited getter, a getter
   * that does not check the state (a cache that hands a dead handle out
   * again spins), or an awaited use, is judged as before.
   */
  private staleHandleOnly(tryStatement: TSESTree.TryStatement, bodyList: readonly TSESTree.Statement[], ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    if (!handler) return false;
    // The handle: `const name = await acquire(...)` among the loop's statements before the `try`.
    // The getter is a function of the file that itself checks a handle's state (`gotoReady` re-checks
    // `conn.closed || conn.destroyed` before it hands one out), not a cache that hands the dead one out again.
    const handles = new Set<string>();
    for (const s of bodyList.slice(0, Math.max(bodyList.indexOf(tryStatement), 0))) {
      if (s.type !== 'VariableDeclaration') continue;
      for (const d of s.declarations) {
        const got = d.init?.type === 'AwaitExpression' ? unwrapExpression(d.init.argument) : null;
        const getter = got?.type === 'CallExpression' ? sameFileCallee(got, this.sourceCode) : null;
        if (d.id.type === 'Identifier' && getter && someAll(getter.body, this.keys, (n) => n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && STALE_STATE.test(n.property.name))) handles.add(d.id.name);
      }
    }
    // The attempt uses the handle at once, with no `await` in the `try` for it to be closed during.
    if (handles.size === 0 || someOwn(tryStatement.block, this.keys, (n) => n.type === 'AwaitExpression')) return false;
    // The handler: one `if (stale) continue;`, and what follows it always leaves.
    const list = handler.body.body;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const flow = statementFlow(s, ctx);
      if (!flow.cont) {
        if (!flow.normal) return false;
        continue;
      }
      if (s.type !== 'IfStatement' || s.alternate || !staleTest(s.test, handles)) return false;
      return alwaysLeaves(blockFlow(list.slice(i + 1), ctx)) && someOwn(tryStatement.block, this.keys, (n) => n.type === 'Identifier' && handles.has(n.name));
    }
    return false;
  }

  /** A `try` whose block only stops the work: every call in it is named for stopping (`return await this.stop(reason);`). */
  private endsTheWork(tryStatement: TSESTree.TryStatement): boolean {
    const calls: TSESTree.CallExpression[] = [];
    walkOwn(tryStatement.block, this.keys, (n) => {
      if (n.type === 'CallExpression') calls.push(n);
      return true;
    });
    return calls.length > 0 && calls.every((c) => STOP_CALL.test(calleeName(c) ?? ''));
  }

  /**
   * One re-send of something else, not a retry (issue 12: a single fallback
   * with a different, checked argument): after the success check, the only
   * way round is one branch (`if (attempt === 0 && res.status === 400 &&
   * partial.length) { continuation = base; continue; }`) taken once (its test
   * asks for the first attempt, `counter === 0`, or for a flag the branch sets:
   * `!retried` with `retried = true`), which writes a new value (not a literal,
   * not a count) to a name the attempt reads; the rest of the failure path
   * always leaves. Another way round (a 5xx that falls through to the next
   * pass) is a retry, and is judged.
   */
  private singleFallbackResend(attempt: readonly TSESTree.Statement[], rest: readonly TSESTree.Statement[], counters: ReadonlySet<string>, ctx: FlowContext): boolean {
    const index = rest.findIndex((st) => statementFlow(st, ctx).cont);
    const branch = rest[index];
    if (branch?.type !== 'IfStatement' || branch.alternate || !alwaysLeaves(blockFlow(rest.slice(index + 1), ctx))) return false;
    const flow = statementFlow(branch.consequent, ctx);
    if (!flow.cont || flow.normal) return false;
    const body = branch.consequent.type === 'BlockStatement' ? branch.consequent.body : [branch.consequent];
    const written = new Map<string, Node>();
    for (const st of body) {
      if (st.type === 'ExpressionStatement' && st.expression.type === 'AssignmentExpression' && st.expression.operator === '=') {
        const key = nameKey(st.expression.left);
        if (key) written.set(key, st.expression.right);
      }
    }
    const once = conjuncts(branch.test).some((term) => {
      const t = unwrapExpression(term);
      // `attempt === 0`: the first attempt only.
      if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==')) {
        const [named, value] = t.right.type === 'Literal' ? [t.left, t.right] : [t.right, t.left];
        return value.type === 'Literal' && typeof value.value === 'number' && counters.has(nameKey(named) ?? '');
      }
      // `!retried`, with `retried = true` in the branch.
      if (t.type === 'UnaryExpression' && t.operator === '!') {
        const set = written.get(nameKey(t.argument) ?? '');
        return set?.type === 'Literal' && set.value === true;
      }
      return false;
    });
    if (!once) return false;
    const changed = new Set<string>();
    for (const [key, value] of written) if (changesValue(key, value)) changed.add(key);
    return this.readsChanged(attempt, changed);
  }

  /**
   * The failure path asks the object the next attempt is built from to
   * recover from the error, and goes round only when it says it has: the
   * catch is `if (!state.recoversFrom(error)) throw error;` and the pass
   * builds its input from the same object before the `try`
   * (`const { params } = this._state.buildCreateArguments(turn)`), so each
   * attempt sends what the object has become, not the same request again. Not
   * a method not named for recovering (`isRetryable(e)`, `shouldRetry(e)`,
   * a hook such as `options.onError(e)`, `balancer.markDead(node, e)`), which
   * sorts failures or records them and may change nothing the attempt reads.
   */
  private stateRecoversFromError(tryStatement: TSESTree.TryStatement, bodyList: readonly TSESTree.Statement[], ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    const param = handler?.param;
    if (!handler || param?.type !== 'Identifier') return false;
    const [first, ...others] = handler.body.body;
    if (first?.type !== 'IfStatement' || first.alternate || !alwaysLeaves(statementFlow(first.consequent, ctx))) return false;
    if (others.some((st) => !statementFlow(st, ctx).normal)) return false;
    const test = unwrapExpression(first.test);
    if (test.type !== 'UnaryExpression' || test.operator !== '!') return false;
    const call = unwrapExpression(test.argument.type === 'AwaitExpression' ? test.argument.argument : test.argument);
    if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.object.type === 'ThisExpression') return false;
    const method = staticMemberName(call.callee);
    if (!method || !RECOVERY_METHOD.test(method) || ERROR_KIND_TEST.test(method)) return false;
    if (!call.arguments.some((a) => a.type === 'Identifier' && a.name === param.name)) return false;
    const owner = nameKey(call.callee.object);
    if (!owner) return false;
    // The pass's input, built from the same object before the `try` and read by it.
    const built = new Set<string>();
    const index = bodyList.indexOf(tryStatement);
    for (const st of bodyList.slice(0, Math.max(index, 0))) {
      if (st.type !== 'VariableDeclaration') continue;
      for (const d of st.declarations) {
        const init = d.init ? unwrapExpression(d.init.type === 'AwaitExpression' ? d.init.argument : d.init) : null;
        if (!init) continue;
        // Built from the object (`const { params } = this._state.build(turn)`), or from what was (`const request = create(params)`).
        const fromOwner =
          init.type === 'CallExpression' && init.callee.type === 'MemberExpression' && nameKey(init.callee.object) === owner && REQUEST_BUILDER.test(staticMemberName(init.callee) ?? '');
        if (!fromOwner && !someOwn(init, this.keys, (n) => n.type === 'Identifier' && built.has(n.name))) continue;
        walkOwn(d.id, this.keys, (n) => {
          if (n.type === 'Identifier' && !(n.parent?.type === 'Property' && n.parent.key === n && !n.parent.shorthand)) built.add(n.name);
          return true;
        });
      }
    }
    if (built.size === 0) return false;
    return someOwn(tryStatement.block, this.keys, (n) => n.type === 'Identifier' && built.has(n.name));
  }

  /**
   * A loop whose condition walks through values (`dir = path.dirname(dir)`,
   * `node = node.parent`): each iteration tries something else, not a retry.
   */
  private isTraversal(loop: LoopNode, writes: RegionWrites): boolean {
    const names = new Set<string>();
    const collect = (node: Node | null | undefined) => {
      if (!node) return;
      walkOwn(node, this.keys, (n) => {
        if (n.type === 'Identifier' || n.type === 'MemberExpression') {
          const key = nameKey(n);
          if (key) names.add(key);
          return key === null;
        }
        return true;
      });
    };
    collect(loop.test);
    for (const name of names) {
      for (const write of writes.writes.get(name) ?? []) {
        if (write.kind !== 'assign' || !write.value) continue;
        const value = unwrapExpression(write.value);
        if (value.type === 'Literal') continue;
        if (value.type === 'BinaryExpression' && (value.operator === '+' || value.operator === '-')) continue;
        return true;
      }
    }
    return false;
  }

  /**
   * The failure path changes what the next attempt reads (`buffer += more`,
   * `url = fallbackUrl`): the loop tries something else, not the same
   * operation again. The failure path is the `catch` and, for a `try` directly
   * in the loop body whose success leaves inside it and whose catch never goes
   * round by itself, the statements after it, where only a step from the old
   * value counts (`try { await fsp.stat(dir); break; } catch (e) { ... }
   * dir = path.dirname(dir);`).
   */
  private failureChangesInput(tryStatement: TSESTree.TryStatement, bodyList: readonly TSESTree.Statement[], ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    if (!handler) return false;
    if (this.readsChanged([tryStatement.block], this.inputChanges([handler.body]))) return true;
    // After the `try`: only when success leaves inside it and every failure goes on past the catch (no `continue` in it).
    const index = bodyList.indexOf(tryStatement);
    if (index < 0 || !alwaysLeaves(statementFlow(tryStatement.block, ctx))) return false;
    const handlerFlow = statementFlow(handler.body, ctx);
    if (!handlerFlow.normal || handlerFlow.cont) return false;
    return this.readsChanged([tryStatement.block], this.steppedNames(bodyList.slice(index + 1), ctx));
  }

  /**
   * Names the statements step to a value made from their own (`current = parent` with
   * `const parent = path.dirname(current)` before it, `dir = path.dirname(dir)`), as statements of their own, in a
   * walk that ends: an `if` among them leaves on a test of the name or a const made from it (`if (parent === current)
   * break;`). Not a value made afresh from the same inputs (`client = new Client(config)`, `id = randomUUID()`), which
   * is the same attempt again, not a count (`n = n + 1`), and not a step with no end (round robin over hosts, a
   * toggle, a doubled timeout, `path.dirname` without the root check), which may come back to the same attempt.
   */
  private steppedNames(statements: readonly TSESTree.Statement[], ctx: FlowContext): Set<string> {
    const names = new Set<string>();
    const derived = new Map<string, Set<string>>();
    const reads = (value: Node, key: string) =>
      someOwn(value, this.keys, (n) => (n.type === 'Identifier' || n.type === 'MemberExpression') && (nameKey(n) === key || !!derived.get(nameKey(n) ?? '')?.has(key)));
    // The walk must end: an `if` among the statements that leaves and tests the stepped name or a const made from it
    // (`if (parent === current) break;`); without one, a walk that stops moving (`path.dirname('/')` is `/`) spins.
    // The end compares the next value with the old one (`parent === current`): a null check ends nothing that cycles.
    const readsKey = (side: Node, key: string) => someOwn(side, this.keys, (n) => (n.type === 'Identifier' || n.type === 'MemberExpression') && nameKey(n) === key);
    const readsDerived = (side: Node, key: string) => someOwn(side, this.keys, (n) => (n.type === 'Identifier' || n.type === 'MemberExpression') && !!derived.get(nameKey(n) ?? '')?.has(key));
    const ends = (key: string) =>
      statements.some((st) => {
        if (st.type !== 'IfStatement' || !alwaysLeaves(statementFlow(st.consequent, ctx))) return false;
        const test = unwrapExpression(st.test);
        if (test.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(test.operator)) return false;
        return (readsKey(test.left, key) && readsDerived(test.right, key)) || (readsKey(test.right, key) && readsDerived(test.left, key));
      });
    for (const st of statements) {
      if (st.type === 'VariableDeclaration') {
        for (const d of st.declarations) {
          if (d.id.type !== 'Identifier' || !d.init) continue;
          // `const parent = path.dirname(current)`: a value made from `current`.
          const from = new Set<string>();
          walkOwn(d.init, this.keys, (n) => {
            const key = n.type === 'Identifier' || n.type === 'MemberExpression' ? nameKey(n) : null;
            if (key) from.add(key);
            return key === null;
          });
          derived.set(d.id.name, from);
        }
      }
      if (st.type === 'ExpressionStatement' && st.expression.type === 'AssignmentExpression' && st.expression.operator === '=') {
        const key = nameKey(st.expression.left);
        // A value fetched afresh (`token = await auth.refresh(token)`) is no step.
        const fetched = someOwn(st.expression.right, this.keys, (n) => n.type === 'AwaitExpression');
        if (key && !fetched && changesValue(key, st.expression.right) && reads(st.expression.right, key) && ends(key)) names.add(key);
      }
    }
    return names;
  }

  /** True when `attempt` reads one of the `changed` names (not in a log line, not as the target of `=`). */
  private readsChanged(attempt: readonly Node[], changed: ReadonlySet<string>): boolean {
    if (changed.size === 0) return false;
    let reads = false;
    for (const region of attempt) {
      walkOwn(region, this.keys, (n) => {
        if (reads) return false;
        // A log line is not what the next attempt reads.
        if (n.type === 'CallExpression' && isLogCall(n)) return false;
        if (n.type === 'Identifier' || n.type === 'MemberExpression') {
          const key = nameKey(n);
          const parent = n.parent;
          const isTarget = parent?.type === 'AssignmentExpression' && parent.left === n && parent.operator === '=';
          if (key && changed.has(key) && !isTarget) reads = true;
          if (key && n.type === 'MemberExpression') {
            // `state.url` read as a whole; its object may still be a changed name (`state`).
            const root = nameKey(n.object);
            if (root && changed.has(root)) reads = true;
            return false;
          }
        }
        return !reads;
      });
    }
    return reads;
  }

  /** The names `regions` write with a new value (not a literal, not a count: `n += 1`). */
  private inputChanges(regions: readonly Node[]): Set<string> {
    const changed = new Set<string>();
    for (const region of regions) {
      const regionWrites = new RegionWrites(region, this.keys, false);
      for (const [key, list] of regionWrites.writes) {
        const changes = list.some((w) => {
          if (!w.value) return false;
          const value = unwrapExpression(w.value);
          if (w.kind === 'assign') return value.type !== 'Literal';
          if (w.kind === 'compound') return !(value.type === 'Literal' && typeof value.value === 'number');
          return false;
        });
        if (changes) changed.add(key);
      }
    }
    return changed;
  }

  /**
   * The loop goes round only for failures of an attempt that never ran (etcd3's host failover: `let didCallThrough =
   * false; try { return await host.faultHandling.execute(() => { didCallThrough = true; return fn(...); }); } catch
   * (e) { if (didCallThrough) throw e; ... }`): the catch first leaves when a local flag is set (statements before
   * that cannot leave or go round), and the only write
   * that sets it is the first statement of a callback handed to the call the `try` returns or awaits, the operation
   * itself (not an abort listener kept elsewhere). What goes round is a call a
   * policy turned away (an open circuit breaker) before any request was made: nothing failed to retry or back off.
   * Only for a bounded loop: an endless one would spin on a call turned away each time.
   */
  private goesRoundOnlyUnrun(tryStatement: TSESTree.TryStatement, ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    if (!handler) return false;
    // The first statement of the catch that may change its way (`host.resetAllServices()` under an `if` may come first).
    const first = handler.body.body.find((st) => {
      const flow = statementFlow(st, ctx);
      return !flow.normal || flow.cont || flow.exit;
    });
    if (!first || first.type !== 'IfStatement' || first.alternate || !alwaysLeaves(statementFlow(first.consequent, ctx))) return false;
    const test = unwrapExpression(first.test);
    if (test.type !== 'Identifier') return false;
    const variable = variableAt(this.sourceCode, test);
    if (!variable || variable.defs.length !== 1 || variable.defs[0]!.node.type !== 'VariableDeclarator') return false;
    const declarator = variable.defs[0]!.node as TSESTree.VariableDeclarator;
    if (!declarator.init || declarator.init.type !== 'Literal' || declarator.init.value !== false) return false;
    // The attempt: a call the `try` returns or awaits as a statement of its own (`return await policy.execute(cb)`).
    const attempts: TSESTree.CallExpression[] = [];
    for (const st of tryStatement.block.body) {
      let value: Node | null | undefined = st.type === 'ReturnStatement' ? st.argument : st.type === 'ExpressionStatement' ? st.expression : null;
      if (value?.type === 'AwaitExpression') value = value.argument;
      if (value?.type === 'CallExpression') attempts.push(value);
    }
    const writes = variable.references.filter((ref) => ref.isWrite() && !ref.init);
    if (writes.length === 0) return false;
    return writes.every((ref) => {
      const assignment = ref.identifier.parent;
      if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.right.type !== 'Literal' || assignment.right.value !== true) return false;
      const statement = assignment.parent;
      const body = statement?.type === 'ExpressionStatement' ? statement.parent : null;
      if (body?.type !== 'BlockStatement' || body.body[0] !== statement) return false;
      const callback = body.parent;
      return !!callback && isFunction(callback) && attempts.some((call) => call.arguments.includes(callback as TSESTree.CallExpressionArgument));
    });
  }

  /**
   * A streaming reader waiting for more input, not a retry: the pass reads
   * local state synchronously (no await, no yield before or in the `try`:
   * `result = readHeader(parser.buffer, parser.position)`), and the failure
   * path awaits a method of the object it read, named for waiting on input
   * (`await parser.waitForChunk()`), so the next pass reads a buffer that
   * has grown. Nothing is attempted again until new data has arrived. A
   * known delay (`await sleep(ms)`), a method not named for waiting on input
   * (`await session.refresh()`), an attempt that awaits, or a failure path
   * that waits for input on any error (not only on a recognised one, the
   * rest rethrown) stays a retry.
   */
  private failureWaitsForInput(tryStatement: TSESTree.TryStatement, bodyList: readonly TSESTree.Statement[], ctx: FlowContext): boolean {
    const handler = tryStatement.handler;
    if (!handler) return false;
    // Only for a recognised error ("not enough data yet"): every other error leaves the loop.
    if (!continuesOnlyForSortedErrors(handler.body.body, errorNames(handler.param, handler.body), ctx, this.keys)) return false;
    // The statements of the pass before the one holding the `try` (which may sit in a block or an `if`).
    const index = bodyList.findIndex((s) => contains(s, tryStatement));
    const pass: Node[] = [...bodyList.slice(0, Math.max(index, 0)), tryStatement.block];
    const awaits = (n: Node) => n.type === 'AwaitExpression' || n.type === 'YieldExpression' || (n.type === 'ForOfStatement' && n.await);
    if (pass.some((s) => someOwn(s, this.keys, awaits))) return false;
    // The objects whose input-waiting method the failure path awaits.
    const sources = new Set<string>();
    walkOwn(handler.body, this.keys, (n) => {
      if (n.type !== 'AwaitExpression' && !isAwaiterYield(n)) return true;
      const argument = unwrapExpression((n as TSESTree.AwaitExpression).argument);
      if (argument.type !== 'CallExpression' || waitOf(n, this.ctx.imports, this.keys)) return true;
      const callee = unwrapExpression(argument.callee);
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !WAIT_FOR_INPUT.test(callee.property.name)) return true;
      const object = nameKey(callee.object);
      if (object) sources.add(object);
      return true;
    });
    if (sources.size === 0) return false;
    // The pass reads a property of that object as data (not a method it calls, not a target it assigns).
    return pass.some((s) =>
      someOwn(s, this.keys, (n) => {
        if (n.type !== 'MemberExpression' || !sources.has(nameKey(n.object) ?? '')) return false;
        const parent = n.parent;
        if (parent?.type === 'CallExpression' && parent.callee === n) return false;
        if (parent?.type === 'AssignmentExpression' && parent.left === n) return false;
        return true;
      }),
    );
  }

  /** Names a timer callback sets (`setTimeout(() => { timedOut = true }, ms)`), and names copied from them. */
  private timerFlags(owner: Node, writes: RegionWrites): Set<string> {
    const flags = new Set<string>();
    walkOwn(owner, this.keys, (n) => {
      // Any function called setTimeout (also a local alias of the timer, `const { setTimeout } = safeTimers()`).
      if (n.type === 'CallExpression' && calleeName(n) === 'setTimeout' && isFunction(n.arguments[0])) {
        walkOwn(n.arguments[0], this.keys, (inner) => {
          if (inner.type === 'AssignmentExpression' && inner.right.type === 'Literal' && typeof inner.right.value === 'boolean') {
            const key = nameKey(inner.left);
            if (key) flags.add(key);
          }
          return true;
        });
      }
      return true;
    });
    if (flags.size === 0) return flags;
    for (const [name, list] of writes.writes) {
      if (list.some((w) => w.value && (w.value.type === 'Identifier' || w.value.type === 'MemberExpression') && flags.has(nameKey(w.value) ?? ''))) flags.add(name);
    }
    return flags;
  }
}

/** A `.catch` handler that resolves to nothing or a falsy literal (`() => null`, `(e) => { log(e); }`). */
function returnsNothingOrFalsy(fn: Node): boolean {
  if (!isFunction(fn)) return false;
  if (fn.body.type !== 'BlockStatement') {
    const body = unwrapExpression(fn.body);
    if (body.type === 'Literal') return !body.value;
    if (body.type === 'Identifier') return body.name === 'undefined';
    if (body.type === 'UnaryExpression') return body.operator === 'void';
    return false;
  }
  const { returns, throws } = functionReturns(fn);
  if (throws) return false;
  return returns.every((returned) => {
    const value = returned ? unwrapExpression(returned) : null;
    return !value || (value.type === 'Literal' && !value.value) || (value.type === 'Identifier' && value.name === 'undefined');
  });
}

/**
 * A function whose failure has no caller to report to: an event listener, a
 * timer callback, an `onerror = async () => ...` handler, or an async
 * function run right away whose promise nobody keeps (`(async () => {...})()`
 * as a statement or under `void`).
 */
export function hasNoCaller(owner: Node): boolean {
  if (!isFunction(owner)) return false;
  let node: Node = owner;
  while (node.parent && (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression')) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    const name = calleeName(parent);
    // `new Promise(async (resolve) => ...)`: the executor's own promise is dropped.
    if (parent.type === 'NewExpression') return name === 'Promise' && parent.arguments[0] === node;
    return !!name && (LISTENER_METHODS.has(name) || TIMER_FUNCTIONS.has(name));
  }
  if (parent.type === 'CallExpression' && parent.callee === node) {
    const holder = parent.parent;
    return holder?.type === 'ExpressionStatement' || (holder?.type === 'UnaryExpression' && holder.operator === 'void');
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression' && !parent.left.computed && parent.left.property.type === 'Identifier') {
    return /^on[a-z]/.test(parent.left.property.name);
  }
  return false;
}

/**
 * The catch reports the error it caught: a call made as a statement is given
 * the error (`log(err);`, `this.emit('error', err);`, `await report(err);`).
 * A test such as `if (isFatal(err))` is not a report.
 */
function reportsError(body: TSESTree.BlockStatement, name: string, keys: VisitorKeys): boolean {
  let found = false;
  walkOwn(body, keys, (node) => {
    if (found) return false;
    if (isFunction(node)) return false;
    if (node.type === 'ExpressionStatement') {
      const expression = node.expression.type === 'AwaitExpression' ? node.expression.argument : node.expression;
      if (expression.type === 'CallExpression' && expression.arguments.some((a) => a.type === 'Identifier' && a.name === name)) found = true;
      return false;
    }
    return !found;
  });
  return found;
}

/**
 * The branch's exits all leave the function (`throw`, `return`): no `break` and no labelled `continue` in it, which
 * could leave into an enclosing loop that starts the counted loop, and its counter, again.
 */
function onlyLeavesFunction(branch: Node, keys: VisitorKeys): boolean {
  return !someOwn(branch, keys, (n) => n.type === 'BreakStatement' || (n.type === 'ContinueStatement' && n.label !== null));
}

/**
 * The loop runs only while `source` has items: its test is, or has as one `&&` term, a check that the
 * `length` or `size` of `source` is not zero (`queue.length > 0`, `queue.length !== 0`, `pending.size`).
 */
function loopTestsSize(loop: LoopNode, source: string): boolean {
  const test = 'test' in loop && loop.test ? unwrapExpression(loop.test) : null;
  if (!test) return false;
  const nonEmpty = (n: Node): boolean => {
    const t = unwrapExpression(n);
    if (t.type === 'LogicalExpression' && t.operator === '&&') return nonEmpty(t.left) || nonEmpty(t.right);
    const counted = nonEmptyCount(t);
    return !!counted && nameKey(counted) === source;
  };
  return nonEmpty(test);
}

/**
 * Does the failure path put the taken item back, or keep it for another try? It is pushed onto a list
 * (`queue.unshift(job)`, `[job, ...this.pending]`), handed to a method of the queue it came from
 * (`pool.release(conn)`), or to a call that also gets that queue or is named for putting back
 * (`requeue(queue, job)`, `this.retryLater(job)`), also as a value built from it (`queue.push({ ...job, tries: 2 })`).
 * Reading the item (`lock.reject(err)`, `log(job.id)`) or
 * passing it to an unrelated call (`logger.error(job, err)`) is not.
 */
function putsBack(region: Node, item: string, source: string | null, keys: VisitorKeys): boolean {
  const names = new Set([item]);
  return someOwn(region, keys, (n) => {
    // `[job, ...this.pending]`: the item itself in a new list.
    if (n.type === 'ArrayExpression') return n.elements.some((e) => !!e && e.type !== 'SpreadElement' && isName(e, item));
    // A call given the item, or a value built from it (`queue.push({ ...job, attempts: job.attempts + 1 })`).
    if (n.type !== 'CallExpression' || !n.arguments.some((a) => mentionsName(keys, a.type === 'SpreadElement' ? a.argument : a, names))) return false;
    const name = calleeName(n) ?? '';
    if (PUT_BACK_METHODS.has(name) || PUT_BACK_NAME.test(name)) return true;
    const callee = n.callee.type === 'ChainExpression' ? n.callee.expression : n.callee;
    if (source !== null && callee.type === 'MemberExpression' && nameKey(callee.object) === source) return true;
    return source !== null && n.arguments.some((a) => a.type !== 'SpreadElement' && nameKey(unwrapExpression(a)) === source);
  });
}

function isName(node: Node, name: string): boolean {
  const n = unwrapExpression(node);
  return n.type === 'Identifier' && n.name === name;
}

/** Names of calls that put an item back for another try. */
const PUT_BACK_NAME = /requeue|retry|reschedule|putBack|giveBack|release|restore|reinsert|insert|prepend|append/i;

/** Methods that take a candidate out of the pool (`removeCurrentServer`, `deleteHost`, `evict`). */
const CANDIDATE_REMOVER = /^(remove|delete|drop|evict|discard|exclude|ban)([A-Z_]|$)/;

/** `!x`, `x == null`, `x === undefined`, also as one side of `||` (`!srv || aborted`): no candidate. */
function testsMissing(test: Node, name: string): boolean {
  const t = unwrapExpression(test);
  if (t.type === 'LogicalExpression' && t.operator === '||') return testsMissing(t.left, name) || testsMissing(t.right, name);
  if (t.type === 'UnaryExpression' && t.operator === '!') {
    const inner = unwrapExpression(t.argument);
    return inner.type === 'Identifier' && inner.name === name;
  }
  if (t.type === 'BinaryExpression' && (t.operator === '==' || t.operator === '===')) {
    const [a, b] = [unwrapExpression(t.left as Node), unwrapExpression(t.right)];
    const isName = (n: Node) => n.type === 'Identifier' && n.name === name;
    const isNothing = (n: Node) => (n.type === 'Literal' && n.value === null) || (n.type === 'Identifier' && n.name === 'undefined');
    return (isName(a) && isNothing(b)) || (isName(b) && isNothing(a));
  }
  return false;
}

/**
 * Methods named for waiting on more input (`waitForChunk`, `waitForData`,
 * `waitUntilReadable`, `awaitData`, `readMore`, `fillBuffer`, `nextChunk`),
 * not for doing an operation again (`refresh`, `reconnect`, `pull`).
 */
const WAIT_FOR_INPUT = /^_*(waitFor|waitUntil|await|readMore|fill|nextChunk)([A-Z_0-9]|$)/;

/** Error classes that mean "any failure" or a transient one: continuing on them is a retry. */
const GENERIC_OR_TRANSIENT_ERROR = /^(Error|TypeError|RangeError|SyntaxError|AggregateError)$|network|connect|timeout|timedout|socket|transient|retr(y|iable)|temporar|unavailable|throttl|ratelimit|busy|conflict|lock|abort|fetcherror|http|request|response|econn/i;

/** Calls that stop or tear down the work (`this.stop()`, `receiver.close()`, `dispose()`), not an attempt of it. */
const STOP_CALL = /^(stop|close|dispose|abort|shutdown|destroy|end|cancel|terminate|teardown|unsubscribe)([A-Z_]|$)/;

/** True when `node` sits in a `catch` clause between it and `loop`. */
function insideCatchOf(node: Node, loop: LoopNode): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (current.type === 'CatchClause') return true;
  }
  return false;
}

/** The terms of an `&&` chain (`a && b && c` gives `a`, `b`, `c`). */
function conjuncts(node: Node): Node[] {
  const n = unwrapExpression(node);
  return n.type === 'LogicalExpression' && n.operator === '&&' ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n];
}

/** `key = value` gives the next attempt a new value: not a literal, and not a count (`attempt = attempt + 1`). */
function changesValue(key: string, value: Node): boolean {
  const v = unwrapExpression(value);
  if (v.type === 'Literal') return false;
  if (v.type === 'BinaryExpression' && (v.operator === '+' || v.operator === '-')) {
    const [named, step] = v.right.type === 'Literal' ? [v.left, v.right] : [v.right, v.left];
    if (step.type === 'Literal' && typeof step.value === 'number' && nameKey(named as Node) === key) return false;
  }
  return true;
}

/** Methods named for building what a request sends (`buildCreateArguments`, `makeRequest`, `prepareParams`), not a handle it uses (`authHeaders()`, `acquire()`). */
const REQUEST_BUILDER = /^(build|make|prepare|compose|create)[A-Z]\w*(Arguments|Args|Params|Parameters|Request|Body|Payload)$/;

/** Methods named for recovering from a failure by changing their object: `recoversFrom(e)`, `recover(e)`, `adjustFor(e)`. */
const RECOVERY_METHOD = /^(recover|recovers|adjust|adjusts|adapt|adapts|repair|repairs|heal|heals)([A-Z_]|$)/;

/** Methods that test an error's kind rather than act on it: `isRetryable(e)`, `shouldRetry(e)`, `canRecover(e)`. */
const ERROR_KIND_TEST = /^(is|has|should|can|check|test|matches|match|classify|may)([A-Z_]|$)|retr(y|iable)|transient|temporar|recoverable|fatal|permanent/i;

/** A value built afresh: `createFetchers()`, `new Plan()`, `buildRequest(...)`. */
function isRebuild(node: Node): boolean {
  const n = unwrapExpression(node.type === 'AwaitExpression' ? node.argument : node);
  if (n.type === 'NewExpression') return true;
  if (n.type !== 'CallExpression') return false;
  const name = calleeName(n);
  return name !== null && /^(create|build|make|new|init|setup|compute|plan|assign|prepare|generate)[A-Z_]?/.test(name);
}

/**
 * A `for` loop's own counter: declared alone in the loop's `init` with a number the file can read (a literal or a
 * `const`), compared in the test with such a number, and written by nothing in the body. The test is read as
 * `counter < limit`, `counter <= limit`, `counter > limit` or `counter >= limit` (`limit > counter` is turned round).
 */
interface OwnForCounter {
  isCounter: (node: Node) => boolean;
  start: number;
  operator: '<' | '<=' | '>' | '>=';
  limit: number;
  /** The loop's update, unwrapped. */
  update: Node;
  /** A number the file can read: a literal, or a `const` initialised with one. */
  literal: (node: Node) => number | null;
}

const TURNED: Record<string, OwnForCounter['operator']> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function ownForCounter(loop: LoopNode, keys: VisitorKeys, imports: FinderContext['imports']): OwnForCounter | null {
  if (loop.type !== 'ForStatement' || loop.init?.type !== 'VariableDeclaration' || loop.init.declarations.length !== 1 || !loop.update || !loop.test) return null;
  const declarator = loop.init.declarations[0]!;
  if (declarator.id.type !== 'Identifier' || !declarator.init) return null;
  const name = declarator.id.name;
  const isCounter = (node: Node) => node.type === 'Identifier' && node.name === name;
  const literal = (node: Node): number | null => {
    const value = numberValue(node);
    if (value !== null || node.type !== 'Identifier') return value;
    const init = imports.constInit(node);
    return init ? numberValue(init) : null;
  };
  const start = literal(declarator.init);
  if (start === null) return null;
  const test = unwrapExpression(loop.test);
  if (test.type !== 'BinaryExpression' || test.left.type === 'PrivateIdentifier' || !(test.operator in TURNED)) return null;
  let operator: OwnForCounter['operator'];
  let limitNode: Node;
  if (isCounter(test.left)) {
    operator = test.operator as OwnForCounter['operator'];
    limitNode = test.right;
  } else if (isCounter(test.right)) {
    operator = TURNED[test.operator]!;
    limitNode = test.left as Node;
  } else {
    return null;
  }
  // `const attempts = available ? 2 : 1`: the limit furthest from the start (the most runs) of a choice of two numbers.
  let limit = literal(limitNode);
  if (limit === null && limitNode.type === 'Identifier') {
    const init = imports.constInit(limitNode);
    const choice = init ? unwrapExpression(init) : null;
    if (choice?.type === 'ConditionalExpression') {
      const a = numberValue(choice.consequent);
      const b = numberValue(choice.alternate);
      if (a !== null && b !== null) limit = operator === '<' || operator === '<=' ? Math.max(a, b) : Math.min(a, b);
    }
  }
  if (limit === null || !Number.isFinite(limit)) return null;
  // Written only by its declaration and the loop's update: not in the body, not by a closure (a `var`), not by destructuring.
  const variable = imports.variableOf(declarator.id);
  if (!variable) return null;
  const update = loop.update;
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id && !contains(update, ref.identifier))) return null;
  return { isCounter, start, operator, limit, update: unwrapExpression(update), literal };
}

/**
 * `for (let delay = 100; delay <= 1600; delay *= 2)`: the loop's own counter starts at a positive number, the
 * update multiplies it by a literal factor of at least 1.5 (`*=`, or `d = d * k`), and the test keeps it below a
 * literal limit (or a `const` one): the loop runs log(limit / start) / log(factor) times, a bound when that is
 * below `unboundedAbove` (5 times here; ssh2's emscripten glue has `for (d = 1; 4 >= d; d *= 2)`). A counter
 * declared before the loop, a clamp in the body, a start of 0, a factor the file cannot read, a test the wrong way
 * round (`delay > 0`), or an `Infinity` limit is no such bound.
 */
function doublingForBound(loop: LoopNode, keys: VisitorKeys, imports: FinderContext['imports'], unboundedAbove: number): boolean {
  const counter = ownForCounter(loop, keys, imports);
  if (!counter || !(counter.start > 0) || (counter.operator !== '<' && counter.operator !== '<=')) return false;
  const { isCounter, update, literal, start, limit } = counter;
  let factor: number | null = null;
  if (update.type === 'AssignmentExpression' && isCounter(update.left)) {
    if (update.operator === '*=') factor = literal(update.right);
    else if (update.operator === '=' && update.right.type === 'BinaryExpression' && update.right.operator === '*') {
      if (isCounter(update.right.left)) factor = literal(update.right.right);
      else if (isCounter(update.right.right)) factor = literal(update.right.left as Node);
    }
  }
  if (factor === null || !(factor >= 1.5)) return false;
  return limit <= start || Math.log(limit / start) / Math.log(factor) < unboundedAbove;
}

/** The function's name (declared, or the variable, property or method it is given to) is called anywhere in it. */
function callsItself(fn: FunctionNode, keys: VisitorKeys): boolean {
  // `node.connect = function () {...}` is called as `node.connect()`: the last part of the name.
  const name = functionName(fn).name?.split('.').pop() ?? null;
  if (!name) return false;
  return someAll(fn.body, keys, (n) => {
    if (n.type !== 'CallExpression') return false;
    const callee = unwrapExpression(n.callee);
    if (callee.type === 'Identifier') return callee.name === name;
    return callee.type === 'MemberExpression' && staticKeyName(callee.property, callee.computed) === name;
  });
}

/**
 * `for (let attempts = 0; attempts < 2; attempts++)`: the loop's own counter steps by a number the file can read
 * (`++`, `--`, `+= k`, `-= k`, `i = i + k`) towards its limit, so the loop runs at most twice: one attempt and
 * at most one re-attempt, with one wait at most. That is no stream of retries to bound or to back off (a single
 * re-attempt, as with a used-up guard). A counter written anywhere else (the body, a closure, a destructuring), a
 * step away from the limit, numbers too large for a step to move, a loop inside another loop of its function,
 * a function that calls itself, or a callback (an event handler, a timer) that may run the loop again, is not.
 */
function runsAtMostTwice(loop: LoopNode, keys: VisitorKeys, imports: FinderContext['imports']): boolean {
  const counter = ownForCounter(loop, keys, imports);
  if (!counter) return false;
  const { isCounter, update, literal, start, limit, operator } = counter;
  // Numbers where a step of 1 still moves the counter.
  if (!(Math.abs(start) <= 2 ** 31 && Math.abs(limit) <= 2 ** 31)) return false;
  // The loop itself must not run again: not inside another loop of its function, nor in a function that calls itself.
  const owner = enclosingFunction(loop);
  for (let node: Node | undefined = loop.parent; node && node !== owner; node = node.parent) if (isLoop(node)) return false;
  if (owner && callsItself(owner, keys)) return false;
  // Nor a callback (an event handler, a timer), which its caller may run again on the next 'close'.
  if (owner?.parent?.type === 'CallExpression' || owner?.parent?.type === 'NewExpression') return false;
  let step: number | null = null;
  if (update.type === 'UpdateExpression' && isCounter(update.argument)) step = update.operator === '++' ? 1 : -1;
  else if (update.type === 'AssignmentExpression' && isCounter(update.left)) {
    const by = update.operator === '+=' || update.operator === '-=' ? literal(update.right) : null;
    if (by !== null) step = update.operator === '+=' ? by : -by;
    else if (update.operator === '=' && update.right.type === 'BinaryExpression' && isCounter(update.right.left)) {
      const k = literal(update.right.right);
      if (k !== null && update.right.operator === '+') step = k;
      else if (k !== null && update.right.operator === '-') step = -k;
    }
  }
  if (step === null || step === 0 || !Number.isFinite(step)) return false;
  const ascending = operator === '<' || operator === '<=';
  if (ascending !== step > 0) return false;
  const distance = ascending ? limit - start : start - limit;
  const size = Math.abs(step);
  const runs = operator === '<' || operator === '>' ? Math.max(0, Math.ceil(distance / size)) : distance < 0 ? 0 : Math.floor(distance / size) + 1;
  return runs <= 2;
}

/**
 * The name under which a helper's parameter receives the caught error `name`: the error passed as it is
 * (`helper(err)`, a plain parameter), or as a property of an object literal (`helper({ error, attempt })`) that
 * the parameter destructures (`({ error, attempt }) =>`, `{ error: e }`). Null when it is not handed on there.
 */
function receivedAs(argument: Node, param: Node | undefined, name: string): string | null {
  if (!param) return null;
  if (argument.type === 'Identifier' && argument.name === name) return param.type === 'Identifier' ? param.name : null;
  if (argument.type !== 'ObjectExpression' || param.type !== 'ObjectPattern') return null;
  for (const property of argument.properties) {
    if (property.type !== 'Property' || property.value.type !== 'Identifier' || property.value.name !== name) continue;
    const key = staticKeyName(property.key, property.computed);
    const target = key === null ? undefined : param.properties.find((p) => p.type === 'Property' && staticKeyName(p.key, p.computed) === key);
    if (target?.type !== 'Property') return null;
    const local = target.value.type === 'AssignmentPattern' ? target.value.left : target.value;
    return local.type === 'Identifier' ? local.name : null;
  }
  return null;
}

/**
 * A helper that throws the error it was handed (on some path) and awaits something that does not run before that
 * throw on every way to it (its recovery's wait: `await this.resume()` in the other branch, `await sleep(ms)` after). The error may be thrown as it came or
 * as a `const` that is the error (`const normalized = error instanceof Error ? error : new TypeError(...)`,
 * `error ?? fallback`, `new RetryError(msg, { cause: error })`). A throw inside the helper's own `try` may be
 * caught there, and an await before the throw (a log line) is not the recovery's.
 */
function rethrowsAndWaits(helper: FunctionNode, param: string, keys: VisitorKeys): boolean {
  if (!helper.async && !(helper.generator && isAwaiterLike(helper))) return false;
  if (helper.body.type !== 'BlockStatement') return false;
  const body = helper.body;
  const names = new Set([param]);
  walkOwn(body, keys, (n) => {
    if (n.type === 'VariableDeclaration' && n.kind === 'const') {
      for (const d of n.declarations) if (d.id.type === 'Identifier' && d.init && isTheError(d.init, names)) names.add(d.id.name);
    }
    return true;
  });
  const flow: FlowContext = { loopLabel: null, inSwitch: false, innerLabels: new Set() };
  const throws: Node[] = [];
  walkOwn(body, keys, (n) => {
    // A throw inside the helper's own `try` may be caught there.
    if (n.type === 'TryStatement' && swallows(n, flow)) {
      if (n.finalizer) walkOwn(n.finalizer, keys, (m) => (m.type === 'ThrowStatement' ? (throws.push(m), false) : true));
      return false;
    }
    if (n.type === 'ThrowStatement' && n.argument.type === 'Identifier' && names.has(n.argument.name)) throws.push(n);
    return true;
  });
  const awaits: Node[] = [];
  walkOwn(body, keys, (n) => {
    if (n.type === 'AwaitExpression' || isAwaiterYield(n)) awaits.push(n);
    return true;
  });
  // An await that runs before the throw on every way to it (a log line) is not the recovery's wait.
  return throws.some((thrown) => {
    const before = statementsBefore(thrown, body);
    return awaits.some((a) => !before.some((statement) => contains(statement, a)));
  });
}

/** A `try` whose `catch` may complete (or go on with the loop) instead of leaving: it can swallow what its block throws. */
function swallows(tryStatement: TSESTree.TryStatement, ctx: FlowContext): boolean {
  if (!tryStatement.handler) return false;
  const flow = statementFlow(tryStatement.handler.body, ctx);
  return flow.normal || flow.cont;
}

/**
 * What runs before `node` on every way to it: the statements before it (or before a block around it) in each
 * block up to `body`, and the tests that choose the way (`if (await isFatal(err)) throw err;`, a `switch`'s
 * discriminant and earlier cases' tests).
 */
function statementsBefore(node: Node, body: TSESTree.BlockStatement): Node[] {
  const before: Node[] = [];
  for (let current: Node = node; current !== body && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'BlockStatement') before.push(...parent.body.slice(0, parent.body.indexOf(current as TSESTree.Statement)));
    else if (parent.type === 'IfStatement' && parent.test !== current) before.push(parent.test);
    else if (parent.type === 'SwitchCase') {
      before.push(...parent.consequent.slice(0, parent.consequent.indexOf(current as TSESTree.Statement)));
      const cases = parent.parent.cases;
      before.push(parent.parent.discriminant, ...cases.slice(0, cases.indexOf(parent) + 1).flatMap((c) => (c.test ? [c.test] : [])));
    } else if (parent.type === 'ConditionalExpression' && parent.test !== current) before.push(parent.test);
  }
  return before;
}

/** `error`, `error ?? fallback`, `error instanceof Error ? error : new TypeError(...)`, `new X(msg, { cause: error })`. */
function isTheError(init: Node, names: ReadonlySet<string>): boolean {
  const node = unwrapExpression(init);
  const isName = (n: Node) => n.type === 'Identifier' && names.has(n.name);
  if (isName(node)) return true;
  if (node.type === 'LogicalExpression' && (node.operator === '??' || node.operator === '||')) return isName(node.left) || isName(node.right);
  if (node.type === 'ConditionalExpression') {
    const branches = [unwrapExpression(node.consequent), unwrapExpression(node.alternate)];
    return branches.some(isName) && branches.every((b) => isName(b) || b.type === 'NewExpression');
  }
  if (node.type === 'NewExpression') {
    return node.arguments.some(
      (a) => isName(a) || (a.type === 'ObjectExpression' && a.properties.some((p) => p.type === 'Property' && isName(p.value))),
    );
  }
  return false;
}

function isAwaiterLike(fn: FunctionNode): boolean {
  const call = fn.parent;
  return call?.type === 'CallExpression' && /awaiter$/i.test(calleeName(call) ?? '');
}

/** `handle.closed`, `handle.conn.destroyed`, `handle.isClosed()`, `handle.destroyed === true`, or `||` of such tests only, on names of `handles`. */
function staleTest(test: Node, handles: ReadonlySet<string>): boolean {
  const t = unwrapExpression(test);
  if (t.type === 'LogicalExpression' && t.operator === '||') return staleTest(t.left, handles) && staleTest(t.right, handles);
  let read: Node = t;
  if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==') && t.right.type === 'Literal' && t.right.value === true) read = unwrapExpression(t.left as Node);
  if (read.type === 'CallExpression' && read.arguments.length === 0) read = unwrapExpression(read.callee);
  if (read.type !== 'MemberExpression' || read.computed || read.property.type !== 'Identifier' || !STALE_STATE.test(read.property.name)) return false;
  let root: Node = read.object;
  while (root.type === 'MemberExpression') root = root.object;
  return root.type === 'Identifier' && handles.has(root.name);
}

/** A handle's state that says it is gone. */
const STALE_STATE = /^(closed|destroyed|isClosed|isDestroyed|ended|writableEnded)$/;
