// A source is only read: reading a whole family through it — calendars, tasks and contacts from
// Radicale, files from Apache — sends no request that could change the server. Each server sits
// behind the fault proxy, which refuses any write (so a bug cannot harm the seeded data) and
// records every request for the check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDavSource } from '../../../src/sources/dav/open-dav-source.ts';
import {
  fault,
  startApache,
  startRadicale,
  useFaultProxy,
  useServer,
} from '../../harness/index.ts';
import type { FaultProxy } from '../../harness/index.ts';
import { testDavClient } from '../../support/dav-client.ts';
import type { TestClient } from '../../support/dav-client.ts';
import {
  contacts,
  events,
  files,
  seedCalendarsAndContacts,
  seedFiles,
  tasks,
} from './support/family.ts';
import { readAll } from './support/read-all.ts';

const writes = [
  'PUT',
  'DELETE',
  'PROPPATCH',
  'MOVE',
  'MKCOL',
  'MKCALENDAR',
  'COPY',
  'LOCK',
  'UNLOCK',
  'POST',
  'PATCH',
  'ACL',
];
/** What a reader may send: reading methods only. */
const reads = new Set(['PROPFIND', 'REPORT', 'GET', 'HEAD', 'OPTIONS']);

const clients: TestClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.http.close()));
});

function guard(proxy: FaultProxy): void {
  proxy.addRule({ name: 'no-writes', match: { method: writes }, action: fault.respond(403) });
}

function methodsSeen(proxy: FaultProxy): Set<string> {
  return new Set(proxy.requests.map((r) => r.method));
}

describe('the DAV source never writes to Radicale', () => {
  const server = useServer(startRadicale);
  const proxy = useFaultProxy(() => server().url);
  beforeAll(async () => {
    const { user } = server();
    await seedCalendarsAndContacts(user, { calendarHome: user.home, addressbookHome: user.home });
  });

  it('reads calendars, task lists and address books with PROPFIND, REPORT and GET only', async () => {
    guard(proxy());
    const { user } = server();
    const made = testDavClient(user);
    clients.push(made);
    const read = await readAll(
      openDavSource({ client: made.client, server: proxy().through(server().url) }),
    );
    const uids = [...read.calendars.values(), ...read.taskLists.values()].flat().length;
    expect(uids).toBeGreaterThanOrEqual(events.length + tasks.length);
    expect([...read.addressBooks.values()].flat()).toHaveLength(contacts.length);
    const seen = methodsSeen(proxy());
    expect([...seen].filter((method) => !reads.has(method))).toEqual([]);
    expect(seen.has('REPORT')).toBe(true);
  });
});

describe('the DAV source never writes to Apache', () => {
  const server = useServer(startApache);
  const proxy = useFaultProxy(() => server().url);
  beforeAll(async () => {
    const { user } = server();
    await seedFiles(user, user.home);
  });

  it('walks and downloads every file with PROPFIND and GET only', async () => {
    guard(proxy());
    const { user } = server();
    const made = testDavClient(user);
    clients.push(made);
    const read = await readAll(
      openDavSource({ client: made.client, server: proxy().through(user.home) }),
    );
    expect(read.files.size).toBe(files.size);
    const seen = methodsSeen(proxy());
    expect([...seen].filter((method) => !reads.has(method))).toEqual([]);
    expect(seen.has('GET')).toBe(true);
  });
});
