import { describe, expect, it } from 'vitest';
import { commandChannel, eventChannel, openExternalChannel } from '../../main/channels.ts';
import { createPreloadApi } from '../../main/preload-api.ts';
import { commandNames } from '../../src/contract/index.ts';

function fakeIpc() {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    invoked,
    listeners,
    ipc: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args[0]]);
        return Promise.resolve('done');
      },
      on(channel: string, listener: (...args: unknown[]) => void) {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return this;
      },
      removeListener(channel: string, listener: (...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
        return this;
      },
    },
  };
}

describe('createPreloadApi', () => {
  it('exposes the contract commands by name and nothing generic', () => {
    const { ipc } = fakeIpc();
    const api = createPreloadApi(ipc as never, { getPathForFile: () => '' });
    expect(Object.keys(api).sort()).toEqual(
      [...commandNames, 'onEvent', 'pathForFile', 'openExternal'].sort(),
    );
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('invoke');
  });

  it('sends each command on its own channel', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createPreloadApi(ipc as never, { getPathForFile: () => '' });
    const appInfo = api['appInfo'] as (input: unknown) => Promise<unknown>;
    await appInfo({});
    const open = api['openExternal'] as (url: string) => Promise<void>;
    await open('https://example.org/');
    expect(invoked).toEqual([
      [commandChannel('appInfo'), {}],
      [openExternalChannel, 'https://example.org/'],
    ]);
  });

  it('delivers events until unsubscribed', () => {
    const { ipc, listeners } = fakeIpc();
    const api = createPreloadApi(ipc as never, { getPathForFile: () => '' });
    const received: unknown[] = [];
    const onEvent = api['onEvent'] as (listener: (event: unknown) => void) => () => void;
    const stop = onEvent((event) => received.push(event));
    for (const listener of listeners.get(eventChannel) ?? [])
      listener({}, { type: 'job.progress' });
    stop();
    for (const listener of listeners.get(eventChannel) ?? []) listener({}, { type: 'late' });
    expect(received).toEqual([{ type: 'job.progress' }]);
  });

  it('gives the real path of a dropped file, without copying it', async () => {
    const { ipc } = fakeIpc();
    const api = createPreloadApi(ipc as never, {
      getPathForFile: () => '/home/anne/takeout-001.zip',
    });
    const pathForFile = api['pathForFile'] as (file: unknown) => Promise<string>;
    expect(await pathForFile({})).toBe('/home/anne/takeout-001.zip');
  });
});
