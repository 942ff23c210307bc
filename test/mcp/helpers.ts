/**
 * Shared set-up of the MCP tests: the mock API, the server spawned over stdio as an editor spawns it,
 * and helpers to read tool results.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const MCP_ROOT = path.join(REPO, 'packages/mcp');

/** Spawns `src/run.ts` (what the bin runs before a build) with the given flags and environment. */
export async function spawnStdioClient(args: string[], env: Record<string, string>): Promise<{ client: Client; transport: StdioClientTransport; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--conditions=source', '--import', 'tsx', path.join(MCP_ROOT, 'src/run.ts'), ...args],
    cwd: MCP_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'retell-kit-tests', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr };
}

export interface TextResult {
  readonly text: string;
  readonly isError: boolean;
}

export function textOf(result: unknown): TextResult {
  const r = result as { content?: { type: string; text?: string }[]; isError?: boolean };
  return { text: (r.content ?? []).map((c) => c.text ?? '').join('\n'), isError: r.isError === true };
}

/** The JSON block of an `execute` result. */
export function jsonResult(text: string): unknown {
  const m = /Result(?: \(truncated\))?:\n```json\n([\s\S]*?)\n```/.exec(text);
  if (!m) throw new Error(`no result in: ${text.slice(0, 500)}`);
  return JSON.parse(m[1]!);
}
