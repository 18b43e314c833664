// `baluchon web`: the renderer and the service over loopback HTTP, for tests in a real browser
// and for machines where the desktop app cannot run. Every route needs the session cookie
// (src/web/request-guard.ts) but the entry address, which hands it over:
//   GET  /enter?code= a one-time code (src/web/entry-codes.ts) traded for the cookie, then /
//   GET  /            the renderer (index.html, then its assets)
//   POST /api/<name>  one contract command; JSON in, Result JSON out
//   GET  /events      every job event, as server-sent events
//   POST /upload      a dropped archive part, streamed to the data folder; returns its path
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Service } from '../service/create-service.ts';
import { createEntryCodes } from './entry-codes.ts';
import { checkRequest, entryPath, sessionCookie } from './request-guard.ts';
import { securityHeaders } from './security-headers.ts';
import { serveStatic } from './static-files.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { describeError } from '../i18n/create-i18n.ts';
import { receiveUpload } from './uploads.ts';

export interface WebServerOptions {
  service: Service;
  /** Folder holding the built renderer (index.html). */
  rendererDir: string;
  /** Where dropped files are stored (inside the app's data folder). */
  uploadsDir: string;
  port?: number;
  /** The session's secret, carried by the cookie (default: 24 random bytes). */
  secret?: string;
  /** The clock the one-time codes expire by (default: the system's). */
  now?: () => number;
  /** How long an unused entry address stays good (default: src/web/entry-codes.ts). */
  entryLifetimeMs?: number;
  /** What a browser is told when its entry address is used or expired, in the user's words. */
  entryRefused?: string;
  /** Bytes free on the disk of `uploadsDir` (default: statfs; tests give their own). */
  freeSpace?: (dir: string) => Promise<number>;
  /** How long an upload may go without a byte before it is cut (default: src/web/uploads.ts). */
  uploadIdleMs?: number;
}

export interface WebServer {
  /** The server's own address, without any secret: it opens nothing by itself. */
  readonly url: string;
  readonly port: number;
  /** A new address that lets one browser in, once, for a few minutes. */
  entryAddress(): string;
  close(): Promise<void>;
}

const maxJsonBody = 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const codes = createEntryCodes({
    now: options.now ?? Date.now,
    ...(options.entryLifetimeMs === undefined ? {} : { lifetimeMs: options.entryLifetimeMs }),
  });
  const streams = new Set<ServerResponse>();
  let port = 0;

  // No overall deadline on a request (Node's `requestTimeout`, 300 s by default, answered a long
  // upload with 408 after about 325 s): an archive part is uploaded for as long as it keeps
  // arriving, and src/web/uploads.ts cuts one that falls silent. The headers still have to come
  // within Node's `headersTimeout`, and only this computer can connect at all.
  const server: Server = createServer({ requestTimeout: 0 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        reply(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      } else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const verdict = checkRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        secFetchSite: header(request, 'sec-fetch-site'),
        cookie: header(request, 'cookie'),
        path: url.pathname,
      },
      port,
      secret,
    );
    if (!verdict.ok) {
      response.writeHead(verdict.status, { ...securityHeaders, 'Content-Type': 'text/plain' });
      response.end('Refusé / Refused\n');
      return;
    }
    const path = url.pathname;
    // Only a navigation spends a code: GET, what opening the address does.
    if (path === entryPath && request.method === 'GET') {
      enter(verdict.session, url.searchParams.get('code') ?? '', response);
      return;
    }
    if (request.method === 'POST' && path.startsWith('/api/')) {
      const body = await readJson(request);
      const result =
        body === undefined
          ? { ok: false, error: { code: 'invalid-input', message: 'JSON body expected' } }
          : await options.service.call(path.slice('/api/'.length), body);
      reply(response, 200, result);
      return;
    }
    if (request.method === 'GET' && path === '/events') {
      openEventStream(response);
      return;
    }
    if (request.method === 'POST' && path === '/upload') {
      await upload(request, response, url.searchParams.get('name') ?? 'archive');
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (await serveStatic(options.rendererDir, path, response, securityHeaders)) return;
    }
    response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain' });
    response.end('Not found\n');
  }

  async function upload(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
  ): Promise<void> {
    const length = Number(header(request, 'content-length') ?? Number.NaN);
    try {
      const saved = await receiveUpload(request, options.uploadsDir, randomUUID(), name, {
        ...(Number.isSafeInteger(length) && length >= 0 ? { declaredLength: length } : {}),
        ...(options.freeSpace === undefined ? {} : { freeSpace: options.freeSpace }),
        ...(options.uploadIdleMs === undefined ? {} : { idleMs: options.uploadIdleMs }),
      });
      reply(response, 200, { ok: true, value: { path: saved } });
    } catch (error) {
      if (!(error instanceof BaluchonError)) throw error;
      const message = describeError(options.service.translator(), error.code, error.details ?? {});
      // 507 Insufficient Storage (RFC 4918 §11.5). The rest of the body is not read: the
      // connection closes once the answer is sent.
      const status = error.code === 'upload-no-space' ? 507 : 408;
      response.setHeader('Connection', 'close');
      reply(response, status, { ok: false, error: { code: error.code, message } });
    }
  }

  /**
   * The entry address: a live code is spent and the cookie set; a browser that already has the
   * cookie (a tab restored with the old address) just goes on. 303 to the page itself, so the
   * code leaves the address bar at once and a reload never presents it again.
   */
  function enter(hasSession: boolean, code: string, response: ServerResponse): void {
    if (hasSession || codes.redeem(code)) {
      response.writeHead(303, {
        ...securityHeaders,
        'Cache-Control': 'no-store',
        ...(hasSession ? {} : { 'Set-Cookie': sessionCookie(port, secret) }),
        Location: '/',
      });
      response.end();
      return;
    }
    response.writeHead(403, {
      ...securityHeaders,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(`${options.entryRefused ?? 'Refusé / Refused'}\n`);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.service.subscribe((event) => {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    // A comment now and then keeps idle proxies and the browser from closing the stream.
    const heartbeat = setInterval(() => {
      response.write(': ping\n\n');
    }, 15_000);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;

  const url = `http://127.0.0.1:${String(port)}/`;
  return {
    url,
    port,
    entryAddress: () => `${url}${entryPath.slice(1)}?code=${codes.mint()}`,
    close: async () => {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const type = header(request, 'content-type') ?? '';
  // Requiring JSON also makes the request non-"simple": a page elsewhere could not send it
  // without a CORS preflight, which this server never grants.
  if (!type.startsWith('application/json')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxJsonBody) return undefined;
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
