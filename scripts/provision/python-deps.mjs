/**
 * Provisions the Python packages the test suite needs (python-packages.txt) for /usr/bin/python3, from
 * Debian's archive, before anything in `pnpm test` runs Python:
 *   1. the system python3 already imports them: nothing to do;
 *   2. the project-local cache (.cache/python-deps) is complete for this list: nothing to do;
 *   3. as root: `apt-get install -y` (with `apt-get update` when a package is not found);
 *   4. otherwise (or when 3 leaves them unimportable): `apt-get download` the packages and their python3-*
 *      dependencies and `dpkg -x` them into the cache, which python-env.mjs puts on PYTHONPATH/PATH;
 *   5. none of that works: one line naming what to install, exit 1.
 * RETELL_KIT_PYTHON_DEPS=local skips step 3 (tests the unprivileged path as root).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE, PYTHON, pythonEnv, REPO, STAMP, UNPACKED } from './python-env.mjs';

const LIST = path.join(REPO, 'scripts/provision/python-packages.txt');
/** Parts of the interpreter itself: present wherever python3 is, and not under dist-packages. */
const INTERPRETER = new Set(['python3-minimal', 'python3-distutils', 'python3-lib2to3']);
const log = (line) => console.error(`python-deps: ${line}`);

const packages = readFileSync(LIST, 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter(Boolean);
/** python3-typing-extensions → typing_extensions; a package without the prefix (black) is its module. */
const modules = packages.map((p) => p.replace(/^python3-/, '').replace(/-/g, '_'));
const installLine = `apt-get install -y ${packages.join(' ')}`;

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}

function missingModules(env) {
  const probe = `import importlib.util, sys\nprint(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))`;
  const r = run(PYTHON, ['-c', probe, ...modules], { env });
  return r.ok ? r.out.trim().split(/\s+/).filter(Boolean) : modules;
}

function fail(line) {
  console.error(`python-deps: ${line}`);
  process.exit(1);
}

function tail(out) {
  return out.trim().split('\n').slice(-5).join('\n');
}

function stampMatches() {
  if (!existsSync(STAMP)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(STAMP, 'utf8')).packages) === JSON.stringify(packages);
  } catch {
    return false;
  }
}

function aptInstall() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
  log(`installing ${packages.join(' ')} with apt-get`);
  let r = install();
  if (!r.ok) {
    log('apt-get update (a package was not found)');
    run('apt-get', ['update'], { env });
    r = install();
  }
  if (!r.ok) log(`apt-get install failed:\n${tail(r.out)}`);
  return r.ok;
}

/** apt options: the system's package lists, or after a failure lists of our own (no root needed). */
function privateLists() {
  const state = path.join(CACHE, 'apt');
  mkdirSync(path.join(state, 'lists/partial'), { recursive: true });
  mkdirSync(path.join(state, 'cache/archives/partial'), { recursive: true });
  return ['-o', `Dir::State::Lists=${state}/lists`, '-o', `Dir::Cache=${state}/cache`, '-o', 'Debug::NoLocking=1'];
}

/** The listed packages plus every python3-* package they depend on, recursively. */
function resolve(opts) {
  const r = run('apt-cache', [...opts, 'depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', ...packages]);
  if (!r.ok) return undefined;
  const names = new Set(r.out.split('\n').filter((l) => /^[a-z0-9]/.test(l)).map((l) => l.trim()));
  if (!packages.every((p) => names.has(p))) return undefined;
  return [...names].filter((n) => packages.includes(n) || (n.startsWith('python3-') && !INTERPRETER.has(n))).sort();
}

function download(opts, names, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = run('apt-get', [...opts, 'download', ...names], { cwd: dir });
  if (!r.ok) log(`apt-get download failed:\n${tail(r.out)}`);
  return r.ok;
}

function localCache() {
  if (!run('apt-get', ['--version']).ok || !run('dpkg-deb', ['--version']).ok) return false;
  const debs = path.join(CACHE, 'debs');
  let opts = [];
  let names = resolve(opts);
  if (!names || !download(opts, names, debs)) {
    log('updating package lists of our own under .cache/python-deps/apt');
    opts = privateLists();
    const u = run('apt-get', [...opts, 'update']);
    if (!u.ok) log(`apt-get update failed:\n${tail(u.out)}`);
    names = resolve(opts);
    if (!names || !download(opts, names, debs)) return false;
  }
  log(`unpacking ${names.length} Debian packages into .cache/python-deps`);
  const partial = `${UNPACKED}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb')).sort()) {
    const r = run('dpkg-deb', ['-x', path.join(debs, deb), partial]);
    if (!r.ok) {
      log(`dpkg-deb -x ${deb} failed:\n${tail(r.out)}`);
      return false;
    }
  }
  rmSync(STAMP, { force: true });
  rmSync(UNPACKED, { recursive: true, force: true });
  renameSync(partial, UNPACKED);
  writeFileSync(STAMP, `${JSON.stringify({ packages, unpacked: names }, null, 2)}\n`);
  return true;
}

if (!run(PYTHON, ['-c', 'pass']).ok) fail(`the tests need ${PYTHON} (Debian: apt-get install -y python3), then: ${installLine}`);
if (missingModules(process.env).length === 0) process.exit(0);
if (stampMatches() && missingModules(pythonEnv()).length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (isRoot && process.env.RETELL_KIT_PYTHON_DEPS !== 'local') {
  if (aptInstall() && missingModules(process.env).length === 0) process.exit(0);
  // dpkg can list a package whose files are gone (e.g. a hidden dist-packages): the local cache still works.
}
if (localCache()) {
  const missing = missingModules(pythonEnv());
  if (missing.length === 0) process.exit(0);
  log(`still missing after unpacking: ${missing.join(' ')}`);
}
fail(`${PYTHON} cannot import ${missingModules(pythonEnv()).join(', ')}: run \`${isRoot ? '' : 'sudo '}${installLine}\` and retry`);
