/** `pnpm mock` / `retell-kit mock`: flag parsing, usage errors with exit code 2, and a real start. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseArgs, runMockCli, startMockServer, UsageError } from '@retell-kit/mock';

afterEach(() => {
  process.exitCode = undefined;
});

describe('mock CLI flags', () => {
  const cases: [string, string[], Record<string, unknown>][] = [
    ['defaults', [], { port: DEFAULT_PORT, host: '127.0.0.1', quiet: false }],
    ['port and quiet', ['--port', '0', '--quiet'], { port: 0, quiet: true }],
    ['inline values', ['--port=8080', '--max-body-bytes=1024'], { port: 8080, maxBodyBytes: 1024 }],
    ['help', ['--help'], { help: true }],
  ];
  for (const [name, argv, want] of cases) {
    it(name, () => expect(parseArgs(argv)).toMatchObject(want));
  }

  const bad: [string[], string][] = [
    [['--port', 'http'], '--port must be an integer from 0 to 65535, got "http"'],
    [['--port', '70000'], '--port must be an integer'],
    [['--port'], '--port needs a value'],
    [['--verbose'], 'Unknown argument "--verbose"'],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
      expect(() => parseArgs(argv)).toThrow(message);
    });
  }
});

describe('runMockCli', () => {
  it('prints the usage error and sets exit code 2', async () => {
    const err: string[] = [];
    const server = await runMockCli(['--port', 'x'], { out: () => undefined, err: (l) => err.push(l) });
    expect(server).toBeUndefined();
    expect(process.exitCode).toBe(2);
    expect(err.join('\n')).toContain('--port must be an integer');
    expect(err.join('\n')).toContain('Usage: retell-kit mock');
  });

  it('starts, prints the URL, serves, and logs requests', async () => {
    const out: string[] = [];
    const server = await runMockCli(['--port', '0'], { out: (l) => out.push(l), err: () => undefined });
    try {
      expect(out[0]).toContain(`listening on ${server!.url}`);
      const res = await fetch(`${server!.url}/get-concurrency`, { headers: { authorization: 'Bearer k' } });
      expect(res.status).toBe(200);
      expect(out.at(-1)).toBe('GET /get-concurrency -> 200');
    } finally {
      await server?.close();
    }
  });

  it('startMockServer accepts the argv the generator CLI forwards', async () => {
    const server = await startMockServer(['--port', '0', '--quiet']);
    try {
      expect(server?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await server?.close();
    }
  });
});
