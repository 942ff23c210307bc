/**
 * Encodes stdin's body (JSON; `{"$file": name, "text": ..., "type": ...}` marks a file) with the TypeScript
 * client's multipart encoder and prints its parts in order as JSON: `[name, text]` for fields and
 * `[name, {filename, type, text}]` for files. The Python test compares its own encoding with this.
 */
import { encodeMultipart } from '../../client/src/runtime/multipart.ts';

const revive = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['$file'] === 'string') return new File([String(o['text'])], o['$file'], o['type'] ? { type: String(o['type']) } : {});
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)]));
  }
  return value;
};

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const form = encodeMultipart(revive(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
const parts: unknown[] = [];
for (const [name, value] of form.entries()) {
  parts.push(typeof value === 'string' ? [name, value] : [name, { filename: value.name, type: value.type || 'application/octet-stream', text: await value.text() }]);
}
process.stdout.write(JSON.stringify(parts));
