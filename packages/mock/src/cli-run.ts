/**
 * `pnpm mock` / `retell-kit mock`: parse flags, start the server, print where it listens, stop cleanly
 * on SIGINT/SIGTERM. A bad flag prints what is wrong and exits 2, the convention for usage errors.
 */
import type { MockServer, MockServerOptions } from './server.js';
import { DEFAULT_MAX_BODY_BYTES } from './server.js';
import { RESOURCES } from './state/resources.js';

export const DEFAULT_PORT = 4010;

const USAGE = `Usage: retell-kit mock [--port <n>] [--host <address>] [--max-body-bytes <n>] [--quiet]

Starts a local, stateful mock of the Retell API. Point a client at the printed URL with any API key.
  --port <n>            port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>      interface to bind (default 127.0.0.1)
  --max-body-bytes <n>  larger request bodies get a 413 (default ${DEFAULT_MAX_BODY_BYTES})
  --quiet               do not log each request`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions extends MockServerOptions {
  readonly help?: boolean;
  readonly quiet?: boolean;
}

function integer(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new UsageError(`${flag} needs a value.`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${raw}".`);
  return n;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  let port = DEFAULT_PORT;
  let host = '127.0.0.1';
  let maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        port = integer('--port', value(), 0, 65535);
        break;
      case '--host': {
        const h = value();
        if (!h) throw new UsageError('--host needs a value.');
        host = h;
        break;
      }
      case '--max-body-bytes':
        maxBodyBytes = integer('--max-body-bytes', value(), 1, 2 ** 31);
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--help':
      case '-h':
        return { help: true };
      default:
        throw new UsageError(`Unknown argument "${argv[i]}".`);
    }
  }
  return { port, host, maxBodyBytes, quiet };
}

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIO: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs the CLI; resolves with the running server (or `undefined` after `--help`), rejects never: errors set the exit code. */
export async function runCli(argv: readonly string[], start: (o: MockServerOptions) => Promise<MockServer>, io: CliIO = defaultIO): Promise<MockServer | undefined> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    io.err(`retell-kit mock: ${(err as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
  if (options.help) {
    io.out(USAGE);
    return undefined;
  }
  let server: MockServer;
  try {
    server = await start({ ...options, ...(options.quiet ? {} : { log: io.out }) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.err(`retell-kit mock: cannot listen on ${options.host}:${options.port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (try --port 0)' : e.message}`);
    process.exitCode = 1;
    return undefined;
  }
  const stateful = RESOURCES.map((r) => r.resource).join(', ');
  io.out(`Retell mock server listening on ${server.url} (${server.spec.routes.length} routes, spec ${server.spec.version}; stateful: ${stateful}).`);
  io.out(`Use it with: new Retell({ apiKey: 'any-key', baseURL: '${server.url}' })`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
