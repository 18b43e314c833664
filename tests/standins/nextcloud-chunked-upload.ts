// A stand-in for the part of Nextcloud's WebDAV that moving files uses, since Nextcloud cannot be
// installed here. A real HTTP server on a random loopback port, with Basic auth, storing files
// on disk. What it implements is what Nextcloud documents (developer manual, "Basic APIs" and
// "Chunked file upload", v2), not what Nextcloud's code may do beyond it:
//
// Files, below /remote.php/dav/files/<user>/:
//   PROPFIND (Depth 0 or 1; infinity is refused), MKCOL (405 when it exists, 409 without its
//   parent), PUT (If-None-Match: *, If-Match; `X-OC-Mtime` → `X-OC-MTime: accepted`; `X-Hash:
//   sha256` → `X-Hash-SHA256`; ETag and OC-ETag), GET, DELETE, PROPPATCH (dead properties kept;
//   `getlastmodified` refused as read-only), and `quota-available-bytes` (-3 without a quota).
// Chunked upload v2, below /remote.php/dav/uploads/<user>/<id>/:
//   MKCOL with Destination; PUT of chunks named 1–10000 with Destination and OC-Total-Length
//   (a chunk cut short by a broken connection is not kept); PROPFIND Depth 1 lists the chunks;
//   MOVE of `.file` with Destination assembles the chunks in name order, refuses chunks other
//   than the last smaller than 5 MB, a total that differs from OC-Total-Length, and an existing
//   target with `Overwrite: F`; applies X-OC-Mtime and X-Hash as PUT does; removes the folder.
//   Every request of an upload must carry the Destination given at MKCOL.
//   With `uploads: 'missing'` or a status, the stand-in is a server laid out like Nextcloud but
//   without that area (a WebDAV share, a trimmed install, a proxy that refuses it): every request
//   below /remote.php/dav/uploads/ is answered 404 ('missing') or the status given.
// Photos albums, below /remote.php/dav/photos/<user>/ (nextcloud-photos-albums.ts, with its
//   sources): MKCOL of an album, COPY of a file into it, PROPFIND of albums and their pictures.
//   A file's PROPFIND answers `oc:fileid` when the request asks for it (and only then, so that
//   every other answer stays as it was). With `photos: 'missing'` or 501, the stand-in is a
//   Nextcloud without the Photos app: everything below /remote.php/dav/photos/ is 404 or 501.
//
// Every request is logged (method, path, a few headers, status) so tests can count what was sent.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileIds, createPhotosAlbums } from './nextcloud-photos-albums.ts';
import { escapeXml, okResponse } from './xml-text.ts';
import type { PhotosAlbumsStandIn } from './nextcloud-photos-albums.ts';

export interface StandInRequest {
  readonly method: string;
  /** Decoded path. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  status: number;
}

export interface NextcloudStandIn {
  /** The server's address, as a user would type it (ends in `/`). */
  readonly url: string;
  readonly filesRoot: string;
  readonly uploadsRoot: string;
  /** `…/remote.php/dav/photos/<user>/albums/`. */
  readonly albumsRoot: string;
  /** The Photos app's albums, and the file ids, as the server holds them. */
  readonly photos: PhotosAlbumsStandIn;
  readonly user: { readonly name: string; readonly password: string };
  /** Where the files are kept on disk (the user's files root). */
  readonly filesDir: string;
  readonly requests: StandInRequest[];
  /** Bytes the user may still store, or null for no limit. */
  quotaBytes: number | null;
  /** Called for each request once answered (tests use it to interrupt at a precise moment). */
  onAnswered: ((request: StandInRequest) => void) | null;
  /** Files (paths below the files root) whose stored copy gets damaged, as in transit. */
  damage: ((path: string) => boolean) | null;
  close(): Promise<void>;
}

