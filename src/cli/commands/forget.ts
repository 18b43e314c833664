// `baluchon forget`: the volunteer's last step between two families — removes every trace
// Baluchon kept on this computer (journal, reports, received archive copies, caches). Nothing
// on any server, nothing at Google.
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';

export const forgetCommand: CliCommand = {
  name: 'forget',
  positionals: false,
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    const result = await ctx.service.call('forgetEverything', {});
    if (!result.ok) {
      ctx.stderr.write(`${result.error.message}\n`);
      return exitCode.failed;
    }
    if (args.values['json'] === true)
      ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    else ctx.stdout.write(`${ctx.t('cli:commands.forget.done', { dir: ctx.service.dataDir })}\n`);
    return exitCode.ok;
  },
};
