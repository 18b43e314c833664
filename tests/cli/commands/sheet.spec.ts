// `baluchon sheet`: the take-home sheet of a move, from the report it saved in the state folder,
// in the command line's language, to a file or standard output; a wrong run is said plainly.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.ts';
import { exitCode } from '../../../src/cli/cli-command.ts';
import { Capture } from '../../support/capture.ts';
import { TEST_PASSWORD, familyReport } from '../../devices/support/family-report.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'baluchon-cli-sheet-'));
  await mkdir(join(root, 'cle-usb', 'reports'), { recursive: true });
  await writeFile(
    join(root, 'cle-usb', 'reports', 'baluchon-2026-12-01T10-20-00-7.json'),
    JSON.stringify(familyReport()),
  );
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(args: string[], lang: string) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { LANG: lang, BALUCHON_DATA_DIR: join(root, 'data') },
    cwd: root,
    interrupted: new AbortController().signal,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('baluchon sheet', () => {
  it('prints the sheet of the run kept with --state, in French', async () => {
    const { code, stdout } = await run(
      ['sheet', '--state', 'cle-usb', '--run', '7'],
      'fr_FR.UTF-8',
    );
    expect(code).toBe(exitCode.ok);
    expect(stdout).toContain('<html lang="fr">');
    expect(stdout).toContain('Identifiant : camille.dupont');
    expect(stdout).not.toContain(TEST_PASSWORD);
  });

  it('writes it to --out, private to the user, in English', async () => {
    const { code, stderr } = await run(
      ['sheet', '--state', 'cle-usb', '--run', '7', '--out', 'fiche.html'],
      'en_US.UTF-8',
    );
    expect(code).toBe(exitCode.ok);
    expect(stderr).toContain('fiche.html');
    expect(await readFile(join(root, 'fiche.html'), 'utf8')).toContain('User name: camille.dupont');
    expect((await stat(join(root, 'fiche.html'))).mode & 0o777).toBe(0o600);
  });

  it('says which move is missing, and asks for --run', async () => {
    const missing = await run(['sheet', '--state', 'cle-usb', '--run', '8'], 'en_US.UTF-8');
    expect(missing.code).toBe(exitCode.failed);
    expect(missing.stderr).toContain('No report of move 8');
    const noRun = await run(['sheet'], 'en_US.UTF-8');
    expect(noRun.code).toBe(exitCode.usage);
    expect(noRun.stderr).toContain('--run');
  });
});
