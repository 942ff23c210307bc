/**
 * How the spec's `multipart/form-data` bodies spell arrays, objects and file arrays on the wire, read off
 * the form parts each media type's `schema` lists (see multipart.ts and docs/architecture.md#multipart-bodies):
 * - part names with brackets (`files[]`, `texts[][title]`) are the bracket convention;
 * - a field sent whole as JSON text (`contentMediaType: application/json`, or an `encoding` whose
 *   `contentType` is JSON) is the JSON-text convention;
 * - a file array under its own name, one part per item, is a repeated part.
 * `retell-kit sync` compares this with what an SDK release's form encoder does.
 */
import { isNode, obj, type Node } from '../json.js';
import { RefResolver } from '../ref.js';

export interface SpecMultipartConvention {
  readonly arrays: 'json-text' | 'brackets' | 'unknown';
  readonly objects: 'json-text' | 'brackets' | 'unknown';
  readonly fileArrays: 'repeated' | 'brackets' | 'unknown';
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function multipartConvention(bundled: Record<string, unknown>): SpecMultipartConvention {
  const resolver = new RefResolver(bundled, 'openapi');
  let arrays: SpecMultipartConvention['arrays'] = 'unknown';
  let objects: SpecMultipartConvention['objects'] = 'unknown';
  let fileArrays: SpecMultipartConvention['fileArrays'] = 'unknown';
  const paths = obj(bundled, 'paths') ?? {};
  for (const route of Object.keys(paths).sort()) {
    const item = resolver.deref(paths[route]);
    for (const method of METHODS) {
      const op = item ? resolver.deref(item[method]) : undefined;
      const body = op ? resolver.deref(op['requestBody']) : undefined;
      const media = body ? obj(obj(body, 'content') ?? {}, 'multipart/form-data') : undefined;
      const schema = media ? resolver.deref(media['schema']) : undefined;
      const props = schema && isNode(schema['properties']) ? schema['properties'] : {};
      const encoding = media && isNode(media['encoding']) ? media['encoding'] : {};
      for (const [name, raw] of Object.entries(props)) {
        const prop = resolver.deref(raw);
        if (!prop) continue;
        const items = resolver.deref(prop['items']);
        const isFile = (s: Node | undefined) => !!s && (s['format'] === 'binary' || s['contentMediaType'] === 'application/octet-stream');
        const enc = encoding[name];
        const jsonText =
          prop['contentMediaType'] === 'application/json' ||
          (isNode(enc) && typeof enc['contentType'] === 'string' && /json/.test(enc['contentType']));
        if (name.endsWith('[]') && isFile(items)) fileArrays = 'brackets';
        else if (/\[\]/.test(name)) arrays = 'brackets';
        else if (/\[[^\]]+\]/.test(name)) objects = 'brackets';
        else if (prop['type'] === 'array' && isFile(items)) fileArrays = 'repeated';
        else if (jsonText && (prop['type'] === 'array' || isNode(items))) arrays = 'json-text';
        else if (jsonText && (prop['type'] === 'object' || isNode(prop['properties']))) objects = 'json-text';
        else if (jsonText) {
          arrays = arrays === 'unknown' ? 'json-text' : arrays;
          objects = objects === 'unknown' ? 'json-text' : objects;
        }
      }
    }
  }
  return { arrays, objects, fileArrays };
}
