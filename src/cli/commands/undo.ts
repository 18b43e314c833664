// `baluchon undo --server … --user … --password-env VAR [--files-server … --files-user …
// --files-password-env VAR] [--state DIR] [--json]`: removes from the account (and from the
// files account of a two-account move) what Baluchon created there (never anything else); the
// family's own changes stay.
import { resolve } from 'node:path';
import type { Account } from '../../contract/index.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import {
  accountOptions,
  filesAccountOptions,
  readAccountArgs,
  readFilesAccountArgs,
} from '../account-options.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';
import { followJob } from '../follow-job.ts';

export const undoCommand: CliCommand = {
  name: 'undo',
  positionals: false,
  options: {
    ...accountOptions,
    ...filesAccountOptions,
    state: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, args) {
    const json = args.values['json'] === true;
    const accountArgs = readAccountArgs(ctx, args);
    if ('problem' in accountArgs) {
      ctx.stderr.write(`${accountArgs.problem}\n`);
      return exitCode.usage;
    }
    const filesArgs = readFilesAccountArgs(ctx, args);
    if (filesArgs !== null && 'problem' in filesArgs) {
      ctx.stderr.write(`${filesArgs.problem}\n`);
      return exitCode.usage;
    }
    const ids: string[] = [];
    for (const given of filesArgs === null ? [accountArgs] : [accountArgs, filesArgs]) {
      const connected = await ctx.service.call('connect', given);
      if (!connected.ok) {
        if (json) ctx.stdout.write(`${JSON.stringify({ error: connected.error }, null, 2)}\n`);
        ctx.stderr.write(`${connected.error.message}\n`);
        return exitCode.failed;
      }
      ids.push((connected.value as Account).accountId);
    }
    const [accountId = '', filesAccountId] = ids;
    const state = args.values['state'];
    const outcome = await followJob(ctx, 'undo', () =>
      ctx.service.call('startUndo', {
        accountId,
        ...(filesAccountId === undefined ? {} : { filesAccountId }),
        ...(typeof state === 'string' ? { stateDir: resolve(ctx.cwd, state) } : {}),
      }),
    );
    if (outcome.type !== 'done') {
      if (json) ctx.stdout.write(`${JSON.stringify({ error: outcome.error }, null, 2)}\n`);
      ctx.stderr.write(`${outcome.error.message}\n`);
      return outcome.type === 'cancelled' ? exitCode.interrupted : exitCode.failed;
    }
    const report = outcome.result;
    if (json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      ctx.stdout.write(`${undoneLine(ctx.t, report)}\n`);
      for (const problem of report.problems)
        ctx.stdout.write(`• ${problem.where}: ${problem.reason}\n`);
    }
    return report.kept === 0 && report.collectionsKept === 0 ? exitCode.ok : exitCode.incomplete;
  },
};

/** "3 éléments retirés, 1 agenda, carnet d’adresses ou dossier retiré." and what was kept. */
function undoneLine(
  t: Translator,
  report: { deleted: number; collectionsDeleted: number; kept: number; collectionsKept: number },
): string {
  const removed = [
    t('cli:commands.undo.removed', { count: report.deleted }),
    t('cli:commands.undo.removedCollections', { count: report.collectionsDeleted }),
  ];
  const kept = [
    ...(report.kept > 0 ? [t('cli:commands.undo.kept', { count: report.kept })] : []),
    ...(report.collectionsKept > 0
      ? [t('cli:commands.undo.keptCollections', { count: report.collectionsKept })]
      : []),
  ];
  return [removed, kept]
    .filter((part) => part.length > 0)
    .map((part) => `${part.join(', ')}.`)
    .join(' ');
}
