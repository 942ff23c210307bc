/**
 * Webhook signatures. Retell signs each webhook with the account's API key: the `x-retell-signature`
 * header is `v=<timestamp ms>,d=<hex HMAC-SHA256 of (raw body + timestamp)>`. Web Crypto only, so this
 * runs in Node, Deno, Bun, browsers and edge runtimes.
 */
import { RetellError } from './errors.js';

export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from `now`, either way. Default 5 minutes. */
  toleranceMs?: number;
  /** The current time in ms (tests). Default `Date.now()`. */
  now?: number;
}

export class WebhookVerificationError extends RetellError {
  override name = 'WebhookVerificationError';
}

export const DEFAULT_WEBHOOK_TOLERANCE_MS = 5 * 60_000;
/** Longer headers are refused before any parsing: a valid one is ~80 characters. */
const MAX_HEADER_LENGTH = 200;
const SIGNATURE = /^v=(\d{1,15}),d=([0-9a-fA-F]{64})$/;
const encoder = new TextEncoder();

/** Signs a body the way Retell does; for tests and local tooling. */
export async function signWebhook(rawBody: string | Uint8Array, apiKey: string, timestamp: number = Date.now()): Promise<string> {
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new TypeError('signWebhook needs the API key that signs the webhook: got an empty or missing key.');
  }
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new TypeError(`signWebhook signs the raw body as a string or Uint8Array, got ${rawBody === null ? 'null' : typeof rawBody}.`);
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(`Invalid webhook timestamp ${String(timestamp)}: expected a non-negative integer of ms.`);
  }
  const mac = await hmac(apiKey, rawBody, String(timestamp));
  return `v=${timestamp},d=${toHex(mac)}`;
}

/**
 * True when `signatureHeader` is a well-formed signature of `rawBody` under `apiKey`, made within the
 * tolerance. Never throws: malformed input of any kind is `false`. Pass the body exactly as received
 * (re-serialized JSON will not match).
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  apiKey: string,
  signatureHeader: string | null | undefined,
  options: VerifyWebhookOptions = {},
): Promise<boolean> {
  try {
    const parsed = parseSignature(rawBody, apiKey, signatureHeader, options);
    if (!parsed) return false;
    const expected = await hmac(apiKey, rawBody, parsed.stamp);
    return constantTimeEqual(expected, fromHex(parsed.digest));
  } catch {
    return false;
  }
}

/**
 * `verifyWebhook` returning a plain boolean, for the `Retell.verify(body, apiKey, signature)` form of
 * Retell's docs (`if (!Retell.verify(...))`: a Promise there would always pass). Web Crypto has no
 * synchronous HMAC, so this uses the runtime's `node:crypto` (Node >= 20.16, Bun, Deno); elsewhere it
 * throws and `verifyWebhook` is the way. Never throws on bad input: it is `false`.
 */
export function verifyWebhookSync(
  rawBody: string | Uint8Array,
  apiKey: string,
  signatureHeader: string | null | undefined,
  options: VerifyWebhookOptions = {},
): boolean {
  const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as
    | { createHmac(alg: string, key: string): Hmac }
    | undefined;
  if (!nodeCrypto) throw new RetellError('Retell.verify needs node:crypto (Node >= 20.16, Bun, Deno); use `await verifyWebhook(...)` elsewhere.');
  try {
    const parsed = parseSignature(rawBody, apiKey, signatureHeader, options);
    if (!parsed) return false;
    const mac = nodeCrypto.createHmac('sha256', apiKey).update(rawBody).update(parsed.stamp).digest();
    return constantTimeEqual(new Uint8Array(mac), fromHex(parsed.digest));
  } catch {
    return false;
  }
}

interface Hmac {
  update(data: string | Uint8Array): Hmac;
  digest(): Uint8Array;
}

/** The checks both verifiers share: shape, size and tolerance. The timestamp and digest, or undefined. */
function parseSignature(
  rawBody: unknown,
  apiKey: unknown,
  signatureHeader: unknown,
  options: VerifyWebhookOptions,
): { stamp: string; digest: string } | undefined {
  if (typeof signatureHeader !== 'string' || signatureHeader.length > MAX_HEADER_LENGTH) return undefined;
  if (typeof apiKey !== 'string' || apiKey === '') return undefined;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) return undefined;
  const match = SIGNATURE.exec(signatureHeader.trim());
  if (!match) return undefined;
  const [, stamp = '', digest = ''] = match;
  const tolerance = options.toleranceMs ?? DEFAULT_WEBHOOK_TOLERANCE_MS;
  const now = options.now ?? Date.now();
  if (!(Math.abs(now - Number(stamp)) <= tolerance)) return undefined;
  return { stamp, digest };
}

/** Verifies, then parses the body as a webhook event; throws `WebhookVerificationError` otherwise. */
export async function parseWebhookEvent<Event = unknown>(
  rawBody: string | Uint8Array,
  apiKey: string,
  signatureHeader: string | null | undefined,
  options?: VerifyWebhookOptions,
): Promise<Event> {
  if (!(await verifyWebhook(rawBody, apiKey, signatureHeader, options))) {
    throw new WebhookVerificationError('Invalid webhook signature: the body, the key, or the timestamp does not match.');
  }
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  try {
    return JSON.parse(text) as Event;
  } catch {
    throw new WebhookVerificationError('Webhook body is signed but is not valid JSON.');
  }
}

async function hmac(apiKey: string, body: string | Uint8Array, stamp: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(apiKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const head = typeof body === 'string' ? encoder.encode(body) : body;
  const tail = encoder.encode(stamp);
  const message = new Uint8Array(head.length + tail.length);
  message.set(head);
  message.set(tail, head.length);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
}

/** Compares every byte whatever the first difference, so timing does not reveal a matching prefix. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
