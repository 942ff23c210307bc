/**
 * The mocks emitter: `packages/mock/src/generated/` holds the data the mock server, the nock helpers
 * and the contract suite run on: `spec.ts` (every route with the schemas it validates against, and the
 * component schemas they reach) and `samples.ts` (per operation a deterministic request body, response
 * body, parameter values and error bodies). Pure: IR and bundled document in, file structures out.
 */
import { inStage } from '../../errors.js';
import type { ApiModel } from '../../ir/types.js';
import type { LoadedSpec } from '../../load/index.js';
import { isNode, obj, RefResolver, str } from '../../ir/walk.js';
import { tsJson } from '../escape.js';
import type { EmittedFile, TextFile } from '../files.js';
import { routeData } from './routes.js';
import { SampleMemo, sampleBudget, type SampleContext } from './samples.js';
import { reachableSchemas, stripSchema } from './schemas.js';

export const MOCK_DIR = 'packages/mock/src/generated';

/**
 * `export const name = JSON.parse([...lines].join('\n')) as Type;`: the data as JSON text, one string
 * per line of indented JSON, typed once by the mock package's hand-written model. The type checker reads
 * a list of strings at almost no cost, where the same data as an object literal is checked against the
 * model field by field (on the Retell spec: 2.6 s of check time against 0.5 s); diffs stay line by line,
 * and JSON.parse is the fastest way for V8 to build the value. Not run through prettier (pure data).
 */
function jsonModuleText(name: string, type: string, value: unknown, typeImport = type): string {
  const lines = tsJson(value, 2)
    .split('\n')
    .map((line) => `  ${tsJson(line)},`);
  return [`import type { ${typeImport} } from '../model.js';`, '', `export const ${name} = JSON.parse(`, '  [', ...lines.map((l) => `  ${l}`), "  ].join('\\n'),", `) as ${type};`, ''].join('\n');
}

function dataModule(path: string, name: string, type: string, value: unknown): TextFile {
  return { path: `${MOCK_DIR}/${path}`, text: jsonModuleText(name, type, value), header: true };
}

/** A data module above this many characters is split into parts (editors, tsc and git cope better). */
export const DATA_MODULE_MAX_CHARS = 4_000_000;

/**
 * The entries of a record (sample table) or list (routes) cut into consecutive chunks of at most
 * `DATA_MODULE_MAX_CHARS` of JSON each; one chunk when it fits. Deterministic: cut by size in order.
 */
function chunks<T>(entries: readonly T[], size: (entry: T) => number): T[][] {
  const out: T[][] = [[]];
  let used = 0;
  for (const entry of entries) {
    const n = size(entry);
    if (used > 0 && used + n > DATA_MODULE_MAX_CHARS) {
      out.push([]);
      used = 0;
    }
    out.at(-1)!.push(entry);
    used += n;
  }
  return out;
}

/**
 * The samples table, in one module when it fits, else in parts (`samples-1.ts`, ...) that
 * `samples.ts` joins, so the mock package still imports one \`samples\` value.
 */
function sampleModules(table: Record<string, unknown>): TextFile[] {
  const parts = chunks(Object.entries(table), ([k, v]) => k.length + tsJson(v, 2).length);
  if (parts.length === 1) return [dataModule('samples.ts', 'samples', 'SampleTable', table)];
  const names = parts.map((_, i) => `samples${i + 1}`);
  const joined = [
    ...names.map((n, i) => `import { ${n} } from './samples-${i + 1}.js';`),
    "import type { SampleTable } from '../model.js';",
    '',
    `export const samples: SampleTable = { ${names.map((n) => `...${n}`).join(', ')} };`,
    '',
  ].join('\n');
  return [
    ...parts.map((entries, i) => dataModule(`samples-${i + 1}.ts`, names[i]!, 'SampleTable', Object.fromEntries(entries))),
    { path: `${MOCK_DIR}/samples.ts`, text: joined, header: true },
  ];
}

