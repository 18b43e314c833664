import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { ScanReport } from '../../src/contract/index.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { goodEntries } from '../fixtures/takeout/hostile-fixtures.ts';
import { writeZip } from '../fixtures/takeout/zip-writer.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let parts: string[];
let hostile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cli-'));
  parts = await buildTakeout(join(dir, 'fr'), familySpec('fr'), { format: 'zip', parts: 2 });
  hostile = join(dir, 'hostile.zip');
  writeZip(hostile, [...goodEntries, { name: 'Takeout/../../evil.sh', data: Buffer.from('x') }]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(
  args: string[],
  lang = 'en_US.UTF-8',
  interrupted = new AbortController().signal,
) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { LANG: lang, BALUCHON_DATA_DIR: join(dir, 'data') },
    cwd: dir,
    interrupted,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('scan (in process)', () => {
  it('prints one JSON document, the ScanReport, and exits 0', async () => {
    const { code, stdout, stderr } = await run(['scan', ...parts, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe(''); // not a terminal: no progress lines
    const report = ScanReport.parse(JSON.parse(stdout));
    expect(
      report.calendars.map((calendar) => [calendar.name, calendar.events, calendar.color]),
    ).toEqual([
      ['Anniversaires de vos contacts', 3, null],
      ['camille.dupont@gmail.com', 3, '#9fc6e7'],
      ['Club de foot', 1, null],
      ['Famille', 6, null],
      ['Jours fériés en France', 4, null],
    ]);
    expect(report.contacts).toMatchObject({
      count: 4,
      labels: ['École', 'Famille'],
      otherContacts: 1,
    });
    expect(report.tasks.count).toBe(4);
    expect(report.files).toMatchObject({ count: 7 });
    expect(report.problems).toEqual([]);
    expect(report.missingParts).toEqual([]);
  });

  it('names a missing part in the JSON report, as a hint: the scan still exits 0', async () => {
    const { code, stdout } = await run(['scan', parts[1] as string, '--json']);
    expect(code).toBe(0);
    const report = ScanReport.parse(JSON.parse(stdout));
    expect(report.missingParts).toEqual(['takeout-20250314T091500Z-001.zip']);
    expect(report.problems).toEqual([]);
  });

  it('says in plain words that a part seems missing, in French and in English', async () => {
    const fr = await run(['scan', parts[1] as string], 'fr_FR.UTF-8');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain(
      'Il semble manquer une partie (takeout-20250314T091500Z-001.zip). Ajoutez-la si vous l’avez',
    );
    const en = await run(['scan', parts[1] as string]);
    expect(en.stdout).toContain(
      'A part seems to be missing (takeout-20250314T091500Z-001.zip). Add it if you have it',
    );
    const whole = await run(['scan', ...parts]);
    expect(whole.stdout).not.toContain('missing');
  });

  it('tells the other contacts apart and how to move them too', async () => {
    const fr = await run(['scan', ...parts], 'fr_FR.UTF-8');
    expect(fr.stdout).toContain(
      'Autres contacts : Google a ajouté de lui-même 1 personne à qui vous avez écrit un jour ; vous ne l’avez jamais enregistrée. Elle est laissée de côté ; pour la déménager aussi, ajoutez --with-other-contacts à la commande migrate.',
    );
    const en = await run(['scan', ...parts]);
    expect(en.stdout).toContain(
      'Other contacts: Google added by itself 1 person you once wrote to',
    );
    expect(en.stdout).toContain('add --with-other-contacts to the migrate command');
  });

  it('accepts paths relative to the current folder', async () => {
    const { code, stdout } = await run(['scan', 'hostile.zip', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      archives: [{ name: 'hostile.zip', path: join(dir, 'hostile.zip') }],
    });
  });

  it('writes a plain summary in French, sizes in ko/Mo', async () => {
    const { code, stdout } = await run(['scan', ...parts], 'fr_FR.UTF-8');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Agendas (nombre d’évènements) :\n  • Anniversaires de vos contacts : 3 — anniversaires de vos contacts, créés par Google',
    );
    expect(stdout).toContain(
      'Contacts (personnes) : 4\n  • Étiquettes : École, Famille\n  • Favoris : 1',
    );
    expect(stdout).toContain('Fichiers (dossier « Drive ») : 7, 306 ko');
    expect(stdout).toContain('Aucun problème.');
  });

  it('lists the problems in plain words, and still exits 0', async () => {
    const { code, stdout } = await run(['scan', hostile]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Problems: 1\n  • Takeout/../../evil.sh: The name of this file points outside the archive, a trick used to overwrite files on a computer. Baluchon left it aside.\n',
    );
  });

  it('exits 2 without paths, or with a path that does not exist', async () => {
    expect(await run(['scan'])).toMatchObject({ code: 2 });
    const missing = await run(['scan', join(dir, 'nowhere.zip')], 'fr_FR.UTF-8');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Rien n’a été trouvé à l’emplacement');
    expect(await run(['scan', '--no-such-option', hostile])).toMatchObject({ code: 2 });
  });

  it('exits 3 when nothing could be read, saying why', async () => {
    const html = join(dir, 'expired.zip');
    writeFileSync(html, '<html>expired</html>');
    const { code, stderr } = await run(['scan', html]);
    expect(code).toBe(3);
    expect(stderr).toContain('expired.zip: Baluchon reads Google exports in .zip or .tgz format');
    expect(stderr).toContain('Baluchon could not read anything from these archives.');
  });

  it('with --json, nothing readable still gives one JSON document naming the problems, exit 3', async () => {
    const garbage = join(dir, 'garbage.zip');
    writeFileSync(garbage, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xde, 0xad, 0xbe, 0xef]));
    const html = join(dir, 'expired-too.zip');
    writeFileSync(html, '<html>expired</html>');
    const { code, stdout } = await run(['scan', garbage, html, '--json'], 'fr_FR.UTF-8');
    expect(code).toBe(3);
    // JSON.parse refuses a second document or anything around the first.
    const document = JSON.parse(stdout) as {
      state: string;
      error: { code: string; message: string };
      problems: { code: string; where: string; reason: string }[];
    };
    expect(document.state).toBe('failed');
    expect(document.error.code).toBe('takeout.nothing-readable');
    expect(document.error.message).toMatch(/^Baluchon n’a rien pu lire/);
    expect(document.problems.map((problem) => problem.where).sort()).toEqual([
      'expired-too.zip',
      'garbage.zip',
    ]);
    for (const problem of document.problems) {
      expect(problem.code).toMatch(/^takeout\./);
      expect(problem.reason).not.toContain(problem.code);
    }
  });

  it('with --json, a path that does not exist gives one JSON document, exit 2', async () => {
    const { code, stdout, stderr } = await run(['scan', join(dir, 'nowhere.zip'), '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({
      state: 'failed',
      error: { code: 'path-not-found' },
      problems: [],
    });
    expect(stderr).toContain('nowhere.zip');
  });

  it('exits 130 when interrupted (Ctrl+C)', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const { code, stdout, stderr } = await run(
      ['scan', ...parts, '--json'],
      'en_US.UTF-8',
      interrupt.signal,
    );
    expect(code).toBe(130);
    expect(JSON.parse(stdout)).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect(stderr).toContain('Stopped before the end');
  });
});

