// Long work is a job: a command starts it and returns its id; progress events follow (throttled,
// several a second); one final event ends it. Cancelling reaches every request through an
// AbortSignal on the service side.
import { z } from 'zod';
import { command } from './define.ts';

export const JobRef = z.object({ jobId: z.string() });
export type JobRef = z.infer<typeof JobRef>;

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const jobCommands = {
  cancelJob: command(JobRef, z.object({ cancelled: z.boolean() })),
};
