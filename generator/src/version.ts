/** The generator's version (from its package.json), recorded in every provenance file. */
import { readFileSync } from 'node:fs';

export const GENERATOR_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
