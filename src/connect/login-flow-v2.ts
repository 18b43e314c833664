// Nextcloud's browser login (Login Flow v2, Nextcloud ≥ 16; developer manual, "Login Flow",
// section "Login flow v2"): Baluchon never sees the user's password.
//   1. anonymous POST <server>/index.php/login/v2 → 200 { poll: { token, endpoint }, login }
//      (the consent page shows our User-Agent as the name of the app asking for access);
//   2. open `login` in the system browser, where the user logs in (2FA included) and grants;
//   3. POST `endpoint` with the form field `token` until it answers 200
//      { server, loginName, appPassword } — it answers 404 until then, and the 200 comes once.
// The token lives 20 minutes; a refusal in the browser looks the same as waiting (404 until the
// flow expires), so both end as a timeout.
import { BaluchonError } from '../errors/baluchon-error.ts';
import { z } from 'zod';
import { readCapped } from '../hosts/chatonsinfos/fetch-limited.ts';
import type { FetchLike } from '../net/fetch-like.ts';

export interface LoginFlowDeps {
  fetch: FetchLike;
  /** Opens a URL in the system browser (Electron's checked shell.openExternal, or xdg-open). */
  openExternal: (url: string) => Promise<void>;
  signal: AbortSignal;
  /** Shown to the user on Nextcloud's consent page. */
  userAgent?: string;
  pollIntervalMs?: number;
  /** Nextcloud forgets a flow after 20 minutes. */
  timeoutMs?: number;
  /** Only the loopback stand-in in tests speaks plain http. */
  allowHttp?: boolean;
  now?: () => number;
  /** Longest time for each request, answer included (default 30 s). */
  requestTimeoutMs?: number;
  /** Called once the browser is open: "waiting for you in the browser". */
  onWaiting?: (info: { loginUrl: string; deadline: number }) => void;
}

export interface LoginFlowCredentials {
  server: string;
  loginName: string;
  appPassword: string;
}

export const LOGIN_FLOW_TIMEOUT_MS = 20 * 60 * 1000;

/** Nextcloud's answers are a few hundred bytes; anything past this is not one. */
export const LOGIN_FLOW_MAX_ANSWER_BYTES = 64 * 1024;

const InitResponse = z.object({
  poll: z.object({ token: z.string().min(1).max(1024), endpoint: z.string().min(1).max(2048) }),
  login: z.string().min(1).max(2048),
});

const PollResponse = z.object({
  server: z.string().min(1).max(2048),
  loginName: z.string().min(1).max(512),
  appPassword: z.string().min(1).max(1024),
});

/** "cloud.example.org", "https://cloud.example.org/", "https://example.org/nextcloud" → base URL. */
export function normalizeServer(input: string, allowHttp = false): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new BaluchonError('connect.server-invalid', { server: text.slice(0, 200) });
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new BaluchonError('connect.server-not-https', { server: text.slice(0, 200) });
  }
  if (url.username !== '' || url.password !== '') {
    throw new BaluchonError('connect.server-invalid', { server: url.host });
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/(index\.php\/?)?$/, '').replace(/\/+$/, '');
  return url;
}

/** A URL the server gave us must stay on that server's origin — same scheme, host and port, as
 * for DAV (src/dav/credential-origin.ts) — before we use it: the poll endpoint receives the
 * token, and `server` is where the app password will go. */
