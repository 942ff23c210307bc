/**
 * Python source literals for text that comes from the spec (descriptions, names, examples). Nothing from
 * the spec is ever put into a comment or an unescaped string: a description holding `"""`, a backslash,
 * a control character or a line break must not end a docstring early or change its meaning.
 */

/** A double-quoted Python string literal; JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`) are Python's too. */
export function pyStr(value: string): string {
  // JSON.stringify leaves U+2028/U+2029 raw; Python accepts them in strings, but escape them for readers.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Escapes text for the inside of a `"""` docstring: backslashes, quote runs, control characters. */
export function docstringBody(text: string): string {
  const trimmed = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
  return (
    trimmed
      .replace(/\\/g, '\\\\')
      // Only quotes that could close the docstring: one followed by another quote, or the last character.
      .replace(/"(?="|$)/g, '\\"')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}

/** A docstring at `indent`: one line when short, else the text on its own lines. */
export function docstring(text: string, indent: string): string {
  const body = docstringBody(text);
  if (body === '') return '';
  const lines = body.split('\n');
  if (lines.length === 1 && body.length + indent.length < 100) return `${indent}"""${body}"""\n`;
  return `${indent}"""\n${lines.map((l) => (l === '' ? '' : indent + l)).join('\n')}\n${indent}"""\n`;
}

/** A Python literal for a JSON value (examples in docs). */
export function pyValue(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'string') return pyStr(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => pyValue(v, indent)).join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${pyStr(k)}: ${pyValue(v, inner)},`).join('\n')}\n${indent}}`;
}
