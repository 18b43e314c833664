// `baluchon migrate … --files-server … --files-user … --files-password-env …`: calendars and
// contacts to a calendar server (Radicale), files to a WebDAV space (Apache mod_dav), both real,
// in one run with one report naming both accounts; and the three flags go together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { migrationKinds } from '../../src/contract/migrate.ts';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { MigrationReport } from '../../src/contract/index.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { filesOnDisk } from '../files/support/files-on-disk.ts';
import { startApache, startRadicale, useServer } from '../harness/index.ts';

let dir: string;
let family: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cli-files-account-'));
  family = await buildTakeout(join(dir, 'family'), familySpec('fr'), { format: 'zip', parts: 2 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('baluchon migrate with a files account (Radicale + Apache)', () => {
  const calendars = useServer(() => startRadicale());
  const files = useServer(() => startApache());

  async function migrate(args: string[], lang = 'fr_FR.UTF-8') {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(['migrate', ...args], {
      stdout,
      stderr,
      env: {
        LANG: lang,
        BALUCHON_DATA_DIR: join(dir, 'data'),
        CAL_PASSWORD: calendars().user.password,
        FILES_PASSWORD: files().user.password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }
  const main = () => [
    '--server',
    calendars().url,
    '--user',
    calendars().user.name,
    '--password-env',
    'CAL_PASSWORD',
  ];
  const second = () => [
    '--files-server',
    files().user.home,
    '--files-user',
    files().user.name,
    '--files-password-env',
    'FILES_PASSWORD',
  ];

  it('moves everything in one run, files to the files account, one report naming both', async () => {
    const state = join(dir, 'both');
    const { code, stdout } = await migrate([
      ...family,
      ...main(),
      ...second(),
      '--state',
      state,
      '--json',
    ]);
    expect(code).toBe(exitCode.ok);
    const report = MigrationReport.parse(JSON.parse(stdout));
    expect(report).toMatchObject({
      state: 'finished',
      account: calendars().user.name,
      filesAccount: files().user.name,
      verdict: 'all-that-can',
      complete: true,
    });
    expect(report.filesServer).toContain(new URL(files().url).host);
    expect(report.server).toContain(new URL(calendars().url).host);
    expect(report.files).toMatchObject({ found: 10, verified: 7, skipped: 3, failed: 0 });
    expect(report.calendars.verified).toBe(report.calendars.found);
    // The Drive's 7 files, and the family's 3 photos and 2 notes: all on the files account.
    expect(report.photos).toMatchObject({ found: 3, verified: 3, failed: 0 });
    expect(report.notes).toMatchObject({ found: 2, verified: 2, failed: 0 });
    expect(filesOnDisk(join(files().dataDir, files().user.name))).toHaveLength(12);

    // In words, a second time: nothing sent again, both accounts named.
    const words = await migrate([...family, ...main(), ...second(), '--state', state]);
    expect(words.code).toBe(exitCode.ok);
    expect(words.stdout).toContain(`Fichiers vers ${files().user.name} sur `);
    expect(words.stdout).toMatch(/^Fichiers: 10 trouvés, 0 copié, .*7 déjà là, .*7 vérifiés/m);

    // `undo` with the same two accounts removes what went to each.
    const undoOut = new Capture();
    const undone = await runCli(['undo', ...main(), ...second(), '--state', state, '--json'], {
      stdout: undoOut,
      stderr: new Capture(),
      env: {
        LANG: 'fr_FR.UTF-8',
        BALUCHON_DATA_DIR: join(dir, 'data'),
        CAL_PASSWORD: calendars().user.password,
        FILES_PASSWORD: files().user.password,
      },
      cwd: dir,
      interrupted: new AbortController().signal,
    });
    expect(undone).toBe(exitCode.ok);
    // Undo takes back everything the move made, the photos and notes included.
    const created = migrationKinds.reduce((sum, kind) => sum + report[kind].created, 0);
    expect(JSON.parse(undoOut.text)).toMatchObject({ deleted: created, kept: 0 });
    expect(filesOnDisk(join(files().dataDir, files().user.name))).toEqual([]);
  });

  it('refuses --files-server without the files account’s user and password, in French and English', async () => {
    const partial = await migrate([...family, ...main(), '--files-server', files().url]);
    expect(partial.code).toBe(exitCode.usage);
    expect(partial.stderr).toContain('--files-user');
    const english = await migrate(
      [...family, ...main(), '--files-server', files().url, '--files-user', 'x'],
      'en_GB.UTF-8',
    );
    expect(english.code).toBe(exitCode.usage);
    expect(english.stderr).toContain('Give with --files-password-env');
  });

  it('names the flags in its help, in French', async () => {
    const { stdout } = await migrate(['--help']);
    for (const flag of ['--files-server', '--files-user', '--files-password-env']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('un second compte pour les fichiers');
  });
});
