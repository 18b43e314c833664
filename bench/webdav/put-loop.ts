// The server's ceiling: a bare loop of keep-alive PUTs of the same files, read from disk, at
// the same concurrency, with nothing else (no archive, no journal, no checks). undici, as
// Baluchon uses, with a pool of `concurrency` connections.
//   node --import tsx bench/webdav/put-loop.ts <folder URL> <user> <password-env> <concurrency> <source dir>
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';

const [folderUrl, user, passwordVariable, concurrencyText, source] = process.argv.slice(2);
if (folderUrl === undefined || user === undefined || source === undefined) {
  throw new Error('usage: put-loop.ts <folder URL> <user> <password-env> <n> <dir>');
}
const concurrency = Number(concurrencyText);
const authorization = `Basic ${Buffer.from(`${user}:${process.env[passwordVariable ?? ''] ?? ''}`).toString('base64')}`;
const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
const encode = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

const folders = readdirSync(source).sort();
const files = folders.flatMap((folder) =>
  readdirSync(join(source, folder))
    .sort()
    .map((file) => `${folder}/${file}`),
);
const started = performance.now();
for (const path of ['', ...folders.map((folder) => `${folder}/`)]) {
  const answer = await request(`${folderUrl}${encode(path)}`, {
    method: 'MKCOL',
    headers: { authorization },
    dispatcher: agent,
  });
  await answer.body.dump();
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
