/**
 * Input errors of the diff: a side that cannot be read, a revision without a spec, an invalid document,
 * bad arguments. They carry which side failed and map to exit code 2 (1 is reserved for "findings at or
 * above --fail-on").
 */
export type SideName = 'base' | 'head';

export class DiffInputError extends Error {
  override readonly name = 'DiffInputError';

  constructor(
    readonly side: SideName | null,
    message: string,
  ) {
    super(side === null ? message : `${side}: ${message}`);
  }
}
