// `baluchon forget [--state DIR]`: the volunteer's last step between two families — removes every
// trace Baluchon kept on this computer (journal, reports, received archive copies, caches), and
// the journal kept in DIR when a move ran with `migrate --state DIR`. Nothing on any server,
// nothing at Google.
import { resolve } from 'node:path';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';

export const forgetCommand: CliCommand = {
  name: 'forget',
  positionals: false,
  options: { state: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const state = args.values['state'];
    const stateDir = typeof state === 'string' ? resolve(ctx.cwd, state) : undefined;
    const result = await ctx.service.call(
      'forgetEverything',
      stateDir === undefined ? {} : { stateDir },
    );
    if (!result.ok) {
      ctx.stderr.write(`${result.error.message}\n`);
      return exitCode.failed;
    }
    if (args.values['json'] === true)
      ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    else {
      ctx.stdout.write(`${ctx.t('cli:commands.forget.done', { dir: ctx.service.dataDir })}\n`);
      if (stateDir !== undefined)
        ctx.stdout.write(`${ctx.t('cli:commands.forget.doneState', { dir: stateDir })}\n`);
    }
    return exitCode.ok;
  },
};
