/**
 * Reading a message the way Retell's platform does: leniently. The spec's schemas say what a message
 * should be; real peers (Retell itself, and servers written after Retell's public demos) send `null` for
 * optional fields, extra transcript roles such as `system`, call types the docs name differently
 * (`inbound_phone_call`) and web calls without `access_token`. A reader that dropped those messages
 * would leave a caller in silence, so here only what is needed to route and answer a message is
 * required; every other departure from the spec becomes a warning and the message goes on.
 */
import type { JsonObject } from './parse.js';

/** The smallest shape each incoming message kind must have for the helper to act on it. */
export type Essentials = (message: JsonObject) => string | undefined;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const isId = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function transcriptProblem(value: unknown, field: string): string | undefined {
  if (!Array.isArray(value)) return `${field} must be an array`;
  for (const [i, item] of value.entries()) {
    if (!isObject(item) || typeof item['content'] !== 'string') return `${field}/${i} must be an object with a string content`;
  }
  return undefined;
}

/** Retell → server: what routing and answering needs (`undefined` when the message is usable). */
export const RETELL_ESSENTIALS: Readonly<Record<string, Essentials>> = {
  ping_pong: (m) => (typeof m['timestamp'] === 'number' ? undefined : '/timestamp must be a number'),
  call_details: (m) => (isObject(m['call']) ? undefined : '/call must be an object'),
  update_only: (m) => transcriptProblem(m['transcript'], '/transcript'),
  response_required: (m) => (isId(m['response_id']) ? transcriptProblem(m['transcript'], '/transcript') : '/response_id must be an integer ≥ 0'),
  reminder_required: (m) => (isId(m['response_id']) ? transcriptProblem(m['transcript'], '/transcript') : '/response_id must be an integer ≥ 0'),
};

/**
 * Removes object keys whose value is `null`, at every level (array items stay where they are), and
 * returns their JSON pointers. An optional field sent as null means "not set" to every Retell peer.
 */
export function stripNulls(value: unknown, limit = 100): string[] {
  const removed: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, `${pointer}/${i}`]));
      continue;
    }
    const record = node as JsonObject;
    for (const key of Object.keys(record)) {
      const child = record[key];
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (child === null) {
        delete record[key];
        if (removed.length < limit) removed.push(at);
      } else if (typeof child === 'object') stack.push([child, at]);
    }
  }
  return removed;
}
