/**
 * API keys: where a call's key comes from, and how keys stay out of logs. Over HTTP the key travels
 * with each request (`Authorization: Bearer` or `X-Retell-Api-Key`); a session is bound to a hash of
 * the key that opened it, so another key cannot use it.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

type Headers = IncomingHttpHeaders | Record<string, string | string[] | undefined>;

export function keyFromHeaders(headers: Headers): string | undefined {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const explicit = one(headers['x-retell-api-key'])?.trim();
  if (explicit) return explicit.slice(0, 500);
  const auth = one(headers['authorization'])?.trim();
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  return bearer ? bearer.slice(0, 500) : undefined;
}

/** A short fingerprint to compare keys without keeping them. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Removes anything key-like from a log line (the key itself when known, and bearer tokens). */
export function redact(line: string, key?: string): string {
  let out = line.replace(/(Bearer\s+)\S+/gi, '$1[redacted]');
  if (key && key.length >= 4) out = out.split(key).join('[redacted]');
  return out;
}
