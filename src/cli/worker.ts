/**
 * Worker thread of the `resilience codemod` pool: transforms files, never
 * writes them (the main thread does). The codemod is prepared once, from the
 * start-up data; each message carries one file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CodemodSettings } from '../codemod/settings-source';
import { errorText, prepareTransform, transformFile, type TransformOutcome, type TransformSetup, type TransformTask } from './transform-file';

let transform: (task: TransformTask) => TransformOutcome;
try {
  const prepared = prepareTransform(workerData as TransformSetup);
  // Every task's settings arrive as a fresh copy: hand the rules one object per
  // distinct value, so they validate each value once (their cache is keyed by the object).
  const settingsByText = new Map<string, CodemodSettings>();
  const intern = (settings: CodemodSettings): CodemodSettings => {
    const text = JSON.stringify(settings);
    let known = settingsByText.get(text);
    if (!known) settingsByText.set(text, (known = settings));
    return known;
  };
  transform = (task) => transformFile(prepared, { ...task, settings: intern(task.settings) });
} catch (error) {
  const outcome: TransformOutcome = { ok: false, error: errorText(error) };
  transform = () => outcome;
}

parentPort?.on('message', (message: { id: number; task: TransformTask }) => {
  parentPort!.postMessage({ id: message.id, outcome: transform(message.task) });
});
