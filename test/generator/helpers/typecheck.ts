/**
 * Type-checks a generated output tree with `tsc --noEmit`, next to the real hand-written runtime and
 * facade helpers (symlinked in, so the generated relative imports resolve exactly as in the repo).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');

function link(target: string, at: string): void {
  if (existsSync(at)) return;
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

export interface TypecheckResult {
  readonly ok: boolean;
  readonly output: string;
}

/**
 * `root` holds `packages/client/src/generated`, `packages/sdk/src/generated` and `packages/sdk/src/index.ts`
 * as the generator writes them. `include` narrows the check (e.g. only the client for huge specs).
 */
export function typecheckOutput(
  root: string,
  include: string[] = ['packages/client/**/*.ts', 'packages/sdk/**/*.ts'],
  extraPaths: Record<string, string[]> = {},
): Promise<TypecheckResult> {
  link(path.join(REPO, 'packages/client/src/runtime'), path.join(root, 'packages/client/src/runtime'));
  link(path.join(REPO, 'packages/sdk/src/lib'), path.join(root, 'packages/sdk/src/lib'));
  const clientIndex = path.join(root, 'packages/client/src/index.ts');
  if (!existsSync(clientIndex)) {
    writeFileSync(clientIndex, "export * from './runtime/index.js';\nexport * from './generated/index.js';\n");
  }
  const tsconfig = {
    extends: path.join(REPO, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      declaration: false,
      sourceMap: false,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules/@types')],
      // Symlinked runtime files resolve bare imports from the link's location, so point at the real package.
      paths: {
        '@retell-kit/client': [clientIndex],
        '@retell-kit/client/runtime': [path.join(root, 'packages/client/src/runtime/lean.ts')],
        '@retell-kit/client/types': [path.join(root, 'packages/client/src/generated/types-entry.ts')],
        'openapi-fetch': [path.join(REPO, 'packages/client/node_modules/openapi-fetch')], ...extraPaths },
    },
    include,
  };
  const configPath = path.join(root, 'tsconfig.json');
  writeFileSync(configPath, JSON.stringify(tsconfig, null, 2));
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '-p', configPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}${stderr}` });
    });
  });
}

/** Runs `tasks` with at most `limit` in flight (tsc is CPU-bound; CI has two cores). */
export async function inParallel<T>(tasks: (() => Promise<T>)[], limit = 2): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Type-checks several generated output trees (`parent/<tree>/packages/…`, laid out as for
 * `typecheckOutput`) in ONE tsc program: tsc's start-up and the shared runtime are paid once instead of
 * once per tree. Each tree resolves `@retell-kit/client` (and `/runtime`, `/types`) to its own generated client
 * through a package shim in its own node_modules, so no tree sees another's types.
 */
export function typecheckTrees(
  parent: string,
  trees: readonly string[],
  include: readonly string[] = ['packages/client/**/*.ts', 'packages/sdk/**/*.ts'],
): Promise<TypecheckResult> {
  for (const tree of trees) {
    const root = path.join(parent, tree);
    link(path.join(REPO, 'packages/client/src/runtime'), path.join(root, 'packages/client/src/runtime'));
    link(path.join(REPO, 'packages/sdk/src/lib'), path.join(root, 'packages/sdk/src/lib'));
    const clientIndex = path.join(root, 'packages/client/src/index.ts');
    if (!existsSync(clientIndex)) writeFileSync(clientIndex, "export * from './runtime/index.js';\nexport * from './generated/index.js';\n");
    const shim = path.join(root, 'node_modules/@retell-kit/client');
    mkdirSync(shim, { recursive: true });
    const exportsMap = { '.': { types: './index.ts' }, './runtime': { types: './runtime.ts' }, './types': { types: './types.ts' } };
    writeFileSync(path.join(shim, 'package.json'), JSON.stringify({ name: '@retell-kit/client', type: 'module', types: './index.ts', exports: exportsMap }));
    writeFileSync(path.join(shim, 'index.ts'), "export * from '../../../packages/client/src/index.js';\n");
    writeFileSync(path.join(shim, 'runtime.ts'), "export * from '../../../packages/client/src/runtime/lean.js';\n");
    // The facade's declarations take schema and operation types from the client's types entry.
    writeFileSync(path.join(shim, 'types.ts'), "export * from '../../../packages/client/src/generated/types-entry.js';\n");
  }
  const tsconfig = {
    extends: path.join(REPO, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      declaration: false,
      sourceMap: false,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules/@types')],
      // The runtime's one bare import, resolved from the symlinked runtime's location otherwise.
      paths: { 'openapi-fetch': [path.join(REPO, 'packages/client/node_modules/openapi-fetch')] },
    },
    include: trees.flatMap((tree) => include.map((glob) => `${tree}/${glob}`)),
  };
  const configPath = path.join(parent, 'tsconfig.json');
  writeFileSync(configPath, JSON.stringify(tsconfig, null, 2));
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '-p', configPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}${stderr}` });
    });
  });
}
