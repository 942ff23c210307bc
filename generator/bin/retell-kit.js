#!/usr/bin/env node
// `retell-kit` bin: runs the TypeScript CLI through tsx's loader (the generator ships as source).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
