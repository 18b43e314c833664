// Serves the built renderer (index.html and its assets) from one folder, never outside it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Returns false when there is no such file (the caller answers 404). */
export async function serveStatic(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return false;
  }
  const file = normalize(join(root, relative));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || relative.includes('\0')) {
    return false;
  }
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) return false;
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    // Asset names carry a content hash; index.html must always be fetched again.
    'Cache-Control': file.endsWith('index.html')
      ? 'no-store'
      : 'private, max-age=31536000, immutable',
  });
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).pipe(response).on('finish', resolve);
  });
  return true;
}
