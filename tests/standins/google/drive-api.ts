// The stand-in's Drive v3 (tests only), from Google's REST reference
// (developers.google.com/workspace/drive/api/reference/rest/v3/files):
//
// - GET /drive/v3/files — files.list. `q` is parsed for the terms the reader sends and nothing
//   more: `trashed = true|false`, `'me' in owners`, `sharedWithMe = true|false`,
//   `'<id>' in parents`, joined by `and`/`or`, `not`, parentheses; anything else answers 400
//   `invalid`, as Google does for a query it cannot read. `pageSize` (default 100, at most 1000)
//   and `pageToken`/`nextPageToken`; `fields` as a partial response (`nextPageToken,
//   files(id,name)`), Google's default fields (kind, id, name, mimeType) without it. Order:
//   most recently modified first, as Drive's default, so a reader cannot lean on it.
// - GET /drive/v3/files/{id} — metadata (`root` names My Drive); `alt=media` sends a stored
//   file's bytes, honouring `Range: bytes=<from>-[<to>]` with 206 and Content-Range, 416 past
//   the end; a Google document answers 403 `fileNotDownloadable`.
// - GET /drive/v3/files/{id}/export?mimeType= — a Google document's bytes in that format; over
//   `exportLimit` bytes, 403 `exportSizeLimitExceeded` (Google caps exports at 10 MB); a
//   format the document has not, 400 `badRequest`; a stored file, 403 `fileNotExportable`.
// Every request needs the drive.readonly scope. `cutNextDownload(id, bytes)` makes the next
// alt=media of that file stop after so many bytes, once (the connection dropped mid-file).
import type { StandInRequest, StandInRoute } from './stand-in-server.ts';
import { requireScope, sendGoogleError, sendJson } from './stand-in-server.ts';
import { createHash } from 'node:crypto';

export const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';
export const FOLDER = 'application/vnd.google-apps.folder';

export interface StandInDriveFile {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly parents: readonly string[];
  /** A stored file's bytes (absent for folders and Google's own documents). */
  readonly content?: Buffer;
  /** A Google document's bytes per export MIME type. */
  readonly exports?: Readonly<Record<string, Buffer>>;
  readonly createdTime: string;
  readonly modifiedTime: string;
  /** Default true; false for a file someone else owns. */
  readonly ownedByMe?: boolean;
  readonly sharedWithMe?: boolean;
  readonly trashed?: boolean;
  readonly shortcutDetails?: { readonly targetId: string; readonly targetMimeType: string };
}

export interface StandInDrive {
  /** My Drive's id (what `files.get('root')` answers). */
  readonly rootId: string;
  readonly files: readonly StandInDriveFile[];
  /** Bytes an export may weigh before Google refuses it (Google: 10 MB). */
  readonly exportLimit?: number;
}

export interface DriveApi {
  readonly route: StandInRoute;
  /** What it serves. */
  readonly data: StandInDrive;
  /** The next alt=media of `fileId` stops after `afterBytes` bytes (once). */
  cutNextDownload(fileId: string, afterBytes: number): void;
  /** Each alt=media answered: file id, Range asked (or null) and status. */
  readonly downloads: readonly { fileId: string; range: string | null; status: number }[];
}

const PREFIX = '/drive/v3/files';
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

