// Benchmark of the DAV source: one calendar of N events moved from Radicale to Xandikos (behind
// Apache), in the same run, two ways at the same concurrency:
//
//   (a) bare loop: PROPFIND the Radicale calendar, then GET each event and PUT it to Xandikos as
//       is — the servers' ceiling for this copy;
//   (b) through the source: openDavSource(…).read() (discovery, sync-collection listing), then
//       the engine's own calendar transform on the source's content (surveyCalendar, then
//       prepareCalendarObjects: the planner's two passes, each reading Radicale by multiget in
//       batches of 50) and the same PUT loop. runMigration does not take a Source on this branch
//       (the "port" work changes that): when it does, (b) should call it instead — the output
//       says which was measured.
//
//   npx tsx bench/dav-source/run.ts [--events 2000] [--rounds 2] [--concurrency 4] [--json out.json]
//
// Xandikos slows down as a collection grows, so every measurement PUTs into a fresh calendar,
// deleted afterwards; rounds alternate which way goes first; ratios are geometric means.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { DavClient } from '../../src/dav/dav-client.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import { abortableSleep, defaultRetryPolicy } from '../../src/dav/retry.ts';
import { prepareCalendarObjects } from '../../src/ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../../src/ical/survey-calendar.ts';
import { openDavSource } from '../../src/sources/dav/open-dav-source.ts';
import type { DavServer } from '../../tests/harness/dav-server.ts';
import { startRadicale } from '../../tests/harness/radicale.ts';
import { basicAuth } from '../../tests/harness/users.ts';
import { startXandikos } from '../../tests/harness/xandikos.ts';
import { bareCalendar, deleteCollection } from '../caldav/bare-put-loop.ts';
import { buildBenchExport, prepareResources } from '../caldav/prepare-calendar.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '4' },
    json: { type: 'string' },
  },
});
const events = Number(values.events);
const rounds = Math.max(1, Number(values.rounds));
const concurrency = Math.max(1, Number(values.concurrency));
const mode =
  'source.read() + engine calendar transform + PUT loop (runMigration takes no Source yet)';

interface Put {
  readonly name: string;
  readonly ics: string;
}

