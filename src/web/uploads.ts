// In a browser, a dropped file has no path the service could open: `baluchon web` streams it
// into the app's data folder (uploads/, removed by "Forget everything") and hands back that
// path. The desktop app never copies: Electron gives the real path of a dropped file.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
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

export async function receiveUpload(
  request: IncomingMessage,
  uploadsDir: string,
  id: string,
  name: string,
): Promise<string> {
  const folder = join(uploadsDir, id);
  await mkdir(folder, { recursive: true });
  const path = join(folder, safeUploadName(name));
  try {
    await pipeline(request, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    // An interrupted upload must not leave half an archive that could later be scanned.
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return path;
}
