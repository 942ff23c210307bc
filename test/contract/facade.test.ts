/**
 * Contract of the SDK facade (`new Retell().agent.retrieve(...)`): every operation of the spec through
 * every facade method bound to it (`x-sdk`; shared routes run once per method).
 */
import { describe, expect, it } from 'vitest';
import { Coverage } from './harness/coverage.js';
import { callInput } from './harness/inputs.js';
import { contractSetup } from './harness/setup.js';
import { requireGenerated } from './harness/spec.js';
import { callFacade } from './harness/surfaces.js';
import { assertRequest, assertResponse, intercept } from './harness/wire.js';

const { operations, facadeMethods, validator } = await contractSetup();
const coverage = new Coverage('SDK facade');
const methodCoverage = new Coverage('SDK facade');

describe('SDK facade', () => {
  for (const op of operations) {
    it(op.key, async () => {
      const { model, route, samples } = requireGenerated(op);
      expect(op.methods.length, `${op.key} has no facade method (x-sdk)`).toBeGreaterThan(0);
      for (const m of op.methods) {
        const input = callInput(model, route, samples);
        const wire = intercept(route.method, route.success.status, samples.response);
        const data = await callFacade(m, input);
        await assertRequest(wire.request(), route, input, validator);
        assertResponse(data, route, samples.response, validator);
        methodCoverage.pass(`${m.binding.resource}.${m.name}`);
      }
      coverage.pass(op.key);
    });
  }

  it('covers every operation of the spec', () => coverage.gate(operations.map((o) => o.key)));
  it('covers every facade method the spec names', () => methodCoverage.gate(facadeMethods, 'facade methods'));
});
