// Where `scan` and `migrate` read from: the archive's parts, or `--from-*` for the account the
// data is at now; never both, and every `--from-*` option or none.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceArgs } from '../../src/cli/source-options.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const env = { OLD_HOST_PASSWORD: 'secret of the old host' };

function read(
  values: Record<string, string | boolean>,
  positionals: string[] = [],
  locale: 'en' | 'fr' = 'en',
) {
  const { t } = createI18n(locale);
  return readSourceArgs({ t, env }, { values, positionals }, 'nothing named');
}

const from = {
  'from-server': 'https://old.example.org',
  'from-user': 'camille',
  'from-password-env': 'OLD_HOST_PASSWORD',
};

describe('readSourceArgs', () => {
  it('reads the archive parts as a Takeout', () => {
    expect(read({}, ['a-001.zip', 'a-002.zip'])).toEqual({
      kind: 'takeout',
      paths: ['a-001.zip', 'a-002.zip'],
    });
  });

  it('reads --from-* as another host’s account, the password from its variable', () => {
    expect(read(from)).toEqual({
      kind: 'dav',
      account: {
        server: 'https://old.example.org',
        username: 'camille',
        password: 'secret of the old host',
      },
    });
  });

  it('refuses archive parts and --from-* together, in plain words', () => {
    expect(read(from, ['a.zip'])).toEqual({
      problem: expect.stringContaining('not two') as unknown,
    });
    expect(read(from, ['a.zip'], 'fr')).toEqual({
      problem: expect.stringContaining('pas deux') as unknown,
    });
  });

  it('reads --google (or --from google) as the live Google source, alone', () => {
    expect(read({ google: true }, [])).toEqual({ kind: 'google', clientId: null });
    expect(read({ from: 'google', 'google-client-id': 'x.apps' }, [])).toEqual({
      kind: 'google',
      clientId: 'x.apps',
    });
    expect(read({ google: true }, ['a.zip'])).toEqual({
      problem: expect.stringContaining('not two') as unknown,
    });
    expect(read({ from: 'dropbox' }, [])).toEqual({
      problem: expect.stringContaining('--from dropbox') as unknown,
    });
  });

  it('says which --from-* option is missing', () => {
    expect(read({ ...from, 'from-user': '' })).toEqual({
      problem: expect.stringContaining('--from-user') as unknown,
    });
    expect(read({ 'from-server': from['from-server'], 'from-user': 'camille' })).toEqual({
      problem: expect.stringContaining('--from-password-env') as unknown,
    });
    expect(read({ ...from, 'from-password-env': 'UNSET_VARIABLE' })).toEqual({
      problem: expect.stringContaining('UNSET_VARIABLE') as unknown,
    });
  });

  it('gives the command’s own sentence when nothing is named', () => {
    expect(read({})).toEqual({ problem: expect.stringContaining('nothing named') as unknown });
  });
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-cli-source-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], lang: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { LANG: lang, BALUCHON_DATA_DIR: join(dir, 'data'), ...env },
    cwd: dir,
    interrupted: new AbortController().signal,
  });
  return { code, stdout: out, stderr: err };
}

const fromArgs = [
  '--from-server',
  'https://old.example.org',
  '--from-user',
  'camille',
  '--from-password-env',
  'OLD_HOST_PASSWORD',
];
const toArgs = ['--server', 'https://new.example.org', '--user', 'camille', '--password-env', 'X'];

describe('scan and migrate on the command line', () => {
  it('refuse archive parts together with --from-* (exit 2), in English and in French', async () => {
    const scan = await run(['scan', 'a.zip', ...fromArgs], 'en_GB.UTF-8');
    expect(scan.code).toBe(2);
    expect(scan.stderr).toContain('not two');
    const migrate = await run(['migrate', 'a.zip', ...fromArgs, ...toArgs], 'fr_FR.UTF-8');
    expect(migrate.code).toBe(2);
    expect(migrate.stderr).toContain('pas deux');
  });

  it('name --from-* when neither an archive nor an account is given', async () => {
    const scan = await run(['scan'], 'en_GB.UTF-8');
    expect(scan.code).toBe(2);
    expect(scan.stderr).toContain('--from-server');
    const migrate = await run(['migrate', ...toArgs], 'fr_FR.UTF-8');
    expect(migrate.code).toBe(2);
    expect(migrate.stderr).toContain('--from-server');
  });

  it('explain --from-* in the help, in both languages', async () => {
    const en = await run(['migrate', '--help'], 'en_GB.UTF-8');
    expect(en.stdout).toContain('--from-server');
    expect(en.stdout).toContain('the host your data is at now');
    const fr = await run(['scan', '--help'], 'fr_FR.UTF-8');
    expect(fr.stdout).toContain('--from-password-env');
    expect(fr.stdout).toContain('hébergeur où sont vos données');
  });
});
