// The `webdav` package (v5), evaluated on the same job as the PUT loop: the same files from disk,
// the same concurrency, keep-alive agents, putFileContents with a stream (its documented way
// to send a large file without reading it whole).
//   node --import tsx bench/webdav/webdav-package.ts <folder URL> <user> <password-env> <concurrency> <dir>
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { createClient } from 'webdav';

const [folderUrl, user, passwordVariable, concurrencyText, source] = process.argv.slice(2);
if (folderUrl === undefined || user === undefined || source === undefined) {
  throw new Error('usage: webdav-package.ts <folder URL> <user> <password-env> <n> <dir>');
}
const concurrency = Number(concurrencyText);
const client = createClient(folderUrl, {
  username: user,
  password: process.env[passwordVariable ?? ''] ?? '',
  httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }),
});
const folders = readdirSync(source).sort();
const files = folders.flatMap((folder) =>
  readdirSync(join(source, folder))
    .sort()
    .map((file) => `${folder}/${file}`),
);
const started = performance.now();
for (const folder of folders) await client.createDirectory(`/${folder}`);
let next = 0;
let bytes = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < files.length) {
      const path = files[next++] as string;
      const size = statSync(join(source, path)).size;
      const done = await client.putFileContents(`/${path}`, createReadStream(join(source, path)), {
        overwrite: false,
        contentLength: size,
      });
      if (!done) throw new Error(`PUT ${path} refused`);
      bytes += size;
    }
  }),
);
process.stdout.write(
  JSON.stringify({ totalMs: performance.now() - started, files: files.length, bytes }),
);
