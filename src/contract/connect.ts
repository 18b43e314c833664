// Connecting to the family's new account: find its calendars, address books and files from the
// address they were given, with a login and an (app) password.
import { z } from 'zod';
import { command, job } from './define.ts';
import { JobRef } from './jobs.ts';

export const ConnectInput = z.object({
  /** An e-mail address, a host name, or a URL. */
  server: z.string().min(1).max(2048),
  username: z.string().min(1).max(512),
  /** Absent after a browser login: the app password is then already in the service's vault. */
  password: z.string().min(1).max(4096).optional(),
});

export const ServerSoftware = z.enum([
  'nextcloud',
  'radicale',
  'xandikos',
  'baikal',
  'sogo',
  'apache',
  'unknown',
]);
export type ServerSoftware = z.infer<typeof ServerSoftware>;

export const Account = z.object({
  /** Refers to this account in later commands; the password stays in the service. */
  accountId: z.string(),
  server: z.string(),
  username: z.string(),
  software: ServerSoftware,
  principal: z.string().nullable(),
  calendarHome: z.string().nullable(),
  addressbookHome: z.string().nullable(),
  filesRoot: z.string().nullable(),
  /** Free space for files, when the server tells. */
  quota: z
    .object({ availableBytes: z.number().nullable(), usedBytes: z.number().nullable() })
    .nullable(),
});
export type Account = z.infer<typeof Account>;

/** While connecting: which address is being tried (the 1st, 2nd… of those discovery knows). */
export const ConnectProgress = z.object({
  phase: z.literal('searching'),
  /** Addresses tried so far, this one included. */
  tried: z.number().int().nonnegative(),
  address: z.string(),
});
export type ConnectProgress = z.infer<typeof ConnectProgress>;

export const connectJobs = {
  connect: job(ConnectProgress, Account),
};

export const connectCommands = {
  /** Connects and answers with the account (the CLI waits; it cannot be cancelled but ends). */
  connect: command(ConnectInput, Account),
  /** The same as a job, with progress and Cancel (the app's connect screen). */
  startConnect: command(ConnectInput, JobRef),
};
