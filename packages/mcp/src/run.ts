/**
 * Entry for running from source (`node --conditions=source --import tsx src/run.ts`): the bin uses it
 * when the package is not built, and the tests spawn it as an editor would spawn the server.
 */
import path from 'node:path';
import { main } from './cli.js';

// process.argv[1] is src/run.ts; its folder's parent is the package root.
const packageRoot = path.resolve(path.dirname(process.argv[1] ?? '.'), '..');
main(process.argv.slice(2), packageRoot, path.join(packageRoot, 'src/sandbox-worker.ts')).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`retell-kit-mcp: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
