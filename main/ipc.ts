// Main-side IPC: one handler per contract command. Every message is checked twice before it
// reaches the service: its sender must be our own window's top frame showing our own page, and
// its argument must match the command's schema.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { commandNames, commands } from '../src/contract/index.ts';
import type { CommandName, Result } from '../src/contract/index.ts';
import { commandChannel, openExternalChannel } from './channels.ts';
import { isSafeExternalUrl } from './security.ts';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  call(name: CommandName, input: unknown): Promise<Result<unknown>>;
  openExternal(url: string): Promise<void>;
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'invalid-input', message: 'Refused: this message did not come from Baluchon.' },
};

export function registerIpc(deps: IpcDeps): void {
  for (const name of commandNames) {
    deps.ipcMain.handle(commandChannel(name), async (event, input: unknown) => {
      if (!deps.isTrustedSender(event)) return refused;
      const parsed = commands[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? '' },
        };
      }
      return deps.call(name, parsed.data);
    });
  }
  deps.ipcMain.handle(openExternalChannel, async (event, url: unknown) => {
    if (!deps.isTrustedSender(event) || typeof url !== 'string' || !isSafeExternalUrl(url)) {
      return false;
    }
    await deps.openExternal(url);
    return true;
  });
}
