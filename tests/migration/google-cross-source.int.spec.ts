// One family, two ways out of Google: the Dupont family's Takeout, and the same family's account
// read live through the Google stand-in (tests/standins/google/: Calendar, Tasks, People, Drive
// and the sign-in, built from Google's documented endpoints — not Google itself), each moved by
// `baluchon migrate` into its own Radicale account and Apache space. What the servers hold is
// compared: the same UIDs and events, the same cards, the same file bytes. Then the live move
// again sends nothing, and the archive moved afterwards into the live move's account updates,
// never doubles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { MigrationReport } from '../../src/contract/index.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startApache, startRadicale, useServer } from '../harness/index.ts';
import type { ServerUser } from '../harness/index.ts';
import {
  STAND_IN_CLIENT_ID,
  STAND_IN_CLIENT_SECRET,
  startGoogleFamily,
} from '../standins/google/google-family.ts';
import type { GoogleFamily } from '../standins/google/google-family.ts';
import { Capture } from '../support/capture.ts';
import { filesUnder, holdings } from './support/server-holdings.ts';

let dir: string;
let parts: string[];
let google: GoogleFamily;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-google-cross-'));
  google = await startGoogleFamily(familySpec('fr'), { autoConsent: true, pageLimit: 2 });
  parts = await buildTakeout(join(dir, 'family'), google.spec, { format: 'zip', parts: 1 });
});
afterAll(async () => {
  await google.standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the same family from a Takeout and from Google itself', () => {
  const users = { users: [{ name: 'archive' }, { name: 'live' }] };
  const radicale = useServer(() => startRadicale(users));
  const apache = useServer(() => startApache(users));
  const user = (server: { users: readonly ServerUser[] }, name: string): ServerUser => {
    const found = server.users.find((one) => one.name === name);
    if (found === undefined) throw new Error(`no user ${name}`);
    return found;
  };

  /**
   * `baluchon migrate`, in process. With `--google` the consent page's address is printed: the
   * test opens it as a browser would (the stand-in consents at once and sends the browser back
   * to Baluchon's loopback listener).
   */
  async function migrate(args: string[]): Promise<MigrationReport> {
    const stdout = new Capture();
    const stderr = new Capture();
    const running = runCli(['migrate', ...args, '--json'], {
      stdout,
      stderr,
      env: {
        LANG: 'fr_FR.UTF-8',
        BALUCHON_DATA_DIR: join(dir, 'data'),
        BALUCHON_GOOGLE_API_BASE: google.standIn.url,
        BALUCHON_GOOGLE_CLIENT_ID: STAND_IN_CLIENT_ID,
        BALUCHON_GOOGLE_CLIENT_SECRET: STAND_IN_CLIENT_SECRET,
        ARCHIVE_R: user(radicale(), 'archive').password,
        LIVE_R: user(radicale(), 'live').password,
        ARCHIVE_A: user(apache(), 'archive').password,
        LIVE_A: user(apache(), 'live').password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    if (args.includes('--google')) {
      let consent: string | undefined;
      while (consent === undefined) {
        consent = /(http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?\S+)/.exec(stderr.text)?.[1];
        if (consent === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const page = await fetch(consent);
      expect(page.status).toBe(200);
    }
    const code = await running;
    expect(code, stderr.text).toBe(exitCode.ok);
    return MigrationReport.parse(JSON.parse(stdout.text));
  }

  const to = (name: 'archive' | 'live') => [
    '--server',
    radicale().url,
    '--user',
    name,
    '--password-env',
    name === 'archive' ? 'ARCHIVE_R' : 'LIVE_R',
    '--files-server',
    user(apache(), name).home,
    '--files-user',
    name,
    '--files-password-env',
    name === 'archive' ? 'ARCHIVE_A' : 'LIVE_A',
  ];

  it('holds the same events, tasks, cards and file bytes either way', async () => {
    const fromArchive = await migrate([...parts, ...to('archive')]);
    expect(fromArchive).toMatchObject({ state: 'finished', complete: true });
    const live = await migrate(['--google', ...to('live')]);
    expect(live).toMatchObject({ state: 'finished', complete: true });
    expect(live.source.kind).toBe('google');
    for (const kind of ['calendars', 'tasks', 'contacts'] as const) {
      expect(live[kind].verified, kind).toBe(fromArchive[kind].verified);
      expect(live[kind]).toMatchObject({ failed: 0, missing: 0 });
    }

    const archiveHeld = await holdings(radicale(), user(radicale(), 'archive'));
    const liveHeld = await holdings(radicale(), user(radicale(), 'live'));
    expect([...liveHeld.keys()].sort()).toEqual([...archiveHeld.keys()].sort());
    for (const [uid, summaries] of archiveHeld) expect(liveHeld.get(uid), uid).toEqual(summaries);

    // Files Google stores as they are arrive with the archive's bytes; Google Docs are exported
    // live (ODF) where the archive has Google's own conversion (OOXML): compared by name only.
    const archiveFiles = filesUnder(apache(), 'archive', 'Google Drive (importé)');
    const liveFiles = filesUnder(apache(), 'live', 'Google Drive (importé)');
    for (const [path, bytes] of archiveFiles) {
      if (/^Documents\/(Notes|Lettre)\./.test(path)) continue;
      expect(liveFiles.get(path), path).toBe(bytes);
    }
  });

  it('sends nothing again, then only what changed at Google; an archive moved after never doubles', async () => {
    const again = await migrate(['--google', ...to('live')]);
    for (const kind of ['calendars', 'tasks', 'contacts', 'files'] as const) {
      expect(again[kind].created, kind).toBe(0);
      expect(again[kind].updated, kind).toBe(0);
    }
    // The family renames an event at Google: the next live run sends that change, only it.
    const event = google.calendars.calendars
      .flatMap((calendar) => calendar.events)
      .find((one) => one.status !== 'cancelled' && one.recurringEventId == null);
    if (event === undefined) throw new Error('no event to change');
    Object.assign(event, {
      summary: 'Réunion déplacée',
      sequence: (event.sequence ?? 0) + 1,
      updated: '2026-12-03T09:00:00.000Z',
    });
    const changed = await migrate(['--google', ...to('live')]);
    expect(changed.calendars).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const held = await holdings(radicale(), user(radicale(), 'live'));
    expect([...held.values()].flat().some((line) => line.includes('Réunion déplacée'))).toBe(true);

    const before = await holdings(radicale(), user(radicale(), 'live'));
    // The archive (made before the change) into the same account: nothing new, nothing twice.
    const archiveAfter = await migrate([...parts, ...to('live')]);
    for (const kind of ['calendars', 'tasks', 'contacts', 'files'] as const) {
      expect(archiveAfter[kind].created, kind).toBe(0);
      expect(archiveAfter[kind]).toMatchObject({ failed: 0, missing: 0 });
    }
    // The same calendars, task lists, address book and folder, whichever way it came.
    // (The archive also holds photos and notes, which Google's live way does not read.)
    const urls = (report: MigrationReport) =>
      report.collections
        .filter((one) => one.kind !== 'photos' && one.kind !== 'notes')
        .map((one) => one.url)
        .sort();
    expect(urls(archiveAfter)).toEqual(urls(again));
    const after = await holdings(radicale(), user(radicale(), 'live'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });
});
