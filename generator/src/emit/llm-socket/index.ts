/**
 * The llm-socket emitter: `packages/llm-socket/src/generated/schemas.ts` holds the two message unions of
 * the custom-LLM WebSocket (the root `x-custom-llm-websocket` extension) and every component schema they
 * reach, stripped of annotations, so the package validates socket messages at run time against the spec
 * without reading it. The TypeScript types of the same messages come from the client's generated types.
 * Pure: bundled document in, one text file out (none when the spec has no such extension).
 */
import type { LoadedSpec } from '../../load/index.js';
import { isNode, obj } from '../../ir/walk.js';
import { OUTPUT_DIRS, type TextFile } from '../files.js';
import { reachableSchemas, stripSchema } from '../mocks/schemas.js';

export const LLM_SOCKET_EXTENSION = 'x-custom-llm-websocket';

export function emitLlmSocketSchemas(spec: LoadedSpec): TextFile[] {
  const doc = spec.document;
  const ext = obj(doc, LLM_SOCKET_EXTENSION);
  const serverMessage = ext?.['serverMessage'];
  const clientMessage = ext?.['clientMessage'];
  if (!isNode(serverMessage) || !isNode(clientMessage)) return [];
  const components = obj(obj(doc, 'components') ?? {}, 'schemas') ?? {};
  const schemas = Object.fromEntries(reachableSchemas([serverMessage, clientMessage], components).map((name) => [name, stripSchema(components[name])]));
  const value = { serverMessage: stripSchema(serverMessage), clientMessage: stripSchema(clientMessage), components: { schemas } };
  // Printed as JSON, like the mock data: pure data that prettier would only slow down.
  const text = `import type { SocketSchemas } from '../protocol/schemas.js';\n\nexport const socketSchemas: SocketSchemas = ${JSON.stringify(value, null, 2)};\n`;
  return [{ path: `${OUTPUT_DIRS.llmSocket}/schemas.ts`, text, header: true }];
}
