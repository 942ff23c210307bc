/**
 * The client configurations in packages/mcp/README.md work as written: each JSON block (Claude Desktop,
 * Cursor, VS Code) and the Claude Code command parse to a command line for this package's bin, and that
 * command line starts a server that lists its tools. The .mcpb manifest passes `mcpb validate`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { MCP_ROOT, REPO } from './helpers.js';

const README = readFileSync(path.join(MCP_ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## Configure your client'), README.indexOf('## Options'));

interface Launch {
  readonly client: string;
  readonly command: string;
  readonly args: string[];
  readonly env: Record<string, string>;
}

function launches(): Launch[] {
  const out: Launch[] = [];
  const blocks = [...section.matchAll(/\*\*([^*\n]+)\*\*[^\n]*\n(?:(?!\*\*|```)[^\n]*\n)*?```json\n([\s\S]*?)\n```/g)];
  for (const [, title, body] of blocks) {
    const json = JSON.parse(body!) as { mcpServers?: Record<string, Launch>; servers?: Record<string, Launch & { type?: string }> };
    const servers = json.mcpServers ?? json.servers ?? {};
    for (const s of Object.values(servers)) out.push({ client: title!.trim(), command: s.command, args: s.args, env: s.env });
  }
  for (const [, line] of section.matchAll(/^(claude mcp add retell --env [^\n]+)$/gm)) {
    const [, env, cmd] = /--env (\S+) -- (.+)$/.exec(line!)!;
    const [command, ...args] = cmd!.split(' ');
    const [k, v] = env!.split('=');
    out.push({ client: 'Claude Code', command: command!, args, env: { [k!]: v! } });
  }
  return out;
}

describe('README client configurations', () => {
  const all = launches();

  it('has a block for Claude Desktop, Cursor, VS Code and Claude Code, each running the bin with the key from env', () => {
    expect(all.map((l) => l.client).join(' | ')).toMatch(/Claude Desktop.*Cursor.*VS Code.*Claude Code/s);
    for (const l of all) {
      expect(l.command).toBe('node');
      expect(l.args[0]).toBe('/path/to/retell-kit/packages/mcp/bin/retell-kit-mcp.js');
      expect(Object.keys(l.env)).toEqual(['RETELL_API_KEY']);
    }
  });

  it('each distinct command line starts a server that lists its tools', async () => {
    const distinct = [...new Map(all.map((l) => [JSON.stringify(l.args.slice(1)), l])).values()];
    for (const l of distinct) {
      const args = [l.args[0]!.replace('/path/to/retell-kit/', REPO), ...l.args.slice(1)];
      const transport = new StdioClientTransport({ command: process.execPath, args, cwd: REPO, env: { PATH: process.env['PATH'] ?? '', RETELL_API_KEY: 'key_config_test' }, stderr: 'ignore' });
      const client = new Client({ name: 'config-test', version: '1' });
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort(), l.client).toEqual(['execute', 'search_docs']);
      await client.close();
    }
  }, 120_000);
});

describe('.mcpb manifest', () => {
  it('passes mcpb validate and points at this package', () => {
    const manifestPath = path.join(MCP_ROOT, 'manifest.json');
    const out = execFileSync(path.join(MCP_ROOT, 'node_modules/.bin/mcpb'), ['validate', manifestPath], { encoding: 'utf8' });
    expect(out).toContain('validation passes');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      version: string;
      server: { entry_point: string; mcp_config: { args: string[]; env: Record<string, string> } };
      user_config: Record<string, { sensitive?: boolean }>;
    };
    const pkg = JSON.parse(readFileSync(path.join(MCP_ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
    expect(manifest.version).toBe(pkg.version);
    expect(existsSync(path.join(MCP_ROOT, manifest.server.entry_point))).toBe(true);
    expect(manifest.server.mcp_config.args[0]).toBe(`\${__dirname}/${manifest.server.entry_point}`);
    expect(manifest.server.mcp_config.env['RETELL_API_KEY']).toBe('${user_config.api_key}');
    expect(manifest.user_config['api_key']?.sensitive).toBe(true);
    expect(pkg.files).toContain('manifest.json');
  });
});
