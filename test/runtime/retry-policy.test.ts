import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryDelayMs, shouldRetryResponse } from '../../packages/client/src/runtime/retry.js';

const response = (status: number, headers: Record<string, string> = {}): Response => new Response(null, { status, headers });

describe('shouldRetryResponse', () => {
  it.each([
    [408, true], [409, true], [429, true], [500, true], [502, true], [503, true], [504, true], [599, true],
    [400, false], [401, false], [403, false], [404, false], [422, false], [200, false], [201, false],
  ])('status %i -> %s', (status, want) => {
    expect(shouldRetryResponse(response(status))).toBe(want);
  });

  it('obeys x-should-retry over the status', () => {
    expect(shouldRetryResponse(response(400, { 'x-should-retry': 'true' }))).toBe(true);
    expect(shouldRetryResponse(response(503, { 'x-should-retry': 'false' }))).toBe(false);
    expect(shouldRetryResponse(response(503, { 'x-should-retry': 'maybe' }))).toBe(true);
  });
});

describe('retryDelayMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const noJitter = (): number => 0;
  const fullJitter = (): number => 0.999999;
  const h = (init: Record<string, string>): Headers => new Headers(init);

  it.each([
    ['retry-after-ms', h({ 'retry-after-ms': '1234' }), 1234],
    ['retry-after-ms wins over retry-after', h({ 'retry-after-ms': '20', 'retry-after': '9' }), 20],
    ['retry-after seconds', h({ 'retry-after': '3' }), 3000],
    ['retry-after fractional seconds', h({ 'retry-after': '0.25' }), 250],
    ['retry-after HTTP date', h({ 'retry-after': new Date(now + 7000).toUTCString() }), 7000],
    ['zero', h({ 'retry-after': '0' }), 0],
    ['the cap itself', h({ 'retry-after-ms': String(MAX_RETRY_AFTER_MS) }), MAX_RETRY_AFTER_MS],
  ])('honours %s', (_name, headers, want) => {
    expect(retryDelayMs(1, headers, now, noJitter)).toBe(want);
  });

  it.each([
    ['over the cap', h({ 'retry-after': '3600' })],
    ['a past date', h({ 'retry-after': new Date(now - 5000).toUTCString() })],
    ['garbage', h({ 'retry-after': 'soon' })],
    ['negative ms', h({ 'retry-after-ms': '-5' })],
    ['no header', h({})],
  ])('falls back to backoff for %s', (_name, headers) => {
    expect(retryDelayMs(1, headers, now, noJitter)).toBe(500);
  });

  it('backs off exponentially, capped at 8 s, with up to 25 % jitter below', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, undefined, now, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(retryDelayMs(2, undefined, now, fullJitter)).toBeCloseTo(750, 0);
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(3, undefined, now);
      expect(d).toBeGreaterThan(1500);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });
});
