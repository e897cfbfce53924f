/**
 * What every `npm run <script>` shares: `--help` prints the script's own usage and exits 0 without doing anything
 * else; a usage mistake prints the mistake and the usage and exits 2; a problem the user can fix (a `UserError`, or
 * the declaration's `TopologyError`) prints its lines without a stack trace and exits 1; anything else is a bug in the
 * package, printed as such with its stack trace, exit 70.
 */
import { parseArgs, type ParseArgsConfig } from 'util';
import { TopologyError } from '../topology/checks';

/** A problem the user can fix: printed as its message, one problem per line, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export interface CliSpec<O extends NonNullable<ParseArgsConfig['options']>> {
  /** `npm run <name>`: shown in the usage. */
  readonly name: string;
  /** One paragraph: what the script does. */
  readonly summary: string;
  /** The argument synopsis after `npm run <name> --`, e.g. `<base cdktf.out> <head cdktf.out>`. */
  readonly synopsis?: string;
  /** The options, as util.parseArgs takes them, each with a description. */
  readonly options?: O;
  readonly describe?: Readonly<Record<keyof O & string, string>>;
  /** Extra lines after the options (exit codes, examples). */
  readonly notes?: readonly string[];
  /** Whether positional arguments are allowed. @default false */
  readonly positionals?: boolean;
}

export function usage<O extends NonNullable<ParseArgsConfig['options']>>(spec: CliSpec<O>): string {
  const lines = [
    `usage: npm run ${spec.name}${spec.synopsis || spec.options ? ' --' : ''}${spec.synopsis ? ` ${spec.synopsis}` : ''}${spec.options ? ' [options]' : ''}`,
    '',
    spec.summary,
  ];
  const options = Object.entries(spec.options ?? {});
  if (options.length) {
    lines.push('', 'options:');
    for (const [name, o] of options) {
      const flag = `--${name}${o.type === 'string' ? ' <value>' : ''}`;
      lines.push(`  ${flag.padEnd(28)} ${spec.describe?.[name as keyof O & string] ?? ''}`.trimEnd());
    }
  }
  lines.push(`  ${'--help'.padEnd(28)} print this help and exit`);
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}

export interface ParsedArgs<O extends NonNullable<ParseArgsConfig['options']>> {
  readonly values: { readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  readonly positionals: readonly string[];
}

/**
 * Runs a script's main function with the shared handling of --help, usage mistakes, user errors and bugs. Sets the
 * process exit code; never throws.
 */
export function runCli<O extends NonNullable<ParseArgsConfig['options']>>(
  spec: CliSpec<O>,
  main: (args: ParsedArgs<O>) => number | void | Promise<number | void>,
  argv: readonly string[] = process.argv.slice(2),
): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage(spec));
    process.exitCode = 0;
    return;
  }
  let args: ParsedArgs<O>;
  try {
    const parsed = parseArgs({ args: [...argv], options: spec.options ?? {}, allowPositionals: spec.positionals ?? false, strict: true });
    args = { values: parsed.values as ParsedArgs<O>['values'], positionals: parsed.positionals };
  } catch (e) {
    process.stderr.write(`${spec.name}: ${(e as Error).message}\n\n${usage(spec)}`);
    process.exitCode = 2;
    return;
  }
  const fail = (e: unknown) => {
    process.exitCode = reportError(spec.name, e);
  };
  try {
    const result = main(args);
    if (result instanceof Promise) {
      result.then((code) => {
        if (typeof code === 'number') process.exitCode = code;
      }, fail);
    } else if (typeof result === 'number') process.exitCode = result;
  } catch (e) {
    fail(e);
  }
}

/** Prints an error the way every entry point does; returns the exit code. */
export function reportError(name: string, e: unknown): number {
  if (e instanceof TopologyError) {
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  if (e instanceof UserError) {
    process.stderr.write(`${name}: ${e.message}\n`);
    return e.exitCode;
  }
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`${name}: internal error (a bug in the package, please report it):\n${text}\n`);
  return 70;
}
