#!/usr/bin/env node
/** The `retell-kit-llm-sim` bin; `retell-kit llm-sim` delegates to the same function. */
import { runLlmSimCli } from './sim/cli-run.js';

runLlmSimCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
