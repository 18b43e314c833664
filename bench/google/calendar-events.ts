// Events per second read from the Google stand-in: through Baluchon's reader (readGoogleCalendars:
// the @googleapis/calendar client, every page, each event turned into iCalendar) against a bare
// paginated fetch loop of the same endpoint (JSON parsed, nothing else), in one run, alternating.
// The stand-in runs in its own process (calendar-stand-in-child.ts), as Google is remote.
// `--latency` adds a wait before each page the stand-in answers, as Google's own answer time
// (a page of 2500 events takes it a few hundred milliseconds): on the loopback alone, the bare
// loop measures JSON.parse, not a network.
//
//   npx tsx bench/google/calendar-events.ts [--events 20000] [--latency 0] [--rounds 3]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OAuth2Client } from 'google-auth-library';
import { Agent, request } from 'undici';
import { endpointsUnder } from '../../src/google/google-endpoints.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { readGoogleCalendars } from '../../src/sources/google/calendar/read-google-calendars.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    latency: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '3' },
  },
});
const count = Number(values.events);
const latency = Number(values.latency);
const rounds = Number(values.rounds);

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    fileURLToPath(new URL('calendar-stand-in-child.ts', import.meta.url)),
    '--events',
    String(count),
    '--latency',
    String(latency),
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const standIn = JSON.parse(line) as {
  url: string;
  token: string;
  calendarId: string;
  resources: number;
  uids: number;
};
const { token, resources, uids } = standIn;

async function bareLoop(): Promise<number> {
  // A fresh connection pool each round: the stand-in closes idle connections after 5 s, and a
  // round of the reader takes longer than that.
  const agent = new Agent({ connections: 1 });
  let read = 0;
  let pageToken: string | undefined;
  do {
    const url = new URL(
      `calendar/v3/calendars/${encodeURIComponent(standIn.calendarId)}/events`,
      standIn.url,
    );
    url.searchParams.set('singleEvents', 'false');
    url.searchParams.set('showDeleted', 'true');
    url.searchParams.set('maxResults', '2500');
    if (pageToken !== undefined) url.searchParams.set('pageToken', pageToken);
    const response = await request(url, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.body.json()) as { items?: unknown[]; nextPageToken?: string };
    read += page.items?.length ?? 0;
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined);
  await agent.close();
  return read;
}

async function throughBaluchon(): Promise<number> {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  const signal = new AbortController().signal;
  const reading = await readGoogleCalendars({
    api: { auth, endpoints: endpointsUnder(standIn.url), signal, call: (run) => run(signal) },
    t: createI18n('fr').t,
    onProblem: () => undefined,
  });
  let components = 0;
  for (const source of reading.calendars) {
    for await (const text of source.content.open()) {
      if (text.startsWith('BEGIN:VEVENT')) components++;
    }
  }
  return components;
}

try {
  const best = { bare: Number.POSITIVE_INFINITY, baluchon: Number.POSITIVE_INFINITY };
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    const bareRead = await bareLoop();
    best.bare = Math.min(best.bare, performance.now() - started);
    started = performance.now();
    const vevents = await throughBaluchon();
    best.baluchon = Math.min(best.baluchon, performance.now() - started);
    if (round === 0) {
      console.log(
        `${resources} event resources (${uids} UIDs) listed; bare loop read ${bareRead}, Baluchon wrote ${vevents} VEVENTs`,
      );
    }
  }
  const rate = (ms: number): string => ((resources / ms) * 1000).toFixed(0);
  console.log(`latency per page: ${latency} ms, best of ${rounds}`);
  console.log(`bare paginated fetch: ${best.bare.toFixed(0)} ms, ${rate(best.bare)} events/s`);
  console.log(
    `readGoogleCalendars:  ${best.baluchon.toFixed(0)} ms, ${rate(best.baluchon)} events/s`,
  );
  console.log(`Baluchon / bare: ${((best.bare / best.baluchon) * 100).toFixed(0)} %`);
} finally {
  child.stdin.end();
}
