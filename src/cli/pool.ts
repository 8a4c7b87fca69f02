/**
 * A small worker_threads pool: one task per worker at a time, tasks queued in
 * order. A worker that dies while transforming a file (a crash, or a file
 * that exhausts the worker's memory limit) turns that file into an error
 * entry and is replaced, so the run goes on.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { TransformOutcome, TransformSetup, TransformTask } from './transform-file';

interface Pending {
  id: number;
  task: TransformTask;
  resolve: (outcome: TransformOutcome) => void;
}

/** Heap limit of each worker, in MB: `RESILIENCE_WORKER_MEMORY_MB`, default 4096. */
export function workerMemoryLimitMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.RESILIENCE_WORKER_MEMORY_MB);
  return Number.isInteger(value) && value >= 16 ? value : 4096;
}

export class TransformPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly workers = new Set<Worker>();
  private nextId = 0;
  private closing = false;
  private readonly resourceLimits: ResourceLimits;

  /** `setup` reaches each worker once, as its start-up data. */
  constructor(
    size: number,
    private readonly workerFile: string,
    private readonly setup: TransformSetup,
  ) {
    this.resourceLimits = { maxOldGenerationSizeMb: workerMemoryLimitMb() };
    for (let i = 0; i < size; i++) this.start();
  }

  private start(): void {
    const worker = new Worker(this.workerFile, { workerData: this.setup, resourceLimits: this.resourceLimits });
    this.workers.add(worker);
    worker.on('message', (message: { id: number; outcome: TransformOutcome }) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      if (pending && pending.id === message.id) pending.resolve(message.outcome);
      this.idle.push(worker);
      this.dispatch();
    });
    let crash = 'the worker stopped';
    worker.on('error', (error: Error & { code?: string }) => {
      crash =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the transform ran out of memory (worker heap limit ${this.resourceLimits.maxOldGenerationSizeMb} MB; RESILIENCE_WORKER_MEMORY_MB sets it); file not transformed`
          : `the worker crashed: ${error.message}; file not transformed`;
    });
    worker.on('exit', (code) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.workers.delete(worker);
      const idleAt = this.idle.indexOf(worker);
      if (idleAt !== -1) this.idle.splice(idleAt, 1);
      if (this.closing) return;
      if (pending) {
        pending.resolve({ ok: false, error: crash === 'the worker stopped' ? `the worker exited (code ${code}) while transforming this file; file not transformed` : crash });
        // The file took the worker down: a fresh one takes its place for the others.
        this.start();
        this.dispatch();
      } else if (this.workers.size === 0) {
        for (const queued of this.queue.splice(0)) queued.resolve({ ok: false, error: `every worker stopped (${crash}); file not transformed` });
      }
    });
    this.idle.push(worker);
  }

  run(task: TransformTask): Promise<TransformOutcome> {
    return new Promise((resolve) => {
      if (this.workers.size === 0) {
        resolve({ ok: false, error: 'every worker stopped; file not transformed' });
        return;
      }
      this.queue.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }
}
