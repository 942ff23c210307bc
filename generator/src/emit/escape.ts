/**
 * The one escaping point per target for text that comes from the spec (descriptions, summaries, media
 * types, paths, names, enum values, examples) and lands in generated code. Every emitter calls these
 * instead of concatenating spec text into source; each encoding is reversible (`decodeDocText` is the
 * inverse of `docText`), which the hostile-text test checks by reading the generated files back.
 *
 * Targets: a JSDoc comment body (`docText`), a string literal (`tsString`), a template literal
 * (`tsTemplate`), a JSON value printed as a TypeScript expression (`tsJson`), JSON inside an HTML
 * `<script>` element (`scriptJson`). Identifiers are decided by `ir/naming.ts` (`safeIdentifier`,
 * `propertyKey`), which uses `tsString` for keys that are not identifiers.
 */

/** Line and paragraph separators: legal in TS strings since ES2019, but line breaks to many tools. */
const SEPARATORS = /[\u2028\u2029]/g;

function escapeSeparator(ch: string): string {
  return ch === '\u2028' ? '\\u2028' : '\\u2029';
}

/**
 * Text for a `/** ... *\/` comment body. `*` followed by k ≥ 0 backslashes and `/` gets one more
 * backslash, so `*\/` can no longer end the comment and the encoding stays reversible. Every line
 * terminator (CR, CRLF, U+2028, U+2029: all end a line in JavaScript, and printers re-indent after
 * them) becomes `\n`, and NUL is dropped. `/*`, `${`, quotes and `</script>` are harmless inside a
 * comment and stay as written.
 */
export function docText(text: string): string {
  return normalizeLines(text)
    .replace(/\0/g, '')
    .replace(/\*(\\*)\//g, '*\\$1/');
}

/** Line terminators as one `\n` each: what a comment can carry of them. */
export function normalizeLines(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/** Inverse of `docText` up to `normalizeLines` (for tests and tools reading generated comments). */
export function decodeDocText(text: string): string {
  return text.replace(/\*\\(\\*)\//g, '*$1/');
}

/** A string literal in `quote` (`"` or `'`): declared by the core, which needs it for property keys. */
export { tsString } from '../core.js';

/** The body of a template literal (without the backticks): backslashes, backticks and `${` escaped. */
export function tsTemplate(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r')
    .replace(SEPARATORS, escapeSeparator);
}

/** A JSON value as a TypeScript expression (data modules): JSON is valid TS once separators are escaped. */
export function tsJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(SEPARATORS, escapeSeparator);
}

/**
 * JSON for an inline HTML `<script>` element: `<` is escaped so no `</script>` or `<!--` in a spec
 * string can end the element; `>` and `&` for the same reason in attribute-adjacent contexts.
 */
export function scriptJson(value: unknown): string {
  return tsJson(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/**
 * A path template as it goes on the wire: characters a URL path cannot carry literally (`#`, `?`,
 * spaces, non-ASCII) are percent-encoded outside the `{param}` placeholders, so `/#Action=List` is sent
 * as `/%23Action=List` and not cut at the `#` (fetch would send `GET /`). `%` is kept: a template that
 * already holds an escape stays as written.
 */
export function wirePath(template: string): string {
  return template
    .split(/(\{[^{}]+\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu, (c) => encodeURIComponent(c))))
    .join('');
}
