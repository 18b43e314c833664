// The harness starts real servers that behave as configured: authentication, principals and
// home sets, isolation between instances, nothing left behind.
import { existsSync } from 'node:fs';
import { readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApache } from './apache.ts';
import type { DavServer } from './dav-server.ts';
import type { Answer } from './dav-test-requests.ts';
import { hasElement, hrefsIn, propfind, propStatuses, send, textOf } from './dav-test-requests.ts';
import { startRadicale } from './radicale.ts';
import { APACHE, RADICALE, useServer, XANDIKOS } from './vitest-helpers.ts';
import { startXandikos } from './xandikos.ts';

const EVENT = (uid: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Baluchon//harness test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240102T100000Z',
    'DTEND:20240102T110000Z',
    'SUMMARY:Harness',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('Radicale', () => {
  const server = useServer(() => startRadicale({ users: [{ name: 'alice' }, { name: 'bob' }] }));

  it('names the principal at the root and gives its home sets', async () => {
    const { url, user } = server();
    const root = await propfind(url, user, ['d:current-user-principal']);
    expect(root.status).toBe(207);
    expect(hrefsIn(root.text, 'current-user-principal')).toEqual(['/alice/']);

    const principal = await propfind(user.home, user, [
      'd:resourcetype',
      'cal:calendar-home-set',
      'card:addressbook-home-set',
    ]);
    expect(principal.status).toBe(207);
    expect(hasElement(principal.text, 'principal')).toBe(true);
    expect(hrefsIn(principal.text, 'calendar-home-set')).toEqual(['/alice/']);
    expect(hrefsIn(principal.text, 'addressbook-home-set')).toEqual(['/alice/']);
  });

  it('keeps its own redirects: / to the web UI, /.well-known/* to the root', async () => {
    const { url } = server();
    const root = await send('GET', url);
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/.web');
    for (const service of ['caldav', 'carddav']) {
      const wellKnown = await send('GET', `${url}.well-known/${service}`);
      expect(wellKnown.status).toBe(301);
      expect(wellKnown.headers.get('location')).toBe('/');
    }
  });

  it("keeps each user out of the other's collections", async () => {
    const [alice, bob] = server().users;
    if (alice === undefined || bob === undefined) throw new Error('two users expected');
    expect((await propfind(bob.home, bob, ['d:resourcetype'])).status).toBe(207);
    expect((await propfind(bob.home, alice, ['d:resourcetype'])).status).toBe(403);
  });

  it('accepts concurrent writes and stores them in dataDir', async () => {
    const { user, dataDir } = server();
    const calendar = `${user.home}concurrent/`;
    expect((await send('MKCALENDAR', calendar, { user })).status).toBe(201);
    const puts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send('PUT', `${calendar}event-${i}.ics`, {
          user,
          body: EVENT(`event-${i}@harness`),
          headers: { 'content-type': 'text/calendar; charset=utf-8' },
        }),
      ),
    );
    expect(puts.map((p) => p.status)).toEqual(Array.from({ length: 12 }, () => 201));
    const stored = await readdir(join(dataDir, 'collection-root', 'alice', 'concurrent'));
    expect(stored.filter((name) => name.endsWith('.ics'))).toHaveLength(12);
  });
});

describe('Xandikos behind Apache', () => {
  const server = useServer(() => startXandikos());

  it('names the principal at the root and gives its home sets', async () => {
    const { url, user } = server();
    const root = await propfind(url, user, ['d:current-user-principal']);
    expect(root.status).toBe(207);
    expect(hrefsIn(root.text, 'current-user-principal')).toEqual(['/alice/']);

    const principal = await propfind(user.home, user, [
      'd:resourcetype',
      'cal:calendar-home-set',
      'card:addressbook-home-set',
    ]);
    expect(principal.status).toBe(207);
    expect(hasElement(principal.text, 'principal')).toBe(true);
    expect(hrefsIn(principal.text, 'calendar-home-set')).toEqual(['/alice/calendars/']);
    expect(hrefsIn(principal.text, 'addressbook-home-set')).toEqual(['/alice/contacts/']);
  });

  it('has the default calendar and address book, as `xandikos --defaults` makes them', async () => {
    const { user } = server();
    const calendars = await propfind(`${user.home}calendars/`, user, ['d:resourcetype'], '1');
    expect(calendars.status).toBe(207);
    expect(hrefsIn(calendars.text, 'response')).toContain('/alice/calendars/calendar/');
    expect(hasElement(calendars.text, 'calendar')).toBe(true);
    const contacts = await propfind(`${user.home}contacts/`, user, ['d:resourcetype'], '1');
    expect(hrefsIn(contacts.text, 'response')).toContain('/alice/contacts/addressbook/');
    expect(hasElement(contacts.text, 'addressbook')).toBe(true);
  });

  it('redirects /.well-known/* to the root without asking for a password', async () => {
    const { url } = server();
    for (const service of ['caldav', 'carddav']) {
      const wellKnown = await send('GET', `${url}.well-known/${service}`);
      expect(wellKnown.status).toBe(302);
      expect(wellKnown.headers.get('location')).toBe('/');
    }
    expect((await send('PROPFIND', url, { headers: { depth: '0' } })).status).toBe(401);
  });

  it('serves a single principal, so refuses a second user', async () => {
    await expect(startXandikos({ users: [{ name: 'alice' }, { name: 'bob' }] })).rejects.toThrow(
      /single principal/,
    );
  });
});

