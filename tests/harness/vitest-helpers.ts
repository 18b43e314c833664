// Vitest glue: a server (or a fault proxy) per describe block, and one suite run against
// several kinds of servers.
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { startApache } from './apache.ts';
import type { DavServer, ServerKind, StartOptions } from './dav-server.ts';
import type { FaultProxy, FaultProxyOptions } from './fault-proxy.ts';
import { startFaultProxy } from './fault-proxy.ts';
import { startRadicale } from './radicale.ts';
import { startXandikos } from './xandikos.ts';

export interface ServerFactory {
  readonly kind: ServerKind;
  readonly start: (options?: StartOptions) => Promise<DavServer>;
}

export const RADICALE: ServerFactory = { kind: 'radicale', start: startRadicale };
export const XANDIKOS: ServerFactory = { kind: 'xandikos', start: startXandikos };
export const APACHE: ServerFactory = { kind: 'apache', start: startApache };

/** Servers a CalDAV or CardDAV suite must pass on. */
export const CALDAV_CARDDAV_SERVERS: readonly ServerFactory[] = [RADICALE, XANDIKOS];
/** Servers a WebDAV (files) suite must pass on. */
export const WEBDAV_SERVERS: readonly ServerFactory[] = [APACHE];

/**
 * Starts a server before the tests of the enclosing `describe` (or file) and stops it after
 * them, failed or not. Returns a getter, valid inside tests and later hooks:
 *
 *   const server = useServer(() => startRadicale());
 *   it('…', async () => { await fetch(server().url); });
 */
export function useServer<S extends DavServer>(start: () => Promise<S>): () => S {
  let server: S | undefined;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) {
      throw new Error('useServer(): the server is not running here (use it inside a test).');
    }
    return server;
  };
}

/**
 * The same suite once per server kind, each in its own `describe` named after the kind, each
 * with its own server (started one after the other, never all at once):
 *
 *   describeEachServer('discovery', CALDAV_CARDDAV_SERVERS, (server, kind) => {
 *     it('finds the principal', async () => { … server().url … });
 *   });
 */
export function describeEachServer(
  name: string,
  factories: readonly ServerFactory[],
  body: (server: () => DavServer, kind: ServerKind) => void,
  options?: StartOptions,
): void {
  const named = factories.map((factory) => [factory.kind, factory] as const);
  describe.each(named)(`${name} on %s`, (_kind, factory) => {
    const server = useServer(() => factory.start(options));
    body(server, factory.kind);
  });
}

/**
 * A fault proxy in front of `target()` (called once the server runs) for the enclosing
 * `describe`. Rules and recorded requests are cleared before each test.
 */
export function useFaultProxy(
  target: () => string,
  options: Omit<FaultProxyOptions, 'target'> = {},
): () => FaultProxy {
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    proxy = await startFaultProxy({ ...options, target: target() });
  });
  beforeEach(() => {
    proxy?.clearRules();
    proxy?.clearRequests();
  });
  afterAll(async () => {
    await proxy?.stop();
  });
  return () => {
    if (proxy === undefined) {
      throw new Error('useFaultProxy(): the proxy is not running here (use it inside a test).');
    }
    return proxy;
  };
}
