/**
 * `retell-kit llm-sim <ws-url> [--script file.yaml]` (also the `retell-kit-llm-sim` bin): runs one
 * simulated call and prints the transcript with timing and the verdict. Exit codes: 0 pass, 1 protocol
 * violations, 2 bad usage or script.
 */
import { formatReport } from './report.js';
import { DEFAULT_SCRIPT, loadScript, ScriptError, type SimScript } from './script.js';
import { simulateCall } from './simulate.js';

export const LLM_SIM_USAGE = `Usage: retell-kit llm-sim <ws-url> [options]

Plays Retell's side of the custom-LLM WebSocket against your server. The call id is appended to
<ws-url> as Retell does (or put {call_id} where it belongs).

Options:
  --script <file>       YAML or JSON conversation to replay (default: a built-in five-step call)
  --turn-timeout <ms>   longest wait for each answer to complete (default 10000)
  --json                print the report as JSON
  --trace               print every message in both directions
  -h, --help            print this text

Exit codes: 0 pass, 1 protocol violations, 2 bad usage or script.`;

type Log = (line: string) => void;

export async function runLlmSimCli(argv: readonly string[], log: Log = (l) => console.log(l), logError: Log = (l) => console.error(l)): Promise<number> {
  let url: string | undefined;
  let scriptFile: string | undefined;
  let turnTimeout: number | undefined;
  let json = false;
  let trace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ScriptError(`${arg} needs a value`, '');
      return v;
    };
    try {
      if (arg === '-h' || arg === '--help') {
        log(LLM_SIM_USAGE);
        return 0;
      } else if (arg === '--script') scriptFile = value();
      else if (arg === '--turn-timeout') turnTimeout = Number(value());
      else if (arg === '--json') json = true;
      else if (arg === '--trace') trace = true;
      else if (arg.startsWith('-')) throw new ScriptError(`unknown option ${arg}`, '');
      else if (url === undefined) url = arg;
      else throw new ScriptError(`unexpected argument ${arg}`, '');
    } catch (error) {
      logError(`✖ ${(error as Error).message.replace(/ \(at \/\)$/, '')}\n\n${LLM_SIM_USAGE}`);
      return 2;
    }
  }
  if (!url || !/^wss?:\/\//.test(url)) {
    logError(`✖ ${url ? `not a ws:// or wss:// URL: ${url}` : 'missing <ws-url>'}\n\n${LLM_SIM_USAGE}`);
    return 2;
  }
  let script: SimScript;
  try {
    script = scriptFile ? await loadScript(scriptFile) : DEFAULT_SCRIPT;
    if (turnTimeout !== undefined) {
      if (!Number.isInteger(turnTimeout) || turnTimeout < 1) throw new ScriptError('--turn-timeout must be a positive integer (ms)', '');
      script = { ...script, turn_timeout_ms: turnTimeout };
    }
  } catch (error) {
    logError(`✖ ${error instanceof ScriptError || (error as NodeJS.ErrnoException).code ? (error as Error).message : String(error)}`);
    return 2;
  }
  const report = await simulateCall(url, script, trace ? { trace: (dir, m) => log(`${dir === 'in' ? '←' : '→'} ${JSON.stringify(m)}`) } : {});
  log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.ok ? 0 : 1;
}
