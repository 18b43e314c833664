// Window hardening in one file (the same settings the tests check): sandboxed renderer with
// context isolation and no Node, a strict CSP (set on the app:// answers themselves by
// renderer-protocol.ts, and in renderer/index.html's <meta>), no navigation away from the app,
// no new windows, no webviews, no permissions, and links opened outside only when they are
// https.
import type { Session, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy, securityHeaders } from '../src/web/security-headers.ts';

export const appScheme = 'app';
export const appOrigin = `${appScheme}://baluchon`;

// One policy for the desktop window and for `baluchon web`.
export { contentSecurityPolicy };

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Only our own pages, served by our own protocol, are trusted. */
export function isAppUrl(url: string): boolean {
  try {
    // Node's URL gives non-special schemes an opaque origin ("null"): compare the parts.
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === 'baluchon';
  } catch {
    return false;
  }
}

/** A link the user may open in their browser: https only, no credentials in it. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export function hardenContents(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  // Only http(s) answers pass here — Electron leaves custom protocols out, which is why the
  // app:// handler sets the same headers itself. Kept for anything else the session loads.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(securityHeaders).map(([name, value]) => [name, [value]]),
    );
    callback({ responseHeaders: { ...details.responseHeaders, ...headers } });
  });
}
