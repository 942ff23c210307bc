/**
 * Error contracts: for every operation, 400/401/404/422/429/500 (and any other error status the spec
 * declares) surface on each surface with the body intact: as `{ error, response }` from the typed path
 * client, and as the right `APIError` subclass from the function and every facade method.
 */
import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '@retell-kit/client';
import { mockSpec } from '@retell-kit/mock';
import { Coverage } from './harness/coverage.js';
import { callInput } from './harness/inputs.js';
import { contractSetup } from './harness/setup.js';
import { requireGenerated } from './harness/spec.js';
import { callFacade, callFunction, callPathClient } from './harness/surfaces.js';
import { intercept } from './harness/wire.js';

const { operations, validator } = await contractSetup();
const coverage = new Coverage('error contracts, all surfaces');
const REQUIRED = [400, 401, 404, 422, 429, 500];

function classFor(status: number): new (...args: never[]) => APIError {
  switch (status) {
    case 400: return BadRequestError;
    case 401: return AuthenticationError;
    case 403: return PermissionDeniedError;
    case 404: return NotFoundError;
    case 409: return ConflictError;
    case 422: return UnprocessableEntityError;
    case 429: return RateLimitError;
    default: return status >= 500 ? InternalServerError : APIError;
  }
}

async function expectRejection(call: () => Promise<unknown>, status: number, body: unknown, where: string): Promise<void> {
  const err = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `${where}: ${status} rejects`).toBeInstanceOf(classFor(status));
  const apiError = err as APIError;
  expect(apiError.status, `${where}: status`).toBe(status);
  expect(apiError.error, `${where}: error body intact`).toEqual(body);
}

describe('error contracts', () => {
  for (const op of operations) {
    it(op.key, async () => {
      const { model, route, samples } = requireGenerated(op);
      const statuses = [...new Set([...REQUIRED, ...route.errorStatuses])].sort();
      for (const status of statuses) {
        // The spec's error sample, made unique so a body from another call cannot pass for this one.
        const base = (samples.errors[String(status)] ?? { status: 'error' }) as Record<string, unknown>;
        const body = { ...base, message: `${status} contract error for ${route.operationId}` };
        if (mockSpec.errorSchema) expect(validator.check(mockSpec.errorSchema, body, 'error'), 'error body matches the spec').toEqual([]);
        const input = callInput(model, route, samples);

        intercept(route.method, status, body);
        const { data, error, response } = await callPathClient(model, input, route.body?.kind === 'multipart');
        expect(response.status, 'path client: status').toBe(status);
        expect(data, 'path client: no data').toBeUndefined();
        expect(error, 'path client: error body intact').toEqual(body);

        intercept(route.method, status, body);
        await expectRejection(() => callFunction(model, input), status, body, model.fnName);

        for (const m of op.methods) {
          intercept(route.method, status, body);
          await expectRejection(() => callFacade(m, input), status, body, `${m.binding.resource}.${m.name}`);
        }
      }
      coverage.pass(op.key);
    });
  }

  it('covers every operation of the spec', () => coverage.gate(operations.map((o) => o.key)));
});
