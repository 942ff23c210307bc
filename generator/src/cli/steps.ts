/**
 * The external steps around generation: `redocly lint` before, the packages' own build after.
 * Both run as child processes from the repository root and stream their output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError } from '../errors.js';

export class StepError extends GeneratorError {
  override readonly name = 'StepError';
}

function run(command: string, args: string[], cwd: string, what: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) throw new StepError(`${what} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new StepError(`${what} failed (exit ${String(result.status)})`);
}

export function lintSpec(repo: string, spec: string): void {
  const bin = path.join(repo, 'node_modules/.bin/redocly');
  run(bin, ['lint', spec, '--format=stylish'], repo, 'redocly lint');
}

/** Packages under packages/ that declare a `build` script (the step is skipped when none does). */
export function buildablePackages(repo: string): string[] {
  const dir = path.join(repo, 'packages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => {
    const manifest = path.join(dir, name, 'package.json');
    if (!existsSync(manifest)) return false;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> };
    return typeof pkg.scripts?.['build'] === 'string';
  });
}

export function buildPackages(repo: string): void {
  run('pnpm', ['-r', '--filter', './packages/*', 'run', 'build'], repo, 'package build');
}
