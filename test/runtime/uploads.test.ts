/** Every upload input kind, encoded as the API reads multipart forms, and re-sent intact on retries. */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { toFile, type Uploadable } from '@retell-kit/client';
import { encodeMultipart } from '../../packages/client/src/runtime/multipart.js';
import { BASE, createKnowledgeBaseOp, makeClient } from './helpers.js';

afterEach(() => nock.cleanAll());

const content = 'Opening hours: 9am-5pm, Monday to Friday.\n';
const bytes = new TextEncoder().encode(content);

/** A client whose fetch parses the multipart body it is sent, the way a server would. */
function capturingClient(): { client: ReturnType<typeof makeClient>; forms: FormData[]; types: string[] } {
  const forms: FormData[] = [];
  const types: string[] = [];
  const client = makeClient({
    fetch: async (input, init) => {
      const request = new Request(input as Request, init);
      types.push(request.headers.get('content-type') ?? '');
      forms.push(await request.formData());
      return Response.json({ knowledge_base_id: 'kb_1' }, { status: 201 });
    },
  });
  return { client, forms, types };
}

async function fileOf(form: FormData, key: string): Promise<{ name: string; type: string; text: string }> {
  const value = form.get(key);
  if (!(value instanceof Blob)) throw new Error(`part ${key} is not a file: ${String(value)}`);
  return { name: (value as File).name, type: value.type, text: await value.text() };
}

const tmp = mkdtempSync(join(tmpdir(), 'retell-uploads-'));
const filePath = join(tmp, 'hours.txt');
writeFileSync(filePath, content);

const kinds: [string, () => Uploadable, string][] = [
  ['File', () => new File([content], 'hours.txt', { type: 'text/plain' }), 'hours.txt'],
  ['Blob (no name)', () => new Blob([content], { type: 'text/plain' }), 'upload'],
  ['Buffer', () => Buffer.from(content), 'upload'],
  ['Uint8Array', () => bytes.slice(), 'upload'],
  ['ArrayBuffer', () => bytes.slice().buffer, 'upload'],
  ['fetch Response', () => new Response(content, { headers: { 'content-type': 'text/plain' } }), 'upload'],
  ['fs.ReadStream', () => createReadStream(filePath), 'hours.txt'],
  ['Node Readable', () => Readable.from([Buffer.from(content.slice(0, 10)), Buffer.from(content.slice(10))]), 'upload'],
  ['async iterable of strings and bytes', () => (async function* () { yield content.slice(0, 5); yield new TextEncoder().encode(content.slice(5)); })(), 'upload'],
];

describe('uploads', () => {
  it.each(kinds)('sends a %s as a knowledge_base_files part with its content', async (_kind, make, name) => {
    const { client, forms, types } = capturingClient();
    await client.request(createKnowledgeBaseOp, {
      body: { knowledge_base_name: 'Support', knowledge_base_files: [make()] },
    });
    expect(types[0]).toMatch(/^multipart\/form-data; boundary=/);
    const form = forms[0]!;
    expect(form.get('knowledge_base_name')).toBe('Support');
    const file = await fileOf(form, 'knowledge_base_files');
    expect(file).toMatchObject({ name, text: content });
  });

  it('sends arrays and objects without files as one JSON part, file arrays as repeated parts (retell-sdk 5.66 form)', async () => {
    const { client, forms } = capturingClient();
    await client.request(createKnowledgeBaseOp, {
      body: {
        knowledge_base_name: 'Support',
        knowledge_base_texts: [{ title: 'Hours', text: 'We open at 9.' }, { title: 'Refunds', text: 'Within 30 days.' }],
        knowledge_base_urls: ['https://example.com/a', 'https://example.com/b'],
        knowledge_base_files: [await toFile(bytes, 'a.txt'), await toFile(bytes, 'b.md', { type: 'text/markdown' })],
        enable_auto_refresh: true,
        max_chunk_size: 512,
        skipped: undefined,
        also_skipped: null,
      },
    });
    const entries = [...forms[0]!.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `file:${(v as File).name}:${v.type}`]);
    expect(entries).toEqual([
      ['knowledge_base_name', 'Support'],
      ['knowledge_base_texts', '[{"title":"Hours","text":"We open at 9."},{"title":"Refunds","text":"Within 30 days."}]'],
      ['knowledge_base_urls', '["https://example.com/a","https://example.com/b"]'],
      ['knowledge_base_files', 'file:a.txt:application/octet-stream'], // typeless files go out as octet-stream
      ['knowledge_base_files', 'file:b.md:text/markdown'],
      ['enable_auto_refresh', 'true'],
      ['max_chunk_size', '512'],
    ]);
  });

  it('a single file field (voice clone style) is sent under its own name', async () => {
    const form = encodeMultipart({ voice_name: 'Ada', files: [await toFile('RIFF....', 'ada.wav', { type: 'audio/wav' })], sample: await toFile('x', 's.wav') });
    expect([...form.keys()]).toEqual(['voice_name', 'files', 'sample']);
    expect((form.get('files') as File).type).toBe('audio/wav');
  });

  it('re-sends a multipart body intact when the first attempt is retried', async () => {
    const bodies: string[] = [];
    nock(BASE)
      .post('/create-knowledge-base').reply(503, (_u, body) => (bodies.push(String(body)), {}), { 'retry-after-ms': '0' })
      .post('/create-knowledge-base').reply(201, (_u, body) => (bodies.push(String(body)), { knowledge_base_id: 'kb_2' }));
    const result = await makeClient().request(createKnowledgeBaseOp, {
      body: { knowledge_base_name: 'Support', knowledge_base_files: [createReadStream(filePath)] },
    });
    expect(result).toEqual({ knowledge_base_id: 'kb_2' });
    expect(bodies).toHaveLength(2);
    // The FormData is encoded anew per attempt: same parts, a fresh boundary.
    const parts = (body: string): string => body.replaceAll(body.slice(0, body.indexOf('\r\n')), '--BOUNDARY');
    expect(parts(bodies[1]!)).toBe(parts(bodies[0]!));
    expect(bodies[0]).toContain('name="knowledge_base_files"; filename="hours.txt"');
    expect(bodies[0]).toContain(content);
  });

  it('toFile names files from their source and honours overrides', async () => {
    expect((await toFile(createReadStream(filePath))).name).toBe('hours.txt');
    const fromResponse = await toFile(Object.assign(new Response('x'), {}), undefined);
    expect(fromResponse.name).toBe('upload');
    const renamed = await toFile(new File(['x'], 'a.txt'), 'b.txt', { type: 'text/plain' });
    expect([renamed.name, renamed.type]).toEqual(['b.txt', 'text/plain']);
    const same = new File(['x'], 'keep.txt');
    expect(await toFile(same)).toBe(same);
    expect(await (await toFile(Promise.resolve('from a promise'), 'p.txt')).text()).toBe('from a promise');
  });

  it('rejects what it cannot upload with a precise message', async () => {
    await expect(toFile(42 as unknown as Uploadable)).rejects.toThrow('Cannot upload a number');
    await expect(toFile((async function* () { yield 7; })() as unknown as Uploadable)).rejects.toThrow('Cannot upload a stream chunk of type number.');
    expect(() => encodeMultipart(['not', 'fields'])).toThrow('A multipart request body must be an object of fields.');
  });
});
