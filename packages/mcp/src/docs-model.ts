/**
 * The shape of the generated docs index (src/generated/docs-index.ts), which imports it from here. The
 * types are declared once, in @retell-kit/openapi-core (`docs-model.ts`), beside the model the generator
 * builds them from; this package imports types only, so nothing of the core loads at run time.
 */
export type { DocEntry, DocExamples, DocField, DocMethod, DocsIndex, DocSocketMessage, DocsModel, DocWebhook, Indexed, IndexedMethod } from '@retell-kit/openapi-core';
