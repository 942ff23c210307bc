/**
 * The mock server's state: one `Collection` per stateful resource, and the behaviour of each facade
 * method on them (`x-sdk` names: create, retrieve/get, list, update, delete, the version methods and the
 * knowledge base source methods). Routes of other resources, and methods not listed here, answer the
 * spec's samples. Replies are built records validated against the route's response schema.
 */
import type { MockRoute, SampleTable } from '../model.js';
import type { ParsedInput } from '../http/request.js';
import type { SchemaValidator } from '../validate/ajv.js';
import { Collection } from './collection.js';
import { buildRecord } from './record.js';
import { randomId, RESOURCES, type CreateContext, type Json } from './resources.js';
import { listReply } from './pagination.js';

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

type Handler = (c: Collection, route: MockRoute, input: ParsedInput) => Reply;

const asJson = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

function notFound(c: Collection, id: string, version?: number): Reply {
  const what = c.def.resource.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`);
  const message = version === undefined ? `No ${what} with id ${id}.` : `No version ${version} of ${what} ${id}.`;
  return { status: 404, body: { status: 'error', message } };
}

export class MockStore {
  readonly #collections = new Map<string, Collection>();
  readonly #samples: SampleTable;
  readonly #validator: SchemaValidator;
  #sequence = 0;
  #lastTime = 0;

  constructor(samples: SampleTable, validator: SchemaValidator) {
    this.#samples = samples;
    this.#validator = validator;
    for (const def of RESOURCES) this.#collections.set(def.resource, new Collection(def));
  }

  /** The collection of a resource, for tests and the benchmark's consistency checks. */
  collection(resource: string): Collection | undefined {
    return this.#collections.get(resource);
  }

  reset(): void {
    for (const c of this.#collections.values()) c.clear();
  }

  /** The stateful reply for this route, or `undefined` when the route answers a stateless sample. */
  handle(route: MockRoute, input: ParsedInput): Reply | undefined {
    for (const binding of route.sdk) {
      const handler = this.#handlers[binding.method];
      const c = this.#collections.get(binding.resource);
      if (!handler || !c) continue;
      // Routes shared by agents and chat agents (`x-sdk` lists): serve the collection that has the id.
      const id = this.#idOf(c, route, input);
      if (id !== undefined && !c.has(id) && route.sdk.some((b) => b !== binding && this.#collections.get(b.resource)?.has(id))) continue;
      return handler(c, route, input);
    }
    return undefined;
  }

  #idOf(c: Collection, route: MockRoute, input: ParsedInput): string | undefined {
    const param = route.pathParams[route.pathParams.length - 1];
    if (!param) return undefined;
    const value = input.path[c.def.idField] ?? input.path[param.name];
    return value === undefined ? undefined : String(value);
  }

  /** Records a list route shows: every collection the route lists (agents and chat agents share one), as list entries. */
  #listed(c: Collection, route: MockRoute): Json[] {
    const listed = route.sdk.filter((b) => b.method === 'list').map((b) => this.#collections.get(b.resource)).filter((x): x is Collection => !!x);
    return (listed.length > 0 ? listed : [c]).flatMap((col) => col.list().map((r) => (col.def.listItem ? col.def.listItem(r) : r)));
  }

  #context(): CreateContext {
    // Timestamps only move forward, so "modified after" checks hold even within one millisecond.
    const now = (this.#lastTime = Math.max(Date.now(), this.#lastTime + 1));
    return { now, newId: randomId, next: () => ++this.#sequence };
  }

  #schema(route: MockRoute) {
    return route.success.schema;
  }

  /** A reply with the stored record, or 404. */
  #found(c: Collection, id: string, version?: number, status = 200): Reply {
    const record = c.get(id, version);
    return record ? { status, body: record } : notFound(c, id, version);
  }

  /** 422 when an agent points at a response engine this server does not know. */
  #checkReferences(body: Json): Reply | undefined {
    const engine = asJson(body['response_engine']);
    const refs: [string, string, string][] = [
      ['retell-llm', 'llm_id', 'llm'],
      ['conversation-flow', 'conversation_flow_id', 'conversationFlow'],
    ];
    for (const [type, field, resource] of refs) {
      const id = engine[field];
      if (engine['type'] === type && typeof id === 'string' && !this.#collections.get(resource)?.has(id)) {
        return { status: 422, body: { status: 'error', message: `body.response_engine.${field}: no ${type} response engine with id ${id}.` } };
      }
    }
    return undefined;
  }

  readonly #handlers: Record<string, Handler> = {
    create: (c, route, input) => this.#create(c, route, input),
    import: (c, route, input) => this.#create(c, route, input),
    retrieve: (c, route, input) => this.#found(c, this.#idOf(c, route, input)!, numberOr(input.query['version'])),
    // Newer resources (apps, contacts) name their read method `get`.
    get: (c, route, input) => this.#handlers['retrieve']!(c, route, input),
    list: (c, route, input) => listReply(this.#listed(c, route), route, input, this.#samples[route.operationId]?.response, c.def.idField),
    getVersions: (c, route, input) => {
      const id = this.#idOf(c, route, input)!;
      const versions = c.versions(id);
      return versions ? { status: 200, body: [...versions] } : notFound(c, id);
    },
    update: (c, route, input) => {
      const id = this.#idOf(c, route, input)!;
      const previous = c.latest(id);
      if (!previous) return notFound(c, id);
      const body = asJson(input.body);
      const broken = this.#checkReferences(body);
      if (broken) return broken;
      const ctx = this.#context();
      const fields = c.def.fields ? c.def.fields(body, input.form, ctx, previous) : body;
      const fixed: Json = { [c.def.idField]: id, ...this.#stamp(previous, ctx) };
      if (c.def.versioned) Object.assign(fixed, { version: Number(previous['version'] ?? 0) + 1, ...(`is_published` in previous ? { is_published: false } : {}) });
      const record = buildRecord(previous, fields, fixed, this.#schema(route), this.#validator);
      c.push(id, record);
      return { status: route.success.status, body: record };
    },
    addSources: (c, route, input) => this.#handlers['update']!(c, route, input),
    deleteSource: (c, route, input) => {
      const id = String(input.path[c.def.idField]);
      const sourceId = String(input.path['source_id']);
      const previous = c.latest(id);
      if (!previous) return notFound(c, id);
      const sources = Array.isArray(previous['knowledge_base_sources']) ? (previous['knowledge_base_sources'] as Json[]) : [];
      if (!sources.some((s) => s['source_id'] === sourceId)) {
        return { status: 404, body: { status: 'error', message: `Knowledge base ${id} has no source ${sourceId}.` } };
      }
      const record = { ...previous, knowledge_base_sources: sources.filter((s) => s['source_id'] !== sourceId) };
      c.push(id, record);
      return { status: route.success.status, body: record };
    },
    delete: (c, route, input) => {
      const id = this.#idOf(c, route, input)!;
      return c.delete(id) ? { status: route.success.status } : notFound(c, id);
    },
    createVersion: (c, route, input) => {
      const id = this.#idOf(c, route, input)!;
      const latest = c.latest(id);
      if (!latest) return notFound(c, id);
      const body = asJson(input.body);
      const baseVersion = numberOr(body['base_version']);
      const base = c.get(id, baseVersion);
      if (!base) return notFound(c, id, baseVersion);
      const ctx = this.#context();
      const fixed: Json = {
        [c.def.idField]: id,
        version: Number(latest['version'] ?? 0) + 1,
        base_version: base['version'],
        is_published: false,
        ...this.#stamp(latest, ctx),
        ...(typeof body['version_description'] === 'string' ? { version_description: body['version_description'] } : {}),
      };
      const record = buildRecord(base, {}, fixed, this.#schema(route), this.#validator);
      c.push(id, record);
      return { status: route.success.status, body: record };
    },
    publish: (c, route, input) => {
      const id = this.#idOf(c, route, input)!;
      const latest = c.latest(id);
      if (!latest) return notFound(c, id);
      const body = asJson(input.body);
      const version = numberOr(body['version']) ?? Number(latest['version'] ?? 0);
      const target = c.get(id, version);
      if (!target) return notFound(c, id, version);
      const ctx = this.#context();
      const description = typeof body['version_description'] === 'string' ? { version_description: body['version_description'] } : {};
      c.replaceVersion(id, version, { ...target, ...description, is_published: true });
      // Publishing freezes that version; edits continue on a new draft after the latest one.
      const draft: Json = { ...c.latest(id)!, version: Number(latest['version'] ?? 0) + 1, base_version: version, is_published: false, ...this.#stamp(latest, ctx) };
      delete draft['version_description'];
      c.push(id, draft);
      return { status: route.success.status, ...(route.success.schema ? { body: c.get(id, version) } : {}) };
    },
    deleteVersion: (c, route, input) => {
      const id = this.#idOf(c, route, input)!;
      const version = numberOr(input.query['version']);
      const versions = c.versions(id);
      if (!versions) return notFound(c, id);
      if (version === undefined || !versions.some((v) => v['version'] === version)) return notFound(c, id, version);
      if (versions.length === 1) {
        return { status: 422, body: { status: 'error', message: `Version ${version} is the only version of ${id}; delete the agent instead.` } };
      }
      c.removeVersion(id, version);
      return { status: route.success.status };
    },
  };

  #stamp(previous: Json | undefined, ctx: CreateContext): Json {
    return previous === undefined || 'last_modification_timestamp' in previous ? { last_modification_timestamp: ctx.now } : {};
  }

  #create(c: Collection, route: MockRoute, input: ParsedInput): Reply {
    const body = asJson(input.body);
    const broken = this.#checkReferences(body);
    if (broken) return broken;
    const ctx = this.#context();
    const fields = c.def.fields ? c.def.fields(body, input.form, ctx) : body;
    const chosen = c.def.idFromFields ? fields[c.def.idField] : undefined;
    const id = typeof chosen === 'string' ? chosen : ctx.newId(c.def.idPrefix);
    if (c.has(id)) {
      return { status: 409, body: { status: 'error', message: `A ${c.def.resource} with id ${id} already exists.` } };
    }
    const template = asJson(this.#samples[route.operationId]?.response);
    const fixed: Json = { [c.def.idField]: id, ...('last_modification_timestamp' in template ? { last_modification_timestamp: ctx.now } : {}) };
    if (c.def.versioned) Object.assign(fixed, { version: 0, is_published: false });
    const record = buildRecord(stripVersionFields(template), fields, fixed, this.#schema(route), this.#validator);
    c.insert(id, record);
    return { status: route.success.status, body: record };
  }
}

/** A sample response may describe a later version; a new record starts without that history. */
function stripVersionFields(template: Json): Json {
  const { base_version: _b, version_description: _d, ...rest } = template;
  return rest;
}

function numberOr(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
