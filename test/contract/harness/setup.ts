/** Shared per-file setup: the operations, one validator (compiled once), nock with the network closed. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mockSpec, SchemaValidator } from '@retell-kit/mock';
import { contractSpec } from './spec.js';

export async function contractSetup() {
  const spec = await contractSpec();
  const validator = new SchemaValidator(mockSpec);
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
  return { ...spec, validator };
}
