/**
 * The mocks emitter: `packages/mock/src/generated/` holds the data the mock server, the nock helpers
 * and the contract suite run on: `spec.ts` (every route with the schemas it validates against, and the
 * component schemas they reach) and `samples.ts` (per operation a deterministic request body, response
 * body, parameter values and error bodies). Pure: IR and bundled document in, file structures out.
 */
import type { ApiModel } from '../../ir/types.js';
import type { LoadedSpec } from '../../load/index.js';
import { isNode, obj, RefResolver, str } from '../../ir/walk.js';
import type { EmittedFile, TextFile } from '../files.js';
import { routeData } from './routes.js';
import { reachableSchemas, stripSchema } from './schemas.js';

export const MOCK_DIR = 'packages/mock/src/generated';

/**
 * `export const name: Type = <json>;`, typed against the mock package's hand-written model. Printed as
 * indented JSON and not run through prettier: these are the largest generated files and pure data, and
 * formatting them cost more than all the other outputs together.
 */
function dataModule(path: string, name: string, type: string, value: unknown): TextFile {
  const text = `import type { ${type} } from '../model.js';\n\nexport const ${name}: ${type} = ${JSON.stringify(value, null, 2)};\n`;
  return { path: `${MOCK_DIR}/${path}`, text, header: true };
}

/** The value of a data module (what `dataModule` printed), for tests and tools. */
export function dataOf(file: EmittedFile): unknown {
  const text = 'text' in file ? file.text : '';
  return JSON.parse(text.slice(text.indexOf(' = ') + 3, text.lastIndexOf(';')));
}

export function emitMocks(spec: LoadedSpec, model: ApiModel): EmittedFile[] {
  const doc = spec.document;
  const ctx = { doc, resolver: new RefResolver(doc, spec.file) };
  const routes = model.operations.map((op) => routeData(op, ctx));
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
  return [
    dataModule('spec.ts', 'mockSpec', 'MockSpec', mockSpec),
    dataModule('samples.ts', 'samples', 'SampleTable', samples),
    {
      path: `${MOCK_DIR}/index.ts`,
      structure: { statements: ["export { mockSpec } from './spec.js';", "export { samples } from './samples.js';"] },
    },
  ];
}
