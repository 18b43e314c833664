// What the preload exposes as window.baluchon: one named function per contract command (the
// names come from the contract, so nothing is kept in sync by hand), the event subscription,
// and the two shell operations. No generic send(channel, …) is ever exposed.
import type { IpcRenderer, WebUtils } from 'electron';
import { commandNames } from '../src/contract/index.ts';
import type { BaluchonEvent } from '../src/contract/index.ts';
import { commandChannel, eventChannel, openExternalChannel } from './channels.ts';

export function createPreloadApi(
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  webUtils: Pick<WebUtils, 'getPathForFile'>,
): Record<string, unknown> {
  const commandsApi = Object.fromEntries(
    commandNames.map((name) => [
      name,
      (input: unknown): Promise<unknown> => ipcRenderer.invoke(commandChannel(name), input),
    ]),
  );
  return {
    ...commandsApi,
    onEvent(listener: (event: BaluchonEvent) => void): () => void {
      const handler = (_sender: unknown, event: BaluchonEvent): void => {
        listener(event);
      };
      ipcRenderer.on(eventChannel, handler);
      return () => {
        ipcRenderer.removeListener(eventChannel, handler);
      };
    },
    pathForFile(file: File): Promise<string> {
      // Electron knows where a dropped or chosen file lives: nothing is copied.
      return Promise.resolve(webUtils.getPathForFile(file));
    },
    async openExternal(url: string): Promise<void> {
      await ipcRenderer.invoke(openExternalChannel, url);
    },
  };
}
