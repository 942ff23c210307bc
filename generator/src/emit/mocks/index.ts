/**
 * The mocks emitter: `packages/mock/src/generated/` holds the data the mock server, the nock helpers
 * and the contract suite run on: `spec.ts` (every route with the schemas it validates against, and the
 * component schemas they reach) and `samples.ts` (per operation a deterministic request body, response
 * body, parameter values and error bodies). Pure: IR and bundled document in, file structures out.
 */
import type { ApiModel } from '../../ir/types.js';
import type { LoadedSpec } from '../../load/index.js';
import { isNode, obj, RefResolver, str } from '../../ir/walk.js';
import type { StructureFile } from '../files.js';
import { routeData } from './routes.js';
import { reachableSchemas, stripSchema } from './schemas.js';

export const MOCK_DIR = 'packages/mock/src/generated';

/** `export const name: Type = <json>;`, typed against the mock package's hand-written model. */
function dataModule(path: string, name: string, type: string, value: unknown): StructureFile {
  return {
    path: `${MOCK_DIR}/${path}`,
    structure: {
      statements: [`import type { ${type} } from '../model.js';`, `export const ${name}: ${type} = ${JSON.stringify(value)};`],
    },
  };
}

export function emitMocks(spec: LoadedSpec, model: ApiModel): StructureFile[] {
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
