/**
 * `packages/mcp/src/generated/docs-index.ts`: the MCP server's docs index, the docs model with each
 * entry's full markdown page. A data module typed against the MCP package's hand-written
 * `docs-model.ts`, printed as JSON (not run through prettier: it is large and pure data).
 */
import { OUTPUT_DIRS, type TextFile } from '../files.js';
import type { DocField, DocsIndex, DocsModel } from '../../core.js';
import { renderMethod, renderSocketMessage, renderWebhook } from './render.js';

function fieldNames(fields: readonly DocField[]): string[] {
  return [...new Set(fields.map((f) => f.path))];
}

export function emitMcpIndex(docs: DocsModel): TextFile {
  const full = { full: true, headingLevel: 2 };
  const index: DocsIndex = {
    title: docs.title,
    baseUrl: docs.baseUrl,
    // The field lists live on in the markdown; only their names are kept as data (for search).
    methods: docs.methods.map(({ params, positional, response, ...m }) => ({
      ...m,
      positionalNames: positional.map((f) => f.path),
      fieldNames: fieldNames([...positional, ...params]),
      response: { type: response.type, fieldNames: fieldNames(response.fields) },
      markdown: renderMethod({ ...m, params, positional, response }, full),
    })),
    webhooks: docs.webhooks.map(({ fields, ...w }) => ({ ...w, fieldNames: fieldNames(fields), markdown: renderWebhook({ ...w, fields }, full) })),
    socketMessages: docs.socketMessages.map(({ fields, ...s }) => ({ ...s, fieldNames: fieldNames(fields), markdown: renderSocketMessage({ ...s, fields }, full) })),
  };
  const text = `import type { DocsIndex } from '../docs-model.js';\n\nexport const DOCS_INDEX: DocsIndex = ${JSON.stringify(index, null, 1)};\n`;
  return { path: `${OUTPUT_DIRS.mcp}/docs-index.ts`, text, header: true };
}
