// Where `scan` and `migrate` read from: the Google archive's parts given as arguments, or
// another host's account given with `--from-server … --from-user … --from-password-env VAR`.
// One or the other: a command that names both would leave the family unsure which was read.
import type { AccountArgs } from './account-options.ts';
import { fromAccountOptions, readFromAccountArgs } from './account-options.ts';
import type { CliContext, CliOptions, ParsedArgs } from './cli-command.ts';

export const sourceOptions: CliOptions = fromAccountOptions;

export type SourceArgs =
  | { readonly kind: 'takeout'; readonly paths: readonly string[] }
  | { readonly kind: 'dav'; readonly account: AccountArgs };

/**
 * The source the command line names, or the sentence saying what is wrong. `missing` is the
 * command's own sentence for "nothing named" (scan and migrate word it differently).
 */
export function readSourceArgs(
  ctx: Pick<CliContext, 't' | 'env'>,
  args: ParsedArgs,
  missing: string,
): SourceArgs | { problem: string } {
  const from = readFromAccountArgs(ctx, args);
  const hasPaths = args.positionals.length > 0;
  if (from !== null && hasPaths) return { problem: ctx.t('cli:source.both') };
  if (from !== null) return 'problem' in from ? from : { kind: 'dav', account: from };
  if (!hasPaths) return { problem: `${missing}\n${ctx.t('cli:helpHint')}` };
  return { kind: 'takeout', paths: args.positionals };
}
