/**
 * The multipart wire format, byte for byte: the parts our encoder sends (alone and through the facade)
 * are exactly those of `test/fixtures/multipart/official-parts.json`, and so are the parts
 * retell-sdk@5.66.1 itself sends for the same bodies, which keeps the fixture honest. The Python runtime
 * checks its own parts against the same fixture. Only the boundary differs between senders; it is cut out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Official from 'retell-sdk-5.66.1';
import { multipartBody } from '@retell-kit/client';
import Retell from '@retell-kit/sdk';

interface Part { headers: string[]; body: string }
interface Case { name: string; operation: string; sdkMethod: string; body: Record<string, unknown>; parts: Part[] }

const fixture = JSON.parse(readFileSync(new URL('../fixtures/multipart/official-parts.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** The fixture's `{ $file: { name, type, content } }` placeholders as `File`s. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const file = (value as { $file?: { name: string; type: string; content: string } }).$file;
  if (file) return new File([file.content], file.name, { type: file.type });
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
}

/** Splits a multipart body into its parts (header lines and body text), given its content type. */
function partsOf(contentType: string, bytes: ArrayBuffer): Part[] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const text = new TextDecoder().decode(bytes);
  const delimiter = `--${boundary}`;
  expect(text.startsWith(`${delimiter}\r\n`)).toBe(true);
  expect(text.endsWith(`${delimiter}--\r\n`)).toBe(true);
  return text
    .slice(delimiter.length + 2, -(delimiter.length + 6))
    .split(`\r\n${delimiter}\r\n`)
    .map((part) => {
      const at = part.indexOf('\r\n\r\n');
      return { headers: part.slice(0, at).split('\r\n'), body: part.slice(at + 4) };
    });
}

/** A fetch that keeps each request's content type and body bytes and answers `{}`. */
function capturing(): { fetch: typeof fetch; sent: { contentType: string; bytes: ArrayBuffer }[] } {
  const sent: { contentType: string; bytes: ArrayBuffer }[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.url.startsWith('http')) sent.push({ contentType: request.headers.get('content-type') ?? '', bytes: await request.arrayBuffer() });
    return Response.json({});
  };
  return { fetch: fetchImpl as typeof fetch, sent };
}

/** Calls `resource.method(body)` on an SDK-shaped client. */
async function callSdk(client: object, sdkMethod: string, body: unknown): Promise<void> {
  const [resource, method] = sdkMethod.split('.') as [string, string];
  const target = (client as Record<string, Record<string, (b: unknown) => Promise<unknown>>>)[resource]!;
  await target[method]!.call(target, body);
}

describe.each(fixture.cases)('multipart parts of $name ($operation)', (c) => {
  it('our encoder writes the fixture parts, byte for byte', async () => {
    const request = new Request('http://x.test/', { method: 'POST', body: await multipartBody(revive(c.body)) });
    expect(partsOf(request.headers.get('content-type')!, await request.arrayBuffer())).toEqual(c.parts);
  });

  it('the facade sends the fixture parts', async () => {
    const { fetch, sent } = capturing();
    await callSdk(new Retell({ apiKey: 'k', baseURL: 'http://x.test', maxRetries: 0, fetch }), c.sdkMethod, revive(c.body));
    expect(sent).toHaveLength(1);
    expect(partsOf(sent[0]!.contentType, sent[0]!.bytes)).toEqual(c.parts);
  });

  it('retell-sdk@5.66.1 sends the same parts (the fixture states upstream, not our guess)', async () => {
    const { fetch, sent } = capturing();
    await callSdk(new Official({ apiKey: 'k', baseURL: 'http://x.test', maxRetries: 0, fetch }), c.sdkMethod, revive(c.body));
    expect(sent).toHaveLength(1);
    expect(partsOf(sent[0]!.contentType, sent[0]!.bytes)).toEqual(c.parts);
  });
});

describe('the JSON text of a part', () => {
  it('has no whitespace and keeps non-ASCII as is (what a Python json.dumps must match: separators=(",", ":"), ensure_ascii=False)', () => {
    const texts = fixture.cases[0]!.parts.find((p) => p.headers[0]!.includes('name="knowledge_base_texts"'))!;
    expect(texts.body).toContain('"Mon–Sat, 9am to 7pm.\\nClosed \\"Sundays\\" & holidays 🎄"');
    expect(JSON.stringify(JSON.parse(texts.body))).toBe(texts.body);
  });
});
