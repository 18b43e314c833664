// What a CLI command is: its name, its options (node:util parseArgs), and how it runs. Its words
// (summary, usage, help) live in the `cli` catalogue under commands.<name>.
import type { ParseArgsConfig } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import type { Service } from '../service/create-service.ts';
import type { Translator } from '../i18n/create-i18n.ts';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  /** The terminal's input, for the commands that listen to it (`web`: Enter for a new address). */
  stdin?: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves when the user asks to stop (Ctrl+C). */
  interrupted: AbortSignal;
  /** The clock times shown are read from (default: the system's); the zone comes from env.TZ. */
  now?: () => Date;
}

export interface CliContext extends CliIo {
  service: Service;
  t: Translator;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  readonly name: string;
  readonly options: CliOptions;
  /** Whether the command takes positional arguments (archive paths…). */
  readonly positionals: boolean;
  /** How the service presents itself (appInfo.mode); 'cli' unless said otherwise. */
  readonly serviceMode?: 'cli' | 'web';
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
}

/** Exit codes shared by every command. */
export const exitCode = {
  ok: 0,
  /** The work ran but not everything asked for is done/verified. */
  incomplete: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** The work could not run (nothing found, server refused…). */
  failed: 3,
  interrupted: 130,
} as const;
