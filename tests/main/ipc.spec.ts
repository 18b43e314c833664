import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { commandChannel, openExternalChannel } from '../../main/channels.ts';
import { registerIpc } from '../../main/ipc.ts';
import { commandNames } from '../../src/contract/index.ts';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function setup(trusted: boolean) {
  const handlers = new Map<string, Handler>();
  const calls: [string, unknown][] = [];
  const opened: string[] = [];
  registerIpc({
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        handlers.set(channel, handler);
      },
    },
    isTrustedSender: () => trusted,
    call: (name, input) => {
      calls.push([name, input]);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
  });
  const invoke = (channel: string, input: unknown): Promise<unknown> => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler({} as IpcMainInvokeEvent, input);
  };
  return { handlers, calls, opened, invoke };
}

describe('registerIpc', () => {
  it('registers exactly one channel per contract command, plus openExternal', () => {
    const { handlers } = setup(true);
    expect([...handlers.keys()].sort()).toEqual(
      [...commandNames.map(commandChannel), openExternalChannel].sort(),
    );
  });

  it('forwards a valid message from our window to the service', async () => {
    const { invoke, calls } = setup(true);
    expect(await invoke(commandChannel('setLocale'), { locale: 'en' })).toEqual({
      ok: true,
      value: 'answer',
    });
    expect(calls).toEqual([['setLocale', { locale: 'en' }]]);
  });

  it('drops messages from any other sender without calling the service', async () => {
    const { invoke, calls } = setup(false);
    expect(await invoke(commandChannel('appInfo'), {})).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('refuses arguments that do not match the schema', async () => {
    const { invoke, calls } = setup(true);
    expect(await invoke(commandChannel('setLocale'), { locale: 'xx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await invoke(commandChannel('startScan'), { paths: 'not-a-list' })).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
  });

  it('opens only https links, and only for our window', async () => {
    const trustedSetup = setup(true);
    expect(await trustedSetup.invoke(openExternalChannel, 'https://www.chatons.org/')).toBe(true);
    expect(await trustedSetup.invoke(openExternalChannel, 'file:///etc/passwd')).toBe(false);
    expect(await trustedSetup.invoke(openExternalChannel, 'javascript:alert(1)')).toBe(false);
    expect(await trustedSetup.invoke(openExternalChannel, 'https://user:pw@example.org/')).toBe(
      false,
    );
    expect(trustedSetup.opened).toEqual(['https://www.chatons.org/']);
    const untrusted = setup(false);
    expect(await untrusted.invoke(openExternalChannel, 'https://www.chatons.org/')).toBe(false);
    expect(untrusted.opened).toEqual([]);
  });
});
