// Benchmark of the DAV source: one calendar of N events moved from Radicale to Xandikos (behind
// Apache), in the same run, two ways at the same concurrency:
//
//   (a) bare loop: PROPFIND the Radicale calendar, then GET each event and PUT it to Xandikos as
//       is — the servers' ceiling for this copy;
//   (b) the whole engine: runMigration on openDavSource(…) (discovery, sync-collection listing,
//       multiget in batches of 50), with a fresh journal: planning, a new calendar on Xandikos,
//       sending, reading everything back. Then a second runMigration with the same journal (the
//       re-run, which sends nothing) is timed too.
//
//   npx tsx bench/dav-source/run.ts [--events 2000] [--rounds 2] [--concurrency 4] [--json out.json]
//
// Xandikos slows down as a collection grows, so every measurement PUTs into a fresh calendar
// (the bare loop's, or the one the engine makes), deleted afterwards; rounds alternate which way
// goes first; ratios are geometric means.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import type { Account } from '../../src/contract/connect.ts';
import { DavClient } from '../../src/dav/dav-client.ts';
import { discover } from '../../src/dav/discover.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import { abortableSleep, defaultRetryPolicy } from '../../src/dav/retry.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { openJournal } from '../../src/journal/index.ts';
import { runMigration } from '../../src/migration/run-migration.ts';
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

/** A DavClient with the engine's retry policy, for one harness server's user. */
function clientOf(server: DavServer, http: ReturnType<typeof createHttpClient>): DavClient {
  return new DavClient({
    send: http.send,
    credentials: { username: server.user.name, password: server.user.password },
    retry: { sleep: abortableSleep, random: Math.random },
    retryPolicy: defaultRetryPolicy,
    now: () => new Date(),
  });
}

/** An account as `connect` makes it: discovered on the server. */
async function accountOf(client: DavClient, server: DavServer): Promise<Account> {
  const found = await discover(client, server.url);
  return {
    accountId: 'bench',
    server: found.base,
    username: server.user.name,
    software: found.software,
    principal: found.principal,
    calendarHome: found.calendarHome,
    addressbookHome: found.addressbookHome,
    filesRoot: found.filesRoot,
    quota: null,
  };
}

interface Migrated {
  readonly ms: number;
  readonly sendingMs: number;
  readonly created: number;
  readonly collections: string[];
}

/**
 * (b): the whole engine, as the service runs a move from another host: runMigration on the DAV
 * source (discovery, sync-collection listing, multiget), planning, a new calendar on Xandikos,
 * sending, reading everything back, all through the journal at `journalPath`.
 */