function sameServer(candidate: string, server: URL, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new BaluchonError('connect.login-flow-unexpected', { server: server.host });
  }
  const schemeOk = url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  if (!schemeOk || url.origin !== server.origin) {
    throw new BaluchonError('connect.login-flow-unexpected', { server: server.host });
  }
  return url;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BaluchonError('cancelled'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new BaluchonError('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The JSON of an answer, read while counting: a huge answer (1.1 GB, issue 12) is cut at the cap
 * with a typed error, never buffered whole. Unreadable JSON is `undefined` (the schema says no).
 */
async function readJson(response: Response, server: URL): Promise<unknown> {
  const bytes = await readCapped(response.body, LOGIN_FLOW_MAX_ANSWER_BYTES);
  if (bytes === 'too-large') {
    throw new BaluchonError('connect.login-flow-too-large', { server: server.host });
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

export async function loginFlowV2(
  serverInput: string,
  deps: LoginFlowDeps,
): Promise<LoginFlowCredentials> {
  const allowHttp = deps.allowHttp ?? false;
  const now = deps.now ?? Date.now;
  const server = normalizeServer(serverInput, allowHttp);
  const headers = {
    'user-agent': deps.userAgent ?? 'Baluchon',
    accept: 'application/json',
    // Nextcloud answers API clients, not browsers, with JSON and no CSRF check.
    'ocs-apirequest': 'true',
  };
  const cancelled = (): boolean => deps.signal.aborted;
  const requestTimeout = deps.requestTimeoutMs ?? 30_000;
  // Each request, its answer included, has a deadline: a server trickling bytes or silent does
  // not hold the flow past it (the flow's own 20 minutes bound the polling as a whole).
  const requestSignal = (): AbortSignal =>
    AbortSignal.any([deps.signal, AbortSignal.timeout(requestTimeout)]);

  let init: Response;
  let started: ReturnType<typeof InitResponse.safeParse>;
  try {
    init = await deps.fetch(`${server.href.replace(/\/$/, '')}/index.php/login/v2`, {
      method: 'POST',
      headers,
      signal: requestSignal(),
    });
    started = InitResponse.safeParse(init.ok ? await readJson(init, server) : undefined);
  } catch (error) {
    if (cancelled()) throw new BaluchonError('cancelled');
    if (error instanceof BaluchonError) throw error;
    throw new BaluchonError(
      'connect.server-unreachable',
      { server: server.host },
      { cause: error },
    );
  }
  if (!init.ok) await init.body?.cancel();
  if (!started.success) {
    // Not Nextcloud, or older than 16, or a login flow disabled by the host.
    throw new BaluchonError('connect.login-flow-unavailable', {
      server: server.host,
      status: init.status,
    });
  }
  const loginUrl = sameServer(started.data.login, server, allowHttp);
  const endpoint = sameServer(started.data.poll.endpoint, server, allowHttp);
  const deadline = now() + (deps.timeoutMs ?? LOGIN_FLOW_TIMEOUT_MS);

  await deps.openExternal(loginUrl.href);
  deps.onWaiting?.({ loginUrl: loginUrl.href, deadline });

  const interval = deps.pollIntervalMs ?? 2000;
  let failures = 0;
  while (now() < deadline) {
    let response: Response | undefined;
    try {
      response = await deps.fetch(endpoint.href, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: started.data.poll.token }).toString(),
        signal: requestSignal(),
      });
    } catch (error) {
      if (cancelled()) throw new BaluchonError('cancelled');
      // A laptop changing Wi-Fi while the user types: keep trying, but not forever.
      failures++;
      if (failures >= 10) {
        throw new BaluchonError(
          'connect.server-unreachable',
          { server: server.host },
          { cause: error },
        );
      }
    }
    if (response !== undefined) {
      if (response.status === 200) {
        let answer: unknown;
        try {
          answer = await readJson(response, server);
        } catch (error) {
          if (cancelled()) throw new BaluchonError('cancelled');
          if (error instanceof BaluchonError) throw error;
          throw new BaluchonError(
            'connect.server-unreachable',
            { server: server.host },
            { cause: error },
          );
        }
        const granted = PollResponse.safeParse(answer);
        if (!granted.success) {
          throw new BaluchonError('connect.login-flow-unexpected', { server: server.host });
        }
        // The account lives where the server says, which must be the server we asked.
        sameServer(granted.data.server, server, allowHttp);
        return granted.data;
      }
      await response.body?.cancel();
      failures = response.status === 404 ? 0 : failures + 1;
      if (failures >= 10) {
        throw new BaluchonError('connect.login-flow-unexpected', { server: server.host });
      }
    }
    await wait(Math.max(0, Math.min(interval, deadline - now())), deps.signal);
  }
  throw new BaluchonError('connect.login-flow-timeout', {
    minutes: Math.round((deps.timeoutMs ?? LOGIN_FLOW_TIMEOUT_MS) / 60_000),
  });
}
