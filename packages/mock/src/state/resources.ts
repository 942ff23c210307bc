/**
 * The resources the mock server keeps state for, as data: the facade resource name (`x-sdk.resource`),
 * the field that holds the id, how new ids look, and whether records carry versions. Everything else
 * (routes, schemas, templates) comes from the spec, so a new route of these resources works unchanged.
 */
import { randomBytes } from 'node:crypto';
import type { FormObject, FormValue } from '../http/form.js';
import { isUploadedFile } from '../http/form.js';

export type Json = Record<string, unknown>;

export interface CreateContext {
  /** A fresh id with the resource's prefix. */
  newId(prefix: string): string;
  readonly now: number;
  /** 1, 2, 3, ... per server: for ids that must look like something (phone numbers). */
  next(): number;
}

export interface ResourceDef {
  readonly resource: string;
  readonly idField: string;
  readonly idPrefix: string;
  readonly versioned: boolean;
  /**
   * Record fields from a create/update body. Default: the body as is; schema repair (record.ts) drops
   * whatever the response schema does not accept.
   */
  readonly fields?: (body: Json, form: FormObject | undefined, ctx: CreateContext, previous?: Json) => Json;
  /** True when `fields()` decides the id (`idField`) of a new record: phone numbers are their own ids. */
  readonly idFromFields?: boolean;
  /** The entry a list reply shows for a record, when lists return summaries rather than whole records. */
  readonly listItem?: (record: Json) => Json;
}

export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('hex')}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Knowledge base sources as the API reports them, from the texts, URLs and files of a form. */
function knowledgeBaseSources(body: Json, form: FormObject | undefined, ctx: CreateContext): Json[] {
  const sources: Json[] = [];
  for (const text of asArray(body['knowledge_base_texts'])) {
    const id = ctx.newId('source_');
    const title = text !== null && typeof text === 'object' ? String((text as Json)['title'] ?? '') : '';
    sources.push({ type: 'text', source_id: id, title, content_url: `https://mock.retell.local/kb/${id}.txt` });
  }
  for (const url of asArray(body['knowledge_base_urls'])) {
    sources.push({ type: 'url', source_id: ctx.newId('source_'), url: String(url) });
  }
  const files: FormValue[] = asArray(form?.['knowledge_base_files']) as FormValue[];
  for (const file of files) {
    const id = ctx.newId('source_');
    const filename = isUploadedFile(file) ? file.filename : String(file);
    const size = isUploadedFile(file) ? file.size : 0;
    sources.push({ type: 'document', source_id: id, filename, file_size: size, file_url: `https://mock.retell.local/kb/${id}/${encodeURIComponent(filename)}` });
  }
  return sources;
}

/** Agent list entries (`POST /v2/list-agents` lists voice and chat agents together as summaries). */
function agentSummary(record: Json, channel: 'voice' | 'chat'): Json {
  const name = record['agent_name'];
  const modified = record['last_modification_timestamp'];
  return {
    agent_id: record['agent_id'],
    agent_name: typeof name === 'string' ? name : '',
    channel,
    tags: {},
    user_modified_timestamp: typeof modified === 'number' ? modified : 0,
  };
}

export const RESOURCES: readonly ResourceDef[] = [
  { resource: 'app', idField: 'app_id', idPrefix: 'app_', versioned: false },
  { resource: 'contact', idField: 'contact_id', idPrefix: 'contact_', versioned: false },
  { resource: 'agent', idField: 'agent_id', idPrefix: 'agent_', versioned: true, listItem: (r) => agentSummary(r, 'voice') },
  { resource: 'chatAgent', idField: 'agent_id', idPrefix: 'agent_', versioned: true, listItem: (r) => agentSummary(r, 'chat') },
  { resource: 'llm', idField: 'llm_id', idPrefix: 'llm_', versioned: true },
  {
    resource: 'conversationFlow',
    idField: 'conversation_flow_id',
    idPrefix: 'conversation_flow_',
    versioned: true,
  },
  {
    resource: 'knowledgeBase',
    idField: 'knowledge_base_id',
    idPrefix: 'knowledge_base_',
    versioned: false,
    fields: (body, form, ctx, previous) => {
      const { knowledge_base_texts: _t, knowledge_base_urls: _u, knowledge_base_files: _f, ...rest } = body;
      const before = Array.isArray(previous?.['knowledge_base_sources']) ? (previous['knowledge_base_sources'] as Json[]) : [];
      return { ...rest, status: 'complete', knowledge_base_sources: [...before, ...knowledgeBaseSources(body, form, ctx)], last_refreshed_timestamp: ctx.now };
    },
  },
  {
    resource: 'phoneNumber',
    idField: 'phone_number',
    idPrefix: '+1',
    versioned: false,
    idFromFields: true,
    fields: (body, _form, ctx, previous) => {
      if (previous) return body;
      // A bought number: the requested area code (default 415), then a 555 line that is new per server.
      const area = typeof body['area_code'] === 'number' ? body['area_code'] : 415;
      const line = String(ctx.next() % 10000).padStart(4, '0');
      const number = typeof body['phone_number'] === 'string' ? body['phone_number'] : `+1${area}555${line}`;
      return { ...body, phone_number: number, phone_number_pretty: number };
    },
  },
];
