/**
 * `retell-kit llm-sim <ws-url> [options]` (also the `retell-kit-llm-sim` bin): runs one simulated call
 * and prints the transcript with timing and the verdict. Arguments are parsed by `node:util` parseArgs.
 * Exit codes: 0 pass, 1 protocol violations, 2 bad usage, script or recording.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatReport } from './report.js';
import { formatHtml, formatMarkdown } from './report-formats.js';
import { createRecorder, parseRecording, readBounded, recordingToScript, transcriptToScript } from './recording.js';
import { DEFAULT_SCRIPT, loadScript, ScriptError, type SimScript } from './script.js';
import { simulateCall } from './simulate.js';

export const LLM_SIM_USAGE = `Usage: retell-kit llm-sim <ws-url> [options]

Plays Retell's side of the custom-LLM WebSocket against your server. The call id is added to the
path of <ws-url> as Retell does (before any ?query), or put {call_id} where it belongs.

Options:
  --script <file>       YAML or JSON conversation to replay (default: a built-in five-step call)
  --replay <file.jsonl> replay Retell's side of a recording made with --record
  --from-call <file>    replay a real call: JSON of a call (as call.retrieve returns it) or its transcript_object
  --record <file.jsonl> write every frame, both directions, with its time
  --strict              hold the server to the protocol docs (default: what Retell's platform tolerates)
  --turn-timeout <ms>   longest wait for each answer to complete (default 10000)
  --report <format>     text (default), markdown, html or json
  --json                same as --report json
  --trace               print every message in both directions
  -h, --help            print this text

Exit codes: 0 pass, 1 protocol violations, 2 bad usage, script or recording.`;

type Log = (line: string) => void;

const FORMATS = ['text', 'markdown', 'html', 'json'] as const;

async function scriptFrom(values: { script?: string; replay?: string; 'from-call'?: string }): Promise<SimScript> {
  const given = [values.script, values.replay, values['from-call']].filter((v) => v !== undefined);
  if (given.length > 1) throw new ScriptError('give only one of --script, --replay and --from-call', '');
  if (values.script) return loadScript(values.script);
  if (values.replay) {
    const frames = parseRecording(await readBounded(values.replay), values.replay);
    return recordingToScript(frames);
  }
  if (values['from-call']) {
    const file = values['from-call'];
    let value: unknown;
    try {
      value = JSON.parse(await readBounded(file));
    } catch (error) {
      if (error instanceof ScriptError) throw error;
      throw new ScriptError(`not valid JSON: ${(error as Error).message}`, '', file);
    }
    try {
      return transcriptToScript(value);
    } catch (error) {
      if (error instanceof ScriptError) throw new ScriptError(error.message.replace(/ \(at [^)]*\)$/, ''), error.pointer, file);
      throw error;
    }
  }
  return DEFAULT_SCRIPT;
}

export async function runLlmSimCli(argv: readonly string[], log: Log = (l) => console.log(l), logError: Log = (l) => console.error(l)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        script: { type: 'string' },
        replay: { type: 'string' },
        'from-call': { type: 'string' },
        record: { type: 'string' },
        strict: { type: 'boolean' },
        'turn-timeout': { type: 'string' },
        report: { type: 'string' },
        json: { type: 'boolean' },
        trace: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    logError(`✖ ${(error as Error).message}\n\n${LLM_SIM_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    log(LLM_SIM_USAGE);
    return 0;
  }
  const usage = (message: string): number => {
    logError(`✖ ${message}\n\n${LLM_SIM_USAGE}`);
    return 2;
  };
  if (positionals.length > 1) return usage(`unexpected argument ${positionals[1]}`);
  const url = positionals[0];
  if (!url || !/^wss?:\/\//.test(url)) return usage(url ? `not a ws:// or wss:// URL: ${url}` : 'missing <ws-url>');
  const format = values.json ? 'json' : (values.report ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) return usage(`--report must be one of ${FORMATS.join(', ')}`);
  let script: SimScript;
  try {
    script = await scriptFrom(values);
    if (values['turn-timeout'] !== undefined) {
      const turnTimeout = Number(values['turn-timeout']);
      if (!Number.isInteger(turnTimeout) || turnTimeout < 1) return usage('--turn-timeout must be a positive integer (ms)');
      script = { ...script, turn_timeout_ms: turnTimeout };
    }
  } catch (error) {
    logError(`✖ ${error instanceof ScriptError || (error as NodeJS.ErrnoException).code ? (error as Error).message : String(error)}`);
    return 2;
  }
  const recorder = values.record ? createRecorder(url, script.call_id) : undefined;
  const report = await simulateCall(url, script, {
    strictness: values.strict ? 'strict' : 'tolerant',
    trace: (dir, m) => {
      recorder?.trace(dir, m);
      if (values.trace) log(`${dir === 'in' ? '←' : '→'} ${JSON.stringify(m)}`);
    },
  });
  if (recorder && values.record) await writeFile(values.record, recorder.lines());
  log(format === 'json' ? JSON.stringify(report, null, 2) : format === 'markdown' ? formatMarkdown(report) : format === 'html' ? formatHtml(report) : formatReport(report));
  return report.ok ? 0 : 1;
}
