/** Webhook signatures against an independent HMAC (node:crypto), tolerance, malformed input and a 10k fuzz. */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent, signWebhook, verifyWebhook, WebhookVerificationError } from '@retell-kit/client';

const KEY = 'key_webhook_test_7d1c';
const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const body = JSON.stringify({ event: 'call_ended', call: { call_id: 'call_1', call_status: 'ended', duration_ms: 61_000 } });

/** The reference signature, computed without the code under test. */
const reference = (raw: string | Buffer, key: string, ts: number): string =>
  `v=${ts},d=${createHmac('sha256', key).update(Buffer.concat([Buffer.from(raw), Buffer.from(String(ts))])).digest('hex')}`;

describe('signWebhook', () => {
  it.each([
    ['a JSON event', body, KEY, NOW],
    ['an empty body', '', KEY, NOW],
    ['unicode', '{"text":"héllo 👋"}', 'ключ', 1],
    ['timestamp 0', '{}', KEY, 0],
  ])('matches node:crypto for %s', async (_name, raw, key, ts) => {
    expect(await signWebhook(raw, key, ts)).toBe(reference(raw, key, ts));
  });

  it('signs bytes like the same text', async () => {
    expect(await signWebhook(new TextEncoder().encode(body), KEY, NOW)).toBe(reference(body, KEY, NOW));
  });

  it('rejects an invalid timestamp', async () => {
    await expect(signWebhook(body, KEY, -1)).rejects.toThrow(TypeError);
    await expect(signWebhook(body, KEY, 1.5)).rejects.toThrow('Invalid webhook timestamp 1.5');
  });
});

