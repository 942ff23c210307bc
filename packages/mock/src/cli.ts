/** Entry of `pnpm mock` (`tsx packages/mock/src/cli.ts [flags]`); `--spec` reads the spec with the repository's generator. */
import { mockCommand, type SpecLoader } from './index.js';

const loadSpec: SpecLoader = async (file) => {
  const mod = (await import(new URL('../../../generator/src/mock-data.ts', import.meta.url).href)) as { mockDataFromFile: SpecLoader };
  return mod.mockDataFromFile(file);
};

process.exitCode = await mockCommand(process.argv.slice(2), { loadSpec });
