/**
 * The docs emitter: one docs model (model.ts) rendered twice, as `packages/sdk/api.md` and as the MCP
 * server's docs index, so the reference and what an agent searches always say the same thing.
 */
import type { ApiModel } from '../../ir/types.js';
import type { LoadedSpec } from '../../load/index.js';
import type { EmittedFile } from '../files.js';
import { emitApiDoc } from './api-md.js';
import { emitMcpIndex } from './mcp-index.js';
import { buildDocsModel } from './model.js';

export function emitDocs(spec: LoadedSpec, model: ApiModel): EmittedFile[] {
  const docs = buildDocsModel(spec, model);
  return [emitApiDoc(model, docs), emitMcpIndex(docs)];
}
