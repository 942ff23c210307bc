/**
 * The multipart wire convention, held in one place per side: the generator's `formPartNames` (what the
 * spec's part list must be) and the runtime's `encodeMultipart` (what is sent) give the same names, and a
 * spec whose part list drifts from its body schema is refused with a pointer to it.
 */
import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../packages/client/src/runtime/multipart.js';
import { SpecError } from '../../generator/src/errors.js';
import { formPartNames, multipartView } from '../../generator/src/ir/multipart.js';
import { RefResolver } from '../../generator/src/ir/walk.js';
import { loadSpec } from '../../generator/src/load/index.js';
import { SPEC_FILE } from '../contract/harness/spec.js';

const spec = await loadSpec(SPEC_FILE);

function media(document: Record<string, unknown>, route: string): Record<string, unknown> {
  const paths = document['paths'] as Record<string, Record<string, { requestBody: { content: Record<string, Record<string, unknown>> } }>>;
  return paths[route]!['post']!.requestBody.content['multipart/form-data']!;
}

function wireDoc(parts: Record<string, unknown>, extension: unknown): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    paths: { '/upload': { post: { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: parts }, 'x-multipart-body': extension } } } } } },
    components: {
      schemas: {
        Upload: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } }, notes: { type: 'array', items: { $ref: '#/components/schemas/Note' } }, name: { type: 'string' } } },
        Note: { type: 'object', properties: { title: { type: 'string' }, text: { type: 'string' } } },
      },
    },
  };
}

describe('multipart bodies', () => {
  it('names parts by the bracket convention', () => {
    const resolver = new RefResolver(wireDoc({}, {}), 'x.yaml');
    expect(formPartNames({ $ref: '#/components/schemas/Upload' }, resolver)).toEqual(['files[]', 'name', 'notes[][text]', 'notes[][title]']);
  });

  it('the runtime sends exactly the parts the spec lists, for every multipart route of our spec', () => {
    const bodies: Record<string, Record<string, unknown>> = {
      '/clone-voice': { files: [new File(['a'], 'a.wav'), new File(['b'], 'b.wav')], voice_name: 'V', voice_provider: 'elevenlabs' },
      '/create-knowledge-base': {
        knowledge_base_name: 'KB',
        enable_auto_refresh: true,
        knowledge_base_files: [new File(['x'], 'x.md')],
        knowledge_base_texts: [{ title: 'T', text: 'X' }],
        knowledge_base_urls: ['https://example.com'],
        max_chunk_size: 1000,
        min_chunk_size: 100,
      },
      '/add-knowledge-base-sources/{knowledge_base_id}': {
        knowledge_base_files: [new File(['x'], 'x.md')],
        knowledge_base_texts: [{ title: 'T', text: 'X' }],
        knowledge_base_urls: ['https://example.com'],
      },
    };
    for (const [route, body] of Object.entries(bodies)) {
      const wire = media(spec.bundled, route);
      const listed = Object.keys((wire['schema'] as { properties: object }).properties).sort();
      const sent = [...new Set([...encodeMultipart(body).keys()])].sort();
      expect(sent, route).toEqual(listed);
      // Every array part is exploded (one part per item) and may carry any character (file contents).
      for (const name of listed.filter((n) => n.includes('['))) {
        expect((wire['encoding'] as Record<string, unknown>)[name], `${route} ${name}`).toEqual({ style: 'form', explode: true, allowReserved: true });
      }
      // What the generator reads instead: the body as callers write it, with its component name.
      const view = media(spec.document, route);
      expect(view['schema']).toEqual({ $ref: (wire['x-multipart-body'] as { schema: string }).schema });
      expect(view).not.toHaveProperty('x-multipart-body');
    }
  });

  it('refuses a part list that drifts from the body schema, pointing at it', () => {
    const doc = wireDoc({ files: {}, name: {}, 'notes[][title]': {}, extra: {} }, { schema: '#/components/schemas/Upload' });
    let error: unknown;
    try {
      multipartView(doc, 'spec.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).code).toBe('multipart-parts-mismatch');
    expect((error as SpecError).describe()).toBe(
      'spec.yaml#/paths/~1upload/post/requestBody/content/multipart~1form-data/schema: the form parts in "schema" must be the ' +
        'bracket-convention names of x-multipart-body.schema\'s fields: missing "files[]", "notes[][text]"; unexpected "extra", "files"',
    );
  });

  it('refuses an extension that is not a component pointer', () => {
    expect(() => multipartView(wireDoc({}, { schema: { $ref: '#/components/schemas/Upload' } }), 'spec.yaml')).toThrow(/must be an object whose "schema" is a "#\/components\/schemas\/<name>" pointer/);
  });

  it('leaves documents without the extension untouched', () => {
    const doc = { openapi: '3.1.0', paths: { '/a': { post: { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } } } } } };
    expect(multipartView(doc, 'spec.yaml')).toBe(doc);
  });
});
