/** The nock helper: every route answers its spec sample through the SDK facade; overrides turn into errors. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Retell, { NotFoundError } from '@retell-kit/sdk';
import { interceptRetell, samples } from '@retell-kit/mock';

const baseURL = 'http://nock-helper.retell.test';
const client = new Retell({ apiKey: 'k', baseURL, maxRetries: 0 });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('interceptRetell', () => {
  it('answers each route with its sample, as often as it is called', async () => {
    interceptRetell(nock, { baseURL });
    expect(await client.agent.retrieve('agent_1')).toEqual(samples['getAgent']!.response);
    expect(await client.agent.retrieve('agent/2', { version: 1 })).toEqual(samples['getAgent']!.response);
    expect(await client.concurrency.retrieve()).toEqual(samples['getConcurrency']!.response);
    await expect(client.agent.delete('agent_1')).resolves.toBeUndefined();
  });

  it('turns an override into the matching error', async () => {
    interceptRetell(nock, { baseURL, overrides: { getAgent: { status: 404, body: { status: 'error', message: 'gone' } } } });
    const err = await client.agent.retrieve('agent_1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).error).toEqual({ status: 'error', message: 'gone' });
  });

  it('does not answer routes outside the spec', async () => {
    interceptRetell(nock, { baseURL });
    await expect(fetch(`${baseURL}/get-agents/x`)).rejects.toThrow();
  });
});
