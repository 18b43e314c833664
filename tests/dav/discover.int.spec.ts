// Discovery against real servers, from the addresses a family or a volunteer would type.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/dav/discover.ts';
import { startApache, startRadicale, startXandikos, useServer } from '../harness/index.ts';
import { testDavClient } from '../support/dav-client.ts';
import type { TestClient } from '../support/dav-client.ts';

const clients: TestClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.http.close()));
});

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A throwaway server on a random loopback port; its address, as a user would type it. */
async function serve(scheme: 'http' | 'https', handler: RequestListener): Promise<string> {
  const tls = new URL('../fixtures/tls/', import.meta.url);
  const server =
    scheme === 'https'
      ? createHttpsServer(
          {
            key: readFileSync(new URL('self-signed.key', tls)),
            cert: readFileSync(new URL('self-signed.crt', tls)),
          },
          handler,
        )
      : createHttpServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
}

/** A web site, not a DAV server: pages for GET, "not allowed" for everything else. */
const webSiteOnly: RequestListener = (request, response) => {
  if (request.method === 'GET' || request.method === 'HEAD') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Bienvenue</h1>');
  } else response.writeHead(405, { allow: 'GET, HEAD' }).end();
};

function clientFor(user: { name: string; password: string }): TestClient {
  const made = testDavClient(user, { maxAttempts: 1 });
  clients.push(made);
  return made;
}

describe('discover on Radicale', () => {
  const server = useServer(startRadicale);

  it('finds the homes from the bare root address, although / redirects to the web interface', async () => {
    const { url, user } = server();
    const found = await discover(clientFor(user).client, url);
    expect(found).toMatchObject({
      principal: user.home,
      calendarHome: user.home,
      addressbookHome: user.home,
      filesRoot: null,
      software: 'radicale',
    });
  });

  it('works from the host alone when typed with http://', async () => {
    const { port, user } = server();
    const found = await discover(clientFor(user).client, `http://127.0.0.1:${port}`);
    expect(found.calendarHome).toBe(user.home);
  });

  it('says the password is wrong, not that the server is broken', async () => {
    const { url, user } = server();
    await expect(
      discover(clientFor({ ...user, password: 'nope' }).client, url),
    ).rejects.toMatchObject({
      code: 'connect.wrong-password',
    });
  });
});

describe('discover on Xandikos', () => {
  const server = useServer(startXandikos);

  it('follows /.well-known/caldav to the principal and its separate home sets', async () => {
    const { url, user } = server();
    const found = await discover(clientFor(user).client, url);
    expect(found.principal).toBe(user.home);
    expect(found.calendarHome).toBe(new URL('calendars/', user.home).href);
    expect(found.addressbookHome).toBe(new URL('contacts/', user.home).href);
  });
});

describe('discover on Apache mod_dav', () => {
  const server = useServer(startApache);

  it('takes a plain WebDAV share as the files root', async () => {
    const { user } = server();
    const found = await discover(clientFor(user).client, user.home);
    expect(found).toMatchObject({
      principal: null,
      calendarHome: null,
      filesRoot: user.home,
      software: 'apache',
    });
  });
});

describe('discover failures', () => {
  it('says nothing answers on a closed port', async () => {
    const { client } = clientFor({ name: 'a', password: 'b' });
    await expect(discover(client, 'http://127.0.0.1:9/')).rejects.toMatchObject({
      code: 'connect.unreachable',
    });
  });

  it('says the host name does not exist', async () => {
    const { client } = clientFor({ name: 'a', password: 'b' });
    await expect(discover(client, 'anne@baluchon-test.invalid')).rejects.toMatchObject({
      code: 'connect.host-not-found',
    });
  });

  it('says the certificate cannot be trusted (a self-signed https server)', async () => {
    const address = await serve('https', webSiteOnly);
    const { client } = clientFor({ name: 'a', password: 'b' });
    await expect(discover(client, address)).rejects.toMatchObject({ code: 'connect.tls' });
  });

  it('says so when https is typed for a server that speaks plain http', async () => {
    const address = await serve('http', webSiteOnly);
    const { client } = clientFor({ name: 'a', password: 'b' });
    await expect(discover(client, address)).rejects.toMatchObject({ code: 'connect.tls' });
  });

  it('says a web site that answers is not a calendar or files server', async () => {
    const address = (await serve('http', webSiteOnly)).replace('https:', 'http:');
    const { client } = clientFor({ name: 'a', password: 'b' });
    await expect(discover(client, address)).rejects.toMatchObject({ code: 'connect.not-dav' });
  });
});
