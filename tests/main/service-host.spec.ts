// main ↔ utility process: a call crosses the port and comes back with its result; events flow.
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServiceClient } from '../../main/service-client.ts';
import { serveOverPort } from '../../main/service-host.ts';
import type { FromService, ToService } from '../../main/service-protocol.ts';
import type { BaluchonEvent } from '../../src/contract/index.ts';
import { createService } from '../../src/service/create-service.ts';

function linkedPorts() {
  // Two emitters standing for Electron's UtilityProcess (main side) and parentPort (child side).
  const mainSide = new EventEmitter();
  const childSide = new EventEmitter();
  return {
    main: {
      postMessage: (message: ToService) =>
        setImmediate(() => childSide.emit('message', { data: message })),
      on: (event: 'message', listener: (message: FromService) => void) =>
        mainSide.on(event, listener),
    },
    child: {
      postMessage: (message: FromService) => setImmediate(() => mainSide.emit('message', message)),
      on: (event: 'message', listener: (message: { data: ToService }) => void) =>
        childSide.on(event, listener),
    },
  };
}

describe('service over the utility-process port', () => {
  it('answers calls by id, including refused ones, and forwards events', async () => {
    const ports = linkedPorts();
    const service = createService({ mode: 'desktop', locale: 'en', dataDir: '/nonexistent' });
    serveOverPort(ports.child, service);
    const events: BaluchonEvent[] = [];
    const client = createServiceClient(ports.main, (event) => events.push(event));

    const [info, unknown] = await Promise.all([
      client.call('appInfo', {}),
      client.call('noSuchCommand', {}),
    ]);
    expect(info).toMatchObject({ ok: true, value: { mode: 'desktop' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' } });

    const folder = await mkdtemp(join(tmpdir(), 'baluchon-empty-'));
    const ended = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (events.some((event) => event.type === 'job.end')) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    const started = await client.call('startScan', { paths: [folder] });
    expect(started.ok).toBe(true);
    await ended;
    expect(events.at(-1)).toMatchObject({ type: 'job.end', kind: 'scan' });
    await rm(folder, { recursive: true });
  });

  it('fails pending calls when the service process dies', async () => {
    const silent = { postMessage: () => undefined, on: () => undefined };
    const client = createServiceClient(silent, () => undefined);
    const pending = client.call('appInfo', {});
    client.fail('stopped');
    expect(await pending).toEqual({ ok: false, error: { code: 'internal', message: 'stopped' } });
  });
});
