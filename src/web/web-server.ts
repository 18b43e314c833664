// `baluchon web`: the renderer and the service over loopback HTTP, for tests in a real browser
// and for machines where the desktop app cannot run. Routes, all under /<token>/:
//   GET  /            the renderer (index.html, then its assets)
//   POST /api/<name>  one contract command; JSON in, Result JSON out
//   GET  /events      every job event, as server-sent events
//   POST /upload      a dropped archive part, streamed to the data folder; returns its path
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Service } from '../service/create-service.ts';
import { checkRequest } from './request-guard.ts';
import { securityHeaders } from './security-headers.ts';
import { serveStatic } from './static-files.ts';
import { receiveUpload } from './uploads.ts';

export interface WebServerOptions {
  service: Service;
  /** Folder holding the built renderer (index.html). */
  rendererDir: string;
  /** Where dropped files are stored (inside the app's data folder). */
  uploadsDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const maxJsonBody = 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        reply(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      } else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        secFetchSite: header(request, 'sec-fetch-site'),
        url: request.url ?? '/',
      },
      port,
      token,
    );
    if (!verdict.ok) {
      response.writeHead(verdict.status, { ...securityHeaders, 'Content-Type': 'text/plain' });
      response.end('Refusé / Refused\n');
      return;
    }
    const url = new URL(verdict.rest === '' ? '/' : verdict.rest, 'http://localhost');
    const path = url.pathname;
    if (verdict.rest === '') {
      // /<token> → /<token>/ so that the page's relative URLs keep the token.
      response.writeHead(308, { ...securityHeaders, Location: `/${token}/` });
      response.end();
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
      const name = url.searchParams.get('name') ?? 'archive';
      const saved = await receiveUpload(request, options.uploadsDir, randomUUID(), name);
      reply(response, 200, { ok: true, value: { path: saved } });
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (await serveStatic(options.rendererDir, path, response, securityHeaders)) return;
    }
    response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain' });
    response.end('Not found\n');
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

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
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
