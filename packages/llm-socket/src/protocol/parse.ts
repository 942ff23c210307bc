/**
 * Turning one socket frame into a plain JSON object, safely: JSON.parse (a stack overflow on absurd
 * nesting is caught and reported as too deep), then one iterative walk that enforces the depth bound and
 * removes `__proto__`, `constructor` and `prototype` keys, so no later spread or merge of the message
 * can reach an object's prototype. The size bound is ws's `maxPayload`, applied before the frame is read.
 */
import { LlmSocketError } from './errors.js';

export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export type JsonObject = Record<string, unknown>;

/** Enforces the depth bound and strips prototype-reaching keys in place; throws `too-deep`. */
export function sanitize(value: unknown, maxDepth = DEFAULT_MAX_DEPTH): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) throw new LlmSocketError('too-deep', `message is nested deeper than ${maxDepth} levels`);
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
      continue;
    }
    const record = node as JsonObject;
    for (const key of UNSAFE_KEYS) if (Object.prototype.hasOwnProperty.call(record, key)) delete record[key];
    for (const key in record) {
      const child = record[key];
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
}

/** Parses a frame into a JSON object; throws `LlmSocketError` ('malformed-json' or 'too-deep'). */
export function parseFrame(data: string | Buffer | ArrayBuffer | Buffer[], maxDepth = DEFAULT_MAX_DEPTH): JsonObject {
  const text =
    typeof data === 'string'
      ? data
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.from(data).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's parser runs out of stack on extreme nesting: that is the depth bound, met earlier.
    if (error instanceof RangeError) throw new LlmSocketError('too-deep', `message is nested deeper than ${maxDepth} levels`, undefined, { cause: error });
    throw new LlmSocketError('malformed-json', `message is not valid JSON: ${(error as Error).message}`, undefined, { cause: error });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new LlmSocketError('malformed-json', 'message is not a JSON object');
  sanitize(value, maxDepth);
  return value as JsonObject;
}
