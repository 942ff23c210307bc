// Runs the `types` emitter (openapi-typescript) on a worker thread: TypeScript and openapi-typescript
// load here while the main thread loads the spec, and the transform runs beside the other emitters.
// Plain JavaScript that registers tsx itself, so it works whether or not the parent runs under tsx.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { emitSchema } = await import('./schema.ts');

parentPort.on('message', (message) => {
  try {
    const spec = { ...message.spec, document: JSON.parse(message.documentJson) };
    parentPort.postMessage({ file: emitSchema(spec) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
