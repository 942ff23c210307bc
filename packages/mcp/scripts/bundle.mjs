// `pnpm --filter @retell-kit/mcp bundle`: the one-click install bundle (`dist/retell-kit-mcp.mcpb`) with
// the MCP Bundle CLI (@anthropic-ai/mcpb). Needs the workspace built (`pnpm generate`): `pnpm deploy` copies
// this package with its production dependencies (workspace packages by their built `dist`) into a staging
// folder, the manifest goes beside it, and `mcpb pack` validates the manifest and zips the folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(path.join(root, 'dist/esm/cli.js'))) {
  console.error('bundle: build first (pnpm generate, or pnpm --filter @retell-kit/mcp build)');
  process.exit(1);
}
const stage = mkdtempSync(path.join(tmpdir(), 'retell-kit-mcpb-'));
try {
  const target = path.join(stage, 'retell-kit-mcp');
  execFileSync('pnpm', ['--filter', '@retell-kit/mcp', 'deploy', '--prod', '--legacy', target], { cwd: root, stdio: 'inherit' });
  copyFileSync(path.join(root, 'manifest.json'), path.join(target, 'manifest.json'));
  const out = path.join(root, 'dist/retell-kit-mcp.mcpb');
  execFileSync(path.join(root, 'node_modules/.bin/mcpb'), ['pack', target, out], { stdio: 'inherit' });
  console.log(`bundle: ${out}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
