// Worker thread of the format pool: formats the texts it is sent with prettier and posts them back.
// It also runs the structural validation of large specs (Redocly `struct` rule) while the main thread
// goes on with the IR. Plain JavaScript so it starts without a TypeScript loader.
import { parentPort } from 'node:worker_threads';
import { format } from 'prettier';

/** Same configuration and problem shape as generator/src/load (index.ts, problems.ts). */
async function validate(json, absoluteRef) {
  const core = await import('@redocly/openapi-core');
  const config = await core.createConfig({ rules: { struct: 'error' } });
  const document = { source: new core.Source(absoluteRef, json), parsed: JSON.parse(json) };
  const problems = await core.lintDocument({ document, config, externalRefResolver: new core.BaseResolver(config.resolve) });
  return problems.map((p) => {
    const loc = p.location[0];
    return {
      message: p.message,
      ruleId: p.ruleId,
      severity: p.severity,
      ignored: p.ignored === true,
      ...(loc ? { file: loc.source.absoluteRef } : {}),
      ...(loc && loc.pointer !== undefined ? { pointer: loc.pointer } : {}),
      ...(loc && loc.start ? { line: loc.start.line, col: loc.start.col } : {}),
    };
  });
}

parentPort.on('message', async (job) => {
  try {
    if (job.kind === 'validate') {
      parentPort.postMessage({ id: job.id, problems: await validate(job.json, job.absoluteRef) });
      return;
    }
    const text = await format(job.text, { ...job.options, parser: job.parser });
    parentPort.postMessage({ id: job.id, text });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
