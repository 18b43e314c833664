// Entry point of the utility process (bundled to dist/main/service-host.js).
import { createService } from '../src/service/create-service.ts';
import { bridgeOpenExternal, bridgeVault, createHostBridge } from './host-bridge.ts';
import { serveOverPort } from './service-host.ts';
import type { FromService, MessageEndpoint, ToService } from './service-protocol.ts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

const dataDir = argument('data-dir');
if (dataDir === undefined) throw new Error('--data-dir is required');
// Electron gives utility processes a parentPort on `process`.
const parentPort = (
  process as unknown as { parentPort: MessageEndpoint<{ data: ToService }, FromService> }
).parentPort;
const bridge = createHostBridge(parentPort);
const sqliteBinding = argument('sqlite-binding');
const service = createService({
  mode: 'desktop',
  locale: argument('locale') === 'en' ? 'en' : 'fr',
  dataDir,
  vault: bridgeVault(bridge),
  hosts: { openExternal: bridgeOpenExternal(bridge) },
  ...(sqliteBinding === undefined ? {} : { migrate: { sqliteNativeBinding: sqliteBinding } }),
});
serveOverPort(parentPort, service, bridge);
