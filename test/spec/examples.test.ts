/**
 * Every example in the spec (request bodies, responses, webhook payloads) must validate against its schema
 * under JSON Schema draft 2020-12 with formats on, the dialect of OpenAPI 3.1.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec, operations, HTTP_METHODS, type JsonObject } from './load-spec.js';

let doc: JsonObject;
let ajv: InstanceType<typeof Ajv2020>;
beforeAll(async () => {
  doc = await bundleSpec();
  // OpenAPI keywords that are annotations for JSON Schema; `x-` extensions are ignored by strict: false.
  ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
  ajv.addSchema({ $id: 'spec', components: (doc.components as JsonObject) } as object);
});

interface Sample { where: string; schema: JsonObject; value: unknown }

/** Rewrites local refs to point into the registered `spec` document. */
const rebase = (schema: JsonObject): JsonObject =>
  JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/')) as JsonObject;

function collect(root: JsonObject): Sample[] {
  const out: Sample[] = [];
  const fromContent = (where: string, content: JsonObject | undefined) => {
    for (const [media, m] of Object.entries(content ?? {})) {
      const mt = m as JsonObject;
      for (const [name, ex] of Object.entries((mt.examples ?? {}) as JsonObject)) {
        out.push({ where: `${where} ${media} examples.${name}`, schema: mt.schema as JsonObject, value: (ex as JsonObject).value });
      }
      if (mt.example !== undefined) out.push({ where: `${where} ${media} example`, schema: mt.schema as JsonObject, value: mt.example });
    }
  };
  const visitOp = (where: string, op: JsonObject) => {
    fromContent(`${where} requestBody`, (op.requestBody as JsonObject | undefined)?.content as JsonObject);
    for (const [code, r] of Object.entries((op.responses ?? {}) as JsonObject)) {
      fromContent(`${where} ${code}`, (r as JsonObject).content as JsonObject);
    }
  };
  for (const { path, method, operation } of operations(root)) visitOp(`${method.toUpperCase()} ${path}`, operation);
  for (const [name, item] of Object.entries((root.webhooks ?? {}) as Record<string, JsonObject>)) {
    for (const m of HTTP_METHODS) if (item[m]) visitOp(`webhook ${name}`, item[m] as JsonObject);
  }
  return out;
}

describe('examples', () => {
  it('has a request example for every JSON body and a response example for every success body', () => {
    const missing: string[] = [];
    for (const { path, method, operation } of operations(doc)) {
      const body = (operation.requestBody as JsonObject | undefined)?.content as JsonObject | undefined;
      for (const [media, m] of Object.entries(body ?? {})) {
        if (!(m as JsonObject).examples) missing.push(`${method} ${path} request ${media}`);
      }
      const [, ok] = Object.entries(operation.responses as Record<string, JsonObject>).find(([c]) => c.startsWith('2'))!;
      for (const [media, m] of Object.entries((ok.content ?? {}) as JsonObject)) {
        if (!(m as JsonObject).examples) missing.push(`${method} ${path} response ${media}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('validates every example against its schema (draft 2020-12, formats on)', () => {
    const samples = collect(doc);
    expect(samples.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const s of samples) {
      const validate = ajv.compile(rebase(s.schema));
      if (!validate(s.value)) failures.push(`${s.where}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('rejects an example that breaks its schema (the check can fail)', () => {
    const schema = rebase({ $ref: '#/components/schemas/AgentResponse' });
    const validate = ajv.compile(schema);
    expect(validate({ agent_id: 42 })).toBe(false);
  });
});
