/**
 * `pnpm mock` / `retell-kit mock`: parse flags (node:util `parseArgs`), start the server, print where
 * it listens, stop cleanly on SIGINT/SIGTERM. A bad flag prints what is wrong and exits 2, the
 * convention for usage errors; a spec that cannot be loaded or a port that cannot be bound exits 1.
 * `--spec <file>` serves any OpenAPI document instead of the Retell API the package was generated from;
 * the mock data for it comes from the caller's `loadSpec` (the generator, which this package does not
 * depend on).
 */
import { parseArgs as parseFlags } from 'node:util';
import type { MockSpec, SampleTable } from './model.js';
import type { MockServer, MockServerOptions } from './server.js';
import { DEFAULT_MAX_BODY_BYTES } from './server.js';
import { RESOURCES } from './state/resources.js';

export const DEFAULT_PORT = 4010;

const USAGE = `Usage: retell-kit mock [--spec <file>] [--port <n>] [--host <address>] [--max-body-bytes <n>] [--quiet]

Starts a local, stateful mock of the Retell API (or of any OpenAPI document with --spec). Point a client
at the printed URL with any API key.
  --spec <file>         serve this OpenAPI 3.0/3.1 (or Swagger 2.0) document instead of the Retell API
  --port <n>            port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>      interface to bind (default 127.0.0.1)
  --max-body-bytes <n>  larger request bodies get a 413 (default ${DEFAULT_MAX_BODY_BYTES})
  --quiet               do not log each request
  --help                print this text`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions extends MockServerOptions {
  readonly help?: boolean;
  readonly quiet?: boolean;
  /** An OpenAPI document to serve instead of the generated Retell data. */
  readonly spec?: string;
}

/** Mock data for a spec file (`--spec`): the generator's mocks emitter, run in memory. */
export type SpecLoader = (file: string) => Promise<{ readonly mockSpec: unknown; readonly samples: unknown; readonly warnings?: readonly string[] }>;

function integer(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || raw === '') throw new UsageError(`${flag} needs a value.`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${raw}".`);
  return n;
}

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'max-body-bytes': { type: 'string' },
  spec: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseArgs(argv: readonly string[]): CliOptions {
  let values: { [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'string' ? string : boolean };
  try {
    ({ values } = parseFlags({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (err) {
    const e = err as Error & { code?: string };
    // node:util's messages name the flag; make the common ones read like the rest of the CLI.
    const unknown = /Unknown option '([^']+)'/.exec(e.message);
    if (unknown) throw new UsageError(`Unknown argument "${unknown[1]}".`);
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(e.message);
    if (missing) throw new UsageError(`${missing[1]} needs a value.`);
    const positional = /Unexpected argument '([^']+)'/.exec(e.message);
    if (positional) throw new UsageError(`Unknown argument "${positional[1]}".`);
    throw new UsageError(e.message);
  }
  if (values.help) return { help: true };
  if (values.spec !== undefined && values.spec === '') throw new UsageError('--spec needs a value.');
  if (values.host !== undefined && values.host === '') throw new UsageError('--host needs a value.');
  return {
    port: values.port === undefined ? DEFAULT_PORT : integer('--port', values.port, 0, 65535),
    host: values.host ?? '127.0.0.1',
    maxBodyBytes: values['max-body-bytes'] === undefined ? DEFAULT_MAX_BODY_BYTES : integer('--max-body-bytes', values['max-body-bytes'], 1, 2 ** 31),
    quiet: values.quiet ?? false,
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
  };
}

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIO: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

export type StartFn = (options: MockServerOptions, data?: { mockSpec: MockSpec; samples: SampleTable }) => Promise<MockServer>;

/** The outcome of one CLI run: the running server (none after `--help` or an error) and the exit code. */
export interface CliOutcome {
  readonly server?: MockServer;
  readonly code: number;
}

/** Runs the CLI; never rejects: errors are printed and give the exit code. */
export async function runCliCommand(argv: readonly string[], start: StartFn, io: CliIO = defaultIO, loadSpec?: SpecLoader): Promise<CliOutcome> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    io.err(`retell-kit mock: ${(err as Error).message}\n\n${USAGE}`);
    return { code: 2 };
  }
  if (options.help) {
    io.out(USAGE);
    return { code: 0 };
  }
  let data: { mockSpec: MockSpec; samples: SampleTable } | undefined;
  if (options.spec !== undefined) {
    if (!loadSpec) {
      io.err('retell-kit mock: --spec needs the generator (run it as `retell-kit mock --spec <file>`).');
      return { code: 2 };
    }
    try {
      const loaded = await loadSpec(options.spec);
      for (const w of loaded.warnings ?? []) io.err(`warning: ${w}`);
      data = { mockSpec: loaded.mockSpec as MockSpec, samples: loaded.samples as SampleTable };
    } catch (err) {
      io.err(`retell-kit mock: cannot serve ${options.spec}: ${(err as Error).message}`);
      return { code: 1 };
    }
  }
  const { spec: _spec, help: _help, quiet, ...serverOptions } = options;
  let server: MockServer;
  try {
    server = await start({ ...serverOptions, ...(quiet ? {} : { log: io.out }) }, data);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.err(`retell-kit mock: cannot listen on ${options.host}:${options.port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (try --port 0)' : e.message}`);
    return { code: 1 };
  }
  const stateful = data ? 'none' : RESOURCES.map((r) => r.resource).join(', ');
  io.out(`${data ? server.spec.title || 'API' : 'Retell'} mock server listening on ${server.url} (${server.spec.routes.length} routes, spec ${server.spec.version}; stateful: ${stateful}).`);
  if (!data) io.out(`Use it with: new Retell({ apiKey: 'any-key', baseURL: '${server.url}' })`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { server, code: 0 };
}

/** As `runCliCommand`, setting `process.exitCode` instead of returning it (the original API). */
export async function runCli(argv: readonly string[], start: StartFn, io: CliIO = defaultIO, loadSpec?: SpecLoader): Promise<MockServer | undefined> {
  const outcome = await runCliCommand(argv, start, io, loadSpec);
  if (outcome.code !== 0) process.exitCode = outcome.code;
  return outcome.server;
}