describe('scan (the real command)', () => {
  const exec = promisify(execFile);
  const command = async (lang: string, args: string[]) => {
    try {
      const { stdout, stderr } = await exec(
        'npm',
        ['run', '--silent', 'baluchon', '--', 'scan', ...args],
        {
          cwd: root,
          env: {
            ...process.env,
            LANG: lang,
            LC_ALL: '',
            LC_MESSAGES: '',
            LANGUAGE: '',
            BALUCHON_DATA_DIR: join(dir, 'data'),
          },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it.each([
    ['fr_FR.UTF-8', 'Le nom de ce fichier pointe en dehors de l’archive'],
    ['en_US.UTF-8', 'The name of this file points outside the archive'],
  ])('with LANG=%s prints the JSON report with reasons in that language', async (lang, reason) => {
    const { code, stdout } = await command(lang, [hostile, '--json']);
    expect(code).toBe(0);
    const report = ScanReport.parse(JSON.parse(stdout));
    expect(report.calendars).toMatchObject([{ name: 'Famille', events: 3, color: null }]);
    expect(report.contacts.count).toBe(2);
    expect(report.files).toMatchObject({ count: 1, bytes: 3000 });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.where).toBe('Takeout/../../evil.sh');
    expect(report.problems[0]?.reason).toContain(reason);
  });

  it('exits non-zero when the argument is wrong', async () => {
    expect((await command('en_US.UTF-8', [join(dir, 'nowhere.zip')])).code).toBe(2);
  });
});