export interface NextcloudStandInOptions {
  readonly user?: string;
  readonly password?: string;
  readonly quotaBytes?: number | null;
  /** Answer `X-Hash` requests (default true). */
  readonly hashes?: boolean;
  /**
   * The chunked-upload area: 'available' (default), 'missing' (404 for everything below it), or
   * the status every request there gets (405 Method Not Allowed, 409 Conflict, 501 Not
   * Implemented, as proxies and trimmed servers answer).
   */
  readonly uploads?: 'available' | 'missing' | 405 | 409 | 501;
  /** The Photos app: 'available' (default), or absent: 'missing' (404) or 501 below photos/. */
  readonly photos?: 'available' | 'missing' | 501;
}

/** Nextcloud's lower bound for every chunk but the last (S3's part size). */
const MIN_CHUNK = 5 * 1024 * 1024;
const RECORDED = [
  'destination',
  'oc-total-length',
  'overwrite',
  'x-oc-mtime',
  'if-match',
  'if-none-match',
  'depth',
  'content-length',
  'x-hash',
];

/** Answers the request; handlers return what it returns, so every path ends in an answer. */
type Answer = (status: number, headers?: Record<string, string>, body?: string) => Answered;
type Answered = 'answered';

interface Upload {
  readonly destination: string;
}