export function createDriveApi(data: StandInDrive): DriveApi {
  const byId = new Map(data.files.map((file) => [file.id, file]));
  const cuts = new Map<string, number>();
  const downloads: { fileId: string; range: string | null; status: number }[] = [];
  const exportLimit = data.exportLimit ?? 10 * 1024 * 1024;

  const route: StandInRoute = (request) => {
    const { url } = request;
    if (request.req.method !== 'GET' || !url.pathname.startsWith(PREFIX)) return false;
    if (!requireScope(request, DRIVE_READONLY)) return true;
    const rest = url.pathname.slice(PREFIX.length);
    if (rest === '' || rest === '/') {
      list(request);
      return true;
    }
    const match = /^\/([^/]+)(\/export)?$/.exec(rest);
    if (match?.[1] === undefined) return false;
    const id = decodeURIComponent(match[1]);
    if (id === 'root' || id === data.rootId) {
      if (match[2] !== undefined || url.searchParams.get('alt') === 'media') {
        sendGoogleError(request.res, 403, 'fileNotDownloadable', 'My Drive has no content.');
      } else {
        sendJson(request.res, pick(rootResource(data.rootId), url.searchParams.get('fields')));
      }
      return true;
    }
    const file = byId.get(id);
    if (file === undefined) {
      sendGoogleError(request.res, 404, 'notFound', `File not found: ${id}.`);
      return true;
    }
    if (match[2] !== undefined) exportFile(request, file);
    else if (url.searchParams.get('alt') === 'media') media(request, file);
    else sendJson(request.res, pick(resource(file), url.searchParams.get('fields')));
    return true;
  };

  function list({ res, url }: StandInRequest): void {
    let matches: (file: StandInDriveFile) => boolean;
    try {
      matches = parseQuery(url.searchParams.get('q') ?? 'trashed = false');
    } catch (error) {
      sendGoogleError(res, 400, 'invalid', `Invalid Value: ${String(error)}`);
      return;
    }
    const pageSize = Number(url.searchParams.get('pageSize') ?? DEFAULT_PAGE);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE) {
      sendGoogleError(res, 400, 'invalid', 'Invalid value for pageSize');
      return;
    }
    const token = url.searchParams.get('pageToken');
    const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0) {
      sendGoogleError(res, 400, 'invalid', 'Invalid Value: pageToken');
      return;
    }
    const found = data.files
      .filter(matches)
      .sort(
        (a, b) =>
          b.modifiedTime.localeCompare(a.modifiedTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    const page = found.slice(offset, offset + pageSize);
    const next = offset + pageSize < found.length ? offset + pageSize : null;
    const body: Record<string, unknown> = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map(resource),
      ...(next === null ? {} : { nextPageToken: Buffer.from(String(next)).toString('base64url') }),
    };
    sendJson(res, pickList(body, url.searchParams.get('fields')));
  }

  function media({ req, res }: StandInRequest, file: StandInDriveFile): void {
    const content = file.content;
    const rangeHeader = req.headers.range ?? null;
    if (content === undefined) {
      downloads.push({ fileId: file.id, range: rangeHeader, status: 403 });
      sendGoogleError(
        res,
        403,
        'fileNotDownloadable',
        'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
      );
      return;
    }
    let start = 0;
    let end = content.length - 1;
    let status = 200;
    if (rangeHeader !== null) {
      const range = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader);
      if (range?.[1] === undefined || Number(range[1]) >= content.length) {
        downloads.push({ fileId: file.id, range: rangeHeader, status: 416 });
        res.writeHead(416, { 'content-range': `bytes */${content.length}` });
        res.end();
        return;
      }
      start = Number(range[1]);
      if (range[2] !== undefined && range[2] !== '') {
        end = Math.min(end, Number(range[2]));
      }
      status = 206;
    }
    downloads.push({ fileId: file.id, range: rangeHeader, status });
    const body = content.subarray(start, end + 1);
    res.writeHead(status, {
      'content-type': file.mimeType,
      'content-length': String(body.length),
      ...(status === 206 ? { 'content-range': `bytes ${start}-${end}/${content.length}` } : {}),
    });
    const cut = cuts.get(file.id);
    if (cut !== undefined && cut < body.length) {
      cuts.delete(file.id);
      // Send the first bytes, then drop the connection as a network would.
      res.write(body.subarray(0, cut), () => {
        setTimeout(() => res.destroy(), 20);
      });
      return;
    }
    res.end(body);
  }

  function exportFile({ res, url }: StandInRequest, file: StandInDriveFile): void {
    if (file.exports === undefined) {
      sendGoogleError(res, 403, 'fileNotExportable', 'Export only supports Docs Editors files.');
      return;
    }
    const mimeType = url.searchParams.get('mimeType') ?? '';
    const bytes = file.exports[mimeType];
    if (bytes === undefined) {
      sendGoogleError(res, 400, 'badRequest', 'The requested conversion is not supported.');
      return;
    }
    if (bytes.length > exportLimit) {
      sendGoogleError(
        res,
        403,
        'exportSizeLimitExceeded',
        'This file is too large to be exported.',
      );
      return;
    }
    res.writeHead(200, { 'content-type': mimeType, 'content-length': String(bytes.length) });
    res.end(bytes);
  }

  return {
    route,
    data,
    cutNextDownload(fileId, afterBytes) {
      cuts.set(fileId, afterBytes);
    },
    downloads,
  };
}

