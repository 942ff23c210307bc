/**
 * `pnpm bundle`: one self-contained JSON document from the split spec, through the generator's own
 * load stage (Redocly bundle + structural validation + sorted keys), so the file is byte-identical for
 * equal specs. Default output: spec/dist/openapi.json.
 *   pnpm bundle [--spec spec/openapi.yaml] [--out spec/dist/openapi.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorError, SpecError } from '../generator/src/errors.js';
import { loadSpec } from '../generator/src/load/index.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const value = argv[i + 1];
  if (!value || value.startsWith('--')) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return value;
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a, i) => a.startsWith('--') && a !== '--spec' && a !== '--out' && argv[i - 1] !== '--spec' && argv[i - 1] !== '--out');
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(', ')}\nusage: pnpm bundle [--spec <file>] [--out <file>]`);
    return 2;
  }
  const spec = path.resolve(option(argv, '--spec', path.join(repo, 'spec/openapi.yaml')));
  const out = path.resolve(option(argv, '--out', path.join(repo, 'spec/dist/openapi.json')));
  try {
    const loaded = await loadSpec(spec);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(loaded.bundled, null, 2)}\n`);
    console.log(`bundled ${path.relative(process.cwd(), spec)} → ${path.relative(process.cwd(), out)} (sha256 ${loaded.hash.slice(0, 12)})`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) console.error(`✖ ${error.describe()}`);
    else if (error instanceof GeneratorError) console.error(`✖ ${error.message}`);
    else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
