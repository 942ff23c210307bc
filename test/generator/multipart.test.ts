/**
 * The multipart wire convention (retell-sdk@5.66.1's), held in one place per side: the generator's `formParts`
 * (what the spec's part list and encoding must be) and the runtime's `encodeMultipart` (what is sent) give the
 * same names, and a spec whose part list or encoding drifts from its body schema is refused with a pointer to it.
 */
import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../packages/client/src/runtime/multipart.js';
import { SpecError } from '../../generator/src/errors.js';
import { formPartNames, formParts, multipartView } from '../../generator/src/ir/multipart.js';
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
  it('names parts as retell-sdk@5.66.1 sends them: field names, file arrays repeated, other arrays as JSON text', () => {
    const resolver = new RefResolver(wireDoc({}, {}), 'x.yaml');
    expect(formParts({ $ref: '#/components/schemas/Upload' }, resolver)).toEqual([
      { name: 'files', json: false },
      { name: 'name', json: false },
      { name: 'notes', json: true },
    ]);
    // Only an object that holds a file is spread over `name[key]` parts (the official encoder's rule).
    const withFile = { type: 'object', properties: { doc: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, label: { type: 'string' } } } } };
    expect(formPartNames(withFile, resolver)).toEqual(['doc[file]', 'doc[label]']);
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
      '/create-asset': { file: new File(['png'], 'logo.png') },
      '/upload-contact-import-file': { file: new File(['phone_number\n+14155550142\n'], 'contacts.csv') },
      '/add-knowledge-base-sources/{knowledge_base_id}': {
        knowledge_base_files: [new File(['x'], 'x.md')],
        knowledge_base_texts: [{ title: 'T', text: 'X' }],
        knowledge_base_urls: ['https://example.com'],
      },
    };
    for (const [route, body] of Object.entries(bodies)) {
      const wire = media(spec.bundled, route);
      const partsSchema = new RefResolver(spec.bundled, SPEC_FILE).deref(wire['schema']) as { properties: object };
      const listed = Object.keys(partsSchema.properties).sort();
      const sent = [...new Set([...encodeMultipart(body).keys()])].sort();
      expect(sent, route).toEqual(listed);
      // Every part that carries JSON text says so in the published document.
      for (const name of ['knowledge_base_texts', 'knowledge_base_urls'].filter((n) => listed.includes(n))) {
        expect((wire['encoding'] as Record<string, unknown>)[name], `${route} ${name}`).toEqual({ contentType: 'application/json' });
      }
      // What the generator reads instead: the body as callers write it, with its component name.
      const view = media(spec.document, route);
      expect(view['schema']).toEqual({ $ref: (wire['x-multipart-body'] as { schema: string }).schema });
      expect(view).not.toHaveProperty('x-multipart-body');
    }
  });

  it('refuses a part list that drifts from the body schema, pointing at it', () => {
    const doc = wireDoc({ 'files[]': {}, name: {}, 'notes[][title]': {}, extra: {} }, { schema: '#/components/schemas/Upload' });
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
        'part names of x-multipart-body.schema\'s fields (docs/architecture.md#multipart-bodies): missing "files", "notes"; ' +
        'unexpected "extra", "files[]", "notes[][title]"',
    );
  });

  it('refuses a JSON-text part whose encoding does not say application/json, pointing at the encoding', () => {
    const doc = wireDoc({ files: {}, name: {}, notes: {} }, { schema: '#/components/schemas/Upload' });
    let error: unknown;
    try {
      multipartView(doc, 'spec.yaml');
    } catch (e) {
      error = e;
    }
    expect((error as SpecError).code).toBe('multipart-json-part');
    expect((error as SpecError).describe()).toContain('multipart~1form-data/encoding: parts "notes" carry JSON text');
  });

  it('refuses an extension that is not a component pointer', () => {
    expect(() => multipartView(wireDoc({}, { schema: { $ref: '#/components/schemas/Upload' } }), 'spec.yaml')).toThrow(/must be an object whose "schema" is a "#\/components\/schemas\/<name>" pointer/);
  });

  it('leaves documents without the extension untouched', () => {
    const doc = { openapi: '3.1.0', paths: { '/a': { post: { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } } } } } };
    expect(multipartView(doc, 'spec.yaml')).toBe(doc);
  });
});
