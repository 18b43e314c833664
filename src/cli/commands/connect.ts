// `baluchon connect --server … --user … --password-env VAR [--json]`: what Baluchon finds on the
// family's new account, or a plain explanation of what went wrong that a volunteer can repeat
// to the host.
import type { Account } from '../../contract/index.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import { accountOptions, readAccountArgs } from '../account-options.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';

export const connectCommand: CliCommand = {
  name: 'connect',
  positionals: false,
  options: { ...accountOptions, json: { type: 'boolean' } },
  async run(ctx, args) {
    const json = args.values['json'] === true;
    const account = readAccountArgs(ctx, args);
    if ('problem' in account) {
      ctx.stderr.write(`${account.problem}\n`);
      return exitCode.usage;
    }
    const result = await ctx.service.call('connect', account);
    if (!result.ok) {
      if (json) ctx.stdout.write(`${JSON.stringify({ error: result.error }, null, 2)}\n`);
      else ctx.stderr.write(`${result.error.message}\n`);
      return exitCode.failed;
    }
    const found = result.value as Account;
    ctx.stdout.write(json ? `${JSON.stringify(found, null, 2)}\n` : describeAccount(ctx.t, found));
    return exitCode.ok;
  },
};

function describeAccount(t: Translator, account: Account): string {
  const none = t('connect:result.none');
  const free = account.quota?.availableBytes;
  return [
    t('connect:result.title', { server: account.server, username: account.username }),
    t('connect:result.software', { software: account.software }),
    t('connect:result.calendars', { url: account.calendarHome ?? none }),
    t('connect:result.contacts', { url: account.addressbookHome ?? none }),
    t('connect:result.files', { url: account.filesRoot ?? none }),
    free === undefined || free === null
      ? t('connect:result.freeUnknown')
      : t('connect:result.free', { free: `${(free / 1e9).toFixed(1)} GB` }),
    '',
  ].join('\n');
}
