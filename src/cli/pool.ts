/** A small worker_threads pool: one task per worker at a time, tasks queued in order. */
import { Worker } from 'node:worker_threads';
import type { TransformOutcome, TransformTask } from './transform-file';

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

  constructor(size: number, workerFile: string) {
    this.alive = size;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile);
      worker.on('message', (message: { id: number; outcome: TransformOutcome }) => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        if (pending && pending.id === message.id) pending.resolve(message.outcome);
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (error) => {
        const pending = this.running.get(worker);
        this.running.delete(worker);
        this.alive--;
        pending?.resolve({ ok: false, error: `worker crashed: ${error.message}` });
        if (this.alive === 0) {
          for (const queued of this.queue.splice(0)) queued.resolve({ ok: false, error: 'every worker crashed; file not transformed' });
        }
      });
      this.idle.push(worker);
    }
  }

  run(task: TransformTask): Promise<TransformOutcome> {
    return new Promise((resolve) => {
      if (this.alive === 0) {
        resolve({ ok: false, error: 'every worker crashed; file not transformed' });
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
    await Promise.all([...this.idle, ...this.running.keys()].map((worker) => worker.terminate()));
  }
}
