// The Dupont family's export moved to a real server, then moved again, then a newer export, then
// again without the journal — Radicale and Xandikos alike. Everything is checked on what the
// server STORES (GET, parsed), and on the requests the fault proxy saw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/contract/index.ts';
import type { RemoteCollection } from '../../src/dav/collections.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { CALDAV_CARDDAV_SERVERS, describeEachServer, useFaultProxy } from '../harness/index.ts';
import type { RecordedRequest } from '../harness/index.ts';
import { testDavClient } from '../support/dav-client.ts';
import type { TestClient } from '../support/dav-client.ts';
import {
  calendarObjectsOf,
  cardsOf,
  collectionsOf,
  colourOf,
  participants,
  summaryOf,
} from './support/read-server.ts';
import type { StoredCalendarObject } from './support/read-server.ts';
import { migrationSession, reportOf } from './support/service-migration.ts';
import type { MigrationSession } from './support/service-migration.ts';
import { addEvent, editFile } from './support/takeout-edits.ts';

let dir: string;
let zipParts: string[];
let newer: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-family-'));
  zipParts = await buildTakeout(join(dir, 'first'), familySpec('fr'), { format: 'zip', parts: 2 });
  // Some weeks later: a new export, unpacked this time, with two events changed, two added.
  [newer = ''] = await buildTakeout(join(dir, 'newer'), familySpec('fr'), {
    format: 'folder',
    stamp: '20250512T080000Z',
  });
  editFile(newer, 'Agenda/Famille.ics', 'SUMMARY:Réunion 0\r\n', 'SUMMARY:Réunion 0 (salle B)\r\n');
  editFile(
    newer,
    'Agenda/camille.dupont@gmail.com.ics',
    'SUMMARY:Réunion 6\r\n',
    'SUMMARY:Réunion 6 (annulée)\r\n',
  );
  addEvent(newer, 'Agenda/Famille.ics', {
    uid: 'nouveau-1@google.com',
    summary: 'Kermesse',
    day: '20250614',
  });
  addEvent(newer, 'Agenda/Club de foot.ics', {
    uid: 'nouveau-2@google.com',
    summary: 'Tournoi',
    day: '20250621',
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const writes = (requests: readonly RecordedRequest[]): RecordedRequest[] =>
  requests.filter((r) => ['PUT', 'MKCALENDAR', 'MKCOL', 'PROPPATCH', 'DELETE'].includes(r.method));

describeEachServer('the family’s export', CALDAV_CARDDAV_SERVERS, (server, kind) => {
  const proxy = useFaultProxy(() => server().url);
  let reader: TestClient;
  let session: MigrationSession;
  let homes: { calendars: string; contacts: string };
  let before: RemoteCollection[];
  let first: MigrationReport;
  const state = (): string => join(dir, kind, 'state');

  beforeAll(async () => {
    reader = testDavClient(server().user);
    session = migrationSession({
      server: proxy().url,
      user: server().user,
      dataDir: join(dir, kind, 'data'),
    });
    const home = server().user.home;
    homes =
      kind === 'xandikos'
        ? { calendars: new URL('calendars/', home).href, contacts: new URL('contacts/', home).href }
        : { calendars: home, contacts: home };
    // Radicale makes the user's home at the first authenticated request.
    await reader.client.propfind(home, [], '0');
    before = [
      ...(await collectionsOf(reader.client, homes.calendars)),
      ...(homes.contacts === homes.calendars
        ? []
        : await collectionsOf(reader.client, homes.contacts)),
    ];
  });
  afterAll(async () => {
    await session.close();
    await reader.http.close();
  });

  const newCollections = async (): Promise<RemoteCollection[]> => {
    const all = [
      ...(await collectionsOf(reader.client, homes.calendars)),
      ...(homes.contacts === homes.calendars
        ? []
        : await collectionsOf(reader.client, homes.contacts)),
    ];
    return all.filter((c) => !before.some((b) => b.url === c.url));
  };
  const calendarNamed = async (name: string): Promise<RemoteCollection> => {
    const found = (await newCollections()).filter((c) => c.displayName === name);
    expect(found, name).toHaveLength(1);
    return found[0] as RemoteCollection;
  };
  const objectsOf = async (name: string): Promise<StoredCalendarObject[]> =>
    calendarObjectsOf(reader.client, (await calendarNamed(name)).url);

  it('moves everything once and reads it back: every count verified', async () => {
    first = reportOf(await session.migrate(zipParts, { stateDir: state() }));
    expect(first).toMatchObject({ state: 'finished', complete: true, stopCode: null });
    expect(first.calendars).toMatchObject({ found: 10, created: 10, verified: 10, failed: 0 });
    expect(first.tasks).toMatchObject({ found: 4, created: 4, verified: 4, failed: 0 });
    // Émile is one of Google's "other contacts": left out, as the family did not choose him.
    expect(first.contacts).toMatchObject({ found: 4, created: 4, verified: 4, failed: 0 });
    expect(first.birthdaysLeftOut).toBe(true);
    expect(first.holidayFeeds?.[0]?.zone).toBe('metropole');
  });

  it('makes one new calendar per Google calendar, with the family’s names and colour', async () => {
    const made = await newCollections();
    expect(made.map((c) => [c.kind, c.displayName]).sort()).toEqual(
      [
        ['addressbook', 'Contacts (Google)'],
        ['calendar', 'Agenda principal (Google)'],
        ['calendar', 'Club de foot (Google)'],
        ['calendar', 'Courses (Google Tasks)'],
        ['calendar', 'Famille (Google)'],
        ['calendar', 'Maison (Google Tasks)'],
      ].sort(),
    );
    expect(made.every((c) => c.marker !== null)).toBe(true);
    const primary = await calendarNamed('Agenda principal (Google)');
    expect((await colourOf(reader.client, primary.url))?.toUpperCase()).toMatch(/^#9FC6E7/);
    expect(first.collections.map((c) => c.url).sort()).toEqual(
      made.map((c) => proxy().through(c.url)).sort(),
    );
  });

  it('stores one resource per UID: series with their moved instances, overrides first too', async () => {
    const famille = await objectsOf('Famille (Google)');
    expect(famille).toHaveLength(6);
    for (const object of famille) expect(object.uids, object.url).toHaveLength(1);
    // The series (written overrides first by Google): master, 2 moved instances, 2 cancelled.
    const [series, ...others] = famille.filter((o) =>
      o.components.some((c) => c.hasProperty('rrule')),
    );
    expect(others).toEqual([]);
    expect(series?.components).toHaveLength(3);
    const master = series?.components.find((c) => c.hasProperty('rrule'));
    expect(master?.getAllProperties('exdate')).toHaveLength(2);
    expect(series?.components.filter((c) => c.hasProperty('recurrence-id')).map(summaryOf)).toEqual(
      ['Chorale (déplacée) 3', 'Chorale (déplacée) 3'],
    );
    // Instances whose series is not in the file arrive too, together.
    const orphan = famille.find((o) =>
      o.components.some((c) => summaryOf(c).startsWith('Conseil')),
    );
    expect(orphan?.components.length).toBeGreaterThanOrEqual(2);
    // The event without UID arrives under a UID made for it.
    expect(famille.some((o) => o.components.some((c) => summaryOf(c) === 'Sans UID 5'))).toBe(true);
    // UIDs are never shared between resources.
    const all = [
      ...famille,
      ...(await objectsOf('Agenda principal (Google)')),
      ...(await objectsOf('Club de foot (Google)')),
    ];
    expect(new Set(all.flatMap((o) => o.uids)).size).toBe(all.length);
  });

  it('leaves no way to notify anyone: SCHEDULE-AGENT=CLIENT on every participant, no METHOD', async () => {
    const objects = [
      ...(await objectsOf('Famille (Google)')),
      ...(await objectsOf('Agenda principal (Google)')),
    ];
    const people = objects.flatMap(participants);
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) {
      expect(person.getParameter('schedule-agent'), person.toICALString()).toBe('CLIENT');
    }
    for (const object of objects) {
      expect(object.calendar.getFirstPropertyValue('method'), object.url).toBeNull();
      expect(object.text).not.toMatch(/^METHOD:/m);
    }
  });

  it('keeps the alarms', async () => {
    const singles = (await objectsOf('Famille (Google)')).filter((o) =>
      o.components.some((c) => summaryOf(c).startsWith('Réunion')),
    );
    expect(singles).toHaveLength(3);
    for (const single of singles) {
      const alarms = single.components.flatMap((c) => c.getAllSubcomponents('valarm'));
      expect(
        alarms.map((a) => [
          a.getFirstPropertyValue('action'),
          String(a.getFirstPropertyValue('trigger')),
        ]),
      ).toEqual([['DISPLAY', '-PT10M']]);
    }
  });

  it('puts the contacts in one address book: UID, FN, labels as CATEGORIES, itemN groups kept', async () => {
    const book = (await newCollections()).filter((c) => c.kind === 'addressbook');
    expect(book).toHaveLength(1);
    const cards = await cardsOf(reader.client, (book[0] as RemoteCollection).url);
    expect(cards).toHaveLength(4);
    expect(cards.map((c) => String(c.card.getFirstPropertyValue('fn')))).not.toContain(
      'Émile Garnier',
    );
    for (const { card, text } of cards) {
      expect(card.getFirstPropertyValue('uid'), text).toBeTruthy();
      expect(card.getFirstPropertyValue('fn'), text).toBeTruthy();
      expect(text).toMatch(/^item1\.ADR[;:]/im);
      expect(text).toMatch(/^item1\.X-ABLabel[;:]/im);
    }
    const bruno = cards.find((c) => String(c.card.getFirstPropertyValue('fn')) === 'Bruno Petit');
    const categories = bruno?.card
      .getAllProperties('categories')
      .flatMap((p) => p.getValues().map(String));
    expect(categories).toEqual(expect.arrayContaining(['Famille', 'École']));
    expect(new Set(cards.map((c) => String(c.card.getFirstPropertyValue('uid')))).size).toBe(4);
  });

  it('turns the task lists into VTODO calendars, completed tasks with COMPLETED', async () => {
    const courses = await objectsOf('Courses (Google Tasks)');
    const todos = courses.flatMap((o) => o.components);
    expect(todos.every((c) => c.name === 'vtodo')).toBe(true);
    expect(todos.map(summaryOf).sort()).toEqual(['lait', 'pain', 'vieux ticket']);
    const lait = todos.find((c) => summaryOf(c) === 'lait');
    expect(lait?.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(lait?.hasProperty('completed')).toBe(true);
  });

  it('sends nothing at all when the same export is given again', async () => {
    proxy().clearRequests();
    const again = reportOf(await session.migrate(zipParts, { stateDir: state() }));
    expect(writes(proxy().requests)).toEqual([]);
    expect(again).toMatchObject({ complete: true, runId: expect.any(Number) as number });
    expect(again.calendars).toMatchObject({ found: 10, unchanged: 10, created: 0, verified: 10 });
    expect(again.tasks).toMatchObject({ unchanged: 4, verified: 4 });
    expect(again.contacts).toMatchObject({ unchanged: 4, verified: 4 });
  });

  it('updates changed events in place (If-Match, same names) and adds the new ones', async () => {
    const hrefs = new Map(
      (await objectsOf('Famille (Google)')).map((o) => [o.uids[0] ?? '', o.url]),
    );
    proxy().clearRequests();
    const report = reportOf(await session.migrate([newer], { stateDir: state() }));
    expect(report.calendars).toMatchObject({
      found: 12,
      updated: 2,
      created: 2,
      unchanged: 8,
      verified: 12,
    });
    expect(report.tasks).toMatchObject({ unchanged: 4 });
    const puts = proxy().requests.filter((r) => r.method === 'PUT');
    expect(puts.filter((p) => p.headers['if-match'] !== undefined)).toHaveLength(2);
    expect(puts.filter((p) => p.headers['if-none-match'] === '*')).toHaveLength(2);
    expect(writes(proxy().requests).filter((r) => r.method !== 'PUT')).toEqual([]);
    const famille = await objectsOf('Famille (Google)');
    expect(famille).toHaveLength(7);
    const renamed = famille.find((o) =>
      o.components.some((c) => summaryOf(c) === 'Réunion 0 (salle B)'),
    );
    // Changed in place: the same resource, written with If-Match.
    expect(renamed?.url).toBe(hrefs.get(renamed?.uids[0] ?? ''));
    const written = puts.find((put) => renamed?.url.endsWith(put.path) === true);
    expect(written?.headers['if-match']).toBeDefined();
  });

  it('makes nothing twice when the journal was forgotten: the same calendars are found again', async () => {
    const made = await newCollections();
    const counts = new Map<string, number>();
    for (const collection of made) {
      counts.set(collection.url, (await calendarObjectsOrCards(collection)).length);
    }
    rmSync(state(), { recursive: true, force: true });
    proxy().clearRequests();
    const report = reportOf(await session.migrate([newer], { stateDir: state() }));
    expect(report).toMatchObject({ complete: true });
    expect(report.calendars).toMatchObject({ found: 12, verified: 12, failed: 0 });
    expect(proxy().requests.filter((r) => ['MKCALENDAR', 'MKCOL'].includes(r.method))).toEqual([]);
    const after = await newCollections();
    expect(after.map((c) => c.url).sort()).toEqual(made.map((c) => c.url).sort());
    for (const collection of after) {
      expect((await calendarObjectsOrCards(collection)).length, collection.url).toBe(
        counts.get(collection.url),
      );
    }
  });

  const calendarObjectsOrCards = (collection: RemoteCollection) =>
    collection.kind === 'addressbook'
      ? cardsOf(reader.client, collection.url)
      : calendarObjectsOf(reader.client, collection.url);
});
