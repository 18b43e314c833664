// A CalDAV server that answers at once, in a process of its own: the ceiling of a client. Only
// what a migration into one new calendar asks for — PROPFIND (depth 0 and 1), MKCALENDAR,
// PROPPATCH, conditional PUT, DELETE — kept in memory. Not a real server: a bench tool to
// measure what the client itself costs per item, apart from any real server's own speed.
//
//   node --import tsx bench/caldav/stub-server.ts   → prints its port, serves until killed
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const collections = new Map<string, Map<string, string>>();

const multistatus = (responses: string[]): string =>
  `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${responses.join('')}</d:multistatus>`;
const response = (href: string, props: string): string =>
  `<d:response><d:href>${href}</d:href><d:propstat><d:prop>${props}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;

interface Answer {
  status: number;
  text?: string;
  headers?: Record<string, string>;
}

const xml = { 'content-type': 'application/xml; charset=utf-8' };

function answer(method: string, path: string, body: string, headers: Headers): Answer {
  const parent = path.slice(0, path.lastIndexOf('/') + 1);
  switch (method) {
    case 'MKCALENDAR':
      if (collections.has(path)) return { status: 405 };
      collections.set(path, new Map());
      return { status: 201 };
    case 'PROPPATCH':
      return { status: 207, text: multistatus([response(path, '')]), headers: xml };
    case 'DELETE':
      collections.delete(path);
      return { status: 204 };
    case 'PUT': {
      const items = collections.get(parent);
      if (items === undefined) return { status: 409 };
      const there = items.get(path);
      if (headers.get('if-none-match') === '*' && there !== undefined) return { status: 412 };
      const ifMatch = headers.get('if-match');
      if (ifMatch !== null && ifMatch !== there) return { status: 412 };
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      items.set(path, etag);
      return { status: there === undefined ? 201 : 204, headers: { etag } };
    }
    case 'PROPFIND': {
      const items = collections.get(path);
      if (items !== undefined) {
        const self = response(
          path,
          '<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>',
        );
        const members =
          headers.get('depth') === '1'
            ? [...items].map(([href, etag]) =>
                response(href, `<d:getetag>${etag}</d:getetag><d:resourcetype/>`),
              )
            : [];
        return { status: 207, text: multistatus([self, ...members]), headers: xml };
      }
      const etag = collections.get(parent)?.get(path);
      if (etag === undefined) return { status: 404 };
      return {
        status: 207,
        text: multistatus([response(path, `<d:getetag>${etag}</d:getetag>`)]),
        headers: xml,
      };
    }
    default:
      return { status: 405 };
  }
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://stub').pathname);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const {
      status,
      text = '',
      headers: extra = {},
    } = answer(req.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8'), headers);
    res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...extra });
    res.end(text);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
