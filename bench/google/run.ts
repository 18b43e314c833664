// Benchmark of the live Google source: one family's account served by the Google stand-in
// (tests/standins/google/, on 127.0.0.1), read two ways in the same run:
//
//   (a) bare loop: the same endpoints fetched page by page (calendar list, every calendar's
//       events, the People connections with the same fields, Drive's listing, then each stored
//       file's bytes and each Google document's export) — the stand-in's ceiling;
//   (b) Baluchon: openGoogleSource(…).read() (the @googleapis clients, backoff, conversion to
//       iCalendar and vCards, Drive's tree and exports spooled), then every calendar's components,
//       every card and every file's stream read to the end — what the engine would consume.
//
// Rates are items read per second; rounds alternate which way goes first; the figure is the
// geometric mean over rounds of time(a)/time(b) for reading the same account. Peak RSS of the process is printed for reference.
//
//   npx tsx bench/google/run.ts [--events 5000] [--people 2000] [--files 300] [--rounds 3]
//                               [--latency 0]  (ms before each API answer: Google's round trip)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OAuth2Client } from 'google-auth-library';
import { createApiContext } from '../../src/google/api/create-api-context.ts';
import { endpointsUnder } from '../../src/google/google-endpoints.ts';
import { scopesFor } from '../../src/google/google-products.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { PERSON_FIELDS } from '../../src/sources/google/contacts/read-google-contacts.ts';
import { openGoogleSource } from '../../src/sources/google/open-google-source.ts';
import type {
  DriveFileSpec,
  EventSpec,
  TakeoutSpec,
} from '../../tests/fixtures/takeout/takeout-spec.ts';
import { calendarApi } from '../../tests/standins/google/calendar-api.ts';
import { createDriveApi } from '../../tests/standins/google/drive-api.ts';
import { calendarData } from '../../tests/standins/google/family/calendar-data.ts';
import { driveData, pinDriveContent } from '../../tests/standins/google/family/drive-data.ts';
import { peopleData } from '../../tests/standins/google/family/people-data.ts';
import { tasksData } from '../../tests/standins/google/family/tasks-data.ts';
import { peopleApi } from '../../tests/standins/google/people-api.ts';
import { startGoogleStandIn, TokenBook } from '../../tests/standins/google/stand-in-server.ts';
import { tasksApi } from '../../tests/standins/google/tasks-api.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    people: { type: 'string', default: '2000' },
    files: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    latency: { type: 'string', default: '0' },
  },
});
const counts = {
  events: Number(values.events),
  people: Number(values.people),
  files: Number(values.files),
};
const rounds = Math.max(1, Number(values.rounds));
const latencyMs = Math.max(0, Number(values.latency));

function spec(): TakeoutSpec {
  const perCalendar = Math.ceil(counts.events / 4);
  const events = (n: number): EventSpec[] =>
    Array.from({ length: n }, (_v, i) =>
      i % 10 === 0 ? { kind: 'series', exdates: 1, overrides: 1 } : { kind: 'single' },
    );
  const drive: DriveFileSpec[] = Array.from({ length: counts.files }, (_v, i) => ({
    path: `Dossier ${i % 12}/fichier-${i}.${['pdf', 'jpg', 'txt'][i % 3] ?? 'bin'}`,
    size: 20_000 + ((i * 7919) % 130_000),
  }));
  return {
    language: 'fr',
    calendars: ['Famille', 'Travail', 'École', 'Sport'].map((name) => ({
      file: name,
      name,
      events: events(perCalendar),
    })),
    people: Array.from({ length: counts.people }, (_v, i) => ({
      name: `Personne${i} Nom${i % 997}`,
      labels: i % 3 === 0 ? ['Famille'] : [],
    })),
    taskLists: [{ title: 'Courses', tasks: [{ title: 'pain' }] }],
    drive,
  };
}

