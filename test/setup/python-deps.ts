/**
 * vitest globalSetup: the Python packages the suite needs (scripts/provision/python-packages.txt) are in
 * reach of /usr/bin/python3 before any test file starts. `pnpm test` has already provisioned them, so
 * this is a quick check there; a direct `pnpm vitest run test/python` provisions them itself. When they
 * come from the project-local cache, its PYTHONPATH/PATH reach every worker (forked after this runs) and
 * every python3, pytest, pyright and black they start.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pythonEnv, REPO } from '../../scripts/provision/python-env.mjs';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(REPO, 'scripts/provision/python-deps.mjs')], { stdio: 'inherit' });
  Object.assign(process.env, pythonEnv(process.env));
}
