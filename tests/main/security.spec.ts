import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/web/security-headers.ts';
import {
  contentSecurityPolicy,
  hardenContents,
  hardenSession,
  isAppUrl,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../main/security.ts';

describe('window hardening', () => {
  it('sandboxes the renderer with context isolation and no Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      preload: '/p.cjs',
    });
  });

  it('allows only its own scripts, styles and connections, nothing inline or remote', () => {
    expect(contentSecurityPolicy.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "script-src 'self'", "connect-src 'self'"]),
    );
    expect(contentSecurityPolicy).not.toMatch(/unsafe|https?:|\*/);
  });

  it('knows its own pages and safe external links', () => {
    expect(isAppUrl('app://baluchon/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://baluchon/')).toBe(false);
    expect(isSafeExternalUrl('https://www.chatons.org/')).toBe(true);
    expect(isSafeExternalUrl('http://www.chatons.org/')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
  });

  it('blocks navigation away, webviews and new windows; opens https links outside', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const opened: string[] = [];
    const contents = {
      on(name: string, handler: (event: { preventDefault(): void }, url: string) => void) {
        handlers.set(name, handler);
      },
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        openHandler = handler;
      },
    };
    hardenContents(contents as never, (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    const attempt = (name: string, url: string): boolean => {
      let prevented = false;
      handlers.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'app://baluchon/index.html')).toBe(false);
    expect(attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-attach-webview', 'app://baluchon/')).toBe(true);
    expect(openHandler?.({ url: 'https://www.chatons.org/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.chatons.org/']);
  });

  it('refuses every permission and adds every security header to http(s) answers', () => {
    let onHeaders:
      | ((
          details: { responseHeaders?: Record<string, string[]> },
          callback: (response: { responseHeaders: Record<string, string[]> }) => void,
        ) => void)
      | undefined;
    let permissionCheck: (() => boolean) | undefined;
    const granted: boolean[] = [];
    const session = {
      setPermissionRequestHandler(
        handler: (contents: unknown, permission: string, callback: (ok: boolean) => void) => void,
      ) {
        handler(undefined, 'media', (ok) => granted.push(ok));
      },
      setPermissionCheckHandler(handler: () => boolean) {
        permissionCheck = handler;
      },
      webRequest: {
        onHeadersReceived(handler: typeof onHeaders) {
          onHeaders = handler;
        },
      },
    };
    hardenSession(session as never);
    expect(granted).toEqual([false]);
    expect(permissionCheck?.()).toBe(false);
    let answered: Record<string, string[]> = {};
    onHeaders?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      answered = response.responseHeaders;
    });
    expect(answered['Content-Type']).toEqual(['text/html']);
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(answered[name], name).toEqual([value]);
    }
  });
});
