/**
 * Behaviour that single-rule fixtures do not pin down: version normalization (3.0 vs 3.1), union
 * matching by identity, allOf merging, readOnly/writeOnly, recursion, and direction semantics on a
 * realistic nested union (the shape Retell used when it widened post_call_analysis_data).
 */
import { describe, expect, it } from 'vitest';
import { diffWire, doc, ids } from './helpers.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', required, properties });
const plain = obj({ name: { type: 'string' } }, ['name']);

const circle = obj({ kind: { type: 'string', enum: ['circle'] }, radius: { type: 'number' } }, ['kind', 'radius']);
const square = obj({ kind: { type: 'string', enum: ['square'] }, side: { type: 'number' } }, ['kind', 'side']);
const shapes = { Circle: circle, Square: square };

type Case = [name: string, { base: object; head: object; want: string[] }];

const cases: Case[] = [
  [
    '3.0 nullable and 3.1 type arrays are the same schema',
    {
      base: doc(obj({ note: { type: 'string', nullable: true } }), plain, { openapi: '3.0.3' }),
      head: doc(obj({ note: { type: ['string', 'null'] } }), plain),
      want: [],
    },
  ],
  [
    '3.0 allOf+nullable ref and 3.1 oneOf-with-null ref are the same schema',
    {
      base: doc(obj({ shape: { allOf: [ref('Circle')], nullable: true } }), plain, { openapi: '3.0.3', schemas: shapes }),
      head: doc(obj({ shape: { oneOf: [ref('Circle'), { type: 'null' }] } }), plain, { schemas: shapes }),
      want: [],
    },
  ],
  [
    'union branches are matched by identity, not position',
    {
      base: doc(obj({ shape: { oneOf: [ref('Circle'), ref('Square')] } }), plain, { schemas: shapes }),
      head: doc(obj({ shape: { oneOf: [ref('Square'), ref('Circle')] } }), plain, { schemas: shapes }),
      want: [],
    },
  ],
  [
    'a change inside a matched branch is reported inside that branch only',
    {
      base: doc(obj({ shape: { oneOf: [ref('Circle'), ref('Square')] } }), plain, { schemas: shapes }),
      head: doc(obj({ shape: { oneOf: [ref('Square'), ref('Circle')] } }), plain, {
        schemas: { ...shapes, Square: obj({ kind: { type: 'string', enum: ['square'] }, side: { type: 'number' }, color: { type: 'string' } }, ['kind', 'side']) },
      }),
      want: ['request-property-added-optional'],
    },
  ],
  [
    'inline branches are matched by discriminator value when their content changes',
    {
      base: doc(
        obj({ shape: { oneOf: [inline('circle', { radius: { type: 'number' } }), inline('square', { side: { type: 'number' } })], discriminator: { propertyName: 'kind' } } }),
        plain,
      ),
      head: doc(
        obj({
          shape: {
            oneOf: [inline('square', { side: { type: 'number' }, color: { type: 'string' } }), inline('circle', { radius: { type: 'integer' } })],
            discriminator: { propertyName: 'kind' },
          },
        }),
        plain,
      ),
      want: ['request-property-added-optional', 'request-type-narrowed'],
    },
  ],
  [
    'an inline branch without discriminator still matches itself by shape after gaining an optional field',
    {
      base: doc(obj({ value: { anyOf: [{ type: 'string' }, obj({ amount: { type: 'number' } }, ['amount'])] } }), plain),
      head: doc(obj({ value: { anyOf: [obj({ amount: { type: 'number' }, currency: { type: 'string' } }, ['amount']), { type: 'string' }] } }), plain),
      want: ['request-property-added-optional'],
    },
  ],
  [
    'wrapping an existing union into a wider one widens requests and warns for responses',
    {
      base: doc(obj({ items: { type: 'array', items: ref('Analysis') } }), obj({ items: { type: 'array', items: ref('Analysis') } }), {
        schemas: { Analysis: { oneOf: [ref('Circle'), ref('Square')] }, ...shapes },
      }),
      head: doc(obj({ items: { type: 'array', items: ref('WideAnalysis') } }), obj({ items: { type: 'array', items: ref('WideAnalysis') } }), {
        schemas: {
          Analysis: { oneOf: [ref('Circle'), ref('Square')] },
          WideAnalysis: { oneOf: [ref('Analysis'), ref('Preset')] },
          Preset: obj({ kind: { type: 'string', enum: ['preset'] } }, ['kind']),
          ...shapes,
        },
      }),
      // The two new component schemas are also two new exported type names.
      want: ['response-union-branch-added', 'request-union-branch-added'],
    },
  ],
  [
    'moving a property between allOf members is not a change',
    {
      base: doc({ allOf: [ref('Base'), obj({ color: { type: 'string' } })] }, plain, { schemas: { Base: obj({ name: { type: 'string' } }, ['name']) } }),
      head: doc({ allOf: [ref('Base'), obj({})] }, plain, { schemas: { Base: obj({ name: { type: 'string' }, color: { type: 'string' } }, ['name']) } }),
      want: [],
    },
  ],
  [
    'adding `type: object` next to existing properties is not a narrowing',
    {
      base: doc({ properties: { name: { type: 'string' } } }, plain),
      head: doc({ type: 'object', properties: { name: { type: 'string' } } }, plain),
      want: [],
    },
  ],
  [
    'a readOnly property is only seen by responses, a writeOnly one only by requests',
    {
      base: doc(ref('Thing'), ref('Thing'), { schemas: { Thing: obj({ name: { type: 'string' } }) } }),
      head: doc(ref('Thing'), ref('Thing'), { schemas: { Thing: obj({ name: { type: 'string' }, id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } }, ['id', 'secret']) } }),
      want: ['request-property-added-required', 'response-property-added-required'],
    },
  ],
  [
    'integer to number widens a request and is not breaking',
    { base: doc(obj({ n: { type: 'integer' } }), plain), head: doc(obj({ n: { type: 'number' } }), plain), want: ['request-type-widened'] },
  ],
  [
    'recursive schemas terminate and report a deep change once',
    {
      base: doc(ref('Node'), plain, { schemas: { Node: obj({ label: { type: 'string' }, children: { type: 'array', items: ref('Node') } }) } }),
      head: doc(ref('Node'), plain, { schemas: { Node: obj({ label: { type: 'string', maxLength: 10 }, children: { type: 'array', items: ref('Node') } }) } }),
      want: ['request-max-length-decreased'],
    },
  ],
  [
    'mutually recursive allOf does not loop',
    {
      base: doc(ref('A'), plain, { schemas: { A: { allOf: [ref('B')], properties: { a: { type: 'string' } } }, B: { allOf: [ref('A')] } } }),
      head: doc(ref('A'), plain, { schemas: { A: { allOf: [ref('B')], properties: { a: { type: 'string' } } }, B: { allOf: [ref('A')] } } }),
      want: [],
    },
  ],
  [
    'a changed component nobody uses is not an API change',
    {
      base: doc(plain, plain, { schemas: { Unused: obj({ x: { type: 'string' } }) } }),
      head: doc(plain, plain, { schemas: { Unused: obj({ x: { type: 'integer' } }) } }),
      want: [],
    },
  ],
];

