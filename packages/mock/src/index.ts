/**
 * `@retell-kit/mock`: a local, stateful mock of the Retell API built from the spec, and the spec-derived
 * data it runs on. This entry is the composition root: the server code takes its spec and samples as
 * arguments, and only here are they bound to the generated data.
 */
import { mockSpec, samples } from './generated/index.js';
import { runCli, runCliCommand, type CliIO, type SpecLoader } from './cli-run.js';
import { interceptSpec, type InterceptOptions, type NockLike, type NockScopeLike } from './nock.js';
import { startServer, type MockServer, type MockServerOptions } from './server.js';

export { mockSpec, samples };
export { startServer, DEFAULT_MAX_BODY_BYTES, type MockServer, type MockServerOptions } from './server.js';
export { parseArgs, UsageError, DEFAULT_PORT, type CliIO, type CliOutcome, type SpecLoader } from './cli-run.js';
export { SchemaValidator, type ValidationIssue } from './validate/ajv.js';
export { explain, type Explained } from './validate/explain.js';
export { formToObject, filesToNames, splitKey, type FormObject, type FormValue, type UploadedFile } from './http/form.js';
export { MockStore, type Reply } from './state/store.js';
export { RESOURCES, type ResourceDef } from './state/resources.js';
export type * from './model.js';
export type { InterceptOptions, NockLike, NockScopeLike, Override } from './nock.js';

/**
 * Starts the mock server over the spec this package was generated from. Given command-line arguments
 * instead of options (how `retell-kit mock` forwards its flags), it runs the CLI: flags parsed, address
 * printed, stopped on SIGINT; it then resolves `undefined` after `--help` or a usage error.
 */
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
export function startMockServer(argv: readonly string[]): Promise<MockServer | undefined>;
export function startMockServer(arg: MockServerOptions | readonly string[] = {}): Promise<MockServer | undefined> {
  if (Array.isArray(arg)) return runMockCli(arg as readonly string[]);
  return startServer(mockSpec, samples, arg as MockServerOptions);
}

/**
 * The `retell-kit mock` command: flags as on the command line; see `--help`. `loadSpec` turns a
 * `--spec <file>` into mock data (the generator passes its own); without it `--spec` is a usage error.
 */
export function runMockCli(argv: readonly string[], io?: CliIO, loadSpec?: SpecLoader): Promise<MockServer | undefined> {
  return runCli(argv, (options, data) => startServer(data?.mockSpec ?? mockSpec, data?.samples ?? samples, options), io, loadSpec);
}

/** As `runMockCli`, resolving the exit code (0, 1, or 2 for a usage error); the server keeps running. */
export async function mockCommand(argv: readonly string[], options: { io?: CliIO; loadSpec?: SpecLoader } = {}): Promise<number> {
  const outcome = await runCliCommand(argv, (o, data) => startServer(data?.mockSpec ?? mockSpec, data?.samples ?? samples, o), options.io, options.loadSpec);
  return outcome.code;
}

/**
 * Registers a nock interceptor for every route of the Retell API answering the spec's samples:
 * `interceptRetell(nock, { overrides: { getAgent: { status: 404, body: { message: 'gone' } } } })`.
 */
export function interceptRetell<Scope extends NockScopeLike>(nock: NockLike<Scope>, options?: InterceptOptions): Scope {
  return interceptSpec(nock, mockSpec, samples, options);
}
