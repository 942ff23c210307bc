/**
 * Runs `emitSchema` on a worker thread (see schema-worker.mjs). Same input, same output as calling it
 * directly; the pipeline uses this for large specs so the heaviest emitter overlaps with the others.
 */
import { Worker } from 'node:worker_threads';
import type { LoadedSpec } from '../../load/index.js';
import type { TextFile } from '../files.js';

export class SchemaWorker {
  private readonly worker = new Worker(new URL('./schema-worker.mjs', import.meta.url));

  /** With `format`, the worker also formats the file and returns it as plain text (header included). */
  emit(spec: LoadedSpec, format = false): Promise<TextFile> {
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean; file?: TextFile; error?: string }): void => {
        if (msg.ready) return;
        this.worker.off('message', onMessage);
        if (msg.file) resolve(msg.file);
        else reject(new Error(`types emitter failed: ${msg.error ?? 'unknown error'}`));
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      // Only plain data crosses the boundary; a JSON string is faster than a structured clone of the document.
      const { file, version, hash } = spec;
      this.worker.postMessage({ spec: { file, version, hash }, documentJson: JSON.stringify(spec.document), format });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
