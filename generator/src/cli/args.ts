/**
 * Command-line parsing for `retell-kit`: a command word, then flags (`node:util` parseArgs). Unknown
 * flags and missing values are `ConfigError`s (exit 2) with the usage text, never silently ignored.
 */
import { parseArgs as parseUtilArgs } from 'node:util';
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
    --format <mode>   prettier on the output: always (default) or never (quicker; printed as is)
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
  readonly format: 'always' | 'never';
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

const GENERATE_OPTIONS = {
  spec: { type: 'string' },
  out: { type: 'string' },
  check: { type: 'boolean' },
  'no-lint': { type: 'boolean' },
  'no-build': { type: 'boolean' },
  lenient: { type: 'boolean' },
  strict: { type: 'boolean' },
  format: { type: 'string' },
} as const;

/** `node:util` parseArgs, with its errors said in our words (and the usage text) as ConfigErrors. */
function parseGenerate(argv: readonly string[]): GenerateArgs {
  let values: ReturnType<typeof parseGenerateOptions>;
  try {
    values = parseGenerateOptions(argv);
  } catch (error) {
    throw new ConfigError(`${parseProblem(error)}\n\n${USAGE}`);
  }
  for (const name of ['spec', 'out', 'format'] as const) {
    if (values[name] === '') throw new ConfigError(`--${name} needs a value\n\n${USAGE}`);
  }
  const format = values.format ?? 'always';
  if (format !== 'always' && format !== 'never') throw new ConfigError(`--format must be always or never (got "${format}")\n\n${USAGE}`);
  const [strict, lenient] = [values.strict === true, values.lenient === true];
  if (strict && lenient) throw new ConfigError(`--strict and --lenient exclude each other\n\n${USAGE}`);
  return {
    command: 'generate',
    ...(values.spec ? { spec: values.spec } : {}),
    ...(values.out ? { out: values.out } : {}),
    check: values.check === true,
    lint: values['no-lint'] !== true,
    build: values['no-build'] !== true,
    lenient,
    strict,
    format,
  };
}

function parseGenerateOptions(argv: readonly string[]) {
  return parseUtilArgs({ args: [...argv], options: GENERATE_OPTIONS, strict: true, allowPositionals: false }).values;
}

/** The first quoted name in a `node:util` parseArgs error (`'--bogus'`, `'--spec <value>'`). */
function parseProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `${quoted} takes no value` : `${quoted.split(' ')[0]} needs a value`;
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unknown option "${quoted}" for generate`;
    default:
      return message;
  }
}
