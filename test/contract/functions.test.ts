/** Contract of the per-operation functions (`getAgent(client, agentId, params?)`) for every operation of the spec. */
import { describe, it } from 'vitest';
import { Coverage } from './harness/coverage.js';
import { callInput } from './harness/inputs.js';
import { contractSetup } from './harness/setup.js';
import { requireGenerated } from './harness/spec.js';
import { callFunction } from './harness/surfaces.js';
import { assertRequest, assertResponse, intercept } from './harness/wire.js';

const { operations, validator } = await contractSetup();
const coverage = new Coverage('per-operation functions');

describe('per-operation functions', () => {
  for (const op of operations) {
    it(op.key, async () => {
      const { model, route, samples } = requireGenerated(op);
      const input = callInput(model, route, samples);
      const wire = intercept(route.method, route.success.status, samples.response);
      const data = await callFunction(model, input);
      await assertRequest(wire.request(), route, input, validator);
      assertResponse(data, route, samples.response, validator);
      coverage.pass(op.key);
    });
  }

  it('covers every operation of the spec', () => coverage.gate(operations.map((o) => o.key)));
});
