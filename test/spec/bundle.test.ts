/** Bundling must be deterministic: the same split files give the same bytes, run after run. */
import { describe, expect, it } from 'vitest';
import { bundleSpec } from './load-spec.js';

describe('bundle', () => {
  it('produces identical output on repeated runs', async () => {
    const a = JSON.stringify(await bundleSpec());
    const b = JSON.stringify(await bundleSpec());
    expect(a.length).toBeGreaterThan(100_000);
    expect(b).toBe(a);
  });
});