/** The File resource as Drive v3 writes it (int64 sizes as strings). */
function resource(file: StandInDriveFile): Record<string, unknown> {
  const content = file.content;
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [...file.parents],
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    ownedByMe: file.ownedByMe ?? true,
    shared: file.sharedWithMe === true,
    trashed: file.trashed === true,
    ...(content === undefined
      ? {}
      : {
          size: String(content.length),
          md5Checksum: createHash('md5').update(content).digest('hex'),
        }),
    ...(file.shortcutDetails === undefined ? {} : { shortcutDetails: file.shortcutDetails }),
  };
}

function rootResource(rootId: string): Record<string, unknown> {
  return { kind: 'drive#file', id: rootId, name: 'My Drive', mimeType: FOLDER };
}

const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];

/** A partial response (`fields=id,name`); Google's default fields without it. */
function pick(body: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  const wanted =
    fields === null
      ? DEFAULT_FIELDS
      : fields === '*'
        ? Object.keys(body)
        : fields.split(',').map((field) => field.trim());
  return Object.fromEntries(Object.entries(body).filter(([key]) => wanted.includes(key)));
}

/** `nextPageToken, files(id, name)`: top-level fields, and the files' own in parentheses. */
function pickList(body: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  const files = body['files'] as Record<string, unknown>[];
  if (fields === null) {
    return { ...body, files: files.map((file) => pick(file, null)) };
  }
  const inner = /files\(([^)]*)\)/.exec(fields);
  const top = fields
    .replace(/files\([^)]*\)/, 'files')
    .split(',')
    .map((field) => field.trim());
  const result: Record<string, unknown> = {};
  for (const key of top) {
    if (key === 'files') {
      result['files'] = files.map((file) => pick(file, inner?.[1] ?? '*'));
    } else if (key in body) {
      result[key] = body[key];
    }
  }
  return result;
}

// ------------------------------------------------------------------------ the query language

type Matcher = (file: StandInDriveFile) => boolean;

/** Drive's search terms the reader sends (see the header); throws on anything else. */
function parseQuery(q: string): Matcher {
  const tokens = q.match(/'(?:[^'\\]|\\.)*'|\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new Error('query ends too early');
    return token;
  };
  const literal = (token: string): string => {
    if (!token.startsWith("'")) throw new Error(`expected a quoted value, got ${token}`);
    return token.slice(1, -1).replace(/\\(.)/g, '$1');
  };
  const bool = (token: string): boolean => {
    if (token !== 'true' && token !== 'false') throw new Error(`expected true or false: ${token}`);
    return token === 'true';
  };
  const term = (): Matcher => {
    const first = take();
    if (first === '(') {
      const inner = or();
      if (take() !== ')') throw new Error('unclosed parenthesis');
      return inner;
    }
    if (first === 'not') {
      const inner = term();
      return (file) => !inner(file);
    }
    if (first.startsWith("'")) {
      const value = literal(first);
      if (take() !== 'in') throw new Error('expected in');
      const field = take();
      if (field === 'owners' && value === 'me') return (file) => file.ownedByMe ?? true;
      if (field === 'parents') return (file) => file.parents.includes(value);
      throw new Error(`unsupported: '${value}' in ${field}`);
    }
    const operator = take();
    if (operator !== '=' && operator !== '!=') throw new Error(`unsupported operator ${operator}`);
    const wanted = bool(take());
    const equal = operator === '=';
    if (first === 'trashed') return (file) => ((file.trashed === true) === wanted) === equal;
    if (first === 'sharedWithMe') {
      return (file) => ((file.sharedWithMe === true) === wanted) === equal;
    }
    throw new Error(`unsupported field ${first}`);
  };
  const and = (): Matcher => {
    let left = term();
    while (peek() === 'and') {
      take();
      const right = term();
      const before = left;
      left = (file) => before(file) && right(file);
    }
    return left;
  };
  const or = (): Matcher => {
    let left = and();
    while (peek() === 'or') {
      take();
      const right = and();
      const before = left;
      left = (file) => before(file) || right(file);
    }
    return left;
  };
  const matcher = or();
  if (at !== tokens.length) throw new Error(`unexpected ${tokens[at] ?? ''}`);
  return matcher;
}
