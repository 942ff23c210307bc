/**
 * Media-type maps (`content`) of request bodies and responses: types added or removed, and the schema of
 * each media type both sides share. Media types are compared without parameters and case-insensitively.
 */
import { asObject, type JsonObject } from '@retell-kit/openapi-core';
import type { ChangeSink, DiffContext } from './context.js';
import type { SchemaDirection } from './schema-diff.js';

export function diffContent(
  ctx: DiffContext,
  base: JsonObject | undefined,
  head: JsonObject | undefined,
  direction: SchemaDirection,
  root: string,
  sink: ChangeSink,
): void {
  const before = byMediaType(base);
  const after = byMediaType(head);
  for (const mediaType of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(mediaType);
    const a = after.get(mediaType);
    const location = `${root}body(${mediaType})`;
    if (b === undefined) sink.add({ subject: 'media-type-added', mediaType }, direction, location);
    else if (a === undefined) sink.add({ subject: 'media-type-removed', mediaType }, direction, location);
    else sink.addSchema(ctx.schemas.diff(b.schema, a.schema, direction), direction, location);
  }
}

function byMediaType(content: JsonObject | undefined): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  if (content === undefined) return out;
  // Sorted, first wins: `application/json` and `application/json; charset=utf-8` must not depend on key order.
  for (const key of Object.keys(content).sort()) {
    const media = asObject(content[key]);
    const name = (key.split(';')[0] ?? key).trim().toLowerCase();
    if (media !== undefined && !out.has(name)) out.set(name, media);
  }
  return out;
}