describe('verifyWebhook', () => {
  const valid = reference(body, KEY, NOW);

  it('accepts a signature from the reference implementation, as string or bytes, with upper-case hex', async () => {
    expect(await verifyWebhook(body, KEY, valid, { now: NOW })).toBe(true);
    expect(await verifyWebhook(Buffer.from(body), KEY, valid, { now: NOW })).toBe(true);
    expect(await verifyWebhook(body, KEY, valid.replace(/d=(.*)/, (_m, d: string) => `d=${d.toUpperCase()}`), { now: NOW })).toBe(true);
  });

  it.each([
    ['another key', body, 'key_other', valid],
    ['a changed body', body.replace('61000', '61001'), KEY, valid],
    ['a re-serialized body', JSON.stringify(JSON.parse(body), null, 2), KEY, valid],
    ['a changed timestamp', body, KEY, valid.replace(`v=${NOW}`, `v=${NOW + 1}`)],
    ['one flipped hex digit', body, KEY, valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0')],
  ])('rejects %s', async (_name, raw, key, header) => {
    expect(await verifyWebhook(raw, key, header, { now: NOW })).toBe(false);
  });

  it('enforces the tolerance both ways (default 5 minutes)', async () => {
    const at = (offset: number): Promise<boolean> => verifyWebhook(body, KEY, valid, { now: NOW + offset });
    expect(await at(5 * 60_000)).toBe(true);
    expect(await at(5 * 60_000 + 1)).toBe(false);
    expect(await at(-5 * 60_000)).toBe(true);
    expect(await at(-5 * 60_000 - 1)).toBe(false);
    expect(await verifyWebhook(body, KEY, valid, { now: NOW + 10_000, toleranceMs: 9_999 })).toBe(false);
    expect(await verifyWebhook(body, KEY, valid, { now: NOW + 10_000, toleranceMs: 10_000 })).toBe(true);
  });

  it('uses the real clock by default', async () => {
    const fresh = reference(body, KEY, Date.now());
    expect(await verifyWebhook(body, KEY, fresh)).toBe(true);
    expect(await verifyWebhook(body, KEY, valid)).toBe(false); // NOW is far in the past or future of the test clock
  });

  it.each([
    ['v=abc', 'v=abc'],
    ['d=', 'd='],
    ['empty', ''],
    ['no digest', `v=${NOW}`],
    ['no timestamp', `d=${'0'.repeat(64)}`],
    ['short digest', `v=${NOW},d=${'a'.repeat(63)}`],
    ['long digest', `v=${NOW},d=${'a'.repeat(65)}`],
    ['non-hex digest', `v=${NOW},d=${'g'.repeat(64)}`],
    ['swapped order', `d=${'a'.repeat(64)},v=${NOW}`],
    ['extra field', `${valid},x=1`],
    ['negative timestamp', `v=-1,d=${'a'.repeat(64)}`],
    ['huge timestamp', `v=${'9'.repeat(400)},d=${'a'.repeat(64)}`],
    ['10 kB of garbage', randomBytes(5000).toString('hex')],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42 as unknown as string],
  ])('returns false, never throws, for %s', async (_name, header) => {
    await expect(verifyWebhook(body, KEY, header, { now: NOW })).resolves.toBe(false);
  });

  it('returns false for a bad key or body type instead of throwing', async () => {
    await expect(verifyWebhook(body, '', valid, { now: NOW })).resolves.toBe(false);
    await expect(verifyWebhook(42 as unknown as string, KEY, valid, { now: NOW })).resolves.toBe(false);
  });

  it('fuzz: 10,000 random headers never throw and only the genuine ones pass', async () => {
    // Deterministic PRNG so a failure can be replayed.
    let seed = 0x2545f491;
    const rand = (n: number): number => {
      seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const alphabet = 'v=d,0123456789abcdefABCDEF-xyz \t:;.';
    const pieces = [`v=${NOW}`, ',', 'd=', valid.slice(valid.indexOf('d=') + 2), '0'.repeat(64), 'v=', String(NOW + 1)];
    let genuine = 0;
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      let header: string;
      const mode = rand(4);
      if (mode === 0) header = Array.from({ length: rand(120) }, () => alphabet[rand(alphabet.length)]).join('');
      else if (mode === 1) header = Array.from({ length: 1 + rand(5) }, () => pieces[rand(pieces.length)]).join('');
      else if (mode === 2) {
        // The valid header with one character replaced: valid only when the replacement is the same character
        // (or a case change inside the hex digest).
        const at = rand(valid.length);
        header = valid.slice(0, at) + alphabet[rand(alphabet.length)] + valid.slice(at + 1);
      } else header = valid;
      const expected = header.trim().toLowerCase() === valid && /^v=\d+,d=[0-9a-fA-F]{64}$/.test(header.trim()) && header.trim().startsWith(`v=${NOW},`);
      const ok = await verifyWebhook(body, KEY, header, { now: NOW });
      if (expected) genuine++;
      if (ok) accepted++;
      expect(ok, `header ${JSON.stringify(header)}`).toBe(expected);
    }
    expect(genuine).toBeGreaterThan(2000);
    expect(accepted).toBe(genuine);
  });
});

describe('parseWebhookEvent', () => {
  type CallEnded = { event: 'call_ended'; call: { call_id: string } };

  it('verifies then parses the event', async () => {
    const header = await signWebhook(body, KEY, NOW);
    const event = await parseWebhookEvent<CallEnded>(body, KEY, header, { now: NOW });
    expect(event.call.call_id).toBe('call_1');
  });

  it('throws WebhookVerificationError for a bad signature or a signed non-JSON body', async () => {
    await expect(parseWebhookEvent(body, KEY, 'v=1,d=00', { now: NOW })).rejects.toBeInstanceOf(WebhookVerificationError);
    const text = 'not json';
    const header = await signWebhook(text, KEY, NOW);
    await expect(parseWebhookEvent(text, KEY, header, { now: NOW })).rejects.toThrow('Webhook body is signed but is not valid JSON.');
    const error = await parseWebhookEvent(body, KEY, 'v=1,d=00', { now: NOW }).catch((e: unknown) => e);
    expect(String(error)).not.toContain(KEY);
  });
});
