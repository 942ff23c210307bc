/**
 * Python names, decided in one place for the Python emitter: snake_case methods and attributes (with the
 * acronym handling of the official SDK: `createSMSChat` → `create_sms_chat`), keywords escaped with a
 * trailing underscore (`import` → `import_`), and wire names that are not identifiers made safe.
 */
import { words } from '../../ir/naming.js';

/** Hard keywords (soft keywords such as `match`, `case` and `type` are valid names). */
export const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Keyword arguments every generated method already takes, and names of the method's own scope. */
export const RESERVED_KWARGS = new Set(['self', 'extra_headers', 'extra_query', 'extra_body', 'timeout', 'max_retries']);

/** Members a resource class has besides its methods. */
const RESERVED_MEMBERS = new Set(['with_raw_response', 'raw', '_client']);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPyIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !PY_KEYWORDS.has(name);
}

/** `chatAgent` → `chat_agent`, `createSMSChat` → `create_sms_chat`, `getMCPTools` → `get_mcp_tools`. */
export function snakeCase(raw: string): string {
  return words(raw)
    .map((w) => w.toLowerCase())
    .join('_');
}

function escapeKeyword(name: string): string {
  return PY_KEYWORDS.has(name) ? `${name}_` : name;
}

/** Members of the clients (runtime `BaseClient` and its subclasses) a resource attribute must not replace. */
const CLIENT_MEMBERS = new Set([
  'api_key', 'base_url', 'timeout', 'max_retries', 'request', 'close', 'with_options', 'webhooks', 'types', 'copy',
  'verify', 'with_raw_response', 'with_streaming_response', 'default_headers', 'default_query', 'resources',
]);

/** The client attribute of a resource: `chatAgent` → `chat_agent` (`request` → `request_resource`). */
export function pyResourceName(raw: string): string {
  const name = pyMemberName(raw);
  return CLIENT_MEMBERS.has(name) || name.startsWith('_') ? `${name.replace(/^_+/, '') || 'resource'}_resource` : name;
}

/** A method or attribute name from a camelCase IR name. */
export function pyMemberName(raw: string): string {
  const name = escapeKeyword(snakeCase(raw) || 'call');
  return RESERVED_MEMBERS.has(name) ? `${name}_` : name;
}

/** A keyword-argument name for a wire name: kept when it is a usable identifier, else made one. */
export function pyArgName(wire: string): string {
  let name = wire.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^[0-9]/.test(name)) name = `_${name}`;
  name = escapeKeyword(name);
  return RESERVED_KWARGS.has(name) ? `${name}_` : name;
}

/** `create_agent` → `CREATE_AGENT` for operation constants. */
export function constName(fnName: string): string {
  return snakeCase(fnName).toUpperCase() || 'OPERATION';
}

/** PascalCase type-name part from a wire name: `post_call_analysis_data` → `PostCallAnalysisData`. */
export function pascalPart(raw: string): string {
  return words(raw)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Unique names within one generated module. */
export class PyScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  claim(wanted: string): string {
    const base = isPyIdentifier(wanted) ? wanted : pyArgName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}
