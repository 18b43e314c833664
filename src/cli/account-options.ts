// `--server … --user … --password-env VAR`: the account options shared by connect, migrate,
// verify and undo. The password is read from an environment variable so it never appears in
// the shell history or the process list.
import type { CliContext, CliOptions, ParsedArgs } from './cli-command.ts';

export const accountOptions: CliOptions = {
  server: { type: 'string' },
  user: { type: 'string' },
  'password-env': { type: 'string' },
};

export interface AccountArgs {
  server: string;
  username: string;
  password: string;
}

/** The account arguments, or the sentence explaining what is missing. */
export function readAccountArgs(
  ctx: CliContext,
  args: ParsedArgs,
): AccountArgs | { problem: string } {
  const server = args.values['server'];
  const username = args.values['user'];
  const variable = args.values['password-env'];
  if (typeof server !== 'string' || server === '')
    return { problem: ctx.t('cli:account.missingServer') };
  if (typeof username !== 'string' || username === '')
    return { problem: ctx.t('cli:account.missingUser') };
  if (typeof variable !== 'string' || variable === '') {
    return { problem: ctx.t('cli:account.missingPasswordEnv') };
  }
  const password = ctx.env[variable];
  if (password === undefined || password === '') {
    return { problem: ctx.t('cli:account.emptyPasswordEnv', { variable }) };
  }
  return { server, username, password };
}

/**
 * `--files-server … --files-user … --files-password-env VAR`: a second account for the files
 * (a WebDAV or Nextcloud space beside a calendar server). All three, or none.
 */
export const filesAccountOptions: CliOptions = {
  'files-server': { type: 'string' },
  'files-user': { type: 'string' },
  'files-password-env': { type: 'string' },
};

/** The files account's arguments, null when none was given, or what is missing. */
export function readFilesAccountArgs(
  ctx: CliContext,
  args: ParsedArgs,
): AccountArgs | null | { problem: string } {
  return readOtherAccountArgs(ctx, args, 'files');
}

/**
 * `--from-server … --from-user … --from-password-env VAR`: the account the data comes from,
 * when it is at another host rather than in a Google archive. All three, or none.
 */
export const fromAccountOptions: CliOptions = {
  'from-server': { type: 'string' },
  'from-user': { type: 'string' },
  'from-password-env': { type: 'string' },
};

/** The source account's arguments, null when none was given, or what is missing. */
export function readFromAccountArgs(
  ctx: Pick<CliContext, 't' | 'env'>,
  args: ParsedArgs,
): AccountArgs | null | { problem: string } {
  return readOtherAccountArgs(ctx, args, 'from');
}

/** `--<prefix>-server`, `--<prefix>-user`, `--<prefix>-password-env`: all three, or none. */
function readOtherAccountArgs(
  ctx: Pick<CliContext, 't' | 'env'>,
  args: ParsedArgs,
  prefix: 'files' | 'from',
): AccountArgs | null | { problem: string } {
  const server = args.values[`${prefix}-server`];
  const username = args.values[`${prefix}-user`];
  const variable = args.values[`${prefix}-password-env`];
  if (server === undefined && username === undefined && variable === undefined) return null;
  const words = prefix === 'files' ? 'Files' : 'From';
  if (typeof server !== 'string' || server === '')
    return { problem: ctx.t(`cli:account.missing${words}Server`) };
  if (typeof username !== 'string' || username === '')
    return { problem: ctx.t(`cli:account.missing${words}User`) };
  if (typeof variable !== 'string' || variable === '') {
    return { problem: ctx.t(`cli:account.missing${words}PasswordEnv`) };
  }
  const password = ctx.env[variable];
  if (password === undefined || password === '') {
    return { problem: ctx.t('cli:account.emptyPasswordEnv', { variable }) };
  }
  return { server, username, password };
}