describe('Apache mod_dav', () => {
  const server = useServer(() => startApache({ users: [{ name: 'alice' }, { name: 'bob' }] }));

  it("answers PROPFIND on the user's folder, without quota properties", async () => {
    const { user } = server();
    const answer = await propfind(user.home, user, [
      'd:resourcetype',
      'd:getlastmodified',
      'd:quota-available-bytes',
      'd:quota-used-bytes',
    ]);
    expect(answer.status).toBe(207);
    expect(hasElement(answer.text, 'collection')).toBe(true);
    expect(textOf(answer.text, 'getlastmodified')).toMatch(/GMT$/);
    // Apache 2.4's mod_dav_fs has no quota support: the properties are "404 Not Found".
    const statuses = propStatuses(answer.text);
    expect(statuses['quota-available-bytes']).toBe(404);
    expect(statuses['quota-used-bytes']).toBe(404);
  });

  it("keeps each user out of the other's folder", async () => {
    const [alice, bob] = server().users;
    if (alice === undefined || bob === undefined) throw new Error('two users expected');
    expect((await propfind(bob.home, alice, ['d:resourcetype'])).status).toBe(401);
  });

  it('gives ETags (none on PUT) and honours If-Match once the ETag is strong', async () => {
    const { user, dataDir } = server();
    const file = `${user.home}if-match.txt`;
    const created = await send('PUT', file, { user, body: 'first' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBeNull();
    // Apache makes the ETag weak (W/"…") while the file is less than a second old, and
    // If-Match needs a strong match: age the file instead of waiting.
    const past = new Date(Date.now() - 60_000);
    await utimes(join(dataDir, 'alice', 'if-match.txt'), past, past);
    const head = await send('HEAD', file, { user });
    const etag = head.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);

    const stale = await send('PUT', file, { user, body: 'lost', headers: { 'if-match': '"0-0"' } });
    expect(stale.status).toBe(412);
    const fresh = await send('PUT', file, { user, body: 'second', headers: { 'if-match': etag } });
    expect(fresh.status).toBe(204);
    expect((await send('GET', file, { user })).text).toBe('second');
  });
});

// Radicale lets a user create only calendars and address books below their principal.
const MAKE_COLLECTION = { radicale: 'MKCALENDAR', xandikos: 'MKCOL', apache: 'MKCOL' } as const;

describe.each([RADICALE, XANDIKOS, APACHE].map((f) => [f.kind, f] as const))(
  '%s',
  (kind, { start }) => {
    it('answers 401 with a Basic challenge to a wrong password', async () => {
      const server = await start();
      try {
        const { user } = server;
        const wrong = { ...user, password: `${user.password}-wrong` };
        const answer = await propfind(user.home, wrong, ['d:resourcetype']);
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /i);
        expect((await propfind(user.home, user, ['d:resourcetype'])).status).toBe(207);
      } finally {
        await server.stop();
      }
    });

    it('starts two servers in parallel on different ports with separate data, then removes all', async () => {
      const [a, b] = await Promise.all([start(), start()]);
      try {
        expect(a.port).not.toBe(b.port);
        expect(a.dataDir).not.toBe(b.dataDir);
        // Each has its own users file: A's password does not open B.
        expect((await propfind(b.user.home, a.user, ['d:resourcetype'])).status).toBe(401);

        const made = await send(MAKE_COLLECTION[kind], `${a.user.home}only-in-a/`, {
          user: a.user,
        });
        expect(made.status).toBe(201);
        const inA = await propfind(`${a.user.home}only-in-a/`, a.user, ['d:resourcetype']);
        expect(isNotFound(inA)).toBe(false);
        const inB = await propfind(`${b.user.home}only-in-a/`, b.user, ['d:resourcetype']);
        expect(isNotFound(inB)).toBe(true);
        expect(await containsFolder(a.dataDir, 'only-in-a')).toBe(true);
        expect(await containsFolder(b.dataDir, 'only-in-a')).toBe(false);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      for (const server of [a, b]) expectGone(server);
    });
  },
);

/**
 * PROPFIND on something missing: 404, or (Xandikos 0.2.8) 207 whose only response has status
 * 404 — and an href that is the percent-encoded absolute URL (`http%3A//127.0.0.1%3A…`).
 */
function isNotFound(answer: Answer): boolean {
  if (answer.status === 404) return true;
  return (
    answer.status === 207 &&
    /<(?:[\w.-]+:)?status>HTTP\/1\.1 404 /.test(answer.text) &&
    !/<(?:[\w.-]+:)?propstat>/.test(answer.text)
  );
}

async function containsFolder(root: string, name: string): Promise<boolean> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.some((entry) => entry.isDirectory() && entry.name === name);
}

function expectGone(server: DavServer): void {
  expect(existsSync(server.workDir)).toBe(false);
  for (const group of server.processGroups) {
    expect(() => process.kill(-group, 0)).toThrow(/ESRCH/);
  }
}
