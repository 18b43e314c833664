// The service's side of host requests: a vault and a browser opener that ask main to act. The
// app password goes to main only to be encrypted by the OS keychain; it never reaches the page.
import type { SecretVault } from '../src/connect/secret-vault.ts';
import type { FromService, HostRequest, MessageEndpoint, ToService } from './service-protocol.ts';

export interface HostBridge {
  request(request: HostRequest): Promise<unknown>;
  /** Main's answer to a host request (called by the port's message handler). */
  settle(id: number, ok: boolean, value: unknown): void;
}

export function createHostBridge(
  port: MessageEndpoint<{ data: ToService }, FromService>,
): HostBridge {
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  return {
    request(request) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        port.postMessage({ type: 'host-request', id, request });
      });
    },
    settle(id, ok, value) {
      const waiting = pending.get(id);
      pending.delete(id);
      if (waiting === undefined) return;
      if (ok) waiting.resolve(value);
      else waiting.reject(new Error(typeof value === 'string' ? value : 'host request failed'));
    },
  };
}

export function bridgeVault(bridge: HostBridge): SecretVault {
  return {
    async put(account, secret) {
      await bridge.request({ op: 'vault-put', account, secret });
    },
    async get(account) {
      const value = await bridge.request({ op: 'vault-get', account });
      return typeof value === 'string' ? value : undefined;
    },
    async delete(account) {
      return (await bridge.request({ op: 'vault-delete', account })) === true;
    },
    async clear() {
      await bridge.request({ op: 'vault-clear' });
    },
  };
}

export function bridgeOpenExternal(bridge: HostBridge): (url: string) => Promise<void> {
  return async (url) => {
    await bridge.request({ op: 'open-external', url });
  };
}
