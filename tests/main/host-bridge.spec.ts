// The service process asks main for the keychain and the browser: the round trip over the port.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bridgeOpenExternal, bridgeVault, createHostBridge } from '../../main/host-bridge.ts';
import { hostRequestHandler } from '../../main/host-requests.ts';
import { createServiceClient } from '../../main/service-client.ts';
import { serveOverPort } from '../../main/service-host.ts';
import type { FromService, ToService } from '../../main/service-protocol.ts';
import { MemorySecretVault } from '../../src/connect/secret-vault.ts';
import { createService } from '../../src/service/create-service.ts';

function linkedPorts() {
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

describe('host requests from the service process', () => {
  it('keeps and reads secrets through main, and opens only https pages', async () => {
    const ports = linkedPorts();
    const mainVault = new MemorySecretVault();
    const opened: string[] = [];
    createServiceClient(
      ports.main,
      () => undefined,
      hostRequestHandler(mainVault, (url) => {
        opened.push(url);
        return Promise.resolve();
      }),
    );
    const bridge = createHostBridge(ports.child);
    const service = createService({
      mode: 'desktop',
      locale: 'en',
      dataDir: '/nonexistent',
      vault: bridgeVault(bridge),
    });
    serveOverPort(ports.child, service, bridge);

    const vault = bridgeVault(bridge);
    await vault.put('https://cloud.example|anne', 'app-pass');
    expect(await mainVault.get('https://cloud.example|anne')).toBe('app-pass');
    expect(await vault.get('https://cloud.example|anne')).toBe('app-pass');
    expect(await vault.get('nobody')).toBeUndefined();
    expect(await vault.delete('https://cloud.example|anne')).toBe(true);

    const open = bridgeOpenExternal(bridge);
    await open('https://cloud.example/login/v2/flow/abc');
    await expect(open('http://cloud.example/login')).rejects.toThrow(/refused/);
    await expect(open('file:///etc/passwd')).rejects.toThrow(/refused/);
    expect(opened).toEqual(['https://cloud.example/login/v2/flow/abc']);
  });
});
