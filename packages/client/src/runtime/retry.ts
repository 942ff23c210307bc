/**
 * The retry policy, in one place: which responses are retried and how long to wait before the next
 * attempt. Pure functions of the response headers, the status and the attempt number.
 */

/** A server-given wait longer than this is ignored in favour of our own backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * Connection errors are handled by the transport; this decides for an error response that did arrive
 * (the transport, like retell-sdk, never retries a 2xx, so a success pays for no header lookup).
 */
export function shouldRetryResponse(response: Response): boolean {
  // The server may decide explicitly; it knows whether the failure was transient.
  const explicit = response.headers.get('x-should-retry');
  if (explicit === 'true') return true;
  if (explicit === 'false') return false;
  const s = response.status;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}

/**
 * Milliseconds to wait before retry number `retry` (1-based). `retry-after-ms` wins over `retry-after`
 * (seconds or an HTTP date); a missing, unparsable, negative or over-long value falls back to exponential
 * backoff (0.5 s, 1 s, 2 s, ... capped at 8 s) with up to 25 % jitter so clients that failed together do
 * not retry together.
 */
export function retryDelayMs(retry: number, headers: Headers | undefined, now = Date.now(), random = Math.random): number {
  const fromServer = headers ? serverDelayMs(headers, now) : undefined;
  if (fromServer !== undefined && fromServer >= 0 && fromServer <= MAX_RETRY_AFTER_MS) return fromServer;
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return base * (1 - random() * 0.25);
}

function serverDelayMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value)) return value;
  }
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : date - now;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