export async function startNextcloudStandIn(
  options: NextcloudStandInOptions = {},
): Promise<NextcloudStandIn> {
  const user = {
    name: options.user ?? 'marie',
    password: options.password ?? randomBytes(12).toString('base64url'),
  };
  const root = await mkdtemp(join(tmpdir(), 'baluchon-nextcloud-'));
  const filesDir = join(root, 'files', user.name);
  const uploadsDir = join(root, 'uploads', user.name);
  await mkdir(filesDir, { recursive: true });
  await mkdir(uploadsDir, { recursive: true });
  const filesPrefix = `/remote.php/dav/files/${user.name}/`;
  const uploadsPrefix = `/remote.php/dav/uploads/${user.name}/`;
  const deadProps = new Map<string, Map<string, string>>();
  const uploads = new Map<string, Upload>();
  const requests: StandInRequest[] = [];
  const sockets = new Set<Socket>();
  const expected = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  const fileIds = new FileIds();
  const photos = createPhotosAlbums({ user: user.name, filesDir, filesPrefix, fileIds });

  const standIn: NextcloudStandIn = {
    url: '',
    filesRoot: '',
    uploadsRoot: '',
    albumsRoot: '',
    photos,
    user,
    filesDir,
    requests,
    quotaBytes: options.quotaBytes ?? null,
    onAnswered: null,
    damage: null,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await rm(root, { recursive: true, force: true });
    },
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const logged: StandInRequest = {
      method: request.method ?? '',
      path,
      headers: Object.fromEntries(
        RECORDED.flatMap((name) => {
          const value = request.headers[name];
          return typeof value === 'string' ? [[name, value]] : [];
        }),
      ),
      status: 0,
    };
    requests.push(logged);
    const answer: Answer = (status, headers = {}, body = '') => {
      logged.status = status;
      if (!response.headersSent) {
        response.writeHead(status, {
          'content-length': String(Buffer.byteLength(body)),
          ...headers,
        });
      }
      if (!response.writableEnded) response.end(body);
      standIn.onAnswered?.(logged);
      return 'answered';
    };
    if (request.headers.authorization !== expected) {
      request.resume();
      answer(401, { 'www-authenticate': 'Basic realm="Nextcloud"' });
      return;
    }
    const handle = async (): Promise<Answered> => {
      const uploadsArea = options.uploads ?? 'available';
      if (path.startsWith('/remote.php/dav/uploads/') && uploadsArea !== 'available') {
        request.resume();
        return answer(uploadsArea === 'missing' ? 404 : uploadsArea);
      }
      if (path.startsWith(uploadsPrefix)) {
        return uploadsRequest(request, path.slice(uploadsPrefix.length), answer);
      }
      if (path.startsWith('/remote.php/dav/photos/')) {
        const photosApp = options.photos ?? 'available';
        if (photosApp !== 'available') {
          request.resume();
          return answer(photosApp === 'missing' ? 404 : photosApp);
        }
        return photos.request(request, path, url.pathname, answer);
      }
      if (path.startsWith(filesPrefix) || `${path}/` === filesPrefix) {
        return filesRequest(
          request,
          response,
          path.slice(filesPrefix.length),
          url.pathname,
          answer,
        );
      }
      request.resume();
      return answer(404);
    };
    handle().catch((error: unknown) => {
      if (!response.headersSent) answer(500, {}, String(error));
      else response.destroy();
    });
  });

  /** The disk path of a path below the files root, refusing anything that climbs out. */
  const onDisk = (relative: string): string | null => {
    const segments = relative.split('/').filter((segment) => segment !== '');
    if (segments.some((segment) => segment === '.' || segment === '..' || segment.includes('\0')))
      return null;
    return join(filesDir, ...segments);
  };

  const statOf = async (file: string) => {
    try {
      return await stat(file);
    } catch {
      return null;
    }
  };

  const etagOf = (size: number, mtimeMs: number, ino: number): string =>
    `"${createHash('md5').update(`${ino}-${size}-${mtimeMs}`).digest('hex')}"`;

  // The space used, summed while other requests write: a file renamed into place (a concurrent
  // MOVE's temporary) or a folder removed between the listing and its stat counts as nothing —
  // like Nextcloud, whose used space is a figure it keeps, never a walk that can fail.
  const usedBytes = async (dir: string): Promise<number> => {
    let total = 0;
    const entries = await readdir(dir, { withFileTypes: true }).catch(ifGone([]));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      total += entry.isDirectory()
        ? await usedBytes(full)
        : ((await stat(full).catch(ifGone(null)))?.size ?? 0);
    }
    return total;
  };

  const propfindEntry = async (
    href: string,
    file: string,
    relative: string,
    withFileId = false,
  ): Promise<string> => {
    const info = await stat(file);
    const props: string[] = [];
    if (info.isDirectory()) {
      props.push('<d:resourcetype><d:collection/></d:resourcetype>');
      const available =
        standIn.quotaBytes === null
          ? -3
          : Math.max(0, standIn.quotaBytes - (await usedBytes(filesDir)));
      props.push(`<d:quota-available-bytes>${available}</d:quota-available-bytes>`);
    } else {
      props.push('<d:resourcetype/>');
      props.push(`<d:getcontentlength>${info.size}</d:getcontentlength>`);
    }
    props.push(`<d:getetag>${etagOf(info.size, info.mtimeMs, info.ino)}</d:getetag>`);
    props.push(`<d:getlastmodified>${info.mtime.toUTCString()}</d:getlastmodified>`);
    if (withFileId) {
      props.push(`<x:fileid xmlns:x="http://owncloud.org/ns">${fileIds.idOf(relative)}</x:fileid>`);
    }
    for (const [name, value] of deadProps.get(relative.replace(/\/$/, '')) ?? []) {
      const match = /^\{(.*)\}(.+)$/.exec(name);
      if (match !== null)
        props.push(`<x:${match[2]} xmlns:x="${match[1]}">${escapeXml(value)}</x:${match[2]}>`);
    }
    return okResponse(href, props);
  };

  const multistatus = (responses: string[]): string =>
    `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:">${responses.join('')}</d:multistatus>`;

  /** Writes the body to a temporary file, then moves it in place: a cut body leaves nothing. */
  const receive = async (request: IncomingMessage, target: string): Promise<void> => {
    const temporary = `${target}.upload-${randomBytes(6).toString('hex')}`;
    try {
      await pipeline(request, createWriteStream(temporary));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const declared = request.headers['content-length'];
    if (declared !== undefined && (await stat(temporary)).size !== Number(declared)) {
      await rm(temporary, { force: true });
      throw new Error('body shorter than Content-Length');
    }
    await rename(temporary, target);
  };

  /** Damage in transit, for tests: the stored file's first byte is not the one sent. */
  const maybeDamage = async (file: string, relative: string): Promise<void> => {
    if (standIn.damage?.(relative) !== true) return;
    const handle = await open(file, 'r+');
    try {
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, 0);
      byte[0] = (byte[0] ?? 0) ^ 0xff;
      await handle.write(byte, 0, 1, 0);
    } finally {
      await handle.close();
    }
  };

  const hashOf = async (file: string): Promise<string> => {
    const digest = createHash('sha256');
    for await (const data of createReadStream(file)) digest.update(data as Buffer);
    return digest.digest('hex');
  };

  /** X-OC-Mtime, X-Hash and the ETags, as Nextcloud answers an upload or an assembly. */
  const uploadAnswer = async (
    request: IncomingMessage,
    file: string,
  ): Promise<Record<string, string>> => {
    const headers: Record<string, string> = {};
    // Nextcloud hashes what it stored, when asked.
    const sha256 = wantsHash(request) ? await hashOf(file) : null;
    const mtime = request.headers['x-oc-mtime'];
    if (typeof mtime === 'string' && /^\d+$/.test(mtime)) {
      await utimes(file, Number(mtime), Number(mtime));
      headers['x-oc-mtime'] = 'accepted';
    }
    if (sha256 !== null) headers['x-hash-sha256'] = sha256;
    const info = await stat(file);
    const etag = etagOf(info.size, info.mtimeMs, info.ino);
    headers['etag'] = etag;
    headers['oc-etag'] = etag;
    return headers;
  };

  const wantsHash = (request: IncomingMessage): boolean =>
    options.hashes !== false && request.headers['x-hash'] === 'sha256';

  const destinationOf = (request: IncomingMessage): string | null => {
    const value = request.headers.destination;
    if (typeof value !== 'string') return null;
    try {
      const path = decodeURIComponent(new URL(value, 'http://stand-in').pathname);
      return path.startsWith(filesPrefix) ? path.slice(filesPrefix.length) : null;
    } catch {
      return null;
    }
  };

  /** The decoded path of a Destination below the photos root, or null. */
  const photosDestinationOf = (request: IncomingMessage): string | null => {
    const value = request.headers.destination;
    if (typeof value !== 'string') return null;
    try {
      const path = decodeURIComponent(new URL(value, 'http://stand-in').pathname);
      return path.startsWith(photos.prefix) ? path : null;
    } catch {
      return null;
    }
  };

  async function filesRequest(
    request: IncomingMessage,
    response: ServerResponse,
    relative: string,
    rawPath: string,
    answer: Answer,
  ): Promise<Answered> {
    const file = onDisk(relative);
    const method = request.method ?? '';
    if (file === null) {
      request.resume();
      return answer(400);
    }
    const info = await statOf(file);
    switch (method) {
      case 'PROPFIND': {
        // Read, not skipped: oc:fileid is answered only when asked for.
        const withFileId = /fileid/.test(await readText(request));
        const depth = request.headers.depth ?? 'infinity';
        if (depth === 'infinity') return answer(403);
        if (info === null) return answer(404);
        const responses = [await propfindEntry(rawPath, file, relative, withFileId)];
        if (depth === '1' && info.isDirectory()) {
          const base = rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
          for (const entry of (await readdir(file, { withFileTypes: true })).sort((a, b) =>
            a.name < b.name ? -1 : 1,
          )) {
            if (entry.name.includes('.upload-')) continue;
            const href = `${base}${encodeURIComponent(entry.name)}${entry.isDirectory() ? '/' : ''}`;
            responses.push(
              await propfindEntry(
                href,
                join(file, entry.name),
                `${relative.replace(/\/$/, '')}/${entry.name}`,
                withFileId,
              ),
            );
          }
        }
        return answer(
          207,
          { 'content-type': 'application/xml; charset=utf-8' },
          multistatus(responses),
        );
      }
      case 'MKCOL': {
        request.resume();
        if (info !== null) return answer(405);
        const parent = await statOf(join(file, '..'));
        if (parent === null || !parent.isDirectory()) return answer(409);
        await mkdir(file);
        return answer(201);
      }
      case 'PUT': {
        const parent = await statOf(join(file, '..'));
        if (parent === null || !parent.isDirectory()) {
          request.resume();
          return answer(409);
        }
        if (info?.isDirectory() === true) {
          request.resume();
          return answer(405);
        }
        const condition = conditionFails(
          request,
          info === null ? null : etagOf(info.size, info.mtimeMs, info.ino),
        );
        if (condition) {
          request.resume();
          return answer(412);
        }
        const declared = Number(request.headers['content-length'] ?? 0);
        if (
          standIn.quotaBytes !== null &&
          declared > standIn.quotaBytes - (await usedBytes(filesDir))
        ) {
          request.resume();
          return answer(507);
        }
        await receive(request, file);
        await maybeDamage(file, relative);
        return answer(info === null ? 201 : 204, await uploadAnswer(request, file));
      }
      case 'GET': {
        request.resume();
        if (info === null || info.isDirectory()) return answer(404);
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(info.size),
          etag: etagOf(info.size, info.mtimeMs, info.ino),
        });
        await pipeline(createReadStream(file), response);
        return answer(200);
      }
      case 'DELETE': {
        request.resume();
        if (info === null) return answer(404);
        if (conditionFails(request, etagOf(info.size, info.mtimeMs, info.ino))) return answer(412);
        await rm(file, { recursive: true, force: true });
        fileIds.forget(relative);
        return answer(204);
      }
      case 'COPY': {
        // Only into an album: a COPY between files is not part of the stand-in (405 as before).
        const destination = photosDestinationOf(request);
        if (destination === null) {
          request.resume();
          return answer(405);
        }
        if ((options.photos ?? 'available') !== 'available') {
          // Sabre, when the destination's folder does not exist (no Photos app: no photos/).
          request.resume();
          return answer(409);
        }
        return photos.copyInto(request, relative, destination, answer);
      }
      case 'PROPPATCH': {
        const body = await readText(request);
        if (info === null) return answer(404);
        const key = relative.replace(/\/$/, '');
        const props = deadProps.get(key) ?? new Map<string, string>();
        const results: string[] = [];
        // A small reading of <d:set><d:prop>…: each child element with its namespace and text.
        const declared = new Map<string, string>();
        for (const match of body.matchAll(/xmlns:([\w-]+)="([^"]*)"/g))
          declared.set(match[1] ?? '', match[2] ?? '');
        const propBlock = /<[\w-]*:?prop>([\s\S]*?)<\/[\w-]*:?prop>/.exec(body)?.[1] ?? '';
        for (const match of propBlock.matchAll(/<([\w-]+):([\w-]+)>([^<]*)<\/\1:\2>/g)) {
          const namespace = declared.get(match[1] ?? '') ?? '';
          const name = `{${namespace}}${match[2] ?? ''}`;
          if (namespace === 'DAV:') {
            results.push(
              `<d:propstat><d:prop><d:${match[2]}/></d:prop><d:status>HTTP/1.1 409 Conflict</d:status></d:propstat>`,
            );
            continue;
          }
          props.set(name, unescapeXml(match[3] ?? ''));
          results.push(
            `<d:propstat><d:prop><x:${match[2]} xmlns:x="${namespace}"/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`,
          );
        }
        deadProps.set(key, props);
        return answer(
          207,
          { 'content-type': 'application/xml; charset=utf-8' },
          multistatus([
            `<d:response><d:href>${escapeXml(rawPath)}</d:href>${results.join('')}</d:response>`,
          ]),
        );
      }
      default:
        request.resume();
        return answer(405);
    }
  }

  async function uploadsRequest(
    request: IncomingMessage,
    relative: string,
    answer: Answer,
  ): Promise<Answered> {
    const [id = '', name = '', ...rest] = relative.split('/');
    const method = request.method ?? '';
    const destination = destinationOf(request);
    if (!/^[\w-]{1,128}$/.test(id) || rest.some((segment) => segment !== '')) {
      request.resume();
      return answer(400);
    }
    const folder = join(uploadsDir, id);
    const upload = uploads.get(id);
    // Version 2: every request names the target, the same as at MKCOL.
    if (destination === null || (upload !== undefined && upload.destination !== destination)) {
      request.resume();
      return answer(400, {}, 'Destination header missing or different');
    }
    if (method === 'MKCOL' && name === '') {
      request.resume();
      if (upload !== undefined) return answer(405);
      await mkdir(folder);
      uploads.set(id, { destination });
      return answer(201);
    }
    if (upload === undefined) {
      request.resume();
      return answer(404);
    }
    if (method === 'PROPFIND' && name === '') {
      request.resume();
      const chunks = (await readdir(folder)).filter((chunk) => /^\d+$/.test(chunk)).sort();
      const responses = [
        `<d:response><d:href>${uploadsPrefix}${id}/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
      ];
      for (const chunk of chunks) {
        const size = (await stat(join(folder, chunk))).size;
        responses.push(
          `<d:response><d:href>${uploadsPrefix}${id}/${chunk}</d:href><d:propstat><d:prop><d:getcontentlength>${size}</d:getcontentlength><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
        );
      }
      return answer(
        207,
        { 'content-type': 'application/xml; charset=utf-8' },
        multistatus(responses),
      );
    }
    if (method === 'PUT' && /^\d+$/.test(name)) {
      const number = Number(name);
      if (number < 1 || number > 10_000 || request.headers['oc-total-length'] === undefined) {
        request.resume();
        return answer(400);
      }
      await receive(request, join(folder, name));
      return answer(201);
    }
    if (method === 'MOVE' && name === '.file') {
      request.resume();
      const target = onDisk(destination);
      if (target === null) return answer(400);
      const parent = await statOf(join(target, '..'));
      if (parent === null || !parent.isDirectory()) return answer(409);
      const existing = await statOf(target);
      if (existing !== null && request.headers.overwrite === 'F') return answer(412);
      const chunks = (await readdir(folder))
        .filter((chunk) => /^\d+$/.test(chunk))
        .sort((a, b) => Number(a) - Number(b));
      const sizes = await Promise.all(
        chunks.map(async (chunk) => (await stat(join(folder, chunk))).size),
      );
      const total = sizes.reduce((sum, size) => sum + size, 0);
      if (String(total) !== request.headers['oc-total-length'])
        return answer(400, {}, 'total length differs');
      if (sizes.slice(0, -1).some((size) => size < MIN_CHUNK))
        return answer(400, {}, 'chunk too small');
      if (standIn.quotaBytes !== null && total > standIn.quotaBytes - (await usedBytes(filesDir)))
        return answer(507);
      const temporary = `${target}.upload-${randomBytes(6).toString('hex')}`;
      const out = createWriteStream(temporary);
      for (const chunk of chunks) {
        for await (const data of createReadStream(join(folder, chunk))) {
          if (!out.write(data))
            await new Promise<void>((resolve) =>
              out.once('drain', () => {
                resolve();
              }),
            );
        }
      }
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => {
          if (error) reject(error);
          else resolve();
        }),
      );
      await rename(temporary, target);
      await maybeDamage(target, destination);
      await rm(folder, { recursive: true, force: true });
      uploads.delete(id);
      const headers = await uploadAnswer(request, target);
      return answer(existing === null ? 201 : 204, headers);
    }
    if (method === 'DELETE' && name === '') {
      request.resume();
      await rm(folder, { recursive: true, force: true });
      uploads.delete(id);
      return answer(204);
    }
    request.resume();
    return answer(name === '' ? 405 : 404);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  Object.assign(standIn, {
    url: base,
    filesRoot: `${base.slice(0, -1)}${filesPrefix}`,
    uploadsRoot: `${base.slice(0, -1)}${uploadsPrefix}`,
    albumsRoot: `${base.slice(0, -1)}${photos.prefix}albums/`,
  });

  return standIn;
}

/** If-None-Match: * and If-Match, as RFC 9110 §13.1 (strong comparison). */
function conditionFails(request: IncomingMessage, etag: string | null): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch === '*' && etag !== null) return true;
  const match = request.headers['if-match'];
  if (typeof match === 'string') {
    if (etag === null) return true;
    if (
      match.trim() !== '*' &&
      !match
        .split(',')
        .map((tag) => tag.trim())
        .includes(etag)
    )
      return true;
  }
  return false;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** Turns "no such file" into `fallback`; any other failure goes on. */
function ifGone<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  };
}
