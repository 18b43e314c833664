// Benchmark of `migrate` into real CalDAV servers (Radicale, Xandikos behind Apache), side by
// side with a bare PUT loop of the same prepared resources at the same concurrency on the same
// server, in the same run; and the time of the re-run that sends nothing.
//
//   npx tsx bench/caldav/run.ts [--events 2000] [--rounds 2] [--concurrency 4]
//                               [--servers radicale,xandikos,stub] [--json out.json]
//
// Both servers slow down as a collection grows, so every measurement PUTs into a fresh
// calendar of the same size (deleted afterwards): the ratio is what counts. The migration is
// measured whole (reading the archive, making the calendar, sending, reading everything back);
// its sending phase alone is shown too. Rounds alternate which of the two goes first (on a
// loaded machine the second measurement of a round is often the slower one, by up to 10 %),
// and ratios are the geometric mean of the rounds' ratios, so an even number of rounds weighs
// both orders alike. `stub` is
// a server that answers at once (stub-server.ts, in a process of its own): there the figures
// are the client's own ceiling, whatever a real server's speed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Account } from '../../src/contract/connect.ts';
import { DavClient } from '../../src/dav/dav-client.ts';
import { discover } from '../../src/dav/discover.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import { abortableSleep, defaultRetryPolicy } from '../../src/dav/retry.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { openJournal } from '../../src/journal/open-journal.ts';
import { migrateTakeout } from '../../src/migration/migrate-takeout.ts';
import type { DavServer } from '../../tests/harness/dav-server.ts';
import { startRadicale } from '../../tests/harness/radicale.ts';
import { basicAuth } from '../../tests/harness/users.ts';
import { startXandikos } from '../../tests/harness/xandikos.ts';
import { bareCalendar, barePutLoop, deleteCollection } from './bare-put-loop.ts';
import { buildBenchExport, prepareResources } from './prepare-calendar.ts';
import type { PreparedResource } from './prepare-calendar.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '4' },
    servers: { type: 'string', default: 'radicale,xandikos,stub' },
    json: { type: 'string' },
  },
});
const events = Number(values.events);
const rounds = Math.max(1, Number(values.rounds));
const concurrency = Math.max(1, Number(values.concurrency));
const starters = { radicale: startRadicale, xandikos: startXandikos, stub: startStub } as const;
const kinds = values.servers.split(',') as (keyof typeof starters)[];

interface Round {
  bareMs: number;
  migrateMs: number;
  sendingMs: number;
  rerunMs: number;
  sent: number;
}

/** The stub in a child process, shaped like a harness server (one user, any password). */
async function startStub(): Promise<DavServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/caldav/stub-server.ts')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => {
      resolve(Number(chunk.toString().trim()));
    });
    child.once('error', reject);
  });
  const url = `http://127.0.0.1:${port}/`;
  const user = { name: 'bench', password: 'bench', home: `${url}bench/` };
  return {
    kind: 'apache',
    url,
    port,
    users: [user],
    user,
    dataDir: '',
    workDir: '',
    processGroups: [],
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('close', () => {
          resolve();
        });
        child.kill();
      }),
  };
}