async function bare(base: string, token: string): Promise<number> {
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const answer = await fetch(new URL(path, base), {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!answer.ok) throw new Error(`${answer.status} ${path}`);
    return (await answer.json()) as Record<string, unknown>;
  };
  const paged = async (path: string, key: string, token_ = 'pageToken'): Promise<unknown[]> => {
    const items: unknown[] = [];
    let next: string | undefined;
    do {
      const page = await get(
        next === undefined ? path : `${path}&${token_}=${encodeURIComponent(next)}`,
      );
      items.push(...((page[key] as unknown[] | undefined) ?? []));
      next = page['nextPageToken'] as string | undefined;
    } while (next !== undefined);
    return items;
  };
  let read = 0;
  const list = (await paged(
    'calendar/v3/users/me/calendarList?maxResults=250&showHidden=true',
    'items',
  )) as { id: string }[];
  for (const calendar of list) {
    read += (
      await paged(
        `calendar/v3/calendars/${encodeURIComponent(calendar.id)}/events?maxResults=2500&showDeleted=true&singleEvents=false`,
        'items',
      )
    ).length;
  }
  read += (
    await paged(
      `v1/people/me/connections?pageSize=1000&personFields=${PERSON_FIELDS}`,
      'connections',
    )
  ).length;
  const files = (await paged(
    'drive/v3/files?pageSize=1000&q=trashed%20%3D%20false&fields=nextPageToken,files(id,name,mimeType,parents,size,modifiedTime)',
    'files',
  )) as { id: string; mimeType: string }[];
  for (const file of files) {
    if (file.mimeType === 'application/vnd.google-apps.folder') continue;
    const path = file.mimeType.startsWith('application/vnd.google-apps.')
      ? `drive/v3/files/${file.id}/export?mimeType=application/vnd.oasis.opendocument.text`
      : `drive/v3/files/${file.id}?alt=media`;
    const answer = await fetch(new URL(path, base), {
      headers: { authorization: `Bearer ${token}` },
    });
    await answer.arrayBuffer();
    read += 1;
  }
  return read;
}

async function baluchon(base: string, token: string, tmpDir: string): Promise<number> {
  const endpoints = endpointsUnder(base);
  const signal = new AbortController().signal;
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  const source = openGoogleSource({
    email: 'bench@example.org',
    products: ['calendar', 'contacts', 'tasks', 'drive'],
    api: (readSignal) => createApiContext({ auth, endpoints, signal: readSignal }),
    t: createI18n('fr').t,
    tmpDir,
  });
  try {
    const inventory = await source.read({ signal, onProblem: () => undefined });
    let read = 0;
    for (const calendar of inventory.calendars) {
      if (calendar.identity.role !== 'ordinary') continue;
      for await (const component of calendar.content.open())
        read += component.startsWith('BEGIN:VEVENT') ? 1 : 0;
    }
    for (const book of inventory.addressBooks) {
      for await (const card of book.content.open()) read += card.length > 0 ? 1 : 0;
    }
    if (inventory.files !== null) {
      const wanted = new Set(inventory.files.files.map((file) => file.path));
      for await (const fed of inventory.files.feed(wanted, signal)) {
        // Read to the end, as the engine's upload would.
        let bytes = 0;
        for await (const chunk of await fed.open(signal)) bytes += (chunk as Buffer).length;
        if (bytes !== fed.file.size)
          throw new Error(`${fed.file.path}: ${bytes} of ${fed.file.size}`);
        fed.release?.();
        read += 1;
      }
    }
    return read;
  } finally {
    await source.close();
  }
}

const pinned = pinDriveContent(spec());
const tokens = new TokenBook();
const token = tokens.issue(scopesFor(['calendar', 'contacts', 'tasks', 'drive']));
const drive = createDriveApi(driveData(pinned));
const standIn = await startGoogleStandIn({
  tokens,
  latencyMs,
  routes: [
    calendarApi(calendarData(pinned)),
    tasksApi(tasksData(pinned)),
    peopleApi(peopleData(pinned)),
    drive.route,
  ],
});
const tmp = mkdtempSync(join(tmpdir(), 'bench-google-'));
const ratios: number[] = [];
try {
  console.log(
    `family: ${counts.events} events, ${counts.people} people, ${counts.files} files; ${latencyMs} ms per API answer`,
  );
  for (let round = 0; round < rounds; round += 1) {
    const results: Record<string, { items: number; ms: number }> = {};
    for (const way of round % 2 === 0 ? ['bare', 'baluchon'] : ['baluchon', 'bare']) {
      const start = performance.now();
      const items =
        way === 'bare' ? await bare(standIn.url, token) : await baluchon(standIn.url, token, tmp);
      results[way] = { items, ms: performance.now() - start };
    }
    const rate = (way: string): number => {
      const one = results[way];
      return one === undefined ? 0 : one.items / (one.ms / 1000);
    };
    // The same account read both ways: the ratio of times (the item counts differ in what each
    // way counts as one: a moved instance is its own resource for the bare loop).
    ratios.push((results['bare']?.ms ?? 0) / (results['baluchon']?.ms ?? 1));
    console.log(
      `round ${round + 1}: bare ${results['bare']?.items} items in ${results['bare']?.ms.toFixed(0)} ms (${rate('bare').toFixed(0)}/s); ` +
        `baluchon ${results['baluchon']?.items} items in ${results['baluchon']?.ms.toFixed(0)} ms (${rate('baluchon').toFixed(0)}/s)`,
    );
  }
  const geo = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
  console.log(
    `speed of baluchon relative to the bare loop (geometric mean of time ratios): ${(100 * geo).toFixed(0)} %`,
  );
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await standIn.close();
  rmSync(tmp, { recursive: true, force: true });
}
