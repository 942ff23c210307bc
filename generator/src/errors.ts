/**
 * The generator's own errors (a bad flag, an output directory we cannot write), beside the spec errors
 * it shares with every other command through the core (`SpecError`, `StageError`, ...), re-exported
 * here so that the CLI maps all of them to exit codes in one place.
 */
import { GeneratorError } from './core.js';

export { GeneratorError, inStage, SpecError, SpecErrors, StageError, throwIfAny, type Stage } from './core.js';

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
