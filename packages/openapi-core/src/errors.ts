/**
 * Named errors of the spec core. Every problem a spec can cause has its own class carrying where it is
 * (file and JSON pointer), so every command (generate, diff, sync) can print it instead of a stack
 * trace and map it to an exit code. Errors of one command only (a bad flag, an unwritable output
 * directory) are declared by that command and extend `GeneratorError`.
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

/** The pipeline stages a `StageError` names. */
export type Stage = 'load' | 'convert' | 'ir' | 'emit' | 'format' | 'write';

/**
 * An unexpected failure inside one stage (a bug, or a spec shape a stage cannot handle), reported with
 * the stage, the emitter or file, and the operation or JSON pointer it was working on, instead of an
 * uncaught stack. The original error stays available as `cause` (printed with `--debug`).
 */
export class StageError extends GeneratorError {
  override readonly name = 'StageError';
  constructor(
    readonly stage: Stage,
    readonly where: { readonly file?: string; readonly pointer?: string; readonly operation?: string; readonly part?: string },
    override readonly cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const at = [
      where.part ? `${where.part}` : '',
      where.operation ? `operation "${where.operation}"` : '',
      where.file || where.pointer ? `${where.file ?? ''}${where.pointer ? `#${where.pointer.replace(/^#/, '')}` : ''}` : '',
    ].filter(Boolean);
    super(`${stage} stage failed${at.length > 0 ? ` at ${at.join(', ')}` : ''}: ${detail.split('\n')[0]!.slice(0, 500)}`);
  }
}

/**
 * Runs `fn` as part of `stage`: named generator errors pass through unchanged, anything else becomes a
 * `StageError` located by `where`. Nested calls keep the innermost (most precise) location.
 */
export function inStage<T>(stage: Stage, where: StageError['where'], fn: () => T): T {
  try {
    const value = fn();
    if (value instanceof Promise) {
      return value.catch((error: unknown) => {
        throw error instanceof GeneratorError ? error : new StageError(stage, where, error);
      }) as T;
    }
    return value;
  } catch (error) {
    throw error instanceof GeneratorError ? error : new StageError(stage, where, error);
  }
}

/** Throws the aggregate when `errors` is not empty; a single error is thrown as itself. */
export function throwIfAny(errors: readonly SpecError[]): void {
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new SpecErrors(errors);
}
