/**
 * vitest reporter: after the run, the 10 slowest test files with their wall time and CPU seconds
 * (test/setup/cpu-usage.ts), and the CPU total, so the next regression is visible in every run's output.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;
const REPO = path.resolve(import.meta.dirname, '../..');

export default class SlowestFiles implements Reporter {
  /** Where each test file's worker leaves its CPU seconds; the workers are forked after onInit. */
  private readonly dir = path.join(REPO, 'node_modules/.cache/retell-kit-tests', `cpu-${process.pid}`);

  onInit(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    process.env['CPU_USAGE_DIR'] = this.dir;
  }

  private cpuByFile(): Map<string, number> {
    const out = new Map<string, number>();
    for (const name of readdirSync(this.dir)) {
      const { file, cpuSeconds } = JSON.parse(readFileSync(path.join(this.dir, name), 'utf8')) as { file: string; cpuSeconds: number };
      out.set(file, (out.get(file) ?? 0) + cpuSeconds);
    }
    rmSync(this.dir, { recursive: true, force: true });
    return out;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const cpu = this.cpuByFile();
    const rows = modules.map((m) => ({
      file: path.relative(process.cwd(), m.moduleId),
      wall: m.diagnostic().duration / 1000,
      cpu: cpu.get(m.moduleId),
    }));
    if (rows.length === 0) return;
    rows.sort((a, b) => (b.cpu ?? b.wall) - (a.cpu ?? a.wall));
    const cpuTotal = rows.reduce((n, r) => n + (r.cpu ?? 0), 0);
    const lines = [`\nSlowest test files (of ${rows.length}; CPU = user + system, child processes included; total ${cpuTotal.toFixed(0)} CPU s):`];
    lines.push(`  ${'CPU s'.padStart(7)} ${'wall s'.padStart(7)}  file`);
    for (const r of rows.slice(0, SHOWN)) lines.push(`  ${(r.cpu === undefined ? '-' : r.cpu.toFixed(1)).padStart(7)} ${r.wall.toFixed(1).padStart(7)}  ${r.file}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
