/**
 * A fuzzer of this project's own domain: random, valid programs built from
 * the shapes the rules look at (retry loops and recursion, shared-resource
 * accesses and their guards, deep clones, hot contexts, client calls with
 * and without timeouts, helpers calling each other), nested at random. Reproducible from its seed.
 */
import { seededRandom } from './seeded-random';

interface Context {
  random: () => number;
  depth: number;
  inLoop: boolean;
  functions: string[];
}

function pick<T>(ctx: Context, items: readonly T[]): T {
  return items[Math.floor(ctx.random() * items.length)]!;
}

const accesses = [
  'fs.readFileSync(`${SHARED_ROOT}/a`)',
  'await fs.promises.readFile(path.join(SHARED_ROOT, name))',
  "await fetch('https://api.example.com/x')",
  'await uploadStore.put(name, data)',
  'readFileSync(name)',
  'await stat("/mnt/shared/" + name)',
  "await axios.get('/x', { timeout: attempt })",
  'await api.post(name, data)',
  "await got(`https://x/${name}`, { ...options, timeout: { request: Infinity } })",
  "http.get(name, (res) => res.resume()).setTimeout(delay)",
  "await fetch(name, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(delay)]) })",
  'new Pool({ connectionTimeoutMillis: 0 })',
];
const clones = ['structuredClone(data)', 'JSON.parse(JSON.stringify(data))', 'cloneDeep(data)', 'rfdcClone(data)', 'helpers.copy(data)', '{ ...data }'];
const waits = [
  'await sleep(100);',
  'await new Promise((resolve) => setTimeout(resolve, 500));',
  'await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 100 * 2 ** attempt)));',
  'await new Promise((r) => setTimeout(r, Math.random() * 2 ** attempt * 100));',
  'delay *= 2;',
];

function block(ctx: Context, count = 1 + Math.floor(ctx.random() * 3)): string {
  const statements: string[] = [];
  for (let i = 0; i < count; i++) statements.push(statement(ctx));
  return statements.join('\n');
}

function nested(ctx: Context, changes: Partial<Context>, count?: number): string {
  const inner = { ...ctx, ...changes, depth: ctx.depth + 1 };
  return block(inner, count);
}

function statement(ctx: Context): string {
  const leaf = ctx.depth > 4;
  const options: (() => string)[] = [
    () => `${pick(ctx, accesses)};`,
    () => `data = ${pick(ctx, clones)};`,
    () => pick(ctx, waits),
    () => 'attempt++;',
    () => 'console.log(attempt, data);',
    () => (ctx.functions.length ? `await ${pick(ctx, ctx.functions)}(data);` : 'noop();'),
  ];
  if (ctx.inLoop) options.push(() => pick(ctx, ['continue;', 'break;', 'if (attempt > 5) break;', 'if (attempt >= max) throw new Error("x");']));
  options.push(() => pick(ctx, ['return data;', 'throw new Error("failed");']));
  if (!leaf) {
    options.push(
      () => `while (true) {\ntry {\n${nested(ctx, { inLoop: true })}\n} catch (error) {\n${nested(ctx, { inLoop: true })}\n}\n}`,
      () => `for (;;) {\ntry {\n${nested(ctx, { inLoop: true })}\n} catch {\n${nested(ctx, { inLoop: true })}\n}\n}`,
      () => `for (let attempt = 0; attempt < ${pick(ctx, ['3', 'max', '1000', 'Infinity'])}; attempt++) {\ntry {\n${nested(ctx, { inLoop: true })}\n} catch (e) {\n${nested(ctx, { inLoop: true })}\n}\n}`,
      () => `do {\n${nested(ctx, { inLoop: true })}\n} while (${pick(ctx, ['retry', 'attempt < 5', 'true', '!closing'])});`,
      () => `for (const item of items) {\n${nested(ctx, { inLoop: true })}\n}`,
      () => `if (${pick(ctx, ['outageFlips.sharedFs', 'isSharedFsUp()', '!outageFlips.sharedFs', 'ready'])}) {\n${nested(ctx, {})}\n} else {\n${nested(ctx, {})}\n}`,
      () => `await withOutageFlip('shared-fs', async () => {\n${nested(ctx, { inLoop: false })}\n});`,
      () => `await sharedFsBreaker.fire(async () => {\n${nested(ctx, { inLoop: false })}\n});`,
      () => `items.${pick(ctx, ['forEach', 'map', 'filter'])}(async (data) => {\n${nested(ctx, { inLoop: false })}\n});`,
      () => `app.${pick(ctx, ['get', 'post', 'use'])}('/r', async (req, res) => {\n${nested(ctx, { inLoop: false })}\n});`,
      () => `emitter.on('${pick(ctx, ['error', 'close', 'data', 'message'])}', async () => {\n${nested(ctx, { inLoop: false })}\n});`,
      () => `setTimeout(${ctx.functions.length ? pick(ctx, ctx.functions) : 'noop'}, ${pick(ctx, ['0', '1000', 'delay'])});`,
      () => `${ctx.functions.length ? pick(ctx, ctx.functions) : 'noop'}(data).catch(() => ${ctx.functions.length ? pick(ctx, ctx.functions) : 'noop'}(data));`,
      () => `try {\n${nested(ctx, {})}\n} catch (err) {\n${nested(ctx, {})}\n} finally {\nattempt = 0;\n}`,
    );
  }
  return pick(ctx, options)();
}

const header = `import fs, { readFileSync } from 'fs';
import { stat } from 'fs/promises';
import path from 'path';
import { cloneDeep } from 'lodash';
import rfdc from 'rfdc';
import { withOutageFlip, outageFlips, isSharedFsUp } from './flips';
import axios from 'axios';
import got from 'got';
import http from 'node:http';
import { Pool } from 'pg';
const rfdcClone = rfdc();
const SHARED_ROOT = '/mnt/shared';
let data = {}, attempt = 0, delay = 100, retry = true, closing = false, ready = true, max = 5, name = 'x';
const api = axios.create({ baseURL: name });
const controller = new AbortController();
const options = { retry: { limit: 2 } };
const items = [];
`;

export function domainProgram(seed: number): string {
  const random = seededRandom(seed);
  const ctx: Context = { random, depth: 0, inLoop: false, functions: [] };
  const parts = [header];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const fn = `f${i}`;
    const kind = pick(ctx, ['function', 'hot', 'logger', 'component', 'exported']);
    const body = block({ ...ctx, depth: 1, functions: [...ctx.functions, fn] });
    if (kind === 'logger') parts.push(`class Req${i}Logger {\nasync log(data) {\n${body}\n}\n}`);
    else if (kind === 'hot') parts.push(`/** @hot */\nasync function ${fn}(data) {\n${body}\n}`);
    else if (kind === 'component') parts.push(`function Widget${i}(data) {\nconst copy = ${pick(ctx, clones)};\nreturn copy;\n}`);
    else parts.push(`${kind === 'exported' ? 'export ' : ''}async function ${fn}(data) {\n${body}\n}`);
    ctx.functions.push(fn);
  }
  parts.push(`app.get('/entry', async (req, res) => {\n${block({ ...ctx, depth: 2 })}\n});`);
  return parts.join('\n');
}
