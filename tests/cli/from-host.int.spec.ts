// `baluchon scan|migrate --from-server … --from-user … --from-password-env …` against a real
// Radicale: the account the data is at is connected (discovery, the password checked) before
// anything else, then named to the service by its id as a 'dav' source and read through the
// source port. The old account sits behind the fault proxy, which refuses and records any write:
// a whole move, and a second run, send it nothing but reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { MigrationReport, ScanReport } from '../../src/contract/index.ts';
import { fault, startRadicale, useFaultProxy, useServer } from '../harness/index.ts';
import {
  contacts,
  events,
  seedCalendarsAndContacts,
  tasks,
} from '../sources/dav/support/family.ts';
import type { DavServer, ServerUser } from '../harness/index.ts';
import { collectionsOf, resourcesOf } from '../migration/support/read-server.ts';
import { testDavClient } from '../support/dav-client.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cli-from-host-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function user(server: DavServer, name: string): ServerUser {
  const found = server.users.find((one) => one.name === name);
  if (found === undefined) throw new Error(`no user ${name}`);
  return found;
}

/** What a reader may send to the host it reads from. */
const reads = new Set(['PROPFIND', 'REPORT', 'GET', 'HEAD', 'OPTIONS']);

describe('scan and migrate from another host (Radicale)', () => {
  // One server, two accounts: the one the family leaves and the one they move to.
  const radicale = useServer(() =>
    startRadicale({ users: [{ name: 'ancien' }, { name: 'nouveau' }, { name: 'relais' }] }),
  );

  async function run(args: string[], password?: string) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(args, {
      stdout,
      stderr,
      env: {
        LANG: 'fr_FR.UTF-8',
        BALUCHON_DATA_DIR: join(dir, 'data'),
        OLD_PASSWORD: password ?? user(radicale(), 'ancien').password,
        NEW_PASSWORD: user(radicale(), 'nouveau').password,
        RELAY_PASSWORD: user(radicale(), 'relais').password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }
  // The old host, seen only through the proxy: any write is refused (403) and recorded.
  const proxy = useFaultProxy(() => radicale().url);
  const writesSeen = () =>
    proxy()
      .requests.filter((request) => !reads.has(request.method))
      .map((request) => `${request.method} ${request.path}`);
  beforeAll(async () => {
    proxy().addRule({
      name: 'no-writes',
      match: { method: ['PUT', 'DELETE', 'PROPPATCH', 'MOVE', 'MKCOL', 'MKCALENDAR', 'COPY'] },
      action: fault.respond(403),
    });
    const old = user(radicale(), 'ancien');
    await seedCalendarsAndContacts(old, { calendarHome: old.home, addressbookHome: old.home });
  });
  const from = () => [
    '--from-server',
    proxy().through(radicale().url),
    '--from-user',
    'ancien',
    '--from-password-env',
    'OLD_PASSWORD',
  ];
  const to = () => [
    '--server',
    radicale().url,
    '--user',
    'nouveau',
    '--password-env',
    'NEW_PASSWORD',
  ];

  it('scan reads what the old host holds: calendars, task lists, contacts', async () => {
    const { code, stdout } = await run(['scan', ...from(), '--json']);
    expect(code).toBe(exitCode.ok);
    const report = ScanReport.parse(JSON.parse(stdout));
    expect(report.calendars.map((calendar) => [calendar.name, calendar.events])).toContainEqual([
      'Famille',
      events.length,
    ]);
    expect(report.contacts.count).toBe(contacts.length);
    expect(report.tasks.count).toBeGreaterThanOrEqual(tasks.length);
    expect(report.archives).toEqual([]);
    expect(writesSeen()).toEqual([]);
  });

  it('scan says when the old host refuses the password, before any scan', async () => {
    const { code, stdout } = await run(['scan', ...from(), '--json'], 'pas-le-bon');
    const document = JSON.parse(stdout) as { state: string; error: { code: string } };
    expect(document).toMatchObject({ state: 'failed', error: { code: 'connect.wrong-password' } });
    expect(code).toBe(exitCode.failed);
  });

  it('migrate moves everything to the new account, read back, the old one untouched', async () => {
    const first = await run(['migrate', ...from(), ...to(), '--json']);
    const report = MigrationReport.parse(JSON.parse(first.stdout));
    expect(report).toMatchObject({ state: 'finished', complete: true });
    // The report says where the data came from: the old account, by server and user.
    expect(report.source.kind).toBe('dav');
    expect(report.source.name).toMatch(/ \(ancien\)$/);
    expect(report.calendars).toMatchObject({ failed: 0, missing: 0 });
    expect(report.calendars.verified).toBeGreaterThanOrEqual(events.length);
    expect(report.contacts).toMatchObject({ verified: contacts.length, failed: 0, missing: 0 });
    expect(first.code).toBe(exitCode.ok);
    // New collections, named after the old ones and where they came from.
    const names = report.collections.map((collection) => collection.name);
    expect(names).toContain('Famille (ancien hébergeur)');
    expect(names).toContain('Proches (ancien hébergeur)');
    // A second run finds everything there and sends nothing.
    const again = MigrationReport.parse(
      JSON.parse((await run(['migrate', ...from(), ...to(), '--json'])).stdout),
    );
    expect(again).toMatchObject({ state: 'finished', complete: true });
    expect(again.calendars.created + again.contacts.created + again.tasks.created).toBe(0);
    expect(writesSeen()).toEqual([]);
  });

  it('a source that drops mid-move: the move stops, the next run resumes, nothing doubled', async () => {
    const relay = [
      '--server',
      radicale().url,
      '--user',
      'relais',
      '--password-env',
      'RELAY_PASSWORD',
      '--state',
      join(dir, 'relay-state'),
      '--json',
    ];
    // How many reports reading the inventory takes (the listings), counted on a scan.
    proxy().clearRequests();
    await run(['scan', ...from(), '--json']);
    const listings = proxy().requests.filter((request) => request.method === 'REPORT').length;
    expect(listings).toBeGreaterThan(0);
    // Then the old host goes away after the listings and one batch of content: every later
    // report has its connection cut.
    const pass = proxy().addRule({
      match: { method: 'REPORT' },
      times: listings + 1,
      action: fault.pass(),
    });
    const cut = proxy().addRule({
      match: { method: 'REPORT' },
      action: fault.reset('before-forward'),
    });
    const first = await run(['migrate', ...from(), ...relay]);
    expect(first.code).not.toBe(exitCode.ok);
    expect(cut.uses).toBeGreaterThan(0);
    pass.remove();
    cut.remove();

    // The host is back: the next run goes on from where the first stopped.
    const second = await run(['migrate', ...from(), ...relay]);
    expect(second.code).toBe(exitCode.ok);
    const report = MigrationReport.parse(JSON.parse(second.stdout));
    expect(report).toMatchObject({ state: 'finished', complete: true });
    expect(report.contacts).toMatchObject({ verified: contacts.length, missing: 0 });
    expect(report.calendars.verified).toBeGreaterThanOrEqual(events.length);
    // Nothing doubled: the new account holds one resource per item the report verified.
    const made = testDavClient(user(radicale(), 'relais'));
    try {
      let held = 0;
      for (const collection of await collectionsOf(made.client, user(radicale(), 'relais').home)) {
        held += (await resourcesOf(made.client, collection.url)).length;
      }
      const verified = (['calendars', 'tasks', 'contacts'] as const).reduce(
        (sum, kind) => sum + report[kind].verified,
        0,
      );
      expect(held).toBe(verified);
    } finally {
      await made.http.close();
    }
    expect(writesSeen()).toEqual([]);
  });

  it('migrate refuses to move an account into itself, in plain words', async () => {
    // The same address as --from-server: the same account.
    const same = [
      '--server',
      proxy().through(radicale().url),
      '--user',
      'ancien',
      '--password-env',
      'OLD_PASSWORD',
    ];
    const { code, stdout, stderr } = await run(['migrate', ...from(), ...same, '--json']);
    const document = JSON.parse(stdout) as { state: string; error: { code: string } };
    expect(document).toMatchObject({ state: 'failed', error: { code: 'source.same-account' } });
    expect(code).toBe(exitCode.failed);
    expect(stderr).toContain('déjà sur ce compte');
  });
});
