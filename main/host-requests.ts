// Main's side of host requests from the service process: the keychain vault and the browser.
import type { SecretVault } from '../src/connect/secret-vault.ts';
import { isSafeExternalUrl } from './security.ts';
import type { HostRequest } from './service-protocol.ts';

export function hostRequestHandler(
  vault: SecretVault,
  openExternal: (url: string) => Promise<void>,
): (request: HostRequest) => Promise<unknown> {
  return async (request) => {
    switch (request.op) {
      case 'vault-get':
        return (await vault.get(request.account)) ?? null;
      case 'vault-put':
        await vault.put(request.account, request.secret);
        return true;
      case 'vault-delete':
        return vault.delete(request.account);
      case 'vault-clear':
        await vault.clear();
        return true;
      case 'open-external':
        // The service asks for the host's login page: https only, as for the window's links.
        if (!isSafeExternalUrl(request.url)) throw new Error('refused: not an https address');
        await openExternal(request.url);
        return true;
    }
  };
}
