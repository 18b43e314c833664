// `baluchon migrate … --json` against Radicale: one JSON document on standard output whatever
// happens (done, stopped, refused), with the counts per kind and each problem named with its
// reason; exit code 0 only when everything that can move is verified on the server.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { MigrationReport } from '../../src/contract/index.ts';
import { exitCode } from '../../src/cli/cli-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { fault, startRadicale, useFaultProxy, useServer } from '../harness/index.ts';

const items = fileURLToPath(new URL('../fixtures/items/', import.meta.url));

let dir: string;
let family: string[];
let neverHappens: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-cli-migrate-'));
  family = await buildTakeout(join(dir, 'family'), familySpec('fr'), { format: 'zip', parts: 2 });
  // An export whose one calendar holds a series every date of which was cancelled.
  neverHappens = join(dir, 'never', 'Takeout');
  mkdirSync(join(neverHappens, 'Agenda'), { recursive: true });
  copyFileSync(
    join(items, 'calendar', 'all-instances-exdated.ics'),
    join(neverHappens, 'Agenda', 'Cours.ics'),
  );
  copyFileSync(
    join(items, 'calendar', 'orphan-override-single.ics'),
    join(neverHappens, 'Agenda', 'Conseil.ics'),
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('baluchon migrate (Radicale)', () => {
  const server = useServer(() => startRadicale());
  const proxy = useFaultProxy(() => server().url);

  async function migrate(args: string[], options: { password?: string; state: string }) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(
      [
        'migrate',
        ...args,
        '--server',
        proxy().url,
        '--user',
        server().user.name,
        '--password-env',
        'FAMILY_PASSWORD',
        '--state',
        join(dir, options.state),
      ],
      {
        stdout,
        stderr,
        env: {
          LANG: 'fr_FR.UTF-8',
          BALUCHON_DATA_DIR: join(dir, 'data'),
          FAMILY_PASSWORD: options.password ?? server().user.password,
        },
        cwd: dir,
        interrupted: new AbortController().signal,
      },
    );
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  // Radicale has no room for files: the family's Drive files are asked for only where said.
  const notFiles = 'calendars,tasks,contacts';

  /** Standard output must be exactly one JSON document. */
  const documentOf = (stdout: string): unknown => JSON.parse(stdout) as unknown;

  it('exits 0 with one JSON report when everything is verified', async () => {
    const { code, stdout } = await migrate([...family, '--json', '--only', notFiles], {
      state: 'family',
    });
    expect(code).toBe(exitCode.ok);
    const report = MigrationReport.parse(documentOf(stdout));
    for (const kind of ['calendars', 'tasks', 'contacts'] as const) {
      expect(Object.keys(report[kind])).toEqual(
        expect.arrayContaining([
          'found',
          'created',
          'updated',
          'unchanged',
          'skipped',
          'failed',
          'verified',
          'problems',
        ]),
      );
      expect(report[kind].verified).toBe(report[kind].found - report[kind].skipped);
    }
    expect(report).toMatchObject({ state: 'finished', complete: true });
    expect(report.calendars).toMatchObject({ found: 10, created: 10 });
  });

  it('leaves Google’s other contacts out, and brings them along with --with-other-contacts', async () => {
    const only = ['--json', '--only', 'contacts'];
    const first = await migrate([...family, ...only], { state: 'other-contacts' });
    expect(first.code).toBe(exitCode.ok);
    // The family saved 4 people; Émile was added by Google itself.
    expect(MigrationReport.parse(documentOf(first.stdout)).contacts).toMatchObject({
      found: 4,
      created: 4,
      verified: 4,
    });
    const withOthers = await migrate([...family, ...only, '--with-other-contacts'], {
      state: 'other-contacts',
    });
    expect(withOthers.code).toBe(exitCode.ok);
    expect(MigrationReport.parse(documentOf(withOthers.stdout)).contacts).toMatchObject({
      found: 5,
      created: 1,
      unchanged: 4,
      verified: 5,
    });
  });

  it('names each item that cannot move, with its reason, and still exits 0', async () => {
    const { code, stdout } = await migrate([neverHappens, '--json', '--only', 'calendars'], {
      state: 'never',
    });
    expect(code).toBe(exitCode.ok);
    const report = MigrationReport.parse(documentOf(stdout));
    expect(report.calendars).toMatchObject({ found: 2, created: 1, skipped: 1, verified: 1 });
    expect(report.calendars.problems).toEqual([
      expect.objectContaining({
        code: 'items.event-never-happens',
        where: expect.stringContaining('Cours annulé') as string,
        reason: expect.stringMatching(/annulées/) as string,
      }),
    ]);
  });

  it('exits 1 and names the item the server refused', async () => {
    const parts = await buildTakeout(
      join(dir, 'refused'),
      {
        language: 'fr',
        calendars: [
          { file: 'Refus', name: 'Refus', events: [{ kind: 'single' }, { kind: 'single' }] },
        ],
      },
      { format: 'zip' },
    );
    proxy().addRule({ match: { method: 'PUT' }, times: 1, action: fault.respond(415) });
    const { code, stdout } = await migrate([...parts, '--json', '--only', 'calendars'], {
      state: 'refused',
    });
    expect(code).toBe(exitCode.incomplete);
    const report = MigrationReport.parse(documentOf(stdout));
    expect(report).toMatchObject({ state: 'finished', complete: false });
    expect(report.calendars).toMatchObject({ found: 2, created: 1, failed: 1, verified: 1 });
    expect(report.calendars.problems).toEqual([
      expect.objectContaining({
        code: 'dav.unsupported-media',
        where: expect.stringMatching(/^Réunion/) as string,
        reason: expect.any(String) as string,
      }),
    ]);
  });

  it('stops on a full server with exit 1, the reason in the JSON and on standard error', async () => {
    const parts = await buildTakeout(
      join(dir, 'full'),
      {
        language: 'fr',
        calendars: [
          { file: 'Plein', name: 'Plein', events: [{ kind: 'single' }, { kind: 'single' }] },
        ],
      },
      { format: 'zip' },
    );
    proxy().addRule({ match: { method: 'PUT' }, action: fault.respond(507) });
    const { code, stdout, stderr } = await migrate([...parts, '--json', '--only', 'calendars'], {
      state: 'full',
    });
    expect(code).toBe(exitCode.incomplete);
    const report = MigrationReport.parse(documentOf(stdout));
    expect(report).toMatchObject({
      state: 'stopped',
      stopCode: 'dav.server-full',
      complete: false,
    });
    expect(report.stopMessage).toBeTruthy();
    expect(stderr).toContain(report.stopMessage);
  });

  it('prints one JSON document and exits 3 when the password is wrong', async () => {
    const { code, stdout, stderr } = await migrate([...family, '--json'], {
      state: 'wrong',
      password: 'not the password',
    });
    expect(code).toBe(exitCode.failed);
    expect(documentOf(stdout)).toEqual({
      state: 'failed',
      error: expect.objectContaining({
        code: 'connect.wrong-password',
        message: expect.any(String) as string,
      }) as unknown,
    });
    expect(stderr).not.toBe('');
  });

  it('prints one JSON document and exits 2 when an archive does not exist', async () => {
    const { code, stdout } = await migrate([join(dir, 'nowhere.zip'), '--json'], {
      state: 'nowhere',
    });
    expect(code).toBe(exitCode.usage);
    expect(documentOf(stdout)).toMatchObject({
      state: 'failed',
      error: { code: 'path-not-found' },
    });
  });

  it('says it in words without --json, with the same exit code', async () => {
    const { code, stdout } = await migrate([...family, '--only', notFiles], { state: 'family' });
    expect(code).toBe(exitCode.ok);
    expect(() => JSON.parse(stdout) as unknown).toThrow();
    // The files were left out by choice: "everything you chose", and the files say so.
    expect(stdout).toContain('Tout ce que vous avez choisi d’emporter est sur le nouveau serveur');
    expect(stdout).toMatch(/^Rendez-vous: 10 trouvés, 0 copié, .*10 déjà là, .*10 vérifiés/m);
    expect(stdout).toMatch(
      /^ {2}10 fichiers \(306 ko\) sont restés chez Google, comme vous l’avez choisi\.$/m,
    );
  });

  it('exits 1 when the account has no place for the Drive files, with everything else verified', async () => {
    const { code, stdout } = await migrate([...family, '--json'], { state: 'no-files' });
    expect(code).toBe(exitCode.incomplete);
    const report = MigrationReport.parse(documentOf(stdout));
    expect(report.complete).toBe(false);
    expect(report.files.problems.map((problem) => problem.code)).toContain(
      'migration.no-files-here',
    );
    expect(report.calendars.verified).toBe(report.calendars.found);
    expect(report.contacts.verified).toBe(report.contacts.found);
    expect(report.verdict).toBe('incomplete');
    expect(report.files.left.map((left) => [left.reason, left.count])).toEqual([['no-place', 10]]);
    expect(report.files.left[0]?.bytes).toBeGreaterThan(300_000);
  });

  it('says in words that only the files are left, for want of a place, and how to give one', async () => {
    const { code, stdout } = await migrate(family, { state: 'no-files-words' });
    expect(code).toBe(exitCode.incomplete);
    const headline = stdout.split('\n')[0] ?? '';
    expect(headline).toContain('ce compte n’a pas de place pour les fichiers');
    expect(headline).toContain('--files-server <adresse>');
    expect(stdout).not.toContain('relancer Baluchon');
  });
});
