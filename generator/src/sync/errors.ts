/**
 * Errors of `retell-kit sync`. Bad input (not an SDK, an unknown version, no network and no cached copy, a
 * bad flag) is a usage error of the command: exit 2, with a stable code a CI job can match on. A spec that
 * is behind the SDK is not an error: the command reports it and exits 1.
 */
import { GeneratorError } from '../errors.js';

export type SyncInputCode = 'not-an-sdk' | 'unknown-version' | 'offline-no-cache' | 'bad-flag' | 'fetch-failed';

export class SyncInputError extends GeneratorError {
  override readonly name = 'SyncInputError';
  override readonly exitCode = 2;
  constructor(
    readonly code: SyncInputCode,
    message: string,
  ) {
    super(`[${code}] ${message}`);
  }
}