/** The mock spec, with its routes in parts (`routes-1.ts`, ...) when the whole would be too large. */
function specModules(mockSpec: Record<string, unknown> & { routes: unknown[] }): TextFile[] {
  const parts = chunks(mockSpec.routes, (r) => tsJson(r, 2).length);
  if (parts.length === 1) return [dataModule('spec.ts', 'mockSpec', 'MockSpec', mockSpec)];
  const names = parts.map((_, i) => `routes${i + 1}`);
  const { routes: _routes, ...rest } = mockSpec;
  const restJson = tsJson(rest, 2);
  const joined = [
    ...names.map((n, i) => `import { ${n} } from './routes-${i + 1}.js';`),
    "import type { MockSpec } from '../model.js';",
    '',
    `export const mockSpec: MockSpec = { ...${restJson.replace(/\n/g, '\n  ')}, routes: [${names.map((n) => `...${n}`).join(', ')}] };`,
    '',
  ].join('\n');
  return [
    ...parts.map((list, i) => ({ path: `${MOCK_DIR}/routes-${i + 1}.ts`, text: jsonModuleText(names[i]!, 'MockRoute[]', list, 'MockRoute'), header: true })),
    { path: `${MOCK_DIR}/spec.ts`, text: joined, header: true },
  ];
}

/** The value of a data module (what `jsonModuleText` printed), for tests and tools. */
export function dataOf(file: EmittedFile): unknown {
  const text = 'text' in file ? file.text : '';
  // The list of lines is itself JSON (each line printed as a JSON string).
  const list = text.slice(text.indexOf('JSON.parse(') + 'JSON.parse('.length, text.lastIndexOf('].join(') + 1);
  const lines = JSON.parse(list.replace(/,\s*\]$/, ']')) as string[];
  return JSON.parse(lines.join('\n'));
}

/** The mock server's data for an API: its routes with their schemas, and a sample table. */
export interface MockData {
  readonly mockSpec: Record<string, unknown> & { routes: unknown[] };
  readonly samples: Record<string, unknown>;
}

export function mockData(spec: LoadedSpec, model: ApiModel): MockData {
  const doc = spec.document;
  const ctx: SampleContext = { doc, resolver: new RefResolver(doc, spec.file), maxChars: sampleBudget(model.operations.length), memo: new SampleMemo() };
  const routes = model.operations.map((op) => inStage('emit', { part: 'mocks', operation: op.operationId, pointer: op.pointer }, () => routeData(op, ctx)));
  const components = obj(obj(doc, 'components') ?? {}, 'schemas') ?? {};
  const errorSchema = routes.find((r) => r.errorSchema !== undefined)?.errorSchema;
  const roots = [...routes.flatMap((r) => r.schemaRoots), ...(errorSchema !== undefined ? [errorSchema] : [])];
  const schemas = Object.fromEntries(reachableSchemas(roots, components).map((name) => [name, stripSchema(components[name])]));
  const info = obj(doc, 'info') ?? {};
  const mockSpec = {
    title: model.title,
    version: str(info, 'version') ?? '',
    routes: routes.map((r) => r.route),
    components: { schemas },
    ...(errorSchema !== undefined && isNode(errorSchema) ? { errorSchema: stripSchema(errorSchema) } : {}),
  };
  const samples = Object.fromEntries(model.operations.map((op, i) => [op.operationId, routes[i]!.samples]));
  return { mockSpec, samples };
}

export function emitMocks(spec: LoadedSpec, model: ApiModel): EmittedFile[] {
  const { mockSpec, samples } = mockData(spec, model);
  return [
    ...specModules(mockSpec),
    ...sampleModules(samples),
    {
      path: `${MOCK_DIR}/index.ts`,
      structure: { statements: ["export { mockSpec } from './spec.js';", "export { samples } from './samples.js';"] },
    },
  ];
}
