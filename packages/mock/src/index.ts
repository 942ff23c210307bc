/**
 * `@retell-kit/mock`: a local, stateful mock of the Retell API built from the spec, and the spec-derived
 * data it runs on. This entry is the composition root: the server code takes its spec and samples as
 * arguments, and only here are they bound to the generated data.
 */
import { mockSpec, samples } from './generated/index.js';
import { runCli, type CliIO } from './cli-run.js';
import { startServer, type MockServer, type MockServerOptions } from './server.js';

export { mockSpec, samples };
export { startServer, DEFAULT_MAX_BODY_BYTES, type MockServer, type MockServerOptions } from './server.js';
export { parseArgs, UsageError, DEFAULT_PORT, type CliIO } from './cli-run.js';
export { SchemaValidator, type ValidationIssue } from './validate/ajv.js';
export { explain, type Explained } from './validate/explain.js';
export { formToObject, filesToNames, splitKey, type FormObject, type FormValue, type UploadedFile } from './http/form.js';
export { MockStore, type Reply } from './state/store.js';
export { RESOURCES, type ResourceDef } from './state/resources.js';
export type * from './model.js';

/** Starts the mock server over the spec this package was generated from. */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  return startServer(mockSpec, samples, options);
}

/** The `retell-kit mock` command: flags as on the command line; see `--help`. */
export function runMockCli(argv: readonly string[], io?: CliIO): Promise<MockServer | undefined> {
  return runCli(argv, startMockServer, io);
}
