/** `retell-kit-mcp` flags, table-driven: what each parses to, and the usage errors. */
import { describe, expect, it } from 'vitest';
import { main, parseCliArgs, UsageError } from '@retell-kit/mcp';
import { MCP_ROOT } from './helpers.js';

describe('parseCliArgs', () => {
  it.each([
    ['defaults', [], { modes: ['code'], transport: 'stdio', port: 3333, host: '127.0.0.1', filter: { resources: [], readOnly: false, allow: [], deny: [] } }],
    ['modes and filters', ['--tools=endpoints,dynamic', '--resource', 'agent,call', '--read-only', '--allow=agent.*', '--deny=agent.delete'], { modes: ['endpoints', 'dynamic'], filter: { resources: ['agent', 'call'], readOnly: true, allow: ['agent.*'], deny: ['agent.delete'] } }],
    ['http', ['--transport=http', '--port=0', '--host=0.0.0.0', '--timeout-ms=5000', '--memory-mb=16'], { transport: 'http', port: 0, host: '0.0.0.0', timeoutMs: 5000, memoryMb: 16 }],
  ] as const)('%s', (_name, argv, want) => {
    expect(parseCliArgs(argv)).toMatchObject(want);
  });

  it.each([
    [['--tools=everything'], /unknown mode "everything"/],
    [['--transport=ws'], /stdio or http/],
    [['--port=99999'], /--port must be an integer/],
    [['--memory-mb=1'], /--memory-mb must be an integer/],
    [['--frobnicate=1'], /unknown option --frobnicate/],
    [['--bogus'], /unknown option --bogus/],
    [['stray'], /unexpected argument "stray"/],
    [['--resource'], /--resource needs a value/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('main exits 2 on a usage error', async () => {
    const write = process.stderr.write;
    let err = '';
    process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
    try {
      expect(await main(['--typecheck-timeout=0'], MCP_ROOT)).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err).toContain('--typecheck-timeout must be an integer from 1 to 600');
  });
});
