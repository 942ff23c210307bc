// Runs the `types` emitter (openapi-typescript) on a worker thread: TypeScript and openapi-typescript
// load here while the main thread loads the spec, and the transform runs beside the other emitters.
// Plain JavaScript that registers tsx itself, so it works whether or not the parent runs under tsx.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
(await import('./share-modules.ts')).shareModules();
const { emitSchema } = await import('./schema.ts');
const { textJob } = await import('../../write/header.ts');
const { formatAll } = await import('../../write/format.ts');

parentPort.on('message', async (message) => {
  try {
    const spec = { ...message.spec, document: JSON.parse(message.documentJson) };
    const file = emitSchema(spec);
    if (!message.format) {
      parentPort.postMessage({ file });
      return;
    }
    // Formatted here (same splitting and options as the main thread), returned ready to write.
    const job = textJob(file);
    const text = (await formatAll([job])).get(job.path);
    parentPort.postMessage({ file: { path: file.path, text } });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
