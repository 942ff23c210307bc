/**
 * What every emitter returns: files described as ts-morph structures (printed once by the writer) or,
 * for non-TypeScript outputs such as api.md, as text. Paths are relative to the output root.
 */
import type { OptionalKind, SourceFileStructure } from 'ts-morph';

export interface StructureFile {
  readonly path: string;
  readonly structure: OptionalKind<SourceFileStructure>;
}

export interface TextFile {
  readonly path: string;
  readonly text: string;
  /** Prettier parser for the writer; omitted: written as is. */
  readonly parser?: 'typescript' | 'markdown' | 'json';
  /** Prepend the generated-file header (TypeScript files). */
  readonly header?: boolean;
}

export type EmittedFile = StructureFile | TextFile;

export function isStructureFile(file: EmittedFile): file is StructureFile {
  return 'structure' in file;
}

/** Where each package's generated code lives, relative to the output root. */
export const OUTPUT_DIRS = {
  client: 'packages/client/src/generated',
  sdk: 'packages/sdk/src/generated',
  /** Written by the mocks emitter (emit/mocks, `MOCK_DIR`). */
  mock: 'packages/mock/src/generated',
  /** Written by the docs emitter (emit/docs/mcp-index.ts): the MCP server's docs index. */
  mcp: 'packages/mcp/src/generated',
  /** Written by the llm-socket emitter (emit/llm-socket): the socket message schemas. */
  llmSocket: 'packages/llm-socket/src/generated',
  /** Written by the Python emitter (emit/python). */
  python: 'packages/python/src/retell/_generated',
} as const;

/** Single generated files outside the generated folders. */
export const OUTPUT_FILES = {
  apiDoc: 'packages/sdk/api.md',
  sdkEntry: 'packages/sdk/src/index.ts',
  pythonApiDoc: 'packages/python/api.md',
} as const;
