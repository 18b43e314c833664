// `baluchon web [--port N] [--no-open]`: the whole app in a browser, on this machine only.
// Prints one line on stdout: an address good once (a one-time code the page trades for its
// session cookie, src/web/entry-codes.ts), then one more each time Enter is pressed — for
// another browser, or the same one after it was closed.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { uploadsDirOf } from '../../service/received-copies.ts';
import { ensureRendererBuilt } from '../../web/renderer-build.ts';
import { startWebServer } from '../../web/web-server.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';
import { openBrowser } from '../open-browser.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const webCommand: CliCommand = {
  name: 'web',
  positionals: false,
  serviceMode: 'web',
  options: {
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
  },
  async run(ctx, args) {
    const portText = args.values['port'];
    const port = typeof portText === 'string' ? Number(portText) : 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      ctx.stderr.write(`${ctx.t('cli:commands.web.badPort', { port: String(portText) })}\n`);
      return exitCode.usage;
    }
    const renderer = await ensureRendererBuilt(projectRoot, () => {
      ctx.stderr.write(`${ctx.t('cli:commands.web.building')}\n`);
    });
    const server = await startWebServer({
      service: ctx.service,
      rendererDir: renderer.dir,
      uploadsDir: uploadsDirOf(ctx.service.dataDir),
      port,
      entryRefused: ctx.t('cli:commands.web.entryRefused'),
    });
    const address = server.entryAddress();
    ctx.stdout.write(`${address}\n`);
    ctx.stderr.write(`${ctx.t('cli:commands.web.ready')}\n`);
    // The browser's command line shows this address to every user of the computer, but by the
    // time anyone reads it, it has been used.
    if (args.values['no-open'] !== true) openBrowser(address);
    const lines = ctx.stdin === undefined ? undefined : createInterface({ input: ctx.stdin });
    lines?.on('line', () => {
      ctx.stdout.write(`${server.entryAddress()}\n`);
    });
    await new Promise<void>((resolve) => {
      if (ctx.interrupted.aborted) resolve();
      ctx.interrupted.addEventListener('abort', () => {
        resolve();
      });
    });
    lines?.close();
    await server.close();
    return exitCode.ok;
  },
};
