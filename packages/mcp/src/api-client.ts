/**
 * The SDK clients this server builds: always with an explicit base URL (so a call's `defaultBaseURL`
 * can never apply) and the request guard as their `fetch` (guard.ts). One client per tool call, so the
 * guard's request budget belongs to that call.
 */
import { Retell } from '@retell-kit/sdk';
import { guardedFetch, RequestBudget, type RequestPolicy } from './guard.js';

export const DEFAULT_API_BASE_URL = 'https://api.retellai.com';

/** Where a call's key and base URL come from (the environment locally, the request over HTTP). */
export interface ApiCredentials {
  readonly apiKey: string;
  readonly baseURL?: string;
}

export function createApiClient(creds: ApiCredentials, policy: RequestPolicy, budget: RequestBudget): Retell {
  const baseURL = (creds.baseURL ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  return new Retell({ apiKey: creds.apiKey, baseURL, fetch: guardedFetch(baseURL, policy, budget), logLevel: 'off' });
}

export { RequestBudget };
