/** Worker thread of the `resilience codemod` pool: transforms files, never writes them (the main thread does). */
import { parentPort } from 'node:worker_threads';
import { transformFile, type TransformTask } from './transform-file';

parentPort?.on('message', (message: { id: number; task: TransformTask }) => {
  parentPort!.postMessage({ id: message.id, outcome: transformFile(message.task) });
});