async function migrateOnce(
  from: { client: DavClient; account: Account },
  to: { client: DavClient; account: Account },
  journalPath: string,
): Promise<Migrated> {
  const journal = openJournal({ path: journalPath, now: () => new Date() });
  // As src/sources/open-source.ts opens it: the homes from the account's connection.
  const source = openDavSource({
    client: from.client,
    server: from.account.server,
    homes: from.account,
  });
  const phases = new Map<string, number>();
  const started = performance.now();
  try {
    const outcome = await runMigration(
      source,
      {
        calendars: undefined,
        tasks: false,
        contacts: false,
        files: false,
        photos: false,
        editedPhotos: false,
        notes: false,
        otherContacts: false,
      },
      {
        journal,
        client: to.client,
        account: to.account,
        t: createI18n('fr').t,
        signal: new AbortController().signal,
        now: () => new Date(),
        concurrency,
        retry: { sleep: abortableSleep, random: Math.random },
        onProgress: (progress) => {
          if (!phases.has(progress.phase)) phases.set(progress.phase, performance.now());
        },
        onProblem: (_kind, problem) => {
          throw new Error(`problem: ${problem.code} ${problem.where}`);
        },
      },
    );
    const ms = performance.now() - started;
    if (outcome.stop !== null || outcome.counts.calendars.verified !== events) {
      throw new Error(`incomplete: ${JSON.stringify(outcome.counts.calendars)}`);
    }
    return {
      ms,
      sendingMs: (phases.get('verifying') ?? NaN) - (phases.get('sending') ?? NaN),
      created: outcome.counts.calendars.created + outcome.counts.calendars.updated,
      collections: outcome.collections.map((c) => c.url),
    };
  } finally {
    await source.close();
    journal.close();
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
const http = createHttpClient({ connections: concurrency, userAgent: 'Baluchon (bench)' });
interface Row {
  bareMs: number;
  migrateMs: number;
  sendingMs: number;
  rerunMs: number;
}
const rows: Row[] = [];
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
  // Both accounts discovered once, untimed, as `connect` does before a move.
  const fromClient = clientOf(radicale, http);
  const source = { client: fromClient, account: await accountOf(fromClient, radicale) };
  const toClient = clientOf(xandikos, http);
  const target = { client: toClient, account: await accountOf(toClient, xandikos) };
  const home = target.account.calendarHome;
  if (home === null) throw new Error('Xandikos: no calendar home');
  for (let round = 0; round < rounds; round++) {
    const bare = async (): Promise<number> => {
      const to = { collection: new URL(`bare-${round}/`, home).href, authorization: toAuth };
      await bareCalendar({ ...to, concurrency });
      const { ms, sent } = await bareCopy(from, to);
      await deleteCollection(to.collection, toAuth);
      if (sent !== resources.length) throw new Error(`bare loop sent ${sent}`);
      return ms;
    };
    const migrate = async (): Promise<{ first: Migrated; again: Migrated }> => {
      const journalDir = mkdtempSync(join(tmpdir(), 'bench-dav-source-'));
      const journalPath = join(journalDir, 'journal.sqlite');
      try {
        const first = await migrateOnce(source, target, journalPath);
        if (first.created !== events) throw new Error(`the engine created ${first.created}`);
        const again = await migrateOnce(source, target, journalPath);
        if (again.created !== 0) throw new Error(`the re-run sent ${again.created}`);
        for (const url of first.collections) await deleteCollection(url, toAuth);
        return { first, again };
      } finally {
        rmSync(journalDir, { recursive: true, force: true });
      }
    };
    let bareMs: number;
    let migrated: Awaited<ReturnType<typeof migrate>>;
    if (round % 2 === 0) {
      bareMs = await bare();
      migrated = await migrate();
    } else {
      migrated = await migrate();
      bareMs = await bare();
    }
    const row = {
      bareMs: Math.round(bareMs),
      migrateMs: Math.round(migrated.first.ms),
      sendingMs: Math.round(migrated.first.sendingMs),
      rerunMs: Math.round(migrated.again.ms),
    };
    rows.push(row);
    process.stderr.write(
      `round ${round + 1}: ${JSON.stringify({ ...row, loadAverage: loadavg() })}\n`,
    );
  }
} finally {
  await http.close();
  await Promise.all([radicale.stop(), xandikos.stop()]);
}

const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const perSecond = (ms: number): string => `${((events * 1000) / ms).toFixed(1)} ev/s`;
console.log(
  line([
    'round',
    'first',
    'bare GET+PUT loop',
    'runMigration (whole)',
    'engine / bare',
    'sending phase',
    're-run',
  ]),
);
console.log(line(Array<string>(7).fill('---')));
rows.forEach((r, index) => {
  console.log(
    line([
      String(index + 1),
      index % 2 === 0 ? 'bare' : 'engine',
      perSecond(r.bareMs),
      perSecond(r.migrateMs),
      `${((r.bareMs / r.migrateMs) * 100).toFixed(1)} %`,
      perSecond(r.sendingMs),
      `${(r.rerunMs / 1000).toFixed(1)} s`,
    ]),
  );
});
const bareRate = rate(rows.map((r) => r.bareMs));
const migrateRate = rate(rows.map((r) => r.migrateMs));
const ratio = geometricMean(rows.map((r) => r.bareMs / r.migrateMs));
const rerunSeconds = rows.reduce((sum, r) => sum + r.rerunMs, 0) / rows.length / 1000;
console.log(
  line([
    'all',
    '',
    `**${bareRate.toFixed(1)} ev/s**`,
    `**${migrateRate.toFixed(1)} ev/s**`,
    `**${(ratio * 100).toFixed(1)} %**`,
    `${rate(rows.map((r) => r.sendingMs)).toFixed(1)} ev/s`,
    `${rerunSeconds.toFixed(1)} s (mean)`,
  ]),
);
const document = {
  node: process.version,
  loadAverage: loadavg().map((n) => +n.toFixed(2)),
  events,
  concurrency,
  rounds: rows,
  bareEventsPerSecond: +bareRate.toFixed(1),
  migrateEventsPerSecond: +migrateRate.toFixed(1),
  migrateVsBare: +ratio.toFixed(3),
  rerunSeconds: +rerunSeconds.toFixed(2),
};
console.log(JSON.stringify(document, null, 2));
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(document, null, 2)}\n`);
