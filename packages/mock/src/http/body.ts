/**
 * Reads a request body with a size limit. An oversized body is still read to the end (and thrown
 * away) so the client, which is still sending, receives our 413 instead of a reset connection; past a
 * hard ceiling the socket is closed instead, so a client cannot keep us reading forever.
 */
import type { IncomingMessage } from 'node:http';

/** Beyond this many bytes an oversized body is no longer drained: the connection is dropped. */
const DRAIN_CEILING = 64 * 1024 * 1024;

export type BodyResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly received: number };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let received = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (received > DRAIN_CEILING) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, received } : { ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}
