/**
 * Argument handling shared by the repository's command-line tools (`npm run loadtest`,
 * `npm run bench`): `node:util` parseArgs plus the behaviour people expect from a CLI. `--help`
 * prints the usage and exits 0; a bad argument prints one line on stderr (`loadtest: ...`) and
 * exits 2, the usual code for a usage error.
 */
import { parseArgs } from 'node:util';

/** Exit code of a usage error (bad or unknown argument), as in most Unix tools. */
export const USAGE_ERROR_EXIT_CODE = 2;

/** Prints `<tool>: <message>` on one line of stderr and exits with {@link USAGE_ERROR_EXIT_CODE}. */
export function failUsage(tool: string, message: string): never {
  process.stderr.write(`${tool}: ${message.replace(/\s*\n\s*/g, ' ')} (see --help)\n`);
  process.exit(USAGE_ERROR_EXIT_CODE);
}

/**
 * `--users -3` reads as a value, not as an unknown option `-3`: a negative number after an option
 * that takes a value is joined to it (`--users=-3`), so validation can say what is wrong with it.
 */
function joinNegativeValues(
  args: readonly string[],
  options: Readonly<Record<string, CliOption>>,
): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const takesValue = name !== undefined && options[name]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** An option as parseArgs takes it: a string value or a flag. */
export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
}

/** Parsed values by option name (defaults applied). */
export type CliValues = Record<string, string | boolean | undefined>;

/**
 * Parses `argv` (without node and the script) with `options` plus `--help`/`-h`. Prints `usage`
 * and exits 0 on `--help`; prints one line and exits 2 on an unknown option or a missing value.
 */
export function parseCli(config: {
  tool: string;
  usage: string;
  options: Record<string, CliOption>;
  allowPositionals?: boolean;
  argv?: readonly string[];
}): { values: CliValues; positionals: string[] } {
  const options: Record<string, CliOption> = {
    ...config.options,
    help: { type: 'boolean', short: 'h' },
  };
  let parsed: { values: CliValues; positionals: string[] };
  try {
    const result = parseArgs({
      args: joinNegativeValues(config.argv ?? process.argv.slice(2), options),
      options,
      allowPositionals: config.allowPositionals ?? false,
      strict: true,
    });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failUsage(config.tool, (message.split('\n')[0] ?? message).split('. ')[0] ?? message);
  }
  if (parsed.values['help'] === true) {
    process.stdout.write(`${config.usage.trim()}\n`);
    process.exit(0);
  }
  return parsed;
}
