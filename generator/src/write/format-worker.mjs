// Worker thread of the format pool: formats the texts it is sent with prettier and posts them back.
// Plain JavaScript so it starts without a TypeScript loader.
import { parentPort } from 'node:worker_threads';
import { format } from 'prettier';

parentPort.on('message', async (job) => {
  try {
    const text = await format(job.text, { ...job.options, parser: job.parser });
    parentPort.postMessage({ id: job.id, text });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
