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
import { RETELL_ESSENTIALS, stripNulls } from './tolerate.js';
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
  // Only the message's own tag makes it an unknown kind; a nested discriminator (the call's
  // `call_type` inside `call_details`) is a field of a known message that does not match.
  if (first?.keyword === 'discriminator' && first.instancePath === '') return new LlmSocketError('unknown-type', `unknown ${tagField} ${JSON.stringify(tag).slice(0, 80)}`, `/${tagField}`);
  const pointer = first?.instancePath ?? '';
  if (first?.keyword === 'discriminator') {
    return new LlmSocketError('invalid-message', `invalid ${tag} message: ${first.message ?? 'unknown variant'} (${JSON.stringify(first.params['tagValue'] ?? null)})`, `${pointer}/${String(first.params['tag'] ?? '')}`);
  }
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

/** The fields the spec names for each message kind of a union, by tag (for unknown-field warnings). */
function fieldsByTag(union: object, tagField: string): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  const branches = (union as { oneOf?: Array<{ $ref: string }> }).oneOf ?? [];
  for (const branch of branches) {
    const schema = socketSchemas.components.schemas[branch.$ref.split('/').pop()!] as { properties?: Record<string, { const?: string }> } | undefined;
    const tag = schema?.properties?.[tagField]?.const;
    if (tag) out.set(tag, new Set(Object.keys(schema.properties ?? {})));
  }
  return out;
}

let retellFields: Map<string, ReadonlySet<string>> | undefined;

/** Top-level fields the spec does not name for this message kind (Retell may add fields before the spec knows them). */
export function unknownFields(value: JsonObject, tagField: 'interaction_type' | 'response_type' = 'interaction_type'): string[] {
  const table = tagField === 'interaction_type' ? (retellFields ??= fieldsByTag(socketSchemas.serverMessage, tagField)) : (llmFields ??= fieldsByTag(socketSchemas.clientMessage, tagField));
  const known = table.get(String(value[tagField]));
  if (!known) return [];
  return Object.keys(value).filter((key) => !known.has(key));
}

let llmFields: Map<string, ReadonlySet<string>> | undefined;

/** A message read leniently: usable as `message`, with every tolerated departure from the spec in `warnings`. */
export interface Tolerated<T> {
  readonly message: T;
  readonly warnings: readonly LlmSocketError[];
}

/**
 * A message Retell sent, read as leniently as Retell's own peers are: nulls in optional fields are
 * removed, and a message that still does not match its schema is accepted when it has what routing
 * and answering need (see `tolerate.ts`); each departure becomes a warning. Throws `LlmSocketError`
 * (naming the message kind) only when the message cannot be acted on.
 */
export function readRetellMessage(value: JsonObject): Tolerated<RetellMessage> {
  const { server } = validators();
  const extra = (): LlmSocketError[] =>
    unknownFields(value).map((key) => new LlmSocketError('tolerated', `${String(value['interaction_type'])} message: unknown field "${key.slice(0, 60)}", ignored`, `/${key}`, { severity: 'warning' }));
  const tag = value['interaction_type'];
  const essentials = typeof tag === 'string' && Object.prototype.hasOwnProperty.call(RETELL_ESSENTIALS, tag) ? RETELL_ESSENTIALS[tag] : undefined;
  const failed = (problem: string): LlmSocketError => {
    const at = problem.split(' ')[0]!;
    return new LlmSocketError('invalid-message', `invalid ${String(tag)} message: ${problem.slice(at.length + 1)}`, at);
  };
  if (server(value)) {
    // The schemas leave a few holes (a non-object `call` passes the call union's discriminator).
    const problem = essentials?.(value);
    if (problem) throw failed(problem);
    return { message: value as unknown as RetellMessage, warnings: extra() };
  }
  if (!essentials) throw toError(server.errors, 'interaction_type', value);
  const warnings: LlmSocketError[] = stripNulls(value).map(
    (pointer) => new LlmSocketError('tolerated', `${tag} message: null in an optional field, read as absent`, pointer, { severity: 'warning' }),
  );
  const problem = essentials(value);
  if (problem) throw failed(problem);
  if (!server(value)) {
    const error = toError(server.errors, 'interaction_type', value);
    warnings.push(new LlmSocketError('tolerated', `${error.message.replace(/ \(at [^)]*\)$/, '')}; tolerated`, error.pointer, { severity: 'warning' }));
  }
  warnings.push(...extra());
  return { message: value as unknown as RetellMessage, warnings };
}

/** A server message checked the simulator's way: the nulls it carried, and the schema error left after removing them. */
export interface CheckedLlmMessage {
  readonly message?: LlmMessage;
  /** JSON pointers of null-valued fields (removed before the schema check). */
  readonly nulls: readonly string[];
  readonly error?: LlmSocketError;
}

/** Checks a message a server sent; nulls are removed and reported apart (Retell reads them as absent). */
export function inspectLlmMessage(value: JsonObject): CheckedLlmMessage {
  const { client } = validators();
  if (client(value)) return { message: value as unknown as LlmMessage, nulls: [] };
  const nulls = stripNulls(value);
  if (client(value)) return { message: value as unknown as LlmMessage, nulls };
  return { nulls, error: toError(client.errors, 'response_type', value) };
}
