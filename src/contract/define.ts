// The building blocks of the contract: a command is an input schema and an output schema; a job
// kind is a progress schema and a result schema. Everything else (preload, IPC handlers, web
// routes, the renderer's window.baluchon type, the CLI) is derived from these declarations.
import type { z } from 'zod';

export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function command<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): CommandDef<I, O> {
  return { input, output };
}

export interface JobDef<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly progress: P;
  readonly result: R;
}

export function job<P extends z.ZodType, R extends z.ZodType>(
  progress: P,
  result: R,
): JobDef<P, R> {
  return { progress, result };
}
