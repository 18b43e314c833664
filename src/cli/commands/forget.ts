// `baluchon forget [--state DIR]`: the volunteer's last step between two families — removes every
// trace Baluchon kept on this computer (journal, reports, received archive copies, caches), and
// the journal and reports of every folder a move kept them in (`migrate --state DIR`: listed
// when used, src/service/state-folders.ts), DIR too when given. Nothing on any server, nothing at
// Google. A listed folder that cannot be found now (a USB stick not plugged in) is named, with
// how to forget it later.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stateFoldersToForget } from '../../service/forget-everything.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';

export const forgetCommand: CliCommand = {
  name: 'forget',
  positionals: false,
  options: { state: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const state = args.values['state'];
    const stateDir = typeof state === 'string' ? resolve(ctx.cwd, state) : undefined;
    // Looked at before: once forgotten, the list of folders is gone too.
    const folders = await stateFoldersToForget(ctx.service.dataDir, stateDir);
    const found = await Promise.all(
      folders.map(async (folder) => ({
        folder,
        here: (await stat(folder).catch(() => null)) !== null,
      })),
    );
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
      for (const { folder, here } of found) {
        const key = here ? 'cli:commands.forget.doneState' : 'cli:commands.forget.stateNotFound';
        ctx.stdout.write(`${ctx.t(key, { dir: folder })}\n`);
      }
    }
    return exitCode.ok;
  },
};
