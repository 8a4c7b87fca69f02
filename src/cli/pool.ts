/** A small worker_threads pool: one task per worker at a time, tasks queued in order. */
import { Worker } from 'node:worker_threads';
import type { TransformOutcome, TransformSetup, TransformTask } from './transform-file';

interface Pending {
  id: number;
  task: TransformTask;
  resolve: (outcome: TransformOutcome) => void;
}

export class TransformPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;
  private alive: number;
  private closing = false;

  /** `setup` reaches each worker once, as its start-up data. */
  constructor(size: number, workerFile: string, setup: TransformSetup) {
    this.alive = size;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile, { workerData: setup });
      worker.on('message', (message: { id: number; outcome: TransformOutcome }) => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        if (pending && pending.id === message.id) pending.resolve(message.outcome);
        this.idle.push(worker);
        this.dispatch();
      });
      let crash = 'worker stopped';
      worker.on('error', (error) => {
        crash = `worker crashed: ${error.message}`;
      });
      worker.on('exit', () => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        const idleAt = this.idle.indexOf(worker);
        if (idleAt !== -1) this.idle.splice(idleAt, 1);
        this.alive--;
        if (!this.closing) pending?.resolve({ ok: false, error: crash });
        if (this.alive === 0) {
          for (const queued of this.queue.splice(0)) queued.resolve({ ok: false, error: 'every worker stopped; file not transformed' });
        }
      });
      this.idle.push(worker);
    }
  }

  run(task: TransformTask): Promise<TransformOutcome> {
    return new Promise((resolve) => {
      if (this.alive === 0) {
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
    await Promise.all([...this.idle, ...this.running.keys()].map((worker) => worker.terminate()));
  }
}
