// Where `scan` and `migrate` read from: the Google archive's parts given as arguments, another
// host's account given with `--from-server … --from-user … --from-password-env VAR`, or the
// family's Google account read live with `--google` (`--from google` says the same), signed in
// through the browser. One of them: a command that names two would leave the family unsure which
// was read.
import type { AccountArgs } from './account-options.ts';
import { fromAccountOptions, readFromAccountArgs } from './account-options.ts';
import type { CliContext, CliOptions, ParsedArgs } from './cli-command.ts';

export const sourceOptions: CliOptions = {
  ...fromAccountOptions,
  google: { type: 'boolean' },
  from: { type: 'string' },
  'google-client-id': { type: 'string' },
};

export type SourceArgs =
  | { readonly kind: 'takeout'; readonly paths: readonly string[] }
  | { readonly kind: 'dav'; readonly account: AccountArgs }
  | {
      readonly kind: 'google';
      /** `--google-client-id` (its secret from BALUCHON_GOOGLE_CLIENT_SECRET), else the service's. */
      readonly clientId: string | null;
    };

/**
 * The source the command line names, or the sentence saying what is wrong. `missing` is the
 * command's own sentence for "nothing named" (scan and migrate word it differently).
 */
export function readSourceArgs(
  ctx: Pick<CliContext, 't' | 'env'>,
  args: ParsedArgs,
  missing: string,
): SourceArgs | { problem: string } {
  const fromValue = args.values['from'];
  if (fromValue !== undefined && fromValue !== 'google') {
    return { problem: ctx.t('cli:source.badFrom', { value: String(fromValue) }) };
  }
  const google = args.values['google'] === true || fromValue === 'google';
  const from = readFromAccountArgs(ctx, args);
  const hasPaths = args.positionals.length > 0;
  if ([from !== null, hasPaths, google].filter(Boolean).length > 1) {
    return { problem: ctx.t('cli:source.both') };
  }
  if (google) {
    const clientId = args.values['google-client-id'];
    return { kind: 'google', clientId: typeof clientId === 'string' ? clientId : null };
  }
  if (from !== null) return 'problem' in from ? from : { kind: 'dav', account: from };
  if (!hasPaths) return { problem: `${missing}\n${ctx.t('cli:helpHint')}` };
  return { kind: 'takeout', paths: args.positionals };
}