async function accountOf(
  client: DavClient,
  server: DavServer,
  kind: keyof typeof starters,
): Promise<Account> {
  if (kind === 'stub') {
    return {
      accountId: 'bench',
      server: server.url,
      username: server.user.name,
      software: 'unknown',
      principal: server.user.home,
      calendarHome: server.user.home,
      addressbookHome: null,
      filesRoot: null,
      quota: null,
    };
  }
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

async function migrateOnce(
  parts: readonly string[],
  client: DavClient,
  account: Account,
  journalDir: string,
): Promise<{ ms: number; sendingMs: number; created: number; collections: string[] }> {
  const journal = openJournal({ path: join(journalDir, 'journal.sqlite'), now: () => new Date() });
  const phases = new Map<string, number>();
  const started = performance.now();
  try {
    const outcome = await migrateTakeout(
      parts,
      {
        contacts: false,
        tasks: false,
        files: false,
        photos: false,
        editedPhotos: false,
        notes: false,
        otherContacts: false,
      },
      {
        journal,
        client,
        account,
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
    const sending = (phases.get('verifying') ?? NaN) - (phases.get('sending') ?? NaN);
    return {
      ms,
      sendingMs: sending,
      created: outcome.counts.calendars.created + outcome.counts.calendars.updated,
      collections: outcome.collections.map((c) => c.url),
    };
  } finally {
    journal.close();
  }
}

async function measureServer(
  kind: keyof typeof starters,
  parts: readonly string[],
  resources: readonly PreparedResource[],
): Promise<Round[]> {
  const server = await starters[kind]();
  const http = createHttpClient({ connections: concurrency, userAgent: 'Baluchon (bench)' });
  try {
    const client = new DavClient({
      send: http.send,
      credentials: { username: server.user.name, password: server.user.password },
      retry: { sleep: abortableSleep, random: Math.random },
      retryPolicy: defaultRetryPolicy,
      now: () => new Date(),
    });
    const account = await accountOf(client, server, kind);
    const home = account.calendarHome;
    if (home === null) throw new Error(`${kind}: no calendar home`);
    const authorization = basicAuth(server.user);
    const results: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      const bare = async (): Promise<number> => {
        const collection = new URL(`bare-${round}/`, home).href;
        await bareCalendar({ collection, authorization, concurrency });
        const { ms } = await barePutLoop(resources, { collection, authorization, concurrency });
        await deleteCollection(collection, authorization);
        return ms;
      };
      const migrate = async () => {
        const journalDir = mkdtempSync(join(tmpdir(), 'bench-caldav-'));
        try {
          const first = await migrateOnce(parts, client, account, journalDir);
          if (first.created !== events) throw new Error(`created ${first.created}`);
          const again = await migrateOnce(parts, client, account, journalDir);
          if (again.created !== 0) throw new Error(`the re-run sent ${again.created}`);
          for (const url of first.collections) await deleteCollection(url, authorization);
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
      const result = {
        bareMs,
        migrateMs: migrated.first.ms,
        sendingMs: migrated.first.sendingMs,
        rerunMs: migrated.again.ms,
        sent: migrated.first.created,
      };
      results.push(result);
      process.stderr.write(`${kind} round ${round + 1}: ${JSON.stringify(result)}\n`);
    }
    return results;
  } finally {
    await http.close();
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function geometricMean(values: number[]): number {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

const outDir = join(root, 'bench/caldav/out');
mkdirSync(outDir, { recursive: true });
const parts = await buildBenchExport(join(outDir, 'export'), events);
const resources = await prepareResources(parts);
if (resources.length !== events) throw new Error(`${resources.length} resources prepared`);

const table: Record<string, unknown>[] = [];
for (const kind of kinds) {
  const results = await measureServer(kind, parts, resources);
  const bareMs = median(results.map((r) => r.bareMs));
  const migrateMs = median(results.map((r) => r.migrateMs));
  const sendingMs = median(results.map((r) => r.sendingMs));
  const rerunMs = median(results.map((r) => r.rerunMs));
  table.push({
    server: kind,
    events,
    concurrency,
    rounds,
    bareEventsPerSecond: +((events * 1000) / bareMs).toFixed(1),
    migrateEventsPerSecond: +((events * 1000) / migrateMs).toFixed(1),
    sendingEventsPerSecond: +((events * 1000) / sendingMs).toFixed(1),
    migrateVsBare: +geometricMean(results.map((r) => r.bareMs / r.migrateMs)).toFixed(3),
    sendingVsBare: +geometricMean(results.map((r) => r.bareMs / r.sendingMs)).toFixed(3),
    rerunSeconds: +(rerunMs / 1000).toFixed(2),
    rerunVsFirstRun: +geometricMean(results.map((r) => r.rerunMs / r.migrateMs)).toFixed(4),
    rounds_ms: results,
  });
}

const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
console.log(
  line([
    'server',
    'events',
    'bare PUT loop',
    'migrate (whole)',
    'migrate / bare',
    'sending phase',
    'sending / bare',
    're-run',
    're-run / first run',
  ]),
);
console.log(line(Array(9).fill('---') as string[]));
for (const row of table) {
  console.log(
    line([
      String(row['server']),
      String(row['events']),
      `${String(row['bareEventsPerSecond'])} ev/s`,
      `${String(row['migrateEventsPerSecond'])} ev/s`,
      `${(Number(row['migrateVsBare']) * 100).toFixed(1)} %`,
      `${String(row['sendingEventsPerSecond'])} ev/s`,
      `${(Number(row['sendingVsBare']) * 100).toFixed(1)} %`,
      `${String(row['rerunSeconds'])} s`,
      `${(Number(row['rerunVsFirstRun']) * 100).toFixed(2)} %`,
    ]),
  );
}
const document = {
  node: process.version,
  loadAverage: loadavg().map((n) => +n.toFixed(2)),
  results: table,
};
console.log(JSON.stringify(document, null, 2));
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(document, null, 2)}\n`);
