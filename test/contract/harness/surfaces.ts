/**
 * The three generated surfaces, called the way a user calls them:
 * - the typed path client: `createClient().GET('/get-agent/{agent_id}', { params })` → `{ data, error, response }`;
 * - the per-operation function: `getAgent(client, agentId, params?)`;
 * - the facade: `new Retell().agent.retrieve(agentId, params?)`, once per `x-sdk` method of the route.
 * Functions and methods are looked up by the names the IR gives them, so a missing export is a failure.
 */
import * as clientModule from '@retell-kit/client';
import Retell from '@retell-kit/sdk';
import type { MethodModel, OperationModel } from '../../../generator/src/ir/types.js';
import { functionParams, type CallInput } from './inputs.js';
import { API_KEY, BASE_URL } from './wire.js';

const options = { apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0 };

type Fn = (...args: unknown[]) => Promise<unknown>;
type PathMethod = (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export const pathClient = clientModule.createClient(options);
export const facade = new Retell(options);

/**
 * Builds the FormData a user hands to the typed path client for a multipart route, in the current
 * official form: arrays and objects without files as one JSON text part, file arrays as repeated parts.
 */
function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  const holdsFile = (value: unknown): boolean =>
    value instanceof Blob || (value !== null && typeof value === 'object' && Object.values(value).some(holdsFile));
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Blob) form.append(name, value, (value as File).name);
    else if (typeof value !== 'object') form.append(name, String(value));
    else if (!holdsFile(value)) form.append(name, JSON.stringify(value));
    else if (Array.isArray(value)) for (const v of value) add(name, v);
    else for (const [k, v] of Object.entries(value)) add(`${name}[${k}]`, v);
  };
  for (const [k, v] of Object.entries(body)) add(k, v);
  return form;
}

export function callPathClient(model: OperationModel, input: CallInput, multipart: boolean) {
  const method = (pathClient as unknown as Record<string, PathMethod>)[model.method];
  if (typeof method !== 'function') throw new Error(`typed path client has no ${model.method} method`);
  const init: Record<string, unknown> = { params: { path: input.pathValues, query: input.query } };
  if (input.body !== undefined) init['body'] = multipart ? toFormData(input.body as Record<string, unknown>) : input.body;
  return method(model.path, init);
}

export function operationFunction(model: OperationModel): Fn {
  const fn = (clientModule as unknown as Record<string, unknown>)[model.fnName];
  if (typeof fn !== 'function') throw new Error(`@retell-kit/client exports no function ${model.fnName}`);
  return fn as Fn;
}

export function callFunction(model: OperationModel, input: CallInput): Promise<unknown> {
  const args: unknown[] = [clientModule.createClient(options), ...model.pathParams.map((p) => input.pathValues[p.name])];
  if (model.paramsShape !== 'none') args.push(functionParams(model, input));
  return operationFunction(model)(...args);
}

export function facadeMethod(m: MethodModel): Fn {
  const resource = (facade as unknown as Record<string, Record<string, unknown> | undefined>)[m.binding.resource];
  const fn = resource?.[m.name];
  if (typeof fn !== 'function') throw new Error(`Retell facade has no method ${m.binding.resource}.${m.name}`);
  return (fn as Fn).bind(resource);
}

export function callFacade(m: MethodModel, input: CallInput): Promise<unknown> {
  const args: unknown[] = m.positional.map((p) => input.pathValues[p.name]);
  const opParams = functionParams(m.operation, input);
  const pathIn = Object.fromEntries(m.pathInParams.map((p) => [p.name, input.pathValues[p.name]]));
  if (m.operation.paramsShape !== 'none' || m.pathInParams.length > 0) args.push({ ...pathIn, ...(opParams as Record<string, unknown> | undefined) });
  return facadeMethod(m)(...args);
}
