// In a browser, a dropped file has no path the service could open: `baluchon web` streams it
// into the app's data folder and hands back that path. The desktop app never copies: Electron
// gives the real path of a dropped file.
//
// The copies are the family's data, so: one folder per content (`uploads/<sha256>/<name>`) — an
// archive dropped twice is stored once; only the user can read them (folders 0700, files 0600);
// they go once the move is complete or with "Forget everything" (src/service/received-copies.ts).
//
// And bounded: a part whose announced size does not fit on this computer's disk (with a margin
// left for the journal and the system) is refused before a byte is written; one sent without a
// size is cut as soon as it passes what was free; one that stops arriving (a closed laptop, a
// lost tab) is cut after a while without data — but never for being long: a Takeout part of
// 50 GB takes hours over a slow disk, and that is fine as long as it keeps arriving.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BaluchonError } from '../errors/baluchon-error.ts';

export interface UploadLimits {
  /** The size the request announced (Content-Length), when it did. */
  declaredLength?: number;
  /** Bytes free for this user on the disk holding `dir` (default: statfs). */
  freeSpace?: (dir: string) => Promise<number>;
  /** How long the upload may go without a byte before it is cut (default: 60 s). */
  idleMs?: number;
}

/** Left free after any upload: the journal, the reports and the system need room too. */
export const uploadSpareBytes = 256 * 1024 * 1024;
const defaultIdleMs = 60_000;
const megabyte = 1024 * 1024;

/** Bytes an unprivileged process may still write on the disk holding `dir`. */
export async function freeSpaceOf(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}

/** Keeps a recognisable, harmless file name: no folders, no control characters. */
export function safeUploadName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 200);
  return base === '' ? 'archive' : base;
}

/**
 * Stores `body` (the upload request) as `uploadsDir/<sha256 of the content>/<name>` and returns that path.
 * The same content given again (under any name) returns the copy already there.
 * `id` names the file being received until its content is known.
 */
export async function receiveUpload(
  body: Readable,
  uploadsDir: string,
  id: string,
  name: string,
  limits: UploadLimits = {},
): Promise<string> {
  await privateFolder(uploadsDir);
  const free = await (limits.freeSpace ?? freeSpaceOf)(uploadsDir);
  const room = free - uploadSpareBytes;
  const noSpace = (needed: number): BaluchonError =>
    new BaluchonError('upload-no-space', {
      name: safeUploadName(name),
      neededMB: Math.ceil(needed / megabyte),
      freeMB: Math.max(0, Math.floor(room / megabyte)),
    });
  if (limits.declaredLength !== undefined && limits.declaredLength > room) {
    throw noSpace(limits.declaredLength);
  }
  // A dot name: never mistaken for a received copy (those are folders named by a hash).
  const incoming = join(uploadsDir, `.incoming-${safeUploadName(id)}`);
  const idleMs = limits.idleMs ?? defaultIdleMs;
  const hash = createHash('sha256');
  let received = 0;
  let idle: NodeJS.Timeout | undefined;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      // Without a Content-Length nothing was checked up front: stop at what the disk can take.
      if (received > room) {
        done(noSpace(received));
        return;
      }
      hash.update(chunk);
      watch();
      done(null, chunk);
    },
  });
  // Restarted on each chunk: only silence cuts the upload, never its length.
  const watch = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      hashing.destroy(
        new BaluchonError('upload-idle', {
          name: safeUploadName(name),
          seconds: Math.round(idleMs / 1000),
        }),
      );
    }, idleMs);
  };
  watch();
  try {
    await pipeline(body, hashing, createWriteStream(incoming, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    // An interrupted upload must not leave half an archive that could later be scanned.
    await rm(incoming, { force: true });
    throw error;
  } finally {
    clearTimeout(idle);
  }
  const folder = join(uploadsDir, hash.digest('hex'));
  try {
    await privateFolder(folder);
    const existing = (await readdir(folder)).find((entry) => !entry.startsWith('.'));
    if (existing !== undefined) {
      await rm(incoming, { force: true });
      return join(folder, existing);
    }
    const path = join(folder, safeUploadName(name));
    await rename(incoming, path);
    return path;
  } catch (error) {
    await rm(incoming, { force: true });
    throw error;
  }
}

async function privateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder as it was, and its mode passes through the umask.
  await chmod(path, 0o700);
}
