/**
 * Markdown for the docs model's entries. `api.md` prints each method with its top-level parameters;
 * the MCP docs index stores the full page (nested fields, response fields, both examples). Same
 * renderer, same model: the two cannot disagree.
 */
import type { DocField, DocMethod, DocSocketMessage, DocWebhook } from '../../core.js';

export interface RenderOptions {
  /** Show nested fields (dotted paths) and the response fields. */
  readonly full: boolean;
  readonly headingLevel: number;
}

function inlineCode(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text}${ticks}`;
}

function fieldLine(f: DocField, full: boolean): string | undefined {
  const depth = f.path.split('.').length - 1;
  if (!full && depth > 0) return undefined;
  const name = full ? f.path : f.path;
  const facts = [f.type, f.required ? 'required' : 'optional'];
  if (f.deprecated) facts.push('deprecated');
  const extra: string[] = [];
  if (f.enum && !f.type.includes("'")) extra.push(`one of ${f.enum.map((v) => inlineCode(v)).join(', ')}`);
  if (f.default !== undefined) extra.push(`default ${inlineCode(JSON.stringify(f.default))}`);
  if (f.variant) extra.push(`in ${f.variant}`);
  const desc = f.description ? `: ${f.description}` : '';
  return `${'  '.repeat(depth)}- ${inlineCode(name)} (${inlineCode(facts[0]!)}, ${facts.slice(1).join(', ')})${desc}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
}

export function renderFields(fields: readonly DocField[], full: boolean): string[] {
  return fields.map((f) => fieldLine(f, full)).filter((l): l is string => l !== undefined);
}

/**
 * api.md (`full: false`): heading, signature, route, summary and the one-line call. The index
 * (`full: true`) adds the description, every parameter and response field, and the full examples.
 */
export function renderMethod(m: DocMethod, o: RenderOptions): string {
  const h = '#'.repeat(o.headingLevel);
  const out = [`${h} ${inlineCode(`client.${m.resource}.${m.method}`)}`, ''];
  out.push('```ts', m.signature.replace(/^client\.\w+\./, ''), '```', '');
  const flags = [m.paginated ? ' (paginated: iterate with `for await`)' : '', m.deprecated ? ' (deprecated)' : ''].join('');
  out.push(`${inlineCode(`${m.httpMethod} ${m.path}`)}${flags}`, '');
  if (m.summary) out.push(m.summary, '');
  if (!o.full) {
    out.push('```ts', m.examples.call, '```', '');
    return out.join('\n');
  }
  if (m.description && m.description !== m.summary) out.push(m.description, '');
  if (m.positional.length > 0) out.push('**Path arguments**', '', ...renderFields(m.positional, true), '');
  if (m.params.length > 0) out.push(`**Parameters**${m.paramsType ? ` (${inlineCode(m.paramsType)})` : ''}`, '', ...renderFields(m.params, true), '');
  out.push(`**Returns** ${inlineCode(m.paginated ? `${m.response.type} (one page; items via for await)` : m.response.type)}`, '');
  if (m.response.fields.length > 0) out.push(...renderFields(m.response.fields, true), '');
  out.push('**Example (TypeScript)**', '', '```ts', m.examples.typescript, '```', '');
  out.push('**Example (curl)**', '', '```sh', m.examples.curl, '```', '');
  if (m.examples.python) out.push('**Example (Python)**', '', '```python', m.examples.python, '```', '');
  return out.join('\n');
}

export function renderWebhook(w: DocWebhook, o: RenderOptions): string {
  const h = '#'.repeat(o.headingLevel);
  const out = [`${h} Webhook event ${inlineCode(w.event)}`, ''];
  if (w.summary) out.push(w.summary, '');
  if (w.description) out.push(w.description, '');
  out.push(`Payload: ${inlineCode(w.payloadType)} (verify with \`verifyWebhook(rawBody, apiKey, signature)\`, parse with \`parseWebhookEvent\`)`, '');
  out.push(...renderFields(w.fields, o.full), '');
  return out.join('\n');
}

export function renderSocketMessage(s: DocSocketMessage, o: RenderOptions): string {
  const h = '#'.repeat(o.headingLevel);
  const who = s.direction === 'server' ? 'Retell → your custom LLM server' : 'your custom LLM server → Retell';
  const out = [`${h} Custom LLM socket message ${inlineCode(`${s.discriminator}: ${s.name}`)}`, ''];
  out.push(`${who}, over the custom-LLM WebSocket. Type ${inlineCode(s.type)}.`, '');
  if (s.description) out.push(s.description, '');
  out.push(...renderFields(s.fields, o.full), '');
  return out.join('\n');
}