/** PUTs what `items` yields, `concurrency` at a time; memory holds what is in flight. */
async function putAll(
  items: AsyncIterator<Put>,
  collection: string,
  authorization: string,
  agent: Agent,
): Promise<number> {
  let sent = 0;
  const worker = async (): Promise<void> => {
    for (let next = await items.next(); next.done !== true; next = await items.next()) {
      const answer = await request(new URL(next.value.name, collection), {
        method: 'PUT',
        headers: {
          authorization,
          'content-type': 'text/calendar; charset=utf-8',
          'if-none-match': '*',
        },
        body: next.value.ics,
        dispatcher: agent,
      });
      await answer.body.dump();
      if (answer.statusCode >= 300) throw new Error(`PUT ${next.value.name}: ${answer.statusCode}`);
      sent += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent;
}

/** Resources of a collection (Depth 1), without the collection itself. */
async function listHrefs(
  collection: string,
  authorization: string,
  agent: Agent,
): Promise<string[]> {
  const answer = await request(collection, {
    method: 'PROPFIND',
    headers: { authorization, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    dispatcher: agent,
  });
  const text = await answer.body.text();
  const self = new URL(collection).pathname;
  return [...text.matchAll(/<(?:[\w-]+:)?href>([^<]+)</g)]
    .map((m) => m[1] ?? '')
    .filter((href) => href !== self && href.endsWith('.ics'));
}

/** (a): GET each event from the source calendar, PUT it unchanged to the target. */
async function bareCopy(
  from: { collection: string; authorization: string },
  to: { collection: string; authorization: string },
): Promise<{ ms: number; sent: number }> {
  const agent = new Agent({ connections: concurrency * 2, keepAliveTimeout: 30_000 });
  const started = performance.now();
  const hrefs = await listHrefs(from.collection, from.authorization, agent);
  let index = 0;
  const items: AsyncIterator<Put> = {
    next: async () => {
      const href = hrefs[index++];
      if (href === undefined) return { done: true, value: undefined };
      const answer = await request(new URL(href, from.collection), {
        headers: { authorization: from.authorization },
        dispatcher: agent,
      });
      const ics = await answer.body.text();
      if (answer.statusCode !== 200) throw new Error(`GET ${href}: ${answer.statusCode}`);
      return { done: false, value: { name: href.split('/').pop() ?? href, ics } };
    },
  };
  const sent = await putAll(items, to.collection, to.authorization, agent);
  const ms = performance.now() - started;
  await agent.close();
  return { ms, sent };
}

/** (b): through the DAV source and the engine's calendar transform. */
async function sourceCopy(
  radicale: DavServer,
  to: { collection: string; authorization: string },
): Promise<{ ms: number; sent: number }> {
  const http = createHttpClient({ connections: concurrency, userAgent: 'Baluchon (bench)' });
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
  const client = new DavClient({
    send: http.send,
    credentials: { username: radicale.user.name, password: radicale.user.password },
    retry: { sleep: abortableSleep, random: Math.random },
    retryPolicy: defaultRetryPolicy,
    now: () => new Date(),
  });
  const started = performance.now();
  try {
    const source = openDavSource({
      client,
      server: radicale.url,
      parts: { calendars: true, contacts: false, files: false },
    });
    const inventory = await source.read({
      signal: new AbortController().signal,
      onProblem: (problem) => {
        throw new Error(`problem: ${problem.code} ${problem.where}`);
      },
    });
    const calendar = inventory.calendars.find((c) => c.count > 0);
    if (calendar === undefined) throw new Error('no calendar read');
    const survey = await surveyCalendar(calendar.content);
    const prepared = prepareCalendarObjects(calendar.content, survey);
    const items: AsyncIterator<Put> = {
      next: async () => {
        const outcome = await prepared.next();
        if (outcome.done === true) return { done: true, value: undefined };
        if (outcome.value.status !== 'ready') throw new Error(`not sent: ${outcome.value.where}`);
        return {
          done: false,
          value: { name: outcome.value.resource.resourceName, ics: outcome.value.resource.ics },
        };
      },
    };
    const sent = await putAll(items, to.collection, to.authorization, agent);
    return { ms: performance.now() - started, sent };
  } finally {
    await agent.close();
    await http.close();
  }
}

/**
 * Seeds Radicale by writing its storage folder (a collection is a folder of .ics files and a
 * .Radicale.props): seconds instead of the minutes 2,000 PUTs take. Radicale then builds its
 * item cache at the first read of the collection (about 45 s for 2,000 events here), so one
 * untimed PROPFIND of the calendar comes before any measurement.
 */
async function seedRadicale(radicale: DavServer, items: readonly Put[]): Promise<void> {
  const authorization = basicAuth(radicale.user);
  // Radicale makes the user's folder at the first authenticated request.
  const first = await request(radicale.user.home, {
    method: 'PROPFIND',
    headers: { authorization, depth: '0' },
  });
  await first.body.dump();
  const folder = join(radicale.dataDir, 'collection-root', radicale.user.name, 'famille');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, '.Radicale.props'),
    JSON.stringify({ tag: 'VCALENDAR', 'D:displayname': 'Famille' }),
  );
  for (const item of items) writeFileSync(join(folder, item.name), item.ics);
  const warm = await request(new URL('famille/', radicale.user.home), {
    method: 'PROPFIND',
    headers: { authorization, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    headersTimeout: 600_000,
    bodyTimeout: 600_000,
  });
  await warm.body.dump();
  if (warm.statusCode !== 207)
    throw new Error(`Radicale answered ${warm.statusCode} after seeding`);
}

function geometricMean(values: number[]): number {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}
/** Events per second over every round together: each way's total time, so one slow round
 * (the machine is shared) weighs by its length, not by its rank. */
function rate(ms: readonly number[]): number {
  return (events * ms.length * 1000) / ms.reduce((sum, value) => sum + value, 0);
}

const outDir = join(root, 'bench/dav-source/out');
mkdirSync(outDir, { recursive: true });
// The same calendar as bench/caldav (singles and weekly series with moved and cancelled
// instances), as the migration would have put it on the previous host.
const parts = await buildBenchExport(join(root, 'bench/caldav/out/export'), events);
const resources = await prepareResources(parts);

const radicale = await startRadicale();
const xandikos = await startXandikos();
const rows: { bareMs: number; sourceMs: number }[] = [];
try {
  const fromAuth = basicAuth(radicale.user);
  const toAuth = basicAuth(xandikos.user);
  const from = {
    collection: new URL('famille/', radicale.user.home).href,
    authorization: fromAuth,
  };
  const seedStarted = performance.now();
  await seedRadicale(radicale, resources);
  process.stderr.write(
    `seeded Radicale with ${resources.length} events in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`,
  );
  const home = new URL('calendars/', xandikos.user.home).href;
  for (let round = 0; round < rounds; round++) {
    const bare = async (): Promise<number> => {
      const to = { collection: new URL(`bare-${round}/`, home).href, authorization: toAuth };
      await bareCalendar({ ...to, concurrency });
      const { ms, sent } = await bareCopy(from, to);
      await deleteCollection(to.collection, toAuth);
      if (sent !== resources.length) throw new Error(`bare loop sent ${sent}`);
      return ms;
    };
    const viaSource = async (): Promise<number> => {
      const to = { collection: new URL(`source-${round}/`, home).href, authorization: toAuth };
      await bareCalendar({ ...to, concurrency });
      const { ms, sent } = await sourceCopy(radicale, to);
      await deleteCollection(to.collection, toAuth);
      if (sent !== resources.length) throw new Error(`source sent ${sent}`);
      return ms;
    };
    let bareMs: number;
    let sourceMs: number;
    if (round % 2 === 0) {
      bareMs = await bare();
      sourceMs = await viaSource();
    } else {
      sourceMs = await viaSource();
      bareMs = await bare();
    }
    rows.push({ bareMs, sourceMs });
    process.stderr.write(`round ${round + 1}: ${JSON.stringify({ bareMs, sourceMs })}\n`);
  }
} finally {
  await Promise.all([radicale.stop(), xandikos.stop()]);
}

const bareRate = rate(rows.map((r) => r.bareMs));
const sourceRate = rate(rows.map((r) => r.sourceMs));
const ratio = geometricMean(rows.map((r) => r.bareMs / r.sourceMs));
console.log(`(b) measured: ${mode}`);
console.log(
  '| events | concurrency | bare GET+PUT loop | through the DAV source | source / bare |',
);
console.log('| --- | --- | --- | --- | --- |');
console.log(
  `| ${events} | ${concurrency} | ${bareRate.toFixed(1)} ev/s | ${sourceRate.toFixed(1)} ev/s | ${(ratio * 100).toFixed(1)} % |`,
);
const document = {
  node: process.version,
  loadAverage: loadavg().map((n) => +n.toFixed(2)),
  mode,
  events,
  concurrency,
  rounds: rows,
  bareEventsPerSecond: +bareRate.toFixed(1),
  sourceEventsPerSecond: +sourceRate.toFixed(1),
  sourceVsBare: +ratio.toFixed(3),
};
console.log(JSON.stringify(document, null, 2));
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(document, null, 2)}\n`);
