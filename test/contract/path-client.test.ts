/** Contract of the typed path client (`createClient().GET/POST/...`) for every operation of the spec. */
import { describe, expect, it } from 'vitest';
import { Coverage } from './harness/coverage.js';
import { callInput } from './harness/inputs.js';
import { contractSetup } from './harness/setup.js';
import { requireGenerated } from './harness/spec.js';
import { callPathClient } from './harness/surfaces.js';
import { assertRequest, assertResponse, intercept } from './harness/wire.js';

const { operations, validator } = await contractSetup();
const coverage = new Coverage('typed path client');

describe('typed path client', () => {
  for (const op of operations) {
    it(op.key, async () => {
      const { model, route, samples } = requireGenerated(op);
      const input = callInput(model, route, samples);
      const wire = intercept(route.method, route.success.status, samples.response);
      const { data, error, response } = await callPathClient(model, input, route.body?.kind === 'multipart');
      await assertRequest(wire.request(), route, input, validator);
      expect(error, 'no error on success').toBeUndefined();
      expect(response.status).toBe(route.success.status);
      assertResponse(route.success.schema ? data : undefined, route, samples.response, validator);
      coverage.pass(op.key);
    });
  }

  it('covers every operation of the spec', () => coverage.gate(operations.map((o) => o.key)));
});
