/**
 * The generated docs index (src/generated/docs-index.ts) as one flat list of pages, each with the
 * text fields search ranks on. Methods, webhook events and custom-LLM socket messages alike.
 */
import { DOCS_INDEX } from './generated/docs-index.js';
import type { DocsIndex, Indexed, IndexedMethod } from './docs-model.js';
import { METHOD_ALIASES } from './search-aliases.js';

export type MethodDoc = Indexed<IndexedMethod>;

export interface DocPage {
  /** `call.createPhoneCall`, `webhook.call_ended`, `socket.server.response_required` */
  readonly id: string;
  readonly kind: 'method' | 'webhook' | 'socket';
  /** Resource filter key: the facade resource, `webhook` or `socket`. */
  readonly resource: string;
  /** What a person would call it: `client.call.createPhoneCall`, `call_ended webhook`. */
  readonly title: string;
  readonly route: string;
  readonly summary: string;
  readonly description: string;
  readonly fields: string;
  /** Users' words for it (search-aliases.ts). */
  readonly aliases: string;
  readonly markdown: string;
}

/** `createPhoneCall` → `create phone call`; `list-agents` → `list agents`. */
export function words(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-/.{}]+/g, ' ')
    .toLowerCase()
    .trim();
}

export function pagesOf(index: DocsIndex = DOCS_INDEX): DocPage[] {
  const methods = index.methods.map((m): DocPage => ({
    id: m.id,
    kind: 'method',
    resource: m.resource,
    title: `client.${m.resource}.${m.method} ${words(m.resource)} ${words(m.method)}`,
    route: `${m.httpMethod} ${m.path} ${words(m.path)}`,
    summary: m.summary ?? '',
    description: m.description ?? '',
    fields: m.fieldNames.map(words).join(' '),
    aliases: (METHOD_ALIASES[m.id] ?? []).join(' | '),
    markdown: m.markdown,
  }));
  const webhooks = index.webhooks.map((w): DocPage => ({
    id: w.id,
    kind: 'webhook',
    resource: 'webhook',
    title: `${w.event} ${words(w.event)} webhook event`,
    route: `webhook ${w.event}`,
    summary: w.summary ?? '',
    description: w.description ?? '',
    fields: w.fieldNames.map(words).join(' '),
    aliases: (METHOD_ALIASES[w.id] ?? []).join(' | '),
    markdown: w.markdown,
  }));
  const sockets = index.socketMessages.map((s): DocPage => ({
    id: s.id,
    kind: 'socket',
    resource: 'socket',
    title: `${s.name} ${words(s.name)} ${s.discriminator} custom llm websocket message ${s.direction === 'server' ? 'from retell' : 'to retell'}`,
    route: `websocket ${s.type}`,
    summary: s.description?.split(/(?<=[.!?])\s/)[0] ?? '',
    description: s.description ?? '',
    fields: s.fieldNames.map(words).join(' '),
    aliases: (METHOD_ALIASES[s.id] ?? []).join(' | '),
    markdown: s.markdown,
  }));
  return [...methods, ...webhooks, ...sockets];
}

export function methodDocs(index: DocsIndex = DOCS_INDEX): readonly MethodDoc[] {
  return index.methods;
}

export { DOCS_INDEX };