function inline(kind: string, properties: Record<string, object>): object {
  return obj({ kind: { type: 'string', const: kind }, ...properties }, ['kind']);
}

describe('structural diff semantics', () => {
  it.each(cases)('%s', (_name, { base, head, want }) => {
    expect(ids(diffWire(base, head)).sort()).toEqual([...want].sort());
  });

  it('reports a component change reached along several paths of one operation once, with the count', () => {
    const base = doc(obj({ a: ref('Leaf'), b: ref('Leaf') }), plain, { schemas: { Leaf: obj({ v: { type: 'string' } }) } });
    const head = doc(obj({ a: ref('Leaf'), b: ref('Leaf') }), plain, { schemas: { Leaf: obj({ v: { type: 'string', enum: ['x'] } }) } });
    const [finding, ...rest] = diffWire(base, head).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'request-enum-constraint-added', location: 'body(application/json).a.v', origin: 'Leaf.v', occurrences: 2 });
  });

  it('reports an enum whose every value changed once, as a replacement; a partial change as removals plus additions', () => {
    const color = (values: string[]) => doc(plain, obj({ color: { type: 'string', enum: values } }));
    expect(diffWire(color(['red', 'blue']), color(['RED', 'BLUE'])).findings.map((f) => [f.id, f.level])).toEqual([['response-enum-values-replaced', 'breaking']]);
    expect(diffWire(color(['red', 'blue']), color(['red', 'BLUE'])).findings.map((f) => [f.id, f.level])).toEqual([
      ['response-enum-value-added', 'breaking'],
      ['response-enum-value-removed', 'info'],
    ]);
  });

  it('an untyped array stays untyped whether items is absent or empty', () => {
    expect(ids(diffWire(doc(obj({ tags: { type: 'array' } }), plain), doc(obj({ tags: { type: 'array', items: {} } }), plain)))).toEqual([]);
  });

  it('a discriminator value pointed at another component breaks both directions', () => {
    const shape = (circle: string) => ({ oneOf: [ref('Circle'), ref('Square')], discriminator: { propertyName: 'kind', mapping: { circle: `#/components/schemas/${circle}`, square: '#/components/schemas/Square' } } });
    const report = diffWire(doc(obj({ s: shape('Circle') }), obj({ s: shape('Circle') }), { schemas: shapes }), doc(obj({ s: shape('Square') }), obj({ s: shape('Square') }), { schemas: shapes }));
    const discriminator = report.findings.filter((f) => f.id.endsWith('discriminator-changed')).map((f) => [f.id, f.level, f.message]);
    expect(discriminator).toEqual([
      ['request-discriminator-changed', 'breaking', 'discriminator changed: value `circle` now selects `Square` instead of `Circle`'],
      ['response-discriminator-changed', 'breaking', 'discriminator changed: value `circle` now selects `Square` instead of `Circle`'],
    ]);
  });

  it('does not depend on the key order of either document', () => {
    const base = doc(obj({ a: { type: 'string' }, b: { type: 'integer' } }), obj({ c: { type: 'string', enum: ['x', 'y'] } }));
    const head = doc(obj({ b: { type: 'number' } }, ['b']), obj({ c: { type: 'string', enum: ['y', 'x', 'z'] }, d: { type: 'string' } }));
    const forward = diffWire(base, head);
    const backward = diffWire(reverseKeys(base), reverseKeys(head));
    expect(backward.findings).toEqual(forward.findings);
    expect(forward.findings.length).toBeGreaterThan(2);
  });
});

