// The loopback listener Google's consent page sends the browser back to (RFC 8252 §7.3): on
// 127.0.0.1 (not "localhost", which a hosts file or an IPv6-first resolver may send elsewhere,
// §8.3), on a port the system picks, for one redirect only. Anything else that reaches it — the
// browser's /favicon.ico, another path, a redirect whose `state` is not this sign-in's (a page
// trying to slip its own code in, RFC 6749 §10.12) — is answered and ignored, and the wait goes
// on until the right redirect, the deadline or the family's Cancel.
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BaluchonError } from '../../errors/baluchon-error.ts';
import { browserPage } from './browser-page.ts';
import type { BrowserPageKind } from './browser-page.ts';

/** What the redirect carried: a code (and the scopes Google granted), or Google's error. */
export type RedirectOutcome =
  | { readonly type: 'code'; readonly code: string }
  | { readonly type: 'error'; readonly error: string };

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/`, exactly as it must be sent in the auth and token requests. */
  readonly redirectUri: string;
  /** The redirect with this sign-in's state; rejects on abort (`cancelled`) or deadline. */
  readonly outcome: Promise<RedirectOutcome>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  readonly state: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

function answer(res: ServerResponse, status: number, kind: BrowserPageKind): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The page says where to go; nothing else may load or run in it.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    connection: 'close',
  });
  res.end(browserPage(kind));
}

export async function listenForRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  if (options.signal.aborted) throw new BaluchonError('cancelled');
  let settle: ((outcome: RedirectOutcome) => void) | undefined;
  let fail: ((error: BaluchonError) => void) | undefined;
  const outcome = new Promise<RedirectOutcome>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let done = false;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Not found');
      return;
    }
    const params = url.searchParams;
    if (done || params.get('state') !== options.state) {
      answer(res, 400, 'stale');
      return;
    }
    const code = params.get('code');
    const error = params.get('error');
    if (code !== null && code !== '') {
      done = true;
      answer(res, 200, 'done');
      settle?.({ type: 'code', code });
    } else if (error !== null) {
      done = true;
      answer(res, 200, error === 'access_denied' ? 'refused' : 'failed');
      settle?.({ type: 'error', error: error.slice(0, 100) });
    } else {
      answer(res, 400, 'stale');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const timer = setTimeout(() => {
    fail?.(
      new BaluchonError('google.sign-in-timeout', {
        minutes: Math.max(1, Math.round(options.timeoutMs / 60_000)),
      }),
    );
  }, options.timeoutMs);
  const onAbort = (): void => {
    fail?.(new BaluchonError('cancelled'));
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  const stopWaiting = (): void => {
    done = true;
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
  };
  outcome.then(stopWaiting, stopWaiting);

  return {
    redirectUri: `http://127.0.0.1:${port}/`,
    outcome,
    close: () =>
      new Promise<void>((resolve) => {
        stopWaiting();
        // Each answer said `connection: close`; a browser's idle pre-connections are dropped
        // now, and whatever still lingers a moment later is cut.
        const cut = setTimeout(() => {
          server.closeAllConnections();
        }, 1000);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
