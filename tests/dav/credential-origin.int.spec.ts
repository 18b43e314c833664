// The password goes only to the origin it was given for (issue 12, point 2): a redirect from
// https to http on the same host, a redirect to another port, a principal or a collection href
// on another origin — the other side never receives `Authorization`, and the family is told.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { DavClient } from '../../src/dav/dav-client.ts';
import { discover } from '../../src/dav/discover.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import type { HttpClient } from '../../src/dav/http-client.ts';
import { openDavSource } from '../../src/sources/dav/open-dav-source.ts';
import type { ProblemFact } from '../../src/contract/problem.ts';
import { startRadicale, useServer } from '../harness/index.ts';

const tls = new URL('../fixtures/tls/', import.meta.url);
const ca = readFileSync(new URL('self-signed.crt', tls));

const servers: Server[] = [];
const https: HttpClient[] = [];
afterAll(async () => {
  await Promise.all(https.map((client) => client.close()));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback server that records the Authorization header of every request it receives. */
interface Recorded {
  url: string;
  /** Authorization headers received (undefined where none came). */
  authorizations: (string | undefined)[];
}

async function serve(scheme: 'http' | 'https', handler: RequestListener): Promise<Recorded> {
  const recorded: Recorded = { url: '', authorizations: [] };
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    recorded.authorizations.push(request.headers.authorization);
    request.resume();
    handler(request, response);
  };
  const server =
    scheme === 'https'
      ? createHttpsServer(
          { key: readFileSync(new URL('self-signed.key', tls)), cert: ca },
          listener,
        )
      : createHttpServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorded.url = `${scheme}://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
  return recorded;
}

function client(): DavClient {
  const http = createHttpClient({ connections: 2, timeoutMs: 5000, ca });
  https.push(http);
  return new DavClient({
    send: http.send,
    credentials: { username: 'anne', password: 'secret' },
    retry: { sleep: () => Promise.resolve(), random: () => 0 },
    retryPolicy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    now: () => new Date(),
  });
}

const multistatus = (inner: string): string =>
  `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${inner}</d:multistatus>`;

/** A DAV server whose principal (or whatever `principalHref` gives) lives at `principalHref`. */
function principalAt(principalHref: () => string): RequestListener {
  return (_request, response) => {
    response
      .writeHead(207, { 'content-type': 'application/xml' })
      .end(
        multistatus(
          `<d:response><d:href>/</d:href><d:propstat><d:prop><d:current-user-principal><d:href>${principalHref()}</d:href></d:current-user-principal></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
        ),
      );
  };
}

const everything: RequestListener = principalAt(() => '/anne/');

describe('credentials stay with their origin', () => {
  it('does not follow an https server to http on the same host', async () => {
    const other = await serve('http', everything);
    const typed = await serve('https', (request, response) => {
      response.writeHead(301, { location: new URL(request.url ?? '/', other.url).href }).end();
    });
    await expect(discover(client(), typed.url)).rejects.toMatchObject({
      code: 'connect.other-origin',
      details: { other: other.url },
    });
    expect(typed.authorizations.filter((a) => a !== undefined).length).toBeGreaterThan(0);
    expect(other.authorizations.filter((a) => a !== undefined)).toEqual([]);
  });

  it('does not follow a redirect to another port of the same host', async () => {
    const other = await serve('http', everything);
    const typed = await serve('http', (request, response) => {
      response.writeHead(302, { location: new URL(request.url ?? '/', other.url).href }).end();
    });
    await expect(discover(client(), typed.url)).rejects.toMatchObject({
      code: 'connect.other-origin',
    });
    expect(other.authorizations.filter((a) => a !== undefined)).toEqual([]);
  });

  it('refuses a principal on another origin, with the address it was sent to', async () => {
    const other = await serve('http', everything);
    const typed = await serve(
      'http',
      principalAt(() => `${other.url}anne/`),
    );
    await expect(discover(client(), typed.url)).rejects.toMatchObject({
      code: 'connect.other-origin',
      details: { other: `${other.url}anne/` },
    });
    expect(other.authorizations).toEqual([]);
  });

  it('refuses a collection href on another origin met by the DAV source', async () => {
    const other = await serve('http', everything);
    const home = await serve('http', (_request, response) => {
      response
        .writeHead(207, { 'content-type': 'application/xml' })
        .end(
          multistatus(
            `<d:response><d:href>${other.url}cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Famille</d:displayname></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
          ),
        );
    });
    const problems: ProblemFact[] = [];
    const source = openDavSource({
      client: client(),
      server: home.url,
      homes: { calendarHome: home.url, addressbookHome: null, filesRoot: null },
      parts: { calendars: true, contacts: false, files: false },
    });
    const outcome = await source
      .read({ signal: new AbortController().signal, onProblem: (p) => problems.push(p) })
      .then(
        () => 'read',
        (error: unknown) => (error as { code?: string }).code,
      );
    const codes = [outcome, ...problems.map((problem) => problem.code)];
    expect(codes).toContain('dav.other-origin');
    expect(home.authorizations.filter((a) => a !== undefined).length).toBeGreaterThan(0);
    expect(other.authorizations).toEqual([]);
  });

  it('refuses any request a client bound to one origin is asked to send elsewhere', async () => {
    const other = await serve('http', everything);
    const typed = await serve('http', everything);
    const bound = client();
    await bound.propfind(typed.url, [], '0');
    await expect(bound.getText(`${other.url}secret.ics`)).rejects.toMatchObject({
      code: 'dav.other-origin',
    });
    expect(other.authorizations).toEqual([]);
  });
});

describe('the same origin is still followed (Radicale’s /.well-known redirect)', () => {
  const server = useServer(startRadicale);

  it('finds the homes through /.well-known/caldav on the typed origin', async () => {
    const { url, user } = server();
    const http = createHttpClient({ connections: 2, timeoutMs: 10_000 });
    https.push(http);
    const radicale = new DavClient({
      send: http.send,
      credentials: { username: user.name, password: user.password },
      retry: { sleep: () => Promise.resolve(), random: () => 0 },
      now: () => new Date(),
    });
    const found = await discover(radicale, `${url}.well-known/caldav`);
    expect(found.calendarHome).toBe(user.home);
  });
});
