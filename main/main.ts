// The Electron shell: one hardened window showing the renderer, the service in a utility
// process, IPC checked message by message. Everything else lives in src/ and runs under Node.
import {
  BrowserWindow,
  app,
  ipcMain,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { eventChannel } from './channels.ts';
import { hostRequestHandler } from './host-requests.ts';
import { KeychainVault } from './keychain-vault.ts';
import { registerIpc } from './ipc.ts';
import { rendererHandler } from './renderer-protocol.ts';
import {
  appOrigin,
  appScheme,
  hardenContents,
  hardenSession,
  isAppUrl,
  isSafeExternalUrl,
  secureWebPreferences,
} from './security.ts';
import { createServiceClient } from './service-client.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let window: BrowserWindow | undefined;

const openExternal = async (url: string): Promise<void> => {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
};

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    window !== undefined &&
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url)
  );
}

function createWindow(): BrowserWindow {
  const created = new BrowserWindow({
    width: 1100,
    height: 820,
    minWidth: 360,
    minHeight: 480,
    title: 'Baluchon',
    backgroundColor: '#fbfaf7',
    show: false,
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  created.once('ready-to-show', () => {
    created.show();
  });
  void created.loadURL(`${appOrigin}/`);
  return created;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    window?.show();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, openExternal);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(
      appScheme,
      rendererHandler(rendererDir, (url) => net.fetch(url)),
    );

    const dataDir = app.getPath('userData');
    // `npm start` builds an Electron-ABI copy of better-sqlite3 beside the bundle (the one in
    // node_modules is built for Node, for the tests); a packaged app has it rebuilt in place.
    const sqliteBinding = join(here, '..', 'native', 'better_sqlite3.node');
    const child = utilityProcess.fork(
      join(here, 'service-host.js'),
      [
        '--data-dir',
        dataDir,
        '--locale',
        app.getLocale().startsWith('en') ? 'en' : 'fr',
        ...(existsSync(sqliteBinding) ? ['--sqlite-binding', sqliteBinding] : []),
      ],
      { serviceName: 'Baluchon service' },
    );
    const vault = new KeychainVault(join(dataDir, 'secrets.json'), safeStorage);
    const client = createServiceClient(
      child,
      (event) => {
        window?.webContents.send(eventChannel, event);
      },
      hostRequestHandler(vault, openExternal),
    );
    child.on('exit', (code) => {
      client.fail(`The Baluchon service stopped (code ${code}).`);
    });
    registerIpc({
      ipcMain,
      isTrustedSender,
      call: (name, input) => client.call(name, input),
      openExternal,
    });
    window = createWindow();
  });
}
