/**
 * The docs emitter: one docs model (model.ts) rendered twice, as `packages/sdk/api.md` and as the MCP
 * server's docs index, so the reference and what an agent searches always say the same thing. The
 * Python emitter's example for each method joins the model here, so the index shows all three languages.
 */
import type { ApiModel } from '../../ir/types.js';
import type { LoadedSpec } from '../../load/index.js';
import type { EmittedFile } from '../files.js';
import { pythonExamplesByFacadeName } from '../python/index.js';
import { emitApiDoc } from './api-md.js';
import { emitMcpIndex } from './mcp-index.js';
import { buildDocsModel } from './model.js';
import type { DocsModel } from '../../core.js';

export function emitDocs(spec: LoadedSpec, model: ApiModel): EmittedFile[] {
  const docs = withPythonExamples(buildDocsModel(spec, model), pythonExamplesByFacadeName(spec, model));
  return [emitApiDoc(model, docs), emitMcpIndex(docs)];
}

/** `examples.python` on every method the Python SDK has (keyed by facade name, `call.createPhoneCall`). */
function withPythonExamples(docs: DocsModel, python: ReadonlyMap<string, string>): DocsModel {
  const methods = docs.methods.map((m) => {
    const example = python.get(m.id);
    return example === undefined ? m : { ...m, examples: { ...m.examples, python: example } };
  });
  return { ...docs, methods };
}
