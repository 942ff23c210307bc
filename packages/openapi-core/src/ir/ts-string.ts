/**
 * A TypeScript string literal for any text: the IR needs it for property keys that are not identifiers
 * (`propertyKey`), and the emitters get it through `emit/escape.ts`, their one escaping point.
 */

/** Line and paragraph separators: legal in TS strings since ES2019, but line breaks to many tools. */
const SEPARATORS = /[\u2028\u2029]/g;

function escapeSeparator(ch: string): string {
  return ch === '\u2028' ? '\\u2028' : '\\u2029';
}

/**
 * A string literal in `quote` (`"` or `'`). JSON escaping covers backslashes, quotes, control
 * characters and lone surrogates; line/paragraph separators are escaped as well so no tool sees a line
 * break inside the literal. Non-ASCII text stays as written (the files are UTF-8).
 */
export function tsString(value: string, quote: '"' | "'" = '"'): string {
  const json = JSON.stringify(value).replace(SEPARATORS, escapeSeparator);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
