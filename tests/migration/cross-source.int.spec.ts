// One family, two sources, the same engine: the Dupont family's Takeout moved into Radicale
// (calendars, tasks, contacts) and an Apache WebDAV space (Drive's files); then, as a family whose
// host closes, from that Radicale into Xandikos and from that Apache space into another one — all
// through `baluchon migrate`, the second time with `--from-server`. What each server holds is
// compared: the same UIDs, the same events and cards, the same file bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { MigrationReport } from '../../src/contract/index.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startApache, startRadicale, startXandikos, useServer } from '../harness/index.ts';
import { filesUnder, holdings } from './support/server-holdings.ts';

let dir: string;
let family: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cross-source-'));
  family = await buildTakeout(join(dir, 'family'), familySpec('fr'), { format: 'zip', parts: 2 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the same family from a Takeout, then from the host it went to', () => {
  const radicale = useServer(() => startRadicale());
  const xandikos = useServer(() => startXandikos());
  const apache = useServer(() => startApache({ users: [{ name: 'anne' }, { name: 'bruno' }] }));
  const apacheUser = (name: string) => {
    const found = apache().users.find((one) => one.name === name);
    if (found === undefined) throw new Error(`no user ${name}`);
    return found;
  };

  async function migrate(args: string[]): Promise<MigrationReport> {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(['migrate', ...args, '--json'], {
      stdout,
      stderr,
      env: {
        LANG: 'fr_FR.UTF-8',
        BALUCHON_DATA_DIR: join(dir, 'data'),
        RADICALE: radicale().user.password,
        XANDIKOS: xandikos().user.password,
        ANNE: apacheUser('anne').password,
        BRUNO: apacheUser('bruno').password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    expect(code, stderr.text).toBe(exitCode.ok);
    return MigrationReport.parse(JSON.parse(stdout.text));
  }
  const account = (flag: '' | 'files-' | 'from-', server: string, user: string, env: string) => [
    `--${flag}server`,
    server,
    `--${flag}user`,
    user,
    `--${flag}password-env`,
    env,
  ];

  it('holds the same events, tasks, cards and file bytes on every server', async () => {
    // 1. From Google's archive: calendars, tasks and contacts to Radicale, files to Anne's space.
    const fromGoogle = await migrate([
      ...family,
      ...account('', radicale().url, radicale().user.name, 'RADICALE'),
      ...account('files-', apacheUser('anne').home, 'anne', 'ANNE'),
    ]);
    expect(fromGoogle).toMatchObject({ state: 'finished', complete: true });

    // 2. Radicale closes: everything it holds goes to Xandikos, read from Radicale.
    const fromRadicale = await migrate([
      ...account('from-', radicale().url, radicale().user.name, 'RADICALE'),
      ...account('', xandikos().url, xandikos().user.name, 'XANDIKOS'),
    ]);
    expect(fromRadicale).toMatchObject({ state: 'finished', complete: true });
    for (const kind of ['calendars', 'tasks', 'contacts'] as const) {
      expect(fromRadicale[kind].verified, kind).toBe(fromGoogle[kind].verified);
      expect(fromRadicale[kind]).toMatchObject({ failed: 0, missing: 0 });
    }

    // 3. Anne's space closes: her files go to Bruno's, read from hers.
    const fromAnne = await migrate([
      ...account('from-', apacheUser('anne').home, 'anne', 'ANNE'),
      ...account('', apacheUser('bruno').home, 'bruno', 'BRUNO'),
      '--only',
      'files',
    ]);
    expect(fromAnne).toMatchObject({ state: 'finished', complete: true });
    // Her whole space: the Drive's files, and the photos and notes that went there too.
    const inAnnesSpace =
      fromGoogle.files.verified + fromGoogle.photos.verified + fromGoogle.notes.verified;
    expect(fromAnne.files).toMatchObject({ verified: inAnnesSpace, failed: 0 });

    // Same UIDs, same components, same cards on Radicale and on Xandikos.
    const onRadicale = await holdings(radicale());
    expect(onRadicale.size).toBeGreaterThan(0);
    expect(await holdings(xandikos())).toEqual(onRadicale);

    // Same files, byte for byte: Anne's import folder is inside Bruno's "previous host" folder.
    const imported = 'Google Drive (importé)';
    const anne = filesUnder(apache(), 'anne', imported);
    expect(anne.size).toBe(fromGoogle.files.verified);
    expect(filesUnder(apache(), 'bruno', join('Fichiers (ancien hébergeur)', imported))).toEqual(
      anne,
    );
  });
});
