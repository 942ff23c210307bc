/**
 * Command-line parsing for `retell-kit`: a command word, then flags. Unknown flags and missing values
 * are `ConfigError`s (exit 2) with the usage text, never silently ignored.
 */
import { ConfigError } from '../errors.js';

export const USAGE = `Usage: retell-kit <command> [options]

Commands:
  generate            lint the spec, generate every package, then build them
    --spec <file>     OpenAPI 3.0/3.1 root document (default: spec/openapi.yaml)
    --out <dir>       output root holding packages/... (default: the repository root)
    --check           generate in memory and exit 1 listing files that differ from disk
    --no-lint         skip the redocly lint step
    --no-build        skip the package build step
    --lenient         report every structural spec error as a warning (third-party specs)
    --strict          make tolerated deviations errors too (vendor extensions of an unexpected
                      shape, 3.0 \`nullable\` in 3.1); they are warnings by default
    --format <mode>   prettier on the output: auto (APIs up to 150 operations), always, never
  diff <base> <rev>   structural diff of two spec versions (see generator/src/diff)
  sync [options]      compare the spec with an official SDK release (retell-kit sync --help)
  mock [options]      start the local mock server (@retell-kit/mock)
  mcp [options]       start the MCP server (@retell-kit/mcp; see retell-kit mcp --help)
  llm-sim <ws-url>    simulate Retell's side of a custom-LLM WebSocket call (@retell-kit/llm-socket)
  help                print this text`;

export interface GenerateArgs {
  readonly command: 'generate';
  readonly spec?: string;
  readonly out?: string;
  readonly check: boolean;
  readonly lint: boolean;
  readonly build: boolean;
  readonly lenient: boolean;
  readonly strict: boolean;
  readonly format: 'auto' | 'always' | 'never';
}

export type ParsedArgs =
  | GenerateArgs
  | { readonly command: 'diff' | 'sync' | 'mock' | 'mcp' | 'llm-sim'; readonly rest: string[] }
  | { readonly command: 'help' };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return parseGenerate(rest);
    case 'diff':
    case 'sync':
    case 'mock':
    case 'mcp':
    case 'llm-sim':
      return { command, rest };
    case 'help':
    case '--help':
    case '-h':
      return { command: 'help' };
    case undefined:
      throw new ConfigError(`missing command\n\n${USAGE}`);
    default:
      throw new ConfigError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

function parseGenerate(argv: readonly string[]): GenerateArgs {
  let spec: string | undefined;
  let out: string | undefined;
  let check = false;
  let lint = true;
  let build = true;
  let lenient = false;
  let strict = false;
  let format: GenerateArgs['format'] = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new ConfigError(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--spec':
        spec = value();
        break;
      case '--out':
        out = value();
        break;
      case '--check':
        check = true;
        break;
      case '--no-lint':
        lint = false;
        break;
      case '--no-build':
        build = false;
        break;
      case '--lenient':
        lenient = true;
        break;
      case '--strict':
        strict = true;
        break;
      case '--format': {
        const v = value();
        if (v !== 'auto' && v !== 'always' && v !== 'never') throw new ConfigError(`--format must be auto, always or never (got "${v}")\n\n${USAGE}`);
        format = v;
        break;
      }
      default:
        throw new ConfigError(`unknown option "${arg}" for generate\n\n${USAGE}`);
    }
  }
  if (strict && lenient) throw new ConfigError(`--strict and --lenient exclude each other\n\n${USAGE}`);
  return { command: 'generate', ...(spec ? { spec } : {}), ...(out ? { out } : {}), check, lint, build, lenient, strict, format };
}
