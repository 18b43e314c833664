// The server's ceiling: a bare loop of keep-alive PUTs of the same files, read from disk, at the
// same concurrency, with nothing else — no archive, no journal, no checks, no read-back. undici's
// request (what Baluchon's HTTP client is built on), a pool of `concurrency` connections, one
// MKCOL per folder first (any depth; 405, already there, is fine). Prints {totalMs, files, bytes}.
// Used by bench/webdav (Drive's files) and bench/photos (the unpacked pictures).
//   node --import tsx bench/webdav/put-loop.ts <folder URL> <user> <password-env> <concurrency> <source dir>
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';

const [folderUrl, user, passwordVariable, concurrencyText, source] = process.argv.slice(2);
if (folderUrl === undefined || user === undefined || source === undefined) {
  throw new Error('usage: put-loop.ts <folder URL> <user> <password-env> <n> <dir>');
}
const concurrency = Number(concurrencyText);
const password = process.env[passwordVariable ?? ''] ?? '';
const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
const encode = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Folders (parents first, each ending in `/`) and files, relative to `source`. */
function walk(relative: string, folders: string[], files: string[]): void {
  for (const entry of readdirSync(join(source as string, relative), { withFileTypes: true })) {
    const path = `${relative}${entry.name}`;
    if (entry.isDirectory()) {
      folders.push(`${path}/`);
      walk(`${path}/`, folders, files);
    } else {
      files.push(path);
    }
  }
}

const folders: string[] = [''];
const files: string[] = [];
walk('', folders, files);
files.sort();
const started = performance.now();
for (const folder of folders) {
  const answer = await request(`${folderUrl}${encode(folder)}`, {
    method: 'MKCOL',
    headers: { authorization },
    dispatcher: agent,
  });
  await answer.body.dump();
  if (answer.statusCode >= 300 && answer.statusCode !== 405) {
    throw new Error(`MKCOL ${folder}: ${answer.statusCode}`);
  }
}
let next = 0;
let bytes = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < files.length) {
      const path = files[next++] as string;
      const size = statSync(join(source, path)).size;
      const answer = await request(`${folderUrl}${encode(path)}`, {
        method: 'PUT',
        headers: { authorization, 'content-length': String(size) },
        body: createReadStream(join(source, path)),
        dispatcher: agent,
      });
      await answer.body.dump();
      if (answer.statusCode >= 300) throw new Error(`PUT ${path}: ${answer.statusCode}`);
      bytes += size;
    }
  }),
);
process.stdout.write(
  JSON.stringify({ totalMs: performance.now() - started, files: files.length, bytes }),
);
await agent.close();
