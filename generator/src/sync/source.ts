/**
 * Where `retell-kit sync` reads the SDK release from: `--from retell-sdk@<version>` (npm; the unpacked
 * release is cached, so a second run, or a run without network, needs no download) or `--from <dir>` (an
 * unpacked release, for offline use). `npm` does the registry work (resolution, auth, proxies, integrity
 * checks) and `tar` unpacks, as they would for any install; nothing in the release is run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SyncInputError } from './errors.js';

const run = promisify(execFile);
/** npm package names (scoped or not) and the version or range after `@`. */
const PACKAGE_SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)@([\w.^~<>=|* -]+)$/i;
const DEFAULT_PACKAGE = 'retell-sdk';

export interface SourceOptions {
  /** Where unpacked releases are kept (default `$RETELL_KIT_CACHE` or `~/.cache/retell-kit`). */
  readonly cacheDir?: string;
  /** The npm executable (default `npm`). */
  readonly npm?: string;
  readonly log?: (line: string) => void;
}

export interface ResolvedSource {
  readonly dir: string;
  /** How it was found: `dir`, `cache` or `download`. */
  readonly via: 'dir' | 'cache' | 'download';
}

export function defaultCacheDir(): string {
  return process.env['RETELL_KIT_CACHE'] || path.join(os.homedir(), '.cache', 'retell-kit');
}

/** `retell-sdk@5.66.1`, `retell-sdk@latest`, `retell-sdk` (= latest) or a directory. */
export async function resolveSource(from: string | undefined, options: SourceOptions = {}): Promise<ResolvedSource> {
  const given = from ?? `${DEFAULT_PACKAGE}@latest`;
  if (existsSync(given) && statSync(given).isDirectory()) {
    // An unpacked tarball keeps its files under `package/`.
    const inner = path.join(given, 'package');
    return { dir: existsSync(path.join(inner, 'package.json')) ? inner : given, via: 'dir' };
  }
  const spec = given === DEFAULT_PACKAGE ? `${DEFAULT_PACKAGE}@latest` : given;
  const match = PACKAGE_SPEC.exec(spec);
  if (!match) {
    throw new SyncInputError('bad-flag', `--from "${given}" is neither a directory nor <package>@<version> (e.g. retell-sdk@5.66.1)`);
  }
  const [, name, range] = match as unknown as [string, string, string];
  const cacheRoot = path.join(options.cacheDir ?? defaultCacheDir(), 'sdk');
  const exact = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range);
  if (exact) {
    const cached = cachedDir(cacheRoot, name, range);
    if (cached) return { dir: cached, via: 'cache' };
  }
  const npm = options.npm ?? process.env['RETELL_KIT_NPM'] ?? 'npm';
  let version: string;
  try {
    version = await resolveVersion(npm, name, range);
  } catch (error) {
    if (error instanceof SyncInputError && error.code === 'offline-no-cache' && !exact) {
      // No registry: the newest release already unpacked is the best answer to "latest".
      const newest = newestCached(cacheRoot, name);
      if (newest) {
        options.log?.(`! npm registry unreachable; using the cached ${name}@${newest.version}`);
        return { dir: newest.dir, via: 'cache' };
      }
    }
    throw error;
  }
  const cached = cachedDir(cacheRoot, name, version);
  if (cached) return { dir: cached, via: 'cache' };
  options.log?.(`… downloading ${name}@${version}`);
  return { dir: await download(npm, cacheRoot, name, version), via: 'download' };
}

function cacheKey(name: string, version: string): string {
  return `${name.replace('/', '__')}@${version}`;
}

function cachedDir(root: string, name: string, version: string): string | undefined {
  const dir = path.join(root, cacheKey(name, version), 'package');
  return existsSync(path.join(dir, 'package.json')) ? dir : undefined;
}

function newestCached(root: string, name: string): { dir: string; version: string } | undefined {
  if (!existsSync(root)) return undefined;
  const prefix = `${cacheKey(name, '')}`;
  const versions = readdirSync(root)
    .filter((entry) => entry.startsWith(prefix) && cachedDir(root, name, entry.slice(prefix.length)))
    .map((entry) => entry.slice(prefix.length))
    .sort(compareVersions);
  const version = versions.at(-1);
  return version ? { dir: cachedDir(root, name, version)!, version } : undefined;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pb = b.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

function npmFailure(error: unknown, what: string): SyncInputError {
  const text = `${(error as { stderr?: string }).stderr ?? ''}\n${(error as Error).message ?? ''}`;
  if (/E404|ETARGET|No matching version|is not in this registry/i.test(text)) {
    return new SyncInputError('unknown-version', `${what}: the npm registry has no such release`);
  }
  if (/ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|network|fetch failed|ENETUNREACH/i.test(text)) {
    return new SyncInputError('offline-no-cache', `${what}: the npm registry cannot be reached and no copy is cached (use --from <dir> with an unpacked release)`);
  }
  if ((error as { code?: unknown }).code === 'ENOENT') {
    return new SyncInputError('fetch-failed', `${what}: npm is not installed (needed to download a release; use --from <dir> instead)`);
  }
  return new SyncInputError('fetch-failed', `${what}: npm failed: ${text.trim().split('\n').find((l) => /ERR|error/i.test(l)) ?? text.trim().split('\n')[0]}`);
}

async function resolveVersion(npm: string, name: string, range: string): Promise<string> {
  const what = `${name}@${range}`;
  let stdout: string;
  try {
    ({ stdout } = await run(npm, ['view', what, 'version', '--json'], { timeout: 120_000, maxBuffer: 4 << 20 }));
  } catch (error) {
    throw npmFailure(error, what);
  }
  let parsed: unknown;
  try {
    parsed = stdout.trim() === '' ? undefined : JSON.parse(stdout);
  } catch {
    throw new SyncInputError('fetch-failed', `${what}: npm answered something that is not JSON`);
  }
  const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((v): v is string => typeof v === 'string');
  const version = versions.sort(compareVersions).at(-1);
  if (!version) throw new SyncInputError('unknown-version', `${what}: the npm registry has no such release`);
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new SyncInputError('fetch-failed', `${what}: npm resolved an odd version "${version}"`);
  return version;
}

async function download(npm: string, root: string, name: string, version: string): Promise<string> {
  const what = `${name}@${version}`;
  const target = path.join(root, cacheKey(name, version));
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    let stdout: string;
    try {
      ({ stdout } = await run(npm, ['pack', what, '--json', '--pack-destination', staging], { timeout: 300_000, maxBuffer: 16 << 20 }));
    } catch (error) {
      throw npmFailure(error, what);
    }
    const packed = (JSON.parse(stdout) as { filename?: string }[])[0]?.filename;
    if (!packed) throw new SyncInputError('fetch-failed', `${what}: npm pack wrote no tarball`);
    // `--no-same-owner`: files belong to whoever runs sync, never to the tarball's recorded owner.
    await run('tar', ['-xzf', path.join(staging, path.basename(packed)), '-C', staging, '--no-same-owner'], { timeout: 120_000 });
    rmSync(path.join(staging, path.basename(packed)), { force: true });
    if (!existsSync(path.join(staging, 'package', 'package.json'))) throw new SyncInputError('not-an-sdk', `${what}: the tarball has no package/package.json`);
    // Publish the cache entry in one rename, so a crash never leaves a half-unpacked release behind.
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return path.join(target, 'package');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
