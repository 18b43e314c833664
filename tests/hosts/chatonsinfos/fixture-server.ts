// A real HTTP server on a random loopback port serving tests/hosts/fixtures/chatonsinfos as a
// federation of CHATONS would: `{{base}}` in a file becomes the server's address; ETag and
// If-None-Match, Last-Modified and If-Modified-Since work; /huge never ends, /slow never answers (both for the limits).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join, normalize } from 'node:path';

const root = fileURLToPath(new URL('../fixtures/chatonsinfos/', import.meta.url));

export interface FixtureServer {
  base: string;
  /** Paths requested, with the status served, in order. */
  log: { path: string; status: number }[];
  /** Replaces a file's content from now on (the member edited it). */
  edit(path: string, text: string): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const edits = new Map<string, Buffer>();
  const log: { path: string; status: number }[] = [];
  const sockets = new Set<Socket>();
  let base = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const answer = (status: number, body?: Buffer, headers: Record<string, string> = {}): void => {
      log.push({ path, status });
      response.writeHead(status, headers);
      response.end(body);
    };
    if (path === '/slow') {
      log.push({ path, status: 0 });
      return; // never answers: the client's timeout must end it
    }
    if (path === '/huge') {
      log.push({ path, status: 200 });
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'subs.x = y\n');
      const pump = (): void => {
        while (response.write(chunk)) {
          if (response.destroyed) return;
        }
        response.once('drain', pump);
      };
      pump();
      return;
    }
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) {
      answer(400);
      return;
    }
    let body: Buffer;
    try {
      body = edits.get(path) ?? readFileSync(file);
    } catch {
      answer(404, Buffer.from('not found'));
      return;
    }
    body = Buffer.from(body.toString('latin1').replaceAll('{{base}}', base), 'latin1');
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    // Every fixture claims the same modification date; /no-etag/ files send only that date.
    const lastModified = 'Tue, 24 Nov 2026 10:00:00 GMT';
    const validators: Record<string, string> = path.startsWith('/no-etag/')
      ? { 'last-modified': lastModified }
      : { etag, 'last-modified': lastModified };
    const unchanged =
      request.headers['if-none-match'] === undefined
        ? request.headers['if-modified-since'] === lastModified && !edits.has(path)
        : request.headers['if-none-match'] === etag;
    if (unchanged) answer(304, undefined, validators);
    else answer(200, body, { 'content-type': 'text/plain', ...validators });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    edit: (path, text) => {
      edits.set(path, Buffer.from(text, 'utf8'));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