/** The same document with every mapping's keys in reverse order. */
function reverseKeys(value: object): object {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).reverse().map(([k, child]) => [k, walk(child)]));
  };
  return walk(value) as object;
}

describe('webhooks', () => {
  const webhookDoc = (payload: object) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    webhooks: {
      call_ended: {
        post: {
          operationId: 'onCallEnded',
          requestBody: { required: true, content: { 'application/json': { schema: payload } } },
          responses: { '204': { description: 'acknowledged' } },
        },
      },
    },
  });

  it('compares the payload in the response direction: the client reads it', () => {
    const base = webhookDoc(obj({ event: { type: 'string', enum: ['call_ended'] }, call_id: { type: 'string' }, duration_ms: { type: 'integer' } }, ['event', 'call_id']));
    const head = webhookDoc(obj({ event: { type: 'string', enum: ['call_ended', 'call_ended_v2'] }, call_id: { type: 'string' }, agent_id: { type: 'string' } }, ['event', 'call_id']));
    const report = diffWire(base, head);
    expect(report.findings.map((f) => [f.id, f.operation, f.location])).toEqual([
      ['response-property-removed', 'POST webhook:call_ended', 'body(application/json).duration_ms'],
      ['response-enum-value-added', 'POST webhook:call_ended', 'body(application/json).event'],
      ['response-property-added-optional', 'POST webhook:call_ended', 'body(application/json).agent_id'],
    ]);
  });

  it('compares webhook parameters like response headers: the handler reads them', () => {
    const withHeaders = (headers: object[]) => {
      const d = webhookDoc(obj({ call_id: { type: 'string' } })) as { webhooks: { call_ended: { post: Record<string, unknown> } } };
      d.webhooks.call_ended.post.parameters = headers;
      return d;
    };
    const base = withHeaders([{ name: 'x-retell-signature', in: 'header', required: true, schema: { type: 'string' } }]);
    const head = withHeaders([{ name: 'x-retell-timestamp', in: 'header', schema: { type: 'string' } }]);
    expect(diffWire(base, head).findings.map((f) => [f.id, f.level, f.direction, f.location])).toEqual([
      ['response-required-header-removed', 'breaking', 'response', 'parameter(header.x-retell-signature)'],
      ['response-header-added', 'info', 'response', 'parameter(header.x-retell-timestamp)'],
    ]);
  });

  it('reports a webhook that disappears', () => {
    const base = webhookDoc(obj({ call_id: { type: 'string' } }));
    const head = { ...webhookDoc(obj({})), webhooks: {} };
    expect(ids(diffWire(base, head))).toEqual(['operation-removed']);
  });
});
