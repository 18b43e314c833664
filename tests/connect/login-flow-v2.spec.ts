import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loginFlowV2, normalizeServer } from '../../src/connect/login-flow-v2.ts';
import type { LoginFlowDeps } from '../../src/connect/login-flow-v2.ts';
import { actAsUser, startLoginFlowStandIn } from '../standins/nextcloud-login-flow.ts';
import type { LoginFlowStandIn } from '../standins/nextcloud-login-flow.ts';

const password = 'correct horse battery staple';
let standIn: LoginFlowStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

const deps = (overrides: Partial<LoginFlowDeps> = {}): LoginFlowDeps => ({
  fetch: (url, init) => fetch(url, init),
  openExternal: () => Promise.resolve(),
  signal: new AbortController().signal,
  userAgent: 'Baluchon (test)',
  pollIntervalMs: 20,
  allowHttp: true,
  ...overrides,
});

const errorCode = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe('loginFlowV2 against the Nextcloud stand-in', () => {
  it('gets an app password once the user grants access in the browser', async () => {
    standIn = await startLoginFlowStandIn();
    let consentPage = '';
    let waiting = false;
    const credentials = await loginFlowV2(
      standIn.server,
      deps({
        onWaiting: () => {
          waiting = true;
        },
        openExternal: (url) => {
          // The browser opens; the person logs in a little later.
          setTimeout(() => {
            void actAsUser(url, { grant: { user: 'marie', password } }).then((html) => {
              consentPage = html;
            });
          }, 60);
          return Promise.resolve();
        },
      }),
    );
    expect(waiting).toBe(true);
    expect(credentials).toEqual({
      server: standIn.server,
      loginName: 'marie',
      appPassword: standIn.appPasswords.get('marie'),
    });
    // The consent page names us by our User-Agent.
    expect(consentPage).toContain('Baluchon (test)');
    // Baluchon polled with a form-encoded token and never saw nor sent the user's password.
    const ours = standIn.requests.filter((r) => r.headers['user-agent'] === 'Baluchon (test)');
    expect(ours.some((r) => r.path === '/login/v2/poll' && r.status === 404)).toBe(true);
    expect(ours.at(-1)).toMatchObject({ path: '/login/v2/poll', status: 200 });
    expect(ours.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(ours.every((r) => !r.body.includes(password))).toBe(true);
  });

  it('works with Nextcloud installed in a sub-folder', async () => {
    standIn = await startLoginFlowStandIn({ prefix: '/nextcloud' });
    const credentials = await loginFlowV2(
      `${standIn.server}/`,
      deps({
        openExternal: async (url) => {
          await actAsUser(url, { grant: { user: 'marie', password } });
        },
      }),
    );
    expect(credentials.server).toBe(standIn.server);
  });

  it('ends with a timeout when the user denies (Nextcloud only ever answers 404)', async () => {
    standIn = await startLoginFlowStandIn();
    const code = await errorCode(
      loginFlowV2(
        standIn.server,
        deps({
          timeoutMs: 400,
          openExternal: async (url) => {
            await actAsUser(url, { deny: true });
          },
        }),
      ),
    );
    expect(code).toBe('connect.login-flow-timeout');
  });

  it('ends with a timeout when the flow expires before the user comes back', async () => {
    standIn = await startLoginFlowStandIn({ lifetimeMs: 100 });
    let loginUrl = '';
    const code = await errorCode(
      loginFlowV2(
        standIn.server,
        deps({
          timeoutMs: 500,
          openExternal: (url) => {
            loginUrl = url;
            return Promise.resolve();
          },
        }),
      ),
    );
    expect(code).toBe('connect.login-flow-timeout');
    const late = await fetch(loginUrl);
    expect(late.status).toBe(404);
  });

  it('stops at once when cancelled', async () => {
    standIn = await startLoginFlowStandIn();
    const controller = new AbortController();
    const flow = loginFlowV2(
      standIn.server,
      deps({
        signal: controller.signal,
        pollIntervalMs: 10_000,
        openExternal: () => {
          setTimeout(() => {
            controller.abort();
          }, 50);
          return Promise.resolve();
        },
      }),
    );
    expect(await errorCode(flow)).toBe('cancelled');
  });

  it('says so when the server is not a Nextcloud', async () => {
    const other = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>My blog</html>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      expect(await errorCode(loginFlowV2(address, deps()))).toBe('connect.login-flow-unavailable');
    } finally {
      other.close();
    }
  });

  it('says so when nothing answers', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      other.close(() => {
        resolve();
      }),
    );
    expect(await errorCode(loginFlowV2(`http://127.0.0.1:${port}`, deps()))).toBe(
      'connect.server-unreachable',
    );
  });

  it('refuses a login page on another server', async () => {
    const rogue = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          poll: { token: 't', endpoint: 'https://evil.example/poll' },
          login: 'https://evil.example/login',
        }),
      );
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    let opened = false;
    try {
      const code = await errorCode(
        loginFlowV2(
          `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`,
          deps({
            openExternal: () => {
              opened = true;
              return Promise.resolve();
            },
          }),
        ),
      );
      expect(code).toBe('connect.login-flow-unexpected');
      expect(opened).toBe(false);
    } finally {
      rogue.close();
    }
  });
});

describe('normalizeServer', () => {
  it.each([
    ['cloud.example.org', 'https://cloud.example.org/'],
    ['https://cloud.example.org/', 'https://cloud.example.org/'],
    ['https://example.org/nextcloud/index.php', 'https://example.org/nextcloud'],
    ['  https://example.org/nextcloud/?x=1#y ', 'https://example.org/nextcloud'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeServer(input).href).toBe(expected);
  });

  it.each(['http://cloud.example.org', 'https://bob:pw@cloud.example.org', 'ftp://x', '::::'])(
    'refuses %s',
    (input) => {
      expect(() => normalizeServer(input)).toThrow();
    },
  );
});
