/** Entry of `pnpm mock` (`tsx packages/mock/src/cli.ts [flags]`). */
import { runMockCli } from './index.js';

await runMockCli(process.argv.slice(2));
