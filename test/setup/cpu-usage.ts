/**
 * vitest setupFile: the CPU seconds (user + system) a test file costs, including the child processes it
 * started and waited for (tsc, pyright, pytest, servers), read from /proc/self/stat around the file (imports included) and
 * attached to the file's meta for test/setup/slowest-files.ts. Wall time alone misleads on a shared,
 * loaded machine; CPU time is what a file costs whatever the load. Off Linux it records nothing.
 * The reporter names the folder (CPU_USAGE_DIR); run without it, this records nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** utime + stime + cutime + cstime of this process, in seconds, or undefined where /proc is missing. */
function cpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3; utime is field 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
    return Number.isFinite(ticks) ? ticks / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

// Evaluated again before each test file (isolation), ahead of its imports, so their cost is counted.
const start = cpuSeconds();
// Registered first, so with vitest's stacked hooks it runs after the file's own afterAll (servers closed).
afterAll(() => {
  const end = cpuSeconds();
  const dir = process.env['CPU_USAGE_DIR'];
  const file = expect.getState().testPath;
  if (!dir || !file || start === undefined || end === undefined) return;
  writeFileSync(path.join(dir, `${process.pid}-${Date.now()}.json`), JSON.stringify({ file, cpuSeconds: end - start }));
});
