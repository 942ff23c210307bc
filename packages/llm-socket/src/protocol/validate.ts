/**
 * Run-time validation of socket messages against the spec's schemas (src/generated/schemas.ts). The
 * two unions are compiled once per process, on first use, with ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1); the discriminator option makes ajv check only the branch a message's tag names, so an
 * error points at the field that is wrong and not at every other kind of message.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { socketSchemas } from '../generated/schemas.js';
import { LlmSocketError } from './errors.js';
import type { JsonObject } from './parse.js';
import type { LlmMessage, RetellMessage } from './types.js';

const SPEC_ID = 'urn:retell-kit:llm-socket';

interface Compiled {
  readonly server: ValidateFunction;
  readonly client: ValidateFunction;
}

let compiled: Compiled | undefined;

function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${SPEC_ID}#/components/`)) as object;
}

function compile(): Compiled {
  // Formats are not asserted: the socket schemas use none that matter for routing a message.
  const ajv = new Ajv2020({ strict: false, allErrors: false, discriminator: true, validateFormats: false });
  ajv.addSchema({ $id: SPEC_ID, components: socketSchemas.components } as object);
  return { server: ajv.compile(rebase(socketSchemas.serverMessage)), client: ajv.compile(rebase(socketSchemas.clientMessage)) };
}

function validators(): Compiled {
  compiled ??= compile();
  return compiled;
}

/** Compiles both unions now (they are compiled on first use otherwise), e.g. before accepting calls. */
export function warmUp(): void {
  validators();
}

function toError(errors: readonly ErrorObject[] | null | undefined, tagField: string, value: JsonObject): LlmSocketError {
  const first = errors?.[0];
  const tag = value[tagField];
  if (typeof tag !== 'string') return new LlmSocketError('unknown-type', `message has no string \`${tagField}\``, `/${tagField}`);
  if (first?.keyword === 'discriminator') return new LlmSocketError('unknown-type', `unknown ${tagField} ${JSON.stringify(tag).slice(0, 80)}`, `/${tagField}`);
  const pointer = first?.instancePath ?? '';
  const detail = first ? `${first.message ?? first.keyword}${first.params && 'allowedValues' in first.params ? ` (${JSON.stringify(first.params['allowedValues'])})` : ''}` : 'does not match its schema';
  return new LlmSocketError('invalid-message', `invalid ${tag} message: ${detail}`, pointer || '/');
}

/** A message Retell sent (interaction_type union), or throws `LlmSocketError`. */
export function checkRetellMessage(value: JsonObject): RetellMessage {
  const { server } = validators();
  if (server(value)) return value as unknown as RetellMessage;
  throw toError(server.errors, 'interaction_type', value);
}

/** A message your server sent (response_type union), or throws `LlmSocketError`. */
export function checkLlmMessage(value: JsonObject): LlmMessage {
  const { client } = validators();
  if (client(value)) return value as unknown as LlmMessage;
  throw toError(client.errors, 'response_type', value);
}
