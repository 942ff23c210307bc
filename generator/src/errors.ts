/**
 * Named errors of the generator. Every failure the user can cause (a bad spec, a bad flag, an output
 * directory we cannot write) has its own class so the CLI can map it to an exit code and print where
 * the problem is (file and JSON pointer) instead of a stack trace.
 */

/** Base class: `exitCode` is what the CLI exits with when this error reaches it. */
export class GeneratorError extends Error {
  readonly exitCode: number = 1;
}

/** One problem in the OpenAPI document, located by file and JSON pointer when known. */
export class SpecError extends GeneratorError {
  override readonly name = 'SpecError';
  constructor(
    /** Stable machine-readable kind, e.g. `dangling-ref`, `duplicate-operation-id`. */
    readonly code: string,
    message: string,
    readonly file?: string,
    readonly pointer?: string,
  ) {
    super(message);
  }

  /** `file#/json/pointer: message` (the form printed by the CLI). */
  describe(): string {
    const where = [this.file ?? '', this.pointer ? `#${this.pointer.replace(/^#/, '')}` : ''].join('');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** Several spec problems found in one pass, reported together so the user can fix them all at once. */
export class SpecErrors extends GeneratorError {
  override readonly name = 'SpecErrors';
  constructor(readonly errors: readonly SpecError[]) {
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the OpenAPI document:\n` +
        errors.map((e) => `  [${e.code}] ${e.describe()}`).join('\n'),
    );
  }
}

/** A bad command line: unknown flag, missing value, unknown command. */
export class ConfigError extends GeneratorError {
  override readonly name = 'ConfigError';
  override readonly exitCode = 2;
}

/** The output could not be written (permissions, missing parent, disk full). Nothing was changed. */
export class WriteError extends GeneratorError {
  override readonly name = 'WriteError';
  override readonly exitCode = 3;
  constructor(
    message: string,
    readonly path: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** Throws the aggregate when `errors` is not empty; a single error is thrown as itself. */
export function throwIfAny(errors: readonly SpecError[]): void {
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new SpecErrors(errors);
}
