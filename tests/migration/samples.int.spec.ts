// Every real Google-written sample (and a few hostile calendars named after their quirk) moved
// to Radicale and to Xandikos, then read back with GET: each UID once, with its moved instances,
// its time zone and its alarms; nobody can be notified; contacts and tasks complete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/contract/index.ts';
import { CALDAV_CARDDAV_SERVERS, describeEachServer, useFaultProxy } from '../harness/index.ts';
import { testDavClient } from '../support/dav-client.ts';
import type { TestClient } from '../support/dav-client.ts';
import { calendarObjectsOf, cardsOf, participants, summaryOf } from './support/read-server.ts';
import type { StoredCalendarObject, StoredCard } from './support/read-server.ts';
import { buildSampleTakeout, sampleCardCount, sampleEventUids } from './support/sample-takeout.ts';
import { migrationSession, reportOf } from './support/service-migration.ts';
import type { MigrationSession } from './support/service-migration.ts';

// The samples come from several exports, some without Google's myContacts group: every card
// is a person the test expects to arrive, so Google's "other contacts" are chosen too.
const everyCard = { otherContacts: true };

let dir: string;
let archive: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-samples-'));
  archive = buildSampleTakeout(join(dir, 'export'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeEachServer('real Google samples', CALDAV_CARDDAV_SERVERS, (server, kind) => {
  const proxy = useFaultProxy(() => server().url);
  let reader: TestClient;
  let session: MigrationSession;
  let report: MigrationReport;
  /** Every stored calendar object of the new calendars (events and tasks), by UID. */
  const byUid = new Map<string, StoredCalendarObject>();
  const objects: StoredCalendarObject[] = [];
  let cards: StoredCard[] = [];
  const state = (): string => join(dir, kind, 'state');

  beforeAll(async () => {
    reader = testDavClient(server().user);
    session = migrationSession({
      server: proxy().url,
      user: server().user,
      dataDir: join(dir, kind, 'data'),
    });
    report = reportOf(
      await session.migrate([archive], { stateDir: state(), selection: everyCard }),
    );
    for (const collection of report.collections) {
      const url = new URL(new URL(collection.url).pathname, server().url).href;
      if (collection.kind === 'contacts') cards = await cardsOf(reader.client, url);
      else objects.push(...(await calendarObjectsOf(reader.client, url)));
    }
    for (const object of objects) for (const uid of object.uids) byUid.set(uid, object);
  });
  afterAll(async () => {
    await session.close();
    await reader.http.close();
  });

  const object = (uid: string): StoredCalendarObject => {
    const found = byUid.get(uid);
    if (found === undefined) throw new Error(`${uid} is not on the server`);
    return found;
  };

  it('moves every event that can move and names the one that cannot', () => {
    const uids = sampleEventUids();
    expect(report.calendars).toMatchObject({
      found: uids.size,
      created: uids.size - 1,
      skipped: 1,
      failed: 0,
      verified: uids.size - 1,
    });
    expect(report.calendars.problems).toEqual([
      expect.objectContaining({
        code: 'items.event-never-happens',
        where: expect.stringContaining('Cours annulé') as string,
      }),
    ]);
    expect(byUid.has('all-exdated@google.com')).toBe(false);
    expect(report.birthdaysLeftOut).toBe(true);
    expect(report.holidayFeeds).not.toBeNull();
    expect(report.complete).toBe(true);
  });

  it('stores each UID once, in one resource, its master and moved instances together', () => {
    const events = objects.filter((o) => o.components.every((c) => c.name === 'vevent'));
    for (const stored of objects) expect(stored.uids, stored.url).toHaveLength(1);
    const expected = [...sampleEventUids()].filter((uid) => uid !== 'all-exdated@google.com');
    expect(events.map((o) => o.uids[0]).sort()).toEqual(expected.sort());
    // Berlin and Denver: master + 1 override; Sydney: two series of 2; override written first.
    expect(object('38m812jicsrer5gorh3mlp7qhc@google.com').components).toHaveLength(2);
    expect(object('aaaaaaaaaa888se1rr0b24sm4p@google.com').components).toHaveLength(2);
    expect(object('6ep37v20d728v14rcgn17v9is6@google.com').components).toHaveLength(2);
    expect(object('7v3ju5ft4je5iq18nfdk2s3spk@google.com').components).toHaveLength(2);
    expect(object('override-first@google.com').components).toHaveLength(2);
    // Instances whose series is missing arrive too.
    expect(object('orphan1@google.com').components.length).toBeGreaterThanOrEqual(1);
  });

  it('adds the time zone a file forgot (Denver, and the missing-VTIMEZONE quirk)', () => {
    for (const uid of ['aaaaaaaaaa888se1rr0b24sm4p@google.com', 'no-vtimezone@google.com']) {
      const stored = object(uid);
      const used = new Set(
        stored.components.flatMap((c) =>
          ['dtstart', 'dtend', 'recurrence-id']
            .map((name) => c.getFirstProperty(name)?.getParameter('tzid'))
            .filter((tzid): tzid is string => typeof tzid === 'string'),
        ),
      );
      const defined = stored.calendar
        .getAllSubcomponents('vtimezone')
        .map((zone) => String(zone.getFirstPropertyValue('tzid')));
      expect(used.size, uid).toBeGreaterThan(0);
      for (const tzid of used) expect(defined, `${uid} ${tzid}`).toContain(tzid);
    }
  });

  it('leaves no way to notify anyone: SCHEDULE-AGENT=CLIENT on every participant, no METHOD', () => {
    const people = objects.flatMap(participants);
    expect(people.length).toBeGreaterThanOrEqual(3);
    for (const person of people) {
      expect(person.getParameter('schedule-agent'), person.toICALString()).toBe('CLIENT');
      expect(person.getParameter('schedule-force-send'), person.toICALString()).toBeFalsy();
    }
    for (const stored of objects) expect(stored.text, stored.url).not.toMatch(/^METHOD[:;]/m);
    // A reminder by e-mail on an event with guests would reach the guests on Nextcloud: it is
    // shown instead. Google's "unknown organizer" of imported events is gone.
    const dinner = object('dinner-with-guests@google.com').components[0];
    const actions = dinner
      ?.getAllSubcomponents('valarm')
      .map((a) => a.getFirstPropertyValue('action'));
    expect(actions).toEqual(['DISPLAY', 'DISPLAY']);
    const imported = object('imported-into-google@example.org').components[0];
    expect(imported?.hasProperty('organizer')).toBe(false);
  });

  it('keeps all four alarms of the alarm sample', () => {
    const alarms = object('79fs7pkqvht9m5igs0vjv1sfra@google.com').components.flatMap((c) =>
      c.getAllSubcomponents('valarm'),
    );
    expect(alarms).toHaveLength(4);
    for (const alarm of alarms) expect(alarm.getFirstPropertyValue('trigger')).not.toBeNull();
  });

  it('stores every contact with a UID and a name, custom labels in their groups', () => {
    expect(cards).toHaveLength(sampleCardCount());
    expect(report.contacts).toMatchObject({ found: cards.length, verified: cards.length });
    const uids = cards.map((c) => String(c.card.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(cards.length);
    for (const { card, text } of cards) {
      expect(card.getFirstPropertyValue('uid'), text).toBeTruthy();
      expect(String(card.getFirstPropertyValue('fn')).trim(), text).not.toBe('');
    }
    // Custom labels (`itemN.X-ABLabel`) stay grouped with the property they name.
    const labels = cards.flatMap(({ text }) =>
      [...text.matchAll(/^(item\d+)\.X-ABLabel[;:]/gim)].map((m) => ({ text, group: m[1] ?? '' })),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const { text, group } of labels) {
      expect(text).toMatch(new RegExp(`^${group}\\.(?!X-ABLabel)[A-Z-]+[;:]`, 'im'));
    }
  });

  it('moves the tasks: subtasks with RELATED-TO, due dates, completed tasks', () => {
    const todos = objects.flatMap((o) => o.components).filter((c) => c.name === 'vtodo');
    const named = (title: string) => todos.find((c) => summaryOf(c) === title);
    const passport = named('Passeport');
    const photos = named('Photos d’identité');
    const stamps = named('Acheter des timbres');
    expect(passport?.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(passport?.hasProperty('completed')).toBe(true);
    expect(String(photos?.getFirstPropertyValue('related-to'))).toBe(
      String(passport?.getFirstPropertyValue('uid')),
    );
    expect(stamps?.hasProperty('due')).toBe(true);
    expect(named('Tâche supprimée')).toBeUndefined();
    expect(report.tasks).toMatchObject({ failed: 0, verified: todos.length });
  });

  it('sends nothing when the same export is given again', async () => {
    proxy().clearRequests();
    const again = reportOf(
      await session.migrate([archive], { stateDir: state(), selection: everyCard }),
    );
    const writes = proxy().requests.filter((r) =>
      ['PUT', 'MKCALENDAR', 'MKCOL', 'PROPPATCH', 'DELETE'].includes(r.method),
    );
    expect(writes).toEqual([]);
    expect(again.calendars).toMatchObject({ unchanged: report.calendars.created, created: 0 });
    expect(again.complete).toBe(true);
  });
});
