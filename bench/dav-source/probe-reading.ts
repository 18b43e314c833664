// Where the source's time goes on Radicale: a full read of one big calendar by multiget at
// several batch sizes (no destination), against GETs of each event at the same concurrency.
// Radicale is seeded by writing its storage folder directly (a collection is a folder of .ics
// files and a .Radicale.props), which takes seconds instead of minutes of PUTs.
//
//   npx tsx bench/dav-source/probe-reading.ts [--events 2000] [--concurrency 4]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { DavClient } from '../../src/dav/dav-client.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import { abortableSleep, defaultRetryPolicy } from '../../src/dav/retry.ts';
import { openDavSource } from '../../src/sources/dav/open-dav-source.ts';
import { startRadicale } from '../../tests/harness/radicale.ts';
import { basicAuth } from '../../tests/harness/users.ts';
import { buildBenchExport, prepareResources } from '../caldav/prepare-calendar.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
  },
});
const events = Number(values.events);
const concurrency = Number(values.concurrency);
const parts = await buildBenchExport(join(root, 'bench/caldav/out/export'), events);
const resources = await prepareResources(parts);
const radicale = await startRadicale();
try {
  const authorization = basicAuth(radicale.user);
  // Radicale makes the user's folder at the first authenticated request.
  await (
    await request(radicale.user.home, {
      method: 'PROPFIND',
      headers: { authorization, depth: '0' },
    })
  ).body.dump();
  const folder = join(radicale.dataDir, 'collection-root', radicale.user.name, 'famille');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, '.Radicale.props'),
    JSON.stringify({ tag: 'VCALENDAR', 'D:displayname': 'Famille' }),
  );
  for (const resource of resources) writeFileSync(join(folder, resource.name), resource.ics);

  const http = createHttpClient({ connections: concurrency });
  const client = new DavClient({
    send: http.send,
    credentials: { username: radicale.user.name, password: radicale.user.password },
    retry: { sleep: abortableSleep, random: Math.random },
    retryPolicy: defaultRetryPolicy,
    now: () => new Date(),
  });
  for (const batchSize of [50, 200, 50]) {
    const started = performance.now();
    const source = openDavSource({
      client,
      server: radicale.url,
      batchSize,
      parts: { calendars: true, contacts: false, files: false },
    });
    const inventory = await source.read({
      signal: new AbortController().signal,
      onProblem: () => undefined,
    });
    const listed = performance.now();
    let components = 0;
    for (const calendar of inventory.calendars)
      for await (const component of calendar.content.open()) components += component === '' ? 0 : 1;
    const done = performance.now();
    console.log(
      `multiget batch ${batchSize}: read() ${(listed - started).toFixed(0)} ms, one pass ${(done - listed).toFixed(0)} ms, ${components} components`,
    );
  }
  const agent = new Agent({ connections: concurrency });
  const started = performance.now();
  let index = 0;
  const worker = async (): Promise<void> => {
    for (let i = index++; i < resources.length; i = index++) {
      const answer = await request(
        new URL(resources[i]?.name ?? '', `${radicale.user.home}famille/`),
        { headers: { authorization }, dispatcher: agent },
      );
      await answer.body.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(
    `GET each at concurrency ${concurrency}: ${(performance.now() - started).toFixed(0)} ms`,
  );
  await agent.close();
  await http.close();
} finally {
  await radicale.stop();
}
