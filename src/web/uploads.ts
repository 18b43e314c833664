// In a browser, a dropped file has no path the service could open: `baluchon web` streams it
// into the app's data folder and hands back that path. The desktop app never copies: Electron
// gives the real path of a dropped file.
//
// The copies are the family's data, so: one folder per content (`uploads/<sha256>/<name>`) — an
// archive dropped twice is stored once; only the user can read them (folders 0700, files 0600);
// they go once the move is complete or with "Forget everything" (src/service/received-copies.ts).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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
): Promise<string> {
  await privateFolder(uploadsDir);
  // A dot name: never mistaken for a received copy (those are folders named by a hash).
  const incoming = join(uploadsDir, `.incoming-${safeUploadName(id)}`);
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, hashing, createWriteStream(incoming, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    // An interrupted upload must not leave half an archive that could later be scanned.
    await rm(incoming, { force: true });
    throw error;
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
