/**
 * The type checker's thread: the warm TypeScript language service (typecheck.ts) answering one check
 * at a time by message, so neither its warm-up (seconds) nor a check (~100 ms) holds the server's
 * event loop while other sessions are being served.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transpileWithMap, TypeChecker } from './typecheck.js';

const port = parentPort;
if (port) {
  const checker = new TypeChecker((workerData as { packageRoot: string }).packageRoot);
  port.on('message', (msg: { id: number; code?: string }) => {
    try {
      if (msg.code === undefined) {
        checker.warmUp();
        port.postMessage({ id: msg.id, diagnostics: [] });
      } else {
        const diagnostics = checker.check(msg.code);
        port.postMessage({ id: msg.id, diagnostics, ...(diagnostics.length === 0 ? transpileWithMap(msg.code) : {}) });
      }
    } catch (error) {
      port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
