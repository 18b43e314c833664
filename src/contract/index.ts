// The one contract between the engine and its callers. Each area declares its commands and job
// kinds in its own file; this file only gathers them and derives the types every side uses.
import { z } from 'zod';
import { appCommands } from './app.ts';
import { connectCommands, connectJobs } from './connect.ts';
import { devicesCommands } from './devices.ts';
import type { CommandDef, JobDef } from './define.ts';
import { migrateCommands, migrateJobs } from './migrate.ts';
import { ErrorData } from './errors.ts';
import { googleCommands, googleJobs } from './google.ts';
import type { Result } from './errors.ts';
import { hostsCommands, hostsJobs } from './hosts.ts';
import { jobCommands } from './jobs.ts';
import { Problem } from './problem.ts';
import { scanCommands, scanJobs } from './scan.ts';

export const commands = {
  ...appCommands,
  ...jobCommands,
  ...scanCommands,
  ...connectCommands,
  ...hostsCommands,
  ...migrateCommands,
  ...googleCommands,
  ...devicesCommands,
} as const satisfies Record<string, CommandDef>;

export const jobs = {
  ...scanJobs,
  ...connectJobs,
  ...hostsJobs,
  ...migrateJobs,
  ...googleJobs,
} as const satisfies Record<string, JobDef>;

// The codes live in the leaf src/errors/error-codes.ts, which every layer may import.
export { errorCodes } from '../errors/error-codes.ts';
export type { ErrorCode } from '../errors/error-codes.ts';

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export const commandNames = Object.keys(commands) as CommandName[];

/** What a caller passes (before defaults are applied). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What the service receives, once the input schema has parsed it. */
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export type Jobs = typeof jobs;
export type JobKind = keyof Jobs;
export type JobProgress<K extends JobKind> = z.output<Jobs[K]['progress']>;
export type JobResult<K extends JobKind> = z.output<Jobs[K]['result']>;

export type JobEvent = {
  [K in JobKind]:
    | { type: 'job.progress'; jobId: string; kind: K; progress: JobProgress<K> }
    | { type: 'job.problem'; jobId: string; kind: K; problem: Problem }
    | { type: 'job.end'; jobId: string; kind: K; outcome: 'done'; result: JobResult<K> }
    | {
        type: 'job.end';
        jobId: string;
        kind: K;
        outcome: 'failed' | 'cancelled';
        error: ErrorData;
      };
}[JobKind];

export type BaluchonEvent = JobEvent;

function jobEventSchemas(kind: JobKind, def: JobDef): z.ZodType[] {
  const base = { jobId: z.string(), kind: z.literal(kind) };
  return [
    z.object({ type: z.literal('job.progress'), ...base, progress: def.progress }),
    z.object({ type: z.literal('job.problem'), ...base, problem: Problem }),
    z.object({
      type: z.literal('job.end'),
      ...base,
      outcome: z.literal('done'),
      result: def.result,
    }),
    z.object({
      type: z.literal('job.end'),
      ...base,
      outcome: z.enum(['failed', 'cancelled']),
      error: ErrorData,
    }),
  ];
}

/** Runtime check of any event, for transports and tests. */
export const BaluchonEventSchema = z.union(
  (Object.entries(jobs) as [JobKind, JobDef][]).flatMap(([kind, def]) =>
    jobEventSchemas(kind, def),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
) as unknown as z.ZodType<BaluchonEvent>;

/** The service: one handler per command, receiving parsed input. */
export type Handlers = {
  [K in CommandName]: (input: ParsedInput<K>) => Promise<CommandOutput<K>>;
};

/** What the renderer sees as window.baluchon, whatever the transport (IPC or web). */
export type BaluchonApi = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;
} & {
  /** Subscribe to every event of every job; returns the unsubscribe function. */
  onEvent(listener: (event: BaluchonEvent) => void): () => void;
};

export { ErrorData, Problem };
export type { Result };
export * from './app.ts';
export * from './connect.ts';
export * from './jobs.ts';
export * from './scan.ts';
export * from './hosts.ts';
export * from './migrate.ts';
export * from './google.ts';
export * from './devices.ts';
