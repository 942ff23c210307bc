/**
 * The one place that decides names: casing, reserved words, odd characters and collisions.
 * Emitters never build identifiers themselves; they read the names stored in the IR.
 */
import { tsString } from './ts-string.js';
import { instanceMembers } from './client-members.js';

/** Words that cannot be a binding name in strict-mode ES modules, plus TypeScript's reserved type names. */
const RESERVED_WORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected',
  'public', 'await', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
]);

/** Type names that would shadow TypeScript keywords or globals the generated files rely on. */
const RESERVED_TYPE_NAMES = new Set([
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'undefined',
  'void', 'null', 'Array', 'Object', 'Promise', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit',
  'NonNullable', 'Date', 'Error', 'Blob', 'File', 'FormData', 'Response', 'Request', 'Headers', 'Function',
  'String', 'Number', 'Boolean', 'Symbol', 'Map', 'Set', 'Uint8Array', 'ReadableStream', 'AbortSignal',
  // generated module-level names
  'paths', 'components', 'operations', 'webhooks', '$defs', 'Client',
  // runtime exports the generated files import next to the schema types
  'RetellCore', 'APIPromise', 'PagePromise', 'RequestOptions', 'ClientOptions', 'OperationSpec', 'RequestInput',
  'WithResponse', 'PaginationSpec', 'Logger', 'RetellError', 'APIError', 'BadRequestError', 'AuthenticationError',
  'PermissionDeniedError', 'NotFoundError', 'ConflictError', 'UnprocessableEntityError', 'RateLimitError',
  'InternalServerError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError', 'Uploadable',
  'Retell', 'APIResource', 'RequestClient', 'HeadersInput', 'LogLevel', 'ToFileOptions', 'VerifyWebhookOptions',
  'WebhookVerificationError',
]);

/** Members of the root client class (a resource property must not override one) and of every resource class. */
let reservedMembers: { client: ReadonlySet<string>; resource: ReadonlySet<string> } | undefined;
function reserved(): { client: ReadonlySet<string>; resource: ReadonlySet<string> } {
  return (reservedMembers ??= { client: instanceMembers('RetellClient'), resource: instanceMembers('APIResource') });
}

/** Splits on anything that is not a letter or digit and on lower→upper case boundaries. */
export function words(raw: string): string[] {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `create-agent` → `CreateAgent`, `AgentResponse` stays, `LLMConfig` stays. */
export function pascalCase(raw: string): string {
  const parts = raw.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return parts.map(capitalize).join('');
}

/** `create-agent` → `createAgent`, `agent_id` → `agentId`, `LLMList` → `llmList`, `repos/get` → `reposGet`. */
export function camelCase(raw: string): string {
  const parts = words(raw);
  return parts
    .map((w, i) => {
      const isAcronym = w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);
      if (i === 0) return isAcronym ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1);
      return isAcronym ? capitalize(w.toLowerCase()) : capitalize(w);
    })
    .join('');
}

/** `chatAgent` → `chat-agent`. */
export function kebabCase(raw: string): string {
  return words(raw)
    .map((w) => w.toLowerCase())
    .join('-');
}

/** Makes any string a valid identifier: leading digit gets `_`, empty gets `_`, reserved words get a trailing `_`. */
export function safeIdentifier(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, '');
  if (id === '') id = '_';
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED_WORDS.has(id)) id = `${id}_`;
  return id;
}

export function isValidIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * A value identifier (function, variable, parameter) in camelCase. A name that already is a lower-case
 * identifier is kept as written (`createSMSChat` must not become `createSmsChat`).
 */
export function valueName(raw: string): string {
  if (/^[a-z_$][A-Za-z0-9_$]*$/.test(raw)) return safeIdentifier(raw);
  return safeIdentifier(camelCase(raw));
}

/** A type identifier in PascalCase, never a keyword or a name the generated files already use. */
export function typeName(raw: string): string {
  let name = safeIdentifier(/^[A-Z][A-Za-z0-9_$]*$/.test(raw) ? raw : pascalCase(raw));
  if (RESERVED_TYPE_NAMES.has(name)) name = `${name}Schema`;
  return name;
}

export function resourceProperty(raw: string): string {
  const name = methodName(raw);
  return reserved().client.has(name) ? `${name}Resource` : name;
}

/** Method and property names may be reserved words (`client.agent.delete()`), only not class internals. */
export function methodName(raw: string): string {
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(raw) && /^[a-z_$]/.test(raw) ? raw : camelCase(raw) || '_';
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return reserved().resource.has(safe) ? `${safe}_` : safe;
}

/**
 * Hands out unique names within one namespace. The first claimant keeps the plain name; later ones get
 * `2`, `3`, ... Callers claim in a sorted order, so the result does not depend on spec key order.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/** Property key as written in TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}

/** `obj.name` or `obj["odd-name"]`. */
export function propertyAccess(object: string, name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${object}.${name}` : `${object}[${tsString(name)}]`;
}
